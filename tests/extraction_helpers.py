"""Helpers for the extraction tests: run the extractor on a short text."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from dagster_project.extraction import extract_document
from dagster_project.schema import IngestedDocument, Observation


def document(
    text: str, published: str | None = None, publisher: str | None = None, file_name: str = "t.txt"
) -> IngestedDocument:
    from datetime import date

    return IngestedDocument(
        document_id=hashlib.sha256(text.encode()).hexdigest()[:16],
        file_name=file_name,
        file_path=file_name,
        source_sha256="0" * 64,
        status="ok",
        status_detail="test",
        encoding="utf-8",
        title=None,
        publisher=publisher,
        published_date=date.fromisoformat(published) if published else None,
        published_at=None,
        text=text,
        char_count=len(text),
    )


def extract(text: str, published: str | None = None, publisher: str | None = None) -> list[Observation]:
    return extract_document(document(text, published, publisher)).observations


def by_text(observations: list[Observation], text: str) -> dict[str, Observation]:
    """Observations keyed by the number as written (``text[span_start:span_end]``)."""
    return {text[o.span_start : o.span_end]: o for o in observations}


SHARED = Path(__file__).resolve().parents[2] / "shared"


def score_against_seed_labels(warehouse: Path) -> dict[str, Any]:
    """The shared scorer's figures for a warehouse, against the hand labels of ``seeds/``."""
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_facts.py"),
            "--warehouse",
            str(warehouse),
            "--gold",
            str(SHARED / "gold" / "seeds.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scores: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return scores
