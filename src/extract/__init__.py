"""extract: who claimed what, when, in news articles.

    >>> import extract
    >>> result = extract.process_text(text, {"published": "2025-03-05"})   # doctest: +SKIP
    >>> frames = extract.load("data/out")                                   # doctest: +SKIP
"""
from .output import load
from .pipeline import process_many, process_text, run
from .settings import Settings
from .version import __version__

__all__ = ["__version__", "load", "process_many", "process_text", "run", "Settings"]
