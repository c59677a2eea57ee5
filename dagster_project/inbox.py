"""What the inbox sensor decides: which files in the watched folder are new versions.

The rule is the ingest asset's (``file_versions``): a (relative path, sha256)
already in the published warehouse's ``staging.raw_documents`` is done. To keep
a tick cheap on a folder of 100 000 files, only candidates are hashed: files
whose path the warehouse has never seen, and files modified after the cursor's
watermark (the newest modification time of the files looked at on an earlier
tick). Files modified in the last ``settle_seconds`` are left for a later tick,
so a file still being copied is not picked up half-written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dagster_project.file_versions import FileVersion, file_version, relative_path
from dagster_project.ingest import list_input_files

SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class InboxCursor:
    """The newest modification time (ns) of the files a previous tick has dealt with."""

    watermark_ns: int = -1

    def serialize(self) -> str:
        return json.dumps({"watermark_ns": self.watermark_ns})

    @classmethod
    def parse(cls, cursor: str | None) -> InboxCursor:
        if not cursor:
            return cls()
        return cls(watermark_ns=int(json.loads(cursor)["watermark_ns"]))


@dataclass(frozen=True)
class InboxScan:
    new_versions: list[FileVersion]
    cursor: InboxCursor
    files: int  # in the folder
    unsettled: int  # modified too recently; looked at again next tick

    @property
    def run_key(self) -> str:
        """The same set of new versions always gives the same key (Dagster starts it once)."""
        digest = hashlib.sha256()
        for version in sorted(self.new_versions, key=lambda v: v.key):
            digest.update(f"{version.relative_path}\0{version.source_sha256}\n".encode())
        return "inbox-" + digest.hexdigest()[:24]


def published_file_versions(warehouse: Path) -> set[tuple[str, str]]:
    """(file_path, source_sha256) of every file version in the published warehouse (none if absent)."""
    if not warehouse.is_file():
        return set()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        has_table = con.execute(
            "select count(*) from information_schema.tables"
            " where table_schema = 'staging' and table_name = 'raw_documents'"
        ).fetchone()
        if not has_table or not has_table[0]:
            return set()
        rows = con.execute("select file_path, source_sha256 from staging.raw_documents").fetchall()
    return {(path, sha) for path, sha in rows}


def scan_inbox(
    inbox: Path,
    ingested: Collection[tuple[str, str]],
    cursor: InboxCursor,
    now_ns: int,
    settle_seconds: float = SETTLE_SECONDS,
) -> InboxScan:
    """The new file versions in ``inbox`` and the cursor to store after this tick."""
    known_paths = {path for path, _ in ingested}
    settled_before = now_ns - int(settle_seconds * 1e9)
    files = list_input_files(inbox) if inbox.is_dir() else []
    watermark = cursor.watermark_ns
    new_versions = []
    unsettled = 0
    for path in files:
        try:
            modified = path.stat().st_mtime_ns
        except OSError:  # gone since the listing
            continue
        if modified > settled_before:
            unsettled += 1
            continue
        watermark = max(watermark, modified)
        if relative_path(inbox, path) in known_paths and modified <= cursor.watermark_ns:
            continue  # seen before, unchanged since: not hashed again
        version = file_version(inbox, path)
        if version.key not in ingested:
            new_versions.append(version)
    return InboxScan(new_versions, InboxCursor(watermark), len(files), unsettled)
