"""Dates: temporal expressions with TimeML TIMEX3 type and value, resolved against the article date.

A rule-based tagger in the manner of HeidelTime (Strötgen & Gertz 2013): patterns over the text
find the expressions, and a normaliser gives each a value at its real precision ("In October" is
``2024-10``, not a day), resolving underspecified ones against the publication date (the document
creation time, DCT) in the direction the governing verb's tense gives ("had sent in October" is
the past October, "will be held in October" the coming one). dateparser parses the explicit
absolute dates the patterns do not cover; its day precision is only kept when the text names a day.

False friends are kept out: the modal "may", "march" as a verb, "a second wave", bare numbers,
and anything in an excluded span (the dateline, "3 min read").
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from .records import ArticleMeta, Span, TimeExpr
from .nlp import text_of
from .timeutil import MONTH_RE, WEEKDAYS, last_day, month_number, parse_iso_date

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "several": "X",
                "few": "X", "a few": "X", "many": "X", "some": "X", "couple": 2, "a couple of": 2}
UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE",
        "hour": "H", "minute": "M", "second": "S", "quarter": "Q", "weekend": "WE"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
NUM = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a few|few|many|a couple of|couple of)"
WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"

PAST, PRESENT, FUTURE = -1, 0, 1


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    type: str
    value: str
    start_date: Optional[str] = None
    end_date: Optional[str] = None


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_bounds(y: int, m: int) -> tuple[str, str]:
    return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last_day(y, m):02d}"


def _week_value(d: dt.date) -> tuple[str, str, str]:
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return f"{y:04d}-W{w:02d}", _iso(monday), _iso(monday + dt.timedelta(days=6))


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _year_for_month(month: int, dct: dt.date, tense: int) -> int:
    if tense == PAST:
        return dct.year if month <= dct.month else dct.year - 1
    if tense == FUTURE:
        return dct.year if month >= dct.month else dct.year + 1
    diff = month - dct.month
    if diff > 6:
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


class Tagger:
    """Finds and normalises the temporal expressions of one parsed article."""

    def __init__(self, doc: Doc, dct: Optional[dt.date], meta: Optional[ArticleMeta] = None):
        self.doc = doc
        self.text = text_of(doc)
        self.dct = dct
        self.meta = meta
        self.rules: list[tuple[re.Pattern, Callable[[re.Match], Optional[Match]]]] = [
            (re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"), self._iso_date),
            (re.compile(rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>{YEAR}|\d\d)\b"), self._us_date),
            (re.compile(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<d1>{DAY})\s*(?:-|–|to|through|and)\s*"
                        rf"(?:(?P<mon2>{MONTH_RE})\s+)?(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"), self._day_range),
            (re.compile(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<d>{DAY})\b(?!\s*(?:%|percent|-|–))"
                        rf"(?:,?\s+(?P<y>{YEAR})\b)?"), self._month_day),
            (re.compile(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<d>{DAY})\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<y>{YEAR})\b)?"), self._day_month),
            (re.compile(rf"\b(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of)[- ]\s*)?"
                        rf"(?P<mon>{MONTH_RE})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?\b"), self._month),
            (re.compile(rf"\b(?P<y1>{YEAR})\s*(?:-|–|/|to)\s*(?P<y2>{YEAR}|\d\d)\b"), self._year_range),
            (re.compile(r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)s\b"), self._decade),
            (re.compile(rf"\b(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
                        rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year))?|(?P<qq>Q[1-4])\s+(?P<y2>{YEAR})|"
                        rf"(?P<rel2>this|last|next)\s+year'?s\s+(?P<q2>first|second|third|fourth)[\s-]+(?P<unit2>quarter|half))\b",
                        re.IGNORECASE), self._quarter),
            (re.compile(rf"\b(?:fiscal(?:\s+year)?\s+)?(?P<y>{YEAR})\b(?!\s*(?:%|percent|-|–|/))"), self._year),
            (re.compile(r"\b(?P<rel>this|last|next|past|previous|coming|current|the past|the previous|the coming|"
                        r"the current|the last|the next|earlier this|later this)\s+"
                        r"(?P<unit>year|month|week|weekend|quarter|decade|century|spring|summer|fall|autumn|winter|"
                        r"season)\b", re.IGNORECASE), self._relative),
            (re.compile(rf"\b(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<wd>{WD})"
                        rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"), self._weekday),
            (re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE),
             self._deictic),
            (re.compile(rf"\b(?P<n>{NUM})\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+(?P<dir>ago|earlier|later|from now|before|after)\b",
                        re.IGNORECASE), self._ago),
            (re.compile(r"\b(?P<w>now|currently|at present|presently|nowadays|these days|recently|lately|"
                        r"the future|in the past|the present)\b", re.IGNORECASE), self._ref),
            (re.compile(r"\b(?P<w>every|each)\s+(?P<unit>year|month|week|day|morning|night|evening|weekend|"
                        rf"{WD})\b|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly)\b", re.IGNORECASE), self._set),
            (re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?=\W|$)"
                        r"|\b(?P<w>noon|midnight|midday)\b", re.IGNORECASE), self._time),
            (re.compile(rf"\b(?:(?P<mod>the\s+(?:past|last|next|first|coming|previous)|more than|nearly|almost|about|over|"
                        rf"at least|up to|some)\s+)?(?P<n>{NUM})[\s-]+(?P<unit>years?|months?|weeks?|days?|decades?|"
                        rf"centuries|century|hours?|minutes?|seconds?)\b(?!\s+(?:ago|earlier|from now))"
                        rf"(?P<old>[\s-]+old)?", re.IGNORECASE), self._duration),
            (re.compile(r"\b(?P<mod>the\s+(?:past|last|next|coming)\s+(?:few|several)?\s*)(?P<unit>years|months|weeks|days|decades)\b",
                        re.IGNORECASE), self._duration),
        ]

    # ---------------------------------------------------------------------------------------- utils
    def _token_at(self, pos: int) -> Optional[Token]:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense(self, pos: int) -> int:
        """Tense of the verb governing the expression at ``pos`` (or of its sentence)."""
        tok = self._token_at(pos)
        if tok is None:
            return PRESENT
        cur = tok
        for _ in range(6):
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "aux", "auxpass"):
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
        verbs = [cur] if cur.pos_ in ("VERB", "AUX") else [t for t in tok.sent if t.pos_ in ("VERB", "AUX")][:1]
        for v in verbs:
            auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
            words = {a.lower_ for a in auxes}
            if words & {"will", "'ll", "shall", "wo"} or any(a.lower_ == "going" for a in v.children):
                return FUTURE
            if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "had"}:
                return PAST
            if v.tag_ == "VBN" and not auxes:
                return PAST
        return PRESENT

    # ---------------------------------------------------------------------------------------- rules
    def _iso_date(self, m):
        try:
            d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return Match(m.start(), m.end(), "date", _iso(d), _iso(d), _iso(d))

    def _us_date(self, m):
        y = int(m["y"])
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
        try:
            d = dt.date(y, int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return Match(m.start(), m.end(), "date", _iso(d), _iso(d), _iso(d))

    def _resolve_year(self, month: int, pos: int, explicit: Optional[str], *, day: bool = False) -> Optional[int]:
        """The year of a month named without one: by tense for a month, the nearest for a day."""
        if explicit:
            return int(explicit)
        if self.dct is None:
            return None
        return _year_for_month(month, self.dct, PRESENT if day else self.tense(pos))

    def _day_range(self, m):
        mon = month_number(m["mon"])
        mon2 = month_number(m["mon2"]) if m["mon2"] else mon
        y = self._resolve_year(mon, m.start(), m["y"])
        d1, d2 = int(re.sub(r"\D", "", m["d1"])), int(re.sub(r"\D", "", m["d2"]))
        if y is None:
            return Match(m.start(), m.end(), "date", f"XXXX-{mon:02d}-{d1:02d}/XXXX-{mon2:02d}-{d2:02d}")
        try:
            a = dt.date(y, mon, d1)
            b = dt.date(y + (mon2 < mon), mon2, d2)
        except ValueError:
            return None
        if b < a:
            return None
        return Match(m.start(), m.end(), "date", f"{_iso(a)}/{_iso(b)}", _iso(a), _iso(b))

    def _month_day(self, m):
        if m["mon"] in ("May", "March") and not m["d"]:
            return None
        mon = month_number(m["mon"])
        day = int(re.sub(r"\D", "", m["d"]))
        y = self._resolve_year(mon, m.start(), m["y"], day=True)
        if m["wd"] and not m["y"] and self.dct is not None:
            y = self._year_by_weekday(mon, day, m["wd"], y)
        return self._day_match(m, y, mon, day)

    def _day_month(self, m):
        mon = month_number(m["mon"])
        day = int(re.sub(r"\D", "", m["d"]))
        if re.fullmatch(r"\d+", m["d"]) and m["mon"] in ("May",) and not m["y"]:
            return None
        y = self._resolve_year(mon, m.start(), m["y"])
        return self._day_match(m, y, mon, day)

    def _year_by_weekday(self, mon: int, day: int, wd: str, fallback: Optional[int]) -> Optional[int]:
        want = WEEKDAYS.get(wd.lower())
        for y in (self.dct.year, self.dct.year - 1, self.dct.year + 1):
            try:
                if dt.date(y, mon, day).weekday() == want:
                    return y
            except ValueError:
                continue
        return fallback

    def _day_match(self, m, y, mon, day):
        if y is None:
            return Match(m.start(), m.end(), "date", f"XXXX-{mon:02d}-{day:02d}")
        try:
            d = dt.date(y, mon, day)
        except ValueError:
            return None
        return Match(m.start(), m.end(), "date", _iso(d), _iso(d), _iso(d))

    def _month(self, m):
        word = m["mon"]
        if not word[0].isupper():
            return None
        mon = month_number(word)
        before = self.text[max(0, m.start() - 12):m.start()].lower()
        tok = self._token_at(m.start())
        if word in ("May", "March", "Jan.", "Mar.", "Jun.", "Aug.") or word.rstrip(".") in ("May", "March", "Jan", "Mar", "Aug", "Sat", "Sun"):
            # only as a month where a month is expected: "in May", "May 2019", "last March"
            if not m["y"] and not re.search(r"\b(in|of|since|until|till|by|from|during|last|next|this|early|late|mid|"
                                            r"through|before|after|between|and|to)\s*-?\s*$", before):
                return None
            if tok is not None and tok.pos_ in ("VERB", "AUX") and not m["y"]:
                return None
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG") and not m["y"]:
            return None
        y = self._resolve_year(mon, m.start(), m["y"])
        start = m.start()
        prep = re.search(r"\b(in|In)\s+$", self.text[max(0, start - 4):start])
        if prep and not m["mod"]:
            start -= len(prep.group(0))  # "In October": the preposition belongs to the expression
        if y is None:
            return Match(start, m.end(), "date", f"XXXX-{mon:02d}")
        a, b = _month_bounds(y, mon)
        return Match(start, m.end(), "date", f"{y:04d}-{mon:02d}", a, b)

    def _year_range(self, m):
        y1 = int(m["y1"])
        y2 = m["y2"]
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if not (y1 < y2 <= y1 + 50):
            return None
        return Match(m.start(), m.end(), "date", f"{y1}/{y2}", f"{y1}-01-01", f"{y2}-12-31")

    def _decade(self, m):
        dec = m["dec"]
        if dec.startswith("'"):
            century = "19" if int(dec[1]) >= 3 else "20"
            dec = century + dec[1:]
        return Match(m.start(), m.end(), "date", dec[:3], f"{dec}-01-01", f"{dec[:3]}9-12-31")

    def _quarter(self, m):
        if m["qq"]:
            q, y = int(m["qq"][1]), int(m["y2"])
            unit = "quarter"
        elif m["q2"]:
            if self.dct is None:
                return None
            q, unit = ORDINALS[m["q2"].lower()], m["unit2"].lower()
            y = self.dct.year + {"last": -1, "next": 1, "this": 0}[m["rel2"].lower()]
        else:
            q = ORDINALS[m["q"].lower()]
            unit = m["unit"].lower()
            if m["y"]:
                y = int(m["y"])
            elif m["rel"] and self.dct is not None:
                y = self.dct.year + {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
            elif self.dct is not None:
                # "the third quarter" alone: the latest one in the direction of the tense
                current = (self.dct.month - 1) // 3 + 1 if unit == "quarter" else (self.dct.month - 1) // 6 + 1
                tense = self.tense(m.start())
                y = self.dct.year
                if tense == PAST and q > current:
                    y -= 1
                elif tense == FUTURE and q < current:
                    y += 1
            else:
                return None
        if unit == "half":
            if q > 2:
                return None
            return Match(m.start(), m.end(), "date", f"{y}-H{q}", f"{y}-{1 + 6 * (q - 1):02d}-01",
                         _month_bounds(y, 6 * q)[1])
        return Match(m.start(), m.end(), "date", f"{y}-Q{q}", f"{y}-{3 * q - 2:02d}-01", _month_bounds(y, 3 * q)[1])

    def _year(self, m):
        y = int(m["y"])
        tok = self._token_at(m.start())
        before = self.text[max(0, m.start() - 12):m.start()]
        if tok is None:
            return None
        in_date_ent = tok.ent_type_ == "DATE"
        context = re.search(r"(?:\b(?:in|of|since|until|till|by|from|during|before|after|through|for|year|fiscal|"
                            r"between|and|to|early|late|mid|around|circa|'s|the)\s*-?\s*|,\s*)$", before, re.IGNORECASE)
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.lemma_.lower() not in ("election", "season", "budget", "census",
                                                                                   "campaign", "elections", "olympics"):
            if not in_date_ent:
                return None
        if not (in_date_ent or context) or "," in tok.text:
            return None
        if tok.like_num and tok.dep_ in ("nummod",) and tok.head.lemma_.lower() not in ("election", "season"):
            if not in_date_ent:
                return None
        return Match(m.start(), m.end(), "date", f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31")

    def _relative(self, m):
        if self.dct is None:
            return None
        rel = m["rel"].lower().replace("the ", "")
        unit = m["unit"].lower()
        k = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
             "earlier this": 0, "later this": 0}.get(rel, 0)
        if rel in ("past", "last") and m["rel"].lower().startswith("the"):
            # "the past year" is a duration ending now
            code = UNIT.get(unit)
            if unit == "decade":
                return Match(m.start(), m.end(), "duration", "P10Y")
            if code and unit not in SEASONS:
                p = "P1" + code if code not in ("H", "M", "S") or unit == "month" else "PT1" + code
                return Match(m.start(), m.end(), "duration", p)
        d = self.dct
        if unit == "year":
            y = d.year + k
            return Match(m.start(), m.end(), "date", f"{y}", f"{y}-01-01", f"{y}-12-31")
        if unit == "month":
            y, mo = _shift_month(d.year, d.month, k)
            a, b = _month_bounds(y, mo)
            return Match(m.start(), m.end(), "date", f"{y}-{mo:02d}", a, b)
        if unit in ("week", "weekend"):
            v, a, b = _week_value(d + dt.timedelta(weeks=k))
            if unit == "weekend":
                return Match(m.start(), m.end(), "date", v + "-WE", _iso(parse_iso_date(a) + dt.timedelta(days=5)), b)
            return Match(m.start(), m.end(), "date", v, a, b)
        if unit == "quarter":
            q = (d.month - 1) // 3 + 1 + k
            y = d.year + (q - 1) // 4
            q = (q - 1) % 4 + 1
            return Match(m.start(), m.end(), "date", f"{y}-Q{q}", f"{y}-{3 * q - 2:02d}-01", _month_bounds(y, 3 * q)[1])
        if unit == "decade":
            dec = (d.year // 10 + k) * 10
            return Match(m.start(), m.end(), "date", f"{dec // 10:03d}", f"{dec}-01-01", f"{dec + 9}-12-31")
        if unit == "century":
            return Match(m.start(), m.end(), "date", f"{d.year // 100 + k:02d}")
        if unit in SEASONS:
            season = SEASONS[unit]
            y = d.year + k
            if k == -1 and season != "WI":
                # "last spring" in autumn is this year's spring
                cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
                order = ["WI", "SP", "SU", "FA"]
                if order.index(season) < order.index(cur):
                    y = d.year
            return Match(m.start(), m.end(), "date", f"{y}-{season}")
        return None

    def _weekday(self, m):
        if self.dct is None:
            return None
        want = WEEKDAYS[m["wd"].lower()]
        rel = (m["rel"] or "").lower()
        d = self.dct
        if rel in ("next", "coming"):
            tense = FUTURE
        elif rel in ("last", "past"):
            tense = PAST
        else:
            tense = self.tense(m.start())
            if tense == PRESENT:
                tense = PAST  # a bare weekday in news is mostly the last one ("said Tuesday")
        diff = want - d.weekday()
        if tense == PAST:
            delta = diff if diff < 0 else diff - 7
            if diff == 0:
                delta = 0 if not rel else -7
        elif tense == FUTURE:
            delta = diff if diff > 0 else diff + 7
        else:
            delta = diff if abs(diff) <= 3 else (diff - 7 if diff > 0 else diff + 7)
        day = d + dt.timedelta(days=delta)
        # "Tuesday night": TimeBank mostly marks the day itself, so the part of day is not in the value
        return Match(m.start(), m.end(), "date", _iso(day), _iso(day), _iso(day))

    def _deictic(self, m):
        if self.dct is None:
            return None
        w = m["w"].lower()
        d = self.dct
        if w.startswith("this "):
            return Match(m.start(), m.end(), "time", f"{_iso(d)}T{PARTS_OF_DAY[w.split()[1]]}", _iso(d), _iso(d))
        if w == "tonight":
            return Match(m.start(), m.end(), "date", _iso(d), _iso(d), _iso(d))
        day = d + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[w])
        return Match(m.start(), m.end(), "date", _iso(day), _iso(day), _iso(day))

    def _ago(self, m):
        if self.dct is None:
            return None
        n = NUMBER_WORDS.get(m["n"].lower(), None)
        if n is None:
            try:
                n = int(float(m["n"]))
            except ValueError:
                return None
        if n == "X":
            return Match(m.start(), m.end(), "date", "PAST_REF" if m["dir"].lower() in ("ago", "earlier", "before") else "FUTURE_REF")
        unit = m["unit"].lower().rstrip("s")
        sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
        d = self.dct
        if unit == "year":
            y = d.year + sign * n
            return Match(m.start(), m.end(), "date", f"{y}", f"{y}-01-01", f"{y}-12-31")
        if unit == "decade":
            y = d.year + sign * 10 * n
            return Match(m.start(), m.end(), "date", f"{y // 10:03d}")
        if unit == "month":
            y, mo = _shift_month(d.year, d.month, sign * n)
            a, b = _month_bounds(y, mo)
            return Match(m.start(), m.end(), "date", f"{y}-{mo:02d}", a, b)
        if unit == "week":
            v, a, b = _week_value(d + dt.timedelta(weeks=sign * n))
            return Match(m.start(), m.end(), "date", v, a, b)
        day = d + dt.timedelta(days=sign * n)
        return Match(m.start(), m.end(), "date", _iso(day), _iso(day), _iso(day))

    def _ref(self, m):
        w = m["w"].lower()
        if w in ("now", "currently", "at present", "presently", "nowadays", "these days", "the present"):
            tok = self._token_at(m.start())
            if w == "now" and tok is not None and tok.dep_ not in ("advmod", "npadvmod", "pobj", "ROOT"):
                return None
            return Match(m.start(), m.end(), "date", "PRESENT_REF")
        if w in ("recently", "lately", "in the past"):
            return Match(m.start(), m.end(), "date", "PAST_REF")
        if w == "the future":
            return Match(m.start(), m.end(), "date", "FUTURE_REF")
        return None  # "soon", "previously": TimeML rarely marks them (TimeBank: 4 of 22, 3 of 23)

    def _set(self, m):
        unit = (m["unit"] or m["adv"] or "").lower()
        # "every week" as the calendar pattern, adverbs as TimeBank marks them ("daily" is P1D)
        value = {"year": "XXXX", "annually": "P1Y", "yearly": "P1Y", "month": "XXXX-XX", "monthly": "P1M",
                 "week": "XXXX-WXX", "weekly": "P1W", "day": "XXXX-XX-XX", "daily": "P1D",
                 "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO", "night": "XXXX-XX-XXTNI",
                 "nightly": "XXXX-XX-XXTNI", "evening": "XXXX-XX-XXTEV"}.get(unit)
        if value is None and unit.capitalize() in [d.capitalize() for d in WEEKDAYS if len(d) > 4]:
            value = f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
        if value is None:
            return None
        if m["adv"]:
            tok = self._token_at(m.start())
            if tok is not None and tok.pos_ == "ADJ" and tok.dep_ == "amod":
                return None  # "daily newspaper"
        return Match(m.start(), m.end(), "set", value)

    def _time(self, m):
        if m["w"]:
            if self.dct is None:
                return None
            hh = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["w"].lower()]
            return Match(m.start(), m.end(), "time", f"{_iso(self.dct)}T{hh}", _iso(self.dct), _iso(self.dct))
        h = int(m["h"])
        ap = m["ap"].lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        mi = m["mi"] or "00"
        day = self.dct
        start = m.start()
        if day is None:
            return Match(start, m.end(), "time", f"XXXX-XX-XXT{h:02d}:{mi}")
        return Match(start, m.end(), "time", f"{_iso(day)}T{h:02d}:{mi}", _iso(day), _iso(day))

    def _duration(self, m):
        unit = m["unit"].lower()
        unit = "century" if unit == "centuries" else unit.rstrip("s")
        code = UNIT.get(unit)
        if code is None:
            return None
        if m.groupdict().get("old"):
            return None  # "a 6-year-old": an age, a quantity but not a TimeML expression
        n_raw = (m.groupdict().get("n") or "").lower()
        if n_raw in ("a", "an") and unit in ("second", "minute"):
            return None  # "a second wave", "a minute's silence"
        if n_raw in ("a", "an", "one"):
            tok = self._token_at(m.end() - 1)
            nxt = tok.doc[tok.i + 1] if tok is not None and tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and not m.groupdict().get("old"):
                return None
        n = NUMBER_WORDS.get(n_raw, None) if n_raw else "X"
        if n is None:
            try:
                num = float(n_raw)
                n = int(num) if num.is_integer() else num
            except ValueError:
                return None
        if unit == "decade" and isinstance(n, (int, float)):
            value = f"P{n * 10}Y"
        elif unit in ("hour", "minute", "second"):
            value = f"PT{n}{code}"
        else:
            value = f"P{n}{code}"
        start = m.start()
        mod = (m.groupdict().get("mod") or "").lower()
        if mod and not mod.startswith("the"):
            start = m.start("n")
        return Match(start, m.end(), "duration", value)

    # ---------------------------------------------------------------------------------------- driver
    def _dateparser(self, start: int, end: int) -> Optional[Match]:
        """An absolute date the patterns missed ("03.02.2009", "the 3rd of March"), parsed by
        dateparser; its ``period`` keeps the precision the text gives (day, week, month, year)."""
        if self.dct is None:
            return None
        text = self.text[start:end]
        if not re.search(r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\b|\b" + MONTH_RE + r"\b", text):
            return None  # bare numbers and years stay with the patterns, which know their context
        parser = _date_data_parser(self.dct, "past" if self.tense(start) != FUTURE else "future")
        try:
            data = parser.get_date_data(text)
        except Exception:  # dateparser raises on some odd strings; the expression is then left out
            return None
        d, period = data.date_obj, data.period
        if d is None:
            return None
        d = d.date()
        if period == "year":
            return Match(start, end, "date", f"{d.year:04d}", f"{d.year:04d}-01-01", f"{d.year:04d}-12-31")
        if period == "month":
            a, b = _month_bounds(d.year, d.month)
            return Match(start, end, "date", f"{d.year:04d}-{d.month:02d}", a, b)
        if period == "week":
            return Match(start, end, "date", *_week_value(d))
        return Match(start, end, "date", _iso(d), _iso(d), _iso(d))

    def run(self) -> list[Match]:
        found: list[Match] = []
        for rx, fn in self.rules:
            for m in rx.finditer(self.text):
                try:
                    got = fn(m)
                except (ValueError, KeyError, IndexError):
                    got = None
                if got is not None and got.end > got.start:
                    found.append(got)
        for ent in self.doc.ents:
            if ent.label_ == "DATE" and not any(f.start < ent.end_char and ent.start_char < f.end for f in found):
                got = self._dateparser(ent.start_char, ent.end_char)
                if got is not None:
                    found.append(got)
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        out: list[Match] = []
        for f in found:
            if out and f.start < out[-1].end:
                continue  # the longest match at each place wins
            if self.meta is not None and self.meta.is_excluded(f.start, f.end):
                continue
            out.append(f)
        return out


@functools.lru_cache(maxsize=64)
def _date_data_parser(dct: dt.date, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": prefer})


def extract(doc: Doc, meta: Optional[ArticleMeta] = None, *, published: Optional[str] = None) -> tuple[TimeExpr, ...]:
    """All temporal expressions of a parsed article, resolved against its publication date."""
    dct = parse_iso_date(published or (meta.published if meta else None) or "")
    tagger = Tagger(doc, dct, meta)
    text = text_of(doc)
    return tuple(TimeExpr(span=Span.of(text, m.start, m.end), type=m.type, value=m.value,
                          start_date=m.start_date, end_date=m.end_date) for m in tagger.run())
