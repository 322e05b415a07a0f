"""A learnt gate for verb cues: does this verb, in this sentence, attribute something?

The cue lexicon says how often a lemma is a cue; the verb's context says much more: "support" with
a person as subject and a candidate as object is PolNeAR's endorsement, "support" with a beam as
subject is not; a rare verb ("chastised", "grilled") with a person subject and a clausal complement
is likely a cue though no list has it. A logistic regression over sparse features of the verb and
its dependency neighbourhood (lemma, dependency label, tag, the labels of its children, the kind of
its subject and object, the complementiser, quote marks next to it) is trained on PolNeAR's
training split by ``python -m extract.training.cue_model`` and stored in ``models/cues/`` as
``cue_model.tsv`` (feature, weight) and ``cue_model.json`` (thresholds, provenance).

A lexicon verb stays a cue unless P(cue) < ``veto`` (0.0 now: the claim check of :mod:`.claim_model`
judges the whole claim better than the gate judges the verb; train-validation with the veto at 0.15
before: source exact F1 -0.2 point, relation -0.2, cue -0.1, content unchanged); a verb outside the
lexicon becomes one when P(cue) >= ``threshold`` (0.4 since the dense features below: relation
F1 0.7412 -> 0.7433 on train-validation, all five folds up; 0.5 before, and 0.7 before the claim
check was there to drop the extra candidates: train-validation relation F1 +0.3 point). The model only gates: content,
source and cue extent still come from the rules of :mod:`.content`, :mod:`.sources` and
:mod:`.builders`. Without the files the lexicon decides alone.

Beside the sparse features the gate weighs dense ones (:class:`Dense`): the contextual vectors
spaCy's ``tok2vec`` already computed for the parse (``doc.tensor``, 96 wide, about four tokens of
context each side) of the verb, its subject and its complement (:func:`gate_slots`), standardised
with the training mean and deviation; they tell a verb's sense and frame beyond its lemma and
labels. Measured on PolNeAR train-validation (gate and claim check retrained per fold):
relation F1 0.7400 -> 0.7412, higher on four folds of five (-0.0004 on the fifth); exact F1
source 0.7419 -> 0.7437, content 0.6131 -> 0.6155, cue 0.6879 -> 0.6880. Scored with one matrix
product per doc (about 2-3% of attribution's time). A doc without vectors of that width (a
hand-built Doc, another pipeline) gets the sparse score alone.
"""
from __future__ import annotations

import csv
import json
import math
from itertools import repeat
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

QUOTE_MARKS = frozenset('"“”‘’\'')
COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "csubj")
_CACHE_KEY = "extract_cue_probs"


def is_candidate(tok: Token) -> bool:
    """The tokens the model scores: verbs, and auxiliaries that head a clause ("is" in "she is sure")."""
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "ccomp", "conj"))


VECTOR_WIDTH = 96  # en_core_web_sm's tok2vec width


def token_vectors(doc: Doc) -> Optional[np.ndarray]:
    """The doc's contextual token vectors (``doc.tensor``, the pipeline's ``tok2vec`` output), rounded
    to float16 as the parse cache of :mod:`extract.corpora.parses` keeps them, so training,
    evaluation and ``extract run`` see the same numbers; None when the doc has none of the expected
    width (a hand-built Doc, another pipeline): the dense features then add nothing."""
    key = "extract_t2v"
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached[0]
    t = doc.tensor
    arr = None
    if isinstance(t, np.ndarray) and t.ndim == 2 and t.shape == (len(doc), VECTOR_WIDTH):
        arr = _half(t) if t.dtype == np.float32 else np.asarray(t, dtype=np.float16).astype(np.float32)
    doc.user_data[key] = (arr,)
    return arr


def _half(t: np.ndarray) -> np.ndarray:
    """``t.astype(np.float16).astype(np.float32)`` for a float32 array, bit for bit, in a third of
    the time (numpy's float16 cast took 3% of attribution's time): each mantissa is rounded from 23
    bits to float16's 10 in integer arithmetic, to nearest and ties to even as the cast rounds; the
    values outside float16's normal range (under 2**-14, over 65504, NaN) take numpy's cast."""
    t = np.ascontiguousarray(t)
    bits = t.view(np.uint32)
    out = ((bits + np.uint32(0x0FFF) + ((bits >> np.uint32(13)) & np.uint32(1))) & np.uint32(0xFFFFE000)).view(np.float32)
    odd = ~((np.abs(t) >= np.float32(2.0 ** -14)) & (np.abs(out) <= np.float32(65504.0)))
    if odd.any():
        out[odd] = t[odd].astype(np.float16).astype(np.float32)
    return out


GATE_SLOTS = ("verb", "subj", "comp")


def gate_slots(tok: Token) -> tuple[int, int, int]:
    """The tokens whose vectors the gate reads for a candidate verb: the verb, its subject and its
    complement (clause, object or preposition), -1 where there is none (the first child of each
    kind, found in one pass over the children)."""
    subj = comp = -1
    for c in tok.children:
        d = c.dep_
        if d in ("nsubj", "nsubjpass"):
            subj = c.i if subj < 0 else subj
        elif d in ("ccomp", "xcomp", "dobj"):
            comp = c.i if comp < 0 else comp
    return tok.i, subj, comp


def doc_gate_slots(doc: Doc) -> np.ndarray:
    """:func:`gate_slots` of every token of the doc at once (tokens x 3), from the head and
    dependency arrays: the first child of each kind is the lowest index among them."""
    n = len(doc)
    idx = np.arange(n, dtype=np.int64)
    arr = doc.to_array([HEAD, DEP])
    head = arr[:, 0].astype(np.int64) + idx
    dep = arr[:, 1]
    strings = doc.vocab.strings
    out = np.full((n, 3), -1, dtype=np.int64)
    out[:, 0] = idx
    for k, labels in ((1, ("nsubj", "nsubjpass")), (2, ("ccomp", "xcomp", "dobj"))):
        child = np.isin(dep, np.array([strings[d] for d in labels], dtype=dep.dtype)) & (head != idx)
        first = np.full(n, n, dtype=np.int64)
        np.minimum.at(first, head[child], idx[child])
        out[:, k] = np.where(first < n, first, -1)
    return out


@dataclass(frozen=True)
class Dense:
    """A linear score over standardised token vectors of named slots (a verb, its subject, ...).

    ``mean``/``std`` (slot x width) are the training statistics, ``weights`` (slot x width) the
    weights learnt on the standardised vectors; a slot with no token (-1) or a doc without vectors
    adds nothing, as a standardised zero vector would. The scores of every token of a doc for every
    slot are one matrix product, computed once per doc and model."""
    slots: tuple
    mean: np.ndarray
    std: np.ndarray
    weights: np.ndarray

    def token_scores(self, doc: Doc) -> Optional[np.ndarray]:
        """(tokens x slots): each token's contribution were it in each slot; None without vectors."""
        key = "extract_dense_scores"
        per_doc = doc.user_data.setdefault(key, {})
        hit = per_doc.get(id(self))
        if hit is not None and hit[0] is self:
            return hit[1]
        vecs = token_vectors(doc)
        out = None
        if vecs is not None:
            scale = self.weights / self.std  # (slots, width)
            out = vecs @ scale.T - (self.mean * scale).sum(axis=1)
        per_doc[id(self)] = (self, out)
        return out

    def score(self, doc: Doc, idx: Sequence[int]) -> float:
        scores = self.token_scores(doc)
        if scores is None:
            return 0.0
        return float(sum(scores[i, k] for k, i in enumerate(idx) if i >= 0))

    def scores(self, doc: Doc, idx: np.ndarray) -> Optional[list[float]]:
        """:meth:`score` of each row of ``idx`` (rows x slots, -1 where a slot has no token) in one
        vectorised pass: the same float32 sums, slot by slot in the same order (an absent slot
        adds a zero); None without vectors."""
        scores = self.token_scores(doc)
        if scores is None:
            return None
        total = np.zeros(len(idx), dtype=scores.dtype)
        for k in range(idx.shape[1]):
            total += np.where(idx[:, k] >= 0, scores[idx[:, k], k], scores.dtype.type(0))
        return total.tolist()

    def to_json(self) -> dict:
        return {"slots": list(self.slots), "mean": np.round(self.mean, 4).tolist(),
                "std": np.round(self.std, 4).tolist(), "weights": np.round(self.weights, 4).tolist()}

    @classmethod
    def from_json(cls, d: Optional[dict]) -> Optional["Dense"]:
        if not d:
            return None
        return cls(tuple(d["slots"]), np.array(d["mean"], dtype=np.float32), np.array(d["std"], dtype=np.float32),
                   np.array(d["weights"], dtype=np.float32))


def slot_vectors(doc: Doc, idx: Sequence[int]) -> Optional[np.ndarray]:
    """(slots x width) raw vectors of the slot tokens, NaN where a slot is empty; None without
    vectors (training examples; :class:`Dense` scores the same at run time)."""
    vecs = token_vectors(doc)
    if vecs is None:
        return None
    out = np.full((len(idx), vecs.shape[1]), np.nan, dtype=np.float32)
    for k, i in enumerate(idx):
        if i >= 0:
            out[k] = vecs[i]
    return out


def features(tok: Token, curated: frozenset[str] = frozenset()) -> list[str]:
    """Sparse features of a candidate verb (strings; the model keeps those seen in training)."""
    lem = tok.lemma_.lower()
    out = ["bias", f"lem={lem}", f"dep={tok.dep_}", f"tag={tok.tag_}", f"lemdep={lem}|{tok.dep_}"]
    if lem in curated:
        out.append("curated")
    deps = set()
    for c in tok.children:
        d = c.dep_
        deps.add(d)
        if d == "prep":
            out += [f"prep={c.lower_}", f"lemprep={lem}|{c.lower_}"]
        elif d in ("nsubj", "nsubjpass"):
            out += [f"subjtag={c.tag_}", f"subjlem={c.lemma_.lower()}"]
            if c.ent_type_:
                out.append(f"subjent={c.ent_type_}")
        elif d == "ccomp":
            mark = next((g.lower_ for g in c.children if g.dep_ == "mark"), "-")
            out.append(f"mark={mark}")
        elif d == "dobj":
            out.append(f"objtag={c.tag_}")
            if c.ent_type_:
                out.append(f"objent={c.ent_type_}")
        elif d == "aux" and c.tag_ == "MD":
            out.append("modal")
    for d in sorted(deps):
        out += [f"k={d}", f"lemk={lem}|{d}"]
    if not deps.intersection(COMPLEMENTS):
        out.append("nocomp")
    head = tok.head
    out += [f"hdep={tok.dep_}|{head.pos_}", f"hlem={head.lemma_.lower()}"]
    doc = tok.doc
    if (tok.i > 0 and doc[tok.i - 1].text in QUOTE_MARKS) or (tok.i > 1 and doc[tok.i - 2].text in QUOTE_MARKS):
        out.append("quote_before")
    if tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1].text
        if nxt == ":":
            out.append("colon_after")
        elif nxt in QUOTE_MARKS:
            out.append("quote_after")
    return out


@dataclass(frozen=True)
class CueModel:
    weights: dict
    threshold: float  # P(cue) above which any verb is a cue
    veto: float  # P(cue) below which a lexicon verb is not one
    curated: frozenset = frozenset()
    dense: Optional[Dense] = None  # weights over the tok2vec vectors of GATE_SLOTS, when trained with them

    def score(self, feats: list[str], extra: float = 0.0) -> float:
        z = math.fsum(map(self.weights.get, set(feats), repeat(0.0))) + extra  # exact: the same in any order
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def prob(self, tok: Token) -> float:
        """P(cue) for a candidate verb (0.0 for other tokens), computed once per document and model (a
        doc read again with another model, as training and train-validation do, gets its own). The
        dense part of every token's score is computed at once on the doc's first call
        (:meth:`Dense.scores`: a generator of numpy scalars per verb took 3% of attribution's time)."""
        per_doc = tok.doc.user_data.setdefault(_CACHE_KEY, {})
        hit = per_doc.get(id(self))
        if hit is None or hit[0] is not self:
            dense = self.dense.scores(tok.doc, doc_gate_slots(tok.doc)) if self.dense is not None else None
            hit = per_doc[id(self)] = (self, {}, dense)
        cache, dense = hit[1], hit[2]
        p = cache.get(tok.i)
        if p is None:
            if is_candidate(tok):
                p = self.score(features(tok, self.curated), dense[tok.i] if dense is not None else 0.0)
            else:
                p = 0.0
            cache[tok.i] = p
        return p


def load(folder: Path, curated: frozenset = frozenset()) -> Optional[CueModel]:
    tsv, meta = folder / "cue_model.tsv", folder / "cue_model.json"
    if not (tsv.exists() and meta.exists()):
        return None
    params = json.loads(meta.read_text(encoding="utf-8"))
    with open(tsv, encoding="utf-8", newline="") as f:
        weights = {row["feature"]: float(row["weight"]) for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    return CueModel(weights, float(params["threshold"]), float(params["veto"]), curated,
                    Dense.from_json(params.get("dense")))


def save(folder: Path, weights: dict, params: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "cue_model.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("feature\tweight\n")
        for feat, w in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
            if "\t" in feat or "\n" in feat:
                continue
            f.write(f"{feat}\t{w:.4f}\n")
    (folder / "cue_model.json").write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
