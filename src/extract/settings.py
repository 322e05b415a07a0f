"""One settings object for a whole run, passed to every stage that needs it."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

DEFAULT_MODEL = "en_core_web_sm"  # resolved to the PyPI re-upload by nlp.load


def models_dir() -> Path:
    """Where lexicons and trained components live: ``models/`` at the repository root.

    ``EXTRACT_MODELS`` overrides it (for an install outside the checkout).
    """
    env = os.environ.get("EXTRACT_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "models"


@dataclass(frozen=True)
class Settings:
    """How to run the pipeline.

    model: spaCy pipeline name or path.
    published: fallback publication date (ISO) for articles that state none.
    workers: processes; 1 runs in this process.
    batch_size: texts per ``nlp.pipe`` batch.
    progress: show a progress bar on stderr.
    """

    model: str = DEFAULT_MODEL
    published: Optional[str] = None
    workers: int = 1
    batch_size: int = 16
    progress: bool = False
    verbose: bool = False
