"""The learnt verb-cue gate (extract.attribution.cue_model) and its trainer, on hand-built Docs."""
from __future__ import annotations

import numpy as np
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


# Dense features over the pipeline's tok2vec vectors (doc.tensor)

def with_tensor(doc: Doc, seed: int = 0) -> Doc:
    rng = np.random.default_rng(seed)
    doc.tensor = rng.normal(size=(len(doc), cue_model.VECTOR_WIDTH)).astype(np.float32)
    return doc


def test_token_vectors_are_the_tensor_rounded_and_none_without_one():
    assert cue_model.token_vectors(said_doc()) is None  # a hand-built Doc has no tensor
    doc = with_tensor(said_doc())
    vecs = cue_model.token_vectors(doc)
    assert vecs.shape == (6, cue_model.VECTOR_WIDTH) and vecs.dtype == np.float32
    assert np.array_equal(vecs, doc.tensor.astype(np.float16).astype(np.float32))
    odd = said_doc()
    odd.tensor = np.zeros((6, 5), dtype=np.float32)  # another pipeline's width: ignored
    assert cue_model.token_vectors(odd) is None


def test_gate_slots_are_the_verb_its_subject_and_its_complement():
    doc = said_doc()
    assert cue_model.gate_slots(doc[1]) == (1, 0, 4)
    assert cue_model.gate_slots(doc[4]) == (4, 3, -1)


def test_half_rounding_is_numpys_float16_cast_bit_for_bit():
    rng = np.random.default_rng(3)
    t = (rng.standard_normal(20000) * np.float32(10.0) ** rng.integers(-9, 6, 20000)).astype(np.float32)
    special = [0.0, -0.0, 1e-8, -3e-5, 6.1e-5, 2.0 ** -14, 65504.0, 65519.0, 65520.0, 1e9, np.inf, -np.inf, np.nan,
               1.0 + 2.0 ** -11, 1.0 + 3 * 2.0 ** -11]  # ties round to even: down, then up
    t = np.concatenate([t, np.array(special, dtype=np.float32)]).reshape(-1, 5)
    with np.errstate(over="ignore"):  # 1e9 is too large for float16 (inf), as numpy warns
        expected = t.astype(np.float16).astype(np.float32)
        assert np.array_equal(cue_model._half(t).view(np.uint32), expected.view(np.uint32))


def test_doc_gate_slots_and_dense_scores_are_the_per_token_ones():
    vocab = spacy.blank("en").vocab

    def told() -> Doc:
        return Doc(vocab, words=["Aides", "told", "us", "that", "she", "left", "and", "he", "wrote", "it", "."],
                   heads=[1, 1, 1, 5, 5, 1, 5, 8, 5, 8, 1],
                   deps=["nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "cc", "nsubj", "conj", "dobj", "punct"])
    doc = told()
    slots = cue_model.doc_gate_slots(doc)
    assert [tuple(row) for row in slots] == [cue_model.gate_slots(t) for t in doc]
    assert tuple(slots[1]) == (1, 0, 2)  # the first complement: the object before the clause
    width = cue_model.VECTOR_WIDTH
    rng = np.random.default_rng(0)
    dense = cue_model.Dense(cue_model.GATE_SLOTS, rng.normal(size=(3, width)).astype(np.float32),
                            rng.uniform(0.5, 2, size=(3, width)).astype(np.float32),
                            rng.normal(size=(3, width)).astype(np.float32))
    assert dense.scores(doc, slots) is None  # no vectors
    doc = told()
    doc.tensor = rng.normal(size=(len(doc), width)).astype(np.float32)
    assert dense.scores(doc, slots) == [dense.score(doc, cue_model.gate_slots(t)) for t in doc]


def test_standardise_zeroes_empty_slots_and_keeps_its_statistics():
    from extract.training.cue_model import standardise

    doc = with_tensor(said_doc())
    vectors = [cue_model.slot_vectors(doc, cue_model.gate_slots(doc[1])),
               cue_model.slot_vectors(doc, cue_model.gate_slots(doc[4])), None]
    z, dense = standardise(vectors, cue_model.GATE_SLOTS)
    assert z.shape == (3, 3 * cue_model.VECTOR_WIDTH)
    assert not z[2].any()  # no vectors: all zeros
    assert not z[1, 2 * cue_model.VECTOR_WIDTH:].any()  # "rose" has no complement
    assert z[0, 2 * cue_model.VECTOR_WIDTH:].any()
    assert dense.mean.shape == dense.std.shape == (3, cue_model.VECTOR_WIDTH)


def test_fit_with_dense_columns_learns_them():
    rng = np.random.default_rng(1)
    y = [1, 0] * 50
    dense = np.array([[1.0 if t else -1.0, 0.0] for t in y]) + rng.normal(scale=0.1, size=(100, 2))
    X = [["bias"]] * 100  # the sparse features tell nothing apart
    weights, wd = fit(X, y, epochs=3, min_count=1, dense=dense)
    assert wd[0] > 0.5 > abs(wd[1])
    assert set(weights) == {"bias"}


def test_dense_gate_scores_the_vectors_and_degrades_to_sparse_without_them(tmp_path):
    width = cue_model.VECTOR_WIDTH
    w = np.zeros((3, width), dtype=np.float32)
    w[0, 0] = 2.0  # the verb's first dimension
    dense = cue_model.Dense(cue_model.GATE_SLOTS, np.zeros((3, width), np.float32), np.ones((3, width), np.float32), w)
    cue_model.save(tmp_path, {"bias": 0.0}, {"threshold": 0.5, "veto": 0.0, "dense": dense.to_json()})
    model = cue_model.load(tmp_path)
    assert model.dense is not None and model.dense.slots == cue_model.GATE_SLOTS
    plain = said_doc()
    assert model.prob(plain[1]) == 0.5  # no tensor: the sparse score alone
    doc = said_doc()
    doc.tensor = np.zeros((6, width), dtype=np.float32)
    doc.tensor[1, 0] = 1.0
    assert abs(model.prob(doc[1]) - 1 / (1 + np.exp(-2.0))) < 1e-6
    assert model.prob(doc[4]) == 0.5  # its first dimension is 0


def _object_doc(verb: str, lemma: str, noun: str, noun_lemma: str) -> Doc:
    """"Officials <verb> <noun> about the plan ." as a hand-built parse (no vectors: the gate scores
    the sparse features alone)."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=["Officials", verb, noun, "about", "the", "plan", "."],
               heads=[1, 1, 1, 2, 5, 3, 1], deps=["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
               pos=["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
               tags=["NNS", "VBD", "NN", "IN", "DT", "NN", "."],
               lemmas=["official", lemma, noun_lemma, "about", "the", "plan", "."])


def _gate_at(tmp_path, p: float, threshold: float = 0.4) -> cue_model.CueModel:
    """A gate that gives every candidate verb the probability ``p``."""
    cue_model.save(tmp_path, {"bias": float(np.log(p / (1 - p)))}, {"threshold": threshold, "veto": 0.0})
    return cue_model.load(tmp_path)


def test_an_unlisted_verb_takes_an_object_only_when_the_gate_is_surer(tmp_path):
    """Admitted at the gate's threshold (0.4) an unlisted verb takes a clause; an object only at
    OBJECT_GATE (0.5): "Officials raised the flag" is an action more often than a claim."""
    empty = frozenset()
    for p, takes in ((0.45, False), (0.55, True)):
        doc = _object_doc("raised", "raise", "flag", "flag")  # a doc caches the probabilities it was given
        lex = cues.Lexicon(empty, empty, empty, empty, {}, _gate_at(tmp_path / str(p), p))
        assert lex.is_verb_cue(doc[1])
        assert lex.takes_object(doc[1]) is takes
    listed = cues.Lexicon(frozenset({"raise"}), empty, frozenset({"raise"}), empty, {}, _gate_at(tmp_path / "l", 0.45))
    # an object verb of the lexicon takes its object whatever the gate says
    assert listed.takes_object(_object_doc("raised", "raise", "flag", "flag")[1])


def test_light_verb_noun_from_its_learnt_share():
    """The noun object is part of the cue when PolNeAR train puts it there at least LIGHT_RATE (0.3)
    of the time for this verb ("expressed doubt about"), not below ("expressed thanks")."""
    empty = frozenset()
    doc = _object_doc("expressed", "express", "doubt", "doubt")
    lex = cues.Lexicon(empty, empty, empty, empty, {}, light={("express", "doubt"): 0.35})
    assert lex.light_noun(doc[1]).text == "doubt"
    lex = cues.Lexicon(empty, empty, empty, empty, {}, light={("express", "doubt"): 0.25})
    assert lex.light_noun(doc[1]) is None


def test_a_score_is_the_same_sum_in_any_feature_order():
    """Scores are summed exactly (math.fsum): a plain sum in a set's order (which follows the hash
    seed) could differ in its last bits from run to run, and break a boundary tie either way."""
    import math

    from extract.attribution.cue_model import CueModel

    model = CueModel(weights={"a": 1e16, "b": 1.0, "c": -1e16}, threshold=0.5, veto=0.1)
    expect = 1.0 / (1.0 + math.exp(-1.0))
    assert model.score(["a", "b", "c"]) == model.score(["c", "b", "a"]) == model.score(["b", "a", "c"]) == expect
