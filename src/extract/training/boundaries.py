"""Train the content-boundary choice (:mod:`extract.attribution.boundaries`) on PolNeAR's training split.

    python -m extract.training.boundaries ../shared/data/polnear/train models/cues

Every candidate claim the rules make on the training articles (with the cue tables, gate and
claim check in the output folder, which must be built first) that matches a gold attribution
(PolNeAR's relation test) gives up to three groups of alternatives, the variants of its cue, of its
content (when in one piece) and of its speaker phrase, each labelled 1 when it equals a gold span of
its role (a source, for the speaker) as the exact scorer compares spans (without surrounding
punctuation and quote marks). A conditional logit per role
(:func:`fit_groups`: AdaGrad, fixed seed, five epochs, features seen at least three
times) learns which variants annotators mark. Deterministic; ``boundary_model.json`` records how the files were made.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import random
from pathlib import Path

import numpy as np

from .. import attribution, entities, metadata
from ..attribution import boundaries, cues

from ..corpora.polnear import claim_attribution, comparable, relation_match
from ..records import Document
from .corpus import leave_out_help, marked
from .cue_model import encode, feature_index


def fit_groups(groups, *, epochs: int = 5, rate: float = 0.2, l2: float = 1e-6, min_count: int = 3,
               seed: int = 0, average: tuple[str, ...] = ()) -> dict:
    """A conditional logit (softmax over each group of alternatives, McFadden 1974) by AdaGrad over
    sparse binary features; ``groups`` is a list of (features of each alternative, 0/1 labels), the
    positives sharing the target mass; groups with no positive are skipped. Returns {feature: weight}:
    the last step's weights, or for a feature starting with one of ``average`` the mean of its weight
    over every step (Polyak and Juditsky 1992, kept lazily as in the averaged perceptron; the steps
    taken are the same either way)."""
    index = feature_index((x for feats, _ in groups for x in feats), min_count)
    data = []
    for feats, labels in groups:
        if not any(labels) or len(feats) < 2:
            continue
        data.append(([encode(x, index) for x in feats], [y / sum(labels) for y in labels]))
    w = np.zeros(len(index))
    steps = np.zeros(len(index))  # sum over updates of (step number x change): w - steps / t is the mean
    g2 = np.full(len(index), 1e-8)
    order = list(range(len(data)))
    rnd = random.Random(seed)
    t = 1
    for _ in range(epochs):
        rnd.shuffle(order)
        for k in order:
            rows, target = data[k]
            z = np.array([w[r].sum() for r in rows])
            p = np.exp(z - z.max())
            p /= p.sum()
            grad: dict[int, float] = collections.defaultdict(float)
            for r, pi, yi in zip(rows, p, target):
                if pi != yi:
                    for j in r:
                        grad[int(j)] += pi - yi
            t += 1
            if not grad:
                continue
            idx = np.fromiter(grad.keys(), dtype=np.int64, count=len(grad))
            g = np.fromiter(grad.values(), dtype=float, count=len(grad)) + l2 * w[idx]
            g2[idx] += g * g
            change = -rate * g / np.sqrt(g2[idx])
            w[idx] += change
            steps[idx] += t * change
    mean = w - steps / t
    return {f: float(mean[i] if f.startswith(average) else w[i]) for f, i in index.items()}


def examples(train: Path, folder: Path, leave_out=()):
    """(articles read, groups): one group per role of each candidate claim that matches a gold
    attribution, holding the features of each variant of that role's span (prefixed with the role)
    and 1 where the variant equals a gold span of that role."""
    lex = dataclasses.replace(cues.load(folder), claims=None, bounds=None)
    n, groups = 0, []
    for art, doc, _, _ in marked(train, leave_out=leave_out):
        n += 1
        meta = metadata.analyze(Document(art.name, art.name, art.text))
        claims, ctx = attribution.candidates(doc, entities.extract(doc, meta), meta, lex)
        gold = {role: {comparable(art.text, s, e) for g in art.attributions
                       for s, e in getattr(g, "source" if role == "speaker" else role)}
                for role in boundaries.ROLES}
        for c in claims:
            if c.relayed_by is not None or not any(relation_match(claim_attribution(c), g) for g in art.attributions):
                continue
            for role, (_, feats, _) in boundaries.ROLES.items():
                vs = boundaries.variants(role, doc, c, claims)
                if not vs:
                    continue
                groups.append(([[f"{role}:{f}" for f in feats(doc, c, v)] for v in vs],
                               [int(comparable(art.text, v[0], v[1]) in gold[role]) for v in vs]))
    return n, groups


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path, help="a cues folder with the tables, gate and claim check already built")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=3, help="features seen fewer times are not learnt")
    ap.add_argument("--prune", type=float, default=0.001, help="drop weights smaller than this")
    ap.add_argument("--leave-out", type=int, action="append", default=[], metavar="K", help=leave_out_help())
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    a = ap.parse_args(argv)
    cues.load.cache_clear()
    n_articles, groups = examples(a.train, a.out, leave_out=a.leave_out)
    # each role learns apart (its features are its own), so that a change to one role's variants leaves
    # the others' weights as they were: contents and cues learnt in one shuffled sequence once made
    # every change to the cue variants move about 0.002 of content exact F1 per fold either way (PolNeAR
    # train-validation, fold cue tables, gate and claim check of main, boundary model retrained: apart,
    # source 0.7499 -> 0.7499, cue 0.6901 -> 0.6902, content 0.6234 -> 0.6238, relation 0.7461 -> 0.7460).
    # Cues and speakers take the averaged weights (against the last step's: cue exact F1 0.6828 ->
    # 0.6846); contents keep the last step's (averaged, content exact F1 gained 0.001 but relation F1
    # lost 0.0005: long contents cut to the first of two attributions they ran over)
    weights = {}
    for role in sorted(boundaries.ROLES):
        weights.update(fit_groups([g for g in groups if g[0][0][0].startswith(f"{role}:")], epochs=a.epochs,
                                  min_count=a.min_count, average=() if role == "content" else (f"{role}:",)))
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= a.prune}
    boundaries.save(a.out, kept, {
        "command": "python -m extract.training.boundaries ../shared/data/polnear/train models/cues"
                   + "".join(f" --leave-out {k}" for k in a.leave_out),
        "articles": n_articles, "groups": len(groups), "variants": sum(len(g[1]) for g in groups),
        "groups_with_a_right_variant": sum(1 for g in groups if any(g[1])), "epochs": a.epochs,
        "min_count": a.min_count, "features": len(kept),
    })
    cues.load.cache_clear()
    if not a.quiet:
        print(f"{len(groups)} contents, cues and speakers with variants from {n_articles} articles; "
              f"wrote {len(kept)} weights to {a.out / 'boundary_model.tsv'}")


if __name__ == "__main__":
    main()
