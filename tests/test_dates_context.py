"""Tense and token-dependent date rules on small hand-built spaCy docs (no model loaded)."""
from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from extract.dates import FUTURE, PAST, PRESENT, Context, tag, tense_of
from extract.dates.context import ahead

DCT = dt.date(2025, 3, 5)
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num), no model


def doc(words, heads, deps, tags, pos, ents=None, lemmas=None):
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas or [w.lower() for w in words], ents=ents)


def visit(aux_words, aux_tags, verb, verb_tag):
    """ "He [aux] VERB in October ." with the month under the verb's prepositional phrase."""
    k = len(aux_words)
    words = ["He", *aux_words, verb, "in", "October", "."]
    v = 1 + k
    return doc(words, heads=[v] + [v] * k + [v, v, v + 1, v], deps=["nsubj"] + ["aux"] * k + ["ROOT", "prep", "pobj", "punct"],
               tags=["PRP", *aux_tags, verb_tag, "IN", "NNP", "."], pos=["PRON"] + ["AUX"] * k + ["VERB", "ADP", "PROPN", "PUNCT"])


def test_tense_of_the_governing_verb():
    assert tense_of(visit(["will"], ["MD"], "visit", "VB")[4]) == FUTURE
    assert tense_of(visit([], [], "visited", "VBD")[3]) == PAST
    assert tense_of(visit(["had"], ["VBD"], "visited", "VBN")[5]) == PAST
    assert tense_of(visit([], [], "visits", "VBZ")[3]) == PRESENT


def test_a_month_resolves_in_the_direction_of_the_tense():
    """In March 2025, October is the coming one after "will", the past one after a past tense."""
    future, past = visit(["will"], ["MD"], "visit", "VB"), visit([], [], "visited", "VBD")
    assert [e.value for e in tag(Context(future.text, DCT, future))] == ["2025-10"]
    assert [e.value for e in tag(Context(past.text, DCT, past))] == ["2024-10"]


def test_a_year_needs_a_date_entity_or_a_cue():
    sales = doc(["Sales", "fell", "in", "2019", "."], heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
                tags=["NNS", "VBD", "IN", "CD", "."], pos=["NOUN", "VERB", "ADP", "NUM", "PUNCT"],
                ents=["O", "O", "O", "B-DATE", "O"])
    assert [(e.span.text, e.value) for e in tag(Context(sales.text, DCT, sales))] == [("2019", "2019")]
    cars = doc(["He", "sold", "2019", "cars", "in", "2020", "."], heads=[1, 1, 3, 1, 1, 4, 1],
               deps=["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"],
               tags=["PRP", "VBD", "CD", "NNS", "IN", "CD", "."], pos=["PRON", "VERB", "NUM", "NOUN", "ADP", "NUM", "PUNCT"])
    assert [(e.span.text, e.value) for e in tag(Context(cars.text, DCT, cars))] == [("2020", "2020")]


def test_a_day_ahead_under_a_modal_or_an_intent():
    """ "might arrive Tuesday" and "intended to fly on Tuesday" are the coming Tuesday; "left on
    Tuesday" the last one."""
    could = doc(["They", "might", "arrive", "Tuesday", "."], heads=[2, 2, 2, 2, 2],
                deps=["nsubj", "aux", "ROOT", "npadvmod", "punct"], tags=["PRP", "MD", "VB", "NNP", "."],
                pos=["PRON", "AUX", "VERB", "PROPN", "PUNCT"])
    planned = doc(["They", "intended", "to", "fly", "on", "Tuesday", "."], heads=[1, 1, 3, 1, 3, 4, 1],
                  deps=["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "punct"],
                  tags=["PRP", "VBD", "TO", "VB", "IN", "NNP", "."], pos=["PRON", "VERB", "PART", "VERB", "ADP", "PROPN", "PUNCT"],
                  lemmas=["they", "intend", "to", "fly", "on", "Tuesday", "."])
    left = doc(["They", "left", "on", "Tuesday", "."], heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
               tags=["PRP", "VBD", "IN", "NNP", "."], pos=["PRON", "VERB", "ADP", "PROPN", "PUNCT"])
    assert ahead(could[3]) and ahead(planned[5]) and not ahead(left[3])
    assert [e.value for e in tag(Context(could.text, DCT, could))] == ["2025-03-11"]
    assert [e.value for e in tag(Context(left.text, DCT, left))] == ["2025-03-04"]


def test_until_after_a_noun_is_a_deadline():
    """ "moved the vote until Friday" is the coming Friday, even in a past tense."""
    d = doc(["They", "moved", "the", "vote", "until", "Friday", "."], heads=[1, 1, 3, 1, 1, 4, 1],
            deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"], tags=["PRP", "VBD", "DT", "NN", "IN", "NNP", "."],
            pos=["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"])
    assert ahead(d[5])
    assert [e.value for e in tag(Context(d.text, DCT, d))] == ["2025-03-07"]
