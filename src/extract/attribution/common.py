"""What every attribution part shares: the article being read (:class:`Context`) and the one way a
claim is made from its speaker (:func:`new_claim`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ..records import ArticleMeta, Claim, Entity, Span
from .cues import Lexicon
from .sources import Speaker
from .spans import expand


@dataclass(frozen=True)
class Context:
    """One parsed article as the attribution parts see it."""

    doc: Doc
    text: str
    entities: tuple[Entity, ...]
    lexicon: Lexicon
    meta: Optional[ArticleMeta] = None
    quotes: tuple[Span, ...] = ()  # direct quotations (:func:`.quotes.find`)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that start within [start, end) characters."""
        start, end = max(start, 0), min(end, len(self.text))
        if end <= start:
            return []
        span = expand(self.doc, start, end)
        return [t for t in span if start <= t.idx < end] if span is not None else []


def new_claim(speaker: Speaker, *, cue: Span, content: Span, **fields) -> Claim:
    """A claim with the speaker's span, canonical name, type and role."""
    return Claim(cue=cue, content=content, speaker=speaker.span, speaker_canonical=speaker.canonical,
                 speaker_type=speaker.type, speaker_role=speaker.role, **fields)
