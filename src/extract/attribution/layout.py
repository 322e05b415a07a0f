"""Attributions that the page layout makes, not the grammar.

Transcript and headline style: a name and a colon at the start of a line (or right after the
quote mark that opens a transcript paragraph): ``MORGAN: Well, look, ...``, ``"HOST: If I may,
...``, ``Jane Roe: Voters Are Worried ...``. The colon is the cue, as PolNeAR marks it.
(Quotations signed with a dash, "― Name", cost 0.01 point of relation F1 on PolNeAR
train-validation, and inverted "Said Name:" lines never fired there: both were dropped.)
"""
from __future__ import annotations

import re
from typing import Iterator

from ..records import Claim, Span
from . import sources
from .common import Context

NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|la|of|the))*"
COLON_LINE_RE = re.compile(rf"^[ \t]*[\"“]?(?P<name>{NAME})[ \t]*(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)$", re.MULTILINE)
NOT_SPEAKERS = {"note", "photo", "image", "source", "update", "updated", "related", "editor's note", "correction",
                "watch", "read", "listen", "video", "share", "advertisement", "tags", "topics", "by", "posted",
                "published", "filed", "credit", "caption", "warning", "breaking", "exclusive", "opinion",
                "analysis", "live", "file", "q", "a", "clarification", "latest",
                # bylines, contact lines, notices and headline interjections (PolNeAR train-validation: 30
                # of the 58 wrong layout claims; none right)
                "contributing", "byline", "twitter", "email", "e-mail", "editor’s note", "facebook", "instagram",
                "follow", "wow", "boom", "busted", "revealed", "so", "look", "bombshell", "just leaked",
                "paid notice", "name"}
# Capitalised function words mark a title ("Health On The Line: ...", "The Race Is On: ..."), not a name
# (PolNeAR train-validation: +0.02 point relation F1)
SAYING = {"said", "says", "asked", "asks", "added", "adds", "wrote", "writes"}
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
        if words[0].lower() in SAYING:
            continue  # "Said Morgan: ...": no speaker rather than the wrong one "Said Morgan"
        if m.group("content").strip().startswith(("//", "http")) or re.match(r"^\d", m.group("content")):
            continue
        start, cue = m.start("name"), Span.of(text, m.start("cue"), m.end("cue"))
        yield (Span.of(text, start, m.start("name") + len(name)), cue,
               Span.of(text, m.start("content"), m.end("content")))


def claims(ctx: Context) -> list[Claim]:
    """Claims the layout makes: "NAME: text" lines."""
    out = []
    for sp, cue, con in colon_lines(ctx.text):
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
                         quote="direct", rule="layout:colon"))
    return out
