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
    d = doc("he lifted 10 pounds of flour at the mill that day and got a salary of 10 pounds")
    assert trailing_unit(d, 3, None) == (None, 3)
    assert trailing_unit(d, 17, None) == ("GBP", 18)


def test_rates():
    text = "$ 3.05 a gallon or $ 9 for gas"
    d = doc(text, lemmas=text.split())
    assert rate_unit(d, 2, "USD") == ("USD per gallon", 4)
    assert rate_unit(d, 7, "USD") == ("USD", 7)


def test_age():
    d = doc("aged 73 years old 73 years ago")
    assert is_age(d, 2) and not is_age(d, 5)


def test_quantulum_window():
    assert quantulum_unit("95 mph") == ("mile per hour", "speed", "95 mph")
    assert quantulum_unit("5 km and 87 people") == ("kilometre", "length", "5 km")
    assert quantulum_unit("87 people and 5 km") is None  # the unit belongs to a later number
    assert quantulum_unit("2 new 990 Max") is None       # not "megayear" for the 2


def test_units_as_news_means_them():
    assert quantulum_unit("20 minutes")[0] == "minute"       # of time, not of arc
    assert quantulum_unit("4.3 seconds")[0] == "second"
    assert quantulum_unit('101" and') is None                # a closing quote mark is no unit
    assert quantulum_unit("7.3 MWh")[0] == "megawatt hour"  # one word of unknown kind is a unit
    assert quantulum_unit("3.0 litre V6") is None           # a compound quantulum3 made up is not
    assert quantulum_unit("990 AM radio") is None and quantulum_unit("13 at once") is None
    assert quantulum_unit("€1,200")[0] == "EUR"              # currencies by ISO code


def test_quantulum3_is_the_version_its_internals_were_patched_for():
    from importlib.metadata import version

    from extract.quantities.units import QUANTULUM3_VERSION

    assert version("quantulum3") == QUANTULUM3_VERSION
    assert f'"quantulum3=={QUANTULUM3_VERSION}"' in (__import__("pathlib").Path(__file__).parents[1] / "pyproject.toml").read_text()
