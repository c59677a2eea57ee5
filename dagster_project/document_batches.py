"""The per-document work of a run, one batch at a time: what pool workers execute.

Plain Python (no Dagster import) so a spawned worker starts in well under a
second. Extraction results leave the worker as Arrow tables: building them
there keeps the parent process, which writes to DuckDB, from becoming the
bottleneck.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from dagster_project.extraction import ExtractionResult
from dagster_project.file_versions import HashedFile, hash_file
from dagster_project.ingest import ingest_file
from dagster_project.ingest.files import InputFile
from dagster_project.schema import IngestedDocument, record


def hash_batch(hashed_at_ns: int, files: Sequence[InputFile]) -> list[HashedFile]:
    """Each file's version key (relative path, sha256 of its bytes) and ledger row: the scan's hashing."""
    return [hash_file(file, hashed_at_ns) for file in files]


def ingest_batch(root: Path, paths: Sequence[Path]) -> list[IngestedDocument]:
    return [ingest_file(path, root) for path in paths]


@dataclass(frozen=True)
class ExtractedBatch:
    document_ids: list[str]
    contexts: pa.Table
    observations: pa.Table


def extract_batch(
    extract: Callable[[IngestedDocument], ExtractionResult],
    extractor_version: str,
    documents: Sequence[IngestedDocument],
) -> ExtractedBatch:
    results = [extract(document) for document in documents]
    # Stamped with the version the run compared against, so the next run finds these documents done.
    contexts = [record(result.context) | {"extractor_version": extractor_version} for result in results]
    observations = [record(obs) for result in results for obs in result.observations]
    return ExtractedBatch(
        document_ids=[document.document_id for document in documents],
        contexts=pa.Table.from_pylist(contexts),
        observations=pa.Table.from_pylist(observations),
    )
