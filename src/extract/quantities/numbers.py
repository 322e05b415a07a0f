"""Numbers: number words, scale words and numerals glued to a currency sign, scale or unit.

``parse_number`` reads the value of a number phrase the tokenizer split ("1.5 billion", "three
hundred", "$310bn"); ``is_number_token`` says whether a token can start or continue one.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "lakh" and "crore" are how South Asian news writes 100,000 and 10,000,000.
SCALES = {"hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "crore": 1e7, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "m": 1e6, "b": 1e9, "k": 1e3}
SCALE_WORDS = ("hundred", "thousand", "lakh", "crore", "million", "billion", "trillion", "bn", "mn", "mln", "bln", "tn")
# Upper-case glued suffixes read as scales ("4.3M", "2BN"); a lower-case "m" alone is metres.
UPPER_SCALES = ("M", "B", "K", "BN", "Bn", "MN", "Mn")
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}
# Fraction words after a count: "two thirds", "one-half", "three halves", "one sixth".
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
VULGAR_FRACTIONS = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
                    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
# "1/2", "3/4", "1/40": a proper fraction (a date such as "9/11" is the NER's, see candidates.py).
SLASH_FRACTION_RE = re.compile(r"^(\d{1,2})/(\d{1,3})$")
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d|21\d\d)s?$")
# A number token, perhaps glued to a currency sign, a scale ("$310bn", "4.3M") or a unit ("6kW",
# "45g", "1.38pc", '12.5″'), written with an exponent ("4e14", "2.48×10−5") or as "minus-40".
# "PS" is how ASCII transliteration (unidecode) writes the pound sign, "Y=" how wire copy writes yen.
NUM_PREFIX_RE = re.compile(r"^(?P<tilde>~)?(?P<minus>minus-)?(?P<cur>US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$|NT\$|\$US|\$A|\$C|\$NZ|\$HK|PS(?=\d)|Y=|[$£€¥₹₽]|(?:US|A|C|NZ|HK)(?=\d))?(?P<num>[-+−]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+))"
                           r"(?P<exp>[eE][-+−]?\d{1,3}|[×x]10\^?[-+−]?\d{1,3})?"
                           r"(?:(?P<scale>bn|mn|mln|bln|tn|m|b|k|million|billion|trillion)(?![A-Za-z])|(?!(?:st|nd|rd|th)\b)(?P<unit>[A-Za-zμ°″′][A-Za-z/²³]{0,5}(?:\^?[23]|[²³])?)(?:(?<=[A-Za-z])\.)?)?(?P<pct>%)?-?$")
# One token holding a range: "3.5–4.0", "10-20", "5bn-$6bn" (scales and a second currency sign glued).
RANGE_TOKEN_RE = re.compile(r"^(\d+(?:\.\d+)?)(?P<s1>bn|mn|m|k)?[-–](?P<cur2>[$£€])?(\d+(?:\.\d+)?)(?P<s2>bn|mn|m|k)?$")
UNCERTAINTY = ("±", "+/-", "+", "/-")
TIME_RE = re.compile(r"^\d{1,2}(?:[:.]\d\d)?(?:[ap]\.?m\.?)$|^\d{1,2}:\d\d$", re.IGNORECASE)


def numeral_value(m: re.Match) -> float:
    """The value of a numeral matched by NUM_PREFIX_RE, with its exponent, sign and glued scale."""
    num = m.group("num").replace(",", "").replace("−", "-")
    if m.group("exp"):
        exp = m.group("exp").replace("−", "-")
        num += "e" + (exp[1:] if exp[0] in "eE" else exp[3:].lstrip("^"))  # "e-3", "×10^-5", "×10-5"
    value = float(num)
    if m.group("minus"):
        value = -value
    scale = glued_scale(m)
    return value * scale if scale else value


def fraction_value(word: str) -> Optional[float]:
    """ "1/2" -> 0.5, "⅓" -> 0.333: a proper fraction written with a slash or as one character."""
    if word in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[word]
    m = SLASH_FRACTION_RE.match(word)
    if m and 0 < int(m.group(1)) < int(m.group(2)):
        return int(m.group(1)) / int(m.group(2))
    return None


def parse_number(words: list[str]) -> Optional[float]:
    """The value of a number phrase: "12,000", "1.5 billion", "three hundred", "twenty - one",
    "a hundred and two", "two and a half", "2 1/2", "two thirds", "10 000"."""
    items: list[tuple[str, float]] = []
    prev = ""
    for w in words:
        lw = w.lower().strip()
        if lw in UNCERTAINTY:
            break  # "9.83e-3 +/- 1e-5": the value, not its uncertainty
        if lw in ("-", ",", "&", "of") or not lw:
            continue
        if lw == "couple":
            lw = w = "two"
        if lw in ("and", "a", "an"):
            items.append((lw if lw == "and" else "a", 1.0))
            prev = lw
            continue
        if lw.endswith(".") and lw[:-1] in SCALES:
            lw = lw[:-1]  # "$5.4m." at the end of a sentence
        m = NUM_PREFIX_RE.match(w.replace("−", "-") if not w.startswith("minus") else w)
        rng = RANGE_TOKEN_RE.match(w)
        if rng and not m:
            return None  # "3.5–4.0" is a range: candidates.py reads its bounds
        frac = fraction_value(w)
        if m and re.fullmatch(r"\d{3}", w) and re.fullmatch(r"\d{1,3}", prev):
            items.append(("group", float(w)))  # "10 000": a thousands group after a space
        elif m:
            items.append(("num", numeral_value(m)))
        elif frac is not None:
            items.append(("frac", frac))
        elif lw == "dozen":
            items.append(("short", 12.0))  # "a dozen", "two dozen"
        elif lw in WORD_NUMBERS:
            items.append(("num", float(WORD_NUMBERS[lw])))
        elif lw in DENOMINATORS:
            items.append(("den", float(DENOMINATORS[lw])))
        elif lw.rstrip("s") in SCALES and len(lw) > 2:
            items.append(("long", SCALES[lw.rstrip("s")]))
        elif lw in SCALES:
            items.append(("short", SCALES[lw]))
        else:
            return None
        prev = lw
    if not any(kind not in ("and", "a") for kind, _ in items):
        return None
    # a fraction after "and": "two and a half", "one and one-half", "2 and 1/2"
    for k in range(len(items) - 1, 0, -1):
        tail = items[k + 1:]
        if items[k][0] == "and" and any(kind in ("den", "frac") for kind, _ in tail) and \
                not any(kind in ("long", "short") for kind, _ in tail):
            whole, part = _whole(items[:k]), _fraction(tail)
            return None if whole is None or part is None else whole + part
    if items[-1][0] == "den":
        return _fraction(items)
    return _whole(items)


def _whole(items: list[tuple[str, float]]) -> Optional[float]:
    total, current = 0.0, 0.0
    for kind, v in items:
        if kind in ("num", "frac"):
            current += v
        elif kind == "group":
            current = current * 1000 + v
        elif kind == "long":
            current = (current or 1) * v
            if v >= 1e3:
                total += current
                current = 0.0
        elif kind == "short":
            current = (current or 1) * v
        elif kind == "den":
            return None
    return total + current


def _fraction(items: list[tuple[str, float]]) -> Optional[float]:
    """ "two thirds" 0.667, "a half" 0.5, "three halves" 1.5, "one - half" 0.5."""
    value, count = 0.0, None
    for kind, v in items:
        if kind == "num":
            count = (count or 0) + v
        elif kind == "a":
            count = count or 1
        elif kind == "frac":
            value += v
        elif kind == "den":
            value += (count if count is not None else 1) / v
            count = None
        elif kind != "and":
            return None
    return value + (count or 0)


def glued_scale(m: re.Match) -> Optional[float]:
    """The scale of a glued suffix: "bn", "k", and "m" / "M" as million (with a currency sign, or
    upper case "M"); a lower-case "m" alone is left to the unit reader as metres."""
    if m.group("scale"):
        suffix = m.group("scale")
        if suffix == "m" and not m.group("cur"):
            return None
        return SCALES[suffix.lower()]
    if m.group("unit") in UPPER_SCALES:
        return SCALES[m.group("unit").lower()]
    if m.group("unit") == "T" and m.group("cur"):
        return 1e12  # "$2.174T"
    return None


def glued_unit(word: str) -> Optional[str]:
    """The unit glued to a numeral ("6kW" -> "kW", "20m" -> "m"), not a scale suffix."""
    m = NUM_PREFIX_RE.match(word)
    if m is None:
        return None
    if m.group("scale") == "m" and not m.group("cur"):
        return "m"
    unit = m.group("unit")
    if unit in UPPER_SCALES or unit == "T" and m.group("cur"):
        return None
    return unit


def is_number_token(tok: Token) -> bool:
    """A numeral (perhaps glued to a sign, scale or unit), a number word or a scale word."""
    m = NUM_PREFIX_RE.match(tok.text)
    if m:
        cur = m.group("cur")
        if cur and cur[-1].isalpha() and cur != "PS":
            # "$US55,931,000" is split "$" + "US55,931,000": only the glued form counts
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            return prev is not None and prev.text == "$" and prev.whitespace_ == ""
        return True
    if tok.lower_ == "couple":  # "a couple (of) hundred", "a couple of cards"
        after = tok.doc[tok.i + 1:tok.i + 3]
        return any(t.lower_.rstrip("s") in SCALE_WORDS for t in after[:1]) or \
            len(after) == 2 and after[0].lower_ == "of" and (after[1].lower_.rstrip("s") in SCALE_WORDS or
                                                            tok.i > 0 and tok.doc[tok.i - 1].lower_ == "a" and after[1].tag_ == "NNS")
    return tok.lower_ in WORD_NUMBERS or tok.lower_ in SCALE_WORDS or fraction_value(tok.text) is not None or \
        bool(RANGE_TOKEN_RE.match(tok.text))


def chains(prev: Token, tok: Token) -> bool:
    """Whether ``tok`` continues the number phrase ending in ``prev``: "three hundred", "1.5 billion";
    two numerals in a row ("FTSE 100 +0.5%") are two numbers."""
    if not is_number_token(tok):
        return False
    if tok.lower_ in SCALES or tok.lower_.rstrip("s") in SCALES:
        return True
    return prev.lower_ in WORD_NUMBERS and tok.lower_ in WORD_NUMBERS


def plain(v: Optional[float]) -> str:
    """A value as quantulum3 reads it back: "1500", "2.5" (no exponent, no trailing zeros)."""
    return format(v, "f").rstrip("0").rstrip(".") if v is not None else ""
