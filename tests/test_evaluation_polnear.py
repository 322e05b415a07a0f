"""The PolNeAR scorer's definitions (extract.evaluation.polnear)."""
from __future__ import annotations

from extract.corpora.polnear import GoldAttribution
from extract.evaluation.polnear import is_quotation


def _gold(text: str, content: str) -> GoldAttribution:
    s = text.index(content)
    return GoldAttribution(source=[(0, 1)], cue=[(0, 1)], content=[(s, s + len(content))])


def test_a_content_in_quote_marks_is_a_quotation_whichever_marks():
    for text in ('Roe said: "Prices will rise." Then she left.', "Roe said: “Prices will rise.” Then she left.",
                 "Roe said: ``Prices will rise.'' Then she left."):
        assert is_quotation(text, _gold(text, "Prices will rise."))


def test_a_headline_at_offset_zero_is_a_quotation_only_with_a_mark():
    plain = "Prices will rise, Roe says\n\nThe mayor spoke on Monday."
    quoted = '"Prices will rise," Roe says\n\nThe mayor spoke on Monday.'
    assert is_quotation(quoted, _gold(quoted, '"Prices will rise,"'))
    assert not is_quotation(plain, _gold(plain, "Prices will rise"))  # nothing before offset 0 is no mark
