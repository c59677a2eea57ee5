"""staging/raw_documents: every input file, decoded and described by the ingest library."""

import hashlib
from collections import Counter
from datetime import UTC, datetime

from dagster import AssetExecutionContext, MaterializeResult, asset

from dagster_project.assets.progress import DocumentProgress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.ingest import ingest_file, list_input_files
from dagster_project.warehouse import connect, ingested_files, insert_documents


@asset(key=["staging", "raw_documents"], group_name="staging", compute_kind="python")
def raw_documents(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """Ingest files not seen before (same path and bytes are skipped, so existing rows never change)."""
    settings = warehouse.settings
    files = list_input_files(settings.input_dir)
    with connect(settings.working_copy) as con:
        already_ingested = ingested_files(con)
    # Naive UTC, the type of the staging column; one timestamp for the whole run.
    ingested_at = datetime.now(UTC).replace(tzinfo=None)
    progress = DocumentProgress(context, "ingest", len(files))
    progress.start()
    new_documents = []
    for path in files:
        relative_path = path.relative_to(settings.input_dir).as_posix()
        source_sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        if (relative_path, source_sha256) not in already_ingested:
            new_documents.append(ingest_file(path, settings.input_dir))
        progress.advance()
    with connect(settings.working_copy) as con:
        written = insert_documents(con, new_documents, ingested_at)
    statuses = Counter(doc.status for doc in new_documents)
    return MaterializeResult(
        metadata={
            "input_dir": str(settings.input_dir),
            "files": len(files),
            "new_rows": written,
            **{f"new_{status}": count for status, count in sorted(statuses.items())},
        }
    )
