"""Build the cue lexicon from PolNeAR's training split.

    python -m extract.training.cues ../shared/data/polnear/train models/cues

For every lemma (with its coarse part of speech) it counts how often the word occurs and how often
it lies inside an annotated Cue span. Lemmas that are cues at least ``--min-rate`` of the time and
at least ``--min-count`` times go into ``cues.tsv``; ``MODEL_CARD.md`` records how it was made.
Only the training split is read.
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

from ..attribution.content import is_predicate, open_complement, predicate_complement
from ..attribution.cues import frame_key, light_link
from .corpus import leave_out_help, marked, role_chars

POS = {"VERB", "NOUN", "ADJ", "ADP", "AUX"}


def count_preps(cue_chars: bytearray, doc, total: collections.Counter, in_cue: collections.Counter) -> None:
    """For cue verbs, whether the preposition right after them ("pointed to", "said on") is in the cue;
    counted per (lemma, preposition) and per preposition (lemma "*")."""
    for tok in doc:
        if tok.pos_ != "VERB" or not cue_chars[tok.idx]:
            continue
        for c in tok.rights:
            if c.dep_ == "prep" and all(t.dep_ in ("prt", "advmod") for t in doc[tok.i + 1:c.i]):
                for key in ((tok.lemma_.lower(), c.lower_), ("*", c.lower_)):
                    total[key] += 1
                    in_cue[key] += cue_chars[c.idx]
                break


def count_content_preps(cue_chars: bytearray, content_chars: bytearray, doc, total: collections.Counter,
                        hits: collections.Counter) -> None:
    """For every verb with a preposition right after it, whether the verb is a cue whose content is
    the preposition's object ("called for X" often, "spoke to reporters" almost never), counted per
    (lemma, preposition) and per preposition (lemma "*")."""
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        for c in tok.rights:
            if c.dep_ == "prep" and all(t.dep_ in ("prt", "advmod") for t in doc[tok.i + 1:c.i]):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    hit = 1 if cue_chars[tok.idx] and content_chars[obj.idx] else 0
                    for key in ((tok.lemma_.lower(), c.lower_), ("*", c.lower_)):
                        total[key] += 1
                        hits[key] += hit
                break


def count_noun_preps(cue_chars: bytearray, content_chars: bytearray, doc, total: collections.Counter,
                     hits: collections.Counter) -> None:
    """For every possessed noun with a preposition right after it ("her attack on the governor",
    "his embrace of the plan"), whether the noun is a cue whose content is the preposition's
    object, counted per (noun lemma, preposition)."""
    for tok in doc:
        if tok.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in tok.children):
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1), None)
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is not None:
            key = (tok.lemma_.lower(), prep.lower_)
            total[key] += 1
            hits[key] += 1 if cue_chars[tok.idx] and content_chars[obj.idx] else 0


def count_predicates(cue_chars: bytearray, content_chars: bytearray, doc, total: collections.Counter,
                     hits: collections.Counter) -> None:
    """For every predicate with a complement ("is sure that", "was critical of", "is a critic of"),
    whether the predicate is in a cue whose content holds the complement, counted per (lemma,
    "clause" or preposition)."""
    for tok in doc:
        if not is_predicate(tok):
            continue
        got = predicate_complement(tok)
        if got is None:
            continue
        key = (tok.lemma_.lower(), got[0])
        total[key] += 1
        hits[key] += 1 if cue_chars[tok.idx] and content_chars[got[1].idx] else 0


def count_frames(cue_chars: bytearray, source_chars: bytearray, doc, total: collections.Counter,
                 hits: collections.Counter) -> None:
    """For every preposition on a verb with a noun object (:func:`..attribution.cues.frame_key`:
    "leads | in | the latest poll", "In the CBS survey, ..."), whether the preposition is a cue
    whose source is the object, counted per (object lemma, "preposition TAG")."""
    for tok in doc:
        if tok.dep_ != "prep":
            continue
        got = frame_key(tok)
        if got is not None:
            total[got[1]] += 1
            hits[got[1]] += 1 if cue_chars[tok.idx] and source_chars[got[0].idx] else 0


def count_through(cue_chars: bytearray, doc, total: collections.Counter, in_cue: collections.Counter) -> None:
    """For cue verbs followed right away by "to" and the verb they complete ("continued to insist",
    "tried to portray", "promised to cut"), whether that verb is in the cue too (the content then
    is its complement) rather than the start of the content, counted per lemma."""
    for tok in doc:
        if tok.pos_ != "VERB" or not cue_chars[tok.idx]:
            continue
        x = open_complement(tok)
        if x is not None:
            total[(tok.lemma_.lower(), "to")] += 1
            in_cue[(tok.lemma_.lower(), "to")] += cue_chars[x.idx]


def count_light_verbs(cue_chars: bytearray, doc, total: collections.Counter, in_cue: collections.Counter) -> None:
    """For cue verbs with a noun object right after them, whether the noun is in the cue too
    ("raised questions about", "expressed concern over"), counted per (verb lemma, noun lemma), per
    verb whatever the noun (noun "*"), per noun whatever the verb (verb "*") and per link from the
    noun to what follows it ("#", :func:`..attribution.cues.light_link`: "prep:about", "clause")."""
    for tok in doc:
        if tok.pos_ != "VERB" or not cue_chars[tok.idx]:
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and tok.i < c.i <= tok.i + 3), None)
        if obj is not None:
            verb, noun = tok.lemma_.lower(), obj.lemma_.lower()
            for key in ((verb, noun), (verb, "*"), ("*", noun), ("#", light_link(obj))):
                total[key] += 1
                in_cue[key] += cue_chars[obj.idx]


def build(train: Path, out: Path, *, min_rate: float = 0.25, min_count: int = 3, model: str = "en_core_web_sm",
          leave_out=()) -> int:
    n_articles = 0
    total: collections.Counter = collections.Counter()
    in_cue: collections.Counter = collections.Counter()
    prep_total: collections.Counter = collections.Counter()
    prep_in: collections.Counter = collections.Counter()
    content_total: collections.Counter = collections.Counter()
    content_in: collections.Counter = collections.Counter()
    light_total: collections.Counter = collections.Counter()
    light_in: collections.Counter = collections.Counter()
    noun_total: collections.Counter = collections.Counter()
    noun_in: collections.Counter = collections.Counter()
    adj_total: collections.Counter = collections.Counter()
    adj_in: collections.Counter = collections.Counter()
    through_total: collections.Counter = collections.Counter()
    through_in: collections.Counter = collections.Counter()
    frame_total: collections.Counter = collections.Counter()
    frame_in: collections.Counter = collections.Counter()
    for art, doc, cue_chars, content_chars in marked(train, model, leave_out=leave_out):
        n_articles += 1
        for tok in doc:
            if tok.pos_ not in POS or not tok.is_alpha:
                continue
            key = (tok.lemma_.lower(), tok.pos_)
            total[key] += 1
            if cue_chars[tok.idx]:
                in_cue[key] += 1
        count_preps(cue_chars, doc, prep_total, prep_in)
        count_content_preps(cue_chars, content_chars, doc, content_total, content_in)
        count_light_verbs(cue_chars, doc, light_total, light_in)
        count_noun_preps(cue_chars, content_chars, doc, noun_total, noun_in)
        count_predicates(cue_chars, content_chars, doc, adj_total, adj_in)
        count_through(cue_chars, doc, through_total, through_in)
        count_frames(cue_chars, role_chars(art.text, [sp for a in art.attributions for sp in a.source]), doc,
                     frame_total, frame_in)
    write_preps(out / "cue_preps.tsv", prep_total, prep_in, min_count=min_count)
    write_preps(out / "content_preps.tsv", content_total, content_in, min_count=min_count, column="in_content")
    write_preps(out / "light_verbs.tsv", light_total, light_in, min_count=min_count, header=("verb", "noun"))
    write_preps(out / "noun_preps.tsv", noun_total, noun_in, min_count=min_count, column="in_content",
                header=("noun", "prep"))
    write_preps(out / "through_verbs.tsv", through_total, through_in, min_count=min_count,
                header=("lemma", "complement"))
    write_preps(out / "predicates.tsv", adj_total, adj_in, min_count=min_count, column="in_content",
                header=("predicate", "complement"))
    # only the pairs seen as a frame at least once: most prepositions on a verb frame nothing
    write_preps(out / "frames.tsv", collections.Counter({k: n for k, n in frame_total.items() if frame_in[k]}), frame_in, min_count=min_count, column="as_source",
                header=("noun", "frame"))
    rows = []
    for key, n in in_cue.items():
        rate = n / total[key]
        if n >= min_count and rate >= min_rate:
            rows.append((key[0], key[1], n, total[key], rate))
    rows.sort(key=lambda r: (-r[2], r[0]))
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "cues.tsv", "w", encoding="utf-8") as f:
        f.write("lemma\tpos\tin_cue\ttotal\trate\n")
        for lemma, pos, n, t, rate in rows:
            f.write(f"{lemma}\t{pos}\t{n}\t{t}\t{rate:.3f}\n")
    (out / "MODEL_CARD.md").write_text(CARD.format(
        n_articles=n_articles, n_rows=len(rows), min_rate=min_rate,
        min_count=min_count, model=model), encoding="utf-8")
    return len(rows)


def write_preps(path: Path, total: collections.Counter, in_cue: collections.Counter, *, min_count: int = 3,
                column: str = "in_cue", header: tuple[str, str] = ("lemma", "prep")) -> None:
    rows = sorted((k for k, n in total.items() if n >= min_count), key=lambda k: (-total[k], k))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{header[0]}\t{header[1]}\t{column}\ttotal\trate\n")
        for lemma, prep in rows:
            f.write(f"{lemma}\t{prep}\t{in_cue[(lemma, prep)]}\t{total[(lemma, prep)]}\t"
                    f"{in_cue[(lemma, prep)] / total[(lemma, prep)]:.3f}\n")


CARD = """# Cue lexicon

- **What**: lemmas (with coarse part of speech) that introduce attributions: reporting verbs
  ("say", "estimate", "warn"), nouns ("statement"), and belief/intention verbs as PolNeAR annotates them.
  `cues.tsv` columns: `lemma`, `pos`, `in_cue` (times inside a gold Cue span), `total` (times seen),
  `rate` (in_cue / total). The attribution stage uses `rate` as a prior: high-rate lemmas are cues
  wherever they head a clause with a subject and a complement; low-rate lemmas need stronger evidence.
- **Built** (byte for byte: no date, fixed seeds, fixed order) by `python -m extract.training.cues ../shared/data/polnear/train models/cues`
  from the PolNeAR v1.0 training split only ({n_articles} articles, one annotator per article),
  parsed with `{model}`; kept when rate >= {min_rate} and in_cue >= {min_count}: {n_rows} lemmas.
- `cue_preps.tsv`: for cue verbs, how often the preposition right after them lies inside the
  Cue span ("pointed to" yes, "said on" mostly not), per lemma and per preposition (lemma `*`).
- `content_preps.tsv`: for every verb followed by a preposition, how often the verb is a cue whose
  content is the preposition's object ("called for X" 71%, "spoke to reporters" 5%).
- `light_verbs.tsv`: for cue verbs with a noun object, how often the noun is part of the cue
  ("issued a statement", "raised questions about", "expressed concern over"), per verb and noun,
  per verb whatever the noun (noun `*`), per noun whatever the verb (verb `*`) and per link from
  the noun to what follows it (verb `#`, noun `prep:about`, `clause`, `-`).
- `noun_preps.tsv`: for possessed nouns followed by a preposition, how often the noun is a cue
  whose content is the preposition's object ("her attack on X" half the time, "his view of X"
  under a third), per noun and preposition.
- `predicates.tsv`: for predicative adjectives and nouns after "be" with a complement ("is sure
  that", "was critical of", "are eager to", "is a critic of"), how often the predicate is in a cue
  whose content holds the complement, per lemma and complement (`clause` or the preposition).
- `through_verbs.tsv`: for cue verbs followed right away by "to" and a verb ("continued to
  insist", "tried to portray", "promised to cut"), how often that verb is in the cue too, per lemma
  ("try" and "continue" nearly always: the content is then the second verb's complement).
- `frames.tsv`: for prepositions on a verb with a noun object ("leads | in | the latest poll"),
  how often the preposition is a cue whose source is the object, per object lemma and preposition
  with the object's tag (`in NN`: "in a poll" often, "in the polls" seldom); pairs never seen
  as one are left out.
- `cue_model.tsv` / `cue_model.json`: a logistic regression that gates verb cues in context
  (features of the verb and its dependency neighbourhood; see `extract/attribution/cue_model.py`),
  built by `python -m extract.training.cue_model ../shared/data/polnear/train models/cues` from
  the same split (about 90,000 candidate verbs, 19,000 inside cues; three AdaGrad epochs, fixed
  seed, features seen at least five times: about 15,000 weights). A lexicon verb stays a cue
  unless P(cue) < `veto` (0.0 since the claim check judges those claims: train-validation source
  exact F1 +0.2 point, relation +0.2 against a veto at 0.15); an unlisted verb becomes one when
  P(cue) >= `threshold` (0.4; 0.5 before the vectors below). On dev verbs it reaches token F1 0.78 at P >= 0.5, against 0.67 for
  the lexicon alone. Beside the sparse features it weighs the contextual vectors spaCy's `tok2vec`
  already computed (`doc.tensor`, 96 wide) of the verb, its subject and its complement,
  standardised with the training mean and deviation stored in `cue_model.json` (`dense`);
  `--no-vectors` builds it without them (before). With the vectors, on train-validation: relation
  F1 0.7400 -> 0.7412 (four folds of five up), exact F1 source 0.7419 -> 0.7437, content 0.6131 ->
  0.6155, cue 0.6879 -> 0.6880; the threshold then lowered from 0.5 to 0.4: relation 0.7412 ->
  0.7433 (all five folds up), source 0.7437 -> 0.7444, cue 0.6880 -> 0.6874, content 0.6155 ->
  0.6138.
- `claim_model.tsv` / `claim_model.json`: a logistic regression over features of each candidate
  claim (rule, cue lemma, the gate's probability, kinds of speaker and content, position, the part
  of speech and entity type heading the speaker and the content, alone and with the cue lemma, how
  it stands among the article's other candidates: nested speech, a shared cue or content, claims
  per sentence; see `extract/attribution/claim_model.py`) that drops candidates with P(right) <
  `threshold` (0.3), built by `python -m extract.training.claim_model
  ../shared/data/polnear/train models/cues` after the two above, from out-of-fold candidates (for
  each fold of train, tables and gate trained on the other folds make its candidates; about 17,000
  candidate claims, label: PolNeAR's relation match; about 2,200 weights). On train-validation
  (each fold checked by a model trained on the other four) it raises relation F1 from 0.716 to
  0.724 with the gate's threshold lowered from 0.7 to 0.5. The threshold was chosen on
  train-validation: 0.30 against 0.25 gives relation F1 0.7371 against 0.7363, higher on each of
  the five folds. Out-of-fold candidates and the neighbour features: 0.7371 -> 0.7381.
- `boundary_model.tsv` / `boundary_model.json`: a conditional logit (a softmax over the
  alternatives of one claim) that chooses where a claim's content and cue start and end. Content
  variants (one-piece contents only): cut before or start after a comma, dash, semicolon or bracket
  inside it, drop a leading conjunction, extend to such a break or to the sentence end after it,
  cut before a phrase hung on a word of the content, start at the cue's object before it, extend
  over what the cue's verb governs after it;
  cue variants: up to three words more or fewer on the left, six more or three fewer on the right,
  never into the speaker, the content or another claim's cue; speaker variants: cut before a
  break or a phrase hung on one of its words ("Jane Roe | on Tuesday"), but never before a relative
  clause nor inside a bracket, extend over what its head governs (but not over a trailer the rules
  leave out, such as a participle after a comma), drop its first word (see
  `extract/attribution/boundaries.py`). Built by
  `python -m extract.training.boundaries ../shared/data/polnear/train models/cues` after the three
  above (about 39,000 groups, 130,000 variants, from the candidate claims that match a gold
  attribution; label: the variant equals a gold span of its role; five AdaGrad epochs, fixed seed,
  features seen at least three times, prefixed `content:` / `cue:` / `speaker:`; contents and cues
  learn together, speakers apart; cue and speaker weights averaged over every step).
  Train-validation against the logistic regression on contents it replaced: content exact F1
  0.594 -> 0.604, cue exact 0.675 -> 0.681; averaged cue weights: cue exact 0.6828 -> 0.6846;
  speaker variants: source exact 0.7419 -> 0.7423, relation
  unchanged (0.7400).
- **Data licence**: PolNeAR is a research corpus; only counts and weights over lemmas and
  dependency labels are stored, no text.
- **Limits**: US political news of 2015-16: cues of other domains (science, sport) may be missing.
- `extra_cues.tsv` (not learnt; `lemma`, `levin_class`): verbs of Levin (1993), *English Verb
  Classes and Alternations*, classes 37.1-37.11 (verbs of communication: transfer of a message,
  tell, manner of speaking, instrument of communication, talk, chitchat, say, complain, advise,
  lecture), 29.4-29.5 (declare and conjecture verbs) and 32.1 (want verbs), as listed there, minus
  those whose claims cost more than they give on PolNeAR train-validation: each lemma was added
  to the learnt lexicon and kept when the claims it adds on the five folds are right (relation
  match) at least half as often as the folds' relation F1, the break-even for F1 (dropped: allow,
  feel, figure, prove, need, hold, guarantee, anticipate, discover, trust, teach, advise, grouse,
  wish, yell, deny). Curated lemmas are verb cues, take an open complement ("wants to ..."), and
  mark a feature of the gate; whether a direct object can be the content comes from the learnt
  rate alone. Train-validation with the list against none: relation F1 0.705 vs 0.701.
- **Measured**: see README, "Quality", for PolNeAR dev scores with this lexicon.
"""


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--min-rate", type=float, default=0.25)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--leave-out", type=int, action="append", default=[], metavar="K", help=leave_out_help())
    a = ap.parse_args(argv)
    n = build(a.train, a.out, min_rate=a.min_rate, min_count=a.min_count, leave_out=a.leave_out)
    print(f"wrote {n} cue lemmas to {a.out / 'cues.tsv'}")


if __name__ == "__main__":
    main()
