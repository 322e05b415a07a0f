"""The run journal behind ``--resume``: every finished article's table rows, appended as it is done.

A run appends one JSON line per article to ``OUT/.extract-journal.jsonl``, keyed by a hash of
the article's text and metadata and of the pipeline: the installed package's code (every ``.py``
and template file of :mod:`extract`), its models folder (lexicons, trained components, model
cards), the spaCy model and the fallback date. ``--resume`` reads it back and reuses the rows of
every article whose key is unchanged, so a run killed part-way ends, when resumed, with exactly
the tables an uninterrupted run writes; a re-run on unchanged input costs no parsing at all; and
after an upgrade, or any change to a rule or a model file, every article is processed again. A
line cut short by a kill is ignored.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Optional

from .records import Document
from .settings import Settings, models_dir

NAME = ".extract-journal.jsonl"
PACKAGE = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".j2")


def _tree_hash(root: Path, suffixes: Optional[tuple[str, ...]] = None) -> str:
    """A hash of every file below ``root`` (of the given suffixes), names and contents, in a fixed order."""
    h = hashlib.sha256()
    if root.is_dir():
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and (suffixes is None or p.suffix in suffixes))
        for path in files:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(b"\x00")
            h.update(path.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=8)
def code_fingerprint(package: Path = PACKAGE) -> str:
    """A hash of the package's code, computed once per process."""
    return _tree_hash(package, CODE_SUFFIXES)


@functools.lru_cache(maxsize=8)
def models_fingerprint(models: Path) -> str:
    """A hash of a models folder, computed once per process."""
    return _tree_hash(models)


def pipeline_version(settings: Settings) -> str:
    """A hash of everything besides the article that decides its rows."""
    h = hashlib.sha256()
    for part in (code_fingerprint(), models_fingerprint(models_dir()), settings.model,
                 str(settings.published)):
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()[:16]


def article_key(doc: Document, settings: Settings) -> str:
    h = hashlib.sha256()
    h.update(pipeline_version(settings).encode())
    for part in (doc.article_id, doc.source_path, str(doc.source_row), doc.error or "",
                 json.dumps(dict(doc.metadata), sort_keys=True), "|".join(doc.warnings), doc.text,
                 doc.markup or ""):
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
