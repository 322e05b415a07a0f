"""The parse cache (extract.corpora.parses) keeps each doc's tok2vec tensor beside its DocBin."""
from __future__ import annotations

import numpy as np

from extract.corpora import parses


def token_vectors(doc):
    """The tensor as the learnt gate reads it (float16-rounded, as the cache keeps it)."""
    return doc.tensor.astype(np.float16).astype(np.float32) if doc.tensor.size else None


def test_cached_docs_carry_the_tensor_the_pipeline_sets(tmp_path, nlp):
    texts = ["Officials said prices rose.\nThe mayor denied it.", "A second, made-up text."]
    first = parses.parsed(texts, root=tmp_path)
    again = parses.parsed(texts, root=tmp_path)
    assert len(list(tmp_path.rglob("*.t2v.npy"))) == 2
    for a, b, fresh in zip(first, again, nlp.pipe(texts)):
        assert a.tensor.shape == b.tensor.shape == fresh.tensor.shape
        assert np.array_equal(a.tensor, b.tensor)
        assert np.abs(b.tensor - fresh.tensor).max() < 1e-2  # float16 on disk
        assert np.array_equal(token_vectors(b), token_vectors(fresh))  # the judges read the same numbers


def test_an_entry_without_its_tensor_gets_one_from_tok2vec(tmp_path, nlp):
    texts = ["The council said on Monday that it would appeal."]
    parses.parsed(texts, root=tmp_path)
    for p in tmp_path.rglob("*.t2v.npy"):
        p.unlink()  # as written before the tensors were kept
    doc = parses.parsed(texts, root=tmp_path)[0]
    assert len(list(tmp_path.rglob("*.t2v.npy"))) == 1
    assert np.array_equal(token_vectors(doc), token_vectors(nlp(texts[0])))


def test_run_path_docs_have_vectors_also_when_parsed_in_pieces(nlp):
    """``extract run`` parses with :func:`extract.nlp.parse_many`, which joins the pieces of a
    long text with ``Doc.from_docs``: the joined doc keeps every piece's vectors."""
    from spacy.tokens import Doc

    from extract import nlp as nlp_module

    text = "The mayor said taxes would rise.\nAides denied it on Monday.\nThe council said nothing."
    whole = next(nlp_module.parse_many(nlp, [text]))
    cuts = nlp_module.split_points(text, 40)
    assert len(cuts) > 2
    joined = Doc.from_docs(list(nlp.pipe(text[a:b] for a, b in zip(cuts, cuts[1:]))), ensure_whitespace=False)
    for doc in (whole, joined):
        assert doc.text == text
        vecs = token_vectors(doc)
        assert vecs is not None and vecs.shape[0] == len(doc) and np.abs(vecs).sum(axis=1).min() > 0
