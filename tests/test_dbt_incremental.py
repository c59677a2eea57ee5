"""An incremental build after new, re-extracted and vanished documents equals a full rebuild, row for row,
while rewriting only the documents it has to."""

from __future__ import annotations

import shutil
from pathlib import Path

import dbt_fixtures as fx
import duckdb
from conftest_dbt import run_dbt
from test_dbt_warehouse import Warehouse, warehouse  # noqa: F401 (the session fixture)

# Every table an incremental model or its inputs feed, compared without the load timestamp.
COMPARED = (
    "staging.int_compositions",
    "staging.int_ratio_checks",
    "staging.int_cross_source",
    "staging.int_observation_rule_breaks",
    "marts.fct_observation_detail",
    "marts.fct_observation",
    "marts.fct_observation_current_geo",
    "marts.fct_cross_source",
    "marts.dim_document",
)

NEW_NATIONAL = "d0000000000000a1"  # a third source on the national 2024-H1 online-dossier rate
TEXT = "Trong 6 tháng đầu năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 90%.\n"


def add_national_rate(path: Path, observation_id: str = "vn90000000000001") -> None:
    """A third source on the national 2024-H1 online-dossier rate: 90%."""
    with duckdb.connect(str(path)) as con:
        fx.add_rate_document(
            con,
            document_id=NEW_NATIONAL,
            file_name="vn.txt",
            text=TEXT,
            subject_geo=None,
            period_code="2024-H1",
            observation_id=observation_id,
            geo_code="VN",
            percent=90,
        )


def build_incrementally_and_in_full(warehouse: Warehouse, tmp_path: Path, incremental: Path) -> None:  # noqa: F811
    """Build ``incremental`` as it is, and a copy of it with ``--full-refresh``; the two agree on
    every table an incremental model feeds."""
    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copyfile(incremental, rebuilt)
    for path, extra in ((incremental, []), (rebuilt, ["--full-refresh"])):
        result = run_dbt(
            ["build", *extra], duckdb_path=path, target_path=tmp_path / path.stem,
            project_dir=warehouse.project_dir,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-5000:]
    for table in COMPARED:
        assert table_rows(incremental, table) == table_rows(rebuilt, table), table


def add_documents(path: Path) -> None:
    """A new document joining a contradicting group (widening its range), one re-extracted, one emptied."""
    add_national_rate(path)
    with duckdb.connect(str(path)) as con:
        # Quảng Bình's article re-extracted by a newer extractor; 001's re-extraction found nothing.
        con.execute(
            "update staging.raw_document_context set extractor_version = 'fixture-2' where document_id in (?, ?)",
            [fx.D002, fx.D001],
        )
        con.execute("delete from staging.raw_observations where document_id = ?", [fx.D001])


def table_rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns where table_schema || '.' || table_name = ?"
                " and column_name <> 'loaded_at' order by ordinal_position",
                [table],
            ).fetchall()
        ]
        return con.execute(f"select {', '.join(columns)} from {table} order by all").fetchall()


def test_an_incremental_build_equals_a_full_rebuild(warehouse: Warehouse, tmp_path: Path) -> None:  # noqa: F811
    incremental = tmp_path / "incremental.duckdb"
    shutil.copyfile(warehouse.duckdb_path, incremental)
    add_documents(incremental)
    build_incrementally_and_in_full(warehouse, tmp_path, incremental)
    with duckdb.connect(str(incremental), read_only=True) as con:
        refreshed = {
            d for (d,) in con.execute("select document_id from staging.int_refreshed_documents").fetchall()
        }
        documents = {d for (d,) in con.execute("select document_id from marts.dim_document").fetchall()}
        dossier = con.execute(
            "select quality_status from marts.fct_observation where observation_id = 'vn90000000000001'"
        ).fetchall()
        emptied = con.execute("select count(*) from marts.fct_observation where document_id = ?", [fx.D001])
        assert emptied.fetchall() == [(0,)]
    assert dossier == [("sources_agree",)]
    # The new and re-extracted documents, and the other sources of the group whose range widened...
    assert {NEW_NATIONAL, fx.D002, fx.D000} <= refreshed
    # ...but not every document: the others' rows were left as they were.
    assert refreshed < documents


def test_a_build_with_nothing_new_refreshes_no_document(warehouse: Warehouse, tmp_path: Path) -> None:  # noqa: F811
    again = tmp_path / "again.duckdb"
    shutil.copyfile(warehouse.duckdb_path, again)
    result = run_dbt(
        ["build"], duckdb_path=again, target_path=tmp_path / "t", project_dir=warehouse.project_dir
    )
    assert result.returncode == 0, result.stdout[-5000:]
    with duckdb.connect(str(again), read_only=True) as con:
        assert con.execute("select count(*) from staging.int_refreshed_documents").fetchall() == [(0,)]
    assert table_rows(again, "marts.fct_observation") == table_rows(
        warehouse.duckdb_path, "marts.fct_observation"
    )
