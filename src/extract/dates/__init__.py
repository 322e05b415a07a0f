"""Dates: temporal expressions with TimeML TIMEX3 type and value, resolved against the article date.

A rule-based tagger in the manner of HeidelTime (Strötgen & Gertz 2013): patterns over the text
(``rules.py``) find the expressions, and a normaliser per pattern (``normalisers.py``) gives each
a value at its real precision ("In October" is ``2024-10``, not a day), resolving underspecified
ones against the publication date (the document creation time, DCT) in the direction the
governing verb's tense gives (``context.py``: "had sent in October" is the past October, "will be
held in October" the coming one). dateparser parses the explicit absolute dates the patterns do
not cover; its day precision is only kept when the text names a day.

False friends are kept out: the modal "may", "march" as a verb, "a second wave", bare numbers,
and anything in an excluded span (the dateline, "3 min read").

Rules were shaped on the even-numbered half of TimeBank + AQUAINT only (``extract eval timeml
--part tune``); its odd half and MEANTIME are only scored: value F1 0.734 -> 0.770 and 0.766 ->
0.807 there over issue 15's two rounds. A dateline's date is left out on purpose: it is the
publication date, which ``articles.csv`` holds.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from spacy.tokens import Doc

from ..nlp import text_of
from ..records import ArticleMeta, TimeExpr
from ..timeutil import MONTH_RE, month_bounds, parse_iso_date, week_value
from .anchors import anchor
from .context import FUTURE, PAST, PRESENT, Context, tense_of
from .rules import GATES, RULES

__all__ = ["extract", "tag", "Context", "tense_of", "PAST", "PRESENT", "FUTURE", "RULES"]


def extract(doc: Doc, meta: Optional[ArticleMeta] = None, *, published: Optional[str] = None) -> tuple[TimeExpr, ...]:
    """All temporal expressions of a parsed article, resolved against its publication date."""
    dct = parse_iso_date(published or (meta.published if meta else None) or "")
    if dct is not None and not 2 <= dct.year <= 9998:
        dct = None  # a year or two from the calendar's ends: relative dates cannot be computed there
    return tuple(tag(Context(text_of(doc), dct, doc), meta))


def tag(ctx: Context, meta: Optional[ArticleMeta] = None) -> list[TimeExpr]:
    """Every rule over the text, then dateparser on the NER's DATE entities no rule covered; where
    matches overlap, the longest at each place wins; excluded spans are dropped."""
    found: list[TimeExpr] = []
    lower = ctx.text.lower()
    for rx, normalise in RULES:
        gate = GATES.get(normalise)
        if gate is not None and not any(word in lower for word in gate):
            continue
        for m in rx.finditer(ctx.text):
            got = normalise(m, ctx)
            if got is not None and got.span.end > got.span.start:
                found.append(got)
    if ctx.doc is not None:
        for ent in ctx.doc.ents:
            if ent.label_ == "DATE" and not any(f.span.start < ent.end_char and ent.start_char < f.span.end
                                                for f in found):
                got = dateparser_date(ctx, ent.start_char, ent.end_char)
                if got is not None:
                    found.append(got)
    found.sort(key=lambda x: (x.span.start, -(x.span.end - x.span.start)))
    out: list[TimeExpr] = []
    for f in found:
        if out and f.span.start < out[-1].span.end:
            continue  # the longest match at each place wins
        if meta is not None and meta.is_excluded(f.span.start, f.span.end):
            continue
        out.append(f)
    return anchor(out)


ABSOLUTE_HINT = re.compile(r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\b|\b" + MONTH_RE + r"\b")


def dateparser_date(ctx: Context, start: int, end: int) -> Optional[TimeExpr]:
    """An absolute date the patterns missed ("03.02.2009", "the 3rd of March"), parsed by
    dateparser; its ``period`` keeps the precision the text gives (day, week, month, year)."""
    if ctx.dct is None:
        return None
    text = ctx.text[start:end]
    if not ABSOLUTE_HINT.search(text):
        return None  # bare numbers and years stay with the patterns, which know their context
    parser = _date_data_parser(ctx.dct, "past" if ctx.tense(start) != FUTURE else "future")
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises on some odd strings (its own bugs): no date is then read
        return None
    d, period = data.date_obj, data.period
    if d is None:
        return None
    d = d.date()
    if period == "year":
        return ctx.expr(start, end, "date", f"{d.year:04d}", f"{d.year:04d}-01-01", f"{d.year:04d}-12-31")
    if period == "month":
        return ctx.expr(start, end, "date", f"{d.year:04d}-{d.month:02d}", *month_bounds(d.year, d.month))
    if period == "week":
        return ctx.expr(start, end, "date", *week_value(d))
    return ctx.expr(start, end, "date", d.isoformat(), d.isoformat(), d.isoformat())


@functools.lru_cache(maxsize=64)
def _date_data_parser(dct: dt.date, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": prefer})
