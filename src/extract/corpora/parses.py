"""A parse cache for training and evaluation loops: each text parsed once per model.

Parsing is nearly all the time of a PolNeAR run; rules and tables are changed and measured many
times over the same texts. :func:`parsed` returns the docs of the texts, reading each from a spaCy
``DocBin`` file named by the hash of the text, under a folder named by the model, its version and
a hash of :mod:`extract.nlp` (which sets sentence boundaries), so a changed parser never serves stale
parses. Misses are parsed with :func:`extract.nlp.parse_many` and written atomically.

A ``DocBin`` does not keep ``doc.tensor`` (the output of the pipeline's ``tok2vec``, which the
learnt judges of :mod:`extract.attribution.cue_model` and :mod:`.claim_model` read), so each entry
has the tensor beside it, ``KEY.t2v.npy`` (float16, as the judges read it at run time too:
:func:`extract.attribution.cue_model.token_vectors`), and docs come back with ``doc.tensor`` set,
as ``extract run`` has it. An entry written before the tensors were kept gets its tensor from the
``tok2vec`` component run on the cached tokens: ``tok2vec`` reads only the tokens' lexical
attributes (norm, prefix, suffix, shape), so this is the tensor the whole pipeline would set (only
a text over :data:`extract.nlp.PIECE_CHARS`, parsed in pieces, can differ near a cut).

The folder is ``$EXTRACT_CACHE/parses`` (default ``~/.cache/extract/parses``), outside the
repository; delete it at will. ``extract run`` never reads it.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Optional, Sequence

import spacy
import numpy as np
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


def _tensor_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(".spacy")] + ".t2v.npy")


def _write_tensor(path: Path, tensor) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        np.save(f, np.asarray(tensor, dtype=np.float16))
    os.replace(tmp, path)


def _read_tensor(path: Path, n_tokens: int) -> Optional[np.ndarray]:
    if not path.exists():
        return None
    arr = np.load(path, allow_pickle=False)
    return arr if arr.ndim == 2 and arr.shape[0] == n_tokens else None


def _with_tensors(nlp, docs: list[Doc], paths: list[Path]) -> None:
    """Set ``doc.tensor`` on docs read from the cache: from the file beside the entry, else from
    the ``tok2vec`` component on the cached tokens (then written beside it)."""
    todo = []
    for doc, path in zip(docs, paths):
        arr = _read_tensor(_tensor_path(path), len(doc))
        if arr is None:
            todo.append((doc, path))
        else:
            doc.tensor = arr.astype(np.float32)
    if not todo or "tok2vec" not in nlp.pipe_names:
        return
    t2v = nlp.get_pipe("tok2vec")
    for (doc, path), tensor in zip(todo, t2v.predict([d for d, _ in todo])):
        _write_tensor(_tensor_path(path), tensor)
        doc.tensor = np.asarray(tensor, dtype=np.float16).astype(np.float32)


def parsed(texts: Sequence[str], *, model: str = "en_core_web_sm", root: Optional[Path] = None,
           batch_size: int = 16) -> list[Doc]:
    """The parsed docs of ``texts``, in order, from the cache where it has them."""
    nlp = nlp_module.load(model)
    folder = _folder(model, root)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Optional[Doc]] = [None] * len(texts)
    missing = []
    hits, hit_paths = [], []
    for i, t in enumerate(texts):
        path = folder / f"{_key(t)}.spacy"
        if path.exists():
            doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
            if doc.text == t:
                out[i] = doc
                hits.append(doc), hit_paths.append(path)
                continue
        missing.append(i)
    _with_tensors(nlp, hits, hit_paths)
    for i, doc in zip(missing, nlp_module.parse_many(nlp, [texts[i] for i in missing], batch_size=batch_size)):
        path = folder / f"{_key(texts[i])}.spacy"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(DocBin(attrs=ATTRS, docs=[doc]).to_bytes())
        os.replace(tmp, path)
        _write_tensor(_tensor_path(path), doc.tensor)
        out[i] = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
        out[i].tensor = np.asarray(doc.tensor, dtype=np.float16).astype(np.float32)
    return out  # type: ignore[return-value]
