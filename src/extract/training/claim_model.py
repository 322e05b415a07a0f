"""Train the claim check (:mod:`extract.attribution.claim_model`) on PolNeAR's training split.

    python -m extract.training.claim_model ../shared/data/polnear/train models/cues

Every candidate claim the rules make on the training articles is an example, labelled 1 when it
matches a gold attribution (PolNeAR's relation test: contents overlap by half, sources overlap).
The candidates are made out of fold, as at run time: for each fold J of the training articles,
cue tables and gate are trained on the other training folds (in a temporary folder, with the gate's
threshold and veto of the output folder, whose tables and gate must be built first) and make the
candidates of J's articles (five inner builds, about a minute more; nested inside each outer fold
of train-validation by the same code). Trained on in-sample candidates (``--in-sample``, before)
the check saw more candidates right (81.4% against 79.9%) and rosier gate probabilities than it
meets on unseen text. A logistic regression (the AdaGrad fit of :mod:`.cue_model`, fixed seed,
features seen at least five times) learns P(right | claim). Deterministic; ``claim_model.json``
records how the files were made.

Out-of-fold training with the neighbour features of
:func:`extract.attribution.claim_model.neighbour_features`, on train-validation: relation F1
0.7371 -> 0.7381 (higher on four folds, equal on the fifth). Measured and not kept: a one-hidden-
layer MLP (8-32 units, Adam, 2-8 epochs) over the same features: within +-0.0015 of the logistic
regression depending on its settings, no setting better on every fold; a softer label (right cue
and speaker): of the 3,362 wrong candidates only 292 have the right cue and speaker (content off)
and 594 the right cue with another speaker; 2,476 touch no gold cue at all.

The threshold (0.3) was chosen on train-validation only (each fold judged by a model trained on
the other four, same weights at every threshold): relation F1 0.7358 / 0.7363 / 0.7371 / 0.7369
at 0.20 / 0.25 / 0.30 / 0.35; 0.30 beats 0.25 on each of the five folds (by 0.0001 to 0.0015) and
on exact F1 of every role (source 0.7395 -> 0.7399, cue 0.6827 -> 0.6828, content 0.6109 ->
0.6114). Feature conjunctions (rule x gate bucket, rule x speaker type, cue lemma x speaker type,
rule x quote, content length, cue-content and cue-speaker distance, sentence position and share
of the sentence covered, all pairs of the main features) moved cross-validated relation F1 by
less than 0.001 either way and were not kept. Nor were dense features: the ``tok2vec`` vectors
(``doc.tensor``) of the cue's head and of the speaker's and content's roots, standardised, weighed
beside the sparse ones as the gate weighs its own (:class:`extract.attribution.cue_model.Dense`):
on top of the gate with vectors, train-validation relation F1 0.7412 -> 0.7408, source 0.7437 ->
0.7428, cue 0.6880 -> 0.6873, content 0.6155 -> 0.6160.

The fit's settings, measured with the features of what a content is made of
(:func:`extract.attribution.claim_model._object_features`) or just before them (train-validation
relation F1, the check retrained per fold on fixed fold models; 0.7486 with the settings kept):
5 epochs 0.7488, 2 epochs 0.7479, L2 1e-3 / 1e-2 0.7483 / 0.7476, features seen at least 3 / 10
times 0.7485 / 0.7483, AdaGrad rate 0.1 / 0.4 0.7476 / 0.7487, the mean weights of five seeds
0.7488 (one seed to another moves it by up to 0.0004); threshold 0.25 / 0.27 with the new
features 0.7489 / 0.7492 against 0.7496 at 0.3. None kept.
"""
from __future__ import annotations

import argparse
import dataclasses
import shutil
import tempfile
from pathlib import Path

from .. import attribution, entities, metadata
from ..attribution import claim_model, cues
from ..corpora.polnear import FOLDS, claim_attribution, other_folds, relation_match
from ..records import Document
from .corpus import leave_out_help, marked
from .cue_model import fit


def examples(train: Path, folder: Path, leave_out=(), in_sample: bool = False):
    """(articles read, features of each candidate claim, 1 if it matches a gold attribution).

    Out of fold (the default): for each training fold J, cue tables and gate are trained on the
    other training folds (:func:`inner_lexicon`) and make the candidates of J's articles, so the
    check learns from candidates, and gate probabilities, as they are at run time on unseen text.
    ``in_sample``: the candidates the tables and gate of ``folder`` make on the text they were
    trained on (before)."""
    base = dataclasses.replace(cues.load(folder), claims=None)
    if in_sample:
        return _examples(marked(train, leave_out=leave_out), base)
    n, X, y = 0, [], []
    for j in other_folds(leave_out):
        with tempfile.TemporaryDirectory(prefix="claim-model-") as tmp:
            lex = inner_lexicon(train, Path(tmp), [*leave_out, j], folder, base)
            m, Xj, yj = _examples(marked(train, leave_out=[i for i in range(FOLDS) if i != j]), lex)
            cues.load.cache_clear()
        n, X, y = n + m, X + Xj, y + yj
    return n, X, y


def inner_lexicon(train: Path, tmp: Path, leave_out: list, folder: Path, base):
    """Cue tables and gate trained into ``tmp`` on ``train`` without the folds ``leave_out``, with
    the curated cues of ``folder`` and the gate's threshold and veto of ``base`` (its lexicon, whose
    candidates the check will judge)."""
    from . import cue_model, cues as cue_tables

    cue_tables.build(train, tmp, leave_out=leave_out)
    shutil.copy(Path(folder) / "extra_cues.tsv", tmp / "extra_cues.tsv")
    cue_model.main([str(train), str(tmp), "--quiet"] + [a for k in leave_out for a in ("--leave-out", str(k))])
    lex = cues.load(tmp)
    gate = lex.model if base.model is None else dataclasses.replace(lex.model, threshold=base.model.threshold,
                                                                    veto=base.model.veto)
    return dataclasses.replace(lex, claims=None, bounds=None, model=gate)


def _examples(articles, lex):
    n, X, y = 0, [], []
    for art, doc, _, _ in articles:
        n += 1
        meta = metadata.analyze(Document(art.name, art.name, art.text))
        claims, ctx = attribution.candidates(doc, entities.extract(doc, meta), meta, lex)
        hood = claim_model.Neighbourhood(claims)
        for c in claims:
            if c.relayed_by is not None:
                continue
            X.append(claim_model.features(c, ctx, hood))
            y.append(int(any(relation_match(claim_attribution(c), g) for g in art.attributions)))
    return n, X, y


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path, help="a cues folder with the tables and gate already built")
    ap.add_argument("--threshold", type=float, default=0.3,
                    help="P(right) under which a claim is dropped (0.3: chosen on train-validation, see below)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--prune", type=float, default=0.001, help="drop weights smaller than this")
    ap.add_argument("--leave-out", type=int, action="append", default=[], metavar="K", help=leave_out_help())
    ap.add_argument("--in-sample", action="store_true",
                    help="learn from the candidates the tables and gate of OUT make on the text they were trained "
                         "on, instead of out-of-fold candidates (faster; before)")
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    a = ap.parse_args(argv)
    cues.load.cache_clear()
    n_articles, X, y = examples(a.train, a.out, leave_out=a.leave_out, in_sample=a.in_sample)
    weights = fit(X, y, epochs=a.epochs)
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= a.prune}
    claim_model.save(a.out, kept, {
        "threshold": a.threshold,
        "command": "python -m extract.training.claim_model ../shared/data/polnear/train models/cues"
                   + "".join(f" --leave-out {k}" for k in a.leave_out) + (" --in-sample" if a.in_sample else ""),
        "candidates": "in sample" if a.in_sample else "out of fold", "articles": n_articles, "examples": len(y),
        "positives": int(sum(y)), "epochs": a.epochs, "features": len(kept),
    })
    cues.load.cache_clear()
    if not a.quiet:
        print(f"{len(y)} candidate claims ({sum(y)} right) from {n_articles} articles; "
              f"wrote {len(kept)} weights to {a.out / 'claim_model.tsv'}")


if __name__ == "__main__":
    main()
