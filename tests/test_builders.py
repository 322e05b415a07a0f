"""Claim builders (extract.attribution.builders) on hand-built Docs of made-up sentences."""
from __future__ import annotations

import dataclasses

import spacy
from spacy.tokens import Doc

from extract.attribution import builders, cues
from extract.attribution.common import Context


def _ctx(doc: Doc) -> Context:
    # the shipped tables, without the learnt check, so that the rules are what is tested
    lex = dataclasses.replace(cues.lexicon(), claims=None)
    return Context(doc=doc, text=doc.text, entities=(), lexicon=lex)


def called_for_doc() -> Doc:
    """"The mayor called for the council to resign ." as the parser reads it: "for ... to resign"
    an adverbial clause marked by "for", not the verb's preposition."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["The", "mayor", "called", "for", "the", "council", "to", "resign", "."],
               heads=[1, 2, 2, 7, 5, 7, 7, 2, 2],
               deps=["det", "nsubj", "ROOT", "mark", "det", "nsubj", "aux", "advcl", "punct"],
               pos=["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "PART", "VERB", "PUNCT"],
               tags=["DT", "NN", "VBD", "IN", "DT", "NN", "TO", "VB", "."],
               lemmas=["the", "mayor", "call", "for", "the", "council", "to", "resign", "."])


def test_called_for_a_clause_is_a_claim():
    doc = called_for_doc()
    claim = builders.verb_claim(doc[2], _ctx(doc))
    assert claim is not None and claim.rule == "verb:for"
    assert claim.content.text == "the council to resign"
    assert claim.cue.text == "called for"
    assert claim.speaker is not None and claim.speaker.text == "The mayor"


def test_for_clause_far_from_the_verb_is_not_content():
    # "The mayor called the council before dawn for them to resign": only a clause right after the
    # verb is its content; here the object stands between (positive case on the same verb above)
    doc = called_for_doc()
    assert builders._for_clause(doc[2]) is not None
    vocab = spacy.blank("en").vocab
    far = Doc(vocab, words=["The", "mayor", "waited", "long", "days", "for", "them", "to", "leave", "."],
              heads=[1, 2, 2, 4, 2, 8, 8, 8, 2, 2],
              deps=["det", "nsubj", "ROOT", "amod", "dobj", "mark", "nsubj", "aux", "advcl", "punct"],
              pos=["DET", "NOUN", "VERB", "ADJ", "NOUN", "SCONJ", "PRON", "PART", "VERB", "PUNCT"],
              tags=["DT", "NN", "VBD", "JJ", "NNS", "IN", "PRP", "TO", "VB", "."],
              lemmas=["the", "mayor", "wait", "long", "day", "for", "they", "to", "leave", "."])
    assert builders._for_clause(far[2]) is None
