"""Headline counts of a warehouse: documents by status and observations."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class WarehouseTotals:
    documents_by_status: dict[str, int]
    observations: int
    unclassified_observations: int
    indicators: int  # distinct indicator codes observed

    @property
    def documents(self) -> int:
        return sum(self.documents_by_status.values())

    def status_line(self) -> str:
        """e.g. ``5 (ok 4, empty 1)``."""
        parts = ", ".join(f"{status} {count}" for status, count in self.documents_by_status.items())
        return f"{self.documents} ({parts})" if parts else "0"


def read_totals(con: duckdb.DuckDBPyConnection) -> WarehouseTotals:
    by_status = con.execute(
        "select status, count(*) from marts.dim_document group by status order by count(*) desc, status"
    ).fetchall()
    observations, unclassified, indicators = con.execute(
        """
        select
            count(*),
            count(*) filter (where indicator_code = 'unclassified'),
            count(distinct indicator_code)
        from marts.fct_observation
        """
    ).fetchone() or (0, 0, 0)
    return WarehouseTotals(
        documents_by_status={status: count for status, count in by_status},
        observations=observations,
        unclassified_observations=unclassified,
        indicators=indicators,
    )
