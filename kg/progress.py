"""A progress line on standard error: how far a stage is, how fast it goes, the time left.

On a terminal the line is redrawn in place a few times a second; elsewhere (a log file,
a pipe, CI) nothing is printed, so logs and captured output stay as they were.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "ProgressLine"]

#: Told how far a long task is: the stage ("reading" documents, "writing" records, "validating"
#: checks), done, total.
Progress = Callable[[str, int, int], None]


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class ProgressLine:
    """Call with (stage, done, total) as a build goes; see :data:`kg.build.streaming.Progress`."""

    def __init__(self, stream: TextIO | None = None, every: float = 0.25) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()  # nothing is shown when not a terminal
        self.every = every
        self.stage: str | None = None
        self.started = self.shown = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.started, self.shown = stage, now, 0.0
        if self.live and (now - self.shown >= self.every or done >= total):
            self.shown = now
            self._show(stage, done, total, now - self.started)

    def _show(self, stage: str, done: int, total: int, elapsed: float) -> None:
        rate = done / elapsed if elapsed > 0 else 0.0
        line = f"{stage} {done:,}/{total:,}"
        if total:
            line += f" ({100 * done / total:.0f}%)"
        if rate:
            line += f", {rate:,.0f}/s"
        if done < total and rate:
            line += f", {_clock((total - done) / rate)} left"
        elif done >= total:
            line += f", {_clock(elapsed)}"
        self.stream.write(f"\r\x1b[K{line}" + ("\n" if done >= total else ""))
        self.stream.flush()
