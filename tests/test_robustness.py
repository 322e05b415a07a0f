"""Real news must never make a stage fail: every Wikinews 2019 article (a .csv collection) is processed."""
from __future__ import annotations

import pytest

import extract
from conftest import SHARED, need_shared


@pytest.mark.slow
def test_wikinews_collection_processes_without_errors(tmp_path):
    src = need_shared(SHARED / "data" / "wikinews" / "wikinews_2019.csv")
    import csv

    with open(src, encoding="utf-8", newline="") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    summary = extract.run([str(src)], tmp_path, settings=extract.Settings(workers=2))
    assert rows > 90 and summary.articles == rows
    assert summary.failed == 0, summary.errors[:3]
    arts = extract.load(tmp_path)["articles"]
    assert arts.source_row.notna().all() and (arts.published_source == "metadata").all()
