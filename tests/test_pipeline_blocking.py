"""A failing blocking check stops publishing: exit 1 naming the check, the published file untouched."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import SEEDS_DIR, invoke, sha256_of

from dagster_project.assets import extraction as extraction_asset
from dagster_project.extraction import extract_document
from dagster_project.schema import IngestedDocument


def extract_with_a_span_past_the_end(document: IngestedDocument):  # type: ignore[no-untyped-def]
    """The real extraction, with its first observation's span moved beyond the document's end."""
    result = extract_document(document)
    first, *rest = result.observations
    moved = dataclasses.replace(first, span_start=document.char_count + 5, span_end=document.char_count + 9)
    return dataclasses.replace(result, observations=[moved, *rest])


def test_span_outside_its_document_blocks_publishing(
    warehouse_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new extractor version makes the run extract every document again, through the faulty extractor.
    monkeypatch.setattr(extraction_asset, "EXTRACTOR_VERSION", "test-span-past-the-end")
    monkeypatch.setattr(extraction_asset, "extract_document", extract_with_a_span_past_the_end)
    before = sha256_of(warehouse_copy)

    result = invoke("run", "--input", SEEDS_DIR, "--warehouse", warehouse_copy)

    assert result.code == 1
    reason = result.err.strip().splitlines()[-1]
    assert reason.startswith("dxw: not published: blocking check failed:")
    assert "fct_observation_blocking" in reason
    assert "check_span_inside_document" in reason
    assert sha256_of(warehouse_copy) == before
    assert result.out == ""
