"""The warehouse files: the run lock, the working copy, the atomic publish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.warehouse import WarehouseBusyError, prepare_working_copy, publish, run_lock


def test_the_lock_is_reentrant_in_one_process_and_released_after(tmp_path: Path) -> None:
    lock = tmp_path / ".dxw.lock"
    try_lock = f"import fcntl; fcntl.flock(open({str(lock)!r}, 'a'), fcntl.LOCK_EX | fcntl.LOCK_NB)"
    probe = [sys.executable, "-c", try_lock]
    with run_lock(lock), run_lock(lock):
        assert subprocess.run(probe, capture_output=True).returncode != 0  # held
    assert subprocess.run(probe, capture_output=True).returncode == 0  # released


def test_a_lock_held_by_another_process_refuses_at_once(tmp_path: Path) -> None:
    lock = tmp_path / ".dxw.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import fcntl, time; h = open({str(lock)!r}, 'a'); fcntl.flock(h, fcntl.LOCK_EX);"
         " print(1, flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
        with pytest.raises(WarehouseBusyError, match="another dxw run holds"), run_lock(lock):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_working_copy_starts_from_the_published_file_with_staging_tables(tmp_path: Path) -> None:
    published, working = tmp_path / "w.duckdb", tmp_path / "build" / "w.duckdb"
    with duckdb.connect(str(published)) as con:
        con.execute("create table kept as select 42 as answer")
    prepare_working_copy(published, working)
    with duckdb.connect(str(working), read_only=True) as con:
        assert con.execute("select answer from kept").fetchall() == [(42,)]
        tables = con.execute(
            "select table_name from information_schema.tables where table_schema = 'staging' order by 1"
        ).fetchall()
    assert tables == [("raw_document_context",), ("raw_documents",), ("raw_observations",)]


def test_publish_swaps_the_file_and_an_open_reader_keeps_its_snapshot(tmp_path: Path) -> None:
    published, working = tmp_path / "w.duckdb", tmp_path / "build" / "w.duckdb"
    with duckdb.connect(str(published)) as con:
        con.execute("create table t as select 'old' as v")
    prepare_working_copy(published, working)
    with duckdb.connect(str(working)) as con:
        con.execute("update t set v = 'new'")
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, duckdb; c = duckdb.connect(sys.argv[1], read_only=True); q = 'select v from t';"
         " print(c.execute(q).fetchone()[0], flush=True); sys.stdin.readline();"
         " print(c.execute(q).fetchone()[0], flush=True)", str(published)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert reader.stdout is not None and reader.stdin is not None
        assert reader.stdout.readline().strip() == "old"
        publish(working, published)
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "old"
    finally:
        reader.kill()
        reader.wait()
    assert not working.exists()
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select v from t").fetchall() == [("new",)]
