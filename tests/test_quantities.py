from __future__ import annotations

import pytest

from extract import quantities
from extract.quantities import parse_number


@pytest.mark.parametrize("words,value", [
    (["12,000"], 12000), (["1.5", "billion"], 1.5e9), (["three", "hundred"], 300), (["two"], 2),
    (["$310bn"], 310e9), (["£120m"], 120e6), (["twenty", "-", "five"], 25), (["a", "dozen"], 12),
])
def test_parse_number(words, value):
    assert parse_number(words) == pytest.approx(value)


def q(nlp, text):
    return quantities.extract(nlp(text))


def test_qualifiers_and_bounds(nlp):
    (a,) = q(nlp, "At least 40 people died.")
    assert (a.qualifier, a.low, a.high, a.counted) == ("at_least", 40, None, "people")
    (b,) = q(nlp, "The fire injured between 10 and 20 residents.")
    assert (b.qualifier, b.value, b.low, b.high) == ("range", None, 10, 20)
    (c,) = q(nlp, "Officials estimate around 400 have been killed.")
    assert (c.value, c.qualifier, c.predicate) == (400, "approximate", "kill")


def test_units(nlp):
    (a,) = q(nlp, "Prices rose 5% last year.")
    assert (a.value, a.unit, a.change) == (5, "percent", "increase")
    (b,) = q(nlp, "The deal is worth $310bn.")
    assert (b.value, b.unit) == (310e9, "USD")
    (c,) = q(nlp, "The car reaches 95 mph.")
    assert c.unit == "mile per hour"


def test_vague_counts(nlp):
    (a,) = q(nlp, "Hundreds of people gathered.")
    assert a.qualifier == "range" and a.low == 100 and a.high == 1000  # one order of magnitude, as NewsQuant


def test_kept_out(nlp):
    assert q(nlp, "In 2019 a second wave came on March 5.") == ()
    assert q(nlp, "See section 5 of the act.") == ()
