from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from extract.output import TABLES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (CI has ../shared beside the repo)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from extract.nlp import load

    return load()


@pytest.fixture(scope="session")
def seed_result():
    """The pipeline's result on the example article, with its sidecar metadata."""
    from extract.pipeline import process_many
    from extract.reading import read_text_file

    path = need_shared(SEED / "article.txt")
    doc = read_text_file(path, str(path))
    return next(iter(process_many([doc])))


@pytest.fixture(scope="session")
def seed_gold():
    return json.loads(need_shared(SEED / "gold.json").read_text(encoding="utf-8"))




def wikinews_corpus(dest: Path, n: int, year: int = 2020) -> Path:
    """``n`` Wikinews articles as .txt files with sidecars (CC BY 2.5, from ../shared/data/wikinews)."""
    src = need_shared(SHARED / "data" / "wikinews" / f"wikinews_{year}.csv")
    dest.mkdir()
    with open(src, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= n:
                break
            (dest / f"a{i:03d}.txt").write_text(row["text"], encoding="utf-8")
            (dest / f"a{i:03d}.json").write_text(json.dumps({"published": row["date"]}), encoding="utf-8")
    return dest


def tables(out: Path) -> dict:
    """Every table of an output folder as text, to compare runs exactly."""
    return {t: (Path(out) / f"{t}.csv").read_text(encoding="utf-8") for t in TABLES}
