"""Where things live: every path the pipeline reads or writes, in one place.

Defaults are relative to the repository; ``DXW_INPUT`` and ``DXW_WAREHOUSE``
(or the CLI's ``--input`` / ``--warehouse``) move the input folder and the
published warehouse. Everything a run writes besides the published file sits
next to it (``build/``, ``reports/``, ``.dxw.lock``) so the working copy is on
the same filesystem and ``os.replace`` onto the published file is atomic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT_DIR = REPO_ROOT / "seeds"
DEFAULT_WAREHOUSE = REPO_ROOT / "data" / "warehouse.duckdb"
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
# The Great Expectations file data context (suites versioned with the code).
EXPECTATIONS_DIR = REPO_ROOT / "expectations"

# The variable dbt's profiles.yml reads: the DuckDB file dbt builds into.
DBT_DUCKDB_PATH_VAR = "DXW_DUCKDB_PATH"


@dataclass(frozen=True)
class Settings:
    input_dir: Path
    warehouse: Path  # the published file analysts open

    @property
    def working_copy(self) -> Path:
        """The private file a run builds in before publishing it."""
        return self.warehouse.parent / "build" / self.warehouse.name

    @property
    def lock_path(self) -> Path:
        return self.warehouse.parent / ".dxw.lock"

    @property
    def reports_dir(self) -> Path:
        return self.warehouse.parent / "reports"


def load_settings(input_dir: str | Path | None = None, warehouse: str | Path | None = None) -> Settings:
    """Settings from explicit values, else the environment, else the repository defaults."""
    chosen_input = input_dir or os.environ.get("DXW_INPUT") or DEFAULT_INPUT_DIR
    chosen_warehouse = warehouse or os.environ.get("DXW_WAREHOUSE") or DEFAULT_WAREHOUSE
    return Settings(input_dir=Path(chosen_input).resolve(), warehouse=Path(chosen_warehouse).resolve())


def export_dbt_duckdb_path(settings: Settings) -> None:
    """Point dbt (a subprocess that inherits our environment) at the working copy."""
    os.environ[DBT_DUCKDB_PATH_VAR] = str(settings.working_copy)
