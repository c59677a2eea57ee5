"""The cost of adding 100 documents: to the big warehouse of ``full_run`` versus to an empty one.

    python -m benchmarks.incremental_run [--count 100000] [--new 100]

Needs ``benchmarks/out/warehouse_<count>/`` (run ``benchmarks.full_run`` first);
works on copies. If that warehouse was built by older code (no file ledger), it
is first brought up to date, untimed, by a run over the corpus it was built
from: the steady state of a warehouse whose runs recorded the files they read.
Three timed runs:

* empty: a new warehouse, the input folder holds only the new documents;
* big, inbox: a copy of the big warehouse, the input folder holds the whole
  corpus plus the new documents (what the sensor and the schedule see: every
  file is listed and hashed, the known versions are skipped);
* big, new only: a copy of the big warehouse, the input folder holds only the new documents.

Target: the big runs take at most 1.5x the empty one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import duckdb

from benchmarks.full_run import stage_summaries
from benchmarks.measure import ROOT, Measured, corpus, run_dxw

TARGET_RATIO = 1.5
OUT = ROOT / "benchmarks" / "out"


def linked_inbox(folders: list[Path], inbox: Path) -> Path:
    """One input folder with every file of ``folders`` hard-linked at its relative path (no copying)."""
    if (inbox / ".complete").exists():
        return inbox
    shutil.rmtree(inbox, ignore_errors=True)
    for folder in folders:
        for path in folder.rglob("*.txt"):
            target = inbox / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)
    (inbox / ".complete").touch()
    return inbox


def timed_run(label: str, input_dir: Path, warehouse: Path, start_from: Path | None) -> Measured:
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    warehouse.parent.mkdir(parents=True)
    if start_from is not None:
        shutil.copy2(start_from, warehouse)
    print(f"\n== {label}", file=sys.stderr, flush=True)
    result = run_dxw("run", "--input", input_dir, "--warehouse", warehouse)
    if result.code != 0:
        raise SystemExit(f"{label}: dxw run exited {result.code}\n{result.stderr}")
    return result


def bring_up_to_date(big: Path, existing: Path, count: int) -> None:
    """A run over the corpus ``big`` was built from, unless ``big`` already records that corpus' files.

    It ingests nothing new; it records every file in the scan's ledger (the inbox below hard-links
    the same files) and lets the current dbt project rebuild what changed shape.
    """
    with duckdb.connect(str(big), read_only=True) as con:
        has_ledger = con.execute(
            "select count(*) from information_schema.tables"
            " where table_schema = 'staging' and table_name = 'file_ledger'"
        ).fetchone()
        ledger = "select count(*) from staging.file_ledger"
        recorded = con.execute(ledger).fetchone() if has_ledger and has_ledger[0] else None
    if recorded is not None and recorded[0] >= count:
        return
    print(f"\n== bringing {big} up to date (untimed)", file=sys.stderr, flush=True)
    result = run_dxw("run", "--input", existing, "--warehouse", big)
    if result.code != 0:
        raise SystemExit(f"bringing {big} up to date: dxw run exited {result.code}\n{result.stderr}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=100)
    args = ap.parse_args()
    big = OUT / f"warehouse_{args.count}" / "warehouse.duckdb"
    if not big.is_file():
        raise SystemExit(f"no {big}: run `python -m benchmarks.full_run --count {args.count}` first")
    existing = corpus(args.count)
    bring_up_to_date(big, existing, args.count)
    new = corpus(args.new, start=args.count, name=f"new_{args.new}_after_{args.count}")
    inbox = linked_inbox([existing, new], OUT / f"inbox_{args.count}_plus_{args.new}")

    empty = timed_run("empty warehouse", new, OUT / "incremental_empty" / "warehouse.duckdb", None)
    big_inbox = timed_run(
        "big warehouse, whole inbox", inbox, OUT / "incremental_big" / "warehouse.duckdb", big
    )
    big_new = timed_run(
        "big warehouse, new files only", new, OUT / "incremental_big" / "warehouse.duckdb", big
    )

    print(f"\nadding {args.new} documents (warehouse of {args.count}: {big.stat().st_size / 1e6:.0f} MB)")
    for label, result in (("empty", empty), ("big, inbox", big_inbox), ("big, new only", big_new)):
        ratio = result.seconds / empty.seconds
        print(f"{label:<15} {result.seconds:6.1f} s   {ratio:.2f}x   peak {result.peak_tree_mb:.0f} MB")
        for line in stage_summaries(result.stderr):
            print(f"    {line}")
    worst = max(big_inbox.seconds, big_new.seconds) / empty.seconds
    verdict = "met" if worst <= TARGET_RATIO else "NOT met"
    print(f"target <= {TARGET_RATIO}x: {verdict} (worst {worst:.2f}x)")


if __name__ == "__main__":
    main()
