"""Time of each extraction stage against spaCy's parse, on the Wikinews corpus.

    .venv/bin/python bench/stages.py [--limit N] [--repeat N]

Parses every text with ``nlp.pipe`` (timed), then runs each stage over the parsed docs (timed
separately) and prints each stage's time as a share of the parse time. One process. With
``--repeat N`` (default 3) the parse and each stage run N times and the fastest run of each counts,
as ``timeit`` advises: other work on the machine only ever adds time, so the minimum is the
estimate least moved by it (one run of each moved attribution's share by 4 points on a busy
2-core machine). Each stage's run starts from the docs as parsed: the per-document caches a stage
keeps in ``Doc.user_data``, and the caches of quantulum3's readings and of date parsers, are emptied
between runs, so no run reads another's work.
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
from extract.quantities.units import quantulum_unit  # noqa: E402
import extract.dates as dates_module  # noqa: E402


def fastest(run, repeat: int, reset=lambda: None) -> tuple[float, list[float]]:
    """The fastest of ``repeat`` timed calls of ``run`` (``reset`` called untimed before each), and all."""
    times = []
    for _ in range(repeat):
        reset()
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times), times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N Wikinews texts")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the parse and of each stage; the fastest counts (default 3)")
    a = ap.parse_args()
    texts = wikinews_texts(a.limit)
    nlp = load()
    nlp("warm up")
    quantities.warm_up()  # quantulum3 loads its unit tables on first use
    docs: list = []
    parse, parses = fastest(lambda: docs.__setitem__(slice(None), nlp.pipe(texts, batch_size=16)), a.repeat)
    as_parsed = [dict(d.user_data) for d in docs]

    def reset() -> None:
        for d, u in zip(docs, as_parsed):
            d.user_data.clear()
            d.user_data.update(u)
        # and the caches keyed by what a run reads (a later run would find its snippets and dates read)
        quantulum_unit.cache_clear()
        dates_module._date_data_parser.cache_clear()

    metas = [metadata.analyze(Document(str(i), "", t)) for i, t in enumerate(texts)]
    ents: list = []
    stages = {
        "entities": lambda: ents.__setitem__(slice(None), [entities.extract(d, m) for d, m in zip(docs, metas)]),
        "attribution": lambda: [attribution.extract(d, e, m) for d, m, e in zip(docs, metas, ents)],
        "quantities": lambda: [quantities.extract(d, m) for d, m in zip(docs, metas)],
        "dates": lambda: [dates.extract(d, m, published="2020-01-01") for d, m in zip(docs, metas)],
    }
    times, runs = {}, {}
    for name, run in stages.items():
        times[name], runs[name] = fastest(run, a.repeat, reset)
    n = words(texts)
    print(f"{len(texts)} texts, {n} words; spaCy parse {parse:.2f}s ({n / parse:.0f} words/s), "
          f"fastest of {a.repeat}: {' '.join(f'{x:.2f}' for x in parses)}")
    for k, v in times.items():
        print(f"  {k:12} {v:6.2f}s  {100 * v / parse:5.1f}% of parse   (runs: {' '.join(f'{x:.2f}' for x in runs[k])})")
    total = sum(times.values())
    print(f"  {'all stages':12} {total:6.2f}s  {100 * total / parse:5.1f}% of parse")


if __name__ == "__main__":
    main()
