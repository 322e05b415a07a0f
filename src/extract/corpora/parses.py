"""A parse cache for training and evaluation loops: each text parsed once per model.

Parsing is nearly all the time of a PolNeAR run; rules and tables are changed and measured many
times over the same texts. :func:`parsed` returns the docs of the texts, reading each from a spaCy
``DocBin`` file named by the hash of the text, under a folder named by the model, its version and
a hash of :mod:`extract.nlp` (which sets sentence boundaries), so a changed parser never serves stale
parses. Misses are parsed with :func:`extract.nlp.parse_many` and written atomically.

The folder is ``$EXTRACT_CACHE/parses`` (default ``~/.cache/extract/parses``), outside the
repository; delete it at will. ``extract run`` never reads it.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Optional, Sequence

import spacy
from spacy.tokens import Doc, DocBin

from .. import nlp as nlp_module

ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "LEMMA", "MORPH", "POS", "SPACY",
         "NORM", "SENT_START"]


def cache_root() -> Path:
    env = os.environ.get("EXTRACT_CACHE")
    return (Path(env) if env else Path.home() / ".cache" / "extract") / "parses"


def _folder(model: str, root: Optional[Path]) -> Path:
    nlp = nlp_module.load(model)
    code = hashlib.sha1(Path(nlp_module.__file__).read_bytes()).hexdigest()[:10]
    tag = f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '')}-spacy{spacy.__version__}-{code}"
    return (root or cache_root()) / tag


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parsed(texts: Sequence[str], *, model: str = "en_core_web_sm", root: Optional[Path] = None,
           batch_size: int = 16) -> list[Doc]:
    """The parsed docs of ``texts``, in order, from the cache where it has them."""
    nlp = nlp_module.load(model)
    folder = _folder(model, root)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Optional[Doc]] = [None] * len(texts)
    missing = []
    for i, t in enumerate(texts):
        path = folder / f"{_key(t)}.spacy"
        if path.exists():
            doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
            if doc.text == t:
                out[i] = doc
                continue
        missing.append(i)
    for i, doc in zip(missing, nlp_module.parse_many(nlp, [texts[i] for i in missing], batch_size=batch_size)):
        path = folder / f"{_key(texts[i])}.spacy"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(DocBin(attrs=ATTRS, docs=[doc]).to_bytes())
        os.replace(tmp, path)
        out[i] = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
    return out  # type: ignore[return-value]
