"""Calendar words and ISO helpers shared by the metadata and dates stages.

Every helper here is a pure function of dates and numbers: no text, no parse.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
MONTH_RE = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
            r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")


def month_number(word: str) -> Optional[int]:
    return MONTHS.get(word.lower().rstrip("."))


def parse_iso_date(value: str) -> Optional[dt.date]:
    """The date of an ISO 8601 date or datetime string; None when it is not a real date."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def last_day(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def real_date(year: int, month: int, day: int) -> Optional[dt.date]:
    """The date, or None when there is no such day ("February 30") or year (0, 10000)."""
    if not (dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12 and 1 <= day <= last_day(year, month)):
        return None
    return dt.date(year, month, day)


def add_days(d: dt.date, days: int) -> Optional[dt.date]:
    """``d`` moved by ``days``, or None when that falls outside the years 1-9999."""
    ordinal = d.toordinal() + days
    if not (1 <= ordinal <= dt.date.max.toordinal()):
        return None
    return dt.date.fromordinal(ordinal)


def month_bounds(y: int, m: int) -> tuple[str, str]:
    """First and last day of a month, ISO."""
    return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last_day(y, m):02d}"


def quarter_bounds(y: int, q: int) -> tuple[str, str]:
    """First and last day of quarter ``q`` (1-4) of year ``y``, ISO."""
    return f"{y:04d}-{3 * q - 2:02d}-01", month_bounds(y, 3 * q)[1]


def half_bounds(y: int, h: int) -> tuple[str, str]:
    """First and last day of half ``h`` (1-2) of year ``y``, ISO."""
    return f"{y:04d}-{1 + 6 * (h - 1):02d}-01", month_bounds(y, 6 * h)[1]


def week_value(d: dt.date) -> tuple[str, str, str]:
    """(ISO week "2025-W09", its Monday, its Sunday) of the week holding ``d``."""
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return f"{y:04d}-W{w:02d}", monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after month ``m`` of year ``y`` (``k`` may be negative)."""
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1
