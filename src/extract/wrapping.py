"""Hard-wrapped text: find the line breaks that sit inside a paragraph.

Wire copy, e-mail and plain-text archives are often wrapped at a fixed column (65-80 characters),
with paragraphs marked by a blank line or an indented first line. Read line by line, such text
falls apart: a sentence ends at every line end, names and numbers are cut in two. Text with one
paragraph per line must not be touched, nor transcripts, lists or "NAME: text" layouts.

Detection, per article (:func:`soft_breaks`):

* the wrap width ``W`` is the 97th percentile of the lengths of the lines that carry text (a
  wrapper's lines are at most ``W`` long; the percentile ignores a long URL line);
* a break between two lines of text is *greedy-consistent* when the next line's first word would
  not have fitted on the line (``len(line) + 1 + len(word) > W``): that is the rule every
  wrapping program (``fmt``, ``textwrap``, e-mail clients, wire systems) breaks by, so every
  soft break passes it, while a paragraph's short last line fails it;
* the article is wrapped when it has at least :data:`MIN_SOFT` greedy-consistent breaks, ``W`` is
  a plausible wrap width (:data:`MIN_WIDTH`-:data:`MAX_WIDTH`), most text lines are nearly full,
  and a fair share of those breaks fall mid-sentence (a line ending in a letter or comma). One
  paragraph per line fails the last test: its lines end where sentences end.

In a wrapped article a break is soft when it is greedy-consistent, or when the line ends
mid-sentence and the next line goes on in lower case; never before a blank line or an indented
first line, nor before a list item or a "NAME: text" turn that follows a finished sentence, nor
after a line that ends a paragraph by its length.

:func:`unwrap` replaces each soft break by a space. Both are one character, so every offset into
the unwrapped text is an offset into the text as read: the parser and the rules see paragraphs,
the tables keep pointing into the original.
"""
from __future__ import annotations

import re
from typing import Sequence

MIN_SOFT = 3          # greedy-consistent breaks needed to call an article wrapped
MIN_WIDTH = 30        # narrower "lines" are lists or verse, not wrapped prose
MAX_WIDTH = 140       # wider lines are paragraphs, not wrapping
FULL_SHARE = 0.5      # share of inner text lines that must reach 0.7 W
MID_SENTENCE_SHARE = 0.25  # share of greedy-consistent breaks that must fall mid-sentence

LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*•–—▪►]|\d{1,3}[.)])[ \t]+\S")
END_RE = re.compile(r"[.!?:;\"”’)\]]$")
COLON_LABEL_RE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}:[ \t]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _first_word(line: str) -> str:
    """The first word as wrapping programs see it: up to an ASCII space or tab (a no-break space
    joins words, as in ``textwrap``)."""
    return re.split(r"[ \t]", line.lstrip(" \t"), maxsplit=1)[0]


def _width(lengths: Sequence[int]) -> int:
    """The wrap width: the 97th percentile of text-line lengths (robust to a long URL line)."""
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.97 * len(ordered)))]


def soft_breaks(text: str) -> tuple[int, ...]:
    """Offsets of the ``\\n`` characters of ``text`` that sit inside a paragraph (empty when the
    text is not hard-wrapped)."""
    if text.count("\n") < MIN_SOFT:
        return ()
    lines = text.split("\n")
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    body = [ln.rstrip() for ln in lines]
    lengths = [len(ln) for ln in body if ln.strip()]
    if len(lengths) < MIN_SOFT + 1:
        return ()
    width = _width(lengths)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return ()
    indents = sorted(_indent(ln) for ln in body if ln.strip())
    body_indent = indents[len(indents) // 2]

    greedy: list[int] = []      # line numbers i whose break to i+1 is greedy-consistent
    candidates: list[int] = []  # line numbers i whose break to i+1 may be soft
    mid_sentence = 0
    inner_full = inner = 0
    for i in range(len(body) - 1):
        cur, nxt = body[i], body[i + 1]
        if not cur.strip() or not nxt.strip():
            continue
        if _indent(nxt) >= body_indent + 2 or nxt[:1] == "\t" and body_indent == 0:
            continue  # an indented first line: a new paragraph
        word = _first_word(nxt)
        ends = bool(END_RE.search(cur))
        if ends and (LIST_ITEM_RE.match(nxt) or COLON_LABEL_RE.match(nxt)):
            continue  # a list item or a "NAME: text" turn after a finished line
        inner += 1
        inner_full += len(cur) >= 0.7 * width
        if len(cur) + 1 + len(word) > width and len(cur) >= 0.5 * width:
            greedy.append(i)
            mid_sentence += not ends
            candidates.append(i)
        elif not ends and len(cur) >= 0.6 * width and (word[:1].islower() or word[:1].isdigit()):
            candidates.append(i)
    if len(greedy) < MIN_SOFT or not inner or inner_full < FULL_SHARE * inner:
        return ()
    if mid_sentence < MID_SENTENCE_SHARE * len(greedy):
        return ()
    return tuple(starts[i] + len(lines[i]) for i in candidates)


def unwrap(text: str, breaks: Sequence[int] | None = None) -> str:
    """``text`` with its soft line breaks (:func:`soft_breaks`) turned into spaces; same length."""
    breaks = soft_breaks(text) if breaks is None else breaks
    if not breaks:
        return text
    chars = list(text)
    for b in breaks:
        chars[b] = " "
    return "".join(chars)


def is_wrapped(text: str) -> bool:
    return bool(soft_breaks(text))


def restore_spans(record, text: str):
    """``record`` (any frozen record, or a tuple of them) with every :class:`~extract.records.Span`
    re-read from ``text``, the text as read: a span crossing a soft break gets its line break back,
    so ``text[start:end] == span.text`` holds for the tables. Other fields are kept as they are
    (a canonical name stays "Kyrylo Budanov", not "Kyrylo\\nBudanov")."""
    from dataclasses import fields, is_dataclass, replace

    from .records import Span

    if isinstance(record, Span):
        piece = text[record.start:record.end]
        return record if piece == record.text else Span(record.start, record.end, piece)
    if isinstance(record, tuple):
        out = tuple(restore_spans(r, text) for r in record)
        return record if all(a is b for a, b in zip(out, record)) else out
    if is_dataclass(record) and not isinstance(record, type):
        changes = {}
        for f in fields(record):
            value = getattr(record, f.name)
            if isinstance(value, (Span, tuple)) or (is_dataclass(value) and not isinstance(value, type)):
                new = restore_spans(value, text)
                if new is not value:
                    changes[f.name] = new
        return replace(record, **changes) if changes else record
    return record
