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
   governor", "foreign intelligence services"), unresolved pronouns, documents and anonymous
   sources are keyed within their article only (``officials@ARTICLE_ID``): "officials" in two
   articles are rarely the same officials.
3. A person's name of one word (a surname, "Putin") merges with a full name ("Vladimir Putin")
   only when exactly one full name in the whole run, speakers and entity mentions alike, ends with
   that word. When several do ("Joe Biden", "Hunter Biden"), it stays within its article; when
   none does, too, unless the run also tags the word as a place, organisation or group (the
   small model tags "Valencia" PERSON in one sentence and GPE in the next): then it is that name.
   A one-word source is read as a person when its claim or its entity says so; a one-word place
   or body that is also the surname of a person in the run stays within its article (the evidence
   conflicts). Full names merge only when they normalise alike: middle initials are kept ("George W.
   Bush" and "George H. W. Bush" are different people).
4. An acronym of an organisation or place ("WHO", "US") merges with a long name whose capitalised
   words spell it ("World Health Organization") only when exactly one such long name is in the run.

5. A body named only by common words is kept within its article: one common English word
   ("Court", "Protesters", "Senate") or common words ending in an institution's head noun
   ("the Interior Ministry", "the Supreme Court", "the Foreign Office"), with no place or people of
   the run in the name. Every country has an interior ministry; "Spanish Interior Ministry" and
   "US Supreme Court" name one and merge. Places (GPE) are exempt: "Turkey" is a country.

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
from typing import Iterable, NamedTuple, Optional

import pandas as pd


__all__ = ["name_key", "is_acronym", "initials", "NameIndex", "RunNames", "run_names", "entity_keys",
           "speaker_keys", "speakers_table", "LOCAL_SEP"]

LOCAL_SEP = "@"  # an article-scoped key is NAME@ARTICLE_ID
# Head nouns of bodies that every country has (rule 5): "the Interior Ministry" of one story is
# rarely that of the next unless a country is named with it.
INSTITUTIONS = frozenset({
    "ministry", "department", "court", "senate", "parliament", "assembly", "congress", "council", "committee",
    "commission", "office", "agency", "government", "cabinet", "police", "army", "military", "navy", "force",
    "service", "embassy", "bureau", "authority", "administration", "presidency", "prosecutor", "tribunal",
    "legislature", "chamber", "board", "party", "ministers", "coalition", "opposition", "regulator",
})
CONNECTIVES = frozenset({"of", "the", "and", "for", "on", "in", "at", "to"})
PLACE_LABELS = frozenset({"GPE", "NORP"})
PERSON_LABELS = frozenset({"PERSON"})
ANONYMOUS_TYPES = frozenset({"anonymous"})
_BRACKETS_RE = re.compile(r"\s*\([^)]*\)?")
_ACRONYM_RE = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z])")
_LEAD_RE = re.compile(r"^(?:(?:the|a|an|mr|mrs|ms|dr|prof)\.?\s+)+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?:'s?|')$")
_LEAD_ARTICLE_RE = re.compile(r"^\s*(?:the|a|an)\s+", re.IGNORECASE)
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


def display_name(name: str) -> str:
    """A name as written, less brackets and a leading article ("The WHO (" -> "WHO")."""
    shown = _LEAD_ARTICLE_RE.sub("", _BRACKETS_RE.sub(" ", str(name)))
    return _SPACE_RE.sub(" ", shown).strip(_EDGE_PUNCT) or str(name).strip()


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
    not_persons: set = field(default_factory=set)                        # one-word keys seen as ORG/GPE/NORP
    places: set = field(default_factory=set)                             # keys of GPE/NORP names

    @classmethod
    def of(cls, names: Iterable[tuple[str, str]], keys: Optional[dict] = None) -> "NameIndex":
        """``names``: (entity label, name as written) pairs; ``keys``: their :func:`name_key`, if known."""
        index = cls()
        for label, name in set(names):
            key = keys[name] if keys is not None and name in keys else name_key(name)
            words = key.split()
            if label in PERSON_LABELS:
                if len(words) >= 2:
                    index.full_names[words[-1]].add(key)
            elif len(words) == 1:
                index.not_persons.add(key)
            if label in PLACE_LABELS and len(words) <= 3:
                index.places.add(key)
            if label not in PERSON_LABELS and len(words) >= 2 and not is_acronym(name):
                ini = initials(name)
                if len(ini) >= 2:
                    index.long_names[ini].add(key)
        return index

    def resolve(self, label: str, name: str, *, person: bool = False) -> Optional[str]:
        """The run-level key of a named source or entity, or None when it must stay in its article.

        ``person``: the source is known to be a person (its claim says so) whatever the entity
        label, so a one-word name is read as a surname.

        >>> ix = NameIndex.of([("PERSON", "Vladimir Putin"), ("PERSON", "Joe Biden"), ("PERSON", "Hunter Biden")])
        >>> ix.resolve("PERSON", "Putin"), ix.resolve("PERSON", "Biden"), ix.resolve("PERSON", "Hunter Biden")
        ('vladimir putin', None, 'hunter biden')
        >>> ix.resolve("ORG", "Biden"), ix.resolve("ORG", "Kremlin"), ix.resolve("GPE", "Kremlin", person=True)
        (None, 'kremlin', None)
        """
        key = name_key(name)
        if not key:
            return None
        if len(key.split()) == 1:
            full = self.full_names.get(key, ())
            if person or label in PERSON_LABELS:
                if len(full) == 1:
                    return next(iter(full))
                # no person of that surname, and the run names a place or body so ("Valencia"
                # tagged PERSON in one sentence, GPE in another): the word is a name, not a surname
                return key if not full and not person and key in self.not_persons else None
            if full:
                return None  # tagged a place or body here, but the run has a person of that surname
        if label not in PERSON_LABELS and is_acronym(name):
            longs = self.long_names.get(_plain(name).replace(".", ""), ())
            return next(iter(longs)) if len(longs) == 1 else key
        return key


    def is_generic(self, key: str, name: str = "") -> bool:
        """A name any country's story may use for its own body (rule 5): one common English word
        ("Court", "Protesters"), or common words ending in the head noun of an institution ("Interior
        Ministry", "Supreme Court", "Ministry of Foreign Affairs"), with no place or people of the
        run, and no acronym, in it ("Spanish Interior Ministry", "US Supreme Court" are not generic).
        ``key`` is the name's :func:`name_key`; ``name`` the name as written, for its acronyms.

        >>> ix = NameIndex.of([("GPE", "Spain"), ("NORP", "Spanish")])
        >>> [ix.is_generic(name_key(n)) for n in ("Interior Ministry", "Spanish Interior Ministry", "Reuters")]
        [True, False, False]
        """
        from .lexicon import is_common_word, noun_lemma

        words = key.split()
        if not words:
            return True
        if any(is_acronym(w) for w in _plain(name).split()):
            return False
        if len(words) == 1:
            return is_common_word(words[0])
        for i in range(len(words)):  # a place or people named inside the name ("Spanish ...")
            for j in range(i + 1, min(len(words), i + 3) + 1):
                if j - i < len(words) and " ".join(words[i:j]) in self.places:
                    return False
        return noun_lemma(words[-1]) in INSTITUTIONS and all(w in CONNECTIVES or is_common_word(w) for w in words)


def _local(key: str, article_id: str) -> str:
    return f"{key}{LOCAL_SEP}{article_id}"


def _objects(series: pd.Series) -> list:
    """The values of a column as plain Python objects, None for missing (fast to iterate)."""
    return series.astype(object).where(series.notna(), None).tolist()


def _keys_of(names) -> dict:
    """:func:`name_key` of each distinct name (names repeat: each is normalised once)."""
    return {n: name_key(n) for n in pd.unique(pd.Series(names, dtype=object).dropna())}


class RunNames(NamedTuple):
    """The run's :class:`NameIndex` and the :func:`name_key` of every distinct name it holds."""

    index: NameIndex
    keys: dict


def run_names(entities: pd.DataFrame) -> RunNames:
    """What the entities table of a run says about names (built once per run, from the distinct
    (label, name) pairs: a run repeats names far more than it has them)."""
    pairs = pd.concat([entities[["label", c]].drop_duplicates().set_axis(["label", "name"], axis=1)
                       for c in ("canonical", "text")], ignore_index=True).dropna().drop_duplicates()
    keys = _keys_of(pairs.name)
    return RunNames(NameIndex.of(zip(_objects(pairs.label), _objects(pairs.name)), keys=keys), keys)


def _entity_labels(claims_keys: pd.DataFrame, entities: pd.DataFrame, keys: dict) -> dict:
    """Per (article_id, name key) of a speaker, the label of the entity of that name in the same
    article (PERSON wins: a name that is a person anywhere in the article is a person)."""
    wanted = set(claims_keys.key)
    names = [n for n, k in keys.items() if k in wanted]
    ents = pd.concat([entities.loc[entities[c].isin(names), ["article_id", "label", c]].set_axis(
        ["article_id", "label", "name"], axis=1) for c in ("canonical", "text")], ignore_index=True).dropna()
    ents = ents.drop_duplicates().astype(object)
    if ents.empty or claims_keys.empty:
        return {}
    ents["key"] = ents.name.map(keys)
    hit = ents.merge(claims_keys, on=["article_id", "key"])
    hit = hit.assign(rank=(hit.label != "PERSON").astype(int)).sort_values("rank", kind="stable")
    hit = hit.drop_duplicates(["article_id", "key"])
    return dict(zip(zip(_objects(hit.article_id), _objects(hit.key)), _objects(hit.label)))


def entity_keys(entities: pd.DataFrame, names: Optional[RunNames] = None) -> pd.Series:
    """A run-level key for every entity mention (its canonical name resolved against the run).

    A one-word person name that the run does not resolve gets an article-scoped key, so "Kim" in
    two articles never makes two sentences look like the same event.
    """
    index = (names or run_names(entities)).index
    pairs = entities[["label", "canonical"]].astype(object).fillna("")
    distinct = pairs.drop_duplicates()
    resolved = pd.Series([index.resolve(label, name) for label, name in zip(_objects(distinct.label),
                                                                             _objects(distinct.canonical))],
                         index=pd.MultiIndex.from_frame(distinct), dtype=object)
    keys = pd.Series(resolved.reindex(pd.MultiIndex.from_frame(pairs)).to_numpy(), index=entities.index, dtype=object)
    local = keys.isna()
    if local.any():
        names = pairs.canonical[local]
        keys[local] = names.map(_keys_of(names)) + LOCAL_SEP + entities.article_id[local].astype(object)
    return keys.astype("string")


NOT_PERSON_TYPES = frozenset({"organization", "country_or_group", "document"})


def speaker_keys(claims: pd.DataFrame, entities: pd.DataFrame, *, names: Optional[RunNames] = None) -> pd.Series:
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
    names = names or run_names(entities)
    index = names.index
    speakers = [n.strip() if isinstance(n, str) else None for n in _objects(claims.speaker_canonical)]
    keys = _keys_of(speakers)
    aids = _objects(claims.article_id)
    asked = pd.DataFrame({"article_id": aids, "key": [keys.get(n) for n in speakers]}, dtype=object)
    labels = _entity_labels(asked.dropna().drop_duplicates(), entities, names.keys)
    cache: dict = {}
    out = []
    for aid, name, stype in zip(aids, speakers, _objects(claims.speaker_type)):
        if not name:
            out.append(None)
            continue
        key = keys[name]
        label = labels.get((aid, key)) if stype not in ANONYMOUS_TYPES else None
        if label is not None:
            person = stype == "person"
            if (label, name, person) not in cache:
                resolved = index.resolve(label, name, person=person)
                if resolved is not None and label not in PERSON_LABELS and label != "GPE" and not person \
                        and index.is_generic(resolved, name):
                    resolved = None
                if label in PERSON_LABELS and stype in NOT_PERSON_TYPES:
                    resolved = None  # "the Biden campaign", typed organization: not the person's own words
                cache[(label, name, person)] = resolved
            resolved = cache[(label, name, person)]
            if resolved is not None:
                out.append(resolved)
                continue
        out.append(_local(key or name.lower(), aid))
    return pd.Series(out, index=claims.index, dtype="string")


def speakers_table(claims: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """One row per speaker key: its fullest name, type, scope, counts and the ways it was written.

    ``claims`` needs ``article_id``, ``speaker_canonical`` and ``speaker_type``; ``keys`` is
    :func:`speaker_keys` of it. Rows come most-quoted first.
    """
    cols = ["speaker_key", "name", "speaker_type", "scope", "n_claims", "n_articles", "variants"]
    df = pd.DataFrame({"speaker_key": keys.astype("string").to_numpy(),
                       "article_id": claims.article_id.astype("string").to_numpy(),
                       "name": claims.speaker_canonical.astype("string").str.strip().to_numpy(),
                       "speaker_type": claims.speaker_type.astype("string").to_numpy()}).dropna(subset=["speaker_key"])
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in cols})
    g = df.groupby("speaker_key", sort=False)
    out = pd.DataFrame({"n_claims": g.size(), "n_articles": g.article_id.nunique()})
    names = df.groupby(["speaker_key", "name"], sort=False).size().rename("n").reset_index()
    names["shown"] = names.name.map(display_name)
    names["words"] = names.shown.str.split().str.len()
    by_freq = names.sort_values(["speaker_key", "n", "name"], ascending=[True, False, True], kind="stable")
    out["variants"] = by_freq.groupby("speaker_key", sort=False).name.agg("; ".join)
    fullest = names.sort_values(["speaker_key", "words", "n", "name"], ascending=[True, False, False, True],
                                kind="stable").drop_duplicates("speaker_key").set_index("speaker_key").shown
    out["name"] = fullest
    types = df.groupby(["speaker_key", "speaker_type"], sort=False).size().rename("n").reset_index()
    out["speaker_type"] = types.sort_values(["speaker_key", "n", "speaker_type"], ascending=[True, False, True],
                                            kind="stable").drop_duplicates("speaker_key").set_index(
        "speaker_key").speaker_type
    one = g.article_id.first()
    out["scope"] = ["article" if n == 1 and k.endswith(LOCAL_SEP + a) else "run"
                    for k, n, a in zip(out.index, out.n_articles, one.reindex(out.index))]
    out = out.reset_index().rename(columns={"index": "speaker_key"})[cols]
    return out.sort_values(["n_claims", "speaker_key"], ascending=[False, True], kind="stable").reset_index(drop=True)
