"""The learnt verb-cue gate (extract.attribution.cue_model) and its trainer, on hand-built Docs."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.attribution import cue_model, cues
from extract.training.cue_model import fit


def said_doc(verb: str = "said", lemma: str = "say") -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["Officials", verb, "that", "prices", "rose", "."],
               heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
               pos=["NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"], tags=["NNS", "VBD", "IN", "NNS", "VBD", "."],
               lemmas=["official", lemma, "that", "price", "rise", "."])


def test_features_describe_the_verbs_context():
    f = cue_model.features(said_doc()[1])
    assert {"lem=say", "dep=ROOT", "k=ccomp", "mark=that", "subjtag=NNS", "subjlem=official"} <= set(f)
    assert "nocomp" not in f


def test_only_verbs_are_candidates():
    doc = said_doc()
    assert [t.text for t in doc if cue_model.is_candidate(t)] == ["said", "rose"]


def test_fit_learns_and_prob_reads_back(tmp_path):
    X = [["bias", "lem=say", "k=ccomp"]] * 20 + [["bias", "lem=rise", "nocomp"]] * 20
    y = [1] * 20 + [0] * 20
    weights = fit(X, y, epochs=3, min_count=1)
    cue_model.save(tmp_path, weights, {"threshold": 0.7, "veto": 0.15})
    model = cue_model.load(tmp_path)
    doc = said_doc()
    assert model.prob(doc[1]) > 0.7 > 0.15 > model.prob(doc[4])
    assert model.prob(doc[0]) == 0.0  # not a candidate


def test_no_model_files_means_lexicon_only(tmp_path):
    assert cue_model.load(tmp_path) is None


def test_shipped_gate_keeps_plain_reporting_verbs():
    lex = cues.lexicon()
    assert lex.model is not None
    assert lex.is_verb_cue(said_doc()[1])
    assert not lex.is_verb_cue(said_doc()[4])


def test_noun_tagged_clause_head_is_a_verb():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Roe", "claims", "that", "he", "won"], heads=[1, 1, 4, 4, 1],
              deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp"], pos=["PROPN", "NOUN", "SCONJ", "PRON", "VERB"],
              tags=["NNP", "NNS", "IN", "PRP", "VBD"], lemmas=["Roe", "claim", "that", "he", "win"])
    assert cues.noun_tagged_verb(doc[1]) and not cues.noun_tagged_verb(doc[0])


def test_claim_check_drops_what_its_weights_reject(tmp_path):
    from extract.attribution import claim_model
    from extract.attribution.common import Context
    from extract.records import Claim, Span

    doc = said_doc()
    text = doc.text
    said = Claim(cue=Span.of(text, 10, 14), content=Span.of(text, 15, 31), speaker=Span.of(text, 0, 9),
                 speaker_type="anonymous", rule="verb:clause")
    rose = Claim(cue=Span.of(text, 27, 31), content=Span.of(text, 20, 26), speaker=Span.of(text, 20, 26),
                 rule="verb:object")
    claim_model.save(tmp_path, {"bias": 0.0, "rule=verb:object": -3.0, "lem=say": 2.0}, {"threshold": 0.25})
    model = claim_model.load(tmp_path)
    ctx = Context(doc=doc, text=text, entities=(), lexicon=None)
    assert model.prob(said, ctx) > 0.25 > model.prob(rose, ctx)
    assert "rule=verb:clause" in claim_model.features(said, ctx) and "lem=say" in claim_model.features(said, ctx)
    assert claim_model.load(tmp_path / "none") is None


def test_shipped_claim_check_is_loaded():
    lex = cues.lexicon()
    assert lex.claims is not None and 0 < lex.claims.threshold < 1


def test_shipped_claim_threshold_is_the_training_default():
    """The shipped ``claim_model.json`` is what the build command writes: its threshold is the
    trainer's default (chosen on train-validation), so a rebuild does not silently change it."""
    from extract.training import claim_model as training

    lex = cues.lexicon()
    ap_default = _trainer_threshold_default(training)
    assert lex.claims is not None and lex.claims.threshold == ap_default == 0.3


def _trainer_threshold_default(training) -> float:
    import argparse
    from unittest import mock

    seen = {}
    real = argparse.ArgumentParser.parse_args

    def capture(self, args=None, namespace=None):
        ns = real(self, ["train", "out"])
        seen["threshold"] = ns.threshold
        raise SystemExit(0)

    with mock.patch.object(argparse.ArgumentParser, "parse_args", capture):
        try:
            training.main([])
        except SystemExit:
            pass
    return seen["threshold"]


def test_claim_features_name_the_heads_of_speaker_and_content():
    from extract.attribution import claim_model
    from extract.attribution.common import Context
    from extract.records import Claim, Span

    doc = said_doc()
    text = doc.text
    said = Claim(cue=Span.of(text, 10, 14), content=Span.of(text, 15, 31), speaker=Span.of(text, 0, 9),
                 rule="verb:clause")
    f = set(claim_model.features(said, Context(doc=doc, text=text, entities=(), lexicon=None)))
    assert {"shead=NOUN|-", "shlem=official", "slemhead=say|NOUN|-", "chead=VERB|-", "clemhead=say|VERB|-"} <= f
    assert "cdep=ccomp" in f and "shlem=price" not in f
