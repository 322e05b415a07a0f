"""Number phrases as pure functions of their words (no spaCy)."""
from __future__ import annotations

import pytest

from extract.quantities.numbers import NUM_PREFIX_RE, glued_scale, glued_unit, parse_number, plain


@pytest.mark.parametrize("words,value", [
    (["12,000"], 12000), (["1.5", "billion"], 1.5e9), (["three", "hundred"], 300), (["two"], 2),
    (["$310bn"], 310e9), (["£120m"], 120e6), (["twenty", "-", "five"], 25), (["a", "dozen"], 12),
    (["4.3M"], 4.3e6), (["−7"], -7), (["$5.4", "m."], 5.4e6), (["two", "million"], 2e6),
    # compound number words, fractions, spaced thousands, exponents
    (["twenty", "-", "one"], 21), (["a", "hundred", "and", "two"], 102), (["two", "dozen"], 24),
    (["three", "million", ",", "two", "hundred", "&", "forty"], 3_000_240),
    (["two", "and", "a", "half"], 2.5), (["one", "and", "one", "-", "half"], 1.5), (["2", "1/2"], 2.5),
    (["two", "thirds"], 2 / 3), (["three", "halves"], 1.5), (["one", "-", "half"], 0.5), (["¾"], 0.75),
    (["1/40"], 0.025), (["10", "000"], 10_000), (["4e14"], 4e14), (["9.83e-3"], 0.00983),
    (["2.48×10−5"], 2.48e-5), (["minus-40"], -40),
])
def test_parse_number(words, value):
    assert parse_number(words) == pytest.approx(value)


def test_words_that_are_no_number():
    assert parse_number(["many"]) is None
    assert parse_number(["and", "-"]) is None
    assert parse_number(["seven", "and", "-"]) == 7


@pytest.mark.parametrize("word,scale,unit", [
    ("$5m", 1e6, None),     # million after a currency sign
    ("20m", None, "m"),     # metres without one
    ("4.3M", 1e6, None),
    ("6kW", None, "kW"),
    ("3k", 1e3, None),
])
def test_glued_suffixes(word, scale, unit):
    assert glued_scale(NUM_PREFIX_RE.match(word)) == scale
    assert glued_unit(word) == unit


def test_plain():
    assert (plain(1500.0), plain(2.5), plain(None)) == ("1500", "2.5", "")
