"""The claim check (extract.attribution.claim_model) and its trainer, on hand-built Docs."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.attribution import claim_model
from extract.attribution.common import Context
from extract.records import Claim, Span


def nested_doc() -> Doc:
    """Made up: "Aides said the mayor claimed that taxes fell. Taxes rose, the clerk said." """
    vocab = spacy.blank("en").vocab
    words = ["Aides", "said", "the", "mayor", "claimed", "that", "taxes", "fell", ".",
             "Taxes", "rose", ",", "the", "clerk", "said", "."]
    return Doc(vocab, words=words, spaces=[True] * 7 + [False, True] + [True, False, True, True, True, False, False],
               heads=[1, 1, 3, 4, 1, 7, 7, 4, 1, 10, 14, 14, 13, 14, 14, 14],
               deps=["nsubj", "ROOT", "det", "nsubj", "ccomp", "mark", "nsubj", "ccomp", "punct",
                     "nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "punct"],
               pos=["NOUN", "VERB", "DET", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT",
                    "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
               tags=["NNS", "VBD", "DT", "NN", "VBD", "IN", "NNS", "VBD", ".", "NNS", "VBD", ",", "DT", "NN", "VBD", "."],
               lemmas=["aide", "say", "the", "mayor", "claim", "that", "tax", "fall", ".",
                       "tax", "rise", ",", "the", "clerk", "say", "."])


def span(text: str, piece: str, start: int = 0) -> Span:
    i = text.index(piece, start)
    return Span.of(text, i, i + len(piece))


def claims_of(doc: Doc) -> tuple[Claim, Claim, Claim, Context]:
    text = doc.text
    outer = Claim(cue=span(text, "said"), content=span(text, "the mayor claimed that taxes fell"),
                  speaker=span(text, "Aides"), rule="verb:clause")
    inner = Claim(cue=span(text, "claimed"), content=span(text, "that taxes fell"), speaker=span(text, "the mayor"),
                  rule="verb:clause")
    second = Claim(cue=span(text, "said", 20), content=span(text, "Taxes rose"), speaker=span(text, "the clerk", 20),
                   rule="verb:clause")
    return outer, inner, second, Context(doc=doc, text=text, entities=(), lexicon=None)


def test_nested_speech_is_seen_from_both_sides():
    """A cue inside another candidate's content (PolNeAR does not annotate nested speech) and a
    content that holds another cue are features of the claim check."""
    outer, inner, second, ctx = claims_of(nested_doc())
    claims = [outer, inner, second]
    f_outer = set(claim_model.neighbour_features(outer, claims, ctx))
    f_inner = set(claim_model.neighbour_features(inner, claims, ctx))
    assert "x_has_nested" in f_outer and "x_in_other" not in f_outer
    assert {"x_in_other", "x_in_other_rule=verb:clause", "x_in_other_q=indirect"} <= f_inner
    assert "x_has_nested" not in f_inner
    assert "x_nsent=2" in f_outer and "x_nsent=2" in f_inner


def test_claims_of_the_next_sentence_are_counted_apart():
    outer, inner, second, ctx = claims_of(nested_doc())
    f = set(claim_model.neighbour_features(second, [outer, inner, second], ctx))
    assert "x_nsent=1" in f
    assert not {"x_in_other", "x_has_nested", "x_spk_other_sent", "x_content_cross_sent"} & f


def test_a_claim_alone_has_no_neighbour_features():
    outer, _, _, ctx = claims_of(nested_doc())
    assert claim_model.neighbour_features(outer, [outer], ctx) == []
    assert "rule=verb:clause" in claim_model.features(outer, ctx, [outer])


def test_shared_cue_and_shared_content_are_named():
    """One verb read two ways (two claims on one cue), and two cues for one content."""
    outer, inner, second, ctx = claims_of(nested_doc())
    text = ctx.text
    as_object = Claim(cue=outer.cue, content=span(text, "the mayor"), speaker=outer.speaker, rule="verb:object")
    f = set(claim_model.neighbour_features(as_object, [outer, as_object], ctx))
    assert {"x_same_cue=1", "x_same_cue_rule=verb:object|verb:clause"} <= f
    echo = Claim(cue=second.cue, content=span(text, "taxes fell"), speaker=second.speaker, rule="verb:clause")
    g = set(claim_model.neighbour_features(inner, [inner, echo], ctx))
    assert {"x_same_content=1", "x_same_content_first", "x_same_content_rule=verb:clause|verb:clause"} <= g
    h = set(claim_model.neighbour_features(echo, [inner, echo], ctx))
    assert "x_same_content_later" in h and "x_same_content_first" not in h
    assert "x_spk_other_sent" not in h and "x_content_cross_sent" in h


def test_keep_passes_the_article_claims_to_the_model(tmp_path):
    """A weight on a neighbour feature changes what :func:`claim_model.keep` drops."""
    from dataclasses import replace

    from extract.attribution import cues

    outer, inner, second, ctx = claims_of(nested_doc())
    claim_model.save(tmp_path, {"bias": 1.0, "x_in_other": -5.0}, {"threshold": 0.5})
    lex = replace(cues.lexicon(), claims=claim_model.load(tmp_path))
    ctx = replace(ctx, lexicon=lex)
    kept = claim_model.keep([outer, inner, second], ctx)
    assert [replace(c, confidence=None) for c in kept] == [outer, second]
    assert [round(c.confidence, 3) for c in kept] == [0.731, 0.731]  # the bias alone: 1 / (1 + e^-1)


def action_doc() -> Doc:
    """Made up: "Acme posted a loss of $4m. Rivals racked up several wins." """
    vocab = spacy.blank("en").vocab
    words = ["Acme", "posted", "a", "loss", "of", "$", "4m", ".", "Rivals", "racked", "up", "several", "wins", "."]
    return Doc(vocab, words=words, spaces=[True, True, True, True, True, False, False, True,
                                           True, True, True, True, False, False],
               heads=[1, 1, 3, 1, 3, 6, 4, 1, 9, 9, 9, 12, 9, 9],
               deps=["nsubj", "ROOT", "det", "dobj", "prep", "nmod", "pobj", "punct",
                     "nsubj", "ROOT", "prt", "amod", "dobj", "punct"],
               pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "SYM", "NUM", "PUNCT",
                    "NOUN", "VERB", "ADP", "ADJ", "NOUN", "PUNCT"],
               tags=["NNP", "VBD", "DT", "NN", "IN", "$", "CD", ".", "NNS", "VBD", "RP", "JJ", "NNS", "."],
               lemmas=["Acme", "post", "a", "loss", "of", "$", "4m", ".", "rival", "rack", "up", "several", "win", "."],
               ents=["B-ORG", "O", "O", "O", "O", "B-MONEY", "I-MONEY", "O"] + ["O"] * 6)


def test_what_an_object_is_made_of_is_a_feature():
    """An amount in the content, the noun at its head (plural or not, its determiner and modifiers,
    the preposition after it) and the cue verb's particle are features of the claim check."""
    doc = action_doc()
    text = doc.text
    ctx = Context(doc=doc, text=text, entities=(), lexicon=None)
    loss = Claim(cue=span(text, "posted"), content=span(text, "a loss of $4m"), speaker=span(text, "Acme"),
                 rule="verb:object")
    wins = Claim(cue=span(text, "racked up"), content=span(text, "several wins"), speaker=span(text, "Rivals"),
                 rule="verb:object")
    f = set(claim_model.features(loss, ctx, [loss, wins]))
    assert {"camt=MONEY", "rcamt=verb:object|MONEY", "otag=NN|verb:object", "odet=a|verb:object",
            "oprep=of|verb:object"} <= f
    assert "obare|verb:object" not in f and not any(x.startswith("ckid=prt") for x in f)
    g = set(claim_model.features(wins, ctx, [loss, wins]))
    assert {"ckid=prt|verb:object", "otag=NNS|verb:object", "omod=amod|verb:object", "obare|verb:object"} <= g
    assert not any(x.startswith(("camt=", "cnum|")) for x in g)


def test_a_clause_content_has_no_object_features():
    outer, _, _, ctx = claims_of(nested_doc())
    f = claim_model.features(outer, ctx, [outer])
    assert not any(x.startswith(("otag=", "odet=", "obare|", "camt=")) for x in f)
    assert "ckid=ccomp|verb:clause" in f


def test_kept_claims_carry_the_checks_probability_as_confidence():
    from extract.pipeline import process_text
    claims = process_text("The minister said on Monday that the bridge would reopen in May.").claims
    assert claims and all(c.confidence is not None and 0.3 <= c.confidence <= 1.0 for c in claims)


def test_claims_added_after_the_check_are_scored_not_dropped():
    from extract.pipeline import process_text
    # a framing preposition ("in the latest poll", learnt from PolNeAR train): the check gives its
    # claim a probability, whatever it is, and keeps it
    claims = process_text("Jane Roe leads John Doe by nine points in the latest Gallup poll.").claims
    frame = [c for c in claims if c.rule == "frame"]
    assert len(frame) == 1 and frame[0].cue.text == "in" and frame[0].speaker.text == "the latest Gallup poll"
    assert frame[0].confidence is not None and 0.0 <= frame[0].confidence <= 1.0
