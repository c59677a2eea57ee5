"""staging/raw_documents: every input file, decoded and described by the ingest library.

A file version (its relative path and the sha256 of its bytes) is ingested
once: the versions already in staging are skipped, a changed file is a new
version. New files are decoded in the process pool and written in batches, so
memory stays bounded on a large input.
"""

from collections import Counter
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult, asset

from dagster_project.assets.progress import DocumentProgress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.document_batches import ingest_batch, version_batch
from dagster_project.ingest import list_input_files
from dagster_project.parallel import batched, map_batches
from dagster_project.settings import load_operations_settings
from dagster_project.warehouse import connect, ingested_files, insert_documents

# Files decoded per worker task: a few hundred kilobytes of text.
BATCH_SIZE = 100
# Files hashed per worker task (the scan): a few megabytes.
SCAN_BATCH_SIZE = 1000


@asset(key=["staging", "raw_documents"], group_name="staging", compute_kind="python")
def raw_documents(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """Ingest files not seen before (same path and bytes are skipped, so existing rows never change)."""
    settings = warehouse.settings
    files = list_input_files(settings.input_dir)
    with connect(settings.working_copy) as con:
        already_ingested = ingested_files(con)
    workers = load_operations_settings().workers
    scan = DocumentProgress(context, "scan", len(files), unit="files")
    scan.start()
    # Hashing every file is the one step whose cost follows the input folder, not the new files:
    # spread over the pool like the rest. The rule is new_file_versions' (path and bytes unseen).
    file_batches = list(batched(files, SCAN_BATCH_SIZE))
    new_paths: list[Path] = []
    for versions in map_batches(
        partial(version_batch, settings.input_dir), file_batches, workers, len(file_batches)
    ):
        new_paths.extend(version.path for version in versions if version.key not in already_ingested)
        scan.advance(len(versions))
    scan.finish()

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
    progress.finish()
    return MaterializeResult(
        metadata={
            "input_dir": str(settings.input_dir),
            "files": len(files),
            "new_rows": written,
            **{f"new_{status}": count for status, count in sorted(statuses.items())},
        }
    )
