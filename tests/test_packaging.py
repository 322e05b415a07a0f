"""An installed package runs: models/ ships inside it, and a missing model file is one clear error."""
from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED, need_shared


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_and_model_file_is_in_the_wheel_list():
    tool = _pyproject()["tool"]["setuptools"]
    found = {".".join(p.relative_to(ROOT / "src").parts[:-1]) for p in (ROOT / "src").rglob("__init__.py")}
    assert set(tool["packages"]) == found | {"extract.models"}
    assert tool["package-dir"]["extract.models"] == "models"
    globs = tool["package-data"]["extract.models"]
    for f in (ROOT / "models").rglob("*"):
        if f.is_file():
            rel = f.relative_to(ROOT / "models")
            assert any(rel.match(g) for g in globs), f"{rel} would not be installed"


def test_a_missing_model_file_is_one_clear_error_at_start_up(tmp_path, monkeypatch):
    from extract import resources
    from extract.attribution import cues, sources
    from extract.cli import main

    empty = tmp_path / "models"
    empty.mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Officials said 40 people died on Monday.", encoding="utf-8")

    def clear():
        cues.load.cache_clear()
        sources.capitals.cache_clear()
        resources.check_models.cache_clear()

    clear()
    monkeypatch.setattr(cues, "models_dir", lambda: empty)
    monkeypatch.setattr(sources, "models_dir", lambda: empty)
    try:
        r = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "1"])
        assert r.exit_code == 2, r.output
        assert "model file missing" in r.output and "extra_cues.tsv" in r.output
        assert not (tmp_path / "out" / "articles.csv").exists()  # no error row per article
    finally:
        monkeypatch.undo()
        clear()
    resources.check_models()  # the real folder is complete


def test_a_missing_learnt_table_is_named_at_start_up(tmp_path, monkeypatch):
    """The learnt tables load as None when missing (their rules then stay quiet): an installation
    without one must fail at start-up, not lose those claims silently."""
    from extract import resources
    from extract.attribution import cues
    from extract.settings import models_dir

    shutil.copytree(models_dir() / "cues", tmp_path / "cues")
    (tmp_path / "cues" / "predicates.tsv").unlink()
    (tmp_path / "cues" / "claim_model.tsv").unlink()
    cues.load.cache_clear()
    resources.check_models.cache_clear()
    monkeypatch.setattr(cues, "models_dir", lambda: tmp_path)
    try:
        with pytest.raises(resources.ModelFilesMissing) as e:
            resources.check_models()
        assert "claim_model.tsv, predicates.tsv" in str(e.value)
        assert "boundary_model.tsv" not in str(e.value)  # present, so not named
    finally:
        monkeypatch.undo()
        cues.load.cache_clear()
        resources.check_models.cache_clear()
    resources.check_models()  # the real folder is complete


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
        return True
    except OSError:
        return False


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs_the_example_article(tmp_path):
    """pip wheel ., a venv of its own (no system site-packages, no PYTHONPATH) outside the checkout,
    pip install the wheel with its dependencies, `extract run` on the example article: every gold
    claim is found."""
    need_shared(SEED / "article.txt")
    if not _pypi_reachable():
        pytest.skip("PyPI is not reachable: the wheel's dependencies cannot be installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "EXTRACT", "VIRTUAL_ENV"))}
    wheels, venv, work = tmp_path / "wheels", tmp_path / "venv", tmp_path / "work"
    tree = tmp_path / "tree"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".*", "data", "build", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(tree)],
                   check=True, env=env, cwd=tmp_path, capture_output=True)
    (wheel,) = wheels.glob("extract-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env, cwd=tmp_path)
    bin_ = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True, env=env, cwd=tmp_path,
                   capture_output=True)
    where = subprocess.run([str(bin_ / "python"), "-c", "import extract, sys; print(extract.__file__); "
                            "print(sys.flags.no_site, [p for p in sys.path if 'site-packages' in p])"],
                           check=True, env=env, cwd=tmp_path, capture_output=True, text=True).stdout
    assert str(venv) in where.splitlines()[0] and str(ROOT) not in where
    work.mkdir()
    for name in ("article.txt", "article.json"):
        shutil.copy(SEED / name, work / name)
    run = subprocess.run([str(bin_ / "extract"), "run", "article.txt", "--out", "out", "--workers", "1"],
                         env=env, cwd=work, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr

    from extract.records import Span
    from test_seed_gold import KNOWN_MISSES, _gold_claim_spans, _matches
    import json

    text = (work / "article.txt").read_text(encoding="utf-8")
    with open(work / "out" / "claims.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    def span(r, key):
        return Span.of(text, int(r[f"{key}_start"]), int(r[f"{key}_end"])) if r[f"{key}_start"] else None

    claims = [SimpleNamespace(speaker=span(r, "speaker"), cue=span(r, "cue"), spans=(span(r, "content"),),
                              speaker_canonical=r["speaker_canonical"]) for r in rows]
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    missing = {(g["speaker"], g["cue"]) for g in gold["claims"]
               if not any(_matches(c, *_gold_claim_spans(text, g)) for c in claims)}
    assert missing <= set(KNOWN_MISSES), missing  # every gold claim the checkout finds (test_seed_gold)
    assert len(gold["claims"]) - len(missing) >= 13
    assert Path(work / "out" / "datapackage.json").exists()
