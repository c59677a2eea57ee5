"""Bytes -> text: which supported encoding a file is in, or why it is not text.

Supported: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, UTF-16 without BOM
when the NUL pattern is unmistakable, the charset an HTML page declares, and the
legacy Vietnamese Windows-1258 (cp1258) that old portals still serve.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from dagster_project.ingest.binary import (
    MAX_CONTROL_SHARE,
    binary_signature,
    control_share_of_bytes,
    control_share_of_text,
)
from dagster_project.ingest.vietnamese import looks_vietnamese

REJECTED = "rejected"  # not text
UNDECODABLE = "undecodable"  # looks like text, but in no supported encoding

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32", "UTF-32 (little-endian, BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32", "UTF-32 (big-endian, BOM)"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16", "UTF-16 (little-endian, BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16", "UTF-16 (big-endian, BOM)"),
)

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_CHARSET_SNIFF_BYTES = 4096
# In BOM-less UTF-16 of mostly-ASCII text every other byte is NUL; binary is not this regular.
_MIN_UTF16_NUL_SHARE = 0.2


@dataclass(frozen=True)
class DecodedBytes:
    text: str | None  # None when decoding failed
    encoding: str | None  # codec as stored in raw_documents.encoding ("utf-8", "cp1258", ...)
    detail: str  # how the bytes were decoded, or why they were not (human-readable)
    failure: str | None = None  # None, REJECTED or UNDECODABLE


def decode_document_bytes(raw: bytes) -> DecodedBytes:
    """Decode one file's bytes, never raising: failures come back with ``failure`` and a reason."""
    kind = binary_signature(raw)
    if kind is not None:
        return _failed(REJECTED, f"binary file: starts like {kind}")

    for bom, codec, encoding, label in _BOMS:
        if raw.startswith(bom):
            return _decode_with_bom(raw[len(bom) :], codec, encoding, label)

    if b"\x00" in raw:
        utf16 = _decode_bomless_utf16(raw)
        if utf16 is not None:
            return utf16
        return _failed(REJECTED, "binary file: contains NUL bytes and is not UTF-16 text")

    share = control_share_of_bytes(raw)
    if share > MAX_CONTROL_SHARE:
        return _failed(REJECTED, f"binary file: {share:.0%} of the bytes are control characters")

    try:
        return DecodedBytes(raw.decode("utf-8"), "utf-8", "decoded as UTF-8")
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 byte 0x{raw[error.start]:02x} at offset {error.start}"

    declared = _declared_html_charset(raw)
    if declared is not None:
        return declared

    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError as error:
        return _failed(
            UNDECODABLE,
            f"not text in a supported encoding: {utf8_error}; "
            f"byte 0x{raw[error.start]:02x} at offset {error.start} is undefined in Windows-1258",
        )
    if looks_vietnamese(text):
        return DecodedBytes(text, "cp1258", "decoded as Windows-1258 (cp1258)")
    return _failed(
        UNDECODABLE,
        f"not text in a supported encoding: {utf8_error}; decodes as Windows-1258 but does not "
        "read as Vietnamese (probably Latin-1/cp1252 or another legacy encoding)",
    )


def _failed(failure: str, detail: str) -> DecodedBytes:
    return DecodedBytes(text=None, encoding=None, detail=detail, failure=failure)


def _decode_with_bom(body: bytes, codec: str, encoding: str, label: str) -> DecodedBytes:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        return _failed(
            UNDECODABLE, f"starts with a {label} byte order mark but is not valid {codec}: {error}"
        )
    share = control_share_of_text(text)
    if share > MAX_CONTROL_SHARE:
        return _failed(REJECTED, f"binary file: {share:.0%} of the characters are control characters")
    return DecodedBytes(text, encoding, f"decoded as {label}")


def _decode_bomless_utf16(raw: bytes) -> DecodedBytes | None:
    """UTF-16 without BOM, recognised by NULs in only the high-byte positions."""
    if len(raw) % 2:
        return None
    even_nuls, odd_nuls = raw[0::2].count(0), raw[1::2].count(0)
    half = len(raw) // 2
    if even_nuls == 0 and odd_nuls >= _MIN_UTF16_NUL_SHARE * half:
        codec, label = "utf-16-le", "UTF-16 (little-endian, no BOM)"
    elif odd_nuls == 0 and even_nuls >= _MIN_UTF16_NUL_SHARE * half:
        codec, label = "utf-16-be", "UTF-16 (big-endian, no BOM)"
    else:
        return None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    if control_share_of_text(text) > MAX_CONTROL_SHARE:
        return None
    return DecodedBytes(text, codec, f"decoded as {label}, detected from the NUL byte pattern")


def _declared_html_charset(raw: bytes) -> DecodedBytes | None:
    """Decode with the charset a page's <meta> declares, when there is one and it works."""
    match = _META_CHARSET.search(raw, 0, _CHARSET_SNIFF_BYTES)
    if match is None:
        return None
    name = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        return None  # already ruled out: the bytes are not UTF-8 and carry no BOM
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return DecodedBytes(text, codec, f"decoded as {codec}, the charset declared by the page's <meta>")
