"""Which files an input folder holds, what each is called, and reading one safely."""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from pathlib import Path
from typing import NamedTuple

# Larger files are not read into memory; they are rejected with their hash streamed.
MAX_INPUT_BYTES = 256 * 1024 * 1024
_CHUNK_BYTES = 1024 * 1024


class FileTooLargeError(Exception):
    """The file is larger than MAX_INPUT_BYTES."""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def relative_posix_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, "/" separated and NFC (macOS stores names decomposed)."""
    try:
        relative = Path(path).relative_to(root).as_posix()
    except ValueError:  # e.g. one side absolute, the other relative
        relative = Path(os.path.relpath(path, root)).as_posix()
    return nfc(relative)


class InputFile(NamedTuple):
    """A regular file of an input folder, with what its listing learnt about it (one ``stat``).

    A named tuple: a listing makes one per file, and a tuple is several times cheaper to build.
    """

    location: str  # the path as listed (a string: building 100 000 Path objects costs most of a listing)
    relative_path: str  # relative to the input folder, "/" separated, NFC
    size: int
    mtime_ns: int
    inode: int  # with ``device``: which file this is (a hard link elsewhere is the same file)
    device: int

    @property
    def path(self) -> Path:
        return Path(self.location)


def list_input_files(root: Path) -> list[Path]:
    """Every regular file under ``root``, skipping hidden files and hidden folders.

    Sorted by relative posix path (NFC) so that runs see files in the same order on
    every platform. FIFOs, sockets and devices are left out: reading them would block.
    """
    return [found.path for found in scan_input_files(root)]


def scan_input_files(root: Path) -> list[InputFile]:
    """``list_input_files`` with each file's relative path, size, modification time and inode.

    One ``scandir`` per folder and one ``stat`` per file, relative paths built as strings:
    a folder of 100 000 files is listed in well under a second from the page cache.
    Like ``os.walk``, a symbolic link to a folder is not followed; one to a file is listed.
    """
    root = Path(root)
    found: list[InputFile] = []
    folders = [(str(root), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:  # vanished or unreadable folder: nothing to list
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        folders.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                status = entry.stat()
            except OSError:  # broken symlink, vanished file: not an input file
                continue
            if stat.S_ISREG(status.st_mode):
                found.append(
                    InputFile(
                        entry.path,
                        nfc(prefix + entry.name),
                        status.st_size,
                        status.st_mtime_ns,
                        status.st_ino,
                        status.st_dev,
                    )
                )
    found.sort(key=lambda item: item.relative_path)
    return found


def read_input_bytes(path: Path) -> bytes:
    """The whole file; raises OSError when unreadable and FileTooLargeError when too big."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_INPUT_BYTES:
            raise FileTooLargeError(f"file is {size} bytes, more than the {MAX_INPUT_BYTES} bytes limit")
        return handle.read()


def stream_sha256(path: Path, prefix: bytes = b"") -> str:
    """sha256 of ``prefix`` + the file's bytes, read in chunks (for files too large to hold)."""
    digest = hashlib.sha256(prefix)
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()
