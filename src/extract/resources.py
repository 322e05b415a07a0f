"""The shipped models folder, checked once at start-up.

The stages read their lexicons and trained components (``models/``, installed as
``extract/models``) the first time they need them. A file missing from an installation would then
fail every article, one error row each; :func:`check_models` loads them all before the first
article instead, so a broken installation is one clear error at start-up.
"""
from __future__ import annotations

import functools


class ModelFilesMissing(RuntimeError):
    """A lexicon or trained component the stages need is not where the package expects it."""


@functools.lru_cache(maxsize=1)
def check_models() -> None:
    """Load every models file the stages read unconditionally; raise :class:`ModelFilesMissing`
    naming the first one missing or unreadable."""
    from .attribution import cues, sources
    from .settings import models_dir

    try:
        cues.lexicon()
        sources.capitals()
    except (OSError, ValueError, KeyError) as e:
        missing = getattr(e, "filename", None) or str(e)
        raise ModelFilesMissing(
            f"model file missing or unreadable: {missing} (models folder {models_dir()}). The installation is "
            "incomplete: reinstall extract (pip install --force-reinstall <the package>) or run from a checkout"
        ) from None
