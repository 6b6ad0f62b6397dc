"""Work done in a forked process while this one goes on: the child shares everything already
in memory without copying or pickling it, and only its result comes back."""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    def __init__(self, function: Callable[[], T]):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)

        def run() -> None:
            try:
                send.send((True, function()))
            except BaseException:  # noqa: BLE001 - reported in the parent, which raises it
                send.send((False, traceback.format_exc()))

        self._process = context.Process(target=run, daemon=True)
        # Out of the collector's sight, the objects both processes hold are not written to by
        # its passes, so their memory pages stay shared rather than copied.
        gc.freeze()
        try:
            self._process.start()
        finally:
            gc.unfreeze()
        send.close()

    def result(self) -> T:
        try:
            succeeded, value = self._receive.recv()
        except EOFError:
            succeeded, value = False, "the process ended without a result"
        self._process.join()
        if not succeeded:
            raise RuntimeError(f"forked work failed:\n{value}")
        return value
