"""The inbox sensor: new and changed files start a run once; ingested, unchanged or half-written ones do not."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import duckdb
import pytest
from conftest import SEED_FILES, SEEDS_DIR, BuiltWarehouse
from dagster import DagsterInstance, DagsterRunStatus, RunRequest, SkipReason, build_sensor_context
from dagster._core.test_utils import create_run_for_test

from dagster_project.inbox import InboxCursor, published_file_versions, scan_inbox
from dagster_project.jobs import PIPELINE_JOB
from dagster_project.schema import STAGING_DDL
from dagster_project.sensors import evaluate_inbox
from dagster_project.settings import OperationsSettings

HOUR_NS = 3600 * 10**9


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(path: Path, data: bytes, age_seconds: float = 60) -> Path:
    """A file last modified ``age_seconds`` ago (settled, unless very young)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    stamp = time.time() - age_seconds
    os.utime(path, (stamp, stamp))
    return path


def warehouse_with_versions(path: Path, versions: list[tuple[str, str]]) -> Path:
    """A published warehouse whose staging.raw_documents holds these (file_path, source_sha256) rows."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema staging")
        for ddl in STAGING_DDL:
            con.execute(ddl)
        for file_path, source_sha256 in versions:
            con.execute(
                "insert into staging.raw_documents (document_id, file_name, file_path, source_sha256, status,"
                " text, char_count, ingested_at) values ('d', ?, ?, ?, 'ok', 't', 1, now())",
                [Path(file_path).name, file_path, source_sha256],
            )
    return path


def operations(inbox: Path) -> OperationsSettings:
    return OperationsSettings(
        inbox_dir=inbox, schedule_cron="0 2 * * *", timezone="UTC", sensor_interval_seconds=30, workers=1
    )


def test_only_versions_missing_from_the_warehouse_are_new(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "a.txt", b"known")
    write(inbox / "b.txt", b"changed since ingest")
    write(inbox / "thư mục/c d.txt", b"new")
    ingested = {("a.txt", sha(b"known")), ("b.txt", sha(b"before"))}

    scan = scan_inbox(inbox, ingested, InboxCursor(), time.time_ns())

    assert sorted(v.key for v in scan.new_versions) == [
        ("b.txt", sha(b"changed since ingest")),
        ("thư mục/c d.txt", sha(b"new")),
    ]
    assert scan.files == 3


def test_a_file_still_being_written_waits_for_the_next_tick(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "old.txt", b"settled", age_seconds=60)
    young = write(inbox / "young.txt", b"half", age_seconds=0)

    first = scan_inbox(inbox, set(), InboxCursor(), time.time_ns(), settle_seconds=30)
    later = scan_inbox(inbox, set(), first.cursor, time.time_ns() + HOUR_NS, settle_seconds=30)

    assert [v.relative_path for v in first.new_versions] == ["old.txt"]
    assert first.unsettled == 1
    assert first.cursor.watermark_ns < young.stat().st_mtime_ns  # the young file is not behind the cursor
    assert {v.relative_path for v in later.new_versions} == {"old.txt", "young.txt"}


def test_known_unchanged_files_are_not_hashed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "a.txt", b"known")
    ingested = {("a.txt", sha(b"known"))}
    first = scan_inbox(inbox, ingested, InboxCursor(), time.time_ns())
    hashed: list[Path] = []
    import dagster_project.inbox as inbox_module

    real = inbox_module.file_version
    monkeypatch.setattr(
        inbox_module, "file_version", lambda root, path: hashed.append(path) or real(root, path)
    )

    second = scan_inbox(inbox, ingested, first.cursor, time.time_ns())
    write(inbox / "a.txt", b"edited", age_seconds=5)  # newer than the watermark
    third = scan_inbox(inbox, ingested, second.cursor, time.time_ns())

    assert first.new_versions == second.new_versions == []
    assert [v.key for v in third.new_versions] == [("a.txt", sha(b"edited"))]
    assert hashed == [inbox / "a.txt"]  # only after the edit


def test_sensor_requests_one_run_for_new_files_then_skips_them_once_published(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "x.txt", b"first report")
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    warehouse.parent.mkdir()
    os.environ["DXW_WAREHOUSE"] = str(warehouse)
    try:
        with DagsterInstance.ephemeral() as instance:
            context = build_sensor_context(instance=instance)
            request = evaluate_inbox(context, operations(inbox))
            again = evaluate_inbox(build_sensor_context(instance=instance), operations(inbox))
            warehouse_with_versions(warehouse, [("x.txt", sha(b"first report"))])
            after_publish = evaluate_inbox(
                build_sensor_context(instance=instance, cursor=context.cursor), operations(inbox)
            )
    finally:
        del os.environ["DXW_WAREHOUSE"]

    assert isinstance(request, RunRequest) and isinstance(again, RunRequest)
    assert request.run_key == again.run_key  # Dagster launches a run key once
    config = request.run_config["resources"]["warehouse"]["config"]
    assert config == {"input_dir": str(inbox.resolve()), "warehouse_path": str(warehouse.resolve())}
    assert request.tags["dxw/new_files"] == "1"
    assert isinstance(after_publish, SkipReason)
    assert "no new files among 1" in (after_publish.skip_message or "")


def test_sensor_waits_while_a_pipeline_run_is_in_progress(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "x.txt", b"report")
    with DagsterInstance.ephemeral() as instance:
        create_run_for_test(instance, job_name=PIPELINE_JOB, status=DagsterRunStatus.STARTED)
        context = build_sensor_context(instance=instance)
        result = evaluate_inbox(context, operations(inbox))
    assert isinstance(result, SkipReason)
    assert "queued or running" in (result.skip_message or "")
    assert context.cursor is None  # nothing was looked at, so nothing is marked as seen


def test_the_sensor_agrees_with_what_dxw_run_ingested(
    built_warehouse: BuiltWarehouse, tmp_path: Path
) -> None:
    """The seeds, published by ``dxw run``, are not new to the sensor; one edited seed is."""
    inbox = tmp_path / "inbox"
    for name in SEED_FILES:
        write(inbox / name, (SEEDS_DIR / name).read_bytes())
    ingested = published_file_versions(built_warehouse.path)
    assert scan_inbox(inbox, ingested, InboxCursor(), time.time_ns()).new_versions == []

    edited = (SEEDS_DIR / SEED_FILES[0]).read_bytes() + b"\nThem mot dong.\n"
    write(inbox / SEED_FILES[0], edited, age_seconds=5)
    new = scan_inbox(inbox, ingested, InboxCursor(), time.time_ns()).new_versions
    assert [v.key for v in new] == [(SEED_FILES[0], sha(edited))]
