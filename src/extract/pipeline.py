"""The driver: calls the stages in order for each article.

reading -> metadata -> nlp -> entities -> attribution -> quantities -> dates -> assembly -> output

:func:`process_text` is the library entry point for one text; :func:`process_many` streams
documents through the stages in batches (in worker processes when ``settings.workers > 1``);
:func:`run` reads inputs and writes the tables. An article that fails at any stage becomes a
result with status ``error`` and a one-line reason; the run goes on.
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import os
import sys
import traceback
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Optional, Sequence

from . import assembly, attribution, dates, entities, metadata, nlp, output, quantities, reading
from .records import ArticleMeta, ArticleResult, Document
from .settings import Settings

log = logging.getLogger("extract")


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


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def process_many(documents: Iterable[Document], *, settings: Optional[Settings] = None,
                 progress: bool = False, total: Optional[int] = None) -> Iterator[ArticleResult]:
    """Results for ``documents`` in input order, parsed in batches, in worker processes if asked."""
    settings = settings or Settings()
    bar = _progress(progress, total)
    try:
        if settings.workers <= 1:
            nlp.load(settings.model)
            for batch in _batches(documents, settings.batch_size):
                for r in _process_batch(batch, settings):
                    bar.update(1)
                    yield r
            return
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,)) as pool:
            for results in pool.imap(_work, _batches(documents, settings.batch_size)):
                for r in results:
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

    @property
    def ok(self) -> bool:
        return self.failed == 0


def run(inputs: Sequence[str | os.PathLike], out: str | os.PathLike, *, settings: Optional[Settings] = None,
        excel_safe: bool = False, fmt: str = "csv") -> RunSummary:
    """Process every article under ``inputs`` and write the tables into ``out``."""
    settings = settings or Settings()
    documents = list(reading.iter_documents(inputs))
    summary = RunSummary(out=str(out))
    show = settings.progress and len(documents) > 3

    def counted(results: Iterator[ArticleResult]) -> Iterator[ArticleResult]:
        for r in results:
            summary.articles += 1
            summary.claims += len(r.claims)
            summary.quantities += len(r.quantities)
            summary.dates += len(r.dates)
            if r.status != "ok":
                summary.failed += 1
                summary.errors.append(f"{r.document.source_path}: {r.error or r.document.error}")
            yield r

    output.write_tables(counted(process_many(documents, settings=settings, progress=show, total=len(documents))),
                        out, excel_safe=excel_safe, fmt=fmt)
    return summary
