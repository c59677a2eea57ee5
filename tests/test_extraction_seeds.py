"""Extraction quality on the hand-labelled sample corpus, scored by the shared scorer."""

from pathlib import Path

from dagster_project.extraction.evaluate import build_scoring_db
from tests.extraction_helpers import score_against_seed_labels

ROOT = Path(__file__).resolve().parents[1]


def test_seed_corpus_scores(tmp_path):
    db = tmp_path / "score.duckdb"
    build_scoring_db(ROOT / "seeds", db)
    scores = score_against_seed_labels(db)
    assert scores["strict_f1"] >= 0.95
    assert scores["detection_f1"] >= 0.97
    done, total = scores["composition_links"].split("/")
    assert done == total
    ok, n = scores["document_subject_geo"].split("/")
    assert ok == n
