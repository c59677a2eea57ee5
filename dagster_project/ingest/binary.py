"""Recognising bytes that are not text at all (documents, archives, images, programs)."""

from __future__ import annotations

import re

# (leading bytes, what the file is). Checked before any decoding.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (old Word/Excel)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP/WAV/AVI)"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
)

# C0 controls that plain text does not use (tab, LF, CR and form feed are fine).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Real text never comes near this; random bytes have ~11% controls.
MAX_CONTROL_SHARE = 0.05


def binary_signature(raw: bytes) -> str | None:
    """What kind of non-text file the leading bytes announce, or None."""
    for magic, kind in MAGIC_NUMBERS:
        if raw.startswith(magic):
            return kind
    return None


def control_share_of_bytes(raw: bytes) -> float:
    """Share of C0 control bytes; valid for ASCII-compatible encodings (UTF-8, cp1258)."""
    if not raw:
        return 0.0
    # bytes.count runs in C; one pass per control byte is still far cheaper than a Python loop.
    return sum(raw.count(byte) for byte in _CONTROL_BYTES) / len(raw)


def control_share_of_text(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for _ in _CONTROL_CHARS.finditer(text)) / len(text)
