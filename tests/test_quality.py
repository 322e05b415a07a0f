"""Quality floors: each fails when the measured score on a corpus drops below what the README claims.

The floors sit a little under the measured numbers (README, "Quality"), so a change that makes a
stage worse is caught, not one that moves a score by noise.
"""
from __future__ import annotations

import pytest

from conftest import SHARED, need_shared

pytestmark = pytest.mark.slow


def test_newsquant_floor():
    from extract.evaluation import newsquant

    s = newsquant.evaluate(need_shared(SHARED / "data" / "newsquant" / "newsquant_dev.json"))
    assert s["value"]["f1"] >= 0.88
    assert s["value+unit"]["f1"] >= 0.75
    assert s["qualifier accuracy"] >= 0.95


@pytest.mark.parametrize("corpus,floor", [("tbaq", 0.72), ("meantime_english", 0.75)])
def test_timeml_floor(corpus, floor):
    from extract.evaluation import timeml

    s = timeml.evaluate(need_shared(SHARED / "data" / "timeml" / corpus))
    assert s["value"]["f1"] >= floor
    assert s["span"]["f1"] >= 0.85


def test_polnear_floor():
    """README, Quality: dev 0.763 / 0.709 / 0.612 exact, relation 0.752, 86.3% of quoted attributions;
    each floor is the README's number less 0.005 (deterministic scores: platform noise only)."""
    from extract.evaluation import polnear

    s = polnear.evaluate(need_shared(SHARED / "data" / "polnear" / "dev"))
    assert s["relation"]["f1"] >= 0.752 - 0.005
    assert s["source exact"]["f1"] >= 0.763 - 0.005
    assert s["cue exact"]["f1"] >= 0.709 - 0.005
    assert s["content exact"]["f1"] >= 0.612 - 0.005
    assert s["direct quotes found"]["r"] >= 0.863 - 0.005
