"""Token-to-character span helpers shared by the attribution modules."""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from typing import Iterable, Optional

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span as TokSpan, Token

from ..records import Span
from ..nlp import text_of

EDGE_PUNCT = set(" \t\n\r,;:—–-")


def shrink(text: str, start: int, end: int, *, quotes: bool = False) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and separating punctuation (and quote marks)."""
    def strip_char(c: str) -> bool:
        if c in EDGE_PUNCT or c.isspace():
            return True
        return quotes and unicodedata.category(c) in ("Pi", "Pf") or (quotes and c in "\"'")
    while start < end and strip_char(text[start]):
        start += 1
    while end > start and (strip_char(text[end - 1]) or text[end - 1] == "."):
        end -= 1
    return start, end


def tokens_span(tokens: Iterable[Token], *, quotes: bool = False) -> Optional[Span]:
    if isinstance(tokens, TokSpan):  # a stretch of the doc: its first and last token bound it (no Token each)
        if not len(tokens):
            return None
        text = text_of(tokens.doc)
        start, end = tokens.start_char, tokens.end_char
    else:
        toks = list(tokens)
        if not toks:
            return None
        text = text_of(toks[0].doc)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
    start, end = shrink(text, start, end, quotes=quotes)
    return Span.of(text, start, end) if end > start else None


def subtree_span(tok: Token, *, skip: Iterable[Token] = (), quotes: bool = False) -> Optional[Span]:
    """The character span of a token's subtree, cut short before any ``skip`` child on its edges."""
    skip = list(skip)
    left, right = tok.left_edge.i, tok.right_edge.i
    for s in skip:
        if s.i > tok.i:
            right = min(right, s.left_edge.i - 1)
        elif s.i < tok.i:
            left = max(left, s.right_edge.i + 1)
    return tokens_span(tok.doc[left:right + 1], quotes=quotes)


def char_span(text: str, start: int, end: int, *, quotes: bool = False) -> Optional[Span]:
    start, end = shrink(text, start, end, quotes=quotes)
    return Span.of(text, start, end) if end > start else None


_SENT_STARTS = "extract_sent_starts"


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """The tokens [start, end) of token ``i``'s sentence, as ``doc[i].sent`` has them (the last
    sentence start at or before it, else the doc's start; the next one after it, else the doc's
    end), read from the doc's sentence starts, found once per doc and kept in ``doc.user_data``:
    ``Token.sent`` walks the tokens to both ends of the sentence and builds a Span, 6 µs a call on
    a short article. A doc with sentence hooks or without sentence boundaries gets ``Token.sent``."""
    starts = doc.user_data.get(_SENT_STARTS)
    if starts is None:
        if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks or not doc.has_annotation("SENT_START"):
            sent = doc[i].sent
            return sent.start, sent.end
        starts = doc.user_data[_SENT_STARTS] = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    k = bisect_right(starts, i)
    return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(doc))


_CHAR_SPANS = "extract_char_spans"


def expand(doc: Doc, start: int, end: int) -> Optional[TokSpan]:
    """``doc.char_span(start, end, alignment_mode="expand")``, found once per doc and kept in
    ``doc.user_data``: the builders, the claim check and the boundary choice look up the same
    claims' cues, speakers and contents, each several times (78,000 calls on the 295 Wikinews
    articles of bench/stages.py, each building a Span and two Tokens)."""
    memo = doc.user_data.get(_CHAR_SPANS)
    if memo is None:
        memo = doc.user_data[_CHAR_SPANS] = {}
    key = (start, end)
    if key not in memo:
        memo[key] = doc.char_span(start, end, alignment_mode="expand")
    return memo[key]
