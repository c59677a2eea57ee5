"""The published warehouse of the sample corpus, as analysts use it.

Each example question in ``queries/`` runs through ``dxw query`` on the
warehouse built from ``seeds/`` and returns rows; the published figures agree
with the hand labels; dbt's documentation site builds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import REPO_ROOT, BuiltWarehouse, invoke

from tests.extraction_helpers import score_against_seed_labels

QUERIES = sorted((REPO_ROOT / "queries").glob("*.sql"))


def test_there_are_ten_example_questions_in_two_languages():
    assert len(QUERIES) == 10
    for path in QUERIES:
        head = path.read_text(encoding="utf-8").splitlines()[:6]
        assert any(line.startswith("-- VI:") for line in head), path.name
        assert any(line.startswith("-- EN:") for line in head), path.name


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_query_returns_rows_on_the_seeds(built_warehouse: BuiltWarehouse, query: Path):
    assert built_warehouse.run.code == 0, built_warehouse.run.err
    with duckdb.connect(str(built_warehouse.path), read_only=True) as con:
        rows = con.execute(query.read_text(encoding="utf-8")).fetchall()
    assert rows, f"{query.name} returned no rows on the sample corpus"


def test_dxw_query_prints_the_rows_of_an_example(built_warehouse: BuiltWarehouse):
    sql = (REPO_ROOT / "queries" / "02_de_an_06_task_completion_by_province.sql").read_text(encoding="utf-8")
    result = invoke("query", sql, "--warehouse", built_warehouse.path)
    assert result.code == 0, result.err
    assert "Tuyên Quang" in result.out  # Đề án 06: 73 tasks = 32 + 38 + 3 in Tuyên Quang


def test_published_figures_score_against_the_hand_labels(built_warehouse: BuiltWarehouse):
    scores = score_against_seed_labels(built_warehouse.path)
    assert scores["strict_f1"] >= 0.95
    assert scores["missing_columns"] == []


def test_dbt_docs_generate(built_warehouse: BuiltWarehouse, tmp_path: Path):
    copy = tmp_path / "warehouse.duckdb"
    copy.write_bytes(built_warehouse.path.read_bytes())
    env = dict(os.environ, DXW_DUCKDB_PATH=str(copy))
    dbt = Path(sys.executable).with_name("dbt")
    subprocess.run(
        [
            str(dbt),
            "docs",
            "generate",
            "--project-dir",
            str(REPO_ROOT / "dbt"),
            "--profiles-dir",
            str(REPO_ROOT / "dbt"),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    catalog = json.loads((tmp_path / "target" / "catalog.json").read_text(encoding="utf-8"))
    assert "model.dxw.fct_observation" in catalog["nodes"]
    assert (tmp_path / "target" / "index.html").exists()
