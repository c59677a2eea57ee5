"""A thin bridge to Great Expectations 1.x: validate a suite against a DuckDB warehouse.

Each suite's frame is read with duckdb into pandas and validated through a
pandas datasource (GX's SQL datasource over duckdb-engine has open bugs).
A suite with ``count_sql`` reads only its failing rows (DuckDB filters them),
and the counts GX reports are rescaled to every row checked
(``_whole_table_counts``); a suite with ``unexpected_counts_sql`` reads a
sample of them and takes each expectation's count from SQL. A validation
audits the documents of an ``AuditScope`` (``quality.scope``): a run's checks
audit what the run added or changed, ``dxw report`` the whole warehouse.
The suites and the datasource live in a GX file data context under
``expectations/gx``, committed with the code; validating only reads it.
"""

from __future__ import annotations

import math
import os
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

# Before the import: no usage statistics sent from a batch pipeline.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.data_context import FileDataContext

from dagster_project.quality.scope import WHOLE_TABLE, AuditScope
from dagster_project.quality.suite import ExpectationOutcome, SuiteOutcome, SuiteSpec
from dagster_project.settings import EXPECTATIONS_DIR

DATASOURCE = "warehouse"
DATA_ASSET = "frame"
BATCH_DEFINITION = "whole_frame"
EXAMPLES_PER_EXPECTATION = 5
SCOPE_MARKER = "{scope}"
# The relation holding the audited document ids while a scoped suite is read.
SCOPE_RELATION = "audit_scope"


@cache
def file_context() -> FileDataContext:
    context = gx.get_context(mode="file", project_root_dir=str(EXPECTATIONS_DIR))
    assert isinstance(context, FileDataContext)
    return context


def _batch_definition(context: FileDataContext) -> Any:
    return context.data_sources.get(DATASOURCE).get_asset(DATA_ASSET).get_batch_definition(BATCH_DEFINITION)


def _describe(config: Any) -> str:
    """``expect_x(column)``, or just the name of a derived boolean column expected true.

    Suites derive such columns for rules beyond one column (``check_*`` in the
    blocking suites, the rule names in the warning suite); the column's name is the rule's.
    """
    column = config.kwargs.get("column")
    if (
        column
        and config.type == "expect_column_values_to_be_in_set"
        and list(config.kwargs.get("value_set") or []) == [True]
    ):
        return str(column)
    return f"{config.type}({column})" if column else str(config.type)


def _examples(frame: Any, spec: SuiteSpec, index_list: list[Any] | None) -> list[dict[str, Any]]:
    columns = [c for c in spec.example_columns if c in frame.columns]
    examples = []
    for index in (index_list or [])[:EXAMPLES_PER_EXPECTATION]:
        row = frame.loc[index, columns].to_dict()
        examples.append({k: _plain(v) for k, v in row.items()})
    return examples


def _plain(value: Any) -> Any:
    """A JSON-friendly scalar (numpy/pandas scalars, NaN and dates become plain values)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    # fetchall: a result left unfinished would keep the connection from registering the next scope.
    rows = con.execute(sql).fetchall()
    return int(rows[0][0]) if rows else 0


def _schema_detail(result: dict[str, Any]) -> str:
    missing = (result.get("details") or {}).get("mismatched", {}).get("missing")
    return f"missing columns: {', '.join(missing)}" if missing else ""


def _whole_table_counts(details: dict[str, Any], rows: int, unexpected_count: int | None = None) -> None:
    """Rescale one expectation's result from the failing-rows frame to the ``rows`` checked.

    Only rows outside the frame are added, and they pass every expectation (they
    are neither missing nor unexpected), so the counts stay and the shares change;
    ``unexpected_count``, when the frame held only a sample of the failing rows, is the true count.
    """
    if details.get("element_count") is None:
        return
    details["element_count"] = rows
    if unexpected_count is not None:
        details["unexpected_count"] = unexpected_count
    unexpected = details.get("unexpected_count") or 0
    missing = details.get("missing_count") or 0
    if "missing_percent" in details:
        details["missing_percent"] = 100 * missing / rows if rows else None
    for key in ("unexpected_percent", "unexpected_percent_nonmissing"):
        if key in details:
            details[key] = 100 * unexpected / (rows - missing) if rows - missing else None
    if "unexpected_percent_total" in details:
        details["unexpected_percent_total"] = 100 * unexpected / rows if rows else None


def scoped_sql(sql: str, scope: AuditScope) -> str:
    """``sql`` with its ``{scope}`` markers made a condition on ``document_id`` (``true`` for every row)."""
    condition = "true" if scope.whole_table else f"document_id in (select document_id from {SCOPE_RELATION})"
    return sql.replace(SCOPE_MARKER, condition)


def _read(
    spec: SuiteSpec, con: duckdb.DuckDBPyConnection, scope: AuditScope
) -> tuple[Any, int, dict[str, int]]:
    """The suite's frame, the rows checked, and the true failing counts of a sampled frame."""
    if scope.document_ids is not None:
        con.register(SCOPE_RELATION, pa.table({"document_id": pa.array(scope.document_ids, pa.string())}))
    try:
        frame = con.execute(scoped_sql(spec.frame_sql, scope)).df()
        rows = _count(con, scoped_sql(spec.count_sql, scope)) if spec.count_sql else len(frame)
        counts = (
            {
                str(column): int(count)
                for column, count in con.execute(scoped_sql(spec.unexpected_counts_sql, scope)).fetchall()
            }
            if spec.unexpected_counts_sql
            else {}
        )
    finally:
        if scope.document_ids is not None:
            con.unregister(SCOPE_RELATION)
    return frame, rows, counts


def validate_suite(
    spec: SuiteSpec, con: duckdb.DuckDBPyConnection, scope: AuditScope = WHOLE_TABLE
) -> SuiteOutcome:
    """Validate one suite against the warehouse behind ``con`` (which may be read-only)."""
    outcome, _ = validate_suite_with_result(spec, con, scope)
    return outcome


def validate_suite_with_result(
    spec: SuiteSpec, con: duckdb.DuckDBPyConnection, scope: AuditScope = WHOLE_TABLE
) -> tuple[SuiteOutcome, ExpectationSuiteValidationResult | None]:
    """``validate_suite``, plus GX's own validation result (for Data Docs; None if unreadable)."""
    try:
        frame, rows, true_counts = _read(spec, con, scope)
    except duckdb.Error as exc:
        error = SuiteOutcome(
            spec.name,
            spec.model,
            spec.blocking,
            rows=0,
            expectations=[],
            error=str(exc),
            scope=scope.describe(),
        )
        return error, None
    context = file_context()
    suite = context.suites.get(spec.name)
    batch = _batch_definition(context).get_batch(batch_parameters={"dataframe": frame})
    validation = batch.validate(
        suite,
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": EXAMPLES_PER_EXPECTATION},
    )
    outcomes = []
    for result in validation.results:
        details = result.result or {}
        if spec.count_sql:
            column = result.expectation_config.kwargs.get("column")
            true_count = true_counts.get(column, 0) if spec.unexpected_counts_sql and column else None
            _whole_table_counts(details, rows, true_count)
        raised = (result.exception_info or {}).get("raised_exception")
        outcomes.append(
            ExpectationOutcome(
                expectation=_describe(result.expectation_config),
                success=bool(result.success),
                element_count=details.get("element_count"),
                unexpected_count=details.get("unexpected_count"),
                examples=[]
                if result.success
                else _examples(frame, spec, details.get("partial_unexpected_index_list")),
                detail=(result.exception_info or {}).get("exception_message", "")
                if raised
                else _schema_detail(details),
                description=result.expectation_config.description or "",
            )
        )
    outcome = SuiteOutcome(
        spec.name, spec.model, spec.blocking, rows=rows, expectations=outcomes, scope=scope.describe()
    )
    return outcome, validation
