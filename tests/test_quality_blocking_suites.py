"""The blocking suites on a small hand-made warehouse: each broken rule is caught and named."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dagster_project.quality.gx_bridge import validate_suite
from dagster_project.quality.suite import SuiteOutcome
from dagster_project.quality.suites import dim_document_blocking, fct_observation_blocking
from dagster_project.schema import STAGING_DDL

TEXT = "Năm 2024, tỷ lệ hồ sơ trực tuyến đạt 42%, có 1.928.311 tỷ đồng doanh thu."
DOCUMENT_ID = "d0c0000000000001"


def observation(**changes: Any) -> dict[str, Any]:
    start = TEXT.index("42")
    row = {
        "observation_id": "o1", "document_id": DOCUMENT_ID, "indicator_code": "online_dossier_rate",
        "geo_code": "VN", "segment": "all", "period_code": "2024", "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31), "measure": "level", "value": 42.0, "unit": "percent",
        "denominator": None, "qualifier": "exact", "is_target": False, "component": None,
        "parent_observation_id": None, "program": None, "span_start": start, "span_end": start + 2,
        "stated_text": "42%", "evidence": TEXT, "quality_status": "ok",
    }  # fmt: skip
    return row | changes


def money_observation() -> dict[str, Any]:
    start = TEXT.index("1.928.311")
    return observation(
        observation_id="o2", value=1.928311e15, unit="vnd", indicator_code="unclassified",
        span_start=start, span_end=start + len("1.928.311"), stated_text="1.928.311 tỷ đồng",
    )  # fmt: skip


def build_warehouse(path: Path, observations: list[dict[str, Any]], drop_column: str | None = None) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create schema staging")
        con.execute("create schema marts")
        for ddl in STAGING_DDL:
            con.execute(ddl)
        con.execute(
            "insert into staging.raw_documents values (?, 'a.txt', 'a.txt', 'sha', 'ok', 'utf-8', 'utf-8', "
            "'Tiêu đề', null, null, null, ?, ?, now()::timestamp)",
            [DOCUMENT_ID, TEXT, len(TEXT)],
        )
        con.execute(
            "create table marts.dim_document as select document_id, file_name, title, publisher,"
            " published_date, null::varchar as subject_geo_code, null::varchar as report_period_code,"
            " char_count, status, status_detail, ingested_at from staging.raw_documents"
        )
        con.execute("create table marts.dim_indicator as select * from (values ('online_dossier_rate'), "
                    "('unclassified')) t(indicator_code)")  # fmt: skip
        con.execute("create table marts.dim_geography as select * from (values ('VN'), ('08')) t(geo_code)")
        con.execute(
            "create table marts.dim_period as select * from (values ('2024'), ('2024-H1')) t(period_code)"
        )
        con.execute("create table marts.fct_observation as select * from staging.raw_observations limit 0")
        con.execute("alter table marts.fct_observation add column quality_status varchar")
        for row in observations:
            con.execute(
                f"insert into marts.fct_observation ({', '.join(row)}) values ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        if drop_column:
            con.execute(f"alter table marts.fct_observation drop column {drop_column}")
    return path


def validate_observations(tmp_path: Path, rows: list[dict[str, Any]], **kwargs: Any) -> SuiteOutcome:
    warehouse = build_warehouse(tmp_path / "w.duckdb", rows, **kwargs)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return validate_suite(fct_observation_blocking.SPEC, con)


def test_valid_observations_pass(tmp_path: Path) -> None:
    outcome = validate_observations(tmp_path, [observation(), money_observation()])
    assert outcome.passed, outcome.failure_summary()
    assert outcome.rows == 2


@pytest.mark.parametrize(
    ("broken", "failing"),
    [
        ({"span_start": len(TEXT) - 1, "span_end": len(TEXT) + 3}, "check_span_inside_document"),
        ({"span_start": 5, "span_end": 3}, "check_span_inside_document"),
        ({"stated_text": "43%"}, "check_span_has_stated_number"),
        ({"indicator_code": "no_such_indicator"}, "check_indicator_resolves"),
        ({"document_id": "ffffffffffffffff"}, "check_document_resolves"),
        ({"geo_code": "99"}, "check_geo_resolves"),
        ({"period_code": "2031-Q5"}, "check_period_resolves"),
        ({"period_start": date(2024, 12, 31), "period_end": date(2024, 1, 1)}, "check_period_ordered"),
        ({"value": float("inf")}, "check_value_finite"),
        ({"value": float("nan")}, "expect_column_values_to_not_be_null(value)"),
        ({"unit": "percent_points"}, "expect_column_values_to_be_in_set(unit)"),
        ({"measure": "delta"}, "expect_column_values_to_be_in_set(measure)"),
        ({"qualifier": "roughly"}, "expect_column_values_to_be_in_set(qualifier)"),
        ({"segment": "village_level"}, "expect_column_values_to_be_in_set(segment)"),
        ({"observation_id": "o2"}, "expect_column_values_to_be_unique(observation_id)"),
    ],
)
def test_each_broken_rule_fails_its_expectation(tmp_path: Path, broken: dict[str, Any], failing: str) -> None:
    outcome = validate_observations(tmp_path, [observation(**broken), money_observation()])
    assert not outcome.passed
    failed = [e for e in outcome.failed if failing in e.expectation]
    assert len(failed) == 1, [e.expectation for e in outcome.failed]
    assert failed[0].unexpected_count in (1, 2)  # 2 only for the duplicated id
    assert failed[0].element_count == 2  # every row checked, not only the failing ones read
    assert failed[0].examples and failed[0].examples[0]["observation_id"] in ("o1", "o2")
    assert failing in outcome.failure_summary()


def test_a_missing_contract_column_fails_the_schema_expectation(tmp_path: Path) -> None:
    outcome = validate_observations(tmp_path, [observation()], drop_column="quality_status")
    [schema] = [e for e in outcome.failed if e.expectation.startswith("expect_table_columns_to_match_set")]
    assert schema.detail == "missing columns: quality_status"
    assert len(outcome.failed) == 1


def test_a_missing_table_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    warehouse = build_warehouse(tmp_path / "w.duckdb", [observation()])
    with duckdb.connect(str(warehouse)) as con:
        con.execute("drop table marts.dim_period")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        outcome = validate_suite(fct_observation_blocking.SPEC, con)
    assert not outcome.passed
    assert outcome.error is not None and "dim_period" in outcome.error


def test_document_suite_flags_unknown_status_and_duplicate_ids(tmp_path: Path) -> None:
    warehouse = build_warehouse(tmp_path / "w.duckdb", [observation()])
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "insert into marts.dim_document select * replace ('lost' as status) from marts.dim_document"
        )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        outcome = validate_suite(dim_document_blocking.SPEC, con)
    assert sorted(e.expectation for e in outcome.failed) == [
        "expect_column_values_to_be_in_set(status)",
        "expect_column_values_to_be_unique(document_id)",
    ]
