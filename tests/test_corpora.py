"""The PolNeAR reader, its folds, and the parse cache (extract.corpora)."""
from __future__ import annotations

import pytest

from extract.corpora import parses, polnear

ANN = ("T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 25;30 35\tprices ros e ago\n"
       "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
       "T5\tOther 0 3\tOff\nE2\tOther:T5 Cue:T2\n")


def _split(root, names):
    (root / "attributions").mkdir(parents=True)
    (root / "text").mkdir()
    for n in names:
        (root / "text" / f"{n}.txt").write_text("Officials said prices rose weeks ago.", encoding="utf-8")
        (root / "attributions" / f"{n}_ab12.ann").write_text(ANN, encoding="utf-8")
        (root / "attributions" / f"{n}_cd34.ann").write_text("", encoding="utf-8")  # second annotator: ignored


def test_read_ann_keeps_split_content_and_attributions_only():
    (a,) = polnear.read_ann(ANN)
    assert a.source == [(0, 9)] and a.cue == [(10, 14)] and a.content == [(15, 25), (30, 35)]


def test_folds_partition_the_split_and_are_stable(tmp_path):
    names = [f"outlet_2016-01-{i:02d}_story" for i in range(1, 31)]
    _split(tmp_path, names)
    everything = [a.name for a in polnear.iter_corpus(tmp_path)]
    assert everything == sorted(names)
    assert all(len(a.attributions) == 1 for a in polnear.iter_corpus(tmp_path))  # first annotator's file
    by_fold = [[a.name for a in polnear.iter_corpus(tmp_path, folds=[k])] for k in range(polnear.FOLDS)]
    assert sorted(n for part in by_fold for n in part) == sorted(names)
    assert all(by_fold)  # 30 names: every fold gets some
    assert polnear.fold_of("outlet_2016-01-01_story") == polnear.fold_of("outlet_2016-01-01_story")
    assert polnear.other_folds([1, 3]) == [0, 2, 4]


def test_parse_cache_round_trip(tmp_path, nlp):
    texts = ["Officials said prices rose.\nThe mayor denied it.", "A second text."]
    first = parses.parsed(texts, root=tmp_path)
    again = parses.parsed(texts, root=tmp_path)
    assert len(list(tmp_path.rglob("*.spacy"))) == 2
    for a, b, fresh in zip(first, again, nlp.pipe(texts)):
        assert a.text == b.text == fresh.text
        assert [(t.dep_, t.head.i, t.lemma_, t.tag_, t.ent_type_, t.is_sent_start) for t in b] == \
               [(t.dep_, t.head.i, t.lemma_, t.tag_, t.ent_type_, t.is_sent_start) for t in fresh]


def test_fold_models_leave_their_fold_out_and_are_reused(tmp_path, monkeypatch):
    from extract.training import folds

    monkeypatch.setenv("EXTRACT_CACHE", str(tmp_path / "cache"))
    names = [f"outlet_2016-02-{i:02d}_story" for i in range(1, 21)]
    _split(tmp_path / "train", names)
    folder = folds.fold_models(tmp_path / "train", 0)
    assert {"cues.tsv", "cue_model.json", "cue_model.tsv", "extra_cues.tsv"} <= {p.name for p in (folder / "cues").iterdir()}
    import json
    kept = sum(1 for n in names if polnear.fold_of(n) != 0)
    assert json.loads((folder / "cues" / "cue_model.json").read_text())["articles"] == kept < len(names)
    stamp = (folder / "cues" / "cue_model.tsv").stat().st_mtime_ns
    assert folds.fold_models(tmp_path / "train", 0) == folder
    assert (folder / "cues" / "cue_model.tsv").stat().st_mtime_ns == stamp  # reused, not rebuilt


def test_fold_models_are_not_cached_when_the_code_changes_during_the_build(tmp_path, monkeypatch):
    from extract.training import folds

    monkeypatch.setenv("EXTRACT_CACHE", str(tmp_path / "cache"))
    _split(tmp_path / "train", [f"outlet_2016-02-{i:02d}_story" for i in range(1, 21)])
    monkeypatch.setattr(folds, "_loaded_digest", lambda: "as loaded")
    monkeypatch.setattr(folds, "_code_digest", lambda: "edited since")
    with pytest.raises(folds.CodeChangedDuringRun, match="changed on disk"):
        folds.fold_models(tmp_path / "train", 0)
    assert (tmp_path / "cache" / "folds").is_dir()  # the build ran, then was refused
    assert list((tmp_path / "cache" / "folds").iterdir()) == []
    monkeypatch.setattr(folds, "_code_digest", lambda: "as loaded")
    folder = folds.fold_models(tmp_path / "train", 0)
    assert (folder / "cues" / "boundary_model.json").exists()


def test_eval_fold_option_rejects_a_fold_that_does_not_exist(tmp_path):
    from click.testing import CliRunner

    from extract.cli import main

    _split(tmp_path, ["outlet_2016-03-01_story"])
    r = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path), "--fold", "7"])
    assert r.exit_code == 2 and "--fold" in r.output


def test_eval_dump_goes_into_a_folder_it_creates(tmp_path):
    import json

    from click.testing import CliRunner

    from extract.cli import main

    _split(tmp_path / "split", ["outlet_2016-03-01_story"])
    dump = tmp_path / "new" / "folder" / "claims.jsonl"
    r = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path / "split"), "--dump", str(dump)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and rows[0]["gold"]
