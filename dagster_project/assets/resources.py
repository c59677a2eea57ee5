"""The warehouse resource: which input folder and which published file a run works on.

Setting it up for a run takes the run lock and starts the private working copy
from the published file; every asset then writes to that copy only. The lock
is released when the run ends, published or not.

It also keeps what the run's expectation checks found (``RunAudits``), so the
report written after publishing shows the audit that let the run publish
instead of validating the warehouse a second time.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from dagster_project.quality.suite import SuiteOutcome
from dagster_project.settings import Settings, load_settings
from dagster_project.warehouse import prepare_working_copy, run_lock


@dataclass
class RunAudits:
    """When the run started (what its checks audit is what changed since) and what they found."""

    started_at: datetime | None = None
    # suite name -> (outcome, GX validation result for the Data Docs, or None)
    outcomes: dict[str, tuple[SuiteOutcome, Any]] = field(default_factory=dict)


# By working copy (one per run process): Dagster hands each step the resource as configured,
# not necessarily the object it set up, so per-run state lives here.
_RUN_AUDITS: dict[str, RunAudits] = {}


class WarehouseResource(ConfigurableResource):
    input_dir: str
    warehouse_path: str
    # How long a run waits for another run on the same warehouse to finish before failing.
    lock_wait_seconds: float = 0.0

    _held: ExitStack = PrivateAttr(default_factory=ExitStack)

    @classmethod
    def from_settings(cls, settings: Settings) -> WarehouseResource:
        return cls(input_dir=str(settings.input_dir), warehouse_path=str(settings.warehouse))

    @property
    def settings(self) -> Settings:
        return load_settings(self.input_dir, self.warehouse_path)

    @property
    def audits(self) -> RunAudits:
        """This run's audits (empty, with no start time, outside a run)."""
        return _RUN_AUDITS.setdefault(str(self.settings.working_copy), RunAudits())

    def setup_for_execution(self, context: InitResourceContext) -> None:
        settings = self.settings
        self._held.enter_context(run_lock(settings.lock_path, self.lock_wait_seconds))
        # Once the lock is held (rows of a run that published meanwhile are older) and before
        # anything is written: every row this run writes is stamped at or after it.
        _RUN_AUDITS[str(settings.working_copy)] = RunAudits(started_at=datetime.now(UTC))
        try:
            prepare_working_copy(settings.warehouse, settings.working_copy, settings.stale_working_copies())
        except BaseException:
            self._held.close()
            raise

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        _RUN_AUDITS.pop(str(self.settings.working_copy), None)
        self._held.close()
