"""Candidates: where a quantity is, its value or bounds and its qualifier, before its unit.

A candidate is a number phrase the parse offers (numerals, number words, "a third of", vague
counts such as "dozens of"), minus what is no count (years, clock times, ordinals, "no one",
names such as "iPhone 11"), widened over a range ("between 10 and 20", "10-20") and the
qualifier words around it, following the quantity classes of CQE (Almasian et al., EMNLP 2023):
approximate ("about", "an estimated"), lower and upper bounds ("at least", "more than", "up to",
"less than"), ranges, and vague counts as ranges with honest bounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp import text_of
from ..timeutil import WEEKDAYS as WEEKDAY_WORDS, month_number
from .numbers import (DENOMINATORS, FRACTIONS, NUM_PREFIX_RE, ONES, RANGE_TOKEN_RE, SCALE_WORDS, SCALES, TENS, TIME_RE,
                      UNCERTAINTY, VULGAR_FRACTIONS, WORD_NUMBERS, YEAR_RE, chains, fraction_value, glued_unit,
                      is_number_token, parse_number)
from . import roles
from .units import (CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_COUNTRIES, PERCENT_GLUED, PERCENT_WORDS, is_person_age,
                    national_currency, maybe_unit, quantulum_unit)

# A vague count spans one order of magnitude from its unit, as NewsQuant annotates them
# ("dozens" 12-120, "millions" 1e6-1e7).
VAGUE = {"dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1000, 10000),
         "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6), "tens of millions": (1e7, 1e8),
         "hundreds of millions": (1e8, 1e9), "millions": (1e6, 1e7), "billions": (1e9, 1e10)}
VAGUE_FIRST = {p.split()[0] for p in VAGUE}
VAGUE_BY_LENGTH = sorted(VAGUE, key=lambda p: -len(p.split()))
APPROX = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated",
          "estimated", "close to", "circa", "approx.", "approx", "up to about", "more or less",
          "an approximate", "just under", "just over", "around about")
AT_LEAST = ("at least", "no fewer than", "no less than", "a minimum of", "or more", "at a minimum")
MORE_THAN = ("more than", "over", "above", "upwards of", "in excess of", "greater than", "exceeding",
             "higher than", "beyond", "topping")
AT_MOST = ("up to", "at most", "no more than", "a maximum of", "as many as", "as much as", "or less",
           "or fewer", "not more than")
LESS_THAN = ("less than", "fewer than", "under", "below", "lower than", "short of", "barely")
# Qualifier phrases before a number, longest first within each class, classes in this order.
QUALIFIERS_BEFORE = tuple((tuple(sorted(words, key=len, reverse=True)), q) for words, q in (
    (AT_LEAST, "at_least"), (AT_MOST, "at_most"), (MORE_THAN, "more_than"), (LESS_THAN, "less_than"),
    (APPROX, "approximate")))
QUALIFIERS_AFTER = (("or more", "at_least"), ("or so", "approximate"), ("or less", "at_most"),
                    ("or fewer", "at_most"), ("plus", "at_least"))
SKIP_BEFORE = {"no", "no.", "number", "section", "article", "chapter", "page", "pages", "room", "route",
               "flight", "rule", "amendment", "paragraph", "clause", "item", "line", "grade", "level",
               "phase", "stage", "episode", "season", "version", "model", "volume", "vol", "step", "tier",
               "title", "bill", "resolution", "exhibit", "figure", "table", "act", "highway", "interstate",
               "i-", "covid", "covid-", "g", "mark", "apollo",
               # labels in news: "a category 4 storm", "Type 2 diabetes", "Game 7", "Unit 3", "Gate 12"
               "category", "type", "class", "round", "game", "gate", "terminal", "district", "ward", "precinct",
               "suite", "apartment", "unit", "channel", "platform"}
# Stock indexes and lists named with a number: "the S&P 500 rose", "a Fortune 500 firm".
NAMED_NUMBERS = {("s&p", "500"), ("s&p", "100"), ("ftse", "100"), ("ftse", "250"), ("russell", "1000"),
                 ("russell", "2000"), ("russell", "3000"), ("nikkei", "225"), ("dax", "30"), ("dax", "40"),
                 ("cac", "40"), ("stoxx", "50"), ("stoxx", "600"), ("asx", "200"), ("nasdaq", "100"),
                 ("fortune", "500"), ("fortune", "100"), ("fortune", "1000"), ("nifty", "50"), ("sensex", "30"),
                 ("ibex", "35"), ("aex", "25"), ("euro", "stoxx"), ("g", "7"), ("g", "20")}
STREET_WORDS = {"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "boulevard", "blvd", "lane",
                "drive", "way", "place", "terrace", "court", "crescent", "highway", "parkway"}
# A count word as the subject of a verb of saying is an anonymous source: "One trader said".
SAYING = {"say", "tell", "add", "explain", "comment", "argue", "insist", "claim", "warn", "admit", "acknowledge",
          "recall", "reply", "complain", "agree", "caution"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
DURATION_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
NOT_A_COUNT_BEFORE_ONE = ("no", "the", "this", "that", "every", "any", "which", "each", "same", "another", "only", "other")
NOT_A_COUNT_AFTER_ONE = ("another", "day", "time", "way")
RANGE_WORDS = ("to", "and", "-", "–")
APPROX_WORDS = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa", "just"}


@dataclass(frozen=True)
class Candidate:
    """A quantity found in a parsed doc, before its unit and roles are read.

    Token indices: ``start`` is the first token (qualifier words and a currency sign included),
    ``end`` the token after the number phrase (the second number of a range included),
    ``number_end`` the token after the first number phrase. ``unit`` is a unit read already (a
    currency sign, a glued percent, "fraction"); ``glued`` a unit glued to the numeral ("6kW");
    ``hint`` the value to show quantulum3 when it is asked for the unit.
    """

    start: int
    end: int
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    unit: Optional[str] = None
    number_end: Optional[int] = None
    glued: Optional[str] = None
    hint: Optional[float] = None


def blocked_tokens(doc: Doc) -> set[int]:
    """Tokens that are never a count: ordinals, and the years, days and clock times of the NER's
    DATE / TIME entities (not the other numbers they sweep in, nor durations: "three years")."""
    blocked: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "ORDINAL":
            blocked.update(t.i for t in ent if re.search(r"\d(?:st|nd|rd|th)$", t.lower_) or t.lower_ in ORDINAL_WORDS
                           or not (t.like_num or NUM_PREFIX_RE.match(t.text)))  # not "up 3pc" the NER calls ORDINAL
        elif ent.label_ in ("DATE", "TIME") and not is_duration_entity(ent) and _calendar_entity(ent):
            blocked.update(t.i for t in ent if _calendar_number(t))
    return blocked


def is_duration_entity(ent: SpacySpan) -> bool:
    """ "three years", "the past two years", "8 seconds": an amount of time, which is a quantity too."""
    return any(t.like_num or t.lower_ in WORD_NUMBERS for t in ent) and any(
        t.lemma_.lower() in DURATION_UNITS for t in ent) and not any(
        t.lower_ in ("ago", "earlier", "later") or YEAR_RE.match(t.text) for t in ent)


CALENDAR_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "century", "today",
                  "yesterday", "tomorrow", "ago", "morning", "afternoon", "evening", "night", "noon", "midnight",
                  "spring", "summer", "autumn", "fall", "winter", "quarter", "weekend", "season", "am", "pm",
                  "a.m.", "p.m.", "o'clock", "hour", "hours", "minute", "minutes", "century", "centuries", "eve"}


def _calendar_entity(ent: SpacySpan) -> bool:
    """Whether a DATE / TIME entity has a calendar word at all: the NER also tags "between 5 and
    6 kg" and "two and a half miles" as DATE. A lone number tagged DATE is kept blocked (an age in
    "Smith, 25, said" or a day)."""
    return len(ent) == 1 or any(month_number(t.text) or t.lower_ in WEEKDAY_WORDS or t.lower_ in CALENDAR_WORDS or YEAR_RE.match(t.text)
               or re.search(r"\d[:/]\d|\d(?:st|nd|rd|th)$|^'\d\d$", t.text) for t in ent)


def _calendar_number(tok: Token) -> bool:
    t = tok.text.lstrip("~")
    if YEAR_RE.match(t) or re.match(r"^'\d\d$", t) or re.search(r"\d[:.]\d\d|[ap]\.?m\.?$", t.lower()):
        return True
    if re.match(r"^\d{1,2}(?:st|nd|rd|th)?$", t) and int(re.sub(r"\D", "", t)) <= 31:
        return True  # a day of the month
    return tok.lower_ in WORD_NUMBERS and not any(c.lemma_.lower() in DURATION_UNITS for c in tok.head.subtree)


START_WORDS = frozenset(WORD_NUMBERS) | frozenset(SCALE_WORDS) | frozenset(DENOMINATORS) | frozenset(VAGUE_FIRST) | \
    frozenset(FRACTIONS) | frozenset(f + "s" for f in FRACTIONS) | {"couple"}


def may_start(text: str, lower: str) -> bool:
    """Whether a token may start a quantity at all (a digit, a number or fraction word, a vague
    count): the cheap test that spares the other tokens of an article the full scan."""
    return lower in START_WORDS or any(c.isdigit() for c in text) or text in VULGAR_FRACTIONS


def scan_from(doc: Doc, i: int, blocked: set[int]) -> tuple[Optional[Candidate], int]:
    """The candidate starting at token ``i`` (or None) and the token to look at next."""
    n = len(doc)
    tok = doc[i]
    vague = vague_count(doc, i)
    if vague is not None:
        j, low, high = vague
        return Candidate(i, j, None, low, high, "range"), j
    half = half_of_scale(doc, i)
    if half is not None:
        return half, half.end
    if (i in blocked and not is_fraction(doc, i) and not is_person_age(tok)) or \
            not (is_number_token(tok) or is_fraction(doc, i)):
        return None, i + 1
    if TIME_RE.match(tok.text) or _clock_time(doc, i) or _list_marker(doc, i) or _named_fraction(tok):
        return None, i + 1
    if i + 2 < n and doc[i + 1].text == "-" and is_fraction(doc, i + 2):
        return None, i + 2  # "two-thirds of": read at "thirds"
    if i + 2 < n and tok.lower_ in TENS and doc[i + 1].text == "-" and doc[i + 2].lower_ in ORDINAL_WORDS:
        return None, i + 3  # "the twenty-sixth dynasty": an ordinal, not twenty sixths
    idiom_end = _hyphen_idiom(doc, i)
    if idiom_end:
        return None, idiom_end  # "one-on-one", "two-by-two", "a 5-to-2 vote"
    j = phrase_end(doc, i)
    if j < n and doc[j - 1].whitespace_ == "" and _glued_scale_token(doc, i, j):
        j += 1
    j = max(j, i + 1)
    if is_fraction(doc, i):
        return fraction_candidate(doc, i), j
    ratio = ratio_candidate(doc, i, j)
    if ratio is not None:
        return ratio, ratio.end
    return number_candidate(doc, i, j), j


def ratio_candidate(doc: Doc, i: int, j: int) -> Optional[Candidate]:
    """ "one in five", "about 1 in 10": a share, as a fraction (0.2, 0.1)."""
    if j + 1 >= len(doc) or doc[j].lower_ != "in" or not is_number_token(doc[j + 1]):
        return None
    k = phrase_end(doc, j + 1)
    part, whole = parse_number([t.text for t in doc[i:j]]), parse_number([t.text for t in doc[j + 1:k]])
    if part is None or whole is None or not 0 < part < whole:
        return None
    qualifier, q_start = qualifier_around(doc, i, k)
    return Candidate(min(i, q_start), k, part / whole, part / whole, part / whole, qualifier, unit="fraction")


def _list_marker(doc: Doc, i: int) -> bool:
    """ "2) The art of ...", "23. Sen. Smith": a number numbering a list item."""
    at_start = i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text
    return at_start and i + 1 < len(doc) and doc[i + 1].text in (")", ".") and bool(re.fullmatch(r"\d{1,3}", doc[i].text))


def _named_fraction(tok: Token) -> bool:
    """ "9/11", "24/7", "7/7": a date or an idiom written like a fraction."""
    return fraction_value(tok.text) is not None and "/" in tok.text and (
        tok.text in ("9/11", "7/7", "4/20") or tok.ent_type_ in ("DATE", "EVENT", "TIME"))


def _clock_time(doc: Doc, i: int) -> bool:
    """ "5 pm", "2.13 a.m.": a clock time written apart from its am/pm."""
    return i + 1 < len(doc) and doc[i + 1].lower_ in ("am", "pm", "a.m.", "p.m.") and \
        bool(re.fullmatch(r"(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?", doc[i].text))


def phrase_end(doc: Doc, i: int) -> int:
    """The token after the number phrase starting at ``i``: "1.5 billion", "twenty-one", "a hundred
    and two", "three million, two hundred & forty", "two and a half", "one and one-half", "2 1/2",
    "two thirds", "10 000" (a thousands group after a space)."""
    n = len(doc)
    j = i + 1
    while j < n:
        prev, tok = doc[j - 1], doc[j]
        nxt = doc[j + 1] if j + 1 < n else None
        if chains(prev, tok):
            j += 1
        elif prev.lower_ == "couple" and tok.lower_ == "of" and nxt is not None and nxt.lower_.rstrip("s") in SCALE_WORDS:
            j += 2  # "a couple of hundred"
        elif nxt is not None and tok.text == "-" and not prev.whitespace_ and not tok.whitespace_ and (
                prev.lower_ in TENS and nxt.lower_ in ONES or prev.lower_ in WORD_NUMBERS and nxt.lower_ in DENOMINATORS):
            j += 2  # "twenty-one", "one-half"
        elif nxt is not None and tok.text in ("and", "&", ",") and prev.lower_.rstrip("s") in SCALE_WORDS \
                and nxt.lower_ in WORD_NUMBERS:
            j += 2  # "a hundred and two", "three million, two hundred & forty"
        elif tok.lower_ == "and" and _fraction_follows(doc, j + 1) and (
                prev.lower_ in WORD_NUMBERS or NUM_PREFIX_RE.match(prev.text)):
            j = _fraction_follows(doc, j + 1)  # "two and a half", "one and one-half", "2 and 1/2"
        elif tok.lower_ in DENOMINATORS and prev.lower_ in WORD_NUMBERS and prev.lower_ not in ("zero", "dozen") and \
                not (nxt is not None and (nxt.text == "-" or prev.lower_ == "one" and nxt.pos_ in ("NOUN", "PROPN"))):
            j += 1  # "two thirds", "three halves"; not "one third party"
        elif fraction_value(tok.text) is not None and prev.whitespace_ and re.fullmatch(r"\d+", prev.text):
            j += 1  # "2 1/2"
        elif tok.text in UNCERTAINTY and nxt is not None and (is_number_token(nxt) or nxt.text == "/-"):
            k = j + 2 if nxt.text == "/-" else j + 1  # "9.83e-3 +/- 1e-5 km/s2": the uncertainty is read over
            if k < n and is_number_token(doc[k]):
                j = k + 1
            else:
                break
        elif re.fullmatch(r"\d{3}", tok.text) and re.fullmatch(r"\d{1,3}", prev.text) and prev.whitespace_ == " " \
                and (j - 1 == i or re.fullmatch(r"\d{3}", prev.text)) and not (nxt is not None and nxt.like_num):
            j += 1  # "10 000"
        else:
            break
    return j


def _fraction_follows(doc: Doc, k: int) -> int:
    """The token after "a half", "one-half", "1/2" starting at ``k``; 0 when no fraction starts there."""
    if k < len(doc) and fraction_value(doc[k].text) is not None:
        return k + 1
    if k < len(doc) and doc[k].lower_ in ("a", "an", "one"):
        k += 1
        if k + 1 < len(doc) and doc[k].text == "-":
            k += 1
        if k < len(doc) and doc[k].lower_ in DENOMINATORS:
            return k + 1
    return 0


def _hyphen_idiom(doc: Doc, i: int) -> int:
    """The token after "one-on-one", "one-to-one", "two-by-two", "one-for-one" (an idiom, not two
    numbers) or "a 5-to-2 vote" (a score) starting at ``i``; 0 when there is none."""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and re.fullmatch(r"to-\d+", doc[i + 2].text):
        return i + 3  # "5-to-2" as the tokenizer splits it
    if i + 4 >= len(doc):
        return 0
    a, h1, mid, h2, b = doc[i:i + 5]
    after = doc[i + 5].lower_ if i + 5 < len(doc) else ""
    same = b.lower_ == a.lower_ or mid.lower_ == "to" and is_number_token(b) and after.rstrip("s") not in SCALE_WORDS
    glued = not (a.whitespace_ or h1.whitespace_ or mid.whitespace_ or h2.whitespace_)
    if (a.lower_ in WORD_NUMBERS or a.like_num) and same and h1.text == h2.text == "-" and glued and \
            mid.lower_ in ("on", "to", "by", "for", "in", "and"):
        return i + 5
    return 0


def _glued_scale_token(doc: Doc, i: int, j: int) -> bool:
    """ "13.6" + "M", "5.4" + "m" after a currency sign: a scale the tokenizer split off."""
    word = doc[j].text.rstrip(".")
    if word.lower() not in ("m", "bn", "b", "k", "mn", "mln", "tn", "bln"):
        return False
    m = NUM_PREFIX_RE.match(doc[i].text)
    has_currency = (i > 0 and doc[i - 1].text.lower() in CURRENCY_SYMBOLS) or bool(m and m.group("cur"))
    return word != "m" or has_currency or _counted_after(doc, j + 1)


def _counted_after(doc: Doc, k: int) -> bool:
    """A plural noun that is no unit at ``k``: "1.5m people" counts people (million), "3m high" metres."""
    return k < len(doc) and doc[k].tag_ == "NNS" and quantulum_unit(f"1 {doc[k].text}") is None


def is_fraction(doc: Doc, i: int) -> bool:
    """ "a third of", "half of", "two-thirds of": a share."""
    tok = doc[i]
    word = tok.lower_[:-1] if tok.lower_.endswith("s") and tok.lower_[:-1] in FRACTIONS else tok.lower_
    if word in FRACTIONS and _by_fraction(doc, i):
        return True
    if word not in FRACTIONS or i + 1 >= len(doc) or doc[i + 1].lower_ != "of":
        return False
    if word == "half" and (i == 0 or doc[i - 1].lower_ not in ("a", "one")):
        return i == 0 or doc[i - 1].lower_ in ("almost", "nearly", "about", "over", "than", "roughly", "around")
    prev = doc[i - 2] if i > 1 and doc[i - 1].text == "-" else (doc[i - 1] if i > 0 else None)
    return prev is not None and prev.lower_ in ("a", "one", "two", "three", "four")


def _by_fraction(doc: Doc, i: int) -> bool:
    """ "cut deaths by a third", "fell by nearly half", "by two-thirds": a share after "by", not
    followed by a noun ("by a third party")."""
    if i + 1 < len(doc) and not (doc[i + 1].is_punct or doc[i + 1].pos_ in ("CCONJ", "ADP", "SCONJ", "ADV", "PART")):
        return False
    k = i - 1
    if k > 0 and doc[k].text == "-":
        k -= 1
    if k >= 0 and doc[k].lower_ in ("a", "one", "two", "three", "four"):
        k -= 1
    while k >= 0 and doc[k].lower_ in APPROX_WORDS:
        k -= 1
    return k >= 0 and doc[k].lower_ == "by" and (doc[i].lower_ == "half" or doc[i - 1].lower_ != "by")


def half_of_scale(doc: Doc, i: int) -> Optional[Candidate]:
    """ "half a million", "half a dozen": half the scale word's value."""
    if doc[i].lower_ != "half" or i + 2 >= len(doc) or doc[i + 1].lower_ not in ("a", "an"):
        return None
    scale = 12.0 if doc[i + 2].lower_ == "dozen" else SCALES.get(doc[i + 2].lower_)
    if scale is None or doc[i + 2].lower_ not in SCALE_WORDS + ("dozen",):
        return None
    qualifier, q_start = qualifier_around(doc, i, i + 3)
    value = scale / 2
    low, high = (None if qualifier in ("at_most", "less_than") else value,
                 None if qualifier in ("at_least", "more_than") else value)
    return Candidate(min(i, q_start), i + 3, value, low, high, qualifier, number_end=i + 3, hint=value)


def vague_count(doc: Doc, i: int) -> Optional[tuple[int, float, float]]:
    """("dozens of", "hundreds of thousands of") -> (end index, low, high)."""
    if doc[i].lower_ not in VAGUE_FIRST:
        return None
    for phrase in VAGUE_BY_LENGTH:
        words = phrase.split()
        toks = doc[i:i + len(words)]
        if len(toks) == len(words) and [t.lower_ for t in toks] == words:
            if i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in WORD_NUMBERS):
                return None
            end = i + len(words)
            if end < len(doc) and doc[end].lower_ == "of" or words[0] in ("dozens", "hundreds", "thousands"):
                low, high = VAGUE[phrase]
                return end, float(low), float(high)
    return None


def qualifier_around(doc: Doc, start_i: int, end_i: int) -> tuple[str, int]:
    """(qualifier, index of its first token) from the words before the number ("at least", "about",
    also before "a": "at least a dozen") and after it ("or more", "or so")."""
    at = start_i
    if at > 0 and doc[at - 1].lower_ in ("a", "an") and (doc[at].lower_ in WORD_NUMBERS or doc[at].lower_ in SCALE_WORDS
                                                              or doc[at].lower_ == "couple"):
        at -= 1  # "at least a dozen", "more than a hundred"
    before = " ".join(t.lower_ for t in doc[max(at - 4, 0):at])
    for words, q in QUALIFIERS_BEFORE:
        for w in words:
            if before == w or before.endswith(" " + w):
                return q, at - len(w.split())
    after = " ".join(t.lower_ for t in doc[end_i:end_i + 3])
    for w, q in QUALIFIERS_AFTER:
        if after.startswith(w):
            return q, start_i
    return "exact", start_i


def fraction_candidate(doc: Doc, i: int) -> Candidate:
    """ "a third of", "two-thirds of", "half of": the share as a value, unit "fraction"."""
    first = doc[i]
    word = first.lower_[:-1] if first.lower_[:-1] in FRACTIONS and first.lower_.endswith("s") else first.lower_
    start = i - 2 if i > 1 and doc[i - 1].text == "-" else max(i - 1, 0)
    if word == "half" and doc[start].lower_ not in ("a", "one"):
        start = i
    count = WORD_NUMBERS.get(doc[start].lower_, 1) if doc[start].lower_ not in ("a", "an") else 1
    value = FRACTIONS[word] * count
    qualifier, q_start = qualifier_around(doc, start, i + 1)
    return Candidate(min(start, q_start), i + 1, value, value, value, qualifier, unit="fraction")


def not_a_count(doc: Doc, i: int, j: int) -> bool:
    """Numbers that name rather than count: "no one", a year, "990 Turbo", "iPhone 11",
    "Oct. 31", "section 5", "3:15", a phone number."""
    text = text_of(doc)
    first = doc[i]
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j].lower_ if j < len(doc) else ""
    single = j - i == 1
    if first.lower_ in ("nineteen", "eighteen") and j - i > 1 and (doc[i + 1].lower_ in TENS or doc[i + 1].lower_ in (
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")):
        return True  # "nineteen seventy-nine": a year as a transcript writes it (the dates stage's)
    if i > 1 and doc[i - 2].lower_ == "the" and prev == "year":
        return True  # "the year two thousand"
    if single and first.lower_ == "one" and (prev in NOT_A_COUNT_BEFORE_ONE or nxt in NOT_A_COUNT_AFTER_ONE):
        return True  # "no one", "one another", "one day": not a count
    if single and YEAR_RE.match(first.text) and not (
            (prev and prev in CURRENCY_SYMBOLS) or nxt in PERCENT_WORDS or nxt.endswith("%") or _counts(first)):
        return True  # a year belongs to the dates stage (but "2000 people marched" counts)
    money = (i > 0 and doc[i - 1].text.lower() in CURRENCY_SYMBOLS) or bool(NUM_PREFIX_RE.match(first.text).group("cur")) \
        if NUM_PREFIX_RE.match(first.text) else i > 0 and doc[i - 1].text.lower() in CURRENCY_SYMBOLS
    scaled = any(t.lower_.rstrip("s") in SCALE_WORDS for t in doc[i:j]) or nxt in CURRENCY_WORDS or \
        national_currency(doc, j) is not None
    if first.head.tag_ == "NNP" and first.dep_ in ("nummod", "compound") and first.head.i > first.i and \
            not money and quantulum_unit(f"{first.text} {first.head.text}") is None:
        return True  # "990 Turbo", "12 Elm Road": part of a name (but "54 GB" is a unit, "$40 US"
        # money, "nine Senators" a count)
    if i > 0 and doc[i - 1].pos_ == "PROPN" and any(c.isupper() for c in doc[i - 1].text) and not scaled and not (
            doc[i - 1].text.lower() in CURRENCY_SYMBOLS or doc[i - 1].text.upper() in DOLLAR_COUNTRIES):
        if not (i > 1 and doc[i - 2].lower_ in ("and", "with", "of")) and doc[i - 1].ent_type_ not in ("GPE", "NORP", "DATE") \
                and (j >= len(doc) or doc[j].is_stop or quantulum_unit(f"{first.text} {nxt}") is None):
            return True  # "iPhone 11", "S&P 500", "Fortune 100", "Oct. 31"
    if i > 0 and month_number(doc[i - 1].text) and not NUM_PREFIX_RE.match(doc[i - 1].text):
        return True
    if (prev, first.lower_) in NAMED_NUMBERS:
        return True  # "the S&P 500", "a Fortune 500 company"
    if single and first.lower_ in ("one", "zero") and _not_counting(first):
        return True  # "One trader said", "zero coupon bonds"
    if _address(doc, i, j):
        return True  # "12 Elm Ranch Road"
    if single and prev == "," and nxt == "," and i > 1 and doc[i - 2].ent_type_ == "PERSON":
        return True  # "Jane Doe, 45, said": an age in apposition, as NewsQuant leaves it
    if prev in SKIP_BEFORE or (i > 0 and doc[i - 1].text.endswith("-") and doc[i - 1].is_alpha):
        return True
    if j < len(doc) and doc[j].text in (":", ".") and j + 1 < len(doc) and doc[j + 1].like_num and doc[j].whitespace_ == "":
        return True  # 3:15, 1.2.3
    return bool(re.match(r"^\d{3}-\d{4}$", text[first.idx:doc[j - 1].idx + len(doc[j - 1])]))


YEAR_NOUNS = {"election", "elections", "season", "seasons", "game", "games", "olympics", "budget", "census",
              "campaign", "campaigns", "model", "models", "edition", "class", "cohort", "midterms", "primaries"}


DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"}


def _counts(tok: Token) -> bool:
    """A year-like number that counts a plural noun it modifies: "2000 people", not "the 2020
    elections", "in 1998 prices"."""
    noun = tok.head
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.dep_ == "nummod" and noun.tag_ == "NNS" and noun.i == tok.i + 1 and noun.lower_ not in YEAR_NOUNS and \
        not (prev is not None and (prev.lower_ in DEFINITE or prev.pos_ in ("ADP", "PRON") or prev.tag_ == "POS"))


def _not_counting(tok: Token) -> bool:
    """ "One trader said": one as an anonymous source; "zero coupon bonds": zero inside a compound noun."""
    noun = tok.head
    if tok.dep_ != "nummod" or noun.pos_ != "NOUN":
        return False
    if tok.lower_ == "one":
        return noun.dep_ in ("nsubj", "nsubjpass") and noun.tag_ == "NN" and noun.head.lemma_.lower() in SAYING
    return noun.dep_ in ("compound", "amod") and noun.head.pos_ in ("NOUN", "PROPN")


def _address(doc: Doc, i: int, j: int) -> bool:
    """A house number: up to three title-case words then a street word ("12 Elm Ranch Road",
    "10 Downing Street"), or a street word right after ("5 Ave Rapp")."""
    if not re.fullmatch(r"\d{1,5}[A-Za-z]?", doc[i].text) or j - i != 1:
        return False
    for k in range(j, min(j + 4, len(doc))):
        tok = doc[k]
        if not tok.text[:1].isupper():
            return False
        if tok.lower_ in STREET_WORDS:
            return k > j or k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
    return False


def _currency_before(doc: Doc, i: int) -> tuple[int, Optional[str]]:
    """(first token, currency) of a currency sign standing as its own token before the number:
    "$ 5", "US $ 5"."""
    cur_tok = doc[i - 1] if i > 0 else None
    if cur_tok is None or cur_tok.text.lower() not in CURRENCY_SYMBOLS:
        return i, None
    unit = CURRENCY_SYMBOLS[cur_tok.text.lower()]
    country = doc[i - 2] if i > 1 else None
    # "US $5", "HK$ 5"; a one-letter country only glued ("A$5"): "a $676m deal" is no Australian dollar
    if country is not None and country.text in DOLLAR_COUNTRIES and (len(country.text) > 1 or not country.whitespace_):
        return i - 2, CURRENCY_SYMBOLS.get(country.text.lower() + "$", unit)
    return i - 1, unit


@dataclass(frozen=True)
class _Range:
    low: float
    high: float
    start: int        # "between" / "from" included
    end: int          # after the second number
    number_end: int   # after the second number when a unit is glued to it ("5-10W"), else unchanged
    first: float      # the first number, scaled by the second's scale word ("1 to 1.5 million")


def _range_after(doc: Doc, start_i: int, j: int, value: float) -> Optional[_Range]:
    """A range from the number ending before token ``j``: "10-20", "10 to 20", "between 10 and
    20", "three or four", "from 252 miles to 287 miles", "44 mg to 50 mg" (unit words may stand
    between the two numbers after "from"/"between", or when they are repeated after the second)."""
    n = len(doc)
    after_by = start_i > 0 and doc[start_i - 1].lower_ == "by"  # "rose by $43.6bn to $419.2bn": two values
    frame_i = start_i - 1
    while frame_i > 0 and frame_i >= start_i - 3 and doc[frame_i].lower_ in APPROX_WORDS:
        frame_i -= 1  # "from about $350 per kg to $680 per kg"
    framed = frame_i >= 0 and doc[frame_i].lower_ in ("from", "between")
    sep_i = j
    for look in range(j, min(j + 5, n - 1)):
        if doc[look].lower_ in RANGE_WORDS + ("or",):
            sep_i = look
            break
        if not _unit_word(doc[look]):
            break
    between = [t.lower_ for t in doc[j:sep_i]]
    if not (sep_i + 1 < n and doc[sep_i].lower_ in ("-", "–", "to", "and", "or") and _range_start(doc, start_i, sep_i)):
        return None
    k = sep_i + 1
    if k < n and doc[k].text.lower() in CURRENCY_SYMBOLS or k < n and _currency_glued(doc[k].text):
        if doc[j - 1].text.endswith("%") or glued_unit(doc[j - 1].text) in PERCENT_GLUED or \
                any(t.lower_ in PERCENT_WORDS for t in doc[j:sep_i]):
            return None  # "rose 14pc to £1.2bn": a change in percent and a level in money
    if k < n and doc[k].text.lower() in CURRENCY_SYMBOLS:
        k += 1
    m_end = phrase_end(doc, k) if k < n and is_number_token(doc[k]) else k
    other = parse_number([t.text for t in doc[k:m_end]]) if m_end > k else None
    if other is None or (after_by and other > 3 * value):
        return None  # "increased by $43.6bn to $419.2bn": a change and a level, not a range
    if between and not framed and ([t.lower_ for t in doc[m_end:m_end + len(between)]] != between
                                   or other <= value or _reports_change(doc[j - 1])):
        return None  # "5 mg to 6 people", "leads 49 percent to 42 percent", "rose 5 percent to 20 percent"
    scale_word = doc[m_end - 1].lower_.rstrip("s")
    if scale_word in SCALES and len(scale_word) > 1 and doc[j - 1].lower_.rstrip("s") not in SCALES:
        if value < other / SCALES[scale_word]:
            value *= SCALES[scale_word]  # "1 to 1.5 million", not "$750,000 to $1 million"
    if doc[sep_i].lower_ == "or" and not value < other <= 10 * value:
        return None  # "12 or 11 years", "1 or 100": alternatives, not a range
    if between and framed and _different_unit(doc, m_end, between):
        return None  # "from 44 ml to 50 mg": two amounts of different things
    start = frame_i if framed else start_i
    number_end = m_end if glued_unit(doc[m_end - 1].text) else j
    return _Range(min(value, other), max(value, other), start, m_end, number_end, value)


def _currency_glued(word: str) -> bool:
    m = NUM_PREFIX_RE.match(word)
    return bool(m and m.group("cur"))


def _different_unit(doc: Doc, k: int, between: list[str]) -> bool:
    """Whether unit words after the second number (at ``k``) differ from those between the numbers."""
    if k >= len(doc) or not maybe_unit(" " + doc[k].text):
        return False
    return doc[k].lower_ != between[0]


def _reports_change(tok: Token) -> bool:
    """Whether the number hangs on a verb of change ("rose 5 percent to 20 percent": a change and a level)."""
    verb = roles.governing_verb(tok)
    return verb is not None and roles.change(verb, tok.doc, tok.i) is not None


def _unit_word(tok: Token) -> bool:
    """A token that may belong to the unit between the two numbers of a range ("mg", "per cent",
    "U.S.", "%"): no number, no punctuation but "%" and abbreviation dots."""
    if is_number_token(tok) or tok.like_num:
        return False
    if tok.text in ("%", "°"):
        return True
    return any(c.isalpha() for c in tok.text) and not tok.is_punct and len(tok.text) <= 12 and \
        tok.pos_ not in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "PRON") or tok.lower_ == "per"


def _range_start(doc: Doc, i: int, sep_i: int) -> bool:
    """Whether the separator at ``sep_i`` joins two numbers: "and" only after "between", a hyphen
    only when glued on both sides ("10-20", not "10 - 20")."""
    sep = doc[sep_i].text
    nxt = doc[sep_i + 1]
    if not (is_number_token(nxt) or nxt.text.lower() in CURRENCY_SYMBOLS):
        return False
    if sep == "and":
        return i > 0 and doc[i - 1].lower_ == "between"
    if sep == "or":
        return doc[sep_i - 1].whitespace_ != ""
    if sep == "-":
        return doc[sep_i].whitespace_ == "" and doc[sep_i - 1].whitespace_ == ""
    return True


def number_candidate(doc: Doc, i: int, j: int) -> Optional[Candidate]:
    """The quantity of the number phrase ``doc[i:j]``: its value, a range it starts, its
    qualifier, and a currency sign before or glued to it."""
    if not_a_count(doc, i, j):
        return None
    start_i, unit = _currency_before(doc, i)
    words = [t.text for t in doc[i:j]]
    m = NUM_PREFIX_RE.match(words[0])
    if m and m.group("cur"):
        cur = m.group("cur").lower()
        unit = CURRENCY_SYMBOLS.get(cur) or CURRENCY_SYMBOLS.get("$" + cur, unit)
    one_token_range = RANGE_TOKEN_RE.match(words[0]) if len(words) == 1 else None
    if one_token_range:  # "3.5–4.0 TeV"; not a score ("6–3") nor years ("2012–13", the dates stage's)
        low, high = float(one_token_range.group(1)), float(one_token_range.group(4))
        s1, s2 = one_token_range.group("s1"), one_token_range.group("s2")
        if (s1 or s2) and unit is None and "m" in (s1, s2):
            return None  # "5m-6m" without a currency sign: metres or millions, left unread
        low *= SCALES[s1 or s2] if (s1 or s2) else 1
        high *= SCALES[s2 or s1] if (s1 or s2) else 1
        if low >= high or YEAR_RE.match(one_token_range.group(1)):
            return None
        return Candidate(start_i, j, None, low, high, "range", unit=unit, number_end=j, hint=low)
    value = parse_number(words)
    if value is None:
        return None
    if unit is not None and glued_unit(words[-1]) == "T":
        value *= 1e12  # "$ 2.174T": trillion after a currency sign, else tonnes
    if i > 0 and doc[i - 1].lower_ == "minus":
        value = -value
    rng = _range_after(doc, start_i, j, value)
    if doc[i].lower_ == "couple":  # "a couple hundred": about two hundred
        start = i - 1 if i > 0 and doc[i - 1].lower_ == "a" else i
        return Candidate(start, j, value, value, value, "approximate", number_end=j, hint=value)
    if rng is not None:
        cand = Candidate(rng.start, rng.end, None, rng.low, rng.high, "range", number_end=rng.number_end,
                         hint=rng.first)
    elif m is not None and m.group("tilde"):
        cand = Candidate(start_i, j, value, value, value, "approximate", number_end=j, hint=value)
    else:
        qualifier, q_start = qualifier_around(doc, start_i, j)
        low, high = value, value
        if qualifier in ("at_least", "more_than"):
            high = None
        elif qualifier in ("at_most", "less_than"):
            low = None
        cand = Candidate(min(start_i, q_start), j, value, low, high, qualifier, number_end=j, hint=value)
    glued = glued_unit(doc[cand.end - 1].text)
    if glued == "T" and unit is not None:
        glued = None
    if glued == "m" and cand.value is not None and _counted_after(doc, cand.end):
        # "1.5m people": million, as British papers write it ("a 3m wall" stays metres)
        return Candidate(cand.start, cand.end, cand.value * 1e6, cand.low * 1e6 if cand.low is not None else None,
                         cand.high * 1e6 if cand.high is not None else None, cand.qualifier, unit=unit,
                         number_end=cand.number_end, hint=cand.value * 1e6)
    if glued and len(glued) >= 3 and glued.isupper() and quantulum_unit(f"1 {glued}") is None:
        return None  # "860BOX", "737MAX": a model code
    if glued and glued.lower() in PERCENT_GLUED:
        unit, glued = "percent", None
    return Candidate(cand.start, cand.end, cand.value, cand.low, cand.high, cand.qualifier, unit=unit,
                     number_end=cand.number_end, glued=glued, hint=cand.hint)
