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
    """Load every models file the stages read; raise :class:`ModelFilesMissing` naming the first
    one unreadable, or every learnt table missing from ``models/cues``."""
    from .attribution import coreference, cues, sources
    from .settings import models_dir

    try:
        lex = cues.lexicon()
        sources.capitals()
        coreference.first_names()
    except (OSError, ValueError, KeyError) as e:
        missing = getattr(e, "filename", None) or str(e)
        raise ModelFilesMissing(_message(missing, models_dir())) from None
    # the learnt parts load as None when their file is missing (a fold's folder is built one part at
    # a time): in the shipped folder every one of them must be there, or a rule would go quiet
    absent = [name for name, part in LEARNT_PARTS if getattr(lex, part) is None]
    if absent:
        raise ModelFilesMissing(_message(", ".join(absent), models_dir() / "cues"))


# (file in models/cues, Lexicon attribute that is None without it)
LEARNT_PARTS = (("cue_model.tsv", "model"), ("cue_preps.tsv", "preps"), ("content_preps.tsv", "content_preps"),
                ("light_verbs.tsv", "light"), ("claim_model.tsv", "claims"), ("boundary_model.tsv", "bounds"),
                ("noun_preps.tsv", "noun_preps"), ("predicates.tsv", "predicates"), ("through_verbs.tsv", "through"),
                ("frames.tsv", "frames"))


def _message(missing: str, folder) -> str:
    return (f"model file missing or unreadable: {missing} (models folder {folder}). The installation is "
            "incomplete: reinstall extract (pip install --force-reinstall <the package>) or run from a checkout")
