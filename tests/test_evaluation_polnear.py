"""The PolNeAR scorer's definitions (extract.evaluation.polnear)."""
from __future__ import annotations

from extract.corpora.polnear import GoldAttribution
from extract.evaluation.polnear import SPREAD_METRICS, draw_spread, is_quotation


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


def test_min_confidence_scores_fewer_surer_claims(tmp_path):
    """`--min-confidence P` scores what a user keeps who filters claims.csv on confidence >= P."""
    import json

    from conftest import SHARED, need_shared
    from extract.evaluation.polnear import evaluate

    dev = need_shared(SHARED / "data" / "polnear" / "dev")
    dump = tmp_path / "all.jsonl"
    every = evaluate(dev, limit=3, cache=True, dump=dump)["relation"]
    sure = evaluate(dev, limit=3, cache=True, min_confidence=0.8)["relation"]
    confidences = [c["confidence"] for line in dump.open() for c in json.loads(line)["claims"]
                   if c["relayed_by"] is None]
    assert sure["n_pred"] == sum(1 for p in confidences if p is None or p >= 0.8) < every["n_pred"]


def test_fold_models_need_a_train_split_beside_and_a_fold(tmp_path):
    """`--fold-models K` scores a split with fold K's models, trained on the train split beside it."""
    from click.testing import CliRunner

    from extract.cli import main

    (tmp_path / "dev").mkdir()
    r = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path / "dev"), "--fold-models", "0"])
    assert r.exit_code == 2 and "no train split beside" in r.output
    (tmp_path / "train").mkdir()
    r = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path / "dev"), "--fold-models", "9"])
    assert r.exit_code == 2 and "expected 0-4 or 'all'" in r.output
    r = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path / "dev"), "--fold-models", "all", "--wrap", "65"])
    assert r.exit_code == 2 and "leave out" in r.output


def _scores(tp, n):
    from extract.evaluation.scoring import PRF

    return {m: PRF(tp, n, tp, n) for m in SPREAD_METRICS}


def test_draw_spread_is_zero_when_every_article_scores_alike_and_grows_with_their_differences():
    alike = [(f"pub{p}_{i}", _scores(3, 4)) for p in range(2) for i in range(5)]
    assert draw_spread(alike, per_publisher=2, draws=50) == {m: 0.0 for m in SPREAD_METRICS}
    mixed = [(f"pub{p}_{i}", _scores(i % 2 * 4, 4)) for p in range(2) for i in range(6)]
    spread = draw_spread(mixed, per_publisher=2, draws=200)
    assert set(spread) == set(SPREAD_METRICS) and all(v > 0.1 for v in spread.values())
    assert draw_spread(mixed, per_publisher=2, draws=200) == spread  # seeded: the same each run


def test_draw_spread_needs_enough_articles_from_each_publisher():
    few = [("pubA_1", _scores(1, 1)), ("pubB_1", _scores(1, 1)), ("pubB_2", _scores(1, 1))]
    assert draw_spread(few, per_publisher=2) == {}
