"""Time of each extraction stage against spaCy's parse, on the Wikinews corpus.

    .venv/bin/python bench/stages.py [--limit N]

Parses every text once with ``nlp.pipe`` (timed), then runs each stage over the parsed docs
(timed separately) and prints each stage's time as a share of the parse time. One process.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import wikinews_texts, words  # noqa: E402

from extract import attribution, dates, entities, metadata, quantities  # noqa: E402
from extract.nlp import load  # noqa: E402
from extract.records import Document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int)
    a = ap.parse_args()
    texts = wikinews_texts(a.limit)
    nlp = load()
    nlp("warm up")
    quantities.warm_up()  # quantulum3 loads its unit tables on first use
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    metas = [metadata.analyze(Document(str(i), "", t)) for i, t in enumerate(texts)]
    times = {}
    ents = []
    t0 = time.perf_counter()
    for d, m in zip(docs, metas):
        ents.append(entities.extract(d, m))
    times["entities"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, m, e in zip(docs, metas, ents):
        attribution.extract(d, e, m)
    times["attribution"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, m in zip(docs, metas):
        quantities.extract(d, m)
    times["quantities"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, m in zip(docs, metas):
        dates.extract(d, m, published="2020-01-01")
    times["dates"] = time.perf_counter() - t0
    n = words(texts)
    print(f"{len(texts)} texts, {n} words; spaCy parse {parse:.2f}s ({n / parse:.0f} words/s)")
    for k, v in times.items():
        print(f"  {k:12} {v:6.2f}s  {100 * v / parse:5.1f}% of parse")
    total = sum(times.values())
    print(f"  {'all stages':12} {total:6.2f}s  {100 * total / parse:5.1f}% of parse")


if __name__ == "__main__":
    main()
