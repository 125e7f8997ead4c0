"""One writer per store: an exclusive lock on a file in the store directory, held while it is open.

Why a lock of our own when RocksDB (under Oxigraph) already has one: its refusal reads
`IO error: lock hold by current process` or `Resource temporarily unavailable`, which tells a user
nothing. This lock is taken first and says what is going on and who holds it.

Why `flock` and not POSIX record locks: an flock belongs to the open file, so the kernel drops it
when the holder exits in any way, SIGKILL included, and there is never a stale lock to clean up;
record locks are per process and vanish when any descriptor of the file is closed.

Readers (`kg query`, `kg serve`, exports) do not take it: Oxigraph opens a store read-only beside
a running writer (each reader sees the store as of its opening).
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_NAME = "kg-writer.lock"


class LockHeld(Exception):
    """Another process has the store open for writing; the message names it."""


class WriterLock:
    """The exclusive writer lock of the store at `directory` (which must exist)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.path = Path(directory) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> "WriterLock":
        """Take the lock without waiting: raise `LockHeld` if another writer has it, OSError if the
        directory cannot be written (read-only, full, no permission)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise LockHeld(f"another process (pid {holder}) is writing this store, e.g. a `kg build`; "
                           "wait for it to finish, then run again") from None
        except OSError:
            os.close(fd)
            raise
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)  # for the message another writer gets
        except OSError:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
