"""The dbt project parses from the repo root and from inside dbt/, without a database."""

from __future__ import annotations

import json
from pathlib import Path

from conftest_dbt import DBT_PROJECT_DIR, REPO_ROOT, run_dbt


def _parsed_nodes(target_path: Path) -> dict[str, dict[str, object]]:
    nodes: dict[str, dict[str, object]] = json.loads((target_path / "manifest.json").read_text())["nodes"]
    return nodes


def test_parse_from_repo_root_and_from_inside_dbt_without_a_database(tmp_path: Path) -> None:
    missing_database = tmp_path / "not_created.duckdb"
    from_root, from_inside = tmp_path / "target_root", tmp_path / "target_inside"
    for cwd, target in ((REPO_ROOT, from_root), (DBT_PROJECT_DIR, from_inside)):
        result = run_dbt(["parse"], duckdb_path=missing_database, target_path=target, cwd=cwd)
        assert result.returncode == 0, result.stdout[-3000:]
    assert not missing_database.exists()
    # Both invocations wrote their own complete manifest.
    assert _parsed_nodes(from_root).keys() == _parsed_nodes(from_inside).keys()
    assert "model.dxw.fct_observation" in _parsed_nodes(from_root)


def test_sources_are_named_staging_so_dagster_keys_are_staging_tables(tmp_path: Path) -> None:
    target = tmp_path / "target"
    result = run_dbt(["parse"], duckdb_path=tmp_path / "w.duckdb", target_path=target)
    assert result.returncode == 0, result.stdout[-3000:]
    sources = json.loads((target / "manifest.json").read_text())["sources"]
    assert {(s["source_name"], s["name"]) for s in sources.values()} == {
        ("staging", "raw_documents"),
        ("staging", "raw_document_context"),
        ("staging", "raw_observations"),
    }
