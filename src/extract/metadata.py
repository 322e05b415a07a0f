"""Metadata: title, publisher, publication date, dateline, and what to keep out of extraction.

The text is never changed: page chrome ("3 min read"), the dateline and a trailing RELATED link
list are recorded as excluded spans, and later stages drop whatever falls inside them. The
headline is recorded (it gives the title) but not excluded: headlines such as "Pence: Flowers
won't be at debate" are attributions, and their numbers and dates count too.

Publication date, in this order (``published_source``): the sidecar, collection or web-page
metadata (``metadata``); a dateline ("OSLO, June 9 (Reuters) –"), its year taken from the fallback
date (``dateline``); a date line with a year at the top ("Friday, January 4, 2019"; ``dateline``);
the day a crawl archive fetched the page (``crawl``: the page was published then or before); the
``--published`` fallback (``default``); else ``unknown``. Never the file's modification time.

The language of the text (:func:`extract.language.detect`) is recorded too: the English stages
run only on English text.

Hard-wrapped text is read by paragraph (:func:`extract.wrapping.unwrap`): the first line of a
wrapped paragraph is not a headline, and a dateline or a link list is found in the paragraph.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .language import detect as detect_language
from .records import ArticleMeta, Document, Span
from .timeutil import MONTH_RE, month_number, parse_iso_date
from .wrapping import unwrap

CHROME_RE = re.compile(
    r"^[ \t]*(?:\d+[ \t]*(?:min(?:ute)?s?|hrs?|hours?)[ \t]+read|listen to (?:this )?article|"
    r"advertisement|share( this( article)?)?|sign up.*newsletter.*|skip to (?:main )?content|"
    r"updated:? .{0,40}|published:? .{0,40}|image:? .{0,80}|photo:? .{0,80})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
RELATED_RE = re.compile(
    r"^[ \t]*(?:related(?: (?:articles?|stories|coverage|news|content|links?))?|read (?:more|also|next)|"
    r"see also|more (?:from|on) [^\n]{0,40}|recommended(?: stories)?|you may also like)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
HTML_TAG_RE = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--)>", re.S)
LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-*•–—]|\d+[.)])[ \t]+\S")
DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+)*(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)*)?)"
    r"(?:,[ ]+(?P<month>" + MONTH_RE + r")[ ]+(?P<day>\d{1,2})(?:,[ ]+(?P<year>\d{4}))?)?"
    r"[ ]*(?:\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,40})\))?"
    # a lone hyphen glued to words on both sides joins a name ("ABS-CBN's ..."), it dates nothing
    r"[ ]*(?P<dash>[–—]{1,2}|--|(?<=[ )])-|-(?=[ ])|:)[ ]*"
)
TOP_DATE_RE = re.compile(  # spaces are any but a line break: web copy pads the line with no-break spaces
    r"^[^\S\n]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[^\S\n]+)?(?P<month>" + MONTH_RE +
    r")[^\S\n]+(?P<day>\d{1,2}),?[^\S\n]+(?P<year>\d{4})[^\S\n]*$",
    re.MULTILINE,
)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _valid(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def analyze(doc: Document, *, fallback: Optional[str] = None) -> ArticleMeta:
    """Find title, publisher, publication date, dateline and excluded spans of one article."""
    text = doc.text
    flat = unwrap(text)  # same length: positions in it are positions in the text
    md = doc.metadata
    excluded: list[Span] = []
    warnings: list[str] = []
    lines = [(s, e, ln) for s, e, ln in _lines(flat)]
    nonempty = [(s, e, ln) for s, e, ln in lines if ln.strip()]

    # Headline: the first line when it matches the title, or reads like one (short, no final stop).
    headline = None
    title = md.get("title")
    if nonempty:
        s, e, ln = nonempty[0]
        stripped = ln.strip()
        looks_like = (len(stripped) < 160 and not re.search(r"[.!?\"”’]$", stripped)
                      and len(nonempty) > 1 and not TOP_DATE_RE.match(ln))
        if (title and stripped.lower() == title.strip().lower()) or (looks_like and not DATELINE_RE.match(stripped)):
            lead = len(ln) - len(ln.lstrip())
            headline = Span.of(text, s + lead, s + lead + len(stripped))
            title = title or stripped

    for m in HTML_TAG_RE.finditer(text):  # HTML pasted into a .txt: the tags are not text
        excluded.append(Span.of(text, m.start(), m.end()))
    for m in CHROME_RE.finditer(flat):
        if m.group(0).strip():
            excluded.append(Span.of(text, m.start(), m.end()))

    # A trailing link list: a RELATED-style heading, then list items or short lines to the end.
    for m in RELATED_RE.finditer(flat):
        tail = [(s, e, ln) for s, e, ln in lines if s > m.end() and ln.strip()]
        if len(tail) <= 20 and all(LIST_ITEM_RE.match(ln) or len(ln.strip()) < 120 for _, _, ln in tail):
            excluded.append(Span.of(text, m.start(), len(text.rstrip())))
            break

    # Dateline: at the start of one of the first few paragraphs.
    fallback_date = parse_iso_date(fallback) if fallback else None
    dateline = place = agency = None
    dl_date: Optional[dt.date] = None
    for s, e, ln in nonempty[:4]:
        lead = len(ln) - len(ln.lstrip())
        m = DATELINE_RE.match(ln, lead)
        if not m or len(m.group("place")) < 3 or (not m.group("month") and not m.group("agency")
                                                  and m.group("dash") == ":"):
            continue
        if m.group("place").isupper() or m.group("agency"):
            dateline = Span.of(text, s + m.start(), s + m.end())
            place, agency = m.group("place"), (m.group("agency") or "").strip() or None
            if m.group("month"):
                year = int(m.group("year")) if m.group("year") else (fallback_date.year if fallback_date else None)
                if year:
                    dl_date = _valid(year, month_number(m.group("month")), int(m.group("day")))
            excluded.append(dateline)
            break
    if dl_date is None:
        for s, e, ln in nonempty[:3]:
            m = TOP_DATE_RE.match(ln)
            if m:
                dl_date = _valid(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
                break

    published, source = None, "unknown"
    meta_date = parse_iso_date(md.get("published", ""))
    if md.get("published") and meta_date is None:
        warnings.append(f"published {md['published']!r} in the metadata is not a real date; ignored")
    if meta_date:
        published, source = meta_date.isoformat(), "metadata"
    elif dl_date:
        published, source = dl_date.isoformat(), "dateline"
    elif parse_iso_date(md.get("crawled", "")):
        published, source = parse_iso_date(md["crawled"]).isoformat(), "crawl"
    elif fallback_date:
        published, source = fallback_date.isoformat(), "default"

    return ArticleMeta(
        title=title,
        publisher=md.get("publisher") or agency,
        published=published,
        published_source=source,
        url=md.get("url"),
        dateline=dateline,
        dateline_place=place,
        headline=headline,
        excluded=tuple(sorted(set(excluded))),
        warnings=tuple(warnings),
        language=detect_language(flat),
    )
