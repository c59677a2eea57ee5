"""The dbt warehouse built on a hand-labelled staging corpus (tests/dbt_fixtures.py).

One ``dbt build`` per session (a copy of the project with one hand correction
in its overrides seed); every test reads the resulting DuckDB file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dbt_fixtures as fx
import duckdb
import pytest
from conftest_dbt import QUERIES_DIR, copy_dbt_project, run_dbt, run_results

OVERRIDE_REASON = "the article says 55/63, the extractor misread 65"

CONTRACT_OBSERVATION_COLUMNS = [
    "observation_id", "document_id", "indicator_code", "geo_code", "segment", "period_code", "period_start",
    "period_end", "measure", "value", "unit", "denominator", "qualifier", "is_target", "component",
    "parent_observation_id", "program", "span_start", "span_end", "stated_text", "evidence", "quality_status",
]  # fmt: skip
CONTRACT_DOCUMENT_COLUMNS = [
    "document_id", "file_name", "title", "publisher", "published_date", "subject_geo_code",
    "report_period_code", "char_count", "status", "status_detail", "ingested_at",
]  # fmt: skip


class Warehouse:
    """The built fixture warehouse and where its build wrote its artifacts."""

    def __init__(self, duckdb_path: Path, project_dir: Path, target_path: Path) -> None:
        self.duckdb_path = duckdb_path
        self.project_dir = project_dir
        self.target_path = target_path

    def rows(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with duckdb.connect(str(self.duckdb_path), read_only=True) as connection:
            return connection.execute(sql, params or []).fetchall()

    def value(self, sql: str, params: list[Any] | None = None) -> Any:
        (row,) = self.rows(sql, params)
        return row[0]


def oid(key: str) -> str:
    return fx.observation_id(key)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    root = tmp_path_factory.mktemp("dbt_warehouse")
    project_dir = copy_dbt_project(root / "dbt")
    overrides = project_dir / "seeds" / "observation_overrides.csv"
    with overrides.open("a", encoding="utf-8") as seed:
        seed.write(f'{oid("planted_65_of_63")},,,,55,,,,,,,,,"{OVERRIDE_REASON}",fixture reviewer\n')
    duckdb_path = root / "warehouse.duckdb"
    fx.write_fixture_warehouse(str(duckdb_path))
    target_path = root / "target"
    result = run_dbt(["build"], duckdb_path=duckdb_path, target_path=target_path, project_dir=project_dir)
    assert result.returncode == 0, result.stdout[-5000:]
    yield Warehouse(duckdb_path, project_dir, target_path)


def status_of(warehouse: Warehouse, key: str) -> str:
    return str(
        warehouse.value(
            "select quality_status from marts.fct_observation where observation_id = ?", [oid(key)]
        )
    )


def test_every_dbt_test_passes(warehouse: Warehouse) -> None:
    results = run_results(warehouse.target_path)
    tests = [r for r in results if r["unique_id"].startswith("test.")]
    assert len(tests) > 100
    assert [r["unique_id"] for r in results if r["status"] not in ("pass", "success")] == []


def test_marts_start_with_the_contract_columns_in_order(warehouse: Warehouse) -> None:
    def columns(table: str) -> list[str]:
        rows = warehouse.rows(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = ? order by ordinal_position",
            [table],
        )
        return [name for (name,) in rows]

    assert columns("fct_observation") == CONTRACT_OBSERVATION_COLUMNS
    assert columns("dim_document")[: len(CONTRACT_DOCUMENT_COLUMNS)] == CONTRACT_DOCUMENT_COLUMNS


def test_dim_geography_holds_vn_the_63_and_the_34_units(warehouse: Warehouse) -> None:
    counts = dict(warehouse.rows("select map_version, count(*) from marts.dim_geography group by 1"))
    assert counts == {"national": 1, "provinces_63": 63, "provinces_34": 34}
    assert warehouse.value("select count(distinct geo_key) from marts.dim_geography") == 98


def test_every_old_unit_maps_to_exactly_one_current_unit(warehouse: Warehouse) -> None:
    per_old_unit = warehouse.rows(
        """
        select old.geo_key, count(new.geo_key)
        from marts.dim_geography as old
        left join marts.dim_geography as new
            on new.geo_key = old.successor_geo_key and new.map_version = 'provinces_34'
        where old.map_version = 'provinces_63'
        group by old.geo_key
        """
    )
    assert len(per_old_unit) == 63
    assert {count for _key, count in per_old_unit} == {1}
    successors = dict(
        warehouse.rows(
            "select geo_key, successor_name from marts.dim_geography where geo_key in (?, ?, ?, ?)",
            ["p63_44", "p63_45", "p63_02", "VN"],
        )
    )
    assert successors == {
        "p63_44": "Quảng Trị",
        "p63_45": "Quảng Trị",
        "p63_02": "Tuyên Quang",
        "VN": "Việt Nam",
    }


def test_planted_composition_gap_is_flagged_on_the_whole_and_its_parts(warehouse: Warehouse) -> None:
    whole, parts_sum, difference, consistent = warehouse.rows(
        "select whole_value, sum_of_parts, difference, is_consistent from marts.fct_composition "
        "where whole_observation_id = ?",
        [oid("tq_tasks_total")],
    )[0]
    assert (whole, parts_sum, difference, consistent) == (73.0, 71.0, -2.0, False)
    for key in ("tq_tasks_total", "tq_tasks_completed", "tq_tasks_in_progress", "tq_tasks_not_started"):
        assert status_of(warehouse, key) == "parts_sum_to_whole"


def test_composition_that_adds_up_is_consistent(warehouse: Warehouse) -> None:
    row = warehouse.rows(
        "select sum_of_parts, difference, is_consistent from marts.fct_composition "
        "where whole_observation_id = ?",
        [oid("platforms_total")],
    )
    assert row == [(35.0, 0.0, True)]
    assert status_of(warehouse, "platforms_official") == "ok"


def test_partial_parts_below_the_whole_are_not_flagged(warehouse: Warehouse) -> None:
    # 13 of 20 targets achieved: only one part stated, and it is below the whole.
    row = warehouse.rows(
        "select parts_are_exhaustive, is_consistent from marts.fct_composition "
        "where whole_observation_id = ?",
        [oid("lc_targets_total")],
    )
    assert row == [(False, True)]


def test_ratio_next_to_a_wrong_percentage_is_flagged_and_a_rounded_one_is_not(warehouse: Warehouse) -> None:
    checks = {
        percent_id: (stated, consistent)
        for percent_id, stated, consistent in warehouse.rows(
            "select percent_observation_id, stated_percent, is_consistent from marts.fct_ratio_check"
        )
    }
    assert checks[oid("lc_service_rate")] == (89.5, True)
    assert checks[oid("planted_rate_92")] == (92.0, False)
    assert checks[oid("lc_ocop_rate")] == (98.6, True)
    assert status_of(warehouse, "planted_rate_92") == "ratio_matches_percentage"
    assert status_of(warehouse, "planted_procedures") == "ratio_matches_percentage"
    assert status_of(warehouse, "lc_procedures") == "ok"
    assert status_of(warehouse, "lc_service_rate") == "ok"


def test_contradicting_sources_are_flagged_and_a_lower_bound_that_holds_is_not(warehouse: Warehouse) -> None:
    groups = {
        indicator: (documents, low, high, consistent)
        for indicator, documents, low, high, consistent in warehouse.rows(
            "select indicator_code, document_count, min_value, max_value, is_consistent "
            "from marts.fct_cross_source "
            "where geo_code = 'VN' and period_code = '2024-H1' and segment = 'all'"
        )
    }
    assert groups["online_dossier_rate"] == (2, 30.0, 42.0, False)
    assert groups["ict_revenue"] == (2, 1.9e15, 1.928311e15, True)
    assert status_of(warehouse, "vn_dossier_contradiction") == "sources_agree"
    assert status_of(warehouse, "vn_dossier_2024h1") == "sources_agree"
    assert status_of(warehouse, "ict_revenue_004") == "ok"
    assert status_of(warehouse, "ict_revenue_000") == "ok"


def test_percent_out_of_range_and_numerator_above_denominator(warehouse: Warehouse) -> None:
    assert status_of(warehouse, "planted_120") == "percentage_in_range"
    assert status_of(warehouse, "planted_64_of_63") == "numerator_not_above_denominator"


def test_override_corrects_value_keeps_id_and_says_why(warehouse: Warehouse) -> None:
    row = warehouse.rows(
        "select value, denominator, is_corrected, override_reason, quality_status from marts.fct_observation_detail "
        "where observation_id = ?",
        [oid("planted_65_of_63")],
    )
    # Corrected to 55/63 the figure no longer exceeds its denominator.
    assert row == [(55.0, 63.0, True, OVERRIDE_REASON, "ok")]
    assert warehouse.value("select count(*) from marts.fct_observation_detail where is_corrected") == 1


def test_current_geo_rolls_quang_binh_and_old_quang_tri_up_to_code_44(warehouse: Warehouse) -> None:
    rows = warehouse.rows(
        "select observation_id, geo_key, current_geo_code, current_geo_name "
        "from marts.fct_observation_current_geo where current_geo_code = '44'"
    )
    by_id = {observation: (geo_key, code, name) for observation, geo_key, code, name in rows}
    assert by_id[oid("qb_overdue")] == ("p63_44", "44", "Quảng Trị")
    assert by_id[oid("qt_2024_rate")] == ("p63_45", "44", "Quảng Trị")
    assert by_id[oid("qt_2025_rate")] == ("p34_44", "44", "Quảng Trị")
    assert len(rows) == 4  # the two Quảng Bình figures, old Quảng Trị, new Quảng Trị


def test_dim_document_keeps_one_row_per_document_named_by_its_first_file(warehouse: Warehouse) -> None:
    assert warehouse.value("select count(*) from marts.dim_document") == len(fx.DOCUMENT_FILES) + 1
    row = warehouse.rows(
        "select file_name, file_count, subject_geo_code, report_period_code from marts.dim_document "
        "where document_id = ?",
        [fx.D000],
    )
    assert row == [("000_093ff63eb5de6e19.txt", 2, "08", "2024-H1")]
    assert (
        warehouse.value("select status from marts.dim_document where document_id = ?", [fx.D_EMPTY])
        == "empty"
    )


def test_dim_period_parses_every_code_shape(warehouse: Warehouse) -> None:
    periods = {
        code: rest
        for code, *rest in warehouse.rows(
            "select period_code, grain, strftime(period_start, '%Y-%m-%d'), "
            "strftime(period_end, '%Y-%m-%d'), year, half, quarter, month from marts.dim_period"
        )
    }
    assert periods["2024"] == ["year", "2024-01-01", "2024-12-31", 2024, None, None, None]
    assert periods["2024-H1"] == ["half", "2024-01-01", "2024-06-30", 2024, 1, None, None]
    assert periods["2025-Q3"] == ["quarter", "2025-07-01", "2025-09-30", 2025, 2, 3, None]
    assert periods["2024-09"] == ["month", "2024-09-01", "2024-09-30", 2024, 2, 3, 9]
    assert periods["2024-10-09"] == ["day", "2024-10-09", "2024-10-09", 2024, 2, 4, 10]
    assert periods["2021/2025"] == ["multi_year", "2021-01-01", "2025-12-31", 2021, None, None, None]


def test_dim_indicator_is_the_catalog_plus_unclassified(warehouse: Warehouse) -> None:
    catalog_rows = (
        (warehouse.project_dir / "seeds" / "indicators.csv").read_text(encoding="utf-8").splitlines()
    )
    assert warehouse.value("select count(*) from marts.dim_indicator") == len(catalog_rows) - 1 + 1
    assert (
        warehouse.value("select pillar from marts.dim_indicator where indicator_code = 'unclassified'")
        == "unclassified"
    )


QUERY_FILES = sorted(QUERIES_DIR.glob("*.sql"))


def test_there_are_ten_queries_each_opening_with_the_question_in_two_languages() -> None:
    assert len(QUERY_FILES) == 10
    for path in QUERY_FILES:
        first, second = path.read_text(encoding="utf-8").splitlines()[:2]
        assert first.startswith("-- VI: ") and second.startswith("-- EN: "), path.name


@pytest.mark.parametrize("query_file", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_query_returns_rows_on_the_fixture_warehouse(warehouse: Warehouse, query_file: Path) -> None:
    assert len(warehouse.rows(query_file.read_text(encoding="utf-8"))) > 0


def test_second_build_rewrites_only_new_and_reextracted_documents(
    warehouse: Warehouse, tmp_path: Path
) -> None:
    duckdb_path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse.duckdb_path, duckdb_path)
    new_document = "d00000000000000d"
    text = "Năm 2024, Hà Nội có 80% hồ sơ được xử lý trực tuyến.\n"
    with duckdb.connect(str(duckdb_path)) as connection:
        before = dict(connection.execute(
            "select document_id, max(loaded_at) from staging.int_observations group by 1"
        ).fetchall())  # fmt: skip
        fx.add_rate_document(
            connection,
            document_id=new_document,
            file_name="hanoi.txt",
            text=text,
            subject_geo="01",
            period_code="2024",
            observation_id="hanoi00000000001",
            geo_code="01",
            percent=80,
        )
        # Quảng Bình's article re-extracted by a newer extractor.
        connection.execute(
            "update staging.raw_document_context set extractor_version = 'fixture-2' where document_id = ?",
            [fx.D002],
        )
    target_path = tmp_path / "target"
    result = run_dbt(
        ["build"], duckdb_path=duckdb_path, target_path=target_path, project_dir=warehouse.project_dir
    )
    assert result.returncode == 0, result.stdout[-5000:]
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        after = dict(connection.execute(
            "select document_id, max(loaded_at) from staging.int_observations group by 1"
        ).fetchall())  # fmt: skip
        new_fact = connection.execute(
            "select value, geo_key from marts.fct_observation_detail where document_id = ?", [new_document]
        ).fetchall()
    rebuilt = {document for document in after if after[document] != before.get(document)}
    assert rebuilt == {new_document, fx.D002}
    assert new_fact == [(80.0, "p63_01")]


def test_problem_queries_list_the_planted_problems_first(warehouse: Warehouse) -> None:
    disagreements = warehouse.rows(
        (QUERIES_DIR / "05_where_sources_disagree.sql").read_text(encoding="utf-8")
    )
    assert [(row[0], row[1], row[6]) for row in disagreements[:2]] == [
        (True, "online_dossier_rate", 30.0),
        (True, "online_dossier_rate", 42.0),
    ]
    assert not disagreements[2][0]
    compositions = warehouse.rows(
        (QUERIES_DIR / "06_compositions_that_do_not_add_up.sql").read_text(encoding="utf-8")
    )
    assert compositions[0][:2] == (True, "program_tasks")
    assert compositions[0][8] == -2.0
    assert [row[0] for row in compositions[1:]] == [False, False]
