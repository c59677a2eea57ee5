"""Blocking suite on marts.dim_document: schema, one row per document id, known statuses."""

from __future__ import annotations

from typing import Any

import great_expectations as gx

from dagster_project.quality.contract import DIM_DOCUMENT_COLUMNS
from dagster_project.quality.suite import SuiteSpec
from dagster_project.schema import DOCUMENT_STATUSES

# Only the rows an expectation below rejects (every duplicate id kept); the counts are
# rescaled to COUNT_SQL (see SuiteSpec.count_sql).
FRAME_SQL = f"""
select * from marts.dim_document
where {{scope}}
qualify document_id is null or file_name is null
    or status is null or status not in ({", ".join(f"'{status}'" for status in DOCUMENT_STATUSES)})
    or char_count is null or char_count < 0
    or count(*) over (partition by document_id) > 1
order by document_id
"""

COUNT_SQL = "select count(*) from marts.dim_document where {scope}"


def build_expectations() -> list[Any]:
    return [
        gx.expectations.ExpectTableColumnsToMatchSet(
            column_set=list(DIM_DOCUMENT_COLUMNS), exact_match=False
        ),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="document_id"),
        gx.expectations.ExpectColumnValuesToBeUnique(column="document_id"),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="file_name"),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="status"),
        gx.expectations.ExpectColumnValuesToBeInSet(column="status", value_set=list(DOCUMENT_STATUSES)),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="char_count"),
        gx.expectations.ExpectColumnValuesToBeBetween(column="char_count", min_value=0),
    ]


SPEC = SuiteSpec(
    name="dim_document_blocking",
    model="dim_document",
    frame_sql=FRAME_SQL,
    count_sql=COUNT_SQL,
    build_expectations=build_expectations,
    blocking=True,
    example_columns=("document_id", "file_name", "status", "status_detail", "char_count"),
    description="Contract invariants of every document row; a failure stops publishing.",
)
