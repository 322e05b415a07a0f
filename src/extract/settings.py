"""One settings object for a whole run, passed to every stage and engine that needs it."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Optional

DEFAULT_MODEL = "en_core_web_sm"  # resolved to the PyPI re-upload by nlp.load
ENGINES = ("local", "dask")
FORMATS = ("csv", "parquet")


def models_dir() -> Path:
    """Where the shipped lexicons and trained components live: ``extract/models/`` in an installed
    package (``pyproject.toml`` maps the repository's ``models/`` there), else ``models/`` at the
    root of a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "models"
    return packaged if packaged.is_dir() else here.parents[1] / "models"


@dataclass(frozen=True)
class Settings:
    """How to run the pipeline: every option of ``extract run`` is a field here.

    model: spaCy pipeline name or path.
    published: fallback publication date (ISO) for articles that state none.
    workers: processes (local engine) or LocalCluster workers (Dask); 1 runs in this process.
    batch_size: texts per ``nlp.pipe`` batch, and per task sent to a worker.
    progress: show a progress bar on stderr.
    verbose: print the traceback of every article that fails.
    excel_safe: prefix cells a spreadsheet would run as a formula with ``'``.
    fmt: ``csv``, or ``parquet`` to write each table as Parquet too.
    resume: reuse the rows of articles a previous run into the same folder finished.
    engine: ``local`` (worker processes) or ``dask`` (a Dask cluster).
    scheduler: with ``engine="dask"``, the address of a running scheduler (else a LocalCluster).
    """

    model: str = DEFAULT_MODEL
    published: Optional[str] = None
    workers: int = 1
    batch_size: int = 16
    progress: bool = False
    verbose: bool = False
    excel_safe: bool = False
    fmt: str = "csv"
    resume: bool = False
    engine: str = "local"
    scheduler: Optional[str] = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.fmt not in FORMATS:
            raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {self.fmt!r}")
        if self.scheduler and self.engine != "dask":
            raise ValueError("a scheduler goes with engine='dask'")
        if self.workers < 1 or self.batch_size < 1:
            raise ValueError("workers and batch_size must be at least 1")

    @classmethod
    def option_names(cls) -> frozenset[str]:
        return frozenset(f.name for f in fields(cls))
