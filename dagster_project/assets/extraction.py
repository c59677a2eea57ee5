"""staging/raw_observations + staging/raw_document_context: the extraction library over ok documents.

Only documents without output from the current ``EXTRACTOR_VERSION`` are
extracted; their older rows are replaced, so a re-run with the same extractor
changes nothing and a new extractor version refreshes everything it produced.
"""

from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, multi_asset

from dagster_project.assets.progress import DocumentProgress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.extraction import EXTRACTOR_VERSION, extract_document
from dagster_project.schema import record
from dagster_project.warehouse import connect, documents_to_extract, load_documents, replace_extraction

RAW_DOCUMENTS = AssetKey(["staging", "raw_documents"])
RAW_OBSERVATIONS = AssetKey(["staging", "raw_observations"])
RAW_DOCUMENT_CONTEXT = AssetKey(["staging", "raw_document_context"])

# Documents extracted and written per transaction: bounds memory on a large input.
CHUNK_SIZE = 200


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
    with connect(working_copy) as con:
        pending = documents_to_extract(con, version)
        progress = DocumentProgress(context, "extract", len(pending))
        progress.start()
        observations_written = 0
        for start in range(0, len(pending), CHUNK_SIZE):
            chunk = pending[start : start + CHUNK_SIZE]
            results = []
            for document in load_documents(con, chunk):
                results.append(extract_document(document))
                progress.advance()
            observations_written += replace_extraction(
                con,
                chunk,
                # Stamped with the version this run compared against, so the next run finds it done.
                contexts=(record(result.context) | {"extractor_version": version} for result in results),
                observations=(record(obs) for result in results for obs in result.observations),
            )
    yield MaterializeResult(
        asset_key=RAW_OBSERVATIONS,
        metadata={
            "extractor_version": version,
            "documents_extracted": len(pending),
            "observations_written": observations_written,
        },
    )
    yield MaterializeResult(
        asset_key=RAW_DOCUMENT_CONTEXT,
        metadata={"extractor_version": version, "documents_extracted": len(pending)},
    )
