"""A progress bar on standard error, drawn only for a person watching a terminal (never in CI)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

WIDTH = 30
REDRAW_SECONDS = 0.1


def wanted(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("CI")


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.label, self.total, self.done = label, total, 0
        self.shown = wanted(self.stream) and total > 0
        self._drawn_at = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.shown and (time.monotonic() - self._drawn_at >= REDRAW_SECONDS or self.done >= self.total):
            self._drawn_at = time.monotonic()
            filled = WIDTH * self.done // self.total
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
