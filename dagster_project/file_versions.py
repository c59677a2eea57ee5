"""Which input files are new versions: the rule the ingest asset and the inbox sensor share.

A file version is its path relative to the input folder (NFC, "/" separated,
as the ingest library stores it) and the sha256 of its bytes. A version found
in ``staging.raw_documents`` has been ingested and is never ingested again; a
file whose bytes changed is a new version.

Hashing every file of a large input folder on every run would cost what the
folder costs, not what its new files cost. So the ingest asset keeps a ledger
(``staging.file_ledger``, see ``warehouse.file_ledger``): for each relative
path it hashed, the file's size, modification time (ns), inode and device,
and its sha256. A file whose size, time and inode are those the ledger holds,
for a version already ingested, is not read again; any other file is hashed.
Rewriting a file moves its modification time, so a changed file is always
hashed again (same size or not); a file touched without a change is hashed,
found to be a known version, and its new time recorded. The inode ties a
row to one file: the same relative path in another folder is another file
(unless it is a hard link to the same one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from dagster_project.ingest.files import InputFile, relative_posix_path, stream_sha256

# The sha256 of a file that cannot be read: the ingest library records it with the hash of no
# bytes, so an unreadable file is ingested (as rejected) once, and again when it becomes readable.
UNREADABLE = hashlib.sha256(b"").hexdigest()

# A file modified this shortly before it was hashed may be rewritten again within the file
# system's timestamp resolution, leaving its size and time as recorded: such a ledger row is not
# trusted, and the file is hashed again on the next run (git's "racily clean" rule).
RACY_NANOSECONDS = 2_000_000_000


@dataclass(frozen=True)
class FileVersion:
    path: Path
    relative_path: str
    source_sha256: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.relative_path, self.source_sha256)


class KnownFile(NamedTuple):
    """What the ledger holds for a file: which file, its size and time when it was hashed, and the hash.

    A named tuple: a scan reads one per file of the folder.
    """

    size: int
    mtime_ns: int
    inode: int
    device: int
    source_sha256: str
    hashed_at_ns: int


@dataclass(frozen=True)
class HashedFile:
    """A file hashed by this scan: its version, and the ledger row that lets the next scan skip it."""

    version: FileVersion
    known: KnownFile | None  # None when unreadable: such a file is hashed again every time


def file_version(root: Path, path: Path) -> FileVersion:
    """The file's version key; its bytes are hashed in chunks (a 50 MB file is not held in memory)."""
    try:
        digest = stream_sha256(path)
    except OSError:
        digest = UNREADABLE
    return FileVersion(path, relative_path(root, path), digest)


def relative_path(root: Path, path: Path) -> str:
    return relative_posix_path(path, root)


def hash_file(file: InputFile, hashed_at_ns: int) -> HashedFile:
    """Hash ``file`` (listed with its size and time before this call, so a later change is seen)."""
    try:
        digest = stream_sha256(file.path)
    except OSError:
        return HashedFile(FileVersion(file.path, file.relative_path, UNREADABLE), None)
    version = FileVersion(file.path, file.relative_path, digest)
    known = KnownFile(file.size, file.mtime_ns, file.inode, file.device, digest, hashed_at_ns)
    return HashedFile(version, known)


def is_known_unchanged(
    file: InputFile, known: KnownFile | None, ingested: Collection[tuple[str, str]]
) -> bool:
    """True when ``file`` need not be hashed: same file, size and time as a version already ingested."""
    return (
        known is not None
        and (file.size, file.mtime_ns, file.inode, file.device)
        == (known.size, known.mtime_ns, known.inode, known.device)
        and known.mtime_ns + RACY_NANOSECONDS <= known.hashed_at_ns
        and (file.relative_path, known.source_sha256) in ingested
    )


def files_to_hash(
    files: Sequence[InputFile], ledger: Mapping[str, KnownFile], ingested: Collection[tuple[str, str]]
) -> list[InputFile]:
    """The files of ``files`` that may be new versions: all but those the ledger knows unchanged."""
    return [file for file in files if not is_known_unchanged(file, ledger.get(file.relative_path), ingested)]


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
