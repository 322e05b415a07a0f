"""`extract show FILE`: a quick look at one file, processed on the spot when no run holds it."""
from __future__ import annotations

from click.testing import CliRunner

import extract
from extract.cli import main

# Made-up article.
TEXT = "Harbour officials said on Monday that 12 ships had been held outside the port by the storm.\n"


def test_show_processes_a_file_no_run_holds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    r = CliRunner().invoke(main, ["show", "note.txt", "--published", "2024-02-05"])
    assert r.exit_code == 0, r.output
    assert "Harbour" in r.output and "1 claims" in r.output and "2024-02-05" in r.output
    assert "processed note.txt now" in r.output
    assert not (tmp_path / "data").exists()  # nothing written


def test_show_reads_a_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(TEXT, encoding="utf-8")
    extract.run(["in"], "data/out", workers=1)
    (tmp_path / "in" / "note.txt").write_text("The mayor said nothing.\n", encoding="utf-8")  # the run's copy wins
    r = CliRunner().invoke(main, ["show", "in/note.txt"])
    assert r.exit_code == 0 and "Harbour" in r.output and "processed" not in r.output, r.output
    aid = extract.load("data/out")["articles"].article_id[0]
    r = CliRunner().invoke(main, ["show", aid, "--out", "data/out"])
    assert r.exit_code == 0 and "Harbour" in r.output, r.output
    r = CliRunner().invoke(main, ["show", "in/note.txt", "--out", str(tmp_path / "elsewhere")])
    assert r.exit_code == 2 and "not found" in r.output


def test_show_something_that_is_neither(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["show", "no-such-article"])
    assert r.exit_code == 2 and ("no-such-article" in r.output or "not found" in r.output), r.output
