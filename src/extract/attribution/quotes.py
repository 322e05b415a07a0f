"""Direct quotes: find quoted stretches in the text without ever raising on odd quote marks.

Opening and closing marks are paired left to right: curly marks by their direction (a closing
mark that opens a paragraph, as sloppy text has it, opens), straight double quotes by
alternation. News style lets a quote run over paragraphs where only the last one closes: a
paragraph that opens a quote without closing it continues into the next paragraph when that one
starts with an opening mark. Marks that find no partner are ignored.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Span

OPEN = "“«„"
CLOSE = "”»"
STRAIGHT = '"'
MAX_QUOTE = 3000


def find(text: str, *, min_words: int = 3) -> list[Span]:
    """Inner spans of the direct quotes in ``text`` (without the quote marks), in text order.

    A quote open at a paragraph's end is kept (up to the paragraph end) when the next paragraph
    reopens it; otherwise the unmatched mark is dropped.
    """
    out: list[Span] = []
    open_at: Optional[int] = None
    for i, c in enumerate(text):
        if open_at is None:
            if c in OPEN or c == STRAIGHT or (c in CLOSE and (i == 0 or text[i - 1] == "\n")):
                open_at = i  # a paragraph opening with a closing mark (”...”) opens a quote all the same
        elif c in CLOSE or c == STRAIGHT:
            if i - open_at <= MAX_QUOTE:
                _add(out, text, open_at + 1, i, min_words)
            open_at = None
        elif c in OPEN:
            open_at = i  # an opening mark inside an open quote: the first one was stray
        elif c == "\n":
            nxt = re.match(r"\n+[ \t]*(.)", text[i:i + 200])
            if nxt and nxt.group(1) in OPEN + STRAIGHT:
                _add(out, text, open_at + 1, i, min_words)  # news style: reopened next paragraph
            open_at = None
    return out


def _add(out: list[Span], text: str, start: int, end: int, min_words: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(text[start:end].split()) >= min_words:
        out.append(Span.of(text, start, end))
