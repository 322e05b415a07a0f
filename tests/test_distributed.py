"""The Dask engine gives the local engine's tables, survives a lost worker, reads and writes URLs."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

import extract
from conftest import tables as _tables, wikinews_corpus
from extract import Settings

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

def _corpus(dest: Path, n: int) -> Path:
    wikinews_corpus(dest, n, year=2019)
    (dest / "broken.txt").write_bytes(b"\x00\xff" * 500)
    return dest


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, Client(lc) as c:
        yield c


def test_dask_engine_matches_local(tmp_path, cluster):
    corpus = _corpus(tmp_path / "in", 16)
    settings = Settings(workers=1, batch_size=4)
    extract.run([str(corpus)], tmp_path / "local", settings=settings)
    summary = extract.run([str(corpus)], tmp_path / "dask", settings=settings, engine="dask", client=cluster)
    assert summary.articles == 17 and summary.failed == 1
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")


def test_lost_worker_loses_no_article(tmp_path, cluster):
    corpus = _corpus(tmp_path / "in", 24)
    out = tmp_path / "out"
    pids = list(cluster.run(os.getpid).values())
    journal = out / ".extract-journal.jsonl"

    at_kill = {}

    def kill_one():
        deadline = time.time() + 120
        while time.time() < deadline and not (journal.exists() and journal.read_text().count("\n") >= 2):
            time.sleep(0.05)
        at_kill["done"] = journal.read_text().count("\n") if journal.exists() else 0
        os.kill(pids[0], signal.SIGKILL)

    killer = threading.Thread(target=kill_one)
    killer.start()
    summary = extract.run([str(corpus)], out, settings=Settings(batch_size=2), engine="dask", client=cluster)
    killer.join()
    assert 0 < at_kill["done"] < 25, "the kill must land part-way through the run"
    assert pids[0] not in cluster.run(os.getpid).values()  # that worker really died
    arts = extract.load(out)["articles"]
    assert summary.articles == 25 and len(arts) == 25 and arts.article_id.is_unique
    assert (arts.status == "ok").sum() == 24
    cluster.wait_for_workers(2, timeout=60)


def test_fsspec_urls_in_and_out(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/news/in/a.txt", "Officials said 40 people died on Monday.".encode())
    fs.pipe("/news/in/a.json", json.dumps({"published": "2025-03-05"}).encode())
    summary = extract.run(["memory://news/in"], "memory://news/out", settings=Settings(workers=1))
    assert summary.articles == 1 and summary.claims >= 1
    claims = fs.cat("/news/out/claims.csv").decode()
    arts = fs.cat("/news/out/articles.csv").decode()
    assert "Officials" in claims and "memory://news/in/a.txt" in arts
    extract.run([f"file://{tmp_path}"], f"file://{tmp_path / 'o'}", settings=Settings(workers=1))
    assert (tmp_path / "o" / "articles.csv").exists()
