"""Attributions that the page layout makes, not the grammar.

* transcript and headline style, a name and a colon at the start of a line (or right after the
  quote mark that opens a transcript paragraph): ``PENCE: Well, look, ...``, ``"WALLACE: If I
  may, ...``, ``Pat Caddell: Democrat Voters Worried ...``;
* a quotation signed with a dash after it: ``“Trump must stop ...” ― Carla Sanchez``.

The colon or the dash is the cue, as PolNeAR marks it.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..records import Claim, Span
from . import sources
from .common import Context

NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|la|of|the))*"
COLON_LINE_RE = re.compile(rf"^[ \t]*[\"“]?(?P<name>{NAME})[ \t]*(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)$", re.MULTILINE)
DASH_SIGN_RE = re.compile(rf"[”\"]?[ \t]*(?P<cue>[―—–]|--)[ \t]*(?P<name>{NAME})")
NOT_SPEAKERS = {"note", "photo", "image", "source", "update", "updated", "related", "editor's note", "correction",
                "watch", "read", "listen", "video", "share", "advertisement", "tags", "topics", "by", "posted",
                "published", "filed", "credit", "caption", "warning", "breaking", "exclusive", "opinion",
                "analysis", "live", "file", "q", "a", "clarification", "latest"}
INVERTED_CUES = {"Said", "Says", "Added", "Adds", "Asked", "Asks", "Wrote", "Writes", "Explained", "Explains"}
# Capitalised function words mark a title ("Stealth Over Health: ...", "The Gap Goes On: ..."), not a name
TITLE_WORDS = {"The", "A", "An", "Over", "On", "Of", "In", "To", "For", "With", "At", "By", "And", "Or", "From",
               "Into", "Up", "Out", "Is", "Are"}


def colon_lines(text: str) -> Iterator[tuple[Span, Span, Span]]:
    """(speaker, cue, content) for lines that open with a name and a colon."""
    for m in COLON_LINE_RE.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if len(words) > 5 or name.lower() in NOT_SPEAKERS or name.lower().rstrip(".") in NOT_SPEAKERS:
            continue
        if len(words) > 1 and any(w in TITLE_WORDS for w in words):
            continue
        if m.group("content").strip().startswith(("//", "http")) or re.match(r"^\d", m.group("content")):
            continue
        start, cue = m.start("name"), Span.of(text, m.start("cue"), m.end("cue"))
        if len(words) > 1 and words[0] in INVERTED_CUES:
            # "Said Ellis: “...”": the verb is the cue, the name after it the speaker
            cue = Span.of(text, start, start + len(words[0]))
            start = text.index(words[1], cue.end)
        yield (Span.of(text, start, m.start("name") + len(name)), cue,
               Span.of(text, m.start("content"), m.end("content")))


def signed_quotes(text: str, quotes: list[Span]) -> Iterator[tuple[Span, Span, Span]]:
    """(speaker, cue, quote) for quotations followed by a dash and a name."""
    for q in quotes:
        m = DASH_SIGN_RE.match(text, q.end, min(len(text), q.end + 120))
        if not m:
            continue
        name = m.group("name").strip()
        if len(name.split()) > 6:
            continue
        yield (Span.of(text, m.start("name"), m.start("name") + len(name)), Span.of(text, m.start("cue"), m.end("cue")), q)


def claims(ctx: Context) -> list[Claim]:
    """Claims the layout makes: "NAME: text" lines and quotes signed "― Name"."""
    out = []
    found = [(sp, cue, con, "layout:signed") for sp, cue, con in signed_quotes(ctx.text, list(ctx.quotes))]
    found += [(sp, cue, con, "layout:colon") for sp, cue, con in colon_lines(ctx.text)]
    for sp, cue, con, rule in found:
        name = next((e for e in ctx.entities if e.label == "PERSON" and e.span.overlaps(sp)), None)
        head = ctx.doc.char_span(sp.start, sp.end, alignment_mode="expand")
        stype = "person" if name is not None or sp.text.isupper() else "unknown"
        if head is not None and stype == "unknown":
            stype = sources.classify(head.root, sp, ctx.entities, named=False)
        if name is not None:
            canonical = name.canonical
        else:
            canonical = sp.text.title() if sp.text.isupper() else sp.text  # "PENCE" -> "Pence"
        out.append(Claim(cue=cue, content=con, speaker=sp, speaker_canonical=canonical, speaker_type=stype,
                         quote="direct", rule=rule))
    return out
