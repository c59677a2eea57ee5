"""Where things live: every path the pipeline reads or writes, in one place.

Defaults are relative to the repository; ``DXW_INPUT`` and ``DXW_WAREHOUSE``
(or the CLI's ``--input`` / ``--warehouse``) move the input folder and the
published warehouse. Everything a run writes besides the published file sits
next to it (``build/``, ``reports/``, ``.dxw.lock``) so the working copy is on
the same filesystem and ``os.replace`` onto the published file is atomic.

Operations (``OperationsSettings``): the folder the sensor watches and the
schedule reads (``DXW_INBOX``, default ``data/inbox``), the schedule
(``DXW_SCHEDULE``, a cron string, default daily at 02:00; ``DXW_TIMEZONE``),
how often the sensor looks (``DXW_SENSOR_INTERVAL`` seconds), and how many
processes extract in parallel (``DXW_WORKERS``, default one per core).

DuckDB (``duckdb_config``): the run's own connections get a memory limit
(``DXW_DUCKDB_MEMORY_LIMIT``, default 512MB: they append and read batches),
dbt's a larger one (``DXW_DBT_MEMORY_LIMIT``, default 700MB: it builds whole
tables), both a thread count (``DXW_DUCKDB_THREADS``, default one per core).
DuckDB's own default is 80 % of the machine's memory, which lets a process
keep gigabytes of cached pages it does not need (a 100 000-document run went
past 2 GB with it); under a limit DuckDB evicts, or spills to disk beside
the working copy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dagster_project.parallel import default_workers

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT_DIR = REPO_ROOT / "seeds"
DEFAULT_WAREHOUSE = REPO_ROOT / "data" / "warehouse.duckdb"
DEFAULT_INBOX = REPO_ROOT / "data" / "inbox"
DEFAULT_SCHEDULE = "0 2 * * *"  # daily, at night
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_SENSOR_INTERVAL_SECONDS = 30
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
# The Great Expectations file data context (suites versioned with the code).
EXPECTATIONS_DIR = REPO_ROOT / "expectations"

# The variable dbt's profiles.yml reads: the DuckDB file dbt builds into.
DBT_DUCKDB_PATH_VAR = "DXW_DUCKDB_PATH"
# DuckDB's memory limit and threads: the run's connections, and what profiles.yml reads.
DUCKDB_MEMORY_LIMIT_VAR = "DXW_DUCKDB_MEMORY_LIMIT"
DBT_MEMORY_LIMIT_VAR = "DXW_DBT_MEMORY_LIMIT"
DUCKDB_THREADS_VAR = "DXW_DUCKDB_THREADS"
DEFAULT_DUCKDB_MEMORY_LIMIT = "512MB"
DEFAULT_DBT_MEMORY_LIMIT = "700MB"


@dataclass(frozen=True)
class Settings:
    input_dir: Path
    warehouse: Path  # the published file analysts open

    @property
    def build_dir(self) -> Path:
        return self.warehouse.parent / "build"

    @property
    def working_copy(self) -> Path:
        """The private file this process builds in before publishing it.

        Named after the process: a run killed while dbt (its subprocess) was
        writing leaves that dbt behind for a moment; it must not share a file,
        or a write-ahead log, with the next run.
        """
        return self.build_dir / f"{self.warehouse.stem}.{os.getpid()}{self.warehouse.suffix}"

    def stale_working_copies(self) -> list[Path]:
        """Working copies (and their logs) left by runs that did not finish, this process's excluded."""
        mine = {self.working_copy.name, self.working_copy.name + ".wal"}
        pattern = f"{self.warehouse.stem}.*{self.warehouse.suffix}*"
        legacy = [self.build_dir / self.warehouse.name, self.build_dir / (self.warehouse.name + ".wal")]
        candidates = [*self.build_dir.glob(pattern), *legacy] if self.build_dir.is_dir() else []
        return sorted({p for p in candidates if p.name not in mine and p.is_file()})

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


@dataclass(frozen=True)
class OperationsSettings:
    inbox_dir: Path  # what the sensor watches and scheduled runs ingest
    schedule_cron: str
    timezone: str
    sensor_interval_seconds: int
    workers: int  # extraction (and ingest) processes


def load_operations_settings() -> OperationsSettings:
    env = os.environ
    return OperationsSettings(
        inbox_dir=Path(env.get("DXW_INBOX") or DEFAULT_INBOX).resolve(),
        schedule_cron=env.get("DXW_SCHEDULE") or DEFAULT_SCHEDULE,
        timezone=env.get("DXW_TIMEZONE") or DEFAULT_TIMEZONE,
        sensor_interval_seconds=int(env.get("DXW_SENSOR_INTERVAL") or DEFAULT_SENSOR_INTERVAL_SECONDS),
        workers=max(1, int(env.get("DXW_WORKERS") or default_workers())),
    )


def duckdb_config() -> dict[str, str | bool | int | float | list[str]]:
    """DuckDB settings for every connection a run opens (dbt's come from the same variables)."""
    return {
        "memory_limit": os.environ.get(DUCKDB_MEMORY_LIMIT_VAR) or DEFAULT_DUCKDB_MEMORY_LIMIT,
        "threads": str(max(1, int(os.environ.get(DUCKDB_THREADS_VAR) or default_workers()))),
    }


def export_dbt_duckdb_path(settings: Settings) -> None:
    """Point dbt (a subprocess that inherits our environment) at the working copy, with our DuckDB limits."""
    os.environ[DBT_DUCKDB_PATH_VAR] = str(settings.working_copy)
    os.environ[DBT_MEMORY_LIMIT_VAR] = os.environ.get(DBT_MEMORY_LIMIT_VAR) or DEFAULT_DBT_MEMORY_LIMIT
    os.environ[DUCKDB_THREADS_VAR] = str(duckdb_config()["threads"])
