"""Coreference, just enough for speakers: one canonical name per source.

* a pronoun ("she raised doubts") takes the latest person speaker within a few sentences before
  it, else the latest person named before it (the usual recency heuristic of quote attribution
  systems such as citron and the Gender Gap Tracker);
* a named speaker takes its entity's canonical name ("Roe" -> "Jane Roe");
* a person noun with a name in its phrase ("One nurse, named only as Ana") takes the name;
* a capital used as a speaker takes its state ("Havana" -> "Cuba", lexicon in
  ``models/capitals``).
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from ..records import Claim, Entity, replace
from .sources import GROUP_PRONOUNS, PERSON_PRONOUNS
from .spans import tokens_span

LOOKBACK_CHARS = 1500


def resolve(claims: Sequence[Claim], entities: Sequence[Entity], subjects: Sequence[Entity] = ()) -> list[Claim]:
    """Fill ``speaker_canonical`` of pronoun speakers from earlier claims and names.

    ``subjects`` are proper-noun sentence subjects, a fallback antecedent when the named-entity
    recogniser missed a person ("Kyrylo Budanov spoke ..." tagged ORG).
    """
    out: list[Claim] = []
    persons = sorted((e for e in list(entities) + list(subjects) if e.label == "PERSON"), key=lambda e: e.span.start)
    for claim in sorted(claims, key=lambda c: (c.cue.start, c.cue.end)):
        sp = claim.speaker
        if sp is None or sp.text.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            out.append(claim)
            continue
        want_person = sp.text.lower() in PERSON_PRONOUNS
        found = None
        for prev in reversed(out):
            if prev.speaker is None or prev.speaker.start >= sp.start or sp.start - prev.speaker.end > LOOKBACK_CHARS:
                continue
            if prev.speaker_canonical and prev.speaker_canonical.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS:
                if (prev.speaker_type == "person") == want_person:
                    found = (prev.speaker_canonical, prev.speaker_type)
                    break
        if found is None and want_person:
            before = [e for e in persons if e.span.end <= sp.start and sp.start - e.span.end <= LOOKBACK_CHARS]
            if before:
                found = (before[-1].canonical, "person")
        if found:
            out.append(replace(claim, speaker_canonical=found[0], speaker_type=found[1]))
        else:
            out.append(claim)
    return _person_names(out)


def _person_names(claims: list[Claim]) -> list[Claim]:
    """A bare name that another claim established as a person is a person ("Ri stated")."""
    people = {c.speaker_canonical for c in claims if c.speaker_type == "person" and c.speaker_canonical}
    out = []
    for c in claims:
        if c.speaker_type in ("unknown", "country_or_group") and c.speaker_canonical in people:
            c = replace(c, speaker_type="person")
        out.append(c)
    return out


def name_subjects(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """Proper-noun subjects not known as places or groups, as PERSON candidates for pronouns."""
    out = []
    by_start = {e.span.start: e for e in entities}
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
            continue
        toks = [t for t in tok.subtree if t.pos_ == "PROPN" and (t.i == tok.i or t.dep_ == "compound")]
        span = tokens_span(toks)
        if span is None:
            continue
        known = by_start.get(span.start)
        out.append(Entity(span, "PERSON", known.canonical if known is not None and known.label == "PERSON" else span.text))
    return out
