"""quantulum3's own English test sentences run through extract (issue 15).

The sentences come from the installed quantulum3 package (MIT); the gold quantities that count
or measure nothing are listed, with the reason, in ``extract.evaluation.quantulum_suite.LEFT_OUT``.
quantulum3 alone scores 1.00 / 0.97 on its own tests; extract has to find the same numbers with
its candidate windows.
"""
from __future__ import annotations

from extract.evaluation import quantulum_suite


def test_left_out_items_name_real_gold_quantities():
    items = quantulum_suite.load_suite()
    assert len(items) == 101
    left_out = sum(len(it["ignored"]) for it in items)
    assert left_out == len(quantulum_suite.LEFT_OUT)  # each listed surface is a gold quantity
    assert sum(len(it["gold"]) for it in items) > 120


def test_quantulum3_suite_scores():
    s = quantulum_suite.evaluate()
    assert s["value"]["f1"] >= 0.90, s
    assert s["value+unit"]["f1"] >= 0.85, s
