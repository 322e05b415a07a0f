"""The output folder lock: a second run into the same --out is refused, a stale lock is taken over."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from extract import cli
from extract.lock import NAME, FolderLock, FolderLocked


def test_second_holder_is_refused_and_told_who_holds_it(tmp_path):
    with FolderLock(tmp_path):
        with pytest.raises(FolderLocked) as e:
            FolderLock(tmp_path).acquire()
        assert f"pid {os.getpid()}" in str(e.value) and str(tmp_path) in str(e.value)
    with FolderLock(tmp_path) as again:  # released: the next run gets it
        assert again.stale is None


def test_run_into_a_held_folder_exits_2(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Officials said 40 people died.", encoding="utf-8")
    out = tmp_path / "out"
    with FolderLock(out):
        r = CliRunner().invoke(cli.main, ["run", str(tmp_path / "in"), "--out", str(out), "--workers", "1"])
    assert r.exit_code == 2, r.output
    assert f"pid {os.getpid()}" in r.output and "another extract run" in r.output
    assert not (out / "articles.csv").exists()


def test_stale_lock_of_a_dead_run_is_taken_over(tmp_path):
    (tmp_path / NAME).write_text(json.dumps({"pid": 2**22 + 17, "host": "elsewhere", "started": "x"}))
    with FolderLock(tmp_path) as lock:
        assert lock.stale is not None and lock.stale["pid"] == 2**22 + 17
        info = json.loads((tmp_path / NAME).read_text())
        assert info["pid"] == os.getpid()
