"""The date normalisers as pure functions of a match and a context: no spaCy model, no parse.

A bare-text ``Context`` has no doc, so every expression reads in the present tense; rules that
need a token (years) are shown on hand-built docs in ``test_dates_context.py``. Sentences are
made up.
"""
from __future__ import annotations

import datetime as dt

import pytest

from extract.dates import Context, tag
from extract.dates import normalisers as n
from extract.dates.rules import RULES

DCT = dt.date(2025, 3, 5)  # a Wednesday


def first(fn, text, dct=DCT):
    """What normaliser ``fn`` makes of the first match of its own pattern in ``text``."""
    patterns = [rx for rx, f in RULES if f is fn]
    assert patterns, f"{fn.__name__} is not in RULES"
    for rx in patterns:
        m = rx.search(text)
        if m is not None:
            got = fn(m, Context(text, dct))
            return None if got is None else (got.span.text, got.type, got.value, got.start_date, got.end_date)
    raise AssertionError(f"no pattern of {fn.__name__} matches {text!r}")


def values(text, dct=DCT):
    return {e.span.text: e.value for e in tag(Context(text, dct))}


@pytest.mark.parametrize("fn,text,want", [
    (n.iso_date, "Filed on 2024-02-29.", ("2024-02-29", "date", "2024-02-29", "2024-02-29", "2024-02-29")),
    (n.us_date, "Signed 12/1/98 in Lagos.", ("12/1/98", "date", "1998-12-01", "1998-12-01", "1998-12-01")),
    (n.us_date, "Signed 3/5/25 in Lagos.", ("3/5/25", "date", "2025-03-05", "2025-03-05", "2025-03-05")),
    (n.day_range, "The fair ran Feb. 23-26.", ("Feb. 23-26", "date", "2025-02-23/2025-02-26", "2025-02-23", "2025-02-26")),
    (n.day_range, "Open March 30 to April 2, 2024 only.",
     ("March 30 to April 2, 2024", "date", "2024-03-30/2024-04-02", "2024-03-30", "2024-04-02")),
    (n.month_day, "They met on March 3.", ("March 3", "date", "2025-03-03", "2025-03-03", "2025-03-03")),
    (n.day_month, "They met on 3rd March 2019.", ("3rd March 2019", "date", "2019-03-03", "2019-03-03", "2019-03-03")),
    (n.month, "The plant shut in October.", ("in October", "date", "2024-10", "2024-10-01", "2024-10-31")),
    (n.month, "The plant opens in June.", ("in June", "date", "2025-06", "2025-06-01", "2025-06-30")),
    (n.month, "It opened in late May 2019.", ("late May 2019", "date", "2019-05", "2019-05-01", "2019-05-31")),
    (n.year_range, "Output doubled over 2019-21.", ("2019-21", "date", "2019/2021", "2019-01-01", "2021-12-31")),
    (n.decade, "Rents fell in the '80s.", ("the '80s", "date", "198", "1980-01-01", "1989-12-31")),
    (n.quarter, "Sales dipped in Q3 2024.", ("Q3 2024", "date", "2024-Q3", "2024-07-01", "2024-09-30")),
    (n.quarter, "Sales dipped in last year's second half.",
     ("last year's second half", "date", "2024-H2", "2024-07-01", "2024-12-31")),
    (n.quarter, "Sales dipped in the 2024 third quarter.", ("the 2024 third quarter", "date", "2024-Q3", "2024-07-01", "2024-09-30")),
    (n.quarter, "Sales dipped in the last half of 2024.", ("the last half of 2024", "date", "2024-H2", "2024-07-01", "2024-12-31")),
    (n.months_of_year, "Sales dipped in the last three months of 2004.",
     ("the last three months of 2004", "date", "2004-Q4", "2004-10-01", "2004-12-31")),
    (n.the_weekend, "Talks went on over the weekend.", ("the weekend", "date", "2025-W09-WE", "2025-03-01", "2025-03-02")),
    (n.year_end, "The deal closes by year-end.", ("year-end", "date", "2025-12-31", "2025-12-31", "2025-12-31")),
    (n.holiday, "Shops shut on Thanksgiving Day 2024.", ("Thanksgiving Day 2024", "date", "2024-11-28", "2024-11-28", "2024-11-28")),
    (n.holiday, "Shops shut at Easter 2025.", ("Easter 2025", "date", "2025-04-20", "2025-04-20", "2025-04-20")),
    (n.utc_time, "Trading halted at 09:15 UTC.", ("09:15 UTC", "time", "2025-03-05T09:15Z", "2025-03-05", "2025-03-05")),
    (n.vague_duration, "Prices rose for years.", ("years", "duration", "PXY", None, None)),
    (n.reference_term, "Prices rise in the near term.", ("the near term", "date", "FUTURE_REF", None, None)),
    (n.deictic, "Shops shut last night.", ("last night", "time", "2025-03-04TNI", "2025-03-04", "2025-03-04")),
    (n.quarter, "Sales dipped in the first quarter of next year.",
     ("the first quarter of next year", "date", "2026-Q1", "2026-01-01", "2026-03-31")),
    (n.relative, "Rents rose next month.", ("next month", "date", "2025-04", "2025-04-01", "2025-04-30")),
    (n.relative, "They rest this weekend.", ("this weekend", "date", "2025-W10-WE", "2025-03-08", "2025-03-09")),
    (n.relative, "Rents rose over the past year.", ("the past year", "duration", "P1Y", None, None)),
    (n.relative, "Rents rose last quarter.", ("last quarter", "date", "2024-Q4", "2024-10-01", "2024-12-31")),
    (n.weekday, "The board met last Wednesday.", ("last Wednesday", "date", "2025-02-26", "2025-02-26", "2025-02-26")),
    (n.weekday, "The board meets next Monday.", ("next Monday", "date", "2025-03-10", "2025-03-10", "2025-03-10")),
    (n.weekday, "The board met Friday.", ("Friday", "date", "2025-02-28", "2025-02-28", "2025-02-28")),
    (n.deictic, "Shops reopened yesterday.", ("yesterday", "date", "2025-03-04", "2025-03-04", "2025-03-04")),
    (n.deictic, "Shops reopened this morning.", ("this morning", "time", "2025-03-05TMO", "2025-03-05", "2025-03-05")),
    (n.ago, "The mill closed three years ago.", ("three years ago", "date", "2022", "2022-01-01", "2022-12-31")),
    (n.ago, "The mill closed two weeks later.", ("two weeks later", "date", "2025-W12", "2025-03-17", "2025-03-23")),
    (n.ago, "The mill closed several days ago.", ("several days ago", "date", "PAST_REF", None, None)),
    (n.reference, "Prices recently eased.", ("recently", "date", "PAST_REF", None, None)),
    (n.reference, "Prices are high now.", ("now", "date", "PRESENT_REF", None, None)),
    (n.recurring, "The club meets every Monday.", ("every Monday", "set", "XXXX-WXX-1", None, None)),
    (n.recurring, "The club meets every month.", ("every month", "set", "P1M", None, None)),
    (n.month_relative, "Polls close this September.", ("this September", "date", "2025-09", "2025-09-01", "2025-09-30")),
    (n.month_relative, "Polls closed in June last year.", ("in June last year", "date", "2024-06", "2024-06-01", "2024-06-30")),
    (n.month_relative, "Polls closed last March.", ("last March", "date", "2024-03", "2024-03-01", "2024-03-31")),
    (n.weekday, "The board met Friday night.", ("Friday night", "time", "2025-02-28TNI", "2025-02-28", "2025-02-28")),
    (n.ago, "It expires 90 days after issue.", ("90 days", "duration", "P90D", None, None)),
    (n.recurring, "The club meets weekly.", ("weekly", "set", "P1W", None, None)),
    # a clock time with no day of its own waits for the day named before it (anchors.py), else the DCT's
    (n.clock_time, "Polls close at 8 p.m.", ("8 p.m.", "time", "REF:ANAPHOR/day/0/T20.00:2025-03-05T20:00", None, None)),
    (n.clock_time, "Polls close at midnight.", ("midnight", "time", "REF:ANAPHOR/day/0/T24.00:2025-03-05T24:00", None, None)),
    (n.clock_time, "Polls close at 8 p.m. Tuesday.", ("8 p.m. Tuesday", "time", "2025-03-04T20:00", "2025-03-04",
                                                     "2025-03-04")),
    (n.clock_time, "Polls closed at 6 p.m. EST Dec. 2.", ("6 p.m. EST Dec. 2", "time", "2024-12-02T18:00", "2024-12-02",
                                                        "2024-12-02")),
    (n.duration, "The strike lasted 48 hours.", ("48 hours", "duration", "PT48H", None, None)),
    (n.duration, "The strike lasted nearly two decades.", ("two decades", "duration", "P20Y", None, None)),
    (n.duration, "Prices rose over the past few years.", ("the past few years", "duration", "PXY", None, None)),
])
def test_normaliser(fn, text, want):
    assert first(fn, text) == want


def test_month_day_year_follows_the_weekday():
    """ "Tuesday, March 4" read in January 2026 is the March 4 that fell on a Tuesday (2025)."""
    assert first(n.month_day, "The vote was on Tuesday, March 4.", dt.date(2026, 1, 10))[2] == "2025-03-04"


def test_without_a_publication_date_values_stay_underspecified():
    assert first(n.month, "The plant shut in October.", None)[2] == "XXXX-10"
    assert first(n.clock_time, "Polls close at 8 p.m.", None)[2] == "XXXX-XX-XXT20:00"
    got = values("The plant shut in October, the week before last Friday.", None)
    assert got == {"in October": "XXXX-10"}  # the weekday needs a date to resolve against


def test_impossible_days_are_no_dates():
    got = values("The filing moved from 2023-02-29 to 2024-02-29.")
    assert got == {"2024-02-29": "2024-02-29"}


def test_out_of_range_arithmetic_is_no_date():
    assert first(n.ago, "It began 99999999 days ago, or two days ago.") is None
    assert values("It began 99999999 days ago, or two days ago.")["two days ago"] == "2025-03-03"


def test_in_the_past_leaves_a_counted_duration_whole():
    assert values("Sales fell in the past two months.") == {"the past two months": "P2M"}
    assert values("Sales fell in the past.") == {"in the past": "PAST_REF"}


def test_a_year_earlier_is_the_period_the_article_is_about():
    """Anchored on the quarter named last (anchors.py), else the year before the publication date."""
    text = "Profit rose in the third quarter of 2024 from $5 million a year earlier; the quarter was good."
    assert values(text) == {"the third quarter of 2024": "2024-Q3", "a year earlier": "2023-Q3",
                            "the quarter": "2024-Q3"}
    assert values("Profit rose 5% from a year earlier.") == {"a year earlier": "2024"}
    assert values("Sales fell in June from the same month last year.") == {"in June": "2025-06",
                                                                           "the same month last year": "2024-06"}


def test_duration_values():
    from extract.dates.normalisers import duration_value

    assert [duration_value(*a) for a in ((3, "year"), (48, "hour"), (2, "decade"), ("X", "month"))] == \
        ["P3Y", "PT48H", "P20Y", "PXM"]
    assert [duration_value(*a) for a in ((2.5, "year"), (1.5, "hour"), (2.5, "day"), (0.5, "hour"))] == \
        ["P2Y6M", "PT1H30M", "P2DT12H", "PT30M"]
    assert values("They lived there for 2 1/2 years.") == {"2 1/2 years": "P2Y6M"}


def test_the_year_of_a_financial_report():
    """ "for the year ended May 5" is a year's length; "a low for the year" is this year."""
    got = [(e.span.text, e.value) for e in tag(Context("Profit for the year ended May 5 rose; a low for the year.", DCT))]
    assert got == [("the year", "P1Y"), ("May 5", "2025-05-05"), ("the year", "2025")]


def test_rates_and_titles_are_no_durations():
    got = values("It saves $300 million a year and runs 20 hours a day, said 48 Hours, for three years.")
    assert got == {"20 hours": "PT20H", "three years": "P3Y"}


def test_longest_match_wins_where_rules_overlap():
    got = values("Talks ran from March 30 to April 2, 2024.")
    assert got == {"March 30 to April 2, 2024": "2024-03-30/2024-04-02"}


def test_anaphoric_days_and_years_count_from_the_date_named_last():
    text = "The plant shut on Jan. 14, 2019. Later that day a fire broke out, and the next morning it spread."
    assert values(text) == {"Jan. 14, 2019": "2019-01-14", "Later that day": "2019-01-14",
                            "the next morning": "2019-01-15TMO"}
    text = "She moved to Lima in May 2016, left later that year and came back the following year."
    assert values(text) == {"in May 2016": "2016-05", "later that year": "2016", "the following year": "2017"}


def test_anaphoric_days_fall_back_on_the_publication_date():
    assert values("The same day, shares rose.") == {"The same day": "2025-03-05"}
    # a bare "that day" and a day-care centre are no dates; the weekday beside them is
    assert values("The day care centre was busy that day, on Monday.") == {"Monday": "2025-03-03"}


def test_anaphoric_normaliser_alone():
    assert first(n.anaphoric, "He left the following day.") == (
        "the following day", "date", "REF:ANAPHOR/day/1/:2025-03-06", None, None)


def test_spoken_years_as_transcripts_write_them():
    text = "They left in nineteen seventy-nine, came back in nineteen oh five, and by the year two thousand were gone."
    assert values(text) == {"nineteen seventy-nine": "1979", "nineteen oh five": "1905", "the year two thousand": "2000"}
    # a count of nineteen is no year; the year beside it is
    assert values("Nineteen people died in nineteen eighty-one.") == {"nineteen eighty-one": "1981"}


def test_a_month_of_last_year():
    assert values("In a report in March of last year, he spoke.") == {"in March of last year": "2024-03"}


def test_race_times_are_durations_and_clock_times_with_seconds_are_not():
    assert values("She won in 2:14:04, ahead of a rival with 2:05:45.") == {"2:14:04": "PT2H14M4S",
                                                                          "2:05:45": "PT2H5M45S"}
    assert values("The blast came at 10:15:30 on Monday.") == {"Monday": "2025-03-03"}


def test_a_clock_time_takes_the_day_named_just_before():
    text = "Yesterday, a plane overran the runway at 7:38 pm, and the mayor spoke at noon."
    assert values(text) == {"Yesterday": "2025-03-04", "7:38 pm": "2025-03-04T19:38", "noon": "2025-03-04T12:00"}
    assert values("Polls close at 8 p.m.") == {"8 p.m.": "2025-03-05T20:00"}
    far = "Yesterday, a plane overran the runway. " + "Crews cleared the wreckage and the road. " * 8 + \
        "The mayor spoke at noon."
    assert values(far) == {"Yesterday": "2025-03-04", "noon": "2025-03-05T12:00"}
