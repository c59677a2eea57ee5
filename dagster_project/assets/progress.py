"""Progress of the long stages of a run, as log lines the CLI shows on stderr.

A stage reports "stage: done/total unit (percent, rate, time left)" at most
once every ``every_seconds`` (and at the start), then one summary line
"stage: done/total unit in N s (rate)". A 100 000-document run therefore
prints a few hundred lines, not one per document.
"""

from __future__ import annotations

import logging
import time

from dagster import AssetCheckExecutionContext, AssetExecutionContext

logger = logging.getLogger("dxw.progress")


def log_progress(context: AssetExecutionContext | AssetCheckExecutionContext | None, message: str) -> None:
    """One line to the terminal (via the CLI's handler) and to the Dagster run log."""
    logger.info(message)
    if context is not None:
        context.log.info(message)


class DocumentProgress:
    """Counts work done in a stage and reports it without flooding."""

    def __init__(
        self,
        context: AssetExecutionContext | None,
        stage: str,
        total: int,
        every_seconds: float = 1.0,
        unit: str = "documents",
    ):
        self._context = context
        self._stage = stage
        self._total = total
        self._every = every_seconds
        self._unit = unit
        self._done = 0
        self._started = time.monotonic()
        self._last_report = float("-inf")

    @property
    def done(self) -> int:
        return self._done

    def start(self) -> None:
        self._started = time.monotonic()
        self._report(self._started)

    def advance(self, count: int = 1) -> None:
        self._done += count
        now = time.monotonic()
        if now - self._last_report >= self._every:
            self._report(now)

    def finish(self) -> str:
        """The summary line (also logged): how much, how long, how fast."""
        elapsed = time.monotonic() - self._started
        counted = f"{self._stage}: {self._done}/{self._total} {self._unit}"
        message = f"{counted} in {elapsed:.1f} s ({self._rate(elapsed)})"
        log_progress(self._context, message)
        return message

    def _rate(self, elapsed: float) -> str:
        per_second = self._done / elapsed if elapsed > 0 else 0.0
        return f"{per_second:.1f} {self._unit}/s"

    def _report(self, now: float) -> None:
        self._last_report = now
        message = f"{self._stage}: {self._done}/{self._total} {self._unit}"
        elapsed = now - self._started
        if self._done and self._total and elapsed > 0:
            left = (self._total - self._done) * elapsed / self._done
            percent = 100 * self._done / self._total
            message += f" ({percent:.0f}%, {self._rate(elapsed)}, {left:.0f} s left)"
        log_progress(self._context, message)
