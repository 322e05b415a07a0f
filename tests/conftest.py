from __future__ import annotations

import json
from pathlib import Path

import pytest

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
