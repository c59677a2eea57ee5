"""staging/raw_documents: every input file, decoded and described by the ingest library.

A file version (its relative path and the sha256 of its bytes) is ingested
once: the versions already in staging are skipped, a changed file is a new
version. Files whose size, modification time and inode the ledger holds for an
ingested version are not even read (``file_versions``). New files are
decoded in the process pool and written in batches, so memory stays bounded
on a large input.
"""

import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult, asset

from dagster_project.assets.progress import DocumentProgress, log_progress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.document_batches import hash_batch, ingest_batch
from dagster_project.file_versions import HashedFile, files_to_hash
from dagster_project.ingest.files import scan_input_files
from dagster_project.parallel import batched, map_batches
from dagster_project.settings import load_operations_settings
from dagster_project.warehouse import (
    connect,
    file_ledger,
    ingested_files,
    insert_documents,
    record_hashed_files,
)

# Files decoded per worker task: a few hundred kilobytes of text.
BATCH_SIZE = 100
# Files hashed per worker task (the scan): a few megabytes.
SCAN_BATCH_SIZE = 1000


@dataclass(frozen=True)
class InputScan:
    """What the scan of the input folder found."""

    files: int  # listed
    hashed: list[HashedFile]  # read this run: new, changed or touched files (and unknown to the ledger)
    new_paths: list[Path]  # the files that are new versions


def scan_input(
    input_dir: Path, working_copy: Path, workers: int, context: AssetExecutionContext | None = None
) -> InputScan:
    """The new file versions in ``input_dir``; reads only files the ledger does not know unchanged.

    The scan's cost follows the new and changed files, not the folder (``file_versions``):
    listing is one ``stat`` per file, and only the candidates are hashed, in the pool.
    """
    started = time.monotonic()
    files = scan_input_files(input_dir)
    with connect(working_copy) as con:
        already_ingested = ingested_files(con)
        ledger = file_ledger(con)
    candidates = files_to_hash(files, ledger, already_ingested)
    elapsed = time.monotonic() - started
    log_progress(
        context,
        f"list: {len(files)} files in {elapsed:.1f} s ({len(files) - len(candidates)} known unchanged)",
    )
    progress = DocumentProgress(context, "scan", len(candidates), unit="files")
    progress.start()
    file_batches = list(batched(candidates, SCAN_BATCH_SIZE))
    hashed: list[HashedFile] = []
    for hashed_batch in map_batches(
        partial(hash_batch, time.time_ns()), file_batches, workers, len(file_batches)
    ):
        hashed.extend(hashed_batch)
        progress.advance(len(hashed_batch))
    progress.finish()
    new_paths = [item.version.path for item in hashed if item.version.key not in already_ingested]
    return InputScan(len(files), hashed, new_paths)


@asset(key=["staging", "raw_documents"], group_name="staging", compute_kind="python")
def raw_documents(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """Ingest files not seen before (same path and bytes are skipped, so existing rows never change)."""
    settings = warehouse.settings
    workers = load_operations_settings().workers
    scan = scan_input(settings.input_dir, settings.working_copy, workers, context)
    new_paths = scan.new_paths

    # Naive UTC, the type of the staging column; one timestamp for the whole run.
    ingested_at = datetime.now(UTC).replace(tzinfo=None)
    progress = DocumentProgress(context, "ingest", len(new_paths))
    progress.start()
    statuses: Counter[str] = Counter()
    written = 0
    batches = list(batched(new_paths, BATCH_SIZE))
    with connect(settings.working_copy) as con:
        for documents in map_batches(
            partial(ingest_batch, settings.input_dir), batches, workers, len(batches)
        ):
            written += insert_documents(con, documents, ingested_at)
            statuses.update(document.status for document in documents)
            progress.advance(len(documents))
        # After the versions are ingested: a ledger row stands for a version staging holds.
        record_hashed_files(con, scan.hashed)
    progress.finish()
    return MaterializeResult(
        metadata={
            "input_dir": str(settings.input_dir),
            "files": scan.files,
            "files_hashed": len(scan.hashed),
            "new_rows": written,
            **{f"new_{status}": count for status, count in sorted(statuses.items())},
        }
    )
