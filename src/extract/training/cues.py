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
import datetime as dt
from pathlib import Path

from ..evaluation.polnear import iter_corpus
from ..nlp import load

POS = {"VERB", "NOUN", "ADJ", "ADP", "AUX"}


def build(train: Path, out: Path, *, min_rate: float = 0.25, min_count: int = 3, model: str = "en_core_web_sm") -> int:
    nlp = load(model)
    arts = list(iter_corpus(train))
    total: collections.Counter = collections.Counter()
    in_cue: collections.Counter = collections.Counter()
    for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=16)):
        cue_chars = bytearray(len(art.text))
        for a in art.attributions:
            for s, e in a.cue:
                cue_chars[s:e] = b"\x01" * (e - s)
        for tok in doc:
            if tok.pos_ not in POS or not tok.is_alpha:
                continue
            key = (tok.lemma_.lower(), tok.pos_)
            total[key] += 1
            if cue_chars[tok.idx]:
                in_cue[key] += 1
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
        date=dt.date.today().isoformat(), n_articles=len(arts), n_rows=len(rows), min_rate=min_rate,
        min_count=min_count, model=model), encoding="utf-8")
    return len(rows)


CARD = """# Cue lexicon

- **What**: lemmas (with coarse part of speech) that introduce attributions: reporting verbs
  ("say", "estimate", "warn"), nouns ("statement"), and belief/intention verbs as PolNeAR annotates them.
  `cues.tsv` columns: `lemma`, `pos`, `in_cue` (times inside a gold Cue span), `total` (times seen),
  `rate` (in_cue / total). The attribution stage uses `rate` as a prior: high-rate lemmas are cues
  wherever they head a clause with a subject and a complement; low-rate lemmas need stronger evidence.
- **Built**: {date}, by `python -m extract.training.cues ../shared/data/polnear/train models/cues`
  from the PolNeAR v1.0 training split only ({n_articles} articles, one annotator per article),
  parsed with `{model}`; kept when rate >= {min_rate} and in_cue >= {min_count}: {n_rows} lemmas.
- **Data licence**: PolNeAR is a research corpus; only counts over lemmas are stored, no text.
- **Limits**: US political news of 2015-16: cues of other domains (science, sport) may be missing;
  the curated list in `extra_cues.tsv` (written by hand from the reporting-verb literature, not
  from the dev split) adds reporting, intention (want, plan) and stance (support, back) verbs;
  its `kind` column says whether a direct object can be the content.
- **Measured**: see README, "Quality", for PolNeAR dev scores with this lexicon.
"""


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--min-rate", type=float, default=0.25)
    ap.add_argument("--min-count", type=int, default=3)
    a = ap.parse_args(argv)
    n = build(a.train, a.out, min_rate=a.min_rate, min_count=a.min_count)
    print(f"wrote {n} cue lemmas to {a.out / 'cues.tsv'}")


if __name__ == "__main__":
    main()
