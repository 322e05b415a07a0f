"""The driver: calls the stages in order for each article.

reading -> metadata -> nlp -> entities -> attribution -> quantities -> dates -> assembly -> output

:func:`process_text` is the library entry point for one text; :func:`process_many` streams
documents through the stages in batches (in worker processes when ``settings.workers > 1``);
:func:`run` reads inputs and writes the tables. An article that fails at any stage becomes a
result with status ``error`` and a one-line reason; the run goes on.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing as mp
import os
import sys
import traceback
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Optional, Sequence

from pathlib import Path

from . import assembly, attribution, dates, entities, metadata, nlp, output, quantities, reading
from .journal import Journal, article_key
from .records import ArticleMeta, ArticleResult, Document
from .settings import Settings

IN_FLIGHT_PER_WORKER = 3  # batches queued per worker: enough to keep it busy, few enough to stay flat


def _one_line(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def _analyse(document: Document, spacy_doc, meta: ArticleMeta) -> ArticleResult:
    ents = entities.extract(spacy_doc, meta)
    claims = attribution.extract(spacy_doc, ents, meta)
    quants = quantities.extract(spacy_doc, meta)
    times = dates.extract(spacy_doc, meta)
    sentences = tuple((s.start_char, s.end_char) for s in spacy_doc.sents)
    return assembly.assemble(document, meta, entities=ents, claims=claims, quantities=quants, dates=times,
                             sentences=sentences)


def _process_batch(documents: Sequence[Document], settings: Settings) -> list[ArticleResult]:
    """All stages for a batch of documents; failures become error results."""
    results: list[Optional[ArticleResult]] = [None] * len(documents)
    metas: list[Optional[ArticleMeta]] = [None] * len(documents)
    todo: list[int] = []
    for i, d in enumerate(documents):
        if d.error:
            results[i] = assembly.failed(d, None, d.error)
            continue
        try:
            metas[i] = metadata.analyze(d, fallback=settings.published)
        except Exception as e:  # a bug in one article must not stop the run: it gets a row saying why
            results[i] = assembly.failed(d, None, f"metadata: {_one_line(e)}")
            _debug(settings, e)
            continue
        if not d.text.strip():
            results[i] = assembly.failed(d, metas[i], "empty article (no text)")
            continue
        todo.append(i)
    parsed = _parse(documents, todo, settings)
    for i, spacy_doc in parsed.items():
        d = documents[i]
        if isinstance(spacy_doc, BaseException):
            results[i] = assembly.failed(d, metas[i], f"nlp: {_one_line(spacy_doc)}")
            continue
        try:
            results[i] = _analyse(d, spacy_doc, metas[i])
        except Exception as e:
            results[i] = assembly.failed(d, metas[i], f"extraction: {_one_line(e)}")
            _debug(settings, e)
    return [r for r in results if r is not None]


def _parse(documents: Sequence[Document], todo: list[int], settings: Settings) -> dict:
    model = nlp.load(settings.model)
    texts = [documents[i].text for i in todo]
    out: dict = {}
    try:
        for i, doc in zip(todo, nlp.parse_many(model, texts, batch_size=settings.batch_size)):
            out[i] = doc
    except Exception:
        # one bad text spoils a batch: parse one by one to find it
        for i in todo:
            if i in out:
                continue
            try:
                out[i] = next(iter(nlp.parse_many(model, [documents[i].text], batch_size=1)))
            except Exception as e:
                out[i] = e
    return out


def _debug(settings: Settings, e: BaseException) -> None:
    if settings.verbose:
        traceback.print_exception(type(e), e, e.__traceback__, file=sys.stderr)


def process_text(text: str, metadata: Optional[Mapping[str, str]] = None, *, settings: Optional[Settings] = None,
                 article_id: str = "article") -> ArticleResult:
    """Extract claims, quantities, dates and entities from one article text.

    >>> r = process_text("Officials said 40 people died on Monday.", {"published": "2025-03-05"})  # doctest: +SKIP
    >>> r.claims[0].speaker.text, r.quantities[0].value  # doctest: +SKIP
    ('Officials', 40.0)
    """
    doc = Document(article_id=article_id, source_path="<text>", text=text, metadata=dict(metadata or {}))
    return _process_batch([doc], settings or Settings())[0]


# ------------------------------------------------------------------------------------------- workers
_worker_settings: Optional[Settings] = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings
    nlp.load(settings.model)  # once per process


def _work(batch: Sequence[Document]) -> list[ArticleResult]:
    return _process_batch(batch, _worker_settings)


def batches_of(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def in_order(tasks: Iterable, depth: int) -> Iterator:
    """The submitted ``tasks`` back in order, keeping at most ``depth`` in flight: ``tasks`` is a
    lazy iterable that submits one batch per step, so submission stops while the oldest is awaited."""
    window: collections.deque = collections.deque()
    for task in tasks:
        window.append(task)
        if len(window) >= depth:
            yield window.popleft()
    while window:
        yield window.popleft()


def process_many(documents: Iterable[Document], *, settings: Optional[Settings] = None,
                 progress: bool = False, total: Optional[int] = None) -> Iterator[ArticleResult]:
    """Results for ``documents`` in input order, parsed in batches, in worker processes if asked.

    Documents are read lazily and at most a few batches per worker are in flight, so memory stays
    flat whatever the corpus size. The pipeline is loaded only once there is work to do.
    """
    settings = settings or Settings()
    bar = _progress(progress, total)
    try:
        batches = batches_of(documents, settings.batch_size)
        if settings.workers <= 1:
            for batch in batches:
                for r in _process_batch(batch, settings):
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
    out: str
    articles: int = 0
    failed: int = 0
    claims: int = 0
    quantities: int = 0
    dates: int = 0
    errors: list[str] = field(default_factory=list)
    resumed: int = 0

    @property
    def ok(self) -> bool:
        return self.failed == 0


def run(inputs: Sequence[str | os.PathLike], out: str | os.PathLike, *, settings: Optional[Settings] = None,
        excel_safe: bool = False, fmt: str = "csv", resume: bool = False, engine: str = "local",
        scheduler: Optional[str] = None, client=None) -> RunSummary:
    """Process every article under ``inputs`` and write the tables into ``out``.

    Tables are written to temporary files and renamed into place at the end; every finished
    article is also appended to the run journal, so ``resume=True`` after a crash reuses what was
    done and writes exactly the tables an uninterrupted run writes.

    ``engine="dask"`` runs the batches on a Dask cluster (:mod:`extract.distributed`): a new
    LocalCluster, the one at ``scheduler``, or the given ``client``. Inputs and ``out`` may be
    fsspec URLs (:mod:`extract.remote`).
    """
    from . import remote

    settings = settings or Settings()
    with remote.local_inputs(list(inputs)) as (inputs, shown), remote.local_output(out, resume=resume) as out:
        return _run(inputs, shown, out, settings, excel_safe, fmt, resume, engine, scheduler, client)


def _run(inputs, shown, out, settings, excel_safe, fmt, resume, engine, scheduler, client) -> RunSummary:
    inputs = list(inputs)
    total = reading.count_articles(inputs)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".*.tmp"):
        stale.unlink(missing_ok=True)  # left by a killed run
    summary = RunSummary(out=str(out))
    journal = Journal(out, resume=resume)
    pending: collections.deque = collections.deque()

    def work() -> Iterator[Document]:
        for doc in reading.iter_documents(inputs, shown=shown):
            key = article_key(doc, settings)
            cached = journal.get(key)
            pending.append((key, cached))
            if cached is None:
                yield doc

    def tally(rows: dict) -> dict:
        art = rows["articles"][0]
        summary.articles += 1
        summary.claims += len(rows["claims"])
        summary.quantities += len(rows["quantities"])
        summary.dates += len(rows["dates"])
        if art["status"] != "ok":
            summary.failed += 1
            summary.errors.append(f"{art['source_path']}: {art['error']}")
        return rows

    def ordered_rows() -> Iterator[dict]:
        if engine == "dask":
            from . import distributed

            results = distributed.process_many(work(), settings=settings, client=client, scheduler=scheduler)
        else:
            results = process_many(work(), settings=settings, progress=settings.progress and (total or 0) > 3,
                                   total=total)
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
        output.write_rows(ordered_rows(), out, excel_safe=excel_safe, fmt=fmt)
    finally:
        journal.close()
    summary.resumed = len(journal.done)
    return summary
