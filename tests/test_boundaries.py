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


def _roe_on_tuesday():
    # "Jane Roe on Tuesday said the plan works." : the parser hangs the day on the name
    words = ["Jane", "Roe", "on", "Tuesday", "said", "the", "plan", "works", "."]
    doc = _doc(words, [1, 4, 1, 2, 4, 6, 7, 4, 4],
               ["compound", "nsubj", "prep", "pobj", "ROOT", "det", "nsubj", "ccomp", "punct"],
               ["PROPN", "PROPN", "ADP", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
               ["NNP", "NNP", "IN", "NNP", "VBD", "DT", "NN", "VBZ", "."])
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("said"), at("said") + 4), content=Span.of(text, at("the plan"), at(".")),
                  speaker=Span.of(text, 0, at(" said")), speaker_canonical="Jane Roe on Tuesday", rule="verb:clause")
    return doc, claim


def test_speaker_variants_cut_before_a_phrase_hung_on_the_name():
    doc, claim = _roe_on_tuesday()
    text = doc.text
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.speaker_variants(doc, claim)}
    assert got["Jane Roe on Tuesday"] == ("orig", "orig") and got["Jane Roe"] == ("orig", "before_dep")
    # no variant runs into the claim's own cue or content
    spans = [text[a:b] for a, b, _, _ in boundaries.variants("speaker", doc, claim, [claim])]
    assert "Jane Roe" in spans and not [s for s in spans if "said" in s or "plan" in s]


def test_a_speaker_named_before_a_colon_by_the_layout_keeps_its_span():
    # "POLLS WERE EARLY - Ann Lee: “...”": the dash and the colon delimit the name, not the parse
    doc, claim = _roe_on_tuesday()
    for rule in ("quote:name-colon", "layout:colon"):
        assert boundaries.variants("speaker", doc, replace(claim, rule=rule), [claim]) == []
    assert boundaries.variants("speaker", doc, claim, [claim])


def test_adjust_moves_the_speaker_phrase_and_its_written_canonical():
    doc, claim = _roe_on_tuesday()
    ctx = SimpleNamespace(doc=doc, text=doc.text, lexicon=SimpleNamespace(
        bounds=boundaries.BoundaryModel({"speaker:k=orig|before_dep": 2.0})))
    (c,) = boundaries.adjust([claim], ctx)
    assert c.speaker.text == "Jane Roe" and c.speaker_canonical == "Jane Roe"
    assert c.cue == claim.cue and c.content == claim.content
    # a canonical name that is not the phrase as written stays
    named = replace(claim, speaker_canonical="Jane Q. Roe")
    (c,) = boundaries.adjust([named], ctx)
    assert c.speaker.text == "Jane Roe" and c.speaker_canonical == "Jane Q. Roe"
    # a claim without a speaker has nothing to move
    (c,) = boundaries.adjust([replace(claim, speaker=None, speaker_canonical=None)], ctx)
    assert c.speaker is None and c.content == claim.content


def test_fit_groups_averages_only_the_prefixes_asked():
    from extract.training.boundaries import fit_groups
    # two alternatives per group, the second always right: both fits learn to prefer it
    groups = [([["a:bias", "a:x=orig"], ["a:bias", "a:x=cut"]], [0, 1]),
              ([["b:bias", "b:x=orig"], ["b:bias", "b:x=cut"]], [0, 1])] * 5
    last = fit_groups(groups, min_count=1)
    mixed = fit_groups(groups, min_count=1, average=("b:",))
    assert last["a:x=cut"] > last["a:x=orig"] and mixed["b:x=cut"] > mixed["b:x=orig"]
    assert mixed["a:x=cut"] == last["a:x=cut"] and mixed["b:x=cut"] != last["b:x=cut"]


def test_a_moved_speaker_phrase_leaves_out_the_punctuation_at_its_edges():
    # "Now - Jane Roe said the plan works." : the dash hangs on the name; a variant taking it in
    # is written without it, as the rules write a speaker
    words = ["Now", "-", "Jane", "Roe", "said", "the", "plan", "works", "."]
    doc = _doc(words, [4, 3, 3, 4, 4, 6, 7, 4, 4],
               ["npadvmod", "punct", "compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
               ["ADV", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
               ["RB", ":", "NNP", "NNP", "VBD", "DT", "NN", "VBZ", "."])
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("said"), at("said") + 4), content=Span.of(text, at("the plan"), at(".")),
                  speaker=Span.of(text, at("Jane"), at(" said")), speaker_canonical="Jane Roe", rule="verb:clause")
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.speaker_variants(doc, claim)}
    assert got["- Jane Roe"] == ("extend_left", "orig")
    ctx = SimpleNamespace(doc=doc, text=text, lexicon=SimpleNamespace(
        bounds=boundaries.BoundaryModel({"speaker:k=extend_left|orig": 2.0})))
    (c,) = boundaries.adjust([claim], ctx)
    assert c.speaker.text == "Jane Roe" and c.content == claim.content


def test_speaker_variants_never_extend_over_a_describing_trailer():
    # "A spokesman for the firm, identified as Roe, said the plan works." : the rules leave the
    # participle after the comma out of the source (sources.describes); no variant takes it back
    words = ["A", "spokesman", "for", "the", "firm", ",", "identified", "as", "Roe", ",", "said", "the", "plan",
             "works", "."]
    doc = _doc(words, [1, 10, 1, 4, 2, 1, 1, 6, 7, 1, 10, 12, 13, 10, 10],
               ["det", "nsubj", "prep", "det", "pobj", "punct", "acl", "prep", "pobj", "punct", "ROOT", "det",
                "nsubj", "ccomp", "punct"],
               ["DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "DET", "NOUN",
                "VERB", "PUNCT"],
               ["DT", "NN", "IN", "DT", "NN", ",", "VBN", "IN", "NNP", ",", "VBD", "DT", "NN", "VBZ", "."])
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("said"), at("said") + 4), content=Span.of(text, at("the plan"), at(".")),
                  speaker=Span.of(text, 0, at(" for")), speaker_canonical="A spokesman", rule="verb:clause")
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.speaker_variants(doc, claim)}
    assert got["A spokesman for the firm"] == ("orig", "extend_dep")
    assert got["spokesman"] == ("drop_first", "orig")
    assert not [s for s in got if "identified" in s or "Roe" in s]


def test_speaker_variants_never_cut_inside_brackets():
    # "Jane Roe (D-Ohio) said the plan works." : a variant takes the bracket whole or not at all
    words = ["Jane", "Roe", "(", "D", "-", "Ohio", ")", "said", "the", "plan", "works", "."]
    spaces = [True, True, False, False, False, False, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[1, 7, 1, 1, 3, 3, 1, 7, 9, 10, 7, 7],
              deps=["compound", "nsubj", "punct", "appos", "punct", "npadvmod", "punct", "ROOT", "det", "nsubj",
                    "ccomp", "punct"],
              pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "VERB",
                   "PUNCT"],
              tags=["NNP", "NNP", "-LRB-", "NNP", "HYPH", "NNP", "-RRB-", "VBD", "DT", "NN", "VBZ", "."],
              lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * (len(words) - 1))
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("said"), at("said") + 4), content=Span.of(text, at("the plan"), at(".")),
                  speaker=Span.of(text, 0, at(" said")), speaker_canonical="Jane Roe (D-Ohio)", rule="verb:clause")
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.speaker_variants(doc, claim)}
    assert got["Jane Roe (D-Ohio)"] == ("orig", "orig") and got["Jane Roe"] == ("orig", "before_break")
    assert all(s.count("(") == s.count(")") for s in got), sorted(got)


def test_speaker_variants_never_cut_before_a_relative_clause():
    # "Jane Roe, who runs the firm, said the plan works." : PolNeAR marks the pronoun of such a
    # relative clause as a source of its own, and a cut before it cost relation F1 on train-validation
    words = ["Jane", "Roe", ",", "who", "runs", "the", "firm", ",", "said", "the", "plan", "works", "."]
    doc = _doc(words, [1, 8, 1, 4, 1, 6, 4, 1, 8, 10, 11, 8, 8],
               ["compound", "nsubj", "punct", "nsubj", "relcl", "det", "dobj", "punct", "ROOT", "det", "nsubj",
                "ccomp", "punct"],
               ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "VERB",
                "PUNCT"],
               ["NNP", "NNP", ",", "WP", "VBZ", "DT", "NN", ",", "VBD", "DT", "NN", "VBZ", "."])
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("said"), at("said") + 4), content=Span.of(text, at("the plan"), at(".")),
                  speaker=Span.of(text, 0, at(" , said")), speaker_canonical="Jane Roe", rule="verb:clause")
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.speaker_variants(doc, claim)}
    assert got["Jane Roe , who runs the firm"] == ("orig", "orig")
    assert "Jane Roe" not in got and not [s for s in got if s.endswith(("who", "runs"))]


def test_stretch_features_are_read_per_article():
    # the same offsets in two articles: each gets its own words (what is read is kept per article)
    one = _doc(["Roe", "said", "it", "works", "now", "."], [1, 1, 3, 1, 3, 1],
               ["nsubj", "ROOT", "nsubj", "ccomp", "advmod", "punct"],
               ["PROPN", "VERB", "PRON", "VERB", "ADV", "PUNCT"], ["NNP", "VBD", "PRP", "VBZ", "RB", "."])
    two = _doc(["Roe", "said", "in", "June", "now", "."], [1, 1, 1, 2, 1, 1],
               ["nsubj", "ROOT", "prep", "pobj", "advmod", "punct"],
               ["PROPN", "VERB", "ADP", "PROPN", "ADV", "PUNCT"], ["NNP", "VBD", "IN", "NNP", "RB", "."])
    cue = Span.of(one.text, 4, 8)
    first = boundaries._stretch(one, 9, 17, "add_", (9, 17), cue)
    second = boundaries._stretch(two, 9, 17, "add_", (9, 17), cue)
    assert "add_first=PRON" in first and "add_first=in" in second
    assert boundaries._stretch(one, 9, 17, "add_", (9, 17), cue) == first


def _plain_doc(words, heads, deps, pos, spaces=None):
    spaces = spaces or [True] * (len(words) - 2) + [False, False]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * (len(words) - 1))


def test_a_hyphen_between_spaces_is_a_break_and_a_hyphenated_word_is_not():
    # "Aides backed the well-known plan - a costly one." (wire copy writes a dash as " - ")
    words = ["Aides", "backed", "the", "well", "-", "known", "plan", "-", "a", "costly", "one", "."]
    heads = [1, 1, 6, 5, 5, 6, 1, 6, 10, 10, 6, 1]
    deps = ["nsubj", "ROOT", "det", "advmod", "punct", "amod", "dobj", "punct", "det", "amod", "appos", "punct"]
    pos = ["NOUN", "VERB", "DET", "ADV", "PUNCT", "VERB", "NOUN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT"]
    spaces = [True, True, True, False, False, True, True, True, True, True, False, False]
    doc = _plain_doc(words, heads, deps, pos, spaces)
    text = doc.text
    content = Span.of(text, text.index("the"), text.index("."))
    cue = Span.of(text, text.index("backed"), text.index("backed") + 6)
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.content_variants(doc, content, cue)}
    assert got["the well-known plan"] == ("orig", "before_break")
    assert got["a costly one"] == ("after_break", "orig")
    assert "the well" not in got and "known plan - a costly one" not in got


def test_variants_start_at_what_the_cue_verb_governs_inside_the_content():
    # "Roe urged the court to act." : PolNeAR marks "the court to act" or "to act"
    words = ["Roe", "urged", "the", "court", "to", "act", "."]
    heads = [1, 1, 3, 1, 5, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PUNCT"]
    doc = _plain_doc(words, heads, deps, pos)
    text = doc.text
    content = Span.of(text, text.index("the"), text.index("."))
    cue = Span.of(text, text.index("urged"), text.index("urged") + 5)
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.content_variants(doc, content, cue)}
    assert got["to act"] == ("cue_child", "orig") and got["the court to act"] == ("orig", "orig")


def test_variants_start_at_the_sentence_start_before_the_cue():
    # "Meanwhile, Roe has gained ground, according to a poll." : the rules took "has gained ground"
    words = ["Meanwhile", ",", "Roe", "has", "gained", "ground", ",", "according", "to", "a", "poll", "."]
    heads = [4, 4, 4, 4, 4, 4, 4, 4, 7, 10, 8, 4]
    deps = ["advmod", "punct", "nsubj", "aux", "ROOT", "dobj", "punct", "prep", "prep", "det", "pobj", "punct"]
    pos = ["ADV", "PUNCT", "PROPN", "AUX", "VERB", "NOUN", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    spaces = [False, True, True, True, True, False, True, True, True, True, False, False]
    doc = _plain_doc(words, heads, deps, pos, spaces)
    text = doc.text
    content = Span.of(text, text.index("has"), text.index(", according"))
    cue = Span.of(text, text.index("according"), text.index(" a poll"))
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.content_variants(doc, content, cue)}
    assert got["Meanwhile, Roe has gained ground"] == ("extend_left", "orig")


def test_a_content_that_leaves_a_quotation_open_may_end_where_it_closes():
    text = 'Roe said that voters "want change. They are tired." Then she left.'
    s, e = text.index("that"), text.index("change") + len("change")
    assert text[s:boundaries._quote_close(text, s, e)] == 'that voters "want change. They are tired.'
    assert boundaries._quote_close(text, s, text.index("Then") - 1) is None  # closed inside
    assert boundaries._quote_close('Roe said "no\nmore" x', 4, 12) is None  # not past the paragraph
    typed = "Roe said ''we win. Soon.'' Then."
    s = typed.index("''") + 2
    assert typed[s:boundaries._quote_close(typed, typed.index("''"), typed.index("win") + 3)] == "we win. Soon."


def _built(words, heads, deps, pos, tags=None):
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               tags=tags or ["XX"] * len(words), lemmas=[w.lower() for w in words],
               sent_starts=[True] + [False] * (len(words) - 1))


def _voiced_concern():
    # "Critics voiced concern over the new tax plan." made as a verb cue with its object as content
    doc = _built(["Critics", "voiced", "concern", "over", "the", "new", "tax", "plan", "."],
               [1, 1, 1, 2, 7, 7, 7, 3, 1], ["nsubj", "ROOT", "dobj", "prep", "det", "amod", "compound", "pobj", "punct"],
               ["NOUN", "VERB", "NOUN", "ADP", "DET", "ADJ", "NOUN", "NOUN", "PUNCT"])
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("voiced"), at("voiced") + 6), content=Span.of(text, at("concern"), at(".")),
                  speaker=Span.of(text, 0, 7), rule="verb:object")
    return doc, claim


def test_a_cue_variant_may_take_the_first_words_of_the_content_after_it():
    doc, claim = _voiced_concern()
    text = doc.text
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.cue_variants(doc, claim)}
    # it ends on a noun, preposition, verb or "to", never on a determiner or adjective, and leaves the
    # content two words at least
    assert got["voiced concern"] == ("0", "1") and got["voiced concern over"] == ("0", "2")
    assert not [v for v in got if v.endswith(("the", "new", "tax"))]
    ctx = SimpleNamespace(doc=doc, text=text, lexicon=SimpleNamespace(
        bounds=boundaries.BoundaryModel({"cue:ic": 3.0, "cue:lastR_w=over": 1.0})))
    (c,) = boundaries.adjust([claim], ctx)
    assert c.cue.text == "voiced concern over" and c.content.text == "the new tax plan"


def test_a_cue_variant_into_the_content_needs_the_content_right_after_it():
    # "Critics voiced concern over the new tax plan.", the content starting a word later: no variant
    # takes a word of it
    doc, claim = _voiced_concern()
    text = doc.text
    later = replace(claim, content=Span.of(text, text.index("over"), text.index(".")))
    got = {text[a:b] for a, b, _, _ in boundaries.cue_variants(doc, later)}
    assert got == {"voiced", "voiced concern"}


def test_a_cue_may_give_the_verb_it_completes_back_to_the_content():
    # "She declined to say whether it worked.": "declined", the content then "to say whether it worked"
    doc = _built(["She", "declined", "to", "say", "whether", "it", "worked", "."], [1, 1, 3, 1, 6, 6, 3, 1],
               ["nsubj", "ROOT", "aux", "xcomp", "mark", "nsubj", "ccomp", "punct"],
               ["PRON", "VERB", "PART", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"])
    text = doc.text
    at = text.index
    claim = Claim(cue=Span.of(text, at("declined"), at(" whether")), content=Span.of(text, at("whether"), at(".")),
                  speaker=Span.of(text, 0, 3), rule="verb:through")
    got = {text[a:b]: (ka, kb) for a, b, ka, kb in boundaries.cue_variants(doc, claim)}
    assert got["declined"] == ("0", "j-2")
    ctx = SimpleNamespace(doc=doc, text=text, lexicon=SimpleNamespace(bounds=boundaries.BoundaryModel({"cue:j": 3.0})))
    (c,) = boundaries.adjust([claim], ctx)
    assert c.cue.text == "declined" and c.content.text == "to say whether it worked"


def test_sentence_bounds_are_the_tokens_sentences(nlp):
    from extract.attribution.spans import sentence_bounds

    doc = nlp("The mayor said the bridge would reopen. Critics disagreed, saying repairs\nwould take a year. "
              "“Not a chance,” one engineer said.")
    assert len(list(doc.sents)) >= 3
    assert [sentence_bounds(doc, t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    plain = Doc(spacy.blank("en").vocab, words=["No", "parse", "here"])  # no boundaries: Token.sent's own error
    try:
        sentence_bounds(plain, 1)
    except ValueError:
        pass
    else:
        raise AssertionError("a doc without sentence boundaries has no sentences")


def test_expand_and_tokens_span_are_char_span_and_the_tokens_bounds(nlp):
    from extract.attribution.spans import expand, tokens_span

    doc = nlp("The mayor, Jane Roe, said the bridge would reopen in June.")
    for a, b in [(0, 9), (4, 12), (11, 19), (3, 4), (20, len(doc.text))]:
        assert expand(doc, a, b) == doc.char_span(a, b, alignment_mode="expand")
        assert expand(doc, a, b) is expand(doc, a, b)  # kept per doc
    for lo, hi in [(0, 2), (1, 6), (3, 5), (6, len(doc))]:
        assert tokens_span(doc[lo:hi]) == tokens_span(list(doc[lo:hi]))
    assert tokens_span(doc[2:2]) is None
