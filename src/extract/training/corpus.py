"""The training split, parsed once, with each character marked by the attribution role it has."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..evaluation.polnear import GoldArticle, iter_corpus
from ..nlp import load


def role_chars(text: str, spans) -> bytearray:
    """One byte per character of ``text``: 1 inside one of ``spans``, else 0."""
    marks = bytearray(len(text))
    for s, e in spans:
        marks[s:e] = b"\x01" * (e - s)
    return marks


def marked(train: Path, model: str = "en_core_web_sm") -> Iterator[tuple[GoldArticle, object, bytearray, bytearray]]:
    """(article, parsed doc, cue characters, content characters) for each training article."""
    nlp = load(model)
    arts = list(iter_corpus(train))
    for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=16)):
        yield (art, doc, role_chars(art.text, [sp for a in art.attributions for sp in a.cue]),
               role_chars(art.text, [sp for a in art.attributions for sp in a.content]))
