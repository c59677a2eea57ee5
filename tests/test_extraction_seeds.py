"""Extraction quality on the hand-labelled sample corpus, scored by the shared scorer."""

import json
import subprocess
import sys
from pathlib import Path

from dagster_project.extraction.evaluate import build_scoring_db

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def test_seed_corpus_scores(tmp_path):
    db = tmp_path / "score.duckdb"
    build_scoring_db(ROOT / "seeds", db)
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_facts.py"),
            "--warehouse",
            str(db),
            "--gold",
            str(SHARED / "gold" / "seeds.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scores = json.loads(out.strip().splitlines()[-1])
    assert scores["strict_f1"] >= 0.95
    assert scores["detection_f1"] >= 0.97
    done, total = scores["composition_links"].split("/")
    assert done == total
    ok, n = scores["document_subject_geo"].split("/")
    assert ok == n
