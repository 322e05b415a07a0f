"""English word tables from spaCy's lemmatiser: noun lemmas for counted nouns, common words for names."""
from __future__ import annotations

from extract.lexicon import is_common_word, noun_lemma


def test_noun_lemma():
    assert noun_lemma("soldiers") == noun_lemma("soldier") == "soldier"
    assert noun_lemma("casualties") == "casualty" and noun_lemma("children") == "child"
    assert noun_lemma("people") != noun_lemma("residents")
    assert noun_lemma("measles cases") == "measles case" and noun_lemma("bus") == "bus"


def test_common_words_and_names():
    assert is_common_word("Court") and is_common_word("protesters") and is_common_word("ministry")
    assert not is_common_word("Reuters") and not is_common_word("Lumbridge")


def test_docstring_examples_of_lexicon():
    import doctest

    import extract.lexicon

    result = doctest.testmod(extract.lexicon)
    assert result.attempted > 0 and result.failed == 0
