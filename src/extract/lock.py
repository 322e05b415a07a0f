"""A lock on an output folder, so that two runs never write into the same ``--out`` at once.

The lock is ``OUT/.extract.lock``: an advisory ``flock`` held for the whole run (the kernel drops
it when the process dies, however it dies), and the holder's pid, host and start time written
inside so that a second run can say who holds it. A lock file left by a killed run is not held
by anyone and is simply taken over. The file stays in the folder, empty, after a clean run. Where ``fcntl`` is missing (Windows) the file's pid is
checked instead: a pid that no longer runs on this host is a stale lock.
"""
from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Optional

NAME = ".extract.lock"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None


class FolderLocked(RuntimeError):
    """Another live run holds the output folder."""


def _holder(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def _describe(info: dict, out: Path) -> str:
    who = f"pid {info.get('pid', '?')}" + (f" on {info['host']}" if info.get("host") else "")
    since = f", started {info['started']}" if info.get("started") else ""
    return (f"another extract run ({who}{since}) is writing into {out}; wait for it to finish, "
            f"or choose another --out")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class FolderLock:
    """``with FolderLock(out):`` holds ``out`` for one run; raises :class:`FolderLocked` if held.

    ``stale`` is set when a lock left by a dead run was taken over.
    """

    def __init__(self, out_dir: str | os.PathLike):
        self.out = Path(out_dir)
        self.path = self.out / NAME
        self.stale: Optional[dict] = None
        self._fd: Optional[int] = None

    def acquire(self) -> "FolderLock":
        self.out.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    raise FolderLocked(_describe(_holder(self.path), self.out)) from None
            previous = _holder(self.path)
            if previous.get("pid"):
                same_host = previous.get("host") == socket.gethostname()
                if fcntl is None and same_host and _pid_alive(int(previous["pid"])):
                    raise FolderLocked(_describe(previous, self.out))
                self.stale = previous  # its run died without releasing the folder
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                     "started": time.strftime("%Y-%m-%dT%H:%M:%S")}).encode())
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)  # empty: the next run sees a clean release, not a stale holder
        finally:
            os.close(self._fd)  # closing drops the flock; the empty file stays (unlinking it would race)
            self._fd = None

    def __enter__(self) -> "FolderLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
