"""The run journal behind ``--resume``: every finished article's table rows, appended as it is done.

A run appends one JSON line per article to ``OUT/.extract-journal.jsonl``, keyed by a hash of
the article's text and metadata and of the pipeline (version, model, lexicons, fallback date).
``--resume`` reads it back and reuses the rows of every article whose key is unchanged, so a run
killed part-way ends, when resumed, with exactly the tables an uninterrupted run writes, and a
re-run on unchanged input costs no parsing at all. A line cut short by a kill is ignored.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Optional

from . import __version__
from .records import Document
from .settings import Settings, models_dir

NAME = ".extract-journal.jsonl"


@functools.lru_cache(maxsize=8)
def pipeline_version(model: str, published: Optional[str]) -> str:
    """A hash of what decides the output besides the article: code version, model, lexicons and
    the cue gate (``models/**/*.tsv``, ``*.json``), fallback date."""
    h = hashlib.sha256(f"{__version__}|{model}|{published}".encode())
    root = models_dir()
    files = [p for p in root.rglob("*") if p.suffix in (".tsv", ".json")] if root.exists() else []
    for path in sorted(files):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def article_key(doc: Document, settings: Settings) -> str:
    h = hashlib.sha256()
    h.update(pipeline_version(settings.model, settings.published).encode())
    for part in (doc.article_id, doc.source_path, str(doc.source_row), doc.error or "",
                 json.dumps(dict(doc.metadata), sort_keys=True), "|".join(doc.warnings), doc.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class Journal:
    """Append-only record of finished articles in an output folder."""

    def __init__(self, out_dir: str | os.PathLike, *, resume: bool):
        self.path = Path(out_dir) / NAME
        self.done: dict[str, dict] = {}
        if resume and self.path.exists():
            self.done = self._read()
        self._file = open(self.path, "a" if resume else "w", encoding="utf-8")

    def _read(self) -> dict[str, dict]:
        done = {}
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                try:
                    entry = json.loads(line)
                    done[entry["key"]] = entry["rows"]
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a kill
        return done

    def get(self, key: str) -> Optional[dict]:
        return self.done.get(key)

    def add(self, key: str, rows: dict) -> None:
        self._file.write(json.dumps({"key": key, "rows": rows}, ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()
