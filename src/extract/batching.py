"""One batch of articles through every stage, and the helpers both engines use to stream batches.

:func:`process_batch` is the per-batch driver: the article out of each web page, metadata, then
one ``nlp.pipe`` over the batch, then entities, attribution, quantities, dates and assembly for
each parsed English article (an article in another language keeps its row, with a warning). The local
engine (:mod:`extract.pipeline`) runs it in worker processes, the Dask engine
(:mod:`extract.distributed`) in cluster tasks; both cut the input into batches with
:func:`batches_of` and take results back in order with :func:`in_order`.

An article that fails at any stage becomes a result with status ``error`` and a one-line reason;
the rest of the batch goes on.
"""
from __future__ import annotations

import collections
import itertools
import sys
import traceback
from typing import Iterable, Iterator, Optional, Sequence

from . import assembly, attribution, dates, entities, language, metadata, nlp, quantities
from .reading import extract_page
from .records import ArticleMeta, ArticleResult, Document, replace
from .wrapping import restore_spans
from .settings import Settings

IN_FLIGHT_PER_WORKER = 3  # batches queued per worker: enough to keep it busy, few enough to stay flat


def one_line(e: BaseException) -> str:
    """``Type: first line of the message``, for an error row."""
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def analyse(document: Document, spacy_doc, meta: ArticleMeta) -> ArticleResult:
    """The stages after the parse, in order, for one article."""
    ents = entities.extract(spacy_doc, meta)
    claims = attribution.extract(spacy_doc, ents, meta)
    quants = quantities.extract(spacy_doc, meta)
    times = dates.extract(spacy_doc, meta)
    sentences = tuple((s.start_char, s.end_char) for s in spacy_doc.sents)
    result = assembly.assemble(document, meta, entities=ents, claims=claims, quantities=quants, dates=times,
                               sentences=sentences)
    if nlp.text_of(spacy_doc) != document.text:  # parsed unwrapped: span texts from the text as read
        result = restore_spans(result, document.text)
    return result


def process_batch(documents: Sequence[Document], settings: Settings) -> list[ArticleResult]:
    """All stages for a batch of documents, one result per document in order; failures become
    error results."""
    results: list[Optional[ArticleResult]] = [None] * len(documents)
    metas: list[Optional[ArticleMeta]] = [None] * len(documents)
    todo: list[int] = []
    documents = [_article_of(d, settings) for d in documents]  # web pages: the article in the page
    for i, d in enumerate(documents):
        if d.error:
            results[i] = assembly.failed(d, None, d.error)
            continue
        try:
            metas[i] = metadata.analyze(d, fallback=settings.published)
        except Exception as e:  # a bug in one article must not stop the run: it gets a row saying why
            results[i] = assembly.failed(d, None, f"metadata: {one_line(e)}")
            _debug(settings, e)
            continue
        if not d.text.strip():
            results[i] = assembly.failed(d, metas[i], "empty article (no text)")
            continue
        if not language.is_english(metas[i].language):
            note = language.skipped_note(metas[i].language)
            results[i] = ArticleResult(document=d, meta=replace(metas[i], warnings=metas[i].warnings + (note,)))
            continue
        todo.append(i)
    for i, spacy_doc in _parse(documents, todo, settings).items():
        d = documents[i]
        if isinstance(spacy_doc, BaseException):
            results[i] = assembly.failed(d, metas[i], f"nlp: {one_line(spacy_doc)}")
            continue
        try:
            results[i] = analyse(d, spacy_doc, metas[i])
        except Exception as e:
            results[i] = assembly.failed(d, metas[i], f"extraction: {one_line(e)}")
            _debug(settings, e)
    return [r for r in results if r is not None]


def _article_of(document: Document, settings: Settings) -> Document:
    """The document with its web page (if any) replaced by the article in it; a failure is its error."""
    try:
        return extract_page(document)
    except Exception as e:  # the page's row says why; the batch goes on
        _debug(settings, e)
        return replace(document, markup=None, error=f"page: {one_line(e)}")


def _parse(documents: Sequence[Document], todo: list[int], settings: Settings) -> dict:
    """Parsed docs (or the exception that stopped one) by position in ``documents``."""
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


def batches_of(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``documents`` in lists of ``size`` (the last may be shorter), read lazily."""
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
