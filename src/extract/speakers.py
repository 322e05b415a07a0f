"""Speakers across the run: one key per source, however each article writes it.

Within an article, ``speaker_canonical`` already resolves pronouns and short names ("he",
"Putin" -> "Vladimir Putin"). Across articles the same source is still written many ways; this
module gives every claim a run-level ``speaker_key`` so that ``groupby("speaker_key")`` works over
a whole run, and the same keys serve the entities the claim ledger (:mod:`extract.ledger`) keys
facts on.

The merging is conservative: a wrong merge puts one person's words in another's mouth, a missed
one only splits a row in two. The rules, in order:

1. A name is normalised (:func:`name_key`): a possessive, a leading article or honorific ("the",
   "Dr"), brackets and the dots of "U.S." removed, case folded (titles such as "President" are
   already in ``speaker_role``, not in the canonical name), and "the Department of X" read as "the X Department" (English writes an office
   both ways: "Department of Justice" / "Justice Department", "Ministry of Defence" / "Defence
   Ministry"). Names that normalise alike are one key.
2. Only *named* sources are merged across articles: the source's canonical name is an entity
   (PERSON, ORG, GPE or NORP) of the same article. Descriptions ("officials", "the regional
   governor", "Western intelligence agencies"), unresolved pronouns, documents and anonymous
   sources are keyed within their article only (``officials@ARTICLE_ID``): "officials" in two
   articles are rarely the same officials.
3. A person's name of one word (a surname, "Putin") merges with a full name ("Vladimir Putin")
   only when exactly one full name in the whole run, speakers and entity mentions alike, ends with
   that word. When none does, or several do ("Joe Biden", "Hunter Biden"), it stays within its
   article. Full names merge only when they normalise alike: middle initials are kept ("George W.
   Bush" and "George H. W. Bush" are different people).
4. An acronym of an organisation or place ("WHO", "US") merges with a long name whose capitalised
   words spell it ("World Health Organization") only when exactly one such long name is in the run.

What the keys do not do: metonyms and aliases are not merged ("the Pentagon" and "the U.S. Defense
Department", "the Kremlin" and "the Russian presidency"): the Pentagon is the Department of
Defense's building and usually stands for it, but a table of such aliases must be curated per
country and per era, and without a country prefix "the Defense Department" may be any country's.
Names in other scripts or transliterations ("Zelensky" / "Zelenskyy") stay apart.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

import pandas as pd


__all__ = ["name_key", "is_acronym", "initials", "NameIndex", "entity_keys", "speaker_keys", "speakers_table",
           "LOCAL_SEP"]

LOCAL_SEP = "@"  # an article-scoped key is NAME@ARTICLE_ID
PERSON_LABELS = frozenset({"PERSON"})
ANONYMOUS_TYPES = frozenset({"anonymous"})
_BRACKETS_RE = re.compile(r"\s*\([^)]*\)?")
_ACRONYM_RE = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z])")
_LEAD_RE = re.compile(r"^(?:(?:the|a|an|mr|mrs|ms|dr|prof)\.?\s+)+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?:'s?|')$")
_OFFICE_OF_RE = re.compile(r"^(?:(?P<pre>.+?)\s+)?(?P<office>department|ministry|office|bureau|agency)\s+of\s+"
                           r"(?:the\s+)?(?P<what>.+)$")
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n,;:.'\"’‘“”-–—"


def _plain(name: str) -> str:
    """The name with plain quotes, no brackets, no dots in acronyms, no article, honorific or possessive."""
    name = unicodedata.normalize("NFKC", str(name)).replace("’", "'").replace("‘", "'")
    name = _ACRONYM_RE.sub(lambda m: m.group(0).replace(".", ""), _BRACKETS_RE.sub(" ", name))
    name = _SPACE_RE.sub(" ", name).strip(_EDGE_PUNCT)
    name = _POSSESSIVE_RE.sub("", _LEAD_RE.sub("", name))
    return name.strip(_EDGE_PUNCT)


def name_key(name: str) -> str:
    """The normalised form names are compared in (rule 1 of the module docstring).

    >>> name_key("the U.S. Department of Defense"), name_key("U.S. Defense Department")
    ('us defense department', 'us defense department')
    >>> name_key("Dr. Ana Ruiz's"), name_key("the Justice Department")
    ('ana ruiz', 'justice department')
    """
    key = _plain(name).lower()
    m = _OFFICE_OF_RE.match(key)
    if m:
        key = " ".join(p for p in (m.group("pre"), m.group("what"), m.group("office")) if p)
    return _SPACE_RE.sub(" ", key).strip()


def is_acronym(name: str) -> bool:
    """Two to six capital letters, dots allowed ("WHO", "U.S.", "NATO")."""
    letters = _plain(name).replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """The capitals that begin the words of a long name ("World Health Organization" -> "WHO")."""
    return "".join(w[0] for w in _plain(name).split() if w[:1].isupper())


@dataclass
class NameIndex:
    """What the whole run knows about names: full names by surname, long names by initials.

    Built once per run from every (label, name) pair of the entities and the named speakers, so
    a surname or an acronym is resolved against the run, not against one article.
    """

    full_names: dict = field(default_factory=lambda: defaultdict(set))   # surname key -> {full name keys}
    long_names: dict = field(default_factory=lambda: defaultdict(set))   # initials -> {long name keys}

    @classmethod
    def of(cls, names: Iterable[tuple[str, str]]) -> "NameIndex":
        """``names``: (entity label, name as written) pairs."""
        index = cls()
        for label, name in set(names):
            key = name_key(name)
            words = key.split()
            if label in PERSON_LABELS:
                if len(words) >= 2:
                    index.full_names[words[-1]].add(key)
            elif len(words) >= 2 and not is_acronym(name):
                ini = initials(name)
                if len(ini) >= 2:
                    index.long_names[ini].add(key)
        return index

    def resolve(self, label: str, name: str) -> Optional[str]:
        """The run-level key of a named source or entity, or None when it must stay in its article.

        >>> ix = NameIndex.of([("PERSON", "Vladimir Putin"), ("PERSON", "Joe Biden"), ("PERSON", "Hunter Biden")])
        >>> ix.resolve("PERSON", "Putin"), ix.resolve("PERSON", "Biden"), ix.resolve("PERSON", "Hunter Biden")
        ('vladimir putin', None, 'hunter biden')
        """
        key = name_key(name)
        if not key:
            return None
        if label in PERSON_LABELS and len(key.split()) == 1:
            full = self.full_names.get(key, ())
            return next(iter(full)) if len(full) == 1 else None
        if label not in PERSON_LABELS and is_acronym(name):
            longs = self.long_names.get(_plain(name).replace(".", ""), ())
            return next(iter(longs)) if len(longs) == 1 else key
        return key


def _local(key: str, article_id: str) -> str:
    return f"{key}{LOCAL_SEP}{article_id}"


def _names_of_run(entities: pd.DataFrame) -> tuple[NameIndex, dict]:
    """The run's name index and, per (article_id, name key), the label of the entity of that name."""
    labels: dict = {}
    pairs = set()
    for col in ("canonical", "text"):
        for aid, label, name in entities[["article_id", "label", col]].drop_duplicates().itertuples(index=False):
            if pd.isna(name):
                continue
            pairs.add((str(label), str(name)))
            k = (aid, name_key(str(name)))
            if labels.get(k) != "PERSON":  # a name that is a PERSON anywhere in the article is a person
                labels[k] = str(label)
    return NameIndex.of(pairs), labels


def entity_keys(entities: pd.DataFrame, index: Optional[NameIndex] = None) -> pd.Series:
    """A run-level key for every entity mention (its canonical name resolved against the run).

    A one-word person name that the run does not resolve gets an article-scoped key, so "Kim" in
    two articles never makes two sentences look like the same event.
    """
    if index is None:
        index, _ = _names_of_run(entities)
    cache: dict = {}
    out = []
    for aid, label, name in entities[["article_id", "label", "canonical"]].itertuples(index=False):
        name = "" if pd.isna(name) else str(name)
        ck = (str(label), name)
        if ck not in cache:
            cache[ck] = index.resolve(str(label), name)
        key = cache[ck]
        out.append(key if key is not None else _local(name_key(name), aid))
    return pd.Series(out, index=entities.index, dtype="string")


def speaker_keys(claims: pd.DataFrame, entities: pd.DataFrame, *, index: Optional[NameIndex] = None) -> pd.Series:
    """The run-level ``speaker_key`` of every claim (empty where the claim states no source).

    Rules 2-4 of the module docstring: a named source (its canonical name is an entity of the same
    article) gets a key shared across the run; any other source a key scoped to its article.

    >>> claims = pd.DataFrame({"article_id": ["a", "b"], "speaker_canonical": ["Vladimir Putin", "Putin"],
    ...                        "speaker_type": ["person", "person"]})
    >>> ents = pd.DataFrame({"article_id": ["a", "b"], "label": ["PERSON", "PERSON"],
    ...                      "text": ["Vladimir Putin", "Putin"], "canonical": ["Vladimir Putin", "Putin"]})
    >>> speaker_keys(claims, ents).tolist()
    ['vladimir putin', 'vladimir putin']
    """
    persons = claims[["article_id", "speaker_canonical", "speaker_type"]]
    run_index, labels = _names_of_run(entities)
    index = index or run_index
    out = []
    for aid, name, stype in persons.itertuples(index=False):
        if pd.isna(name) or not str(name).strip():
            out.append(None)
            continue
        name = str(name)
        key = name_key(name)
        label = labels.get((aid, key))
        resolved = None
        if label is not None and str(stype) not in ANONYMOUS_TYPES:
            resolved = index.resolve(label, name)
        out.append(resolved if resolved is not None else _local(key or name.strip().lower(), aid))
    return pd.Series(out, index=claims.index, dtype="string")


def speakers_table(claims: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """One row per speaker key: its fullest name, type, scope, counts and the ways it was written.

    ``claims`` needs ``article_id``, ``speaker_canonical`` and ``speaker_type``; ``keys`` is
    :func:`speaker_keys` of it. Rows come most-quoted first.
    """
    cols = ["speaker_key", "name", "speaker_type", "scope", "n_claims", "n_articles", "variants"]
    df = pd.DataFrame({"speaker_key": keys.astype("string"), "article_id": claims.article_id.astype("string"),
                       "name": claims.speaker_canonical.astype("string"),
                       "speaker_type": claims.speaker_type.astype("string")}).dropna(subset=["speaker_key"])
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in cols})
    rows = []
    for key, g in df.groupby("speaker_key", sort=False):
        counts = g.name.value_counts()
        variants = sorted(counts.index, key=lambda n: (-counts[n], n))
        name = max(variants, key=lambda n: (len(n.split()), counts[n], n))
        types = g.speaker_type.value_counts()
        local = g.article_id.nunique() == 1 and key.endswith(LOCAL_SEP + g.article_id.iloc[0])
        rows.append({"speaker_key": key, "name": name, "speaker_type": types.index[0],
                     "scope": "article" if local else "run", "n_claims": len(g),
                     "n_articles": g.article_id.nunique(), "variants": " | ".join(variants)})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n_claims", "speaker_key"], ascending=[False, True], kind="stable").reset_index(drop=True)
