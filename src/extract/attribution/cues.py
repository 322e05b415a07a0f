"""Cues: which words attribute, read from the cue lexicon in ``models/cues/``.

Two lists feed it: ``cues.tsv``, learnt from PolNeAR's training split (lemmas that lie inside gold
Cue spans often enough, see its model card), and ``extra_cues.tsv``, verbs of Levin's (1993)
communication, declare, conjecture and want classes, kept where they pay on train-validation. A
verb cue fires on a clausal complement ("said that ...") whatever its rate; a verb whose learnt rate
is at least ``OBJECT_RATE`` also takes a direct object as its content ("unveiled the plan").

Three more files, all learnt from the same split, refine it: the gate of :mod:`.cue_model` judges
each verb in its context; ``cue_preps.tsv`` says which prepositions belong to a cue ("pointed to");
``content_preps.tsv`` which prepositions introduce its content ("called for X", not "spoke to
reporters"); ``light_verbs.tsv`` which verb + noun pairs make one cue ("raised questions about").
:func:`cue_span` gives the cue's extent as PolNeAR's annotators mark it.
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Token

from ..nlp import text_of
from ..records import Span
from ..settings import models_dir
from . import boundaries, claim_model, cue_model
from .spans import tokens_span

HEDGES = {"suggest", "indicate", "claim", "estimate", "allege", "believe", "think", "reportedly",
          "appear", "seem", "expect", "speculate", "rumor", "rumour"}
# "according to X" and its kin: a preposition phrase that attributes the clause it modifies.
PREP_CUES = {("according", "to"), ("as", "per")}
MIN_RATE = 0.2
# Nouns of saying, believing and intending, cues with a possessor as source ("his claim that ...")
SPEECH_NOUNS = {"claim", "statement", "criticism", "comment", "call", "warning", "promise", "pledge", "decision",
             "plan", "proposal", "suggestion", "assertion", "allegation", "accusation", "argument", "belief",
             "hope", "fear", "concern", "demand", "request", "vow", "threat", "insistence", "denial", "admission",
             "announcement", "prediction", "view", "position", "opinion", "praise", "endorsement", "remark",
             "complaint", "attack", "defense", "defence", "push", "refusal", "determination", "desire", "wish"}
OBJECT_RATE = 0.3
# a verb outside the lexicon that the gate admits (P(cue) >= its threshold, 0.4) takes a clause as its
# content, but a direct object only when the gate gives it at least this: such objects are mostly
# actions ("racked up several victories", "held up the sign"); on train-validation (fold models as
# before) only 25% of the cues of the claims they made at P 0.4-0.5 were gold cues
OBJECT_GATE = 0.5
OPEN_RATE = 0.35
PREP_RATE = 0.5
CONTENT_PREP_RATE = 0.25
LIGHT_RATE = 0.3
# a pair the table lacks (seen under three times on train): the mean of the verb's share whatever
# the noun, the noun's whatever the verb and the share of what links the noun to what follows it
# ("prep:about" 0.66, "prep:of" 0.23), each LIGHT_PRIOR (about the share over all pairs) when unseen,
# at least LIGHT_NOUN_RATE, for a verb that is a cue ("voiced doubts about", "offered an emotional
# defense of", "heaped criticism on"; not "cited the case of", "released an excerpt of").
# Train-validation (fold models retrained), against OBJECT_GATE and LIGHT_RATE 0.3 alone: cue exact
# F1 0.6888 -> 0.6902 (4 of 5 folds up), content 0.6209 -> 0.6227, source 0.7498 -> 0.7498,
# relation 0.7462 -> 0.7461; at 0.45 a proxy on fixed fold models gave less cue, content and relation
LIGHT_NOUN_RATE = 0.5
LIGHT_PRIOR = 0.25
# a possessed noun's preposition whose object is its content at least this often on PolNeAR train
# ("his attack on", "her embrace of") makes a noun claim; about F1's break-even
NOUN_PREP_RATE = 0.4
# a predicative adjective or noun whose complement is its content at least this often on PolNeAR
# train ("is sure that", "was critical of", "is a critic of") makes a predicate claim
PREDICATE_RATE = 0.4
# a cue verb whose open complement's verb PolNeAR train puts inside the cue at least this often
# ("continued to insist", "tried to portray") passes its claim through to that verb
THROUGH_RATE = 0.5
# a preposition on a verb whose object PolNeAR train marks as the source with the preposition as
# the cue at least this often, per (object lemma, preposition and the object's tag: "in" + "poll"
# singular, not "in the polls"), frames its clause as that source's ("Roe leads by 9 points in the
# latest poll"); about F1's break-even
FRAME_RATE = 0.4


def frame_key(prep: Token) -> Optional[tuple[Token, tuple[str, str]]]:
    """For a preposition hung on a verb with a noun as its object ("leads | in | the latest poll"),
    the object and the key of ``frames.tsv``: (object lemma, "preposition TAG"); else None."""
    if prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX") or (prep.head.lower_, prep.lower_) in PREP_CUES:
        return None  # "according to X" has a rule of its own
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    return obj, (obj.lemma_.lower(), f"{prep.lower_} {obj.tag_}")


def light_link(noun: Token) -> str:
    """What links a verb's noun object to what follows it: "prep:WORD" for its first preposition
    after it ("concern over"), "clause" for a clause hung on it ("concern that ..."), else "-"."""
    for c in noun.rights:
        if c.dep_ == "prep":
            return f"prep:{c.lower_}"
        if c.dep_ in ("acl", "ccomp", "relcl"):
            return "clause"
    return "-"


def noun_tagged_verb(tok: Token) -> bool:
    """"But the mayor claims that ...": the tagger reads "claims" as a plural noun while the parser
    makes it the clause's head, with a subject and a clausal complement: the parse is right."""
    if tok.tag_ != "NNS" or tok.dep_ not in ("ROOT", "ccomp", "conj"):
        return False
    kids = {c.dep_ for c in tok.children}
    return "nsubj" in kids and "ccomp" in kids


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]         # every verb cue: a cue when heading a clausal complement
    curated: frozenset[str]       # from extra_cues.tsv
    object_verbs: frozenset[str]  # verb cues whose direct object can be the content
    nouns: frozenset[str]    # "statement", "report": cue nouns
    rate: dict
    model: Optional[cue_model.CueModel] = None  # the learnt gate, when models/cues has one
    preps: Optional[dict] = None  # (lemma or "*", preposition) -> share inside the cue
    content_preps: Optional[dict] = None  # (lemma or "*", preposition) -> share with the object as content
    light: Optional[dict] = None  # (verb lemma, noun lemma) -> share of the noun inside the cue
    claims: Optional[claim_model.ClaimModel] = None  # the learnt check on whole claims
    bounds: Optional[boundaries.BoundaryModel] = None  # the learnt choice of content boundaries
    noun_preps: Optional[dict] = None  # (noun lemma, preposition) -> share with the object as content
    predicates: Optional[dict] = None  # (predicate lemma, "clause" or preposition) -> share with it as content
    through: Optional[dict] = None  # (verb lemma, "to") -> share of "to VERB" inside the cue
    frames: Optional[dict] = None  # (object lemma, "preposition TAG") -> share as source with the preposition as cue

    def frame_source(self, prep: Token) -> Optional[Token]:
        """The object of a preposition that frames its verb's clause as the object's ("Roe leads
        in the latest poll", "In the CBS survey, ..."; ``frames.tsv``), else None."""
        got = frame_key(prep)
        if got is None or (self.frames or {}).get(got[1], 0.0) < FRAME_RATE:
            return None
        return got[0]

    def passes_through(self, verb: Token) -> bool:
        """Whether "VERB to X" is one cue ("continued to insist", "tried to portray") whose content
        is what X governs, rather than a cue whose content starts at "to" ("promised to cut")."""
        return (self.through or {}).get((verb.lemma_.lower(), "to"), 0.0) >= THROUGH_RATE

    def predicate_is_cue(self, pred: Token, complement: str) -> bool:
        """Whether a predicative adjective or noun with this complement attributes it ("she is sure
        that ...", "he was critical of the plan"; not "it is likely that", "she was good at it")."""
        rate = (self.predicates or {}).get((pred.lemma_.lower(), complement), 0.0)
        return rate >= PREDICATE_RATE

    def noun_prep_is_content(self, noun: Token, prep: Token) -> bool:
        """Whether the object of the preposition after a possessed noun is its content ("her attack
        on the plan", "his embrace of the bill"; not "his view of the city")."""
        rate = (self.noun_preps or {}).get((noun.lemma_.lower(), prep.lower_), 0.0)
        return rate >= NOUN_PREP_RATE

    def light_noun(self, verb: Token) -> Optional[Token]:
        """The noun of a light-verb cue ("raised questions about", "expressed concern over"): a noun
        object right after the verb that PolNeAR train marks inside the cue at least ``LIGHT_RATE``
        of the time (0.3; 0.5 before); for a pair train has too rarely, the shares of its verb,
        its noun and its link (``LIGHT_NOUN_RATE``)."""
        if not self.light or verb.pos_ != "VERB":
            return None
        for c in verb.children:
            if c.dep_ == "dobj" and c.pos_ == "NOUN" and verb.i < c.i <= verb.i + 3:
                noun = c.lemma_.lower()
                pair = self.light.get((verb.lemma_.lower(), noun))
                if pair is not None:
                    return c if pair >= LIGHT_RATE else None
                if self.is_verb_cue(verb):
                    shares = (self.light.get((verb.lemma_.lower(), "*"), LIGHT_PRIOR),
                              self.light.get(("*", noun), LIGHT_PRIOR),
                              self.light.get(("#", light_link(c)), LIGHT_PRIOR))
                    if sum(shares) / len(shares) >= LIGHT_NOUN_RATE:
                        return c
                return None
        return None

    def prep_is_content(self, verb: Token, prep: Token) -> bool:
        """Whether the object of the preposition after a cue verb can be its content ("called for
        a ban", "talked about taxes"; not "spoke to reporters", "spoke for five minutes")."""
        if self.content_preps is None:
            return True
        key = (verb.lemma_.lower(), prep.lower_)
        rate = self.content_preps.get(key, self.content_preps.get(("*", prep.lower_), 0.0))
        return rate >= CONTENT_PREP_RATE

    def prep_in_cue(self, verb: Token, prep: Token) -> bool:
        """Whether the preposition after a cue verb is part of the cue ("pointed to", not "said on";
        never one that dates the claim, "indicated on Monday that ...")."""
        if any(g.ent_type_ in ("DATE", "TIME") for g in prep.children):
            return False
        rates = self.preps or {}
        key = (verb.lemma_.lower(), prep.lower_)
        rate = rates.get(key, rates.get(("*", prep.lower_), 0.0))
        return rate >= PREP_RATE

    def is_verb_cue(self, tok: Token) -> bool:
        """A listed lemma unless the model finds its context unlikely; an unlisted verb when the model is sure."""
        listed = (tok.pos_ in ("VERB", "AUX") or noun_tagged_verb(tok)) and tok.lemma_.lower() in self.verbs
        if self.model is not None and cue_model.is_candidate(tok):
            if listed and self.model.veto <= 0.0:
                return True  # no P(cue) is under a veto of 0: not computed here (its features are costly)
            p = self.model.prob(tok)
            return (listed and p >= self.model.veto) or p >= self.model.threshold
        return listed

    def takes_object(self, tok: Token) -> bool:
        """Whether a direct object can be the content: an object cue of the lexicon, or a verb the
        gate is sure of in this context (its features include the object), at ``OBJECT_GATE`` at
        least."""
        if tok.lemma_.lower() in self.object_verbs:
            return True
        return self.model is not None and cue_model.is_candidate(tok) and \
            self.model.prob(tok) >= max(self.model.threshold, OBJECT_GATE)

    def is_noun_cue(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and (tok.lemma_.lower() in self.nouns or tok.lemma_.lower() in SPEECH_NOUNS)

    def takes_open(self, tok: Token) -> bool:
        """An open complement ("plans to ...") is content only for intention cues, not for "continue to"."""
        lemma = tok.lemma_.lower()
        if lemma in self.curated or self.rate.get((lemma, "VERB"), 0.0) >= OPEN_RATE:
            return True
        return self.model is not None and cue_model.is_candidate(tok) and self.model.prob(tok) >= self.model.threshold

    def strength(self, tok: Token) -> float:
        """How likely the verb is a cue: its lemma's rate in the training data (0.5 for curated lemmas
        not seen there), or the gate's probability in this context when that is higher."""
        prior = self.rate.get((tok.lemma_.lower(), "VERB"), 0.5 if tok.lemma_.lower() in self.verbs else 0.0)
        if self.model is not None and cue_model.is_candidate(tok):
            return max(prior, self.model.prob(tok))
        return prior


def curated_cues(folder) -> list[str]:
    """The lemmas of the curated ``extra_cues.tsv`` (verbs of Levin's communication, declare,
    conjecture and want classes that pay on PolNeAR train-validation; see the model card)."""
    with open(Path(folder) / "extra_cues.tsv", encoding="utf-8") as f:
        return [row["lemma"] for row in csv.DictReader(f, delimiter="\t")]


def lexicon() -> Lexicon:
    """The shipped lexicon, ``models/cues`` (loaded once per process)."""
    return load(models_dir() / "cues")


@functools.lru_cache(maxsize=8)
def load(folder: Path) -> Lexicon:
    """The lexicon of one cues folder (the shipped one, or one trained leaving folds out)."""
    folder = Path(folder)
    verbs, obj, nouns, rate, curated = set(), set(), set(), {}, set()
    learnt = folder / "cues.tsv"
    if learnt.exists():
        with open(learnt, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                r = float(row["rate"])
                rate[(row["lemma"], row["pos"])] = r
                if r < MIN_RATE:
                    continue
                if row["pos"] == "VERB":
                    verbs.add(row["lemma"])
                    if r >= OBJECT_RATE:
                        obj.add(row["lemma"])
                elif row["pos"] == "NOUN":
                    nouns.add(row["lemma"])
    for lemma in curated_cues(folder):
        verbs.add(lemma)
        curated.add(lemma)
    model = cue_model.load(folder, frozenset(curated))
    return Lexicon(frozenset(verbs), frozenset(curated), frozenset(obj), frozenset(nouns), rate, model,
                   _rates(folder / "cue_preps.tsv"), _rates(folder / "content_preps.tsv"),
                   _rates(folder / "light_verbs.tsv"), claim_model.load(folder), boundaries.load(folder),
                   _rates(folder / "noun_preps.tsv"), _rates(folder / "predicates.tsv"),
                   _rates(folder / "through_verbs.tsv"), _rates(folder / "frames.tsv"))


def _rates(path) -> Optional[dict]:
    """{(first column, second column): rate} of a learnt table, None when the file is missing."""
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        return {(row[0], row[1]): float(row[4]) for row in rows}


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


# What PolNeAR's annotators put inside a cue around its verb, measured on the training split
# (share of cue verbs whose neighbour lies inside the Cue span): an adverb right before the verb
# 87% ("also said"; 97% for "-ly" adverbs, "cynically dismissed"), an "-ly" adverb two tokens
# before 69% and right after 92% ("said sarcastically"); auxiliaries and negation 95-100%; a day
# right after 60% ("said Friday"); "in a statement" 67% but "in an interview" 41%; when the cue
# verb is an open complement, the verb it completes 84% ("continues to insist", "had to deny"; +0.33 point cue exact F1 on train-validation).
CUE_ADVERBS = {"also", "then", "now", "even", "later", "again", "further", "repeatedly", "publicly",
               "previously", "recently", "frequently", "generally", "often", "already", "still", "once",
               "never", "not", "n't", "first", "finally", "simply", "flatly", "quickly", "bluntly", "openly"}
NOT_CUE_ADVERBS = {"when", "where", "why", "how", "however", "meanwhile", "instead", "so", "thus",
                   "therefore", "here", "there"}
# "said in a statement", "said during an appearance": the occasion of the statement, inside the cue
OCCASION_NOUNS = {"statement", "message", "call", "appearance", "release", "post"}


def name_read_as_adverb(tok: Token) -> bool:
    """"“...,” said Skelly, explaining ...": the tagger reads a surname it does not know as an
    adverb; a capitalised word inside its sentence that is no known adverb is a name: the speaker
    after the verb (:func:`.quotes._noun_phrase_after`), never part of the cue ("said
    sarcastically"). PolNeAR train-validation (fold models of main, rules changed only, against this
    round's other rules): quoted 94.07% -> 94.09%, relation unchanged (0.7473)."""
    return tok.pos_ == "ADV" and tok.is_title and not tok.is_sent_start and tok.lower_ not in CUE_ADVERBS \
        and tok.ent_type_ not in ("DATE", "TIME")


def _left_adverb(c: Token, verb: Token) -> bool:
    if c.dep_ != "advmod" or c.i >= verb.i:
        return False
    low = c.lower_
    if c.i == verb.i - 1:
        return low in CUE_ADVERBS or (low not in NOT_CUE_ADVERBS and c.is_alpha)
    if c.i == verb.i - 2:
        return low in CUE_ADVERBS or (low.endswith("ly") and low not in NOT_CUE_ADVERBS)
    return False


def cue_span(tok: Token, lex: Lexicon, prep: Optional[Token] = None) -> Span:
    """The cue verb with what PolNeAR marks with it: auxiliaries, negation, adverbs next to it
    ("also said", "said sarcastically"), particles ("pointed out"), the preposition of its content
    ("called for"), a day or statement right after it ("said Friday", "said in a statement"),
    the verb an open-complement cue completes ("continues to insist"). Not the "by" of a passive's
    agent ("was endorsed by"): PolNeAR train marks it inside the cue for 54 of 203 cue verbs with
    an agent (train-validation in the commit message)."""
    doc = tok.doc
    toks = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and c.i < tok.i + 3]
    toks += [c for c in tok.lefts if _left_adverb(c, tok)]
    if prep is not None:
        if lex.prep_in_cue(tok, prep):
            toks.append(prep)
    else:
        for c in tok.rights:
            if c.i > tok.i + 1 + sum(1 for t in toks if t.i > tok.i):
                break
            if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
                toks.extend(c.subtree)
            elif c.dep_ == "advmod" and (c.lower_.endswith("ly") or c.lower_ == "back") and c.i == tok.i + 1 \
                    and not name_read_as_adverb(c):
                toks.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("in", "during", "at", "on") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in OCCASION_NOUNS for g in c.children):
                toks.extend(c.subtree)
            else:
                break
        after = next((c for c in tok.rights if c.dep_ == "prep"), None)
        if after is not None and all(t.dep_ in ("prt", "advmod") or any(t.i == x.i for x in toks)
                                     for t in doc[tok.i + 1:after.i]) and lex.prep_in_cue(tok, after):
            toks.append(after)
    head = tok.head
    if tok.dep_ == "xcomp" and head.i < tok.i and head.pos_ in ("VERB", "AUX") and tok.i - head.i <= 4:
        toks += [head] + [c for c in head.children if c.dep_ in ("aux", "neg", "prt") and c.i < tok.i]
        toks += [c for c in head.lefts if _left_adverb(c, head)]
    # the unbroken run of these tokens around the verb: an auxiliary before an inverted subject
    # ("Rarely has she asked for", "“...,” Ms. Roe said") does not pull the subject into the cue
    # (train-validation: +0.17 point cue exact F1)
    taken = {t.i for t in toks}

    def joins(i: int) -> bool:  # a taken word, a no-break space, or an adverb on a taken word ("once again")
        t = doc[i]
        return i in taken or t.is_space or (t.dep_ == "advmod" and t.head.i in taken and t.is_alpha
                                            and t.lower_ not in NOT_CUE_ADVERBS)
    lo = hi = tok.i
    while lo - 1 >= 0 and joins(lo - 1) and (lo - 1 in taken or any(j in taken for j in range(max(0, lo - 3), lo - 1))):
        lo -= 1
    while hi + 1 < len(doc) and hi + 1 in taken:
        hi += 1
    return tokens_span(doc[lo:hi + 1]) or Span.of(text_of(doc), tok.idx, tok.idx + len(tok.text))
