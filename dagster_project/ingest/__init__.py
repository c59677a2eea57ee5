"""Ingest: turn input files into normalised documents (plain Python, no Dagster).

Public API (stable; the Dagster assets import only these):

* ``list_input_files(root) -> list[Path]``: every regular file under ``root``, sorted.
* ``ingest_file(path, root) -> IngestedDocument``: decode, normalise, describe one file.

This is a minimal placeholder (UTF-8 only); the full decoder replaces it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from dagster_project.schema import IngestedDocument


def list_input_files(root: Path) -> list[Path]:
    return sorted(p for p in Path(root).rglob("*") if p.is_file() and not p.name.startswith("."))


def ingest_file(path: Path, root: Path) -> IngestedDocument:
    raw = Path(path).read_bytes()
    rel = Path(path).relative_to(root).as_posix()
    text = unicodedata.normalize("NFC", raw.decode("utf-8-sig")).replace("\r\n", "\n").replace("\xa0", " ")
    status = "ok" if text.strip() else "empty"
    basis = text.encode() if status == "ok" else rel.encode() + b"\0" + raw
    return IngestedDocument(
        document_id=hashlib.sha256(basis).hexdigest()[:16],
        file_name=Path(path).name,
        file_path=rel,
        source_sha256=hashlib.sha256(raw).hexdigest(),
        status=status,
        status_detail="utf-8" if status == "ok" else "no text",
        encoding="utf-8",
        title=None,
        publisher=None,
        published_date=None,
        published_at=None,
        text=text if status == "ok" else "",
        char_count=len(text) if status == "ok" else 0,
    )
