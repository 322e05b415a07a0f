"""Train the content-boundary choice (:mod:`extract.attribution.boundaries`) on PolNeAR's training split.

    python -m extract.training.boundaries ../shared/data/polnear/train models/cues

Every candidate claim the rules make on the training articles (with the cue tables, gate and
claim check in the output folder, which must be built first) that matches a gold attribution
(PolNeAR's relation test) and has a one-piece content gives one example per variant of its content,
labelled 1 when the variant equals a gold content as the exact scorer compares spans (without
surrounding punctuation and quote marks). A logistic regression (the AdaGrad fit of
:mod:`.cue_model`, fixed seed, eight epochs, features seen at least three times) learns which
variants annotators mark. Deterministic; ``boundary_model.json`` records how the files were made.
"""
from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from .. import attribution, entities, metadata
from ..attribution import boundaries, cues

from ..corpora.polnear import claim_attribution, comparable, relation_match
from ..records import Document
from .corpus import leave_out_help, marked
from .cue_model import fit


def examples(train: Path, folder: Path, leave_out=()):
    """(articles read, features of each content variant, 1 if it equals a gold content)."""
    lex = dataclasses.replace(cues.load(folder), claims=None, bounds=None)
    n, X, y = 0, [], []
    for art, doc, _, _ in marked(train, leave_out=leave_out):
        n += 1
        meta = metadata.analyze(Document(art.name, art.name, art.text))
        claims, ctx = attribution.candidates(doc, entities.extract(doc, meta), meta, lex)
        golds = {comparable(art.text, s, e) for g in art.attributions for s, e in g.content}
        for c in claims:
            if c.relayed_by is not None or c.content_spans:
                continue
            if not any(relation_match(claim_attribution(c), g) for g in art.attributions):
                continue
            for v in boundaries.variants(doc, c.content, c.cue):
                X.append(boundaries.features(doc, c, v))
                y.append(int(comparable(art.text, v[0], v[1]) in golds))
    return n, X, y


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path, help="a cues folder with the tables, gate and claim check already built")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--min-count", type=int, default=3, help="features seen fewer times are not learnt")
    ap.add_argument("--prune", type=float, default=0.001, help="drop weights smaller than this")
    ap.add_argument("--leave-out", type=int, action="append", default=[], metavar="K", help=leave_out_help())
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    a = ap.parse_args(argv)
    cues.load.cache_clear()
    n_articles, X, y = examples(a.train, a.out, leave_out=a.leave_out)
    weights = fit(X, y, epochs=a.epochs, min_count=a.min_count)
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= a.prune}
    boundaries.save(a.out, kept, {
        "command": "python -m extract.training.boundaries ../shared/data/polnear/train models/cues"
                   + "".join(f" --leave-out {k}" for k in a.leave_out),
        "articles": n_articles, "examples": len(y), "positives": int(sum(y)), "epochs": a.epochs,
        "min_count": a.min_count, "features": len(kept),
    })
    cues.load.cache_clear()
    if not a.quiet:
        print(f"{len(y)} content variants ({sum(y)} marked so) from {n_articles} articles; "
              f"wrote {len(kept)} weights to {a.out / 'boundary_model.tsv'}")


if __name__ == "__main__":
    main()
