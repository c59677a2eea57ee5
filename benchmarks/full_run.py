"""A full ``dxw run`` on a generated corpus: wall time, documents/s, peak memory.

    python -m benchmarks.full_run [--count 100000] [--workers N]

Generates ``benchmarks/out/docs_<count>/`` on first use (about 5 kB a
document), builds a fresh warehouse at ``benchmarks/out/warehouse_<count>/``
(kept for ``incremental_run`` and ``query_latency``) and prints the figures.
Targets for 100 000 documents on 2 cores: at most 15 minutes, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil

from benchmarks.measure import ROOT, corpus, folder_megabytes, run_dxw

TARGET_SECONDS_PER_100K = 15 * 60
TARGET_PEAK_MB = 2000


def stage_summaries(stderr: str) -> list[str]:
    """The summary line of each stage ("extract: 100/100 documents in ...", "dbt build: done in ...")."""
    return [line for line in stderr.splitlines() if re.search(r" in [0-9.]+ s \(|: done in ", line)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--workers", type=int, help="extraction processes (default: one per core)")
    args = ap.parse_args()
    if args.workers:
        os.environ["DXW_WORKERS"] = str(args.workers)
    documents = corpus(args.count)
    warehouse = ROOT / "benchmarks" / "out" / f"warehouse_{args.count}" / "warehouse.duckdb"
    shutil.rmtree(warehouse.parent, ignore_errors=True)

    result = run_dxw("run", "--input", documents, "--warehouse", warehouse)

    megabytes = folder_megabytes(documents)
    target = TARGET_SECONDS_PER_100K * args.count / 100_000
    print(f"\nfull run: {args.count} documents, {megabytes:.0f} MB, {os.cpu_count()} cores")
    print(f"exit code          {result.code}")
    print(
        f"wall time          {result.seconds:.0f} s ({result.seconds / 60:.1f} min;"
        f" target {target / 60:.1f} min)"
    )
    print(
        f"throughput         {args.count / result.seconds:.1f} documents/s,"
        f" {megabytes / result.seconds:.2f} MB/s"
    )
    print(
        f"peak memory        {result.peak_tree_mb:.0f} MB all processes (target < {TARGET_PEAK_MB} MB); "
        f"largest single process {result.max_single_process_mb:.0f} MB"
    )
    print(
        f"cpu time           {result.cpu_seconds:.0f} s, all processes"
        f" ({args.count / max(result.cpu_seconds, 1e-9):.1f} documents per cpu-second)"
    )
    print(
        f"warehouse file     {warehouse.stat().st_size / 1e6:.0f} MB"
        if warehouse.exists()
        else "not published"
    )
    for line in stage_summaries(result.stderr):
        print(f"  {line}")
    print(result.stdout)


if __name__ == "__main__":
    main()
