from __future__ import annotations

import shutil
import subprocess
import sys

from click.testing import CliRunner

from conftest import SEED, SHARED, need_shared
from extract.cli import main


def test_help_teaches():
    r = CliRunner().invoke(main, ["run", "--help"])
    assert r.exit_code == 0 and "Examples:" in r.output and "--published" in r.output


def test_usage_errors_exit_2(tmp_path):
    r = CliRunner().invoke(main, ["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--published", "yesterday"])
    assert r.exit_code == 2


def test_run_seed_passes_contract(tmp_path):
    need_shared(SEED)
    (tmp_path / "in").mkdir()
    for name in ("article.txt", "article.json"):
        shutil.copy(SEED / name, tmp_path / "in" / name)
    r = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(tmp_path / "out")],
                           capture_output=True, text=True, cwd=tmp_path)
    assert "contract: 0 problems" in check.stdout, check.stdout


def test_failed_article_exit_1_with_row(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Officials said 3 people died.", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\xff\x00\xfe" * 300)
    r = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 1
    import extract

    arts = extract.load(tmp_path / "out")["articles"]
    assert set(arts.status) == {"ok", "error"}
    assert arts.loc[arts.status == "error", "error"].str.contains("binary").all()
