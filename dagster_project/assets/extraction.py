"""staging/raw_observations + staging/raw_document_context: the extraction library over ok documents.

Only documents without output from the current ``EXTRACTOR_VERSION`` are
extracted; their older rows are replaced, so a re-run with the same extractor
changes nothing and a new extractor version refreshes everything it produced.

Documents are read from the working copy a batch at a time and extracted in a
process pool (``DXW_WORKERS`` processes, default one per core), with a bounded
number of batches in flight; results are written in order, every
``WRITE_BATCHES`` batches in one transaction.
"""

from functools import partial

from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, multi_asset

from dagster_project.assets.progress import DocumentProgress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.document_batches import ExtractedBatch, extract_batch
from dagster_project.extraction import EXTRACTOR_VERSION, extract_document
from dagster_project.parallel import batched, map_batches
from dagster_project.settings import load_operations_settings
from dagster_project.warehouse import (
    connect,
    documents_to_extract,
    load_documents,
    previously_extracted,
    replace_extraction_batches,
)

RAW_DOCUMENTS = AssetKey(["staging", "raw_documents"])
RAW_OBSERVATIONS = AssetKey(["staging", "raw_observations"])
RAW_DOCUMENT_CONTEXT = AssetKey(["staging", "raw_document_context"])

# Documents per worker task: about a second of extraction.
BATCH_SIZE = 50
# Batches written per transaction: each write scans the staging tables once to replace old rows.
WRITE_BATCHES = 20


@multi_asset(
    specs=[
        AssetSpec(RAW_OBSERVATIONS, deps=[RAW_DOCUMENTS], group_name="staging", kinds={"python"}),
        AssetSpec(RAW_DOCUMENT_CONTEXT, deps=[RAW_DOCUMENTS], group_name="staging", kinds={"python"}),
    ],
)
def extracted_observations(context: AssetExecutionContext, warehouse: WarehouseResource):
    """Extract every ok document not yet extracted by this extractor version."""
    working_copy = warehouse.settings.working_copy
    version = EXTRACTOR_VERSION
    # Looked up at run time so a test can substitute the extractor (in-process, one batch).
    work = partial(extract_batch, extract_document, version)
    workers = load_operations_settings().workers
    observations_written = 0
    with connect(working_copy) as con:
        pending = documents_to_extract(con, version)
        # Re-extracted documents (a new extractor version) have rows to replace; new ones do not.
        previous = previously_extracted(con, pending)
        id_batches = list(batched(pending, BATCH_SIZE))
        progress = DocumentProgress(context, "extract", len(pending))
        progress.start()
        # Lazy: a batch's texts are read only when a worker is about to need them.
        document_batches = (load_documents(con, ids) for ids in id_batches)
        to_write: list[ExtractedBatch] = []
        for result in map_batches(work, document_batches, workers, len(id_batches)):
            to_write.append(result)
            progress.advance(len(result.document_ids))
            if len(to_write) >= WRITE_BATCHES:
                observations_written += replace_extraction_batches(con, to_write, previous)
                to_write = []
        if to_write:
            observations_written += replace_extraction_batches(con, to_write, previous)
        progress.finish()
    yield MaterializeResult(
        asset_key=RAW_OBSERVATIONS,
        metadata={
            "extractor_version": version,
            "documents_extracted": len(pending),
            "observations_written": observations_written,
            "workers": workers,
        },
    )
    yield MaterializeResult(
        asset_key=RAW_DOCUMENT_CONTEXT,
        metadata={"extractor_version": version, "documents_extracted": len(pending)},
    )
