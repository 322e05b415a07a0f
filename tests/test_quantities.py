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


def _made(text, start, value, unit=None, counted=None):
    from extract.records import Quantity, Span
    return Quantity(span=Span(start, start + len(text), text), value=value, low=value, high=value, unit=unit,
                    counted=counted)


@pytest.mark.parametrize("prev,between,cur,kw,want", [
    (("21 mpg", 0, 21, "mile per gallon"), " in town to ", ("30", 20, 30), {"from_frame": True}, ("mile per gallon", None)),
    (("2 percent", 0, 2, "percent"), " while the other index fell by ", ("1", 40, 1), {}, ("percent", None)),
    (("40 people", 0, 40, None, "people"), " died and ", ("more than 300", 20, 300), {}, (None, "people")),
    (("12.5 mln dlrs", 0, 12.5e6, "USD"), " from ", ("9.8 mln", 30, 9.8e6), {}, ("USD", None)),
])
def test_a_unit_stated_once_for_two_figures_is_carried_to_the_second(prev, between, cur, kw, want):
    got = quantities.elided_unit(_made(*prev), _made(*cur), between, **kw)
    assert (got.unit, got.counted) == want


@pytest.mark.parametrize("prev,between,cur", [
    (("2 percent", 0, 2, "percent"), " to ", ("45", 20, 45)),                  # a change then a level
    (("5 percent", 0, 5, "percent"), " and ", ("1.2 billion", 20, 1.2e9)),     # no percentage
    (("40 people", 0, 40, None, "people"), " died in the north; in the south ", ("12", 40, 12)),  # a clause apart
    (("40 people", 0, 40, None, "people"), " were hurt, police said on ", ("3", 40, 3)),  # no joining word
])
def test_no_unit_is_carried_where_the_second_figure_is_another_thing(prev, between, cur):
    assert quantities.elided_unit(_made(*prev), _made(*cur), between) is None
    # the same pair joined by "and" with a unit both can take does carry it
    assert quantities.elided_unit(_made(*prev), _made("3", 60, 3), " and ") is not None


def test_elided_units_end_to_end(nlp):
    got = [(x.span.text, x.unit, x.counted) for x in q(nlp, "The storm killed 40 people and injured more than 300.")]
    assert got == [("40 people", None, "people"), ("more than 300", None, "people")]
    got = [(x.span.text, x.unit) for x in q(nlp, "Exports fell to 17.3 bln dlrs in March from 18.6 bln in February.")]
    assert got == [("17.3 bln dlrs", "USD"), ("18.6 bln", "USD")]
