"""Helpers for the dbt tests: run the project's dbt against a throw-away DuckDB file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
QUERIES_DIR = REPO_ROOT / "queries"
# The dbt of the venv running the tests (".venv/bin/dbt" next to ".venv/bin/python").
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))


def run_dbt(
    args: list[str],
    *,
    duckdb_path: Path,
    target_path: Path,
    project_dir: Path = DBT_PROJECT_DIR,
    cwd: Path = REPO_ROOT,
) -> subprocess.CompletedProcess[str]:
    """Run ``dbt <args>`` on ``project_dir`` (profiles from the project dir) against ``duckdb_path``."""
    env = {**os.environ, "DXW_DUCKDB_PATH": str(duckdb_path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    command = [
        DBT_EXECUTABLE,
        *args,
        "--project-dir",
        os.path.relpath(project_dir, cwd),
        "--profiles-dir",
        os.path.relpath(project_dir, cwd),
        "--target-path",
        str(target_path),
        "--log-path",
        str(target_path / "logs"),
    ]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def copy_dbt_project(destination: Path) -> Path:
    """A copy of the dbt project without build output, so a test can change its seeds."""
    build_output = shutil.ignore_patterns("target", "logs", "dbt_packages")
    shutil.copytree(DBT_PROJECT_DIR, destination, ignore=build_output)
    return destination


def run_results(target_path: Path) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads((target_path / "run_results.json").read_text())["results"]
    return results
