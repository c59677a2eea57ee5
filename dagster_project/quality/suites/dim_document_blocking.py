"""Blocking suite on marts.dim_document: schema, one row per document id, known statuses."""

from __future__ import annotations

from typing import Any

import great_expectations as gx

from dagster_project.quality.contract import DIM_DOCUMENT_COLUMNS
from dagster_project.quality.suite import SuiteSpec
from dagster_project.schema import DOCUMENT_STATUSES

FRAME_SQL = "select * from marts.dim_document order by document_id"


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
    build_expectations=build_expectations,
    blocking=True,
    example_columns=("document_id", "file_name", "status", "status_detail", "char_count"),
    description="Contract invariants of every document row; a failure stops publishing.",
)
