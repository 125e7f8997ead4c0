"""How far a build has come: a tqdm bar on a terminal, plain periodic lines in a log.

Both show files done of the total, facts, errors, the rate and the time left. A log (a stream that
is not a terminal) gets one line every `interval` seconds and one at the end, so a batch of 10,000
files in CI or under `nohup` leaves a readable trail instead of carriage returns.
"""
from __future__ import annotations

import time
from typing import TextIO

from tqdm import tqdm


class BuildProgress:
    """Progress of one build; `step` after each document, `close` at the end."""

    def __init__(self, total: int, stream: TextIO | None, interval: float = 10.0) -> None:
        self.total = total
        self.stream = stream
        self.interval = interval
        self.done = 0
        self.facts = 0
        self.errors = 0
        self._started = time.monotonic()
        self._last_line = self._started
        self._bar: tqdm | None = None
        if stream is not None and _is_terminal(stream):
            self._bar = tqdm(total=total, file=stream, unit="file", dynamic_ncols=True, leave=True,
                             desc="kg build", smoothing=0.1)

    def step(self, facts: int = 0, error: bool = False) -> None:
        self.done += 1
        self.facts += facts
        self.errors += int(error)
        if self._bar is not None:
            self._bar.set_postfix(facts=self.facts, errors=self.errors, refresh=False)
            self._bar.update(1)
        elif self.stream is not None and time.monotonic() - self._last_line >= self.interval:
            self._line()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.stream is not None and self.done:
            self._line()

    def _line(self) -> None:
        now = time.monotonic()
        self._last_line = now
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        pct = 100 * self.done / self.total if self.total else 100.0
        self.stream.write(f"kg build: {self.done}/{self.total} files ({pct:.0f}%), {self.facts:,} facts, "
                          f"{self.errors} errors, {rate:.1f} files/s, ETA {_duration(left)}\n")
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
