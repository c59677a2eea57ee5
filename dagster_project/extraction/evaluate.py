"""Score the extractor alone against hand labels, without building the warehouse.

    python -m dagster_project.extraction.evaluate --input seeds \
        --gold ../shared/gold/seeds.jsonl [--show-misses]

Extracts every file under --input into a throw-away DuckDB holding the two
tables the scorer reads (marts.fct_observation, marts.dim_document), then runs
the shared scorer (``score_facts.py``, found beside the gold file's folder).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

from dagster_project.extraction import extract_document
from dagster_project.ingest import ingest_file, list_input_files
from dagster_project.schema import RAW_OBSERVATIONS_DDL, Observation, column_names


def build_scoring_db(input_dir: Path, db_path: Path) -> int:
    con = duckdb.connect(str(db_path))
    con.execute("create schema marts")
    cols = column_names(Observation)
    con.execute(RAW_OBSERVATIONS_DDL.replace("staging.raw_observations", "marts.fct_observation"))
    con.execute(
        "create table marts.dim_document (document_id varchar, file_name varchar, subject_geo_code varchar)"
    )
    n = 0
    for path in list_input_files(input_dir):
        doc = ingest_file(path, input_dir)
        if doc.status != "ok":
            continue
        result = extract_document(doc)
        con.execute(
            "insert into marts.dim_document values (?, ?, ?)",
            [doc.document_id, doc.file_name, result.context.subject_geo_code],
        )
        rows = [[getattr(o, c) for c in cols] for o in result.observations]
        if rows:
            con.executemany(f"insert into marts.fct_observation values ({', '.join('?' * len(cols))})", rows)
        n += len(rows)
    con.close()
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=Path("seeds"))
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--scorer", type=Path, help="score_facts.py (default: ../tools/ beside the gold folder)")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    scorer = args.scorer or args.gold.resolve().parent.parent / "tools" / "score_facts.py"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "score.duckdb"
        build_scoring_db(args.input, db)
        cmd = [sys.executable, str(scorer), "--warehouse", str(db), "--gold", str(args.gold)]
        if args.show_misses:
            cmd.append("--show-misses")
        return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
