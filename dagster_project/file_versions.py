"""Which input files are new versions: the rule the ingest asset and the inbox sensor share.

A file version is its path relative to the input folder (NFC, "/" separated,
as the ingest library stores it) and the sha256 of its bytes. A version found
in ``staging.raw_documents`` has been ingested and is never ingested again; a
file whose bytes changed is a new version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dagster_project.ingest.files import relative_posix_path, stream_sha256

# The sha256 of a file that cannot be read: the ingest library records it with the hash of no
# bytes, so an unreadable file is ingested (as rejected) once, and again when it becomes readable.
UNREADABLE = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True)
class FileVersion:
    path: Path
    relative_path: str
    source_sha256: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.relative_path, self.source_sha256)


def file_version(root: Path, path: Path) -> FileVersion:
    """The file's version key; its bytes are hashed in chunks (a 50 MB file is not held in memory)."""
    try:
        digest = stream_sha256(path)
    except OSError:
        digest = UNREADABLE
    return FileVersion(path, relative_path(root, path), digest)


def relative_path(root: Path, path: Path) -> str:
    return relative_posix_path(path, root)


def new_file_versions(
    root: Path,
    files: Iterable[Path],
    ingested: Collection[tuple[str, str]],
    on_file: Callable[[], None] | None = None,
) -> Iterator[FileVersion]:
    """The files of ``files`` whose (relative path, sha256) is not in ``ingested``."""
    for path in files:
        version = file_version(root, path)
        if version.key not in ingested:
            yield version
        if on_file is not None:
            on_file()
