"""Assembly: give every record its id, link quantities and dates to claims, date the claims.

* A quantity or date belongs to the claim whose content holds it (the innermost when claims
  nest); a date in the claim's sentence outside the content (its speaker phrase, "said on
  Tuesday") belongs to it too. A date in another sentence belongs to no claim: what it dates is
  that sentence's own event, not a statement made elsewhere.
* A quantity also records its sentence (``sentence_start``/``sentence_end``): the claim ledger
  keys a figure on the entities of that sentence.
* ``claim_date``: the day the text gives for the statement (the day-precise date of the claim's
  sentence nearest its cue, outside what was claimed, never after publication: :func:`claim_date`),
  else the publication date, else empty.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .records import ArticleMeta, ArticleResult, Claim, Document, Entity, Quantity, Span, TimeExpr, replace



def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> Optional[tuple[int, int]]:
    for s in sentences:
        if s[0] <= pos < s[1]:
            return s
    return None


def _holder(span: Span, claims: Sequence[Claim]) -> Optional[int]:
    best = None
    for i, c in enumerate(claims):
        if any(p.contains(span) for p in c.spans) or c.content.contains(span):
            if best is None or (c.content.end - c.content.start) < (claims[best].content.end - claims[best].content.start):
                best = i
    return best


def _claim_region(c: Claim, sentences) -> tuple[int, int]:
    pos = [c.cue.start, c.content.start] + ([c.speaker.start] if c.speaker else [])
    ends = [c.cue.end, c.content.end] + ([c.speaker.end] if c.speaker else [])
    s = _sentence_of(sentences, min(pos))
    e = _sentence_of(sentences, max(ends) - 1)
    return (s[0] if s else min(pos), e[1] if e else max(ends))


def assemble(document: Document, meta: ArticleMeta, *, entities: Sequence[Entity] = (),
             claims: Sequence[Claim] = (), quantities: Sequence[Quantity] = (), dates: Sequence[TimeExpr] = (),
             sentences: Sequence[tuple[int, int]] = ()) -> ArticleResult:
    aid = document.article_id
    claims = [replace(c, claim_id=f"{aid}:c{i + 1}") for i, c in enumerate(claims)]
    by_cue = {(c.cue.start, c.cue.end): c.claim_id for c in claims}
    regions = [_claim_region(c, sentences) for c in claims]

    def link(span: Span) -> Optional[str]:
        i = _holder(span, claims)
        if i is not None:
            return claims[i].claim_id
        for k, (a, b) in enumerate(regions):
            if a <= span.start and span.end <= b:
                return claims[k].claim_id
        return None

    numbered = []
    for i, q in enumerate(quantities):
        sent = _sentence_of(sentences, q.span.start) or (None, None)
        numbered.append(replace(q, quantity_id=f"{aid}:q{i + 1}", claim_id=link(q.span),
                                sentence_start=sent[0], sentence_end=sent[1]))
    quantities = numbered
    dates = [replace(d, date_id=f"{aid}:d{i + 1}", claim_id=link(d.span)) for i, d in enumerate(dates)]

    dated = []
    for c in claims:
        when = claim_date(c, claims, dates, sentences, meta.published)
        relay = by_cue.get((c.relayed_by.start, c.relayed_by.end)) if c.relayed_by else None
        dated.append(replace(c, claim_date=when, relayed_by_id=relay))
    return ArticleResult(document=document, meta=meta, entities=tuple(entities), claims=tuple(dated),
                         quantities=tuple(quantities), dates=tuple(dates))


def claim_date(claim: Claim, claims: Sequence[Claim], dates: Sequence[TimeExpr],
               sentences: Sequence[tuple[int, int]], published: Optional[str]) -> Optional[str]:
    """The day ``claim`` was made: the day-precise date of its own sentence nearest its cue
    ("said on Tuesday", "Yesterday, ... the Queen announced"), else the publication date.

    A date that stands inside a claim's content dates what was claimed, not the claiming ("said
    the debate would be held on October 15"), so it is passed over, unless that content also holds
    this claim's cue (a claim reported inside another: "X said that on Monday Y announced ...").
    A day after the publication date is a prediction or a misreading, never the day of a statement
    the article reports, so it is passed over too.
    """
    sent = _sentence_of(sentences, claim.cue.start)
    best, best_gap = None, None
    for d in dates:
        if not (d.start_date and d.start_date == d.end_date and d.type == "date"):
            continue
        if sent is None or _sentence_of(sentences, d.span.start) != sent:
            continue
        if published and d.start_date > published:
            continue
        if any(p.contains(d.span) and not p.contains(claim.cue) for c in claims for p in c.spans):
            continue
        gap = min(abs(d.span.start - claim.cue.end), abs(claim.cue.start - d.span.end))
        if best_gap is None or gap < best_gap:
            best, best_gap = d.start_date, gap
    return best or published


def failed(document: Document, meta: Optional[ArticleMeta], error: str) -> ArticleResult:
    """The result of an article that could not be processed: one articles row saying why."""
    return ArticleResult(document=document, meta=meta or ArticleMeta(), status="error", error=error)
