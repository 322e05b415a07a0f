"""PolNeAR attribution evaluation (Newell, Margolin & Ruths, LREC 2018).

Reads BRAT standoff (``attributions/*.ann``, ``text/*.txt``); when an article has several
annotators' files, the first in name order is used. Scores, per role (source, cue, content):

* exact match: spans equal after stripping surrounding whitespace, quote marks and punctuation;
  split spans count each piece;
* character overlap: P/R/F1 over the characters of each role;
* relation: a gold attribution is found when one predicted claim's content overlaps it by at least
  half of the shorter span and the speaker spans overlap (or both are absent); precision is the
  same test from the predicted side.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .scoring import PRF

ROLES = ("source", "cue", "content")


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


def iter_corpus(root: str | Path, limit: Optional[int] = None) -> Iterator[GoldArticle]:
    root = Path(root)
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(base, ann)
    for i, (base, ann) in enumerate(sorted(chosen.items())):
        if limit is not None and i >= limit:
            break
        text = (root / "text" / f"{base}.txt").read_text(encoding="utf-8")
        yield GoldArticle(base, text, read_ann(ann.read_text(encoding="utf-8")))


STRIP = set(" \t\n\r\"'“”‘’«»„‚`.,;:!?()[]{}—–-…")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    def strip(c: str) -> bool:  # whitespace (no-break spaces too), quote marks, punctuation
        return c in STRIP or c.isspace() or unicodedata.category(c).startswith("P")
    while start < end and strip(text[start]):
        start += 1
    while end > start and strip(text[end - 1]):
        end -= 1
    return start, end


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in a)


def _match(pred: GoldAttribution, gold: GoldAttribution) -> bool:
    ov = _overlap(pred.content, gold.content)
    shorter = min(_length(pred.content), _length(gold.content))
    if not shorter or ov * 2 < shorter:
        return False
    if not pred.source and not gold.source:
        return True
    return _overlap(pred.source, gold.source) > 0


def score_article(text: str, gold: list[GoldAttribution], pred: list[GoldAttribution]) -> dict[str, PRF]:
    res: dict[str, PRF] = {}
    for role in ROLES:
        g = {trim(text, s, e) for a in gold for s, e in getattr(a, role)}
        p = {trim(text, s, e) for a in pred for s, e in getattr(a, role)}
        g.discard(None)
        g = {x for x in g if x[1] > x[0]}
        p = {x for x in p if x[1] > x[0]}
        hit = len(g & p)
        res[f"{role} exact"] = PRF(hit, len(p), hit, len(g))
        gc = {i for s, e in g for i in range(s, e)}
        pc = {i for s, e in p for i in range(s, e)}
        inter = len(gc & pc)
        res[f"{role} overlap"] = PRF(inter, len(pc), inter, len(gc))
    found = sum(1 for ga in gold if any(_match(pa, ga) for pa in pred))
    right = sum(1 for pa in pred if any(_match(pa, ga) for ga in gold))
    res["relation"] = PRF(right, len(pred), found, len(gold))
    return res


def claims_as_attributions(claims) -> list[GoldAttribution]:
    """Claims in PolNeAR's terms. PolNeAR is univocal (a token belongs to one attribution), so a
    claim relayed inside another's content is not scored."""
    out = []
    for c in claims:
        if c.relayed_by is not None:
            continue
        out.append(GoldAttribution(
            source=[(c.speaker.start, c.speaker.end)] if c.speaker else [],
            cue=[(c.cue.start, c.cue.end)],
            content=[(s.start, s.end) for s in c.spans],
        ))
    return out


def evaluate(root: str | Path, *, settings=None, limit: Optional[int] = None, progress: bool = False,
             wrap: Optional[int] = None, render: Optional[str] = None) -> dict:
    """Run the pipeline over a PolNeAR split and score it. Returns {metric: {p, r, f1, ...}}.

    ``wrap`` (a column) or ``render`` (``html``, ``warc``) score the same articles as users hold
    them, hard-wrapped or as news pages, with the checks of :mod:`.renditions` added."""
    from dataclasses import replace

    from ..pipeline import process_many
    from ..records import Document
    from ..settings import Settings

    settings = replace(settings or Settings(), progress=progress)
    articles = list(iter_corpus(root, limit))
    extra: dict = {}
    if wrap or render:
        from .renditions import rendition_claims

        found, extra = rendition_claims(articles, root, settings=settings, wrap=wrap, render=render)
    else:
        docs = [Document(a.name, a.name, a.text) for a in articles]
        found = (result.claims for result in process_many(docs, settings=settings))
    totals: dict[str, PRF] = {}
    for art, claims in zip(articles, found):
        pred = claims_as_attributions(claims)
        for k, v in score_article(art.text, art.attributions, pred).items():
            totals.setdefault(k, PRF()).add(v)
    return {**{k: v.as_dict() for k, v in totals.items()}, **extra}
