"""The claim ledger: the same measured thing reported across articles, and where sources disagree.

A *fact* is one measured thing ("people killed in the floods in Valencia") that two or more
articles of a run give a figure for. Facts are found by grouping the run's quantities on a key,
never by comparing quantities pair by pair, so the step grows with the run like a sort:

* **what** is counted or measured: the counted noun, lemmatised with the rule tables of spaCy's
  English lemmatiser ("deaths" -> "death"; "people" and "residents" stay apart), and the unit;
  a quantity with neither, or whose noun only points back ("others", "one"), has no key.
  A change ("rose by 5%") is keyed apart from a level ("5%").
* **event**: the lemma of the governing verb ("kill", "evacuate", "injure"). Verbs that say only
  that a number was counted or stated (report, confirm, record, announce, ...) are one event,
  "report", since the noun then carries the meaning ("five deaths confirmed" / "five deaths
  reported"); verbs that carry no event (be, have, include, reach, ...) leave the quantity without
  a key.
* **where and who**: the entities (PERSON, ORG, GPE, NORP, by their run-level key from
  :mod:`extract.speakers`) of the quantity's sentence, leaving out those inside a source's span
  ("*Spanish* officials said"), which name who speaks, not what happened. The set must be equal,
  and not empty: "40 people were killed" with no place or actor in the sentence is left out,
  because in a run over many stories it could be any of them. A sentence that gives two
  different figures for one key ("A won 49 percent and B 40 percent") keys neither: the key
  cannot tell which figure belongs to whom.
* **when**: the claim date (the publication date for a number outside any claim). Within one
  key, quantities are taken in date order and a fact spans at most :data:`WINDOW_DAYS` days from
  its first claim date; a later figure starts a new fact. A count reported a week later is, in
  news, usually a later state of the count, not the same one.

A fact is *disputed* when two different sources give figures whose ranges do not overlap. A
source is the claim's speaker (its run-level ``speaker_key``), else the outlet that printed the
number. An exact figure is its value; an approximate one ("about 400") is widened by
:data:`TOLERANCE` either side; "at least"/"more than" are open above, "at most"/"less than" open
below, ranges are their bounds. The same figure from the same speaker printed again by another
outlet is agreement, not new evidence: its row says ``repeat_of`` (the quantity it repeats) and
it does not count as a second source.

What the keys cannot tell apart: two events of the same kind, in the same place, in the same few
days, described with the same entities (two strikes on one city in one week are one fact);
figures whose sentence names the place differently ("Valencia" / "the Valencia region") or not at
all are split or left out (recall is traded for precision); a cumulative toll and a daily one
("17 deaths" in total, "5 new deaths" today) share a key when the sentence does not say which;
and a toll that rises within the window, given by two different sources, reads as disputed.
"""
from __future__ import annotations

import hashlib
from typing import NamedTuple, Optional

import numpy as np
import pandas as pd

from .lexicon import noun_lemma
from .speakers import RunNames, _objects, display_name, entity_keys, run_names, speaker_keys, speakers_table

__all__ = ["WINDOW_DAYS", "TOLERANCE", "FACT_COLUMNS", "event_of", "figure_range", "quantity_keys", "facts", "build",
           "Ledger"]

WINDOW_DAYS = 3        # a fact's claim dates lie within this many days of its first one
TOLERANCE = 0.10       # an approximate figure stands for value * (1 +/- TOLERANCE)

# Verbs that state or count a number without naming an event ("X deaths were reported").
REPORTING_VERBS = frozenset({
    "report", "confirm", "record", "register", "announce", "say", "tell", "state", "count", "tally", "list",
    "document", "log", "verify", "cite", "quote", "put", "give", "estimate",
})
# Verbs that carry no event: a number that is, has or includes something says nothing of what happened.
LIGHT_VERBS = frozenset({
    "be", "have", "do", "get", "make", "include", "reach", "take", "become", "remain", "total", "number",
    "stand", "consist", "comprise", "contain", "involve", "see", "bring", "leave", "follow", "use",
})
# Counted "nouns" that only point back to something named before ("25 others", "one of them").
ANAPHORIC = frozenset({"other", "one", "more", "those", "these", "some", "many", "few", "all", "each", "both",
                       "them", "it", "they", "that", "this", "lot", "dozen", "hundred", "thousand", "million"})

FACT_COLUMNS = [
    "fact_id", "fact", "quantity_id", "claim_id", "article_id", "publisher", "published", "speaker_canonical",
    "value", "low", "high", "unit", "counted", "predicate", "disputed",
    "text", "qualifier", "claim_date", "speaker_key", "range_low", "range_high", "repeat_of", "n_articles",
    "n_sources",
]
NEEDED = {
    "articles": ["article_id", "publisher", "published"],
    "claims": ["claim_id", "article_id", "speaker_start", "speaker_end", "speaker_canonical", "speaker_type",
               "claim_date"],
    "quantities": ["quantity_id", "article_id", "claim_id", "text", "start", "end", "value", "low", "high",
                   "qualifier", "unit", "counted", "predicate", "change", "sentence_start", "sentence_end"],
    "entities": ["article_id", "start", "end", "label", "canonical"],
}


def event_of(predicate) -> Optional[str]:
    """The event a verb lemma names for the key: itself, "report" for a verb of stating or
    counting, None for a verb that names no event (or none).

    >>> event_of("kill"), event_of("confirm"), event_of("be")
    ('kill', 'report', None)
    """
    if predicate is None or pd.isna(predicate):
        return None
    p = str(predicate).strip().lower()
    if not p or not p.isascii() or not p.replace("-", "").isalpha() or p in LIGHT_VERBS:
        return None
    return "report" if p in REPORTING_VERBS else p


def figure_range(value, low, high, qualifier: str, tolerance: float = TOLERANCE) -> tuple[float, float]:
    """The range a figure stands for, as (low, high) with +/-inf for an open end.

    >>> figure_range(400, 400, 400, "approximate")
    (360.0, 440.0)
    >>> figure_range(41, 41, None, "at_least")
    (41.0, inf)
    """
    def num(x) -> Optional[float]:
        return None if x is None or pd.isna(x) else float(x)

    v, lo, hi = num(value), num(low), num(high)
    q = str(qualifier)
    if q in ("at_least", "more_than"):
        return (lo if lo is not None else v, np.inf)
    if q in ("at_most", "less_than"):
        return (-np.inf, hi if hi is not None else v)
    lo = lo if lo is not None else v
    hi = hi if hi is not None else v
    if lo is None or hi is None:
        return (-np.inf, np.inf)
    if q == "approximate":
        lo, hi = lo - abs(lo) * tolerance, hi + abs(hi) * tolerance
    return (lo, hi)


# -------------------------------------------------------------------------------------------- keys
def _check(frames: dict) -> None:
    for table, cols in NEEDED.items():
        if table not in frames:
            raise KeyError(f"the ledger needs the {table} table")
        missing = [c for c in cols if c not in frames[table].columns]
        if missing:
            raise KeyError(f"the ledger needs {table} columns {missing} (written by `extract run`)")


def _positions(article_codes: np.ndarray, offsets) -> np.ndarray:
    """One sortable int64 per (article, offset), so intervals of all articles join in one search."""
    return article_codes.astype(np.int64) * (1 << 40) + np.asarray(offsets, dtype=np.int64)


def _outside_speakers(entities: pd.DataFrame, claims: pd.DataFrame, codes: dict) -> np.ndarray:
    """True for each entity that lies outside every source span of its article."""
    sp = claims.dropna(subset=["speaker_start", "speaker_end"])
    sp = sp[sp.article_id.isin(codes)]
    if sp.empty or entities.empty:
        return np.ones(len(entities), dtype=bool)
    a = sp.article_id.map(codes).to_numpy()
    starts = _positions(a, sp.speaker_start.astype("int64"))
    ends = _positions(a, sp.speaker_end.astype("int64"))
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order], np.maximum.accumulate(ends[order])  # covering end of spans opened so far
    ea = entities.article_id.map(codes).to_numpy()
    es = _positions(ea, entities.start.astype("int64"))
    ee = _positions(ea, entities.end.astype("int64"))
    i = np.searchsorted(starts, es, side="right") - 1
    inside = (i >= 0) & (ends[np.clip(i, 0, None)] >= ee)
    return ~inside


def quantity_keys(frames: dict, *, names: Optional[RunNames] = None,
                  claim_speaker_keys: Optional[pd.Series] = None) -> pd.DataFrame:
    """Every quantity with its key parts (``key_what``, ``key_event``, ``key_where``), its date
    ``when``, its full ``key`` and the ``speaker_key`` of its claim.

    ``key_where`` is a tuple of entity keys (sorted), ``key_names`` their names as the article
    wrote them; a quantity without a full key has ``key`` NA. Columns of the quantities table are kept.
    """
    _check(frames)
    q = frames["quantities"].copy()
    claims, ents, arts = frames["claims"], frames["entities"], frames["articles"]
    if q.empty:
        return q.assign(**{c: pd.Series(dtype=object) for c in ("key_where", "key_names", "key_what", "key_event")},
                        when=pd.Series(dtype="datetime64[us]"), key=pd.Series(dtype="string"),
                        speaker_key=pd.Series(dtype="string"))
    names = names or run_names(ents)
    ents = ents.assign(key=entity_keys(ents, names).to_numpy())
    codes = {a: i for i, a in enumerate(pd.unique(pd.concat([q.article_id, ents.article_id]).astype(str)))}
    ents = ents[_outside_speakers(ents, claims, codes)]

    # entities of each quantity's sentence: one search over (article, offset) positions
    ea = ents.article_id.astype(str).map(codes).to_numpy()
    epos = _positions(ea, ents.start.astype("int64"))
    order = np.argsort(epos, kind="stable")
    epos = epos[order]
    ekeys = np.asarray(_objects(ents.key), dtype=object)[order]
    enames = np.asarray(_objects(ents.canonical), dtype=object)[order]
    has_sent = q.sentence_start.notna() & q.sentence_end.notna()
    qa = q.article_id.astype(str).map(codes).to_numpy()
    lo = np.searchsorted(epos, _positions(qa, q.sentence_start.fillna(0).astype("int64")), side="left")
    hi = np.searchsorted(epos, _positions(qa, q.sentence_end.fillna(0).astype("int64")), side="left")
    where, shown = [], []
    for ok, a, b in zip(has_sent.to_numpy(), lo, hi):
        if not ok or a >= b:
            where.append(None)
            shown.append(None)
            continue
        seen = dict(zip(ekeys[a:b], enames[a:b]))
        keys = tuple(sorted(seen))
        where.append(keys)
        shown.append(tuple(seen[k] for k in keys))
    q["key_where"] = pd.Series(where, index=q.index, dtype=object)
    q["key_names"] = pd.Series(shown, index=q.index, dtype=object)

    lemmas = {w: noun_lemma(w) for w in set(_objects(q.counted)) - {None}}
    counted = [lemmas.get(c, "") for c in _objects(q.counted)]
    counted = ["" if c in ANAPHORIC else c for c in counted]
    unit = [(u or "").strip() for u in _objects(q.unit)]
    change = [f"({c})" if c else "" for c in _objects(q.change)]
    q["key_what"] = [" ".join(p for p in parts if p) for parts in zip(counted, unit, change)]
    events = {p: event_of(p) for p in set(_objects(q.predicate))}
    q["key_event"] = pd.Series([events[p] for p in _objects(q.predicate)], index=q.index, dtype=object)

    # when: the claim's date, else the article's publication date
    cdate = q.claim_id.map(claims.set_index("claim_id").claim_date) if len(claims) else pd.Series(pd.NaT, index=q.index)
    pub = q.article_id.map(arts.drop_duplicates("article_id").set_index("article_id").published)
    q["when"] = pd.to_datetime(cdate, errors="coerce").fillna(pd.to_datetime(pub, errors="coerce")).dt.normalize()

    has_figure = q[["value", "low", "high"]].notna().any(axis=1)
    keyed = (q.key_what != "") & q.key_event.notna() & q.key_where.notna() & q.when.notna() & has_figure
    q["key"] = pd.Series([f"{w}|{e}|{';'.join(p)}" if k else None
                          for w, e, p, k in zip(_objects(q.key_what), _objects(q.key_event), _objects(q.key_where),
                                                keyed.tolist())], index=q.index, dtype="string")
    # two different figures of one key in one sentence measure two things the key cannot tell
    # apart ("A got 49 percent and B 40 percent"): neither is keyed
    fig = q.low.astype("string").fillna("") + "/" + q.high.astype("string").fillna("") + "/" + q.value.astype(
        "string").fillna("")
    same_sentence = [q.article_id, q.sentence_start.fillna(-1), q.key]
    several = fig.groupby(same_sentence, dropna=True).transform("nunique")
    q.loc[several.index[several.to_numpy() > 1], "key"] = pd.NA
    if claim_speaker_keys is None:
        claim_speaker_keys = speaker_keys(claims, frames["entities"], names=names)
    by_claim = pd.Series(claim_speaker_keys.to_numpy(), index=claims.claim_id.to_numpy())
    q["speaker_key"] = q.claim_id.map(by_claim).astype("string")
    return q


# ------------------------------------------------------------------------------------------- facts
def _windows(keys: np.ndarray, days: np.ndarray, window: int) -> np.ndarray:
    """Window number of each row (rows sorted by key, then day): a new window opens at a new key
    or at the first day more than ``window`` days after the window's first day."""
    out = np.empty(len(keys), dtype=np.int64)
    n, start, prev = -1, None, None
    for i, (k, d) in enumerate(zip(keys, days)):
        if k != prev or d - start > window:
            n += 1
            start, prev = d, k
        out[i] = n
    return out


def _fact_id(key: str, first_day) -> str:
    return "f" + hashlib.sha1(f"{key}|{first_day}".encode("utf-8")).hexdigest()[:10]


def _disputed(fq: pd.DataFrame) -> pd.Series:
    """Per fact: do two different sources give ranges that do not overlap?

    Per (fact, source) the highest lower bound and the lowest upper bound; a fact is disputed
    when some source's lower bound exceeds another source's upper bound, found from the two best
    of each per fact (no pairs are formed).
    """
    per = fq.groupby(["fact_id", "source"], sort=False).agg(lo=("range_low", "max"), hi=("range_high", "min"))
    per = per.reset_index()
    top = per.sort_values(["fact_id", "lo"], ascending=[True, False], kind="stable").groupby("fact_id")
    bot = per.sort_values(["fact_id", "hi"], ascending=[True, True], kind="stable").groupby("fact_id")
    t1, t2 = top.nth(0).set_index("fact_id"), top.nth(1).set_index("fact_id")
    b1, b2 = bot.nth(0).set_index("fact_id"), bot.nth(1).set_index("fact_id")
    ids = t1.index
    t2lo = t2.lo.reindex(ids).fillna(-np.inf)
    b2hi = b2.hi.reindex(ids).fillna(np.inf)
    b1 = b1.reindex(ids)
    different = t1.source != b1.source
    return ((different & (t1.lo > b1.hi)) | (t1.lo > b2hi) | (t2lo > b1.hi)).astype(bool)


def facts(frames: dict, *, window: int = WINDOW_DAYS, tolerance: float = TOLERANCE,
          keyed: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """``facts.csv``: one row per quantity in a fact reported by two or more articles.

    ``frames`` are the run's tables (as :func:`extract.load` gives them, or plain frames with the
    same columns; quantities need ``sentence_start``/``sentence_end``). Rows come disputed facts
    first, then by how many articles report the fact; within a fact, by claim date.
    """
    q = keyed if keyed is not None else quantity_keys(frames)
    q = q[q.key.notna()]
    if q.empty:
        return _empty()
    # only keys reported by two or more articles can hold a fact
    q = q[q.groupby("key").article_id.transform("nunique") >= 2]
    if q.empty:
        return _empty()
    q = q.assign(_order=np.arange(len(q))).sort_values(["key", "when", "_order"], kind="stable")
    day = (q.when.to_numpy(dtype="datetime64[D]").astype(np.int64))
    q["_window"] = _windows(q.key.to_numpy(), day, window)
    q = q[q.groupby("_window").article_id.transform("nunique") >= 2].copy()
    if q.empty:
        return _empty()
    first = q.groupby("_window").when.transform("min").dt.date.astype(str)
    q["fact_id"] = [_fact_id(k, d) for k, d in zip(q.key, first)]

    arts = frames["articles"].drop_duplicates("article_id").set_index("article_id")
    q["publisher"] = q.article_id.map(arts.publisher).astype("string")
    q["published"] = q.article_id.map(arts.published)
    claims = frames["claims"].set_index("claim_id")
    q["speaker_canonical"] = q.claim_id.map(claims.speaker_canonical).astype("string")
    q["claim_date"] = q.when
    rng = [figure_range(v, lo, hi, ql, tolerance) for v, lo, hi, ql in zip(q.value, q.low, q.high, q.qualifier)]
    q["range_low"] = [r[0] for r in rng]
    q["range_high"] = [r[1] for r in rng]
    outlet = ("outlet:" + q.publisher.fillna("article:" + q.article_id.astype(str))).astype("string")
    q["source"] = q.speaker_key.fillna(outlet)

    # the same figure from the same named speaker again: agreement, not a new source of evidence
    fig = q.assign(_lo=q.low.astype("Float64").fillna(q.value), _hi=q.high.astype("Float64").fillna(q.value))
    same = ["fact_id", "speaker_key", "_lo", "_hi", "qualifier"]
    firsts = fig.dropna(subset=["speaker_key"]).groupby(same, dropna=False, sort=False).quantity_id.transform("first")
    q["repeat_of"] = pd.Series(pd.NA, index=q.index, dtype="string")
    rep = firsts[firsts != fig.loc[firsts.index, "quantity_id"]]
    q.loc[rep.index, "repeat_of"] = rep.astype("string")

    q["disputed"] = q.fact_id.map(_disputed(q)).astype(bool)
    q["n_articles"] = q.groupby("fact_id").article_id.transform("nunique")
    q["n_sources"] = q.groupby("fact_id").source.transform("nunique")
    q["fact"] = [_label(w, e, names) for w, e, names in zip(q.key_what, q.key_event, q.key_names)]
    # one label per fact: its first row's (names as the first article wrote them)
    q["fact"] = q.groupby("fact_id").fact.transform("first")

    q = q.sort_values(["disputed", "n_articles", "fact_id", "when", "_order"],
                      ascending=[False, False, True, True, True], kind="stable")
    out = q.reindex(columns=FACT_COLUMNS)
    out["range_low"] = out.range_low.replace(-np.inf, np.nan)
    out["range_high"] = out.range_high.replace(np.inf, np.nan)
    return out.reset_index(drop=True)


def _label(what: str, event: str, names) -> str:
    return " · ".join([what, event, ", ".join(display_name(n) for n in names or ())])


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in FACT_COLUMNS})


class Ledger(NamedTuple):
    """What :func:`build` returns."""

    facts: pd.DataFrame           # facts.csv
    speakers: pd.DataFrame        # speakers.csv
    speaker_keys: pd.Series       # claims.speaker_key, aligned with the claims table


def build(frames: dict, *, window: int = WINDOW_DAYS, tolerance: float = TOLERANCE) -> Ledger:
    """The whole ledger of a run from its tables: facts, the speakers table, and each claim's
    ``speaker_key`` (aligned with ``frames["claims"]``). Computed once; names resolved once."""
    _check(frames)
    names = run_names(frames["entities"])
    keys = speaker_keys(frames["claims"], frames["entities"], names=names)
    keyed = quantity_keys(frames, names=names, claim_speaker_keys=keys)
    return Ledger(facts(frames, window=window, tolerance=tolerance, keyed=keyed),
                  speakers_table(frames["claims"], keys), keys)
