"""Entities: PERSON / ORG / GPE / NORP mentions with one canonical name per article.

Canonical names follow the news convention that a person is introduced by full name and then
referred to by surname (or first name): a short mention whose words are the last (or first)
words of a longer mention of the same label takes the longer one ("Budanov" -> "Kyrylo Budanov").
An organisation's acronym takes the long name whose initials it spells ("FBI" -> "Federal Bureau
of Investigation").
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.tokens import Doc

from .records import ArticleMeta, Entity, Span
from .nlp import text_of

LABELS = ("PERSON", "ORG", "GPE", "NORP")
POSSESSIVE_RE = re.compile(r"(?:['’]s?|['’])$")
TITLE_RE = re.compile(
    r"^(?:(?:the|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|President|Senator|Minister|"
    r"Chancellor|Premier|Judge|Justice|Pope|King|Queen|Prince|Princess)\.?\s+)+",
    re.IGNORECASE,
)


DATELINE_RE = re.compile(r"^[A-Z][A-Z.' ]+\s+[-–—]+\s+(?=\S)")  # "ROME - Bernie Sanders"


def clean_name(name: str) -> str:
    """Strip a dateline, a possessive ending and leading titles from a name."""
    name = DATELINE_RE.sub("", name.strip())
    name = POSSESSIVE_RE.sub("", name.strip()).strip()
    stripped = TITLE_RE.sub("", name).strip()
    return stripped or name


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name) if w]


def _name_part(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` begin or end ``other``, compared lower-cased ("De Blasio" opening a
    sentence is "Bill de Blasio")."""
    words, other = [w.lower() for w in words], [w.lower() for w in other]
    return other[-len(words):] == words or other[:len(words)] == words


def canonical_map(names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map (label, cleaned name) to the fullest name of the same entity in the article."""
    names = list(dict.fromkeys(names))
    out: dict[tuple[str, str], str] = {}
    for label, name in names:
        words = _words(name)
        best = name
        for other_label, other in names:
            if other_label != label or len(other) <= len(best):
                continue
            ow = _words(other)
            if label == "PERSON" and len(ow) > len(words) and _name_part(words, ow):
                best = other
            elif label == "ORG" and name.isupper() and 2 <= len(name) <= 6:
                initials = "".join(w[0] for w in ow if w[:1].isupper())
                if initials == name:
                    best = other
        out[(label, name)] = best
    return out


def extract(doc: Doc, meta: Optional[ArticleMeta] = None) -> tuple[Entity, ...]:
    """Entity mentions of the article, outside excluded spans, each with its canonical name."""
    text = text_of(doc)
    raw: list[tuple[Span, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        m = POSSESSIVE_RE.search(text[start:end])
        if m and end - start > len(m.group(0)):
            end -= len(m.group(0))
        if meta is not None and meta.is_excluded(start, end):
            continue
        span = Span.of(text, start, end)
        raw.append((span, ent.label_, clean_name(span.text)))
    canon = canonical_map((label, name) for _, label, name in raw)
    return tuple(Entity(span, label, canon[(label, name)]) for span, label, name in raw)
