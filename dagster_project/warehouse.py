"""The DuckDB files: run lock, private working copy, atomic publish, staging writes.

Write–audit–publish: a run copies the published file to a private working
copy, builds and checks there, and only then replaces the published file with
``os.replace``. A reader that has the published file open keeps its (old)
inode and never sees a half-built or failed build; a failed run leaves the
published file byte-identical.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dagster_project.document_batches import ExtractedBatch
from dagster_project.file_versions import HashedFile, KnownFile
from dagster_project.schema import FILE_LEDGER_DDL, STAGING_DDL, IngestedDocument, column_names
from dagster_project.settings import duckdb_config


class WarehouseBusyError(RuntimeError):
    """Another run holds the lock on this warehouse."""


# Locks this process holds, by path: path -> (open lock file, depth). flock is
# per open file description, so a second open() in the same process would
# block itself; the CLI and the Dagster resource both take the lock.
_held_locks: dict[Path, tuple[Any, int]] = {}


_LOCK_POLL_SECONDS = 0.2


def _acquire(handle: Any, lock_path: Path, wait_seconds: float) -> None:
    """flock the handle, polling for up to ``wait_seconds``; WarehouseBusyError after that."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                waited = f" after waiting {wait_seconds:g} s" if wait_seconds > 0 else ""
                raise WarehouseBusyError(f"another dxw run holds {lock_path}{waited}") from None
            time.sleep(_LOCK_POLL_SECONDS)


@contextmanager
def run_lock(lock_path: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's run lock (re-entrant per process), waiting up to ``wait_seconds`` for it.

    The kernel drops an flock when its holder dies, even by SIGKILL, so a
    killed run never leaves a stale lock: the lock file itself is never removed.
    """
    lock_path = lock_path.resolve()
    if lock_path in _held_locks:
        handle, depth = _held_locks[lock_path]
        _held_locks[lock_path] = (handle, depth + 1)
    else:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a")
        try:
            _acquire(handle, lock_path, wait_seconds)
        except BaseException:
            handle.close()
            raise
        _held_locks[lock_path] = (handle, 1)
    try:
        yield
    finally:
        handle, depth = _held_locks[lock_path]
        if depth > 1:
            _held_locks[lock_path] = (handle, depth - 1)
        else:
            del _held_locks[lock_path]
            handle.close()  # closing releases the flock


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that is always closed: dbt (another process) needs the file free afterwards.

    With the run's DuckDB memory limit and threads (``settings.duckdb_config``).
    """
    con = duckdb.connect(str(path), read_only=read_only, config=duckdb_config())
    # DuckDB draws its progress bar straight onto the terminal, past any redirection.
    con.execute("set enable_progress_bar = false")
    try:
        yield con
    finally:
        con.close()


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def prepare_working_copy(published: Path, working: Path, stale: Iterable[Path] = ()) -> None:
    """Start a build from the published state (or from nothing) with the staging tables in place.

    ``stale``: working copies of runs that were killed; removed (the caller holds the run lock).
    The copy is the one step whose cost grows with the warehouse rather than with the new
    documents; it runs at disk speed (about 1 s per GB from the page cache).
    """
    working.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (working, _wal(working), *stale):
        leftover.unlink(missing_ok=True)
    if published.exists():
        shutil.copy2(published, working)
    with connect(working) as con:
        con.execute("create schema if not exists staging")
        for ddl in STAGING_DDL:
            con.execute(ddl)


def publish(working: Path, published: Path) -> None:
    """Atomically make the working copy the published warehouse."""
    # Fold the write-ahead log into the file: only the main file is moved.
    with connect(working) as con:
        con.execute("checkpoint")
    if _wal(working).exists():
        raise RuntimeError(f"{working} still has a write-ahead log after checkpoint; not publishing")
    with working.open("rb") as handle:
        os.fsync(handle.fileno())
    published.parent.mkdir(parents=True, exist_ok=True)
    os.replace(working, published)
    directory = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


# --- staging writes -------------------------------------------------------------------------------


def ingested_files(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """(file_path, source_sha256) of every file version already in staging.raw_documents."""
    rows = con.execute("select file_path, source_sha256 from staging.raw_documents").fetchall()
    return {(path, sha) for path, sha in rows}


_LEDGER_COLUMNS = ("size_bytes", "mtime_ns", "inode", "device", "source_sha256", "hashed_at_ns")


def file_ledger(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    """What the ledger holds, by relative path."""
    con.execute(FILE_LEDGER_DDL)
    rows = con.execute(f"select file_path, {', '.join(_LEDGER_COLUMNS)} from staging.file_ledger").fetchall()
    return {path: KnownFile(*known) for path, *known in rows}


def record_hashed_files(con: duckdb.DuckDBPyConnection, hashed: Iterable[HashedFile]) -> int:
    """Replace the ledger rows of the files just hashed (unreadable ones are left out: hashed again)."""
    rows = [
        {
            "file_path": item.version.relative_path,
            "size_bytes": item.known.size,
            "mtime_ns": item.known.mtime_ns,
            "inode": item.known.inode,
            "device": item.known.device,
            "source_sha256": item.known.source_sha256,
            "hashed_at_ns": item.known.hashed_at_ns,
        }
        for item in hashed
        if item.known is not None
    ]
    if not rows:
        return 0
    con.execute(FILE_LEDGER_DDL)
    con.execute("begin transaction")
    try:
        con.execute(
            "delete from staging.file_ledger where file_path in (select unnest(?::varchar[]))",
            [[row["file_path"] for row in rows]],
        )
        written = insert_rows(con, "staging.file_ledger", rows)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return written


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
    """Append rows (column -> value) to a staging table; columns are matched by name."""
    return insert_table(con, table, pa.Table.from_pylist(list(rows)))


def insert_table(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> int:
    """Append an Arrow table to a staging table; columns are matched by name."""
    if rows.num_rows == 0:
        return 0
    con.register("incoming_rows", rows)
    try:
        con.execute(f"insert into {table} by name select * from incoming_rows")
    finally:
        con.unregister("incoming_rows")
    return rows.num_rows


def insert_documents(
    con: duckdb.DuckDBPyConnection, documents: Iterable[IngestedDocument], ingested_at: datetime
) -> int:
    fields = column_names(IngestedDocument)
    rows = (
        {**{name: getattr(doc, name) for name in fields}, "ingested_at": ingested_at} for doc in documents
    )
    return insert_rows(con, "staging.raw_documents", rows)


def documents_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> list[str]:
    """Ok documents with no context row from this extractor version, in a stable order."""
    rows = con.execute(
        """
        select distinct d.document_id
        from staging.raw_documents d
        where d.status = 'ok'
          and not exists (
              select 1 from staging.raw_document_context c
              where c.document_id = d.document_id and c.extractor_version = ?
          )
        order by d.document_id
        """,
        [extractor_version],
    ).fetchall()
    return [document_id for (document_id,) in rows]


def load_documents(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> list[IngestedDocument]:
    """One IngestedDocument per id (the earliest ingested file when two files share a text)."""
    fields = column_names(IngestedDocument)
    rows = con.execute(
        f"""
        select {", ".join(fields)}
        from staging.raw_documents
        where document_id in (select unnest(?::varchar[])) and status = 'ok'
        qualify row_number() over (partition by document_id order by ingested_at, file_path) = 1
        order by document_id
        """,
        [document_ids],
    ).fetchall()
    return [IngestedDocument(**dict(zip(fields, row, strict=True))) for row in rows]


def replace_extraction(
    con: duckdb.DuckDBPyConnection,
    document_ids: list[str],
    contexts: Iterable[Mapping[str, Any]],
    observations: Iterable[Mapping[str, Any]],
) -> int:
    """Swap these documents' context and observation rows for new ones, in one transaction."""
    con.execute("begin transaction")
    try:
        for table in ("staging.raw_document_context", "staging.raw_observations"):
            con.execute(
                f"delete from {table} where document_id in (select unnest(?::varchar[]))", [document_ids]
            )
        insert_rows(con, "staging.raw_document_context", contexts)
        written = insert_rows(con, "staging.raw_observations", observations)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return written


def previously_extracted(con: duckdb.DuckDBPyConnection, document_ids: Sequence[str]) -> set[str]:
    """Those of ``document_ids`` that have extraction rows (a context row) from any extractor version."""
    rows = con.execute(
        """
        select distinct document_id from staging.raw_document_context
        where document_id in (select unnest(?::varchar[]))
        """,
        [list(document_ids)],
    ).fetchall()
    return {document_id for (document_id,) in rows}


def replace_extraction_batches(
    con: duckdb.DuckDBPyConnection,
    batches: Sequence[ExtractedBatch],
    previous: Collection[str] | None = None,
) -> int:
    """Swap the batches' documents' context and observation rows for the batches' rows, in one transaction.

    Called with many batches at once: each delete scans the table, so fewer, larger writes keep
    the cost of a run proportional to its new documents. ``previous``: the documents known to
    have older rows (``previously_extracted``); only those are deleted, so new documents, all
    of a first run's, are appended without scanning the tables at all. None: delete for every one.
    """
    document_ids = [document_id for batch in batches for document_id in batch.document_ids]
    replaced = document_ids if previous is None else [d for d in document_ids if d in previous]
    con.execute("begin transaction")
    try:
        for table in ("staging.raw_document_context", "staging.raw_observations") if replaced else ():
            con.execute(f"delete from {table} where document_id in (select unnest(?::varchar[]))", [replaced])
        written = 0
        for batch in batches:
            insert_table(con, "staging.raw_document_context", batch.contexts)
            written += insert_table(con, "staging.raw_observations", batch.observations)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return written
