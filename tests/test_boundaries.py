"""The content-boundary choice (extract.attribution.boundaries), on a hand-built parse."""
from __future__ import annotations

from types import SimpleNamespace

import spacy
from spacy.tokens import Doc

from extract.attribution import boundaries
from extract.records import Claim, Span, replace


def _said_given():
    # "She said the plan works, given its cost."
    words = ["She", "said", "the", "plan", "works", ",", "given", "its", "cost", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 8, 6, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct", "prep", "poss", "pobj", "punct"]
    pos = ["PRON", "VERB", "DET", "NOUN", "VERB", "PUNCT", "VERB", "PRON", "NOUN", "PUNCT"]
    tags = ["PRP", "VBD", "DT", "NN", "VBZ", ",", "VBN", "PRP$", "NN", "."]
    spaces = [True, True, True, True, False, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 9)
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("said"), at("said") + 4), content=Span.of(text, at("the plan"), at(", given")),
                  speaker=Span.of(text, 0, 3), rule="verb:clause")
    return doc, claim


def test_variants_cut_and_extend_at_breaks():
    doc, claim = _said_given()
    got = {doc.text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.content_variants(doc, claim.content, claim.cue)}
    assert got["the plan works"] == ("orig", "orig")
    assert got["the plan works, given its cost"] == ("orig", "extend_sent")


def test_adjust_takes_the_variant_the_model_prefers():
    doc, claim = _said_given()
    ctx = SimpleNamespace(doc=doc, text=doc.text, lexicon=SimpleNamespace(bounds=None))
    assert boundaries.adjust([claim], ctx) == [claim]  # no model: unchanged
    ctx.lexicon.bounds = boundaries.BoundaryModel({"content:k=orig|extend_sent": 2.0, "content:add_first=given": 1.0})
    (c,) = boundaries.adjust([claim], ctx)
    assert c.content.text == "the plan works, given its cost" and c.cue == claim.cue
    ctx.lexicon.bounds = boundaries.BoundaryModel({"content:k=orig|extend_sent": -2.0})
    assert boundaries.adjust([claim], ctx)[0].content.text == "the plan works"


def test_cue_variants_stay_between_speaker_and_content():
    doc, claim = _said_given()
    got = {doc.text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.cue_variants(doc, claim)}
    assert got == {"said": ("0", "0")}  # "She" is the speaker, "the plan works" the content: no room
    text = doc.text
    later = replace(claim, content=Span.of(text, text.index("given"), text.index(".")))
    got = {doc.text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.cue_variants(doc, later)}
    assert got["said the"] == ("0", "1") and "said the plan works" in got and not [v for v in got if "given" in v]
    ctx = SimpleNamespace(doc=doc, text=text, lexicon=SimpleNamespace(bounds=boundaries.BoundaryModel({"cue:db=1": 3.0})))
    (c,) = boundaries.adjust([later], ctx)
    assert c.cue.text == "said the" and c.content == later.content


def test_cue_variants_always_keep_the_cue_verb():
    # "Aides said taxes would rise, adding that it would be small." : the second claim's cue
    # "adding" may grow or shrink, but no variant may drop it (once "would rise" became its cue)
    words = ["Aides", "said", "taxes", "would", "rise", ",", "adding", "that", "it", "would", "be", "small", "."]
    heads = [1, 1, 4, 4, 1, 1, 1, 10, 10, 10, 6, 10, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct", "advcl", "mark", "nsubj", "aux", "ccomp", "acomp",
            "punct"]
    pos = ["NOUN", "VERB", "NOUN", "AUX", "VERB", "PUNCT", "VERB", "SCONJ", "PRON", "AUX", "AUX", "ADJ", "PUNCT"]
    tags = ["NNS", "VBD", "NNS", "MD", "VB", ",", "VBG", "IN", "PRP", "MD", "VB", "JJ", "."]
    spaces = [True, True, True, True, False, True, True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 12)
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("adding"), at("adding") + 6), content=Span.of(text, at("that it"), at(".")),
                  speaker=Span.of(text, 0, 5), rule="verb:clause")
    got = [text[a:b] for a, b, _, _ in boundaries.cue_variants(doc, claim)]
    assert "would rise, adding" in got and "adding" in got
    assert all("adding" in v for v in got)


def _doc(words, heads, deps, pos, tags):
    spaces = [True] * (len(words) - 2) + [False, False]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * (len(words) - 1))


def test_content_variants_follow_the_parse_without_a_break():
    # "She described him as a threat." : what the verb governs after an object content
    doc = _doc(["She", "described", "him", "as", "a", "threat", "."], [1, 1, 1, 1, 5, 3, 1],
               ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
               ["PRON", "VERB", "PRON", "ADP", "DET", "NOUN", "PUNCT"], ["PRP", "VBD", "PRP", "IN", "DT", "NN", "."])
    text = doc.text
    cue = Span.of(text, text.index("described"), text.index(" him"))
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.content_variants(doc, Span.of(text, 14, 17), cue)}
    assert got["him"] == ("orig", "orig") and got["him as a threat"] == ("orig", "extend_dep")
    # "She announced her bid in June." : a cut before a phrase hung on the content's head
    doc = _doc(["She", "announced", "her", "bid", "in", "June", "."], [1, 1, 3, 1, 3, 4, 1],
               ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
               ["PRON", "VERB", "PRON", "NOUN", "ADP", "PROPN", "PUNCT"], ["PRP", "VBD", "PRP$", "NN", "IN", "NNP", "."])
    text = doc.text
    cue = Span.of(text, text.index("announced"), text.index(" her"))
    content = Span.of(text, text.index("her"), text.index("."))
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.content_variants(doc, content, cue)}
    assert got["her bid in June"] == ("orig", "orig") and got["her bid"] == ("orig", "before_dep")


def test_fit_groups_averages_only_the_prefixes_asked():
    from extract.training.boundaries import fit_groups
    # two alternatives per group, the second always right: both fits learn to prefer it
    groups = [([["a:bias", "a:x=orig"], ["a:bias", "a:x=cut"]], [0, 1]),
              ([["b:bias", "b:x=orig"], ["b:bias", "b:x=cut"]], [0, 1])] * 5
    last = fit_groups(groups, min_count=1)
    mixed = fit_groups(groups, min_count=1, average=("b:",))
    assert last["a:x=cut"] > last["a:x=orig"] and mixed["b:x=cut"] > mixed["b:x=orig"]
    assert mixed["a:x=cut"] == last["a:x=cut"] and mixed["b:x=cut"] != last["b:x=cut"]
