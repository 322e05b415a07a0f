"""Roles of a quantity in its sentence: the noun it counts, the verb it belongs to, and whether
that verb reports a change ("rose 5%": increase)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .numbers import SCALES

INCREASE = {"rise", "increase", "grow", "climb", "jump", "surge", "gain", "soar", "rally", "add", "boost",
            "raise", "up", "expand", "advance", "double", "triple", "spike", "swell"}
DECREASE = {"fall", "drop", "decline", "decrease", "shrink", "slip", "plunge", "lose", "cut", "down", "sink",
            "slide", "tumble", "reduce", "lower", "dip", "ease", "contract", "plummet", "shed", "slump"}
CLIMB_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod", "conj", "appos", "nummod",
              "quantmod", "compound", "amod", "advmod", "prep", "agent")


def number_head(tok: Token) -> Token:
    """The last token of a number phrase the parser split into a chain ("1.5" <- "billion")."""
    head = tok
    while head.dep_ in ("compound", "quantmod", "nummod", "amod") and head.head.i != head.i and \
            head.head.pos_ in ("NUM", "SYM"):
        head = head.head
    return head


def counted_noun(head: Token) -> Optional[Token]:
    """The noun a number modifies: "40 people" -> people."""
    scale_modifier = head.lower_.rstrip("s") in SCALES and head.dep_ in ("amod", "compound")  # "10.4 mln shares"
    noun = head.head if head.dep_ in ("nummod", "quantmod", "npadvmod") or scale_modifier else None
    return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None


def of_object(doc: Doc, k: int) -> Optional[str]:
    """The counted noun of "a third of voters", "dozens of people": the object of the "of" at ``k``."""
    pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.pos_ == "PROPN" and (pobj.tag_ == "NNPS" or pobj.ent_type_ == "NORP"):
        return pobj.text  # "millions of Americans", "thousands of Syrians": people named by nation
    return pobj.text.lower() if pobj is not None and pobj.pos_ == "NOUN" else None


def governing_verb(tok: Token) -> Optional[Token]:
    """The verb a quantity belongs to, up to four heads up ("killed at least 40 people" -> kill)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in CLIMB_DEPS:
            cur = cur.head
            if _is_verb(cur):
                return cur
        else:
            break
    return cur if cur.pos_ == "VERB" and cur.lower_ != "according" else None


def _is_verb(tok: Token) -> bool:
    """A verb a quantity can belong to: not the "according" of "according to" (QA on Wikinews:
    three figures after "according to X" had the predicate "accord")."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod" and tok.lower_ != "according"


def change(verb: Optional[Token], doc: Doc, start_i: int) -> Optional[str]:
    """increase / decrease from the verb's lemma ("rose", "cut") or a sign before the number; not
    from the verb of which the quantity is the subject ("12 people lost their lives")."""
    if verb is not None and not _in_subject(doc[start_i], verb):
        lemma = verb.lemma_.lower()
        if lemma in INCREASE:
            return "increase"
        if lemma in DECREASE:
            return "decrease"
    prev = doc[start_i - 1].lower_ if start_i > 0 else ""
    if prev in ("up", "+"):
        return "increase"
    if prev in ("down", "-", "−"):
        return "decrease"
    return None


def _in_subject(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` lies in the subject of ``verb``."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.head.i == verb.i:
            return cur.dep_ in ("nsubj", "csubj")  # "40 jobs were cut" is a decrease still
        cur = cur.head
    return False


EXCEED = {"exceed", "surpass", "top", "outnumber"}


def bound_by_verb(verb: Optional[Token], tok: Token) -> bool:
    """Whether the verb makes the number a lower bound: "may exceed 1,000", "topped $5 billion"
    (the number, or the noun it counts, is the verb's direct object)."""
    if verb is None or verb.lemma_.lower() not in EXCEED:
        return False
    cur = tok
    for _ in range(4):
        if cur.head.i == verb.i:
            return cur.dep_ == "dobj"
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False
