"""The NewsQuant scorer's unit agreement and split, as pure functions (no corpus text)."""
from __future__ import annotations

from extract.evaluation.newsquant import in_part, unit_agrees


def test_counted_nouns_agree_in_the_singular():
    assert unit_agrees(None, "bosses", "different boss")
    assert unit_agrees(None, "viruses", "virus")
    assert unit_agrees(None, "gas", "gas") and not unit_agrees(None, "gases", "gasoline")
    assert unit_agrees("USD", None, "dollar") and not unit_agrees("USD", None, "euro")


def test_the_split_is_even_and_odd():
    assert [i for i in range(6) if in_part(i, "tune")] == [0, 2, 4]
    assert [i for i in range(6) if in_part(i, "held-out")] == [1, 3, 5]
    assert all(in_part(i, None) for i in range(6))
