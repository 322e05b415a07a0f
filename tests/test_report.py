"""The HTML report in headless Chromium, the terminal view, Parquet output and the joined frame."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import extract
from conftest import ROOT
from extract import report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    """data/raw plus a hostile article, processed once."""
    base = tmp_path_factory.mktemp("report")
    shutil.copytree(ROOT / "data" / "raw", base / "in")
    (base / "in" / "hostile.txt").write_text(
        'Officials said <script>document.title="pwned"</script> and <img src=x onerror="document.title=1"> '
        "were found in 3 files.", encoding="utf-8")
    out = base / "out"
    extract.run([str(base / "in")], out)
    return out


def test_highlight_escapes_and_nests():
    text = 'A <b>"x"</b> said 5 & more'
    got = report.highlight(text, [(0, 12, "content", "c"), (2, 12, "speaker", "s"), (18, 19, "quantity", "q")])
    assert "<b>" not in got and "&lt;b&gt;" in got and "&amp;" in got
    assert got.count("<mark") == got.count("</mark>")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
def test_report_in_headless_chromium(out_dir, tmp_path):
    html_path = tmp_path / "report.html"
    report.write_html(out_dir, html_path)
    page = html_path.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)\b[^>]*(src|href)=\"?https?:", page), "report must be self-contained"
    assert "<script>document.title" not in page and "&lt;script&gt;" in page
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
                          "--v=0", "--virtual-time-budget=2000", "--dump-dom", html_path.as_uri()],
                         capture_output=True, text=True, timeout=120)
    dom = run.stdout
    assert "Who claimed what, when" in dom and 'id="summary"' in dom
    assert re.search(r'<mark class="cue"[^>]*>', dom) and re.search(r'<mark class="speaker"', dom)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)  # no script ran
    assert "&lt;script&gt;" in dom and "onerror" in dom  # shown as text
    console_errors = [l for l in run.stderr.splitlines() if "CONSOLE" in l and ("Uncaught" in l or "Error" in l)]
    assert not console_errors, console_errors


def test_show_prints_claims(out_dir):
    from rich.console import Console

    console = Console(record=True, width=200)
    n = report.show(out_dir, "article.txt", console=console)
    assert n >= 16 and "Ukrainian defense officials" in console.export_text()


def test_parquet_has_the_same_schema(out_dir, tmp_path):
    from extract import output

    output.to_parquet(out_dir)
    for t in ("articles", "claims", "quantities", "dates", "entities"):
        pq = pd.read_parquet(Path(out_dir) / f"{t}.parquet")
        assert list(pq.columns) == output.columns(t)


def test_joined_frame(out_dir):
    w = extract.load(out_dir)["who_claimed_what"]
    row = w[w.cue == "estimate"].iloc[0]
    assert row.publisher == "UPI" and str(row.published.date()) == "2025-03-05"
    assert {q["text"] for q in row.quantities} >= {"around 400", "3,600"}
    assert row.n_quantities >= 2


def test_contract_holds_on_the_example_folder(out_dir):
    """data/raw (plus a hostile article) passes ../shared/tools/check_contract.py."""
    import sys

    from conftest import SHARED, need_shared

    tool = need_shared(SHARED / "tools" / "check_contract.py")
    r = subprocess.run([sys.executable, str(tool), str(out_dir)], capture_output=True, text=True)
    assert "contract: 0 problems" in r.stdout, r.stdout


@pytest.fixture(scope="module")
def floods_dir(tmp_path_factory):
    """The made-up multi-outlet articles of tests/test_ledger.py, with a hostile fact label."""
    from test_ledger import FLOODS, write_articles

    base = tmp_path_factory.mktemp("floods")
    write_articles(base / "in", FLOODS)
    extract.run([str(base / "in")], base / "out", workers=1)
    return base / "out"


def test_report_facts_section_disputed_first(floods_dir, tmp_path):
    facts = extract.load(floods_dir)["facts"]
    facts.loc[:, "fact"] = "<b>people</b> · kill"  # labels are text, escaped like any other
    groups = report.fact_groups(facts, extract.load(floods_dir)["speakers"])
    assert len(groups) == 1 and groups[0]["disputed"] and groups[0]["svg"].startswith("<svg")
    assert [r["source"] for r in groups[0]["rows"]] == ["Maria Lopez", "Maria Lopez", "Interior Ministry"]
    assert [r["repeat"] for r in groups[0]["rows"]] == [False, True, False]
    page = report.render_html(floods_dir)
    assert 'id="facts"' in page and "people · kill · Valencia" in page and "disputed</span>" in page
    assert page.index('id="facts"') < page.index('id="articles"')


def test_report_facts_of_data_raw_and_of_a_run_without_any(out_dir, tmp_path):
    from test_output import tricky_result

    from extract import output

    assert "delegate · need · Democratic Party" in report.render_html(out_dir)
    output.write_tables([tricky_result()], tmp_path)
    page = report.render_html(tmp_path)
    assert 'id="facts"' in page and "No measured thing is reported by two or more articles" in page


def test_show_lists_the_articles_facts(floods_dir):
    from rich.console import Console

    console = Console(record=True, width=200)
    report.show(floods_dir, "floods-3", console=console)
    text = console.export_text()
    assert "Fact: people · kill · Valencia — disputed, 3 articles" in text
    assert "26 people" in text and "41 people (repeated)" in text
    console = Console(record=True, width=200)
    report.show(floods_dir, "budget-1", console=console)
    text = console.export_text()
    assert "No facts" in text and "approved" in text


def test_summary_counts_articles_without_a_date(out_dir):
    frames = extract.load(out_dir)
    s = report.summary(frames)
    assert s["articles"] == len(frames["articles"]) and s["undated"] == 1  # hostile.txt has no sidecar
    assert "without a publication date" in report.render_html(out_dir)
