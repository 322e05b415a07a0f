from __future__ import annotations

from extract.metadata import analyze
from extract.records import Document


def meta(text, md=None, fallback=None):
    return analyze(Document("a", "a.txt", text, metadata=md or {}), fallback=fallback)


def test_dateline_gives_place_publisher_and_day():
    m = meta("Headline Here\nOSLO, June 9 (Reuters) – Troops moved.", fallback="2025-01-01")
    assert (m.dateline_place, m.publisher, m.published, m.published_source) == ("OSLO", "Reuters", "2025-06-09", "dateline")
    assert m.dateline.text.startswith("OSLO, June 9 (Reuters)")


def test_metadata_wins_and_bad_dates_fall_through():
    assert meta("Text.", {"published": "2024-02-03"}).published_source == "metadata"
    m = meta("Text here.", {"published": "2024-02-30"}, fallback="2024-01-01")
    assert (m.published, m.published_source) == ("2024-01-01", "default")
    assert meta("Text here.").published_source == "unknown"


def test_top_date_line():
    m = meta("Friday, January 4, 2019 \n\n\nAn apartment building collapsed.")
    assert (m.published, m.published_source) == ("2019-01-04", "dateline")


def test_top_date_line_padded_with_no_break_spaces_is_the_date_not_the_title():
    m = meta("Friday, January 4, 2019\xa0 \n\n\nAn apartment building collapsed.")
    assert (m.published, m.published_source, m.title, m.headline) == ("2019-01-04", "dateline", None, None)


def test_chrome_and_related_excluded_without_changing_text():
    text = "Title of It\n3 min read\nBody says 5 things.\n\nRELATED\n- Other story $1.5 Billion\n- More"
    m = meta(text)
    chrome = text.index("3 min read")
    assert m.is_excluded(chrome, chrome + 5)
    assert m.is_excluded(text.index("$1.5"), text.index("$1.5") + 4)
    assert not m.is_excluded(text.index("Body"), text.index("Body") + 4)
    assert m.headline.text == "Title of It" and m.in_headline(0, 5) and not m.is_excluded(0, 5)


def test_a_hyphenated_name_opening_a_paragraph_is_no_dateline():
    m = meta("Network shut down\nABS-CBN's licence expired on Monday, the regulator said.")
    assert (m.dateline, m.dateline_place) == (None, None)
    for text, place in (("SEOUL - Troops moved.", "SEOUL"), ("SEOUL -- Troops moved.", "SEOUL"),
                        ("SEOUL--Troops moved.", "SEOUL"), ("SEOUL — Troops moved.", "SEOUL"),
                        ("SEOUL (AP) -Troops moved.", "SEOUL")):
        assert meta("Headline Here\n" + text).dateline_place == place, text
