"""PolNeAR attribution evaluation (Newell, Margolin & Ruths, LREC 2018).

The corpus is read by :mod:`extract.corpora.polnear`. Scores, per role (source, cue, content):

* exact match: spans equal after stripping surrounding whitespace, quote marks and punctuation;
  split spans count each piece;
* character overlap: P/R/F1 over the characters of each role;
* relation: a gold attribution is found when one predicted claim's content overlaps it by at least
  half of the shorter span and the speaker spans overlap (or both are absent); precision is the
  same test from the predicted side.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from ..corpora.polnear import (FOLDS, ROLES, GoldArticle, GoldAttribution, claim_attribution, comparable, iter_corpus,
                               relation_match)
from .scoring import PRF

__all__ = ["FOLDS", "evaluate", "cross_validate", "with_fold_models", "score_article", "claims_as_attributions", "GoldArticle",
           "GoldAttribution", "iter_corpus"]

def score_article(text: str, gold: list[GoldAttribution], pred: list[GoldAttribution]) -> dict[str, PRF]:
    res: dict[str, PRF] = {}
    for role in ROLES:
        g = {comparable(text, s, e) for a in gold for s, e in getattr(a, role)}
        p = {comparable(text, s, e) for a in pred for s, e in getattr(a, role)}
        g = {x for x in g if x[1] > x[0]}
        p = {x for x in p if x[1] > x[0]}
        hit = len(g & p)
        res[f"{role} exact"] = PRF(hit, len(p), hit, len(g))
        gc = {i for s, e in g for i in range(s, e)}
        pc = {i for s, e in p for i in range(s, e)}
        inter = len(gc & pc)
        res[f"{role} overlap"] = PRF(inter, len(pc), inter, len(gc))
    found = sum(1 for ga in gold if any(relation_match(pa, ga) for pa in pred))
    right = sum(1 for pa in pred if any(relation_match(pa, ga) for ga in gold))
    res["relation"] = PRF(right, len(pred), found, len(gold))
    quoted = [ga for ga in gold if is_quotation(text, ga)]
    hits = sum(1 for ga in quoted if any(relation_match(pa, ga) for pa in pred))
    res["direct quotes found"] = PRF(hits, len(quoted), hits, len(quoted))  # recall only: see is_quotation
    return res


OPENING_MARKS = "\"“„«‘'`"


def is_quotation(text: str, gold: GoldAttribution) -> bool:
    """Whether a gold attribution's content is a direct quotation: its first span opens with a
    quote mark, or right after one ("''" and "``" included). Used for the issue-14 measure
    "attributions whose content is in quote marks, found with the right source" (relation match)."""
    if not gold.content:
        return False
    s, e = min(gold.content)
    head = text[max(0, s - 2):s + 2]
    first, before = text[s:s + 1], text[s - 1:s] if s > 0 else ""
    # an empty string is "in" every string: a content at offset 0 (a headline) has nothing before it
    return (first != "" and first in OPENING_MARKS) or (before != "" and before in OPENING_MARKS.replace("'", "")) \
        or "''" in head[:2] or "``" in head


def claims_as_attributions(claims) -> list[GoldAttribution]:
    """Claims in PolNeAR's terms. PolNeAR is univocal (a token belongs to one attribution), so a
    claim relayed inside another's content is not scored."""
    return [claim_attribution(c) for c in claims if c.relayed_by is None]


def evaluate(root: str | Path, *, settings=None, limit: Optional[int] = None, progress: bool = False,
             folds: Optional[Iterable[int]] = None, lexicon=None, cache: bool = False,
             dump: Optional[Path] = None, wrap: Optional[int] = None, render: Optional[str] = None,
             min_confidence: float = 0.0) -> dict:
    """Run attribution over a PolNeAR split and score it. Returns {metric: {p, r, f1, ...}}.

    By default the articles go through the whole pipeline, as ``extract run`` would process them.
    With ``cache`` the parses come from :mod:`extract.corpora.parses` and the stages that
    attribution needs (metadata, entities, attribution) run on them directly: the same claims,
    without parsing twice. ``folds`` keeps only the articles of those folds; ``lexicon`` (a
    :class:`extract.attribution.cues.Lexicon`) replaces the shipped one; ``dump`` writes every
    predicted claim and gold attribution as JSON lines, for error analysis. ``wrap`` (a column) or
    ``render`` (``html``, ``warc``) score the same articles as users hold them, hard-wrapped or as
    news pages, with the checks of :mod:`.renditions` added. ``min_confidence`` scores only the
    claims whose ``confidence`` (the claim check's probability) is at least that, as a user who
    filters ``claims.csv`` on it would keep them.
    """
    totals, extra = _totals(root, settings=settings, limit=limit, progress=progress, folds=folds, lexicon=lexicon,
                            cache=cache, dump=dump, wrap=wrap, render=render, min_confidence=min_confidence)
    return {**{k: v.as_dict() for k, v in totals.items()}, **extra}


def _totals(root, *, settings, limit, progress, folds, lexicon, cache, dump, wrap=None,
            render=None, min_confidence: float = 0.0, per_article: Optional[list] = None
            ) -> tuple[dict[str, PRF], dict]:
    articles = list(iter_corpus(root, limit, folds=folds))
    extra: dict = {}
    if wrap or render:
        from .renditions import rendition_claims

        found, extra = rendition_claims(articles, root, settings=_with_progress(settings, progress), wrap=wrap,
                                        render=render)
    else:
        found = _claims(articles, settings=settings, progress=progress, lexicon=lexicon, cache=cache)
    totals: dict[str, PRF] = {}
    if dump is not None:
        dump.parent.mkdir(parents=True, exist_ok=True)  # a new folder for the dump, not a traceback
    out = open(dump, "w", encoding="utf-8") if dump is not None else None
    try:
        for art, claims in zip(articles, found):
            claims = [c for c in claims if c.confidence is None or c.confidence >= min_confidence]
            pred = claims_as_attributions(claims)
            scores = score_article(art.text, art.attributions, pred)
            for k, v in scores.items():
                totals.setdefault(k, PRF()).add(v)
            if per_article is not None:
                per_article.append((art.name, scores))
            if out is not None:
                out.write(json.dumps(_dumped(art, claims), ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return totals, extra


def _with_progress(settings, progress: bool):
    from dataclasses import replace

    from ..settings import Settings

    return replace(settings or Settings(), progress=progress)


def cross_validate(train: str | Path, *, folds: Iterable[int] = range(FOLDS), limit: Optional[int] = None,
                   progress: bool = False, dump: Optional[Path] = None, min_confidence: float = 0.0) -> dict:
    """Train-validation: each fold of ``train`` scored with cue tables and gate trained on the other
    folds (built once per fold by :func:`extract.training.folds.fold_models` and kept in the cache).
    Returns the scores summed over the folds, plus ``fold K relation`` for each fold and, under
    ``draw sd``, how much each score varies between dev-sized sets of these articles
    (:func:`draw_spread`)."""
    from ..attribution import cues
    from ..training.folds import fold_models

    totals: dict[str, PRF] = {}
    per_fold = {}
    per_article: list = []
    for k in folds:
        lex = cues.load(fold_models(train, k) / "cues")
        part = dump.with_name(f"{dump.stem}.fold{k}{dump.suffix}") if dump is not None else None
        scores, _ = _totals(train, settings=None, limit=limit, progress=progress, folds=[k], lexicon=lex, cache=True,
                            dump=part, min_confidence=min_confidence, per_article=per_article)
        for name, prf in scores.items():
            totals.setdefault(name, PRF()).add(prf)
        per_fold[f"fold {k} relation"] = scores["relation"].as_dict()
    return {**{k: v.as_dict() for k, v in totals.items()}, **per_fold, "draw sd": draw_spread(per_article)}


SPREAD_METRICS = ("source exact", "cue exact", "content exact", "relation", "direct quotes found")


def draw_spread(per_article: list, *, per_publisher: int = 12, draws: int = 1000, seed: int = 0) -> dict:
    """The standard deviation of each score (F1; recall for quotes) over ``draws`` random sets of
    ``per_publisher`` articles from each publisher of ``per_article`` ((name, scores) pairs; the
    publisher is the name's first ``_`` part), drawn without replacement: a set shaped like PolNeAR
    dev (84 articles, 12 from each of 7 publishers). It says how far a dev score may lie from the
    train-validation score by the luck of which articles dev holds. On PolNeAR train (issue 14,
    twelfth round) it is about 1.4 points on each score, so a 3-point gap is about two of them.
    Empty when some publisher has fewer articles than ``per_publisher``."""
    import random
    import statistics

    by: dict[str, list] = {}
    for name, scores in per_article:
        by.setdefault(name.split("_")[0], []).append(scores)
    if not by or any(len(v) < per_publisher for v in by.values()):
        return {}
    rng = random.Random(seed)
    values: dict[str, list[float]] = {m: [] for m in SPREAD_METRICS}
    for _ in range(draws):
        drawn = [s for group in by.values() for s in rng.sample(group, per_publisher)]
        for m in SPREAD_METRICS:
            total = PRF()
            for s in drawn:
                if m in s:
                    total.add(s[m])
            values[m].append(total.r if m == "direct quotes found" else total.f1)
    return {m: round(statistics.stdev(v), 4) for m, v in values.items()}


def with_fold_models(split: str | Path, train: str | Path, *, folds: Iterable[int] = range(FOLDS),
                     limit: Optional[int] = None, progress: bool = False, min_confidence: float = 0.0) -> dict:
    """``split`` (dev) scored with the models train-validation trains for each of ``folds`` of
    ``train`` (cue tables, gate, claim check and boundary model from four fifths of train), summed
    over the folds, plus ``fold K relation`` for each. Set beside :func:`evaluate` (models from all
    of train), it measures how much of the gap between dev and train-validation is only the fifth
    of the training data a fold's models do not see."""
    from ..attribution import cues
    from ..training.folds import fold_models

    totals: dict[str, PRF] = {}
    per_fold = {}
    for k in folds:
        lex = cues.load(fold_models(train, k) / "cues")
        scores, _ = _totals(split, settings=None, limit=limit, progress=progress, folds=None, lexicon=lex, cache=True,
                            dump=None, min_confidence=min_confidence)
        for name, prf in scores.items():
            totals.setdefault(name, PRF()).add(prf)
        per_fold[f"fold {k} relation"] = scores["relation"].as_dict()
    return {**{k: v.as_dict() for k, v in totals.items()}, **per_fold}


def _claims(articles: list[GoldArticle], *, settings, progress: bool, lexicon, cache: bool):
    """The claims of each article, in order."""
    from ..records import Document

    docs = [Document(a.name, a.name, a.text) for a in articles]
    if not cache and lexicon is None:
        from ..pipeline import process_many

        for result in process_many(docs, settings=_with_progress(settings, progress)):
            yield result.claims
        return
    from .. import attribution, entities, metadata
    from ..corpora.parses import parsed
    from ..settings import Settings

    settings = settings or Settings()
    for start in range(0, len(docs), 64):
        chunk = docs[start:start + 64]
        for d, doc in zip(chunk, parsed([d.text for d in chunk], model=settings.model)):
            meta = metadata.analyze(d, fallback=settings.published)
            ents = entities.extract(doc, meta)
            yield attribution.extract(doc, ents, meta, lexicon=lexicon)


def _dumped(art: GoldArticle, claims) -> dict:
    def sp(s):
        return [s.start, s.end, s.text] if s is not None else None
    return {"article": art.name,
            "claims": [{"speaker": sp(c.speaker), "cue": sp(c.cue), "content": [sp(p) for p in c.spans],
                        "speaker_canonical": c.speaker_canonical, "speaker_type": c.speaker_type,
                        "speaker_role": c.speaker_role, "quote": c.quote, "hedge": c.hedge, "rule": c.rule,
                        "relayed_by": sp(c.relayed_by), "confidence": c.confidence} for c in claims],
            "gold": [{"source": a.source, "cue": a.cue, "content": a.content} for a in art.attributions]}
