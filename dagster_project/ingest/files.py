"""Which files an input folder holds, what each is called, and reading one safely."""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from pathlib import Path

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


def list_input_files(root: Path) -> list[Path]:
    """Every regular file under ``root``, skipping hidden files and hidden folders.

    Sorted by relative posix path (NFC) so that runs see files in the same order on
    every platform. FIFOs, sockets and devices are left out: reading them would block.
    """
    root = Path(root)
    found: list[tuple[str, Path]] = []
    for folder, subfolders, file_names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in file_names:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if _is_regular_file(path):
                found.append((relative_posix_path(path, root), path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # broken symlink, vanished file: not an input file
        return False


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
