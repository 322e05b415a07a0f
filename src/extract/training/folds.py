"""Tables and gate trained leaving one fold of PolNeAR train out, for train-validation.

    python -m extract.training.folds ../shared/data/polnear/train            # build all five
    extract eval polnear ../shared/data/polnear/train --fold all              # score with them

A validation score must come from tables and a gate that never saw the validation articles: for
fold K, :func:`fold_models` runs the training commands (:mod:`.cues`, :mod:`.cue_model`,
:mod:`.claim_model`, :mod:`.boundaries`) with
``--leave-out K`` into a folder of the cache (``$EXTRACT_CACHE/folds``, default
``~/.cache/extract/folds``), named by a hash of what the training reads (the training and gate
code, the attribution rules whose claims the claim check learns from, the curated cue list, the
split's file names, K), so a change to any of them retrains and
an unchanged setup reuses the files. The shipped ``models/cues`` stays trained on all of train.

The models are trained by the code this process has loaded, but the key is read from the files on
disk: the files are read once, on the first key of a process, and read again before a built fold is
stored; if they changed in between (someone edited the rules during a run) the fold is not stored
under a key that does not describe it, and :class:`CodeChangedDuringRun` says so.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import os
import shutil
from pathlib import Path

from ..corpora.polnear import FOLDS
from ..settings import models_dir

INPUTS = ("training/folds.py", "training/cues.py", "training/cue_model.py", "training/corpus.py",
          "training/claim_model.py", "training/boundaries.py", "attribution/cue_model.py", "attribution/claim_model.py",
          "corpora/polnear.py")


class CodeChangedDuringRun(RuntimeError):
    """The training or attribution code changed on disk while fold models were being trained."""


def _code_digest() -> str:
    """A hash of the code and curated list the fold models depend on, as they are on disk now."""
    h = hashlib.sha1()
    pkg = Path(__file__).resolve().parents[1]
    # the claim check learns from the claims the rules make: any rule change retrains it
    for path in [pkg / rel for rel in INPUTS] + sorted((pkg / "attribution").glob("*.py")):
        h.update(path.read_bytes())
    h.update((models_dir() / "cues" / "extra_cues.tsv").read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _loaded_digest() -> str:
    """The code digest read once per process, as close as can be to the code the process runs."""
    return _code_digest()


def _key(train: Path, k: int) -> str:
    h = hashlib.sha1(f"fold {k} of {FOLDS}".encode())
    h.update(_loaded_digest().encode())
    for p in sorted((Path(train) / "attributions").glob("*.ann")):
        h.update(p.name.encode())
    return h.hexdigest()[:12]


def cache_root() -> Path:
    env = os.environ.get("EXTRACT_CACHE")
    return (Path(env) if env else Path.home() / ".cache" / "extract") / "folds"


def fold_models(train: str | Path, k: int, *, quiet: bool = True) -> Path:
    """A models folder (with ``cues/``) trained on every fold of ``train`` but ``k``; built if missing."""
    from . import boundaries, claim_model, cue_model, cues

    train = Path(train)
    folder = cache_root() / f"fold{k}-{_key(train, k)}"
    if (folder / "cues" / "boundary_model.json").exists():
        return folder
    tmp = folder.with_name(folder.name + f".{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    cues.build(train, tmp / "cues", leave_out=[k])
    shutil.copy(models_dir() / "cues" / "extra_cues.tsv", tmp / "cues" / "extra_cues.tsv")  # curated, not learnt
    cue_model.main([str(train), str(tmp / "cues"), "--leave-out", str(k)] + (["--quiet"] if quiet else []))
    claim_model.main([str(train), str(tmp / "cues"), "--leave-out", str(k)] + (["--quiet"] if quiet else []))
    boundaries.main([str(train), str(tmp / "cues"), "--leave-out", str(k)] + (["--quiet"] if quiet else []))
    if _code_digest() != _loaded_digest():
        shutil.rmtree(tmp, ignore_errors=True)
        raise CodeChangedDuringRun(
            f"fold {k}: the attribution or training code (or extra_cues.tsv) changed on disk while this run "
            "trained its fold models; they were not cached, since their key would not describe them. "
            "Run again once the edits are done."
        )
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    return folder


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("--fold", type=int, action="append", help="only this fold (repeat for several); default all")
    a = ap.parse_args(argv)
    for k in a.fold or range(FOLDS):
        print(f"fold {k}: {fold_models(a.train, k, quiet=False)}")


if __name__ == "__main__":
    main()
