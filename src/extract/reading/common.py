"""What every reader shares: article ids, metadata columns, one-line reasons, and the last check
every Document passes (lone surrogates repaired and noted)."""
from __future__ import annotations

import hashlib
import re
from typing import Mapping, Optional

from ..records import Document
from .decoding import repair_surrogates

META_KEYS = ("id", "title", "publisher", "published", "url")
META_ALIASES = {"date": "published", "source": "publisher", "headline": "title"}


def article_id(stem: str, key: str) -> str:
    """A readable, stable id: a slug of ``stem`` and a hash of ``key`` (path and row)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")[:40] or "article"
    return f"{slug}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def meta(row: Mapping) -> dict[str, str]:
    """The metadata columns of a sidecar or a record (``date`` -> ``published``, ...)."""
    out: dict[str, str] = {}
    for k, v in row.items():
        if k is None or v is None or isinstance(v, (dict, list)):
            continue
        key = META_ALIASES.get(str(k).strip().lower(), str(k).strip().lower())
        if key in META_KEYS and key not in out and str(v).strip():
            out[key] = str(v).strip()
    return out


def reason(e: BaseException) -> str:
    """One line saying why reading failed."""
    if isinstance(e, OSError):
        return f"{e.strerror or type(e).__name__}"
    if isinstance(e, RecursionError):
        return "nested too deeply to read"
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return msg or type(e).__name__


def checked(doc: Document) -> Document:
    """``doc`` with lone surrogates in its text, page and metadata replaced by U+FFFD (they cannot
    be written as UTF-8; one code point for one, so offsets hold) and a warning saying how many."""
    from dataclasses import replace

    text, n = repair_surrogates(doc.text)
    markup, m = repair_surrogates(doc.markup) if doc.markup is not None else (None, 0)
    md = {}
    k = 0
    for key, value in doc.metadata.items():
        md[key], j = repair_surrogates(value) if isinstance(value, str) else (value, 0)
        k += j
    if not (n or m or k):
        return doc
    where = ", ".join(w for w, c in (("text", n), ("page", m), ("metadata", k)) if c)
    note = f"{n + m + k} lone surrogate code point(s) in the {where} replaced by U+FFFD"
    return replace(doc, text=text, markup=markup, metadata=md, warnings=doc.warnings + (note,))


def failed(stem: str, key: str, shown: str, error: str, *, row: Optional[int] = None,
           metadata: Optional[Mapping[str, str]] = None, warnings: tuple[str, ...] = ()) -> Document:
    """A Document that could not be read: an ``articles.csv`` row saying why."""
    md = dict(metadata or {})
    return Document(md.get("id") or article_id(stem, key), shown, "", source_row=row, metadata=md,
                    error=error, warnings=warnings)
