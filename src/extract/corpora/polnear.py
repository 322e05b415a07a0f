"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): BRAT standoff attributions and their texts.

Reads ``attributions/*.ann`` and ``text/*.txt`` of one split; when an article has several
annotators' files, the first in name order is used. :func:`fold_of` puts every article in one of
``FOLDS`` folds by a stable hash of its name, so that rules and tables can be discovered on some
folds of the training split and validated on the others (DEVELOPERS.md, "Generalise").
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

ROLES = ("source", "cue", "content")
FOLDS = 5


@dataclass
class GoldAttribution:
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        a, b = part.split()[-2:]
        out.append((int(a), int(b)))
    return out


def read_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one ``.ann`` file (events ``Attribution`` and ``Attribution-no-source``)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            tid, info = parts[:2]
            kind, _, rest = info.partition(" ")
            spans[tid] = (kind, _spans(rest))
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(parts[1].split())
    out = []
    for rel in rels:
        head, _, tid = rel[0].partition(":")
        if head not in ("Attribution", "Attribution-no-source"):
            continue
        g = GoldAttribution()
        for arg in rel[1:]:
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role in ROLES and tid in spans:
                getattr(g, role).extend(spans[tid][1])
        if g.content or g.cue:
            out.append(g)
    return out


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in a)


STRIP = set(" \t\n\r\"'“”‘’«»„‚`.,;:!?()[]{}—–-…")


def comparable(text: str, start: int, end: int) -> tuple[int, int]:
    """A span as scored: without surrounding whitespace, quote marks and punctuation."""
    def strip(c: str) -> bool:  # whitespace (no-break spaces too), quote marks, punctuation
        return c in STRIP or c.isspace() or unicodedata.category(c).startswith("P")
    while start < end and strip(text[start]):
        start += 1
    while end > start and strip(text[end - 1]):
        end -= 1
    return start, end


def relation_match(pred: GoldAttribution, gold: GoldAttribution) -> bool:
    """PolNeAR's relation test as this project scores it: the contents overlap by at least half of
    the shorter one, and the sources overlap (or both are absent)."""
    ov = _overlap(pred.content, gold.content)
    shorter = min(_length(pred.content), _length(gold.content))
    if not shorter or ov * 2 < shorter:
        return False
    if not pred.source and not gold.source:
        return True
    return _overlap(pred.source, gold.source) > 0


def claim_attribution(c) -> GoldAttribution:
    """A :class:`extract.records.Claim` in PolNeAR's terms."""
    return GoldAttribution(source=[(c.speaker.start, c.speaker.end)] if c.speaker else [],
                           cue=[(c.cue.start, c.cue.end)], content=[(s.start, s.end) for s in c.spans])


def fold_of(name: str, folds: int = FOLDS) -> int:
    """The fold of an article: a stable hash of its name (not Python's salted ``hash``)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % folds


def iter_corpus(root: str | Path, limit: Optional[int] = None, *, folds: Optional[Iterable[int]] = None,
                n_folds: int = FOLDS) -> Iterator[GoldArticle]:
    """The articles of a split in name order; with ``folds``, only those whose :func:`fold_of` is in it
    (``limit`` counts the articles kept)."""
    root = Path(root)
    keep = None if folds is None else set(folds)
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(base, ann)
    n = 0
    for base, ann in sorted(chosen.items()):
        if keep is not None and fold_of(base, n_folds) not in keep:
            continue
        if limit is not None and n >= limit:
            break
        n += 1
        text = (root / "text" / f"{base}.txt").read_text(encoding="utf-8")
        yield GoldArticle(base, text, read_ann(ann.read_text(encoding="utf-8")))


def other_folds(leave_out: Iterable[int], n_folds: int = FOLDS) -> list[int]:
    """Every fold but those left out."""
    out = set(leave_out)
    return [k for k in range(n_folds) if k not in out]
