from __future__ import annotations

import pytest

from extract import dates


def values(nlp, text, dct="2025-03-05"):
    return [(d.span.text, d.type, d.value) for d in dates.extract(nlp(text), published=dct)]


@pytest.mark.parametrize("text,expr,value", [
    ("In October, troops had been sent.", "In October", "2024-10"),
    ("Elections will be held in October.", "in October", "2025-10"),
    ("Last week, missiles were launched.", "Last week", "2025-W09"),
    ("He arrived on Tuesday.", "Tuesday", "2025-03-04"),
    ("The visit ran from Feb. 23-26.", "Feb. 23-26", "2025-02-23/2025-02-26"),
    ("The war lasted three years.", "three years", "P3Y"),
    ("They meet every week.", "every week", "P1W"),
    ("Prices are currently high.", "currently", "PRESENT_REF"),
    ("The plant opened in the 1990s.", "the 1990s", "199"),
    ("Profits fell in the first quarter.", "the first quarter", "2025-Q1"),
    ("It happened on March 3, 2019.", "March 3, 2019", "2019-03-03"),
    ("Sales grew this year.", "this year", "2025"),
    ("The talks start at 3 p.m.", "3 p.m.", "2025-03-05T15:00"),
])
def test_values(nlp, text, expr, value):
    got = {t: v for t, _, v in values(nlp, text)}
    assert got.get(expr) == value, got


def test_no_false_dates(nlp):
    """The modal "may", "march" as a verb, "a second wave", a number and an age are no dates; the
    weekday in the same text is (the coming Friday, under the modal)."""
    got = values(nlp, "Troops may soon march on Friday. A second wave has 400 men, aged 6-year-old.")
    assert got == [("Friday", "date", "2025-03-07")]


def test_claim_date_from_the_text():
    """'said on Tuesday' dates the claim; otherwise the publication date does."""
    from extract import process_text

    r = process_text("The mayor said on Tuesday that 40 homes burned. Officials said the fire is out.",
                     {"published": "2025-03-05"})
    by_cue = {c.content.text[:10]: c.claim_date for c in r.claims}
    assert by_cue["that 40 ho"] == "2025-03-04" and by_cue["the fire i"] == "2025-03-05"


def test_a_publication_date_at_the_calendars_end_resolves_nothing_relative(nlp):
    got = values(nlp, "Prices rose last week and on March 3, 2019, over the past few years.", dct="0001-01-02")
    assert got == [("March 3, 2019", "date", "2019-03-03"), ("the past few years", "duration", "PXY")]
