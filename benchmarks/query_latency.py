"""Latency of the example queries (``queries/*.sql``) on the benchmark warehouse.

    python -m benchmarks.query_latency [--count 100000] [--repeat 3]

For each query: the median wall time of ``dxw query`` as an analyst runs it
(a new process: Python start-up and imports included, the table printed and
read to its end) with the peak memory of its process, and of the query alone
on an open read-only DuckDB connection, and the number of rows.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import duckdb

from benchmarks.measure import ROOT, run_dxw


def query_seconds(warehouse: Path, sql: str, repeat: int) -> tuple[float, int]:
    timings, rows = [], 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for _ in range(repeat):
            started = time.perf_counter()
            cursor, rows = con.execute(sql), 0
            # In chunks: query 05 returns millions of rows on the 100 000-document warehouse.
            while chunk := cursor.fetchmany(100_000):
                rows += len(chunk)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--warehouse", type=Path, help="default: benchmarks/out/warehouse_<count>/warehouse.duckdb"
    )
    ap.add_argument("--skip", action="append", default=[], help="a query file name to leave out (repeatable)")
    args = ap.parse_args()
    warehouse = args.warehouse or ROOT / "benchmarks" / "out" / f"warehouse_{args.count}" / "warehouse.duckdb"
    if not warehouse.is_file():
        raise SystemExit(f"no {warehouse}: run `python -m benchmarks.full_run --count {args.count}` first")
    print(f"warehouse {warehouse} ({warehouse.stat().st_size / 1e6:.0f} MB)")
    print(f"{'query':<50} {'dxw query':>10} {'peak MB':>8} {'SQL only':>10} {'rows':>8}")
    for path in sorted((ROOT / "queries").glob("*.sql")):
        if path.name in args.skip:
            print(f"{path.name:<50} skipped")
            continue
        sql = path.read_text(encoding="utf-8")
        cli_timings, peak = [], 0.0
        for _ in range(args.repeat):
            result = run_dxw("query", sql, "--warehouse", warehouse, echo_stderr=False, keep_stdout=False)
            if result.code != 0:
                raise SystemExit(f"{path.name}: dxw query exited {result.code}: {result.stderr}")
            cli_timings.append(result.seconds)
            peak = max(peak, result.peak_tree_mb)
        sql_only, rows = query_seconds(warehouse, sql, args.repeat)
        print(
            f"{path.name:<50} {statistics.median(cli_timings):9.2f}s {peak:8.0f} {sql_only:9.3f}s {rows:8d}",
            flush=True,
        )


if __name__ == "__main__":
    main()
