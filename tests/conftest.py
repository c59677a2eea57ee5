"""Shared fixtures of the pipeline and CLI tests: one warehouse built once per session, and the CLI.

Runs are in-process (``cli.main``) so Dagster, dbt-loading and Great
Expectations are imported once; each test that runs the pipeline again does
so on its own copy of the session's warehouse.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dagster_project import cli

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def invoke(*args: str | Path) -> CliResult:
    """Run ``dxw <args>`` in this process, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return CliResult(code, out.getvalue(), err.getvalue())


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_rows(warehouse: Path, table: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(f"select * from {table} order by all").fetchall()


@dataclass(frozen=True)
class BuiltWarehouse:
    path: Path
    run: CliResult


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """The seeds run once through ``dxw run``; tests must not modify this file (copy it)."""
    path = tmp_path_factory.mktemp("built") / "warehouse.duckdb"
    return BuiltWarehouse(path, invoke("run", "--input", SEEDS_DIR, "--warehouse", path))


@pytest.fixture
def warehouse_copy(built_warehouse: BuiltWarehouse, tmp_path: Path) -> Path:
    """A private copy of the session's published warehouse, in its own folder."""
    assert built_warehouse.run.code == 0, built_warehouse.run.err
    copy = tmp_path / "published" / "warehouse.duckdb"
    copy.parent.mkdir()
    shutil.copy2(built_warehouse.path, copy)
    return copy
