"""Train the verb-cue gate (:mod:`extract.attribution.cue_model`) on PolNeAR's training split.

    python -m extract.training.cue_model ../shared/data/polnear/train models/cues

Every candidate verb of the training articles is an example, labelled 1 when it lies inside an
annotated Cue span. A logistic regression (AdaGrad, three epochs, features seen at least five times,
weights rounded to 4 places and those under ``--prune`` dropped) learns P(cue | verb in context).
Deterministic: fixed seed, fixed order. Only the training split is read; ``cue_model.json``
records how the files were made.
"""
from __future__ import annotations

import argparse
import collections
import math
import random
from pathlib import Path

import numpy as np

from ..attribution import cue_model, cues
from ..settings import models_dir
from .corpus import leave_out_help, marked


def examples(train: Path, model: str = "en_core_web_sm", leave_out=()):
    """(articles read, features of each candidate verb, 1 if it lies in a gold cue else 0)."""
    curated = frozenset(cues.curated_cues(models_dir() / "cues"))
    n, X, y = 0, [], []
    for _, doc, in_cue, _ in marked(train, model, leave_out=leave_out):
        n += 1
        for tok in doc:
            if cue_model.is_candidate(tok):
                X.append(cue_model.features(tok, curated))
                y.append(in_cue[tok.idx])
    return n, X, y


def feature_index(X, min_count: int) -> dict:
    """Feature name -> column, for the features seen in at least ``min_count`` examples (sorted,
    so a build is byte for byte). Shared by every trainer in this package."""
    counts = collections.Counter(f for x in X for f in set(x))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}


def encode(x, index: dict) -> np.ndarray:
    """The sorted columns of one example's known features."""
    return np.array(sorted({index[f] for f in x if f in index}), dtype=np.int64)


def fit(X, y, *, epochs: int = 3, rate: float = 0.2, l2: float = 1e-6, min_count: int = 5, seed: int = 0) -> dict:
    """Logistic regression by AdaGrad over sparse binary features; returns {feature: weight}."""
    index = feature_index(X, min_count)
    rows = [encode(x, index) for x in X]
    w = np.zeros(len(index))
    g2 = np.full(len(index), 1e-8)
    order = list(range(len(rows)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for i in order:
            r = rows[i]
            z = max(min(float(w[r].sum()), 30.0), -30.0)
            p = 1.0 / (1.0 + math.exp(-z))
            g = (p - y[i]) + l2 * w[r]
            g2[r] += g * g
            w[r] -= rate * g / np.sqrt(g2[r])
    return {f: float(w[i]) for f, i in index.items()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--threshold", type=float, default=0.5, help="P(cue) at which an unlisted verb is a cue")
    ap.add_argument("--veto", type=float, default=0.0,
                    help="P(cue) under which a listed verb is not a cue (0: never; the claim check judges them)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--prune", type=float, default=0.001, help="drop weights smaller than this")
    ap.add_argument("--leave-out", type=int, action="append", default=[], metavar="K", help=leave_out_help())
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    a = ap.parse_args(argv)
    n_articles, X, y = examples(a.train, leave_out=a.leave_out)
    weights = fit(X, y, epochs=a.epochs)
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= a.prune}
    cue_model.save(a.out, kept, {
        "threshold": a.threshold, "veto": a.veto,
        "command": "python -m extract.training.cue_model ../shared/data/polnear/train models/cues"
                   + "".join(f" --leave-out {k}" for k in a.leave_out),
        "articles": n_articles, "examples": len(y), "positives": int(sum(y)),
        "epochs": a.epochs, "features": len(kept),
    })
    if not a.quiet:
        print(f"{len(y)} candidate verbs ({sum(y)} in cues) from {n_articles} articles; "
              f"wrote {len(kept)} weights to {a.out / 'cue_model.tsv'}")


if __name__ == "__main__":
    main()
