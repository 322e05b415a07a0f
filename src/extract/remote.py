"""Inputs and outputs as fsspec URLs (``s3://``, ``gs://``, ``memory://``, ``file://``).

A remote input is fetched into a temporary folder before the run, and its articles keep the URL
they came from in ``source_path``; a remote ``--out`` is written locally and uploaded when the
tables are complete, so readers never see half a table. ``file://`` URLs are used in place.
Remote filesystems need their fsspec package (``s3fs``, ``gcsfs``) and credentials as usual.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


def is_url(path) -> bool:
    return "://" in str(path)


def _local_file_url(path: str) -> str | None:
    return path[len("file://"):] if str(path).startswith("file://") else None


def _fs(url: str):
    try:
        import fsspec
    except ImportError as e:
        raise RuntimeError(f"{url}: URLs need fsspec: pip install 'extract[dask]' or pip install fsspec") from e
    return fsspec.core.url_to_fs(url)


@contextlib.contextmanager
def local_inputs(inputs: list) -> Iterator[tuple[list[str], list[str]]]:
    """(local paths to read, names to report) for the inputs, fetching remote ones."""
    with tempfile.TemporaryDirectory(prefix="extract-in-") as tmp:
        local, shown = [], []
        for k, inp in enumerate(inputs):
            inp = str(inp)
            file_path = _local_file_url(inp)
            if file_path is not None:
                local.append(file_path)
                shown.append(file_path)
            elif is_url(inp):
                fs, path = _fs(inp)
                from .reading import InputError

                if not fs.exists(path):
                    raise InputError(f"input not found: {inp}")
                dest = Path(tmp) / str(k) / Path(path.rstrip("/")).name
                dest.parent.mkdir(parents=True)
                fs.get(path, str(dest), recursive=fs.isdir(path))
                local.append(str(dest))
                shown.append(inp.rstrip("/"))
            else:
                local.append(inp)
                shown.append(inp)
        yield local, shown


@contextlib.contextmanager
def local_output(out, *, resume: bool) -> Iterator[str]:
    """A local folder to write into, uploaded to ``out`` afterwards when it is a URL."""
    out = str(out)
    file_path = _local_file_url(out)
    if file_path is not None or not is_url(out):
        yield file_path or out
        return
    fs, path = _fs(out)
    from .journal import NAME as JOURNAL

    with tempfile.TemporaryDirectory(prefix="extract-out-") as tmp:
        if resume and fs.exists(f"{path.rstrip('/')}/{JOURNAL}"):
            fs.get(f"{path.rstrip('/')}/{JOURNAL}", os.path.join(tmp, JOURNAL))
        yield tmp
        fs.makedirs(path, exist_ok=True)
        for name in sorted(os.listdir(tmp)):
            if name.endswith(".tmp"):
                continue
            fs.put(os.path.join(tmp, name), f"{path.rstrip('/')}/{name}")
