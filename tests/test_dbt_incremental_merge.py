"""The cheap paths of an incremental build still give a full rebuild's answer.

* A group that only gains a new document's figure is merged (stored counts, range and
  id lists plus the new figure), not recomputed, and equals a full rebuild.
* Data tests narrowed to the rows a build rewrote (macros/audit_scope.sql) still fail
  when a new row collides with an old one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dbt_fixtures as fx
import duckdb
from conftest_dbt import run_dbt, run_results
from test_dbt_incremental import add_national_rate, build_incrementally_and_in_full
from test_dbt_warehouse import Warehouse, warehouse  # noqa: F401 (the session fixture)

NEW_OBSERVATION = "vn90000000000001"


def national_group(path: Path) -> tuple[str, int, int, float, float, bool]:
    """The national 2024-H1 online-dossier rate group: key, documents, figures, range, verdict."""
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(
            """
            select comparison_key, document_count, observation_count, min_value, max_value, is_consistent
            from staging.int_cross_source
            where indicator_code = 'online_dossier_rate' and geo_code = 'VN' and period_code = '2024-H1'
                and segment = 'all' and measure = 'level' and not is_target
            """
        ).fetchone()
    assert row is not None
    return row


def test_a_group_gaining_a_new_document_is_merged_and_equals_a_full_rebuild(
    warehouse: Warehouse,  # noqa: F811
    tmp_path: Path,
) -> None:
    incremental = tmp_path / "incremental.duckdb"
    shutil.copyfile(warehouse.duckdb_path, incremental)
    before = national_group(incremental)
    add_national_rate(incremental, NEW_OBSERVATION)
    build_incrementally_and_in_full(warehouse, tmp_path, incremental)
    key, documents, figures, low, high, _ = national_group(incremental)
    assert (key, documents, figures) == (before[0], before[1] + 1, before[2] + 1)
    assert (low, high) == (min(before[3], 90.0), 90.0)
    with duckdb.connect(str(incremental), read_only=True) as con:
        merged = con.execute(
            "select is_merge from staging.int_touched_comparison_keys where comparison_key = ?", [key]
        ).fetchall()
        ids = con.execute(
            "select observation_ids from staging.int_cross_source where comparison_key = ?", [key]
        ).fetchone()
    assert merged == [(True,)]
    assert ids is not None and NEW_OBSERVATION in ids[0].split(",")
    assert ids[0].split(",") == sorted(ids[0].split(","))


def test_a_new_row_colliding_with_an_old_one_fails_the_narrowed_unique_tests(
    warehouse: Warehouse,  # noqa: F811
    tmp_path: Path,
) -> None:
    colliding = tmp_path / "colliding.duckdb"
    shutil.copyfile(warehouse.duckdb_path, colliding)
    with duckdb.connect(str(colliding), read_only=True) as con:
        old = con.execute(
            "select observation_id from marts.fct_observation where document_id = ? order by 1 limit 1",
            [fx.D000],
        ).fetchone()
    assert old is not None
    add_national_rate(colliding, old[0])
    target = tmp_path / "target"
    built = run_dbt(["run"], duckdb_path=colliding, target_path=target, project_dir=warehouse.project_dir)
    assert built.returncode == 0, built.stdout[-5000:]
    tested = run_dbt(
        ["test", "--select", "int_observations", "fct_observation"],
        duckdb_path=colliding, target_path=target, project_dir=warehouse.project_dir,
    )  # fmt: skip
    assert tested.returncode != 0
    statuses = {r["unique_id"].split(".")[2]: r["status"] for r in run_results(target)}
    assert statuses["unique_int_observations_observation_id"] == "fail"
    assert statuses["unique_fct_observation_observation_id"] == "fail"
    # Narrowed: they read the rewritten documents' rows and their namesakes, not the whole table.
    compiled = next(target.rglob("unique_fct_observation_observation_id.sql")).read_text()
    assert "int_refreshed_documents" in compiled
