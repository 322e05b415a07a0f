"""Reading: web pages/s, WARC records/s, and the reading process's peak memory on a 1 GB collection.

    .venv/bin/python bench/reading.py [--pages 295] [--gigabytes 1.0] [--skip-memory]

* HTML: the Wikinews articles (CC BY 2.5) rendered as news pages (boilerplate, meta tags,
  ``evaluation/renditions.news_page``), decoded and extracted one by one (``page_document`` +
  ``extract_page``, i.e. trafilatura), next to bare ``nlp.pipe`` on the extracted texts: the share of
  the parse that extraction adds.
* WARC: the same pages as one ``.warc.gz`` (a warcinfo, then a request and a response per page),
  read by ``iter_documents`` (warcio; pages decoded, not extracted): records/s. FastWARC's bare
  record loop on the same file is timed too when it is installed, for the choice in ``reading/warc.py``.
* Memory: a generated ``.jsonl``, ``.csv`` and ``.json`` array of about ``--gigabytes`` each (Wikinews
  texts repeated) in /tmp, each read to the end by ``iter_documents`` in a fresh process; prints
  the peak resident memory of that process, then deletes the file. The target is < 600 MB. With
  ``--run-seconds S``, ``extract run BIG.jsonl --workers 2`` also runs for S seconds (parsing 1 GB
  would take days) and the peak memory of its main process, the one that reads, is printed.

Timings are of this machine, one process; none is a test.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import wikinews_texts, words  # noqa: E402

# Peak memory from VmHWM: ru_maxrss survives exec on Linux, so a child started by a parent that had
# loaded the parser would report the parent's peak.
READER = """
import re, resource, sys, time
from extract.reading import iter_documents
t0 = time.perf_counter()
n = chars = 0
for d in iter_documents([sys.argv[1]]):
    n += 1
    chars += len(d.text)
try:
    peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)) // 1024
except (OSError, AttributeError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(n, chars, time.perf_counter() - t0, peak)
"""


def html_bench(texts: list[str], folder: Path) -> dict:
    from extract.evaluation.renditions import news_page, write_warc
    from extract.nlp import load
    from extract.reading import extract_page
    from extract.reading.html import page_document

    pages = [(f"https://news.example/a/{i}", news_page(t, title=f"Story {i}", published="2020-01-01",
                                                        url=f"https://news.example/a/{i}"))
             for i, t in enumerate(texts)]
    extract_page(page_document(pages[0][1].encode(), article_id="warm", source_path="warm"))  # imports
    t0 = time.perf_counter()
    got = []
    for url, page in pages:
        doc = extract_page(page_document(page.encode("utf-8"), article_id=url, source_path=url))
        got.append(doc.text)
    extract_s = time.perf_counter() - t0
    nlp = load()
    list(nlp.pipe(got[:5]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(got, batch_size=16):
        pass
    parse_s = time.perf_counter() - t0
    archive = folder / "pages.warc.gz"
    n_records = write_warc(archive, pages)
    return {"pages": len(pages), "megabytes of HTML": sum(len(p) for _, p in pages) / 1e6,
            "extract s": extract_s, "parse s": parse_s, "words": words(got), "archive": archive,
            "records": n_records}


def warc_bench(archive: Path, records: int) -> dict:
    from extract.reading import iter_documents

    t0 = time.perf_counter()
    n = sum(1 for _ in iter_documents([archive]))
    warcio_s = time.perf_counter() - t0
    out = {"records": records, "pages": n, "warcio s": warcio_s}
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        return out
    t0 = time.perf_counter()
    with open(archive, "rb") as f:
        k = sum(1 for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True)
                if rec.reader.read() is not None)
    out["fastwarc s (bare loop)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    with open(archive, "rb") as f:
        k2 = sum(1 for rec in WarcioIterator(f) if rec.rec_type == "response" and rec.content_stream().read() is not None)
    out["warcio s (bare loop)"] = time.perf_counter() - t0
    assert k == k2 == n
    return out


def write_collection(path: Path, texts: list[str], target: int) -> int:
    """Write ``texts`` repeatedly (each with an id, title and date) until ``path`` holds ``target`` bytes."""
    written = n = 0
    suffix = path.suffix
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f) if suffix == ".csv" else None
        if w:
            w.writerow(["id", "title", "published", "text"])
        if suffix == ".json":
            f.write("[\n")
        while written < target:
            for t in texts:
                n += 1
                row = {"id": f"a{n}", "title": f"Story {n}", "published": "2020-01-01", "text": t}
                if w:
                    w.writerow(row.values())
                    written += len(t) + 40
                else:
                    line = ("," if suffix == ".json" and n > 1 else "") + json.dumps(row, ensure_ascii=False) + "\n"
                    f.write(line)
                    written += len(line)
                if written >= target:
                    break
        if suffix == ".json":
            f.write("]\n")
    return n


def _peak_mb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return int(next(line for line in f if line.startswith("VmHWM")).split()[1]) // 1024


def run_main_process(path: Path, seconds: float, env: dict) -> dict:
    """Peak memory of the main process of ``extract run`` over ``path`` during ``seconds``."""
    import signal

    with tempfile.TemporaryDirectory(prefix="extract-bench-out-") as out:
        proc = subprocess.Popen([sys.executable, "-m", "extract.cli", "run", str(path), "--out", out, "--workers", "2",
                                 "--no-progress"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        peak, t0 = 0, time.perf_counter()
        try:
            while time.perf_counter() - t0 < seconds and proc.poll() is None:
                peak = max(peak, _peak_mb(proc.pid))
                time.sleep(1)
        finally:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole process group, workers included
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    return {"file": path.suffix, "seconds": seconds, "peak MB": peak}


def memory_bench(texts: list[str], gigabytes: float, run_seconds: float = 0) -> list[dict]:
    rows = []
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    for suffix in (".jsonl", ".csv", ".json"):
        with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
            path = Path(tmp) / f"big{suffix}"
            n = write_collection(path, texts, int(gigabytes * 1e9))
            size = path.stat().st_size
            out = subprocess.run([sys.executable, "-c", READER, str(path)], env=env, capture_output=True, text=True,
                                 check=True).stdout.split()
            read, _, seconds, peak = int(out[0]), int(out[1]), float(out[2]), int(out[3])
            assert read == n, (read, n)
            rows.append({"file": f"{suffix} {size / 1e9:.2f} GB", "records": n, "seconds": seconds,
                         "MB/s": size / 1e6 / seconds, "peak MB": peak})
            if run_seconds and suffix == ".jsonl":
                rows[-1]["run"] = run_main_process(path, run_seconds, env)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=None, help="Wikinews articles to render (default: all 295)")
    ap.add_argument("--gigabytes", type=float, default=1.0, help="size of each generated collection")
    ap.add_argument("--skip-memory", action="store_true", help="only the HTML and WARC timings")
    ap.add_argument("--run-seconds", type=float, default=0, help="also run `extract run` on the .jsonl this long")
    args = ap.parse_args()
    texts = wikinews_texts(args.pages)
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
        h = html_bench(texts, Path(tmp))
        w = warc_bench(h["archive"], h["records"])
    print(f"HTML: {h['pages']} pages ({h['megabytes of HTML']:.1f} MB): extraction {h['pages'] / h['extract s']:.1f} "
          f"pages/s ({h['extract s']:.1f} s), parse {h['pages'] / h['parse s']:.1f} pages/s "
          f"({h['words'] / h['parse s']:,.0f} words/s, {h['parse s']:.1f} s): extraction adds "
          f"{100 * h['extract s'] / h['parse s']:.0f}% to the parse")
    line = f"WARC: {w['records']} records ({w['pages']} pages) read in {w['warcio s']:.2f} s: " \
           f"{w['records'] / w['warcio s']:,.0f} records/s with decoding"
    if "fastwarc s (bare loop)" in w:
        line += (f"; bare record loops: warcio {w['records'] / w['warcio s (bare loop)']:,.0f}, FastWARC "
                 f"{w['records'] / w['fastwarc s (bare loop)']:,.0f} records/s")
    print(line)
    if not args.skip_memory:
        for r in memory_bench(texts, args.gigabytes, args.run_seconds):
            print(f"reading {r['file']}: {r['records']:,} records in {r['seconds']:.0f} s ({r['MB/s']:.0f} MB/s), "
                  f"peak memory of the reading process {r['peak MB']} MB")
            if "run" in r:
                print(f"  extract run --workers 2 on it for {r['run']['seconds']:.0f} s: peak memory of the main "
                      f"(reading) process {r['run']['peak MB']} MB")


if __name__ == "__main__":
    main()
