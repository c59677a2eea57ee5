"""The warehouse resource: which input folder and which published file a run works on.

Setting it up for a run takes the run lock and starts the private working copy
from the published file; every asset then writes to that copy only. The lock
is released when the run ends, published or not.
"""

from __future__ import annotations

from contextlib import ExitStack

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from dagster_project.settings import Settings, load_settings
from dagster_project.warehouse import prepare_working_copy, run_lock


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

    def setup_for_execution(self, context: InitResourceContext) -> None:
        settings = self.settings
        self._held.enter_context(run_lock(settings.lock_path, self.lock_wait_seconds))
        try:
            prepare_working_copy(settings.warehouse, settings.working_copy, settings.stale_working_copies())
        except BaseException:
            self._held.close()
            raise

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self._held.close()
