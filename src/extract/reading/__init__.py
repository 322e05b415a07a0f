"""Reading: walk the inputs and turn every article into a :class:`~extract.records.Document`.

* A folder is walked recursively (sorted, symlink loops skipped).
* ``NAME.txt`` is one article; ``NAME.json`` beside it is its metadata sidecar. Hard-wrapped text
  is read as it is; the parser reads its paragraphs (:mod:`extract.wrapping`).
* ``.csv``, ``.jsonl`` and ``.json`` files hold one article per row / line / list item, with a
  ``text`` column (or an ``html`` column holding a web page) and optional ``id``, ``title``,
  ``publisher``, ``published`` (or ``date``), ``url``. They are streamed
  (:mod:`~extract.reading.collection`): memory does not grow with the file.
* ``.html`` / ``.htm`` is one web page (:mod:`~extract.reading.html`); ``.warc`` / ``.warc.gz`` a
  crawl archive of many (:mod:`~extract.reading.warc`). Their article is extracted from the page
  in the worker, as the first step of processing.
* Bytes are decoded by :mod:`~extract.reading.decoding`: the BOM, then UTF-8, then
  charset-normalizer; line ends as Python's text mode reads them. Nothing else is changed, but a
  lone surrogate (which no file can hold) becomes U+FFFD, with a warning.

An input that cannot be read still yields a Document, with ``error`` set: it becomes an
``articles.csv`` row with status ``error``, never a traceback. Whatever goes wrong while reading
one input (a JSON file of 200,000 nested brackets, a damaged archive) is that input's error row,
after the articles read from it before the problem; the run goes on with the next input.
"""
from __future__ import annotations

import collections
import json
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..records import Document
from .collection import CollectionError, iter_rows
from .common import article_id, checked, failed, meta, reason
from .decoding import decode, repair_surrogates
from .html import HTML_SUFFIXES, extract_page, page_document
from .warc import is_warc, read_warc

__all__ = ["InputError", "SkipOutputs", "iter_documents", "count_articles", "read_text_file", "decode", "extract_page"]

TEXT_SUFFIXES = {".txt"}
COLLECTION_SUFFIXES = {".csv", ".jsonl", ".json"}


class InputError(ValueError):
    """An input path that does not exist or holds nothing readable."""


class SkipOutputs:
    """Which folders a walk passes over: the run's own output folder, and any folder an
    ``extract`` run wrote (it holds a ``datapackage.json`` named ``extract-output``), so that
    running again over ``data/`` with ``--out data/out`` never reads its own tables as articles.
    ``skipped`` lists each folder passed over, once."""

    def __init__(self, *folders: str | os.PathLike):
        self.folders = {os.path.realpath(f) for f in folders}
        self.skipped: list[str] = []

    def __call__(self, folder: str | os.PathLike) -> bool:
        real = os.path.realpath(folder)
        if real in self.folders or _is_output(Path(folder)):
            if str(folder) not in self.skipped:
                self.skipped.append(str(folder))
            return True
        return False


def _is_output(folder: Path) -> bool:
    try:
        return json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("name") == "extract-output"
    except (OSError, ValueError, AttributeError):
        return False


def iter_documents(inputs: Iterable[str | os.PathLike], *, shown: Optional[list[str]] = None,
                   skip: Optional[SkipOutputs] = None, counts: Optional[collections.Counter] = None
                   ) -> Iterator[Document]:
    """Yield one Document per article in the inputs, in a stable order, lazily.

    ``shown`` gives, input by input, the name to report in ``source_path`` (the URL a remote
    input was fetched from); by default the input as given. Folders ``skip`` names are not walked.
    ``counts`` (a Counter) receives what was passed over without being an article (WARC records
    that are not HTML pages).

    >>> docs = list(iter_documents(["data/raw"]))  # doctest: +SKIP
    """
    seen_ids: dict[str, int] = {}
    inputs = list(inputs)
    for k, inp in enumerate(inputs):
        root = Path(inp)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"input not found: {inp}")
        for path, shown_path in _walk(root, shown[k] if shown else str(inp), skip):
            for doc in _guarded(path, shown_path, counts):
                n = seen_ids.get(doc.article_id, 0)
                seen_ids[doc.article_id] = n + 1
                if n:
                    doc = replace(doc, article_id=f"{doc.article_id}-{n + 1}")
                yield doc


def count_articles(inputs: Iterable[str | os.PathLike], *, skip: Optional[SkipOutputs] = None) -> Optional[int]:
    """How many articles the inputs hold, for a progress bar; None when collections or archives
    make it costly to know."""
    n = 0
    for inp in inputs:
        root = Path(inp)
        if not root.exists():
            return None
        for path, _ in _walk(root, str(inp), skip):
            if path.suffix.lower() in COLLECTION_SUFFIXES or is_warc(path):
                return None
            n += 1
    return n


def is_input(path: Path) -> bool:
    """Whether a file in a walked folder is read (by its name)."""
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES or suffix in COLLECTION_SUFFIXES or suffix in HTML_SUFFIXES or is_warc(path)


def _walk(root: Path, shown: str, skip: Optional[SkipOutputs] = None) -> Iterator[tuple[Path, str]]:
    if not root.is_dir():
        yield root, shown
        return
    if skip is not None and skip(root):
        return
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink loop or a second way in
            dirnames[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not (skip is not None and skip(os.path.join(dirpath, d))))
        names = set(filenames)
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name.startswith("."):
                continue
            if p.suffix.lower() == ".json" and (p.stem + ".txt") in names:
                continue  # a sidecar, read with its .txt
            if is_input(p):
                rel = p.relative_to(root)
                yield p, os.path.join(shown, str(rel))


def _guarded(path: Path, shown: str, counts: Optional[collections.Counter]) -> Iterator[Document]:
    """The documents of one input; any exception while reading it becomes one error row for it,
    after the documents read before the problem (a bug or an odd file must not stop the run)."""
    done = 0
    last_row: Optional[int] = None
    try:
        for doc in _read_path(path, shown, counts):
            done += 1
            last_row = doc.source_row
            yield doc
    except Exception as e:  # noqa: BLE001 - the input's row says why; the run goes on
        row = None if last_row is None else last_row + 1
        where = f" after {done} articles" if done else ""
        yield failed(path.stem, f"{shown}#failed", shown, f"reading stopped{where}: {type(e).__name__}: {reason(e)}",
                     row=row)


def _read_path(path: Path, shown: str, counts: Optional[collections.Counter]) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if is_warc(path):
        yield from read_warc(path, shown, counts)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, shown)
    elif suffix in COLLECTION_SUFFIXES:
        yield from read_collection(path, shown)
    else:
        yield read_text_file(path, shown)


def read_collection(path: Path, shown: str) -> Iterator[Document]:
    """One Document per record of a ``.csv`` / ``.jsonl`` / ``.json`` collection, streamed."""
    try:
        for row in iter_rows(path):
            key = f"{shown}#{row.number}"
            fields = row.fields or {}
            md = meta(fields)
            aid = md.get("id") or article_id(f"{path.stem}-{row.number}", key)
            warnings = tuple(row.warnings)
            if row.error:
                yield Document(aid, shown, "", source_row=row.number, metadata=md, error=row.error, warnings=warnings)
                continue
            body = fields.get("text")
            page = fields.get("html")
            if not (isinstance(body, str) and body.strip()) and isinstance(page, str) and page.strip():
                page, bad = repair_surrogates(page)
                if bad:
                    warnings += (f"{bad} lone surrogate code point(s) in the page replaced by U+FFFD",)
                yield page_document(page.encode("utf-8"), article_id=aid, source_path=shown, source_row=row.number,
                                    metadata=md, warnings=warnings)
                continue
            if not isinstance(body, str):
                error = ("record has no 'text' column" if body is None else
                         f"'text' is a {type(body).__name__}, not a string")
                yield Document(aid, shown, "", source_row=row.number, metadata=md, error=error, warnings=warnings)
                continue
            yield checked(Document(aid, shown, body, source_row=row.number, metadata=md, warnings=warnings))
    except CollectionError as e:
        yield failed(path.stem, shown, shown, f"unreadable {path.suffix.lower()[1:]} collection: {e}")
    except OSError as e:
        yield failed(path.stem, shown, shown, reason(e))


def read_html_file(path: Path, shown: str) -> Document:
    """One web page file (its article still to be extracted)."""
    aid = article_id(path.stem, shown)
    try:
        data = path.read_bytes()
    except OSError as e:
        return Document(aid, shown, "", error=reason(e), kind="html")
    return page_document(data, article_id=aid, source_path=shown)


def read_text_file(path: Path, shown: str) -> Document:
    """Read one ``.txt`` article and its optional ``.json`` sidecar."""
    warnings: list[str] = []
    md: dict[str, str] = {}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8-sig"))
            if isinstance(loaded, dict):
                md = meta(loaded)
            else:
                warnings.append(f"sidecar {sidecar.name} is not a JSON object; ignored")
        except (OSError, ValueError, RecursionError) as e:
            warnings.append(f"sidecar {sidecar.name} unreadable ({reason(e)}); ignored")
    aid = md.get("id") or article_id(path.stem, shown)
    try:
        data = path.read_bytes()
    except OSError as e:
        return Document(aid, shown, "", metadata=md, error=reason(e), warnings=tuple(warnings))
    if looks_like_page(data):
        warnings.append("a .txt file holding a whole HTML page: read as a web page")
        return page_document(data, article_id=aid, source_path=shown, metadata=md, warnings=tuple(warnings))
    try:
        text, enc = decode(data)
    except ValueError as e:
        return Document(aid, shown, "", metadata=md, error=str(e), warnings=tuple(warnings))
    return checked(Document(aid, shown, text, metadata=md, encoding=enc, warnings=tuple(warnings)))


_PAGE_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def looks_like_page(data: bytes) -> bool:
    """Whether a ``.txt`` file is really a saved web page (it opens with ``<!DOCTYPE html>`` or
    ``<html``): scrapers often save pages so. A text that only mentions a tag is left alone."""
    return bool(_PAGE_START.match(data[:4096]))
