"""A run's checks audit what the run added or changed; warning counts stay true with a sampled frame."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
from test_quality_blocking_suites import build_warehouse, observation

from dagster_project.quality.gx_bridge import validate_suite
from dagster_project.quality.scope import AuditScope, changed_since
from dagster_project.quality.suites import fct_observation_blocking, fct_observation_warnings

OTHER_DOCUMENT = "d0c0000000000002"


def two_documents(path: Path, broken_in_other: bool) -> Path:
    """The blocking suites' warehouse plus a second document with the same text and one observation."""
    other = observation(observation_id="o9", document_id=OTHER_DOCUMENT)
    if broken_in_other:
        other = other | {"stated_text": "43%"}  # not the number at its span
    build_warehouse(path, [observation(), other])
    with duckdb.connect(str(path)) as con:
        con.execute(
            "insert into staging.raw_documents select * replace (? as document_id, 'b.txt' as file_name,"
            " 'b.txt' as file_path) from staging.raw_documents",
            [OTHER_DOCUMENT],
        )
        con.execute(
            "insert into marts.dim_document select * replace (? as document_id, 'b.txt' as file_name)"
            " from marts.dim_document",
            [OTHER_DOCUMENT],
        )
    return path


def test_a_scoped_audit_reads_only_its_documents_rows(tmp_path: Path) -> None:
    warehouse = two_documents(tmp_path / "w.duckdb", broken_in_other=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        whole = validate_suite(fct_observation_blocking.SPEC, con)
        scoped = validate_suite(fct_observation_blocking.SPEC, con, AuditScope(("d0c0000000000001",)))
    assert not whole.passed and whole.rows == 2
    assert "check_span_has_stated_number" in whole.failure_summary()
    assert scoped.passed, scoped.failure_summary()
    assert scoped.rows == 1
    assert scoped.scope == "the 1 document this run added or changed"


def test_a_scoped_audit_catches_a_broken_row_of_its_documents(tmp_path: Path) -> None:
    warehouse = two_documents(tmp_path / "w.duckdb", broken_in_other=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        outcome = validate_suite(fct_observation_blocking.SPEC, con, AuditScope((OTHER_DOCUMENT,)))
    assert not outcome.passed
    [failed] = outcome.failed
    assert failed.expectation == "check_span_has_stated_number"
    assert (failed.element_count, failed.unexpected_count) == (1, 1)
    assert failed.examples[0]["observation_id"] == "o9"


def test_an_empty_scope_audits_nothing_and_passes(tmp_path: Path) -> None:
    warehouse = two_documents(tmp_path / "w.duckdb", broken_in_other=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        outcome = validate_suite(fct_observation_blocking.SPEC, con, AuditScope(()))
    assert outcome.passed and outcome.rows == 0


def test_changed_documents_are_those_ingested_or_loaded_since_the_run_started(tmp_path: Path) -> None:
    started = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema staging")
        con.execute("create table staging.raw_documents (document_id varchar, ingested_at timestamp)")
        con.execute("create table staging.int_observations (document_id varchar, loaded_at timestamptz)")
        ingested = [("old", started - timedelta(days=1)), ("new_file", started + timedelta(seconds=1))]
        loaded = [("old", started - timedelta(days=1)), ("reloaded", started + timedelta(minutes=2))]
        con.executemany(
            "insert into staging.raw_documents values (?, ?)",
            [(d, t.replace(tzinfo=None)) for d, t in ingested],
        )
        con.executemany("insert into staging.int_observations values (?, ?)", loaded)
        scope = changed_since(con, started)
    assert scope.document_ids == ("new_file", "reloaded")


def rule_breaks_warehouse(path: Path, breaking: int, rows: int) -> Path:
    """``rows`` observations, the first ``breaking`` of which break percentage_in_range."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema staging")
        con.execute("create schema marts")
        con.execute(
            "create table marts.fct_observation as select 'o' || lpad(i::varchar, 4, '0') as observation_id,"
            " 'd' || (i % 7) as document_id, 'x' as indicator_code, 'VN' as geo_code, '2024' as period_code,"
            " 142.0 as value, 'percent' as unit, null::double as denominator, '142%' as stated_text,"
            " 'ok' as quality_status from range(?) t(i)",
            [rows],
        )
        con.execute(
            "create table staging.int_observation_rule_breaks as select document_id, observation_id,"
            " 'percentage_in_range' as rule_name, 3 as rule_order, 'why' as detail"
            " from marts.fct_observation order by observation_id limit ?",
            [breaking],
        )
    return path


def test_warning_counts_are_true_counts_though_gx_reads_a_sample(tmp_path: Path) -> None:
    breaking = fct_observation_warnings.SAMPLED_PER_RULE * 3
    warehouse = rule_breaks_warehouse(tmp_path / "w.duckdb", breaking=breaking, rows=200)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        sampled = len(con.execute(fct_observation_warnings.FRAME_SQL.replace("{scope}", "true")).fetchall())
        outcome = validate_suite(fct_observation_warnings.SPEC, con)
    assert sampled == fct_observation_warnings.SAMPLED_PER_RULE < breaking
    by_rule: dict[str, Any] = {e.expectation: e for e in outcome.expectations}
    assert (
        by_rule["percentage_in_range"].element_count,
        by_rule["percentage_in_range"].unexpected_count,
    ) == (
        200,
        breaking,
    )
    assert not by_rule["percentage_in_range"].success
    assert by_rule["sources_agree"].success and by_rule["sources_agree"].unexpected_count == 0
    assert outcome.failure_summary() == f"percentage_in_range: {breaking} rows"
