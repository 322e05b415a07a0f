"""The rule table of the date tagger: (pattern, normaliser) pairs, compiled once at import.

The order matters only for ties: where two rules match the same stretch, the earlier rule's
reading wins (``tag`` keeps the longest match at each place, then the first in this table).
``GATES`` lists, for a normaliser, words one of which its pattern cannot match without: a text
with none of them skips the pattern (a regex pass costs as much as a match; measured in
``bench/stages.py``).
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from ..records import TimeExpr
from ..timeutil import MONTH_RE
from . import normalisers as n
from .context import Context

Normaliser = Callable[[re.Match, Context], Optional[TimeExpr]]

NUM = (r"(?:(?:\d+\s+1/2|\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
       r"twenty|thirty|forty|fifty|sixty|hundred)(?:\s+and\s+a\s+half)?|several|a few|few|many|a couple of|couple of)")
WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
I = re.IGNORECASE
ONES = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
HOLIDAYS = "|".join(n.HOLIDAY_DATES)

RULES: tuple[tuple[re.Pattern, Normaliser], ...] = tuple((re.compile(p, flags), fn) for p, flags, fn in (
    (rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", 0, n.iso_date),
    (rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>{YEAR}|\d\d)\b", 0, n.us_date),
    (rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<d1>{DAY})\s*(?:-|–|to|through)\s*"
     rf"(?:(?P<mon2>{MONTH_RE})\s+)?(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?", 0, n.day_range),
    (rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<d>{DAY})\b(?!\s*(?:%|percent|-|–))"
     rf"(?:,?\s+(?P<y>{YEAR})\b)?", 0, n.month_day),
    (rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<d>{DAY})\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<y>{YEAR})\b)?", 0, n.day_month),
    (rf"\b(?:(?P<rel>this|next|last)\s+(?P<mon>{MONTH_RE})(?!\s*\d)|(?:[Ii]n\s+)?(?P<mon2>{MONTH_RE})\s+(?:of\s+)?"
     rf"(?P<yrel>this|next|last)\s+year)\b", 0, n.month_relative),
    (rf"\b(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of)[- ]\s*)?"
     rf"(?P<mon>{MONTH_RE})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?\b", 0, n.month),
    (rf"\b(?P<y1>{YEAR})\s*(?:-|–|/|to)\s*(?P<y2>{YEAR}|\d\d)\b", 0, n.year_range),
    (r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)s\b", 0, n.decade),
    (rf"\b(?:the\s+)?(?P<part>first|last)\s+(?P<n>three|six|3|6)\s+months\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year)\b",
     I, n.months_of_year),
    (rf"\b(?:the\s+)?(?P<y>{YEAR})\s+(?P<q>first|second|third|fourth)[\s-]+(?P<unit>quarter|half)\b", I, n.quarter),
    (rf"\b(?:(?:the\s+)?(?:year[- ](?P<ago>earlier|ago)\s+)?(?P<q>first|second|third|fourth|last|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
     rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year))?|(?P<qq>Q[1-4])\s+(?P<y2>{YEAR})|"
     rf"(?P<rel2>this|last|next)\s+year'?s\s+(?P<q2>first|second|third|fourth)[\s-]+(?P<unit2>quarter|half))\b",
     I, n.quarter),
    (rf"\b(?:fiscal(?:\s+year)?\s+)?(?P<y>{YEAR})\b(?!\s*(?:%|percent|-|–|/))", 0, n.year),
    (rf"\b(?P<cent>nineteen|eighteen)[\s-]+(?P<rest>oh[\s-]+(?:{ONES})|(?:{TEENS})|(?:{TENS})(?:[\s-]+(?:{ONES}))?)\b"
     rf"(?![\s-]+(?:{ONES}|{TENS}|hundred|thousand|million|percent|people|of)\b)|"
     rf"(?:\b(?:the\s+year|in|by|since|until)\s+)(?P<y2k>two\s+thousand(?:\s+and\s+(?P<extra>{ONES}|{TEENS}))?)\b"
     rf"(?![\s-]+(?:{ONES}|{TENS}|hundred|thousand|million|percent|people|dollars|of)\b)", I, n.spoken_year),
    (r"\b(?:(?:earlier|later)\s+(?P<det>that)|(?P<det2>the\s+same|the\s+previous|the\s+following|the\s+next))\s+"
     r"(?P<unit>day|night|morning|afternoon|evening|year|month)\b(?![-\s]+(?:care|trip|trader|job|of|\d))",
     I, n.anaphoric),
    (r"\b(?P<rel>this|last|next|past|previous|coming|current|the past|the previous|the coming|"
     r"the current|the last|the next|earlier this|later this)\s+"
     r"(?P<unit>year|month|week|weekend|quarter|decade|century|spring|summer|fall|autumn|winter|season)\b",
     I, n.relative),
    (r"\b(?:the\s+)?(?:same\s+(?:period|quarter|month)\s+(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year)|"
     r"(?:comparable\s+)?year[- ](?:earlier|ago)(?:\s+(?:quarter|period)|(?![-\s]+(?:\$|\d|nine|six|three|first|"
     r"second|third|fourth|fiscal|month|week|day|year))))\b", I, n.year_before),
    (r"\b(?:the|that)\s+(?:latest\s+|most\s+recent\s+|recent\s+|fiscal\s+|same\s+)?quarter\b(?![-\s]+(?:of|to)\b)",
     I, n.same_quarter),
    (rf"\b(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<wd>{WD})(?:\s+(?P<pod>morning|afternoon|evening|night))?\b",
     0, n.weekday),
    (r"\b(?P<w>today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b", I, n.deictic),
    (r"\b(?:over|during|at|on|for|ahead of|before|after|since)\s+(?P<w>the\s+weekend)\b", I, n.the_weekend),
    (r"\b(?P<w>(?:the\s+)?year[- ]end)\b", I, n.year_end),
    (r"\b(?P<w>the\s+(?:(?:latest|current|last|past)\s+)?(?:fiscal\s+)?year)\b(?P<ended>\s+(?:ended|ending))?"
     r"(?!\s+(?:before|after|earlier|ago|later|\d|of\b))", I, n.the_year),
    (rf"\b(?P<name>{HOLIDAYS})\b(?:,?\s+(?P<y>{YEAR})\b)?", 0, n.holiday),
    (r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>UTC|GMT)\b|\b(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?P<tz2>UTC|GMT)\b",
     0, n.utc_time),
    (r"(?<![\d:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:]|\s*[ap]\.?m\b)", I, n.elapsed_time),
    (r"\b(?P<term>the\s+(?:near|short|long)\s+term)\b", I, n.reference_term),  # "the long-term X" is an adjective
    (r"\b(?:for|in|within|over)\s+(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)\b(?!\s+(?:ago|of|and\s+\d))",
     I, n.vague_duration),
    (rf"\b(?P<n>{NUM})\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+"
     rf"(?P<dir>ago|earlier|later|from now|before|after)\b", I, n.ago),
    (r"\b(?P<w>now|currently|at present|presently|nowadays|these days|recently|lately|"
     rf"the future|in the past(?!\s+(?:{NUM}|few|several|couple)\b)|the present)\b", I, n.reference),
    (r"\b(?P<w>every|each)\s+(?P<unit>year|month|week|day|quarter|morning|night|evening|weekend|"
     rf"{WD})\b|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b", I, n.recurring),
    (r"(?:\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(?P<w>noon|midnight|midday)\b)"
     rf"(?:\s+(?:(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|local time)\s+)?(?:on\s+)?(?:(?P<cwd>{WD})|"
     rf"(?P<cmon>{MONTH_RE})\s+(?P<cd>{DAY})\b))?", I, n.clock_time),
    (rf"\b(?:(?P<mod>the\s+(?:past|last|next|first|coming|previous)|more than|nearly|almost|about|over|"
     rf"at least|up to|some)\s+)?(?P<n>{NUM})[\s-]+(?P<unit>years?|months?|weeks?|days?|decades?|"
     rf"centuries|century|hours?|minutes?|seconds?|quarters)\b(?!\s+(?:ago|earlier|from now))(?P<old>[\s-]+old)?", I, n.duration),
    (r"\b(?P<mod>the\s+(?:past|last|next|coming)\s+(?:few|several)?\s*)(?P<unit>years|months|weeks|days|decades)\b",
     I, n.duration),
))


# Lower-case words one of which a normaliser's pattern needs; rules without a gate always run.
GATES: dict[Normaliser, tuple[str, ...]] = {
    n.us_date: ("/",),
    n.decade: ("0s",),
    n.months_of_year: ("months of",),
    n.quarter: ("quarter", "half", "q1", "q2", "q3", "q4"),
    n.year_before: ("year-earlier", "year-ago", "year earlier", "year ago", "same period", "same quarter",
                    "same month"),
    n.same_quarter: ("quarter",),
    n.the_weekend: ("weekend",),
    n.year_end: ("year-end", "year end"),
    n.the_year: (" year",),
    n.holiday: tuple(h.lower() for h in n.HOLIDAY_DATES),
    n.utc_time: ("utc", "gmt"),
    n.reference_term: (" term",),
    n.elapsed_time: (":",),
    n.ago: ("ago", "earlier", "later", "from now", "before", "after"),
    n.recurring: ("every", "each", "daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly"),
    n.deictic: ("today", "yesterday", "tomorrow", "tonight", "last night", "this morning", "this afternoon",
                "this evening"),
    n.spoken_year: ("nineteen", "eighteen", "two thousand"),
    n.anaphoric: ("that ", "the same ", "the previous ", "the following ", "the next "),
    n.reference: ("now", "current", "present", "recent", "lately", "these days", "future", "in the past"),
}
