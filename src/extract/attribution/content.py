"""Content: what was claimed, as the complement of the cue on the dependency parse.

* a clausal complement (``ccomp``; "said (that) ...", "asked if ..."), on either side of the cue
  ("“...,” Ri stated"), with the complementiser kept as PolNeAR annotates it;
* an open complement (``xcomp``: "promised to ...") for belief and intention cues;
* for object cues, the direct object with what follows it ("framed the test as a demonstration
  of ...", "revealed these developments").

Participle phrases after a comma ("..., citing a briefing") and the subject are never content.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .spans import tokens_span

CLAUSE = ("ccomp", "csubj")
OPEN = ("xcomp",)
OBJECT = ("dobj", "attr", "oprd")
AFTER_OBJECT = ("prep", "dative", "oprd", "ccomp", "xcomp")


def for_verb(cue: Token, *, takes_object: bool) -> Optional[tuple[list[Token], str]]:
    """(content tokens, kind) for a verb cue; kind is clause | open | object."""
    kids = list(cue.children)
    clause = [c for c in kids if c.dep_ in CLAUSE]
    if clause:
        c = min(clause, key=lambda t: abs(t.i - cue.i))
        return list(c.subtree), "clause"
    opened = [c for c in kids if c.dep_ in OPEN and c.i > cue.i]
    if opened:
        c = opened[0]
        return list(c.subtree), "open"
    if takes_object:
        objs = [c for c in kids if c.dep_ in OBJECT and c.i > cue.i]
        if objs:
            first = objs[0]
            end = first.right_edge.i
            for c in kids:
                if c.i > first.i and c.dep_ in AFTER_OBJECT:
                    # keep a contiguous run only (no comma-separated participles)
                    between = cue.doc[end + 1:c.left_edge.i]
                    if any(t.text in (",", ";", "—", "–") for t in between):
                        break
                    end = max(end, c.right_edge.i)
            return list(cue.doc[first.left_edge.i:end + 1]), "object"
    return None


def for_prep(head: Token, prep_tokens: tuple[Token, ...], pobj: Token) -> Optional[list[Token]]:
    """Content of "according to X": the clause the phrase modifies, without the phrase."""
    clause = head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head is not clause:
        clause = clause.head
    phrase_l = prep_tokens[0].i
    phrase_r = max(pobj.right_edge.i, prep_tokens[-1].i)
    toks = [t for t in clause.subtree if not (phrase_l <= t.i <= phrase_r)]
    # keep the larger contiguous side of the clause
    left = [t for t in toks if t.i < phrase_l]
    right = [t for t in toks if t.i > phrase_r]
    side = right if len(right) >= len(left) else left
    return side or None


def span_of(tokens: list[Token]):
    return tokens_span(tokens)
