"""Throughput: `extract run` against bare spaCy `nlp.pipe` on the same texts and process count.

    .venv/bin/python bench/throughput.py [--workers 2] [--limit N]

Each side runs in its own fresh Python process on the Wikinews corpus (written once as .txt
files), with the same model, the same number of worker processes and the same batch size; the
timings include loading the model in every worker. Prints words/s of each, their ratio, and the
peak resident memory of the largest process of each side.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import wikinews_texts, words  # noqa: E402


def _bare_worker(texts: list[str]) -> int:
    from extract.nlp import load

    nlp = load()
    n = 0
    for _ in nlp.pipe(texts, batch_size=16):
        n += 1
    return n


def bare(folder: Path, workers: int) -> dict:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    t0 = time.perf_counter()
    chunks = [texts[i::workers] for i in range(workers)]
    with mp.get_context("fork").Pool(workers) as pool:
        pool.map(_bare_worker, chunks)
    return {"seconds": time.perf_counter() - t0, "words": words(texts)}


def run_extract(folder: Path, workers: int) -> dict:
    from extract import Settings, run

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        summary = run([str(folder)], out, settings=Settings(workers=workers, batch_size=16))
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "words": words(texts), "claims": summary.claims}


def phase(name: str, folder: Path, workers: int) -> None:
    res = (bare if name == "bare" else run_extract)(folder, workers)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    res["peak_rss_mb"] = max(kids, me) / 1024
    print(json.dumps(res))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--phase", choices=["bare", "extract"], help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        phase(a.phase, a.folder, a.workers)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(wikinews_texts(a.limit)):
            (folder / f"w{i:04d}.txt").write_text(text, encoding="utf-8")
        results = {}
        for name in ("bare", "extract"):
            out = subprocess.run([sys.executable, __file__, "--phase", name, "--folder", str(folder),
                                  "--workers", str(a.workers)], capture_output=True, text=True, check=True)
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    b, e = results["bare"], results["extract"]
    bw, ew = b["words"] / b["seconds"], e["words"] / e["seconds"]
    print(f"corpus: Wikinews, {b['words']} words, {a.workers} worker processes, en_core_web_sm, batch 16")
    print(f"bare nlp.pipe : {bw:8.0f} words/s  ({b['seconds']:.1f}s)  peak RSS {b['peak_rss_mb']:.0f} MB")
    print(f"extract run   : {ew:8.0f} words/s  ({e['seconds']:.1f}s)  peak RSS {e['peak_rss_mb']:.0f} MB")
    print(f"ratio extract/bare: {ew / bw:.2f}")


if __name__ == "__main__":
    main()
