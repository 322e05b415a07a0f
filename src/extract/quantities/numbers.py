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
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "m": 1e6, "b": 1e9, "k": 1e3}
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "mln", "bln", "tn")
# Upper-case glued suffixes read as scales ("4.3M", "2BN"); a lower-case "m" alone is metres.
UPPER_SCALES = ("M", "B", "K", "BN", "Bn", "MN", "Mn")
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
# A number token, perhaps glued to a currency sign, a scale ("$310bn", "4.3M") or a unit ("6kW",
# "45g", "1.38pc"). "PS" is how ASCII transliteration (unidecode) writes the pound sign.
NUM_PREFIX_RE = re.compile(r"^(?P<tilde>~)?(?P<cur>US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$|\$US|\$A|\$C|\$NZ|\$HK|PS(?=\d)|[$£€¥₹₽]|(?:US|A|C|NZ|HK)(?=\d))?(?P<num>[-+−]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+))"
                           r"(?:(?P<scale>bn|mn|mln|bln|tn|m|b|k)(?![A-Za-z])|(?!(?:st|nd|rd|th)\b)(?P<unit>[A-Za-zμ°][A-Za-z/²³]{0,5}[23²³]?))?(?P<pct>%)?$")
TIME_RE = re.compile(r"^\d{1,2}(?:[:.]\d\d)?(?:[ap]\.?m\.?)$|^\d{1,2}:\d\d$", re.IGNORECASE)


def parse_number(words: list[str]) -> Optional[float]:
    """The value of a number phrase: "12,000", "1.5 billion", "three hundred", "twenty - five"."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        lw = w.lower().strip()
        if lw in ("-", "and", "a", "an") or not lw:
            continue
        if lw.endswith(".") and lw[:-1] in SCALES:
            lw = lw[:-1]  # "$5.4m." at the end of a sentence
        m = NUM_PREFIX_RE.match(w.replace("−", "-"))
        if m:
            current += float(m.group("num").replace(",", ""))
            scale = glued_scale(m)
            if scale:
                current *= scale
            seen = True
        elif lw in WORD_NUMBERS:
            current += WORD_NUMBERS[lw]
            seen = True
        elif lw.rstrip("s") in SCALES and len(lw) > 2:
            scale = SCALES[lw.rstrip("s")]
            current = (current or 1) * scale
            if scale >= 1e3:
                total += current
                current = 0.0
            seen = True
        elif lw in SCALES:
            current = (current or 1) * SCALES[lw]
            seen = True
        else:
            return None
    return total + current if seen else None


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
    return None


def glued_unit(word: str) -> Optional[str]:
    """The unit glued to a numeral ("6kW" -> "kW", "20m" -> "m"), not a scale suffix."""
    m = NUM_PREFIX_RE.match(word)
    if m is None:
        return None
    if m.group("scale") == "m" and not m.group("cur"):
        return "m"
    unit = m.group("unit")
    if unit in UPPER_SCALES:
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
    return tok.lower_ in WORD_NUMBERS or tok.lower_ in SCALE_WORDS


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
