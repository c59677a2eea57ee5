"""The dbt project as Dagster assets, and keeping its manifest current.

The manifest is not committed: it is produced by ``dbt parse`` (dagster-dbt's
preparer) whenever it is missing or older than any file of the dbt project,
before the definitions load it.
"""

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

from dagster import AssetExecutionContext
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets

from dagster_project.assets.progress import log_progress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.settings import (
    DBT_DUCKDB_PATH_VAR,
    DBT_PROJECT_DIR,
    export_dbt_duckdb_path,
    load_settings,
)

# Folders dbt writes into: their changes do not make the manifest stale.
_GENERATED_DIRS = {"target", "dbt_packages", "logs"}


def put_dbt_on_path() -> None:
    """Make ``dbt`` resolvable when the venv is not activated (``.venv/bin/dxw``, tests).

    dagster-dbt runs the executable named ``dbt`` from PATH, also inside its
    manifest preparer, which takes no executable argument.
    """
    if shutil.which("dbt") is None:
        os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def dbt_project(project_dir: Path = DBT_PROJECT_DIR) -> DbtProject:
    return DbtProject(project_dir=project_dir, profiles_dir=project_dir)


def _newest_source_mtime(project_dir: Path) -> float:
    newest = 0.0
    for root, dirs, files in os.walk(project_dir):
        dirs[:] = [d for d in dirs if not (Path(root) == project_dir and d in _GENERATED_DIRS)]
        for name in files:
            newest = max(newest, (Path(root) / name).stat().st_mtime)
    return newest


def manifest_is_current(project: DbtProject) -> bool:
    manifest = project.manifest_path
    return manifest.exists() and manifest.stat().st_mtime >= _newest_source_mtime(project.project_dir)


def ensure_manifest(project: DbtProject) -> None:
    """Run ``dbt parse`` (via the project's preparer) when the manifest is missing or stale."""
    if manifest_is_current(project):
        return
    # profiles.yml reads the DuckDB path even to parse; any path will do for that.
    if DBT_DUCKDB_PATH_VAR not in os.environ:
        export_dbt_duckdb_path(load_settings())
    project.preparer.prepare(project)


put_dbt_on_path()
DBT_PROJECT = dbt_project()
ensure_manifest(DBT_PROJECT)


@dbt_assets(manifest=DBT_PROJECT.manifest_path, project=DBT_PROJECT)
def dxw_dbt_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
) -> Iterator[object]:
    """``dbt build`` (seeds, models, tests) against the run's working copy.

    The run's start goes to dbt as var ``changed_since``: documents ingested since then are
    among those the incremental models refresh (``int_changed_documents``).
    """
    export_dbt_duckdb_path(warehouse.settings)
    log_progress(context, "dbt build: started")
    started = time.monotonic()
    args = ["build"]
    run_started_at = warehouse.audits.started_at
    if run_started_at is not None:
        # Naive UTC, as staging.raw_documents.ingested_at.
        since = run_started_at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        args += ["--vars", json.dumps({"changed_since": since})]
    yield from dbt.cli(args, context=context).stream()
    log_progress(context, f"dbt build: done in {time.monotonic() - started:.1f} s")
