"""The driver: settings carry every option; a run never reads an output folder as input."""
from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

import extract
from extract import cli
from extract.settings import Settings


def test_run_options_are_settings_fields():
    s = Settings(workers=2, resume=True, engine="dask", scheduler="tcp://h:8786", excel_safe=True, fmt="parquet")
    assert dataclasses.replace(s, workers=3).workers == 3
    with pytest.raises(ValueError):
        Settings(scheduler="tcp://h:8786")  # a scheduler goes with the Dask engine
    with pytest.raises(ValueError):
        Settings(fmt="xlsx")


def test_output_folder_inside_the_input_is_never_read(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_text("Officials said 40 people died on Monday.", encoding="utf-8")
    (data / "b.txt").write_text("The mayor said 12 homes burned.", encoding="utf-8")
    first = extract.run([str(data)], data / "out")
    assert first.articles == 2
    r = CliRunner().invoke(cli.main, ["run", str(data), "--out", str(data / "out"), "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert r.output.count("is an extract output folder") == 1
    assert "2 articles (0 failed)" in r.output
    # another run's output folder elsewhere in the input is passed over too
    second = extract.run([str(data)], tmp_path / "elsewhere")
    assert second.articles == 2 and second.skipped == [str(data / "out")]
    arts = extract.load(tmp_path / "elsewhere")["articles"]
    assert sorted(arts.source_path.str.rsplit("/", n=1).str[-1]) == ["a.txt", "b.txt"]


def test_summary_counts_undated_articles_and_says_how_to_date_them(tmp_path):
    data = tmp_path / "in"
    data.mkdir()
    (data / "a.txt").write_text("Officials said 40 people died on Monday.", encoding="utf-8")
    (data / "b.txt").write_text("The mayor said 12 homes burned on Monday.", encoding="utf-8")
    (data / "b.json").write_text('{"published": "2025-03-05"}', encoding="utf-8")
    r = CliRunner().invoke(cli.main, ["run", str(data), "--out", str(tmp_path / "o"), "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert "1 article(s) had no publication date" in r.output and "--published" in r.output
    r = CliRunner().invoke(cli.main, ["run", str(data), "--out", str(tmp_path / "o2"), "--workers", "1",
                                      "--published", "2025-03-01"])
    assert r.exit_code == 0 and "2 articles (0 failed)" in r.output
    assert "no publication date" not in r.output
