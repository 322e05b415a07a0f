"""Which language an article is in, by py3langid (Lui & Baldwin's langid.py, the identifier
trafilatura uses), so that the English stages run only on English text.

A folder of news is often mixed; an English parser run on French text finds "claims" such as
speaker "Nous faisons", cue "tout". :func:`detect` gives an ISO 639-1 code. A text is called
other than English only when there is enough of it to tell (:data:`MIN_LETTERS`) and the
identifier is sure (:data:`MIN_PROBABILITY`): a one-line English note or a text of names and
numbers stays English, so nothing English is lost to a doubtful guess.
"""
from __future__ import annotations

import functools
from typing import Optional

SAMPLE_CHARS = 2500      # the identifier reads the start of a text, after the first line
MIN_LETTERS = 40
MIN_PROBABILITY = 0.95
ENGLISH = "en"


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    load = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model  # 0.4 / 0.2-0.3
    return load(MODEL_FILE, norm_probs=True)


def _sample(text: str) -> str:
    body = text[:SAMPLE_CHARS * 2]
    # the body says more than a headline or dateline: skip a short first line when there is more
    first, _, rest = body.partition("\n")
    if len(rest) > 2 * len(first):
        body = rest
    return body[:SAMPLE_CHARS]


def detect(text: str) -> Optional[str]:
    """The ISO 639-1 code of ``text`` (``en``, ``fr``, ...); None for a text with no letters."""
    sample = _sample(text)
    letters = sum(1 for c in sample if c.isalpha())
    if letters == 0:
        return None
    lang, prob = _identifier().classify(sample)
    if lang == ENGLISH or letters < MIN_LETTERS or prob < MIN_PROBABILITY:
        return ENGLISH
    return lang


def is_english(code: Optional[str]) -> bool:
    """Whether the English stages should run on a text with this language code."""
    return code in (None, ENGLISH)


def skipped_note(code: Optional[str]) -> str:
    """The warning an article in another language gets."""
    return f"language is {code}, not English: no claims, quantities or dates extracted"
