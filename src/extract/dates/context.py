"""What a date normaliser may look at besides its own match: the text, the document creation
time (DCT) and, when the text was parsed, the spaCy doc for tense and part of speech."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from ..records import Span, TimeExpr

PAST, PRESENT, FUTURE = -1, 0, 1
# Modals that put a base-form verb after the moment of speaking: "could come", "would leave".
FUTURE_MODALS = {"could", "might", "may", "can", "should", "would", "must", "'d"}
# Verbs whose "to"-infinitive is still to happen: "planned to leave", "is to resume".
INTENT_VERBS = {"plan", "expect", "schedule", "intend", "be", "set", "hope", "aim", "want", "prepare", "agree",
                "promise", "vow", "threaten", "decide", "ready", "likely", "poise"}
# Words right before a day that put it ahead: "as early as Tuesday", "until Friday", "by Monday".
AHEAD_BEFORE = ("as early as", "as soon as", "until", "till", "by", "no later than", "starting", "beginning")


@dataclass(frozen=True)
class Context:
    """The article a match was found in. ``doc`` may be None (a bare text: tests, quick checks):
    then no token is known and every expression reads in the present tense."""

    text: str
    dct: Optional[dt.date]
    doc: Optional[Doc] = field(default=None, compare=False)

    def token_at(self, pos: int) -> Optional[Token]:
        """The token holding character ``pos``."""
        if self.doc is None:
            return None
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense(self, pos: int) -> int:
        """PAST, PRESENT or FUTURE: the tense of the verb governing the expression at ``pos``."""
        tok = self.token_at(pos)
        return PRESENT if tok is None else tense_of(tok)

    def expr(self, start: int, end: int, type_: str, value: str, start_date: Optional[str] = None,
             end_date: Optional[str] = None) -> TimeExpr:
        """A temporal expression over ``text[start:end]``."""
        return TimeExpr(span=Span.of(self.text, start, end), type=type_, value=value, start_date=start_date,
                        end_date=end_date)


def ahead(tok: Token) -> bool:
    """Whether a day named at ``tok`` is still to come: after "as early as", "until", "by" outside a
    past tense, or under a modal or a "to"-infinitive of intent ("might arrive Tuesday", "intended to
    fly on Thursday", "is to reopen Tuesday")."""
    before = " ".join(t.lower_ for t in tok.doc[max(tok.i - 3, 0):tok.i])
    if (before.endswith(AHEAD_BEFORE) or before.endswith(tuple(f"{w} on" for w in AHEAD_BEFORE))) and \
            tense_of(tok) != PAST:  # not "Until Thursday, they had ..."
        return True
    cue = tok.doc[tok.i - 1] if tok.i > 0 else None
    if cue is not None and cue.lower_ in ("until", "till") and cue.i > 0 and not cue.is_sent_start and \
            tok.doc[cue.i - 1].pos_ in ("NOUN", "PROPN", "PRON"):
        return True  # a deadline: "pushed the vote until Tuesday", "gave them until Friday"
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.tag_ != "VB":
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_MODALS:
        return True
    return "to" in auxes and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS


def tense_of(tok: Token) -> int:
    """The tense of the verb governing ``tok`` (up to six heads up), else of its sentence's first
    verb: FUTURE with "will"/"shall"/"going to", PAST with a past tense or perfect auxiliary."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "aux", "auxpass"):
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    verbs = [cur] if cur.pos_ in ("VERB", "AUX") else [t for t in tok.sent if t.pos_ in ("VERB", "AUX")][:1]
    for v in verbs:
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & {"will", "'ll", "shall", "wo"} or any(a.lower_ == "going" for a in v.children):
            return FUTURE
        if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "had"}:
            return PAST
        if v.tag_ == "VBN" and not auxes:
            return PAST
    return PRESENT
