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
