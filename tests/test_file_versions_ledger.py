"""The scan's ledger: files known unchanged (size and modification time) are not read again.

A file rewritten with different bytes of the same size gets a new modification
time, so it is hashed and ingested as a new version; a file touched without a
change is hashed, found known, and not ingested again.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dagster_project.assets.ingestion import InputScan, scan_input
from dagster_project.file_versions import UNREADABLE, FileVersion, HashedFile
from dagster_project.ingest import ingest_file
from dagster_project.warehouse import (
    connect,
    file_ledger,
    insert_documents,
    prepare_working_copy,
    record_hashed_files,
)

# Modification times well before the scan: not "racily clean" (file_versions.RACY_NANOSECONDS).
HOUR_AGO_NS = time.time_ns() - 3600 * 10**9


def write(path: Path, text: str, mtime_ns: int = HOUR_AGO_NS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def scan_and_ingest(inbox: Path, working: Path) -> InputScan:
    """What the ingest asset does: scan, ingest the new versions, record what was hashed."""
    scan = scan_input(inbox, working, workers=1)
    with connect(working) as con:
        documents = [ingest_file(path, inbox) for path in scan.new_paths]
        insert_documents(con, documents, datetime.now(UTC).replace(tzinfo=None))
        record_hashed_files(con, scan.hashed)
    return scan


def hashed_names(scan: InputScan) -> list[str]:
    return sorted(item.version.relative_path for item in scan.hashed)


def new_names(scan: InputScan, inbox: Path) -> list[str]:
    return sorted(path.relative_to(inbox).as_posix() for path in scan.new_paths)


def ingested_versions(working: Path) -> int:
    with duckdb.connect(str(working), read_only=True) as con:
        row = con.execute("select count(*) from staging.raw_documents").fetchone()
    assert row is not None
    return int(row[0])


def setup(tmp_path: Path) -> tuple[Path, Path]:
    inbox, working = tmp_path / "inbox", tmp_path / "build" / "w.duckdb"
    write(inbox / "a.txt", "Tỷ lệ hồ sơ trực tuyến đạt 42%.")
    write(inbox / "sub" / "b.txt", "Hoàn thành 32/73 nhiệm vụ.")
    prepare_working_copy(tmp_path / "no-warehouse-yet.duckdb", working)
    return inbox, working


def test_a_second_scan_reads_no_file_the_ledger_knows_unchanged(tmp_path: Path) -> None:
    inbox, working = setup(tmp_path)
    first = scan_and_ingest(inbox, working)
    assert hashed_names(first) == ["a.txt", "sub/b.txt"]
    assert new_names(first, inbox) == ["a.txt", "sub/b.txt"]

    write(inbox / "c.txt", "Có 63/63 địa phương.")
    second = scan_and_ingest(inbox, working)
    assert second.files == 3
    assert hashed_names(second) == ["c.txt"]
    assert new_names(second, inbox) == ["c.txt"]
    assert ingested_versions(working) == 3


def test_same_size_new_time_different_bytes_is_a_new_version(tmp_path: Path) -> None:
    inbox, working = setup(tmp_path)
    scan_and_ingest(inbox, working)
    before = (inbox / "a.txt").read_bytes()
    write(inbox / "a.txt", "Tỷ lệ hồ sơ trực tuyến đạt 57%.", mtime_ns=HOUR_AGO_NS + 10**9)
    assert len((inbox / "a.txt").read_bytes()) == len(before)

    rescan = scan_and_ingest(inbox, working)
    assert hashed_names(rescan) == ["a.txt"]
    assert new_names(rescan, inbox) == ["a.txt"]
    assert ingested_versions(working) == 3


def test_a_touched_file_with_the_same_bytes_is_hashed_once_and_not_a_new_version(tmp_path: Path) -> None:
    inbox, working = setup(tmp_path)
    scan_and_ingest(inbox, working)
    touched = HOUR_AGO_NS + 5 * 10**9
    os.utime(inbox / "sub" / "b.txt", ns=(touched, touched))

    rescan = scan_and_ingest(inbox, working)
    assert hashed_names(rescan) == ["sub/b.txt"]
    assert rescan.new_paths == []
    # The new time is recorded: the next scan reads nothing.
    assert scan_and_ingest(inbox, working).hashed == []
    assert ingested_versions(working) == 2


def test_a_file_modified_just_before_it_was_hashed_is_hashed_again_next_time(tmp_path: Path) -> None:
    inbox, working = setup(tmp_path)
    write(inbox / "fresh.txt", "Đạt 85%.", mtime_ns=time.time_ns())
    scan_and_ingest(inbox, working)
    # Within the file system's timestamp resolution it could have changed again unseen.
    rescan = scan_and_ingest(inbox, working)
    assert hashed_names(rescan) == ["fresh.txt"]
    assert rescan.new_paths == []


def test_the_same_path_in_another_folder_is_another_file_unless_hard_linked(tmp_path: Path) -> None:
    inbox, working = setup(tmp_path)
    scan_and_ingest(inbox, working)
    other = tmp_path / "other"
    # Same relative path, size and time as inbox/a.txt, different bytes.
    write(other / "a.txt", "Tỷ lệ hồ sơ trực tuyến đạt 57%.")
    (other / "sub").mkdir()
    os.link(inbox / "sub" / "b.txt", other / "sub" / "b.txt")
    scan = scan_and_ingest(other, working)
    assert hashed_names(scan) == ["a.txt"]
    assert new_names(scan, other) == ["a.txt"]


def test_an_unreadable_file_gets_no_ledger_row(tmp_path: Path) -> None:
    working = tmp_path / "w.duckdb"
    prepare_working_copy(tmp_path / "none.duckdb", working)
    unreadable = HashedFile(FileVersion(tmp_path / "x.txt", "x.txt", UNREADABLE), None)
    with connect(working) as con:
        assert record_hashed_files(con, [unreadable]) == 0
        assert file_ledger(con) == {}
