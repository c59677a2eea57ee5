"""One input file -> one IngestedDocument: read, decode, strip HTML, normalise, describe.

Never raises for a bad file: whatever goes wrong becomes a status and a reason.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dagster_project.ingest.decode import decode_document_bytes
from dagster_project.ingest.files import (
    FileTooLargeError,
    nfc,
    read_input_bytes,
    relative_posix_path,
    stream_sha256,
)
from dagster_project.ingest.html_text import looks_like_html, visible_text_from_html
from dagster_project.ingest.metadata import DocumentMetadata, MetadataHints, extract_metadata
from dagster_project.ingest.normalize import normalize_text
from dagster_project.schema import IngestedDocument

_ID_HEX_CHARS = 16
_HASH_CHUNK_CHARS = 1 << 20  # hash a long text slice by slice instead of encoding it whole


def ingest_file(path: Path, root: Path) -> IngestedDocument:
    path = Path(path)
    relative = relative_posix_path(path, root)
    file_name = nfc(path.name)
    try:
        raw = read_input_bytes(path)
    except FileTooLargeError as error:
        return _too_large(path, relative, file_name, str(error))
    except OSError as error:
        reason = f"cannot read file: {type(error).__name__}: {error.strerror or error}"
        return _not_ok(relative, file_name, b"", "rejected", reason, encoding=None)
    if not raw:
        return _not_ok(relative, file_name, raw, "empty", "file is empty (0 bytes)", encoding=None)

    decoded = decode_document_bytes(raw)
    if decoded.text is None:
        return _not_ok(relative, file_name, raw, decoded.failure or "rejected", decoded.detail, encoding=None)

    source_sha256 = hashlib.sha256(raw).hexdigest()
    text = decoded.text
    details = [decoded.detail]
    encoding = decoded.encoding
    hints: MetadataHints | None = None
    if looks_like_html(text):
        page = visible_text_from_html(normalize_text(text).text)
        text = page.text
        hints = MetadataHints(
            title=page.title,
            publisher=page.site_name,
            published_time=page.published_time,
        )
        details.append("HTML page reduced to its visible text")
        encoding = f"html/{encoding}"

    normalized = normalize_text(text)
    text = normalized.text
    if not text or text.isspace():
        what = "an HTML page without visible text" if hints else "only whitespace"
        return _not_ok(relative, file_name, raw, "empty", f"{what} ({decoded.detail})", encoding=encoding)
    del raw  # the text is all that is needed now; let a 40 MB buffer go

    if hints is None:
        details.extend(normalized.conversions)  # for HTML these are artefacts of the markup
    metadata = extract_metadata(text, hints)
    return _document(
        document_id=_text_id(text),
        relative=relative,
        file_name=file_name,
        source_sha256=source_sha256,
        status="ok",
        status_detail="; ".join(details),
        encoding=encoding,
        metadata=metadata,
        text=text,
    )


def _text_id(text: str) -> str:
    """sha256 of the UTF-8 text, hashed in slices so no full encoded copy is made."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_CHUNK_CHARS):
        digest.update(text[start : start + _HASH_CHUNK_CHARS].encode("utf-8"))
    return digest.hexdigest()[:_ID_HEX_CHARS]


def _bad_file_id(relative: str, raw_sha_input: bytes) -> str:
    return hashlib.sha256(relative.encode("utf-8") + b"\0" + raw_sha_input).hexdigest()[:_ID_HEX_CHARS]


def _not_ok(
    relative: str, file_name: str, raw: bytes, status: str, detail: str, encoding: str | None
) -> IngestedDocument:
    """A file without usable text keeps its own row: its id covers its path as well as its bytes."""
    return _document(
        document_id=_bad_file_id(relative, raw),
        relative=relative,
        file_name=file_name,
        source_sha256=hashlib.sha256(raw).hexdigest(),
        status=status,
        status_detail=detail,
        encoding=encoding,
        metadata=DocumentMetadata(),
        text="",
    )


def _too_large(path: Path, relative: str, file_name: str, reason: str) -> IngestedDocument:
    try:
        document_id = stream_sha256(path, relative.encode("utf-8") + b"\0")[:_ID_HEX_CHARS]
        source_sha256 = stream_sha256(path)
    except OSError as error:
        return _not_ok(relative, file_name, b"", "rejected", f"cannot read file: {error}", encoding=None)
    return _document(
        document_id=document_id,
        relative=relative,
        file_name=file_name,
        source_sha256=source_sha256,
        status="rejected",
        status_detail=reason,
        encoding=None,
        metadata=DocumentMetadata(),
        text="",
    )


def _document(
    *,
    document_id: str,
    relative: str,
    file_name: str,
    source_sha256: str,
    status: str,
    status_detail: str,
    encoding: str | None,
    metadata: DocumentMetadata,
    text: str,
) -> IngestedDocument:
    return IngestedDocument(
        document_id=document_id,
        file_name=file_name,
        file_path=relative,
        source_sha256=source_sha256,
        status=status,
        status_detail=status_detail,
        encoding=encoding,
        title=metadata.title,
        publisher=metadata.publisher,
        published_date=metadata.published_date,
        published_at=metadata.published_at,
        text=text,
        char_count=len(text),
    )
