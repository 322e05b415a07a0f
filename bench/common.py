"""Shared helpers for the benchmarks: the Wikinews corpus as a list of texts."""
from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews"


def wikinews_texts(limit: int | None = None) -> list[str]:
    texts = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            texts.extend(row["text"] for row in csv.DictReader(f))
    return texts[:limit] if limit else texts


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)
