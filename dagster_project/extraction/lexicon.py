"""Loading the extraction vocabulary: data files an analyst can extend without Python."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).parent / "resources"
# The province reference and the indicator catalog are shared with dbt (its seeds).
DBT_SEEDS = Path(__file__).resolve().parents[2] / "dbt" / "seeds"


@cache
def load_yaml(name: str) -> Any:
    with open(RESOURCES / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def seed_path(name: str) -> Path:
    """A dbt seed file, falling back to the shared reference copy when dbt/ is absent."""
    path = DBT_SEEDS / name
    if path.exists():
        return path
    shared = Path(__file__).resolve().parents[3] / "shared"
    for candidate in (shared / "reference" / name, shared / "spec" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"seed {name} not found in {DBT_SEEDS}")


def alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first (so "tỷ đồng" wins over "tỷ")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
