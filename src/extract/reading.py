"""Reading: walk the inputs and turn every article into a :class:`~extract.records.Document`.

* A folder is walked recursively (sorted, symlink loops skipped).
* ``NAME.txt`` is one article; ``NAME.json`` beside it is its metadata sidecar.
* ``.csv``, ``.jsonl`` and ``.json`` files hold one article per row / line / list item, with a
  ``text`` column and optional ``id``, ``title``, ``publisher``, ``published`` (or ``date``), ``url``.
* Bytes are decoded with the BOM when there is one, then strict UTF-8, then charset-normalizer's
  best guess (cp1252, Latin-1, ...). Line ends are read as Python's text mode reads them (``\\r\\n``
  and ``\\r`` become ``\\n``), so offsets match ``open(path).read()``. Nothing else is changed.

An input that cannot be read still yields a Document, with ``error`` set: it becomes an
``articles.csv`` row with status ``error``, never a traceback.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .records import Document

TEXT_SUFFIXES = {".txt"}
COLLECTION_SUFFIXES = {".csv", ".jsonl", ".json"}
META_KEYS = ("id", "title", "publisher", "published", "url")
META_ALIASES = {"date": "published", "source": "publisher", "headline": "title"}

csv.field_size_limit(2**31 - 1)


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


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return (text, encoding). Raises ValueError for binary data."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            # utf-8 keeps the BOM as U+FEFF, as open(path, encoding="utf-8") does.
            return _newlines(data.decode(enc)), enc + ("-sig" if enc == "utf-8" else "")
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 20:
        guess = _guess(data)
        if guess is None or guess[1] not in {"utf_16", "utf_16_le", "utf_16_be", "utf_32"}:
            raise ValueError("binary file (NUL bytes), not text")
        return guess
    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess is None:
        raise ValueError("binary file: no text encoding fits")
    return guess


def _guess(data: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if _control_share(text) > 0.1:
        return None
    return _newlines(text), best.encoding


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad / len(sample)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _meta(row: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in row.items():
        if k is None or v is None:
            continue
        key = META_ALIASES.get(str(k).strip().lower(), str(k).strip().lower())
        if key in META_KEYS and key not in out and str(v).strip():
            out[key] = str(v).strip()
    return out


def _article_id(stem: str, key: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")[:40] or "article"
    return f"{slug}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def iter_documents(inputs: Iterable[str | os.PathLike], *, shown: Optional[list[str]] = None,
                   skip: Optional[SkipOutputs] = None) -> Iterator[Document]:
    """Yield one Document per article in the inputs, in a stable order.

    ``shown`` gives, input by input, the name to report in ``source_path`` (the URL a remote
    input was fetched from); by default the input as given. Folders ``skip`` names are not walked.

    >>> docs = list(iter_documents(["data/raw"]))  # doctest: +SKIP
    """
    seen_ids: dict[str, int] = {}
    inputs = list(inputs)
    for k, inp in enumerate(inputs):
        root = Path(inp)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"input not found: {inp}")
        for path, shown_path in _walk(root, shown[k] if shown else str(inp), skip):
            for doc in _read_path(path, shown_path):
                n = seen_ids.get(doc.article_id, 0)
                seen_ids[doc.article_id] = n + 1
                if n:
                    from dataclasses import replace
                    doc = replace(doc, article_id=f"{doc.article_id}-{n + 1}")
                yield doc


def count_articles(inputs: Iterable[str | os.PathLike], *, skip: Optional[SkipOutputs] = None) -> Optional[int]:
    """How many articles the inputs hold, for a progress bar; None when collections make it costly."""
    n = 0
    for inp in inputs:
        root = Path(inp)
        if not root.exists():
            return None
        for path, _ in _walk(root, str(inp), skip):
            if path.suffix.lower() in COLLECTION_SUFFIXES:
                return None
            n += 1
    return n


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
            suffix = p.suffix.lower()
            if name.startswith("."):
                continue
            if suffix == ".json" and (p.stem + ".txt") in names:
                continue  # a sidecar, read with its .txt
            if suffix in TEXT_SUFFIXES or suffix in COLLECTION_SUFFIXES:
                rel = p.relative_to(root)
                yield p, os.path.join(shown, str(rel))


def _read_path(path: Path, shown: str) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix not in COLLECTION_SUFFIXES:
        yield read_text_file(path, shown)
        return
    try:
        text, _enc = decode(path.read_bytes())
    except (OSError, ValueError) as e:
        yield Document(_article_id(path.stem, shown), shown, "", error=_reason(e))
        return
    try:
        rows = list(_collection_rows(text, suffix))
    except ValueError as e:
        yield Document(_article_id(path.stem, shown), shown, "", error=f"unreadable {suffix[1:]} collection: {e}")
        return
    for i, row in enumerate(rows, start=1):
        key = f"{shown}#{i}"
        meta = _meta(row) if isinstance(row, dict) else {}
        aid = meta.get("id") or _article_id(f"{path.stem}-{i}", key)
        body = row.get("text") if isinstance(row, dict) else None
        if not isinstance(body, str):
            yield Document(aid, shown, "", source_row=i, metadata=meta,
                           error="record has no 'text' column" if body is None else "'text' is not a string")
            continue
        yield Document(aid, shown, body, source_row=i, metadata=meta)


def _collection_rows(text: str, suffix: str) -> Iterator[dict]:
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if reader.fieldnames is None or "text" not in [f.strip().lower() for f in reader.fieldnames]:
            raise ValueError("no 'text' column")
        for row in reader:
            yield {(k or "").strip().lower(): v for k, v in row.items()}
    elif suffix == ".jsonl":
        for n, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    obj = {"__error__": f"line {n}: {e}"}
                yield obj if isinstance(obj, dict) else {}
    else:
        data = json.loads(text)
        if isinstance(data, dict):
            data = data.get("articles") or data.get("data") or [data]
        if not isinstance(data, list):
            raise ValueError("expected a list of objects")
        for obj in data:
            yield obj if isinstance(obj, dict) else {}


def read_text_file(path: Path, shown: str) -> Document:
    """Read one ``.txt`` article and its optional ``.json`` sidecar."""
    warnings: list[str] = []
    meta: dict[str, str] = {}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8-sig"))
            if isinstance(loaded, dict):
                meta = _meta(loaded)
            else:
                warnings.append(f"sidecar {sidecar.name} is not a JSON object; ignored")
        except (OSError, ValueError) as e:
            warnings.append(f"sidecar {sidecar.name} unreadable ({_reason(e)}); ignored")
    aid = meta.get("id") or _article_id(path.stem, shown)
    try:
        data = path.read_bytes()
    except OSError as e:
        return Document(aid, shown, "", metadata=meta, error=_reason(e), warnings=tuple(warnings))
    try:
        text, enc = decode(data)
    except ValueError as e:
        return Document(aid, shown, "", metadata=meta, error=str(e), warnings=tuple(warnings))
    return Document(aid, shown, text, metadata=meta, encoding=enc, warnings=tuple(warnings))


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError):
        return f"{e.strerror or type(e).__name__}"
    return str(e).splitlines()[0] if str(e) else type(e).__name__
