"""Progress of the per-document stages, as log lines the CLI shows on stderr."""

from __future__ import annotations

import logging
import time

from dagster import AssetExecutionContext

logger = logging.getLogger("dxw.progress")


class DocumentProgress:
    """Reports "stage: done/total documents", at most once a second plus the last one."""

    def __init__(self, context: AssetExecutionContext, stage: str, total: int, every_seconds: float = 1.0):
        self._context = context
        self._stage = stage
        self._total = total
        self._every = every_seconds
        self._done = 0
        self._last_report = float("-inf")

    def start(self) -> None:
        self._report()

    def advance(self, count: int = 1) -> None:
        self._done += count
        now = time.monotonic()
        if self._done >= self._total or now - self._last_report >= self._every:
            self._report(now)

    def _report(self, now: float | None = None) -> None:
        self._last_report = time.monotonic() if now is None else now
        message = f"{self._stage}: {self._done}/{self._total} documents"
        logger.info(message)
        self._context.log.info(message)
