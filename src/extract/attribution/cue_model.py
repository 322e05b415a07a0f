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
lexicon becomes one when P(cue) >= ``threshold`` (0.5; 0.7 before the claim check was there to
drop the extra candidates: train-validation relation F1 +0.3 point). The model only gates: content,
source and cue extent still come from the rules of :mod:`.content`, :mod:`.sources` and
:mod:`.builders`. Without the files the lexicon decides alone.
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Token

QUOTE_MARKS = frozenset('"“”‘’\'')
COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "csubj")
_CACHE_KEY = "extract_cue_probs"


def is_candidate(tok: Token) -> bool:
    """The tokens the model scores: verbs, and auxiliaries that head a clause ("is" in "she is sure")."""
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "ccomp", "conj"))


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

    def score(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def prob(self, tok: Token) -> float:
        """P(cue) for a candidate verb (0.0 for other tokens), computed once per document."""
        cache = tok.doc.user_data.setdefault(_CACHE_KEY, {})
        p = cache.get(tok.i)
        if p is None:
            p = self.score(features(tok, self.curated)) if is_candidate(tok) else 0.0
            cache[tok.i] = p
        return p


def load(folder: Path, curated: frozenset = frozenset()) -> Optional[CueModel]:
    tsv, meta = folder / "cue_model.tsv", folder / "cue_model.json"
    if not (tsv.exists() and meta.exists()):
        return None
    params = json.loads(meta.read_text(encoding="utf-8"))
    with open(tsv, encoding="utf-8", newline="") as f:
        weights = {row["feature"]: float(row["weight"]) for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    return CueModel(weights, float(params["threshold"]), float(params["veto"]), curated)


def save(folder: Path, weights: dict, params: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "cue_model.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("feature\tweight\n")
        for feat, w in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
            if "\t" in feat or "\n" in feat:
                continue
            f.write(f"{feat}\t{w:.4f}\n")
    (folder / "cue_model.json").write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
