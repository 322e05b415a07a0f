from __future__ import annotations

import pytest

from extract import quantities


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
    """A year, an ordinal, a day of the month and a section number are no quantities; the count
    and the price in the same sentences are."""
    got = q(nlp, "In 2019 a second wave of 300 cases came on March 5.")
    assert [(x.span.text, x.value, x.counted) for x in got] == [("300 cases", 300, "cases")]
    got = q(nlp, "See section 5 of the act, which cost $40.")
    assert [(x.span.text, x.value, x.unit) for x in got] == [("$40", 40, "USD")]
