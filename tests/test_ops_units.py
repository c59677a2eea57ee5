"""The small operational pieces: waiting for the run lock, the process pool's order and bounds, progress lines."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from dagster_project.assets.progress import DocumentProgress
from dagster_project.parallel import batched, map_batches
from dagster_project.warehouse import WarehouseBusyError, run_lock


def hold_lock(lock: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import fcntl, time; h = open({str(lock)!r}, 'a'); fcntl.flock(h, fcntl.LOCK_EX);"
         f" print(1, flush=True); time.sleep({seconds})"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
    return holder


def test_a_run_can_wait_for_the_lock_until_the_other_run_ends(tmp_path: Path) -> None:
    lock = tmp_path / ".dxw.lock"
    holder = hold_lock(lock, 1.5)
    try:
        started = time.monotonic()
        with run_lock(lock, wait_seconds=60):
            waited = time.monotonic() - started
        assert holder.wait(timeout=10) == 0  # the holder ended on its own, then we had the lock
        assert 0.5 < waited < 30
    finally:
        holder.kill()
        holder.wait()


def test_waiting_for_the_lock_gives_up_after_the_limit(tmp_path: Path) -> None:
    lock = tmp_path / ".dxw.lock"
    holder = hold_lock(lock, 60)
    try:
        started = time.monotonic()
        with (
            pytest.raises(WarehouseBusyError, match=r"after waiting 0\.6 s"),
            run_lock(lock, wait_seconds=0.6),
        ):
            pass
        assert 0.5 < time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()


def squares_and_pid(batch: Sequence[int]) -> tuple[list[int], int]:
    import os

    return [n * n for n in batch], os.getpid()


def test_the_pool_returns_results_in_input_order_from_worker_processes() -> None:
    import os

    results = list(map_batches(squares_and_pid, batched(range(40), 3), workers=2, expected_batches=14))
    assert [n for values, _ in results for n in values] == [n * n for n in range(40)]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_one_batch_runs_in_this_process() -> None:
    import os

    ((values, pid),) = list(map_batches(squares_and_pid, [[1, 2]], workers=4, expected_batches=1))
    assert values == [1, 4] and pid == os.getpid()


def test_the_pool_keeps_at_most_two_batches_per_worker_in_flight() -> None:
    pulled: list[int] = []

    def batches() -> object:
        for number in range(20):
            pulled.append(number)
            yield [number]

    results = map_batches(squares_and_pid, batches(), workers=2, expected_batches=20)  # type: ignore[arg-type]
    next(results)
    assert len(pulled) == 4  # 2 workers x 2 batches were read before the first result came back
    results.close()


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_progress_reports_at_most_once_per_interval_and_ends_with_a_summary() -> None:
    progress = DocumentProgress(None, "extract", 10_000, every_seconds=3600)
    logger = logging.getLogger("dxw.progress")
    recorder, level = Recorder(), logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.INFO)
    try:
        progress.start()
        for _ in range(10_000):
            progress.advance()
        summary = progress.finish()
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
    assert recorder.messages == ["extract: 0/10000 documents", summary]
    assert summary.startswith("extract: 10000/10000 documents in ") and "documents/s" in summary


def test_duckdb_memory_limits_reach_the_run_connections_and_dbt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from dagster_project.settings import export_dbt_duckdb_path, load_settings
    from dagster_project.warehouse import connect

    # Set first, so the test's changes to the environment are undone afterwards.
    for name in ("DXW_DUCKDB_PATH", "DXW_DBT_MEMORY_LIMIT", "DXW_DUCKDB_THREADS"):
        monkeypatch.setenv(name, "")
    monkeypatch.setenv("DXW_DUCKDB_MEMORY_LIMIT", "300MB")
    with connect(tmp_path / "w.duckdb") as con:
        limit, progress_bar = con.execute(
            "select current_setting('memory_limit'), current_setting('enable_progress_bar')"
        ).fetchall()[0]
    number, unit = str(limit).split()
    assert unit == "MiB" and 250 < float(number) < 300  # 300 MB, shown in MiB (DuckDB's default: 80% of RAM)
    assert progress_bar is False

    settings = load_settings(warehouse=tmp_path / "w.duckdb")
    export_dbt_duckdb_path(settings)
    assert os.environ["DXW_DUCKDB_PATH"] == str(settings.working_copy)
    assert os.environ["DXW_DBT_MEMORY_LIMIT"] == "700MB"  # dbt's own default, read by profiles.yml
    assert int(os.environ["DXW_DUCKDB_THREADS"]) >= 1
