"""What a run's checks audit: the documents the run added or changed.

A run that adds 100 documents to a warehouse of 100 000 audits those 100
documents' rows, so its checks cost what its new documents cost. Rows of
other documents were audited by the run that wrote them and have not changed
since: their observations are kept by dbt's incremental ``int_observations``
until their document is re-extracted or corrected, which reloads them. What
can change for every row at once is covered by dbt's tests on every build: a
dimension losing a key by the ``relationships`` tests, over whole tables; an id
repeated across documents by the ``unique`` tests, which read the rows the
build rewrote and every row sharing their value (dbt/macros/audit_scope.sql).

A document is in scope when this run ingested one of its files or (re)loaded
its observations: ``staging.raw_documents.ingested_at`` and
``staging.int_observations.loaded_at`` at or after the run started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

CHANGED_DOCUMENTS_SQL = """
select document_id from staging.raw_documents where ingested_at >= $ingested_since
union
select document_id from staging.int_observations where loaded_at >= $loaded_since
order by document_id
"""


@dataclass(frozen=True)
class AuditScope:
    """The documents a validation reads: ``document_ids``, or every document when None."""

    document_ids: tuple[str, ...] | None = None

    @property
    def whole_table(self) -> bool:
        return self.document_ids is None

    def describe(self) -> str:
        if self.document_ids is None:
            return "every document"
        count = len(self.document_ids)
        return f"the {count} document{'s' if count != 1 else ''} this run added or changed"


WHOLE_TABLE = AuditScope()


def changed_since(con: duckdb.DuckDBPyConnection, started_at: datetime) -> AuditScope:
    """The documents ingested or whose observations were (re)loaded at or after ``started_at``."""
    started_utc = started_at.astimezone(UTC)
    rows = con.execute(
        CHANGED_DOCUMENTS_SQL,
        {
            # ingested_at is naive UTC (the staging column's type), loaded_at DuckDB's timestamptz.
            "ingested_since": started_utc.replace(tzinfo=None),
            "loaded_since": started_utc,
        },
    ).fetchall()
    return AuditScope(tuple(document_id for (document_id,) in rows))
