"""Re-running on the same input changes nothing, and an analyst's open connection neither blocks
the run nor sees it half-done."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SEEDS_DIR, invoke, table_rows

TABLES = (
    "staging.raw_documents",
    "staging.raw_document_context",
    "staging.raw_observations",
    "marts.dim_document",
    "marts.fct_observation",
)

# An analyst in another process: one query before the run, one after it.
READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
query = "select count(*), min(observation_id), max(observation_id) from marts.fct_observation"
print(con.execute(query).fetchone(), flush=True)
sys.stdin.readline()
print(con.execute(query).fetchone(), flush=True)
"""


def test_rerun_beside_an_open_reader_publishes_the_same_tables(warehouse_copy: Path) -> None:
    before = {table: table_rows(warehouse_copy, table) for table in TABLES}
    assert before["marts.fct_observation"]  # the comparison below is not vacuous
    inode_before = warehouse_copy.stat().st_ino
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(warehouse_copy)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdin is not None
        reader_before = reader.stdout.readline().strip()

        result = invoke("run", "--input", SEEDS_DIR, "--warehouse", warehouse_copy)

        assert result.code == 0, result.err
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == reader_before  # still answering, from its snapshot
        assert reader.wait(timeout=30) == 0
    finally:
        reader.kill()
        reader.wait()
    assert warehouse_copy.stat().st_ino != inode_before  # a new file was published...
    for table in TABLES:
        assert table_rows(warehouse_copy, table) == before[table], table  # ...with the same rows
    # Everything a run leaves besides the published file stays beside it.
    assert sorted(p.name for p in warehouse_copy.parent.iterdir()) == [
        ".dxw.lock",
        "build",
        "reports",  # the data-quality report each run writes
        "warehouse.duckdb",
    ]
    assert [p.name for p in (warehouse_copy.parent / "build").iterdir()] == ["dxw-run.log"]
