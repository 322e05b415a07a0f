"""extract: who claimed what, when, in news articles.

    >>> import extract
    >>> result = extract.process_text(text, {"published": "2025-03-05"})   # doctest: +SKIP
    >>> frames = extract.load("data/out")                                   # doctest: +SKIP
"""
__version__ = "0.1.0"

from .output import load  # noqa: E402
from .pipeline import process_many, process_text, run  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["__version__", "load", "process_many", "process_text", "run", "Settings"]
