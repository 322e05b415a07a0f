"""Batch runs that never lose an article: bad inputs, resume after SIGKILL, CSV round trip."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import extract
from conftest import SHARED, tables as _tables, wikinews_corpus as _corpus

EXTRACT = [sys.executable, "-m", "extract.cli"]


def run_cli(args, **kw):
    return subprocess.run(EXTRACT + args, capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\t\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "cp1252.txt").write_bytes("Officials said the café lost 5 € “today”.".encode("cp1252"))
    (d / "utf16.txt").write_bytes("Officials said 12 people were hurt.".encode("utf-16"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Police said 3 people died.".encode())
    (d / "crlf.txt").write_bytes(b"Headline here\r\nThe mayor said 40 homes burned.\r\n")
    (d / "html.txt").write_text(
        "<!DOCTYPE html><html><head><title>Schools shut</title></head><body><nav>Home | World</nav><article>"
        "<p>The education minister said on Tuesday that <b>20</b> schools had closed after the storm, and that "
        "more closures were likely before the weekend.</p><p>Parents were told to keep children at home until "
        "the roads had been cleared and the buildings checked by engineers.</p></article></body></html>",
        encoding="utf-8")
    (d / "quotes.txt").write_text('He said "unbalanced and “mixed” quotes” here ” “ " ok.', encoding="utf-8")
    (d / "long.txt").write_text(("The agency said 5 people were hurt on Monday. " * 2500) + "\n" +
                                ("x" * 300_000), encoding="utf-8")
    (d / "numbers.txt").write_text(" ".join(str(i) for i in range(3000)) + " said officials.", encoding="utf-8")
    (d / "control.txt").write_text("Officials\x00 said\x07 that 7 \x1b people left.", encoding="utf-8")
    (d / "badside.txt").write_text("Officials said 2 people left.", encoding="utf-8")
    (d / "badside.json").write_text("{oops", encoding="utf-8")
    (d / "baddate.txt").write_text("Officials said 2 people left.", encoding="utf-8")
    (d / "baddate.json").write_text(json.dumps({"published": "2024-02-30"}), encoding="utf-8")
    if os.geteuid() != 0:  # root reads everything: there the dangling link stands for an unreadable file
        (d / "noperm.txt").write_text("secret", encoding="utf-8")
        (d / "noperm.txt").chmod(0)
    os.symlink(d / "missing-target.txt", d / "dangling.txt")
    os.symlink(d, d / "loop")
    return d


@pytest.mark.slow
def test_every_bad_input_gets_a_row_and_no_traceback(bad_inputs, tmp_path):
    out = tmp_path / "out"
    r = run_cli(["run", str(bad_inputs), str(bad_inputs / "crlf.txt"), "--out", str(out), "--workers", "2"])
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 1, r.stderr  # some inputs are errors
    arts = extract.load(out)["articles"]
    names = {Path(p).name for p in arts.source_path}
    expected = {p.name for p in bad_inputs.iterdir() if p.suffix == ".txt"}
    assert expected <= names
    by = {Path(p).name: row for p, (_, row) in zip(arts.source_path, arts.iterrows())}
    for name in ("empty.txt", "blank.txt", "binary.txt", "dangling.txt") + (("noperm.txt",) if os.geteuid() else ()):
        assert by[name].status == "error" and isinstance(by[name].error, str) and "\n" not in by[name].error
    for name in ("cp1252.txt", "utf16.txt", "bom.txt", "crlf.txt", "html.txt", "quotes.txt", "long.txt",
                 "numbers.txt", "control.txt", "badside.txt", "baddate.txt"):
        assert by[name].status == "ok", (name, by[name].error)
    assert "sidecar" in by["badside.txt"].warnings and "not a real date" in by["baddate.txt"].warnings
    assert (arts.source_path.map(lambda p: Path(p).name) == "crlf.txt").sum() == 2  # the same article twice
    assert arts.article_id.is_unique
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(out)],
                           capture_output=True, text=True)
    if SHARED.exists():
        assert "contract: 0 problems" in check.stdout, check.stdout
    claims = extract.load(out)["claims"]
    long_id = arts.loc[arts.source_path.str.endswith("long.txt"), "article_id"].iloc[0]
    assert (claims.article_id == long_id).sum() >= 2000  # every piece of a text past max_length
    html_id = arts.loc[arts.source_path.str.endswith("html.txt"), "article_id"].iloc[0]
    html_claims = claims[claims.article_id == html_id]
    assert html_claims.content.str.contains("20 schools had closed").any()  # the page's text, tags gone
    assert not html_claims.content.str.contains("<b>").any()


def test_verbose_shows_traceback_only_when_asked(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from extract import cli, pipeline

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "run", boom)
    (tmp_path / "a.txt").write_text("Hi.", encoding="utf-8")
    r = CliRunner().invoke(cli.main, ["run", str(tmp_path), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "disk on fire" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli.main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--verbose"])
    assert isinstance(r.exception, RuntimeError)


@pytest.mark.slow
def test_kill_then_resume_gives_the_clean_run_tables(tmp_path):
    corpus = _corpus(tmp_path / "in", 40)
    clean = tmp_path / "clean"
    assert run_cli(["run", str(corpus), "--out", str(clean), "--workers", "1"]).returncode == 0
    out = tmp_path / "out"
    proc = subprocess.Popen(EXTRACT + ["run", str(corpus), "--out", str(out), "--workers", "1", "--batch-size", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / ".extract-journal.jsonl"
    deadline = time.time() + 300
    while time.time() < deadline:
        if journal.exists() and journal.read_text(encoding="utf-8").count("\n") >= 8:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = journal.read_text(encoding="utf-8").count("\n")
    assert 0 < done_before < 40, "the kill must land part-way"
    assert not (out / "claims.csv").exists()  # no truncated table where none was
    r = run_cli(["run", str(corpus), "--out", str(out), "--workers", "2", "--resume"])
    assert r.returncode == 0, r.stderr
    assert _tables(out) == _tables(clean)
    # resuming again on unchanged input reuses everything
    r = run_cli(["run", str(corpus), "--out", str(out), "--resume"])
    assert r.returncode == 0 and "40 reused" in r.stderr, r.stderr
    assert _tables(out) == _tables(clean)


@pytest.mark.slow
def test_same_tables_whatever_the_worker_count(tmp_path):
    corpus = _corpus(tmp_path / "in", 12)
    for n in (1, 2):
        assert run_cli(["run", str(corpus), "--out", str(tmp_path / f"w{n}"), "--workers", str(n)]).returncode == 0
    assert _tables(tmp_path / "w1") == _tables(tmp_path / "w2")


def test_csv_round_trip_every_cell(tmp_path):
    from extract import output
    from extract.records import ArticleMeta, ArticleResult, Claim, Document, Span

    nasty = 'A "quoted", comma\nnewline; NA null =SUM(A1) @x -1 +2 \t tab ünïcödé “curly” \\ back'
    text = "He said " + nasty
    doc = Document("id-1", "x.txt", text)
    claim = Claim(cue=Span.of(text, 3, 7), content=Span.of(text, 8, len(text)), claim_id="id-1:c1")
    output.write_tables([ArticleResult(doc, ArticleMeta(), claims=(claim,))], tmp_path)
    raw = pd.read_csv(tmp_path / "claims.csv", dtype=str, keep_default_na=False)
    assert raw.content[0] == nasty
    assert extract.load(tmp_path)["claims"].content[0] == nasty
    with open(tmp_path / "claims.csv", encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f))[0]["content"] == nasty
