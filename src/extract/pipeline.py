"""The driver: reads inputs, sends them through the stages, writes the tables.

reading -> metadata -> nlp -> entities -> attribution -> quantities -> dates -> assembly -> output

:func:`process_text` is the library entry point for one text; :func:`process_many` streams
documents through the stages (:func:`extract.batching.process_batch`) in batches, in worker
processes when ``settings.workers > 1``; :func:`run` reads inputs and writes the tables, with the
local engine here or the Dask engine (:mod:`extract.distributed`). An article that fails at any
stage becomes a result with status ``error`` and a one-line reason; the run goes on.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing as mp
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, Sequence

from . import language, nlp, output, reading
from .batching import IN_FLIGHT_PER_WORKER, batches_of, in_order, process_batch
from .journal import Journal, article_key
from .lock import FolderLock
from .records import ArticleResult, Document
from .resources import check_models
from .settings import Settings


def process_text(text: str, metadata: Optional[Mapping[str, str]] = None, *, settings: Optional[Settings] = None,
                 article_id: str = "article") -> ArticleResult:
    """Extract claims, quantities, dates and entities from one article text.

    >>> r = process_text("Officials said 40 people died on Monday.", {"published": "2025-03-05"})  # doctest: +SKIP
    >>> r.claims[0].speaker.text, r.quantities[0].value  # doctest: +SKIP
    ('Officials', 40.0)
    """
    check_models()
    doc = Document(article_id=article_id, source_path="<text>", text=text, metadata=dict(metadata or {}))
    return process_batch([doc], settings or Settings())[0]


# ------------------------------------------------------------------------------------------- workers
_worker_settings: Optional[Settings] = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings
    nlp.load(settings.model)  # once per process


def _work(batch: Sequence[Document]) -> list[ArticleResult]:
    return process_batch(batch, _worker_settings)


def process_many(documents: Iterable[Document], *, settings: Optional[Settings] = None,
                 total: Optional[int] = None) -> Iterator[ArticleResult]:
    """Results for ``documents`` in input order, parsed in batches, in worker processes if asked.

    Documents are read lazily and at most a few batches per worker are in flight, so memory stays
    flat whatever the corpus size. The pipeline is loaded only once there is work to do. With
    ``settings.progress`` a bar counts articles against ``total`` (when known).
    """
    settings = settings or Settings()
    check_models()
    bar = _progress(settings.progress, total)
    try:
        batches = batches_of(documents, settings.batch_size)
        if settings.workers <= 1:
            for batch in batches:
                for r in process_batch(batch, settings):
                    bar.update(1)
                    yield r
            return
        first = next(batches, None)
        if first is None:
            return
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,)) as pool:
            submitted = (pool.apply_async(_work, (batch,)) for batch in itertools.chain([first], batches))
            for task in in_order(submitted, IN_FLIGHT_PER_WORKER * settings.workers):
                for r in task.get():
                    bar.update(1)
                    yield r
    finally:
        bar.close()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(show: bool, total: Optional[int]):
    if not show:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


@dataclass
class RunSummary:
    """What a run did: counts, the failed articles, and what it passed over."""

    out: str
    articles: int = 0
    failed: int = 0
    claims: int = 0
    quantities: int = 0
    dates: int = 0
    undated: int = 0          # articles processed with no publication date (relative dates unresolved)
    facts: int = 0            # facts of the claim ledger (facts.csv) ...
    disputed: int = 0         # ... and how many of them are disputed
    errors: list[str] = field(default_factory=list)
    resumed: int = 0
    skipped: list[str] = field(default_factory=list)   # output folders found among the inputs
    other_language: collections.Counter = field(default_factory=collections.Counter)  # articles not in English, by language
    passed_over: collections.Counter = field(default_factory=collections.Counter)     # what inputs held besides articles
    stale_lock: Optional[dict] = None                   # the holder of a lock a killed run left

    @property
    def ok(self) -> bool:
        return self.failed == 0


def run(inputs: Sequence[str | os.PathLike], out: str | os.PathLike, *, settings: Optional[Settings] = None,
        client=None, **options) -> RunSummary:
    """Process every article under ``inputs`` and write the tables into ``out``.

    ``settings`` carries every option (:class:`extract.Settings`); keyword ``options`` override
    single fields of it: ``run(["articles/"], "out", workers=4, resume=True)``.

    Tables are written to temporary files and renamed into place at the end; every finished
    article is also appended to the run journal, so ``resume=True`` after a crash reuses what was
    done and writes exactly the tables an uninterrupted run writes. The output folder is locked
    for the run (:class:`extract.lock.FolderLocked` if another run holds it) and is never read as
    input, nor is any other folder an ``extract`` run wrote.

    ``engine="dask"`` runs the batches on a Dask cluster (:mod:`extract.distributed`): a new
    LocalCluster, the one at ``scheduler``, or the given ``client``. Inputs and ``out`` may be
    fsspec URLs (:mod:`extract.remote`).
    """
    from . import remote

    settings = replace(settings or Settings(), **options) if options else (settings or Settings())
    check_models()
    with remote.local_inputs(list(inputs)) as (local, shown), \
            remote.local_output(out, resume=settings.resume) as local_out, FolderLock(local_out) as lock:
        summary = _run(local, shown, Path(local_out), settings, client)
        summary.stale_lock = lock.stale
        return summary


def _run(inputs: list, shown: list, out: Path, settings: Settings, client) -> RunSummary:
    summary = RunSummary(out=str(out))
    skip = reading.SkipOutputs(out)
    total = reading.count_articles(inputs, skip=skip)
    for stale in out.glob(".*.tmp"):
        stale.unlink(missing_ok=True)  # left by a killed run
    journal = Journal(out, resume=settings.resume)
    pending: collections.deque = collections.deque()

    def work() -> Iterator[Document]:
        for doc in reading.iter_documents(inputs, shown=shown, skip=skip, counts=summary.passed_over):
            key = article_key(doc, settings)
            cached = journal.get(key)
            pending.append((key, cached))
            if cached is None:
                yield doc
            else:
                summary.resumed += 1

    def tally(rows: dict) -> dict:
        art = rows["articles"][0]
        summary.articles += 1
        summary.claims += len(rows["claims"])
        summary.quantities += len(rows["quantities"])
        summary.dates += len(rows["dates"])
        if art["status"] != "ok":
            summary.failed += 1
            summary.errors.append(f"{art['source_path']}: {art['error']}")
        elif not language.is_english(art.get("language")):
            summary.other_language[art["language"]] += 1
        elif not art.get("published"):
            summary.undated += 1
        return rows

    def ordered_rows() -> Iterator[dict]:
        if settings.engine == "dask":
            from . import distributed

            results = distributed.process_many(work(), settings=settings, client=client)
        else:
            show = replace(settings, progress=settings.progress and (total or 0) > 3)
            results = process_many(work(), settings=show, total=total)
        for result in results:
            while pending and pending[0][1] is not None:
                yield tally(pending.popleft()[1])
            key, _ = pending.popleft()
            rows = output.rows(result)
            journal.add(key, rows)
            yield tally(rows)
        while pending:
            yield tally(pending.popleft()[1])

    try:
        output.write_rows(ordered_rows(), out, excel_safe=settings.excel_safe, fmt=settings.fmt)
    finally:
        journal.close()
    facts = output.read_table(out / "facts.csv", "facts").groupby("fact_id").disputed.first()
    summary.facts, summary.disputed = len(facts), int(facts.fillna(False).astype(bool).sum())
    summary.skipped = list(skip.skipped)
    return summary
