"""Cues: which words attribute, read from the cue lexicon in ``models/cues/``.

Two lists feed it: ``cues.tsv``, learnt from PolNeAR's training split (lemmas that lie inside gold
Cue spans often enough, see its model card), and ``extra_cues.tsv``, a curated list of reporting
verbs. A verb cue fires on a clausal complement ("said that ...") whatever its kind; an ``object``
cue also fires on a direct object ("revealed these developments"), which ordinary clause cues do not.
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from spacy.tokens import Token

from ..settings import models_dir

HEDGES = {"suggest", "indicate", "claim", "estimate", "allege", "believe", "think", "reportedly",
          "appear", "seem", "expect", "speculate", "rumor", "rumour"}
# "according to X" and its kin: a preposition phrase that attributes the clause it modifies.
PREP_CUES = {("according", "to"), ("as", "per")}
MIN_RATE = 0.2
# Nouns of saying, believing and intending ("his claim that ...", "the DNC's decision to ...")
NOUN_CUES = {"claim", "statement", "criticism", "comment", "call", "warning", "promise", "pledge", "decision",
             "plan", "proposal", "suggestion", "assertion", "allegation", "accusation", "argument", "belief",
             "hope", "fear", "concern", "demand", "request", "vow", "threat", "insistence", "denial", "admission",
             "announcement", "prediction", "view", "position", "opinion", "praise", "endorsement", "remark",
             "complaint", "attack", "defense", "defence", "push", "refusal", "determination", "desire", "wish"}
OBJECT_RATE = 0.3
OPEN_RATE = 0.35


@dataclass(frozen=True)
class Lexicon:
    clause: frozenset[str]   # cue when heading a clausal complement
    curated: frozenset[str]  # from extra_cues.tsv
    object: frozenset[str]   # cue also with a direct object as content
    nouns: frozenset[str]    # "statement", "report": cue nouns
    rate: dict

    def is_verb_cue(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.clause

    def takes_object(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.object

    def is_noun_cue(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and (tok.lemma_.lower() in self.nouns or tok.lemma_.lower() in NOUN_CUES)

    def takes_open(self, tok: Token) -> bool:
        """An open complement ("plans to ...") is content only for intention cues, not for "continue to"."""
        lemma = tok.lemma_.lower()
        return lemma in self.curated or self.rate.get((lemma, "VERB"), 0.0) >= OPEN_RATE

    def strength(self, tok: Token) -> float:
        """How often the lemma is a cue in the training data (0.5 for curated lemmas not seen there)."""
        return self.rate.get((tok.lemma_.lower(), "VERB"), 0.5 if tok.lemma_.lower() in self.clause else 0.0)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    folder = models_dir() / "cues"
    clause, obj, nouns, rate, curated = set(), set(), set(), {}, set()
    learnt = folder / "cues.tsv"
    if learnt.exists():
        with open(learnt, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                r = float(row["rate"])
                rate[(row["lemma"], row["pos"])] = r
                if r < MIN_RATE:
                    continue
                if row["pos"] == "VERB":
                    clause.add(row["lemma"])
                    if r >= OBJECT_RATE:
                        obj.add(row["lemma"])
                elif row["pos"] == "NOUN":
                    nouns.add(row["lemma"])
    with open(folder / "extra_cues.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            clause.add(row["lemma"])
            curated.add(row["lemma"])
            if row["kind"] == "object":
                obj.add(row["lemma"])
    return Lexicon(frozenset(clause), frozenset(curated), frozenset(obj), frozenset(nouns), rate)


def prep_cue(tok: Token):
    """For "according" in "according to X", the (cue tokens, object token) pair; else None."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or (tok.lower_, nxt.lower_) not in PREP_CUES:
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    return (tok, nxt), pobj
