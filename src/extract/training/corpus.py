"""The training split, parsed once, with each character marked by the attribution role it has."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..corpora.parses import parsed
from ..corpora.polnear import FOLDS, GoldArticle, iter_corpus, other_folds


def role_chars(text: str, spans) -> bytearray:
    """One byte per character of ``text``: 1 inside one of ``spans``, else 0."""
    marks = bytearray(len(text))
    for s, e in spans:
        marks[s:e] = b"\x01" * (e - s)
    return marks


def marked(train: Path, model: str = "en_core_web_sm", *, leave_out: Iterable[int] = (),
           n_folds: int = FOLDS) -> Iterator[tuple[GoldArticle, object, bytearray, bytearray]]:
    """(article, parsed doc, cue characters, content characters) for each training article not in
    a fold of ``leave_out`` (parses come from :mod:`extract.corpora.parses`)."""
    leave_out = list(leave_out)
    folds: Optional[list[int]] = other_folds(leave_out, n_folds) if leave_out else None
    arts = list(iter_corpus(train, folds=folds, n_folds=n_folds))
    for start in range(0, len(arts), 64):
        chunk = arts[start:start + 64]
        for art, doc in zip(chunk, parsed([a.text for a in chunk], model=model)):
            yield (art, doc, role_chars(art.text, [sp for a in art.attributions for sp in a.cue]),
                   role_chars(art.text, [sp for a in art.attributions for sp in a.content]))


def leave_out_help() -> str:
    return (f"leave out the articles of fold K (0-{FOLDS - 1}, by a stable hash of the article name, "
            "see extract.corpora.polnear); repeat for several; a validation run trains this way")
