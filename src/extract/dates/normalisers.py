"""Date normalisers: one pure function per rule, ``(match, context) -> TimeExpr | None``.

Each reads the groups of its pattern (``rules.py``) and gives the TimeML TIMEX3 type and value at
the precision the text gives, resolving an underspecified expression against the document
creation time (``ctx.dct``) in the direction of the tense (``ctx.tense``). None means the match
is not a temporal expression after all ("May" the modal) or cannot be resolved (no DCT).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..records import TimeExpr
from ..timeutil import (WEEKDAYS, add_days, half_bounds, last_day, month_bounds, month_number, quarter_bounds, real_date,
                        shift_month, week_value)
from .anchors import ANAPHOR, SAME_PERIOD, YEAR_BEFORE, placeholder
from .context import FUTURE, PAST, PRESENT, Context, ahead, tense_of

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "several": "X",
                "few": "X", "a few": "X", "many": "X", "some": "X", "couple": 2, "a couple of": 2, "couple of": 2}
UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE",
        "hour": "H", "minute": "M", "second": "S", "quarter": "Q", "weekend": "WE"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                   9: "FA", 10: "FA", 11: "FA"}
SEASON_ORDER = ("WI", "SP", "SU", "FA")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# How many units from the DCT a relative word points: "last year" -1, "this year" 0, "next year" +1.
RELATIVE_STEP = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
                 "earlier this": 0, "later this": 0}
BACKWARD = ("ago", "earlier", "before")
SET_VALUES = {"year": "P1Y", "annually": "P1Y", "yearly": "P1Y", "month": "P1M", "monthly": "P1M",
              "week": "P1W", "weekly": "P1W", "day": "P1D", "daily": "P1D", "quarter": "P3M",
              "hourly": "PT1H",
              "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO", "night": "XXXX-XX-XXTNI",
              "nightly": "XXXX-XX-XXTNI", "evening": "XXXX-XX-XXTEV"}
# Months whose name is also a common word: only a month where a month is expected.
AMBIGUOUS_MONTHS = ("May", "March", "Jan", "Mar", "Aug", "Sat", "Sun")
MONTH_CUE_BEFORE = re.compile(r"\b(in|of|since|until|till|by|from|during|last|next|this|early|late|mid|"
                              r"through|before|after|between|and|to)\s*-?\s*$")
YEAR_CUE_BEFORE = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|during|before|after|through|for|year|fiscal|"
                             r"between|and|to|early|late|mid|around|circa|'s|the)\s*-?\s*|,\s*)$", re.IGNORECASE)
YEAR_NOUNS = ("election", "season", "budget", "census", "campaign", "elections", "olympics")


# ----------------------------------------------------------------------------------- helpers
def year_for_month(month: int, dct: dt.date, tense: int) -> int:
    """The year of a month named without one: the past one for a past tense, the coming one for a
    future tense, else the nearest (within six months of the DCT)."""
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


def _resolve_year(ctx: Context, month: int, pos: int, explicit: Optional[str], *, day: bool = False) -> Optional[int]:
    """The year of a month named without one: by tense for a month, the nearest for a day."""
    if explicit:
        return int(explicit)
    if ctx.dct is None:
        return None
    return year_for_month(month, ctx.dct, ctx.tense(pos))


def _count(raw: str):
    """The number a count word or numeral stands for ("three" 3, "2.5" 2.5), "X" for a vague one
    ("several"), None for anything else ("couple of" without its "a")."""
    half = re.fullmatch(r"(.+?)(?:\s+1/2|\s+and\s+a\s+half)", raw)
    if half:  # "2 1/2", "two and a half"
        whole = _count(half.group(1))
        return whole + 0.5 if isinstance(whole, int) else None
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        num = float(raw)
        return int(num) if num.is_integer() else num
    return None


def _day_of(d: dt.date, ctx: Context, start: int, end: int) -> TimeExpr:
    return ctx.expr(start, end, "date", d.isoformat(), d.isoformat(), d.isoformat())


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _day_expr(m: re.Match, ctx: Context, y: Optional[int], mon: int, day: int) -> Optional[TimeExpr]:
    if y is None:
        return ctx.expr(m.start(), m.end(), "date", f"XXXX-{mon:02d}-{day:02d}")
    d = real_date(y, mon, day)
    return None if d is None else _day_of(d, ctx, m.start(), m.end())


def _year_by_weekday(dct: dt.date, mon: int, day: int, wd: str, fallback: Optional[int]) -> Optional[int]:
    """The year near the DCT in which ``mon``/``day`` falls on weekday ``wd`` ("Tuesday, March 4")."""
    want = WEEKDAYS.get(wd.lower())
    for y in (dct.year, dct.year - 1, dct.year + 1):
        d = real_date(y, mon, day)
        if d is not None and d.weekday() == want:
            return y
    return fallback


def _year_expr(ctx: Context, start: int, end: int, y: int) -> TimeExpr:
    return ctx.expr(start, end, "date", f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31")


def _month_expr(ctx: Context, start: int, end: int, y: int, mon: int) -> TimeExpr:
    return ctx.expr(start, end, "date", f"{y:04d}-{mon:02d}", *month_bounds(y, mon))


def _week_expr(ctx: Context, start: int, end: int, d: Optional[dt.date]) -> Optional[TimeExpr]:
    return None if d is None else ctx.expr(start, end, "date", *week_value(d))


# ----------------------------------------------------------------------------------- normalisers
def iso_date(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "2025-03-05"."""
    d = real_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else _day_of(d, ctx, m.start(), m.end())


def us_date(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "3/5/2025", "3/5/25" (two-digit years: 50-99 in the 1900s)."""
    y = int(m["y"])
    y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    d = real_date(y, int(m["m"]), int(m["d"]))
    return None if d is None else _day_of(d, ctx, m.start(), m.end())


def day_range(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "Feb. 23-26", "March 30 to April 2, 2024": an interval of days."""
    mon = month_number(m["mon"])
    mon2 = month_number(m["mon2"]) if m["mon2"] else mon
    y = _resolve_year(ctx, mon, m.start(), m["y"])
    d1, d2 = _day_number(m["d1"]), _day_number(m["d2"])
    if y is None:
        return ctx.expr(m.start(), m.end(), "date", f"XXXX-{mon:02d}-{d1:02d}/XXXX-{mon2:02d}-{d2:02d}")
    a = real_date(y, mon, d1)
    b = real_date(y + (mon2 < mon), mon2, d2)
    if a is None or b is None or b < a:
        return None
    return ctx.expr(m.start(), m.end(), "date", f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat())


def month_day(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "March 3", "Tuesday, March 4, 2025": the nearest such day, or the one on that weekday."""
    mon = month_number(m["mon"])
    day = _day_number(m["d"])
    y = _resolve_year(ctx, mon, m.start(), m["y"], day=True)
    if m["wd"] and not m["y"] and ctx.dct is not None:
        y = _year_by_weekday(ctx.dct, mon, day, m["wd"], y)
    return _day_expr(m, ctx, y, mon, day)


def day_month(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "3 March", "3rd March 2024" (but "5 May" alone may be a modal: "5 may")."""
    mon = month_number(m["mon"])
    day = _day_number(m["d"])
    if re.fullmatch(r"\d+", m["d"]) and m["mon"] in ("May",) and not m["y"]:
        return None
    y = _resolve_year(ctx, mon, m.start(), m["y"])
    return _day_expr(m, ctx, y, mon, day)


def month(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "In October", "early March", "May 2019": a month, its year by the tense."""
    word = m["mon"]
    if not word[0].isupper():
        return None
    mon = month_number(word)
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    tok = ctx.token_at(m.start())
    if word in ("May", "March", "Jan.", "Mar.", "Jun.", "Aug.") or word.rstrip(".") in AMBIGUOUS_MONTHS:
        # only as a month where a month is expected: "in May", "May 2019", "last March"
        if not m["y"] and not MONTH_CUE_BEFORE.search(before):
            return None
        if tok is not None and tok.pos_ in ("VERB", "AUX") and not m["y"]:
            return None
    if tok is not None and tok.ent_type_ in ("PERSON", "ORG") and not m["y"]:
        return None
    y = _resolve_year(ctx, mon, m.start(), m["y"])
    start = m.start()
    prep = re.search(r"\b(in|In)\s+$", ctx.text[max(0, start - 4):start])
    if prep and not m["mod"]:
        start -= len(prep.group(0))  # "In October": the preposition belongs to the expression
    if y is None:
        return ctx.expr(start, m.end(), "date", f"XXXX-{mon:02d}")
    return _month_expr(ctx, start, m.end(), y, mon)


def month_relative(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "this September", "next March", "June last year", "May this year": a month in the year
    the words name; "last March" is the last March before the DCT's month."""
    if ctx.dct is None:
        return None
    mon = month_number(m["mon"] or m["mon2"])
    d = ctx.dct
    rel = (m["rel"] or "").lower()
    if m["yrel"]:
        y = d.year + RELATIVE_STEP[m["yrel"].lower()]
    elif rel == "this":
        y = d.year
    elif rel == "next":
        y = d.year if mon > d.month else d.year + 1
    else:  # last
        y = d.year if mon < d.month else d.year - 1
    return _month_expr(ctx, m.start(), m.end(), y, mon)


def year_range(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "2019-2021", "2019/20": a span of at most 50 years."""
    y1 = int(m["y1"])
    y2 = m["y2"]
    y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    if not (y1 < y2 <= y1 + 50):
        return None
    return ctx.expr(m.start(), m.end(), "date", f"{y1}/{y2}", f"{y1}-01-01", f"{y2}-12-31")


def decade(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "the 1990s", "the '80s" ('30s to '90s in the 1900s)."""
    dec = m["dec"]
    if dec.startswith("'"):
        century = "19" if int(dec[1]) >= 3 else "20"
        dec = century + dec[1:]
    return ctx.expr(m.start(), m.end(), "date", dec[:3], f"{dec}-01-01", f"{dec[:3]}9-12-31")


def _g(m: re.Match, name: str) -> Optional[str]:
    """Group ``name`` of a match, None where the pattern has no such group."""
    return m.groupdict().get(name)


def quarter(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "the third quarter of 2024", "Q3 2024", "the 2024 third quarter", "last year's second half",
    "the last half of 2024", "the year-ago second quarter"; alone, the latest such quarter in
    the direction of the tense."""
    if _g(m, "qq"):
        q, y = int(m["qq"][1]), int(m["y2"])
        unit = "quarter"
    elif _g(m, "q2"):
        if ctx.dct is None:
            return None
        q, unit = ORDINALS[m["q2"].lower()], m["unit2"].lower()
        y = ctx.dct.year + RELATIVE_STEP[m["rel2"].lower()]
    else:
        unit = m["unit"].lower()
        word = m["q"].lower()
        if word == "last" and not (_g(m, "y") or _g(m, "rel")):
            return None  # "the last quarter" alone is the previous one (``relative``)
        q = (4 if unit == "quarter" else 2) if word == "last" else ORDINALS[word]
        if _g(m, "y"):
            y = int(m["y"])
        elif _g(m, "rel") and ctx.dct is not None:
            y = ctx.dct.year + RELATIVE_STEP[m["rel"].lower()]
        elif ctx.dct is not None:
            current = (ctx.dct.month - 1) // 3 + 1 if unit == "quarter" else (ctx.dct.month - 1) // 6 + 1
            tense = ctx.tense(m.start())
            y = ctx.dct.year
            if tense == PAST and q > current:
                y -= 1
            elif tense == FUTURE and q < current:
                y += 1
        else:
            return None
        if _g(m, "ago"):
            y -= 1  # "the year-ago second quarter"
    if unit == "half":
        if q > 2:
            return None
        return ctx.expr(m.start(), m.end(), "date", f"{y}-H{q}", *half_bounds(y, q))
    return ctx.expr(m.start(), m.end(), "date", f"{y}-Q{q}", *quarter_bounds(y, q))


def months_of_year(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "the last three months of 2004" (2004-Q4), "the first six months of this year" (H1)."""
    if m["y"]:
        y = int(m["y"])
    elif ctx.dct is not None:
        y = ctx.dct.year + RELATIVE_STEP[m["rel"].lower()]
    else:
        return None
    first = m["part"].lower() == "first"
    if m["n"] in ("three", "3"):
        q = 1 if first else 4
        return ctx.expr(m.start(), m.end(), "date", f"{y}-Q{q}", *quarter_bounds(y, q))
    h = 1 if first else 2
    return ctx.expr(m.start(), m.end(), "date", f"{y}-H{h}", *half_bounds(y, h))


def year(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "in 2019", "fiscal 2024": a bare four-digit number is a year only where the NER says DATE
    or a preposition or comma sets it up, and not before a noun ("2019 cars")."""
    y = int(m["y"])
    tok = ctx.token_at(m.start())
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if tok is None:
        return None
    in_date_ent = tok.ent_type_ == "DATE"
    context = YEAR_CUE_BEFORE.search(before)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.lemma_.lower() not in YEAR_NOUNS and not in_date_ent:
        return None
    if not (in_date_ent or context) or "," in tok.text:
        return None
    if tok.like_num and tok.dep_ in ("nummod",) and tok.head.lemma_.lower() not in ("election", "season") \
            and not in_date_ent:
        return None
    return _year_expr(ctx, m.start(), m.end(), y)


def relative(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "last year", "this month", "next week", "last spring"; "the past year" is a duration."""
    if ctx.dct is None:
        return None
    rel = m["rel"].lower().replace("the ", "")
    unit = m["unit"].lower()
    k = RELATIVE_STEP.get(rel, 0)
    if rel in ("past", "last") and m["rel"].lower().startswith("the"):
        # "the past year" is a duration ending now
        code = UNIT.get(unit)
        if unit == "decade":
            return ctx.expr(m.start(), m.end(), "duration", "P10Y")
        if code and unit not in SEASONS:
            p = "P1" + code if code not in ("H", "M", "S") or unit == "month" else "PT1" + code
            return ctx.expr(m.start(), m.end(), "duration", p)
    d = ctx.dct
    if unit == "year":
        return _year_expr(ctx, m.start(), m.end(), d.year + k)
    if unit == "month":
        return _month_expr(ctx, m.start(), m.end(), *shift_month(d.year, d.month, k))
    if unit in ("week", "weekend"):
        v, a, b = week_value(d + dt.timedelta(weeks=k))
        if unit == "weekend":
            saturday = (dt.date.fromisoformat(a) + dt.timedelta(days=5)).isoformat()
            return ctx.expr(m.start(), m.end(), "date", v + "-WE", saturday, b)
        return ctx.expr(m.start(), m.end(), "date", v, a, b)
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1 + k
        y = d.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        return ctx.expr(m.start(), m.end(), "date", f"{y}-Q{q}", *quarter_bounds(y, q))
    if unit == "decade":
        dec = (d.year // 10 + k) * 10
        return ctx.expr(m.start(), m.end(), "date", f"{dec // 10:03d}", f"{dec}-01-01", f"{dec + 9}-12-31")
    if unit == "century":
        return ctx.expr(m.start(), m.end(), "date", f"{d.year // 100 + k:02d}")
    if unit in SEASONS:
        season = SEASONS[unit]
        y = d.year + k
        if k == -1 and season != "WI" and SEASON_ORDER.index(season) < SEASON_ORDER.index(SEASON_OF_MONTH[d.month]):
            y = d.year  # "last spring" in autumn is this year's spring
        return ctx.expr(m.start(), m.end(), "date", f"{y}-{season}")
    return None  # "this season": no calendar value


def weekday(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "Tuesday", "last Friday", "next Monday": the day in the direction of "last"/"next", else of
    the tense; a bare weekday in the present tense is the last one (news reports "said Tuesday")."""
    if ctx.dct is None:
        return None
    day = _weekday_date(ctx, m.start(), WEEKDAYS[m["wd"].lower()], (m["rel"] or "").lower())
    if m["pod"]:  # "Tuesday night": the part of the day, as TimeBank marks 12 of 18 (tuning half)
        return ctx.expr(m.start(), m.end(), "time", f"{day.isoformat()}T{PARTS_OF_DAY[m['pod'].lower()]}",
                        day.isoformat(), day.isoformat())
    return _day_of(day, ctx, m.start(), m.end())


def _weekday_date(ctx: Context, pos: int, want: int, rel: str) -> dt.date:
    """The date of weekday ``want`` (0 Monday) named at ``pos``, from the DCT in the direction of
    ``rel`` ("last", "next"), of a cue that it is ahead (``ahead``), else of the tense (past when
    present)."""
    d = ctx.dct
    tok = ctx.token_at(pos)
    if rel in ("next", "coming") or not rel and tok is not None and ahead(tok):
        tense = FUTURE
    elif rel in ("last", "past"):
        tense = PAST
    else:
        tense = ctx.tense(pos)
        if tense == PRESENT:
            tense = PAST
    diff = want - d.weekday()
    if tense == PAST:
        delta = diff if diff < 0 else diff - 7
        if diff == 0:
            delta = 0 if not rel else -7
    else:
        delta = diff if diff > 0 else diff + 7
    return d + dt.timedelta(days=delta)


def deictic(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "today", "yesterday", "tomorrow", "tonight", "this morning"."""
    if ctx.dct is None:
        return None
    w = m["w"].lower()
    d = ctx.dct
    if w.startswith("this "):
        return ctx.expr(m.start(), m.end(), "time", f"{d.isoformat()}T{PARTS_OF_DAY[w.split()[1]]}",
                        d.isoformat(), d.isoformat())
    if w == "tonight":
        return _day_of(d, ctx, m.start(), m.end())
    if w == "last night":
        day = (d - dt.timedelta(days=1)).isoformat()
        return ctx.expr(m.start(), m.end(), "time", f"{day}TNI", day, day)
    return _day_of(d + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[w]), ctx, m.start(), m.end())


def ago(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "three years ago", "two weeks later": the DCT moved by that much, at that unit's precision;
    "several years ago" is PAST_REF."""
    if ctx.dct is None:
        return None
    n = _count(m["n"].lower())
    if n is None:
        return None
    if n != "X":
        n = int(n)
    backward = m["dir"].lower() in BACKWARD
    if m["dir"].lower() in ("before", "after"):  # "90 days after the issue": a duration before an event
        return _duration_of(m, ctx, n, m["unit"].lower().rstrip("s"))
    if n == "X":
        return ctx.expr(m.start(), m.end(), "date", "PAST_REF" if backward else "FUTURE_REF")
    unit = m["unit"].lower().rstrip("s")
    sign = -1 if backward else 1
    d = ctx.dct
    if unit == "year":
        y = d.year + sign * n
        if n == 1 and backward:  # "a year earlier": the period the article is about, a year before
            return ctx.expr(m.start(), m.end(), "date", placeholder(YEAR_BEFORE, f"{y}"))
        return ctx.expr(m.start(), m.end(), "date", f"{y}", f"{y}-01-01", f"{y}-12-31")
    if unit == "decade":
        return ctx.expr(m.start(), m.end(), "date", f"{(d.year + sign * 10 * n) // 10:03d}")
    if unit == "month":
        y, mon = shift_month(d.year, d.month, sign * n)
        if not dt.MINYEAR <= y <= dt.MAXYEAR:
            return None
        return _month_expr(ctx, m.start(), m.end(), y, mon)
    if unit == "week":
        return _week_expr(ctx, m.start(), m.end(), add_days(d, 7 * sign * n))
    day = add_days(d, sign * n)
    return None if day is None else _day_of(day, ctx, m.start(), m.end())


def _duration_of(m: re.Match, ctx: Context, n, unit: str) -> TimeExpr:
    """ "90 days" of "90 days after": the duration alone, its span without "before"/"after"."""
    value = f"P{n * 10}Y" if unit == "decade" and n != "X" else f"P{n}{UNIT[unit]}"
    return ctx.expr(m.start(), m.start("unit") + len(m["unit"]), "duration", value)


def year_before(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "the year-earlier quarter", "the year-ago period", "the same month last year": the period
    the article is about, a year before (see ``anchors.py``)."""
    if ctx.dct is None:
        return None
    return ctx.expr(m.start(), m.end(), "date", placeholder(YEAR_BEFORE, f"{ctx.dct.year - 1}"))


def same_quarter(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "the quarter", "the latest quarter", "that quarter": the quarter the article last named,
    else the one of the publication date (the last one ended, in a past tense)."""
    if ctx.dct is None:
        return None
    q, y = (ctx.dct.month - 1) // 3 + 1, ctx.dct.year
    if ctx.tense(m.start()) == PAST:
        q, y = (q - 1, y) if q > 1 else (4, y - 1)
    return ctx.expr(m.start(), m.end(), "date", placeholder(SAME_PERIOD, f"{y}-Q{q}"))


def the_weekend(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "over the weekend" (the last one, or this one on a Saturday or Sunday), "ahead of the
    weekend" (the coming one): ISO week and WE, as TimeML writes it."""
    if ctx.dct is None:
        return None
    d = ctx.dct
    tok = ctx.token_at(m.start("w"))
    coming = m.group(0).lower().startswith(("ahead", "before")) or (tok is not None and (ahead(tok) or tense_of(tok) == FUTURE))
    if d.weekday() >= 5:
        saturday = d - dt.timedelta(days=d.weekday() - 5)
    elif coming:
        saturday = d + dt.timedelta(days=5 - d.weekday())
    else:
        saturday = d - dt.timedelta(days=d.weekday() + 2)
    week = week_value(saturday)[0]
    return ctx.expr(m.start("w"), m.end("w"), "date", f"{week}-WE", saturday.isoformat(),
                    (saturday + dt.timedelta(days=1)).isoformat())


def year_end(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "by year-end" (this year's December 31), "since year-end" (last year's)."""
    if ctx.dct is None:
        return None
    since = ctx.text[max(0, m.start() - 8):m.start()].lower().strip().endswith("since")
    y = ctx.dct.year - 1 if since else ctx.dct.year
    return _day_of(dt.date(y, 12, 31), ctx, m.start(), m.end())


def the_year(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "for the year ended May 5" (a year's length, P1Y), "a low for the year", "the fiscal year"
    (the DCT's year; "the latest fiscal year" the last one ended)."""
    if ctx.dct is None:
        return None
    if m["ended"]:
        return ctx.expr(m.start("w"), m.end("w"), "duration", "P1Y")
    words = m["w"].lower()
    y = ctx.dct.year - (1 if re.search(r"latest|last|past", words) else 0)
    return ctx.expr(m.start("w"), m.end("w"), "date", f"{y}", f"{y}-01-01", f"{y}-12-31")


def _nth_weekday(y: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 the last) ``weekday`` of a month."""
    if nth > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(y, month, last_day(y, month))
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus, Meeus 1991)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


# Holidays named in news, as a function of the year (HeidelTime's holiday lists, Strötgen & Gertz 2013).
HOLIDAY_DATES = {
    "New Year's Eve": lambda y: dt.date(y, 12, 31), "New Year's Day": lambda y: dt.date(y, 1, 1),
    "Valentine's Day": lambda y: dt.date(y, 2, 14), "Independence Day": lambda y: dt.date(y, 7, 4),
    "Halloween": lambda y: dt.date(y, 10, 31), "Veterans Day": lambda y: dt.date(y, 11, 11),
    "Christmas Eve": lambda y: dt.date(y, 12, 24), "Christmas Day": lambda y: dt.date(y, 12, 25),
    "Christmas": lambda y: dt.date(y, 12, 25), "Boxing Day": lambda y: dt.date(y, 12, 26),
    "Thanksgiving Day": lambda y: _nth_weekday(y, 11, 3, 4), "Thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "Election Day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "Memorial Day": lambda y: _nth_weekday(y, 5, 0, -1), "Labor Day": lambda y: _nth_weekday(y, 9, 0, 1),
    "Martin Luther King Day": lambda y: _nth_weekday(y, 1, 0, 3), "Easter Sunday": _easter, "Easter": _easter,
    "Good Friday": lambda y: _easter(y) - dt.timedelta(days=2), "Easter Monday": lambda y: _easter(y) + dt.timedelta(days=1),
}


def holiday(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "Thanksgiving Day", "Christmas", "Easter 2019": the day in the year given, else the one in the
    direction of the tense (the nearest in the present)."""
    when = HOLIDAY_DATES[m["name"]]
    if m["y"]:
        return _day_of(when(int(m["y"])), ctx, m.start(), m.end())
    if ctx.dct is None:
        return None
    d, tense = ctx.dct, ctx.tense(m.start())
    options = [when(y) for y in (d.year - 1, d.year, d.year + 1)]
    if tense == PAST:
        day = max(o for o in options if o <= d)
    elif tense == FUTURE:
        day = min(o for o in options if o >= d)
    else:
        day = min(options, key=lambda o: abs((o - d).days))
    return _day_of(day, ctx, m.start(), m.end())


def utc_time(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "09:15 UTC", "0630 GMT" on the DCT's day, in UTC ("Z")."""
    hh, mm = (m["h"], m["mi"]) if m["h"] else (m["hh"], m["mm"])
    clock = f"T{int(hh):02d}:{mm}Z"
    if ctx.dct is None:
        return ctx.expr(m.start(), m.end(), "time", f"XXXX-XX-XX{clock}")
    d = ctx.dct.isoformat()
    return ctx.expr(m.start(), m.end(), "time", f"{d}{clock}", d, d)


def reference_term(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "in the near term", "over the long term": FUTURE_REF, as TimeBank and MEANTIME mark them.
    ("recent", "current", "future" as adjectives are marked there about as often as not: measured
    on the tuning halves, they do not pay, so they are not read.)"""
    return ctx.expr(m.start(), m.end(), "date", "FUTURE_REF")


def vague_duration(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "for years", "in weeks", "within hours": a duration of unknown length (PXY, PXW, PTXH)."""
    unit = m["unit"].lower()
    unit = "century" if unit == "centuries" else unit.rstrip("s")
    code = UNIT[unit]
    value = f"PTX{code}" if unit in ("hour", "minute") else f"PX{code}"
    return ctx.expr(m.start("unit"), m.end("unit"), "duration", value)


def reference(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "now", "currently" (PRESENT_REF), "recently" (PAST_REF), "the future" (FUTURE_REF).
    "soon" and "previously" are not matched: TimeBank marks them rarely (4 of 22, 3 of 23)."""
    w = m["w"].lower()
    if w in ("recently", "lately", "in the past"):
        return ctx.expr(m.start(), m.end(), "date", "PAST_REF")
    if w == "the future":
        return ctx.expr(m.start(), m.end(), "date", "FUTURE_REF")
    if w == "now":
        tok = ctx.token_at(m.start())
        if tok is not None and tok.dep_ not in ("advmod", "npadvmod", "pobj", "ROOT"):
            return None  # "now" as a conjunction ("now that ...")
    return ctx.expr(m.start(), m.end(), "date", "PRESENT_REF")


def recurring(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "every week" (P1W), "each Monday" (XXXX-WXX-1); "daily", "weekly", "hourly" as adverbs or
    adjectives ("her weekly column"), as TimeBank and MEANTIME mark them."""
    unit = (m["unit"] or m["adv"] or "").lower()
    value = SET_VALUES.get(unit)
    if value is None and unit in WEEKDAYS and len(unit) > 4:
        value = f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
    if value is None:
        return None
    if m["adv"]:
        tok = ctx.token_at(m.start())
        if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
            return None  # "the state daily Kurier": a newspaper ("his weekly address" is a set)
    return ctx.expr(m.start(), m.end(), "set", value)


def clock_time(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "3 p.m.", "10:30 am", "noon" on the day named right after it ("9 a.m. Tuesday", "noon
    Sunday", "6 p.m. EST Dec. 2"), else on the day named shortly before, else on the DCT's day."""
    d = ctx.dct
    if m["w"]:
        hh = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["w"].lower()]
    else:
        h = int(m["h"])
        ap = m["ap"].lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        hh = f"{h:02d}:{m['mi'] or '00'}"
    if d is None:
        return None if m["w"] else ctx.expr(m.start(), m.end(), "time", f"XXXX-XX-XXT{hh}")
    if _g(m, "cwd"):
        d = _weekday_date(ctx, m.start(), WEEKDAYS[m["cwd"].lower()], "")  # cues stand before the clock time
    elif _g(m, "cmon"):
        mon = month_number(m["cmon"])
        d = real_date(year_for_month(mon, d, ctx.tense(m.start())), mon, _day_number(m["cd"])) or d
    else:  # the day named just before, else the publication date (anchors.py)
        return ctx.expr(m.start(), m.end(), "time", placeholder(f"{ANAPHOR}/day/0/T{hh.replace(':', '.')}",
                                                                  f"{d.isoformat()}T{hh}"))
    return ctx.expr(m.start(), m.end(), "time", f"{d.isoformat()}T{hh}", d.isoformat(), d.isoformat())


AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|"
                           r"fifty|hundred|thousand|million|billion)\b)[%\d,.]*(?:\s+[a-z]+){0,2}\s+$", re.IGNORECASE)


# A half of a unit in the next smaller one, as TimeML writes "2 1/2 years" (P2Y6M).
HALF_OF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "week": "3DT12H", "minute": "30S"}


def duration_value(n, unit: str) -> str:
    """The TimeML value of ``n`` ``unit``s: P3Y, PT48H, P20Y for two decades, P2Y6M for 2.5 years."""
    code = UNIT[unit]
    time = unit in ("hour", "minute", "second")
    if unit == "decade" and isinstance(n, (int, float)):
        n, code = n * 10, "Y"
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if isinstance(n, float) and n % 1 == 0.5 and unit in HALF_OF:
        whole = f"{int(n)}{code}" if n >= 1 else ""
        return f"PT{whole}{HALF_OF[unit]}" if time else f"P{whole}{HALF_OF[unit]}"
    return f"PT{n}{code}" if time else f"P{n}{code}"


def _after_an_amount(ctx: Context, pos: int) -> bool:
    """Whether an amount stands just before ``pos`` ("20 hours a day", "90 seats a week", "$300
    million a year"), at most two words back."""
    return bool(AMOUNT_BEFORE.search(ctx.text[max(0, pos - 40):pos]))


def duration(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "three years" (P3Y), "the past few months" (PXM), "48 hours" (PT48H); not an age ("a
    6-year-old"), "a second wave", or "one day" before a noun."""
    unit = m["unit"].lower()
    unit = "century" if unit == "centuries" else unit.rstrip("s")
    code = UNIT.get(unit)
    if code is None:
        return None
    groups = m.groupdict()
    if groups.get("old"):
        return None  # an age: a quantity but not a TimeML expression
    n_raw = (groups.get("n") or "").lower()
    if n_raw in ("a", "an") and unit in ("second", "minute"):
        return None  # "a second wave", "a minute's silence"
    first = m.start("n") if n_raw else m.start("unit")
    if n_raw in ("a", "an") and _after_an_amount(ctx, first):
        return None  # "$300 million a year", "three ferries a week": a rate, not a duration
    if n_raw and m["unit"][0].isupper() and not ctx.text[first].isupper():
        return None  # "48 Hours": a title
    if unit == "quarter" and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None  # "three-quarters of its water": a share
    if n_raw in ("a", "an", "one"):
        tok = ctx.token_at(m.end() - 1)
        nxt = tok.doc[tok.i + 1] if tok is not None and tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN":
            return None
    n = _count(n_raw) if n_raw else "X"
    if n is None:
        return None
    value = duration_value(n, unit)
    start = m.start()
    mod = (groups.get("mod") or "").lower()
    if mod and not mod.startswith("the"):
        start = m.start("n")
    return ctx.expr(start, m.end(), "duration", value)


ANAPHOR_SHIFT = {"that": 0, "the same": 0, "the previous": -1, "the following": 1, "the next": 1}
PART_OF_DAY = {"day": "", "night": "TNI", "morning": "TMO", "afternoon": "TAF", "evening": "TEV"}


def anaphoric(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "earlier that day", "later that year", "the same day", "the following day", "the next
    morning", "the previous year": a day, month or year counted from the last one the article
    named (see ``anchors.py``), from the publication date where it named none. A bare "that day" or
    "the day before" is left out: on the tuning half of TimeBank + AQUAINT they were as often
    generic ("strong redemptions that day") or unannotated as read right."""
    if ctx.dct is None:
        return None
    det = re.sub(r"\s+", " ", (m["det"] or m["det2"]).lower())
    word = m["unit"].lower()
    shift = ANAPHOR_SHIFT[det]
    unit = word if word in ("year", "month") else "day"
    suffix = PART_OF_DAY.get(word, "")
    if unit == "year":
        fallback = f"{ctx.dct.year + shift:04d}"
    elif unit == "month":
        y, mon = shift_month(ctx.dct.year, ctx.dct.month, shift)
        fallback = f"{y:04d}-{mon:02d}"
    else:
        day = add_days(ctx.dct, shift)
        if day is None:
            return None
        fallback = day.isoformat() + suffix
    kind = f"{ANAPHOR}/{unit}/{shift}/{suffix}"
    return ctx.expr(m.start(), m.end(), "time" if suffix else "date", placeholder(kind, fallback))


TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
ONES_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def spoken_year(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "nineteen seventy-nine", "nineteen oh five", "the year two thousand", "two thousand and
    one": a year as a broadcast transcript writes it (TimeBank's CNN and ABC transcripts)."""
    if m["cent"]:
        cent = 19 if m["cent"].lower() == "nineteen" else 18
        rest = m["rest"].lower().replace("-", " ").split()
        if rest[0] == "oh":
            yy = ONES_WORDS[rest[1]]
        elif rest[0] in TEENS:
            yy = TEENS[rest[0]]
        else:
            yy = TENS_WORDS[rest[0]] + (ONES_WORDS[rest[1]] if len(rest) > 1 else 0)
        return _year_expr(ctx, m.start(), m.end(), cent * 100 + yy)
    extra = m["extra"].lower() if m["extra"] else None
    y = 2000 + (ONES_WORDS.get(extra) or TEENS.get(extra, 0) if extra else 0)
    start = m.start() if m.group(0).lower().startswith("the") else m.start("y2k")
    return _year_expr(ctx, start, m.end(), y)


def elapsed_time(m: re.Match, ctx: Context) -> Optional[TimeExpr]:
    """ "finished in 2:14:04", "with times of 2:20:51": hours, minutes and seconds of a race or
    a flight, a duration (not after "at", which makes it a clock time)."""
    if re.search(r"\bat\s*$", ctx.text[max(0, m.start() - 4):m.start()], re.I):
        return None
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    value = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec else "")
    return ctx.expr(m.start(), m.end(), "duration", value if value != "PT" else "PT0S")
