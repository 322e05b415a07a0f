"""The resume journal is keyed on the code and models that made the rows, not on a version string."""
from __future__ import annotations

import extract
from extract import journal
from extract.settings import Settings


def test_tree_hash_sees_a_changed_rule(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "rules.py").write_text("THRESHOLD = 0.5\n")
    (pkg / "notes.txt").write_text("not code")
    before = journal._tree_hash(pkg, journal.CODE_SUFFIXES)
    (pkg / "notes.txt").write_text("still not code")
    assert journal._tree_hash(pkg, journal.CODE_SUFFIXES) == before
    (pkg / "rules.py").write_text("THRESHOLD = 0.6\n")
    assert journal._tree_hash(pkg, journal.CODE_SUFFIXES) != before


def test_pipeline_version_covers_code_models_and_options(tmp_path, monkeypatch):
    base = journal.pipeline_version(Settings())
    assert journal.pipeline_version(Settings()) == base
    assert journal.pipeline_version(Settings(published="2025-03-05")) != base
    models = tmp_path / "models"
    models.mkdir()
    (models / "cues.tsv").write_text("say\t1.0\n")
    monkeypatch.setattr(journal, "models_dir", lambda: models)
    with_copy = journal.pipeline_version(Settings())
    assert with_copy != base
    journal.models_fingerprint.cache_clear()
    (models / "cues.tsv").write_text("say\t0.9\n")
    assert journal.pipeline_version(Settings()) != with_copy  # a changed model file re-processes


def test_resume_after_a_code_change_processes_again(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Officials said 40 people died on Monday.", encoding="utf-8")
    out = tmp_path / "out"
    extract.run([str(src)], out)
    assert extract.run([str(src)], out, resume=True).resumed == 1  # unchanged: reused
    real = journal.code_fingerprint()
    monkeypatch.setattr(journal, "code_fingerprint", lambda package=journal.PACKAGE: real + "-changed rule")
    again = extract.run([str(src)], out, resume=True)
    assert again.articles == 1 and again.resumed == 0  # processed again, not reused
    assert len(extract.load(out)["claims"]) == 1  # one claim, not a reused row beside a new one
