"""Token-to-character span helpers shared by the attribution modules."""
from __future__ import annotations

import unicodedata
from typing import Iterable, Optional

from spacy.tokens import Token

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
