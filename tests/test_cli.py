"""The dxw command: exit codes, what run publishes, query output, the report, the run lock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
from conftest import SEED_FILES, SEEDS_DIR, BuiltWarehouse, invoke, sha256_of

# From ../shared/spec/CONTRACT.md, in the contract's order.
FCT_OBSERVATION_CONTRACT_COLUMNS = [
    "observation_id", "document_id", "indicator_code", "geo_code", "segment", "period_code", "period_start",
    "period_end", "measure", "value", "unit", "denominator", "qualifier", "is_target", "component",
    "parent_observation_id", "program", "span_start", "span_end", "stated_text", "evidence", "quality_status",
]  # fmt: skip


def test_run_publishes_the_seeds(built_warehouse: BuiltWarehouse) -> None:
    run = built_warehouse.run
    assert run.code == 0, run.err
    assert f"published {built_warehouse.path}" in run.out
    assert "documents: 5 (ok 5)" in run.out
    assert "ingest: 5/5 documents" in run.err
    with duckdb.connect(str(built_warehouse.path), read_only=True) as con:
        documents = con.execute(
            "select file_name, status from marts.dim_document order by file_name"
        ).fetchall()
        observations = con.execute("select count(*) from marts.fct_observation").fetchone()
        columns = [c[0] for c in con.execute("select * from marts.fct_observation limit 0").description]
    assert documents == [(name, "ok") for name in SEED_FILES]
    assert observations is not None and observations[0] > 0
    assert sorted(columns) == sorted(FCT_OBSERVATION_CONTRACT_COLUMNS)


def test_run_leaves_no_working_copy_behind(built_warehouse: BuiltWarehouse) -> None:
    build = built_warehouse.path.parent / "build"
    assert [p.name for p in build.iterdir()] == ["dxw-run.log"]


def test_run_with_a_missing_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    result = invoke("run", "--input", tmp_path / "no-such-folder", "--warehouse", warehouse)
    assert result.code == 2
    assert "no-such-folder is not a directory" in result.err
    assert not warehouse.exists()


def test_query_without_a_warehouse_fails(tmp_path: Path) -> None:
    result = invoke("query", "select 1", "--warehouse", tmp_path / "missing.duckdb")
    assert result.code != 0
    assert "no warehouse at" in result.err


def test_query_prints_rows(built_warehouse: BuiltWarehouse) -> None:
    result = invoke(
        "query", "select file_name, status from marts.dim_document order by file_name", "--warehouse",
        built_warehouse.path,
    )  # fmt: skip
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split("|")[0].strip() == "file_name"
    assert [line.split("|")[0].strip() for line in lines[2:7]] == SEED_FILES
    assert lines[-1] == "(5 rows)"


def test_query_with_bad_sql_fails_with_the_error(built_warehouse: BuiltWarehouse) -> None:
    result = invoke("query", "select * from marts.no_such_table", "--warehouse", built_warehouse.path)
    assert result.code == 1
    assert "no_such_table" in result.err


def test_query_cannot_write(warehouse_copy: Path) -> None:
    before = sha256_of(warehouse_copy)
    result = invoke("query", "delete from marts.dim_document", "--warehouse", warehouse_copy)
    assert result.code == 1
    assert sha256_of(warehouse_copy) == before


def test_report_escapes_document_text(warehouse_copy: Path) -> None:
    hostile = '<script>alert("x")</script> Báo cáo & số liệu'
    with duckdb.connect(str(warehouse_copy)) as con:
        con.execute("update marts.dim_document set title = ? where file_name = ?", [hostile, SEED_FILES[0]])
    result = invoke("report", "--warehouse", warehouse_copy)
    assert result.code == 0, result.err
    report = Path(result.out.strip().splitlines()[-1])
    assert report.is_file()
    assert report.parent == warehouse_copy.parent / "reports"
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Báo cáo &amp; số liệu" in html
    assert "<script>" not in html
    for check in ("fct_observation_blocking", "dim_document_blocking"):
        assert check in html
    for seed in SEED_FILES:
        assert seed in html


def test_second_run_refuses_while_the_lock_is_held(warehouse_copy: Path) -> None:
    lock = warehouse_copy.parent / ".dxw.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, sys, time\n"
         f"handle = open({str(lock)!r}, 'a')\n"
         "fcntl.flock(handle, fcntl.LOCK_EX)\n"
         "print('locked', flush=True)\n"
         "time.sleep(120)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        before = sha256_of(warehouse_copy)
        started = time.monotonic()
        result = invoke("run", "--input", SEEDS_DIR, "--warehouse", warehouse_copy)
        assert result.code == 3
        assert time.monotonic() - started < 10
        assert "another dxw run holds" in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert sha256_of(warehouse_copy) == before
    finally:
        holder.kill()
        holder.wait()
