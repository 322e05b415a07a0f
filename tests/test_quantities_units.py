"""Units after a number on small hand-built docs, and quantulum3 on a window. Made-up phrases."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.quantities.units import is_age, quantulum_unit, rate_unit, trailing_unit

VOCAB = spacy.blank("en").vocab


def doc(text, lemmas=None):
    return Doc(VOCAB, words=text.split(), lemmas=lemmas)


def test_trailing_percent_and_currency_words():
    assert trailing_unit(doc("output fell 5 pct"), 3, None) == ("percent", 4)
    assert trailing_unit(doc("rates of 5 per cent"), 3, None) == ("percent", 5)
    assert trailing_unit(doc("a 17 billion dlrs deal"), 3, None) == ("USD", 4)


def test_pounds_are_money_only_in_a_money_context():
    assert trailing_unit(doc("a salary of 10 pounds"), 4, None) == ("GBP", 5)
    assert trailing_unit(doc("he lifted 10 pounds"), 3, None) == (None, 3)


def test_rates():
    d = doc("$ 3.05 a gallon", lemmas=["$", "2.11", "a", "gallon"])
    assert rate_unit(d, 2, "USD") == ("USD per gallon", 4)
    d = doc("$ 2.11 for gas", lemmas=["$", "2.11", "for", "gas"])
    assert rate_unit(d, 2, "USD") == ("USD", 2)


def test_age():
    assert is_age(doc("a man 73 years old"), 3)
    assert not is_age(doc("a man 73 years ago"), 3)


def test_quantulum_window():
    assert quantulum_unit("95 mph") == ("mile per hour", "speed", "95 mph")
    assert quantulum_unit("87 people") is None


def test_quantulum3_is_the_version_its_internals_were_patched_for():
    from importlib.metadata import version

    from extract.quantities.units import QUANTULUM3_VERSION

    assert version("quantulum3") == QUANTULUM3_VERSION
    assert f'"quantulum3=={QUANTULUM3_VERSION}"' in (__import__("pathlib").Path(__file__).parents[1] / "pyproject.toml").read_text()
