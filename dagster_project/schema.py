"""The records that cross module boundaries, and the staging tables that hold them.

The Dagster assets write three tables into schema ``staging`` of the working
DuckDB file; dbt declares them as sources and builds ``marts`` from them.

* ``staging.raw_documents``: one row per input file version (ingest).
* ``staging.raw_document_context``: per ok document, what extraction learnt
  about the document as a whole (subject province, reporting period).
* ``staging.raw_observations``: one row per quantity (extraction), in the
  shape of ``marts.fct_observation`` of ``../shared/spec/CONTRACT.md``.

This module is plain Python (no Dagster import) so that the ingest and
extraction libraries and the tests can share it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from typing import Any

DOCUMENT_STATUSES = ("ok", "empty", "undecodable", "rejected")
UNITS = ("percent", "count", "vnd", "mw", "per_1000_people", "rank", "score")
MEASURES = ("level", "change")
QUALIFIERS = ("exact", "at_least", "at_most", "approx")
SEGMENTS = (
    "all",
    "ministry",
    "locality",
    "province_level",
    "district_level",
    "commune_level",
    "agency",
)


@dataclass(frozen=True)
class IngestedDocument:
    """One input file, decoded and normalised (or the reason it could not be)."""

    document_id: str  # sha256 of the normalised text (ok) or of path+bytes (not ok), 16 hex chars
    file_name: str  # base name, e.g. "000_093ff63eb5de6e19.txt"
    file_path: str  # path relative to the input folder, "/" separated
    source_sha256: str  # sha256 of the raw bytes: detects a changed file
    status: str  # one of DOCUMENT_STATUSES
    status_detail: str  # the reason; for ok, the encoding and conversions applied
    encoding: str | None  # e.g. "utf-8", "utf-8-sig", "utf-16", "cp1258", "html/utf-8"
    title: str | None
    publisher: str | None
    published_date: date | None
    published_at: datetime | None
    text: str  # NFC, "\n" line endings, no NBSP; "" when status != ok
    char_count: int


@dataclass(frozen=True)
class DocumentContext:
    """What extraction learnt about one document as a whole."""

    document_id: str
    subject_geo_code: str | None  # GSO code of the province the article is about/from
    report_period_code: str | None
    report_period_start: date | None
    report_period_end: date | None
    extractor_version: str  # observations of an older version are re-extracted


@dataclass(frozen=True)
class Observation:
    """One stated quantity, grounded in its span and sentence (contract's fct_observation)."""

    observation_id: str
    document_id: str
    indicator_code: str
    geo_code: str
    segment: str
    period_code: str | None
    period_start: date | None
    period_end: date | None
    measure: str
    value: float
    unit: str
    denominator: float | None
    qualifier: str
    is_target: bool
    component: str | None
    parent_observation_id: str | None
    program: str | None
    span_start: int
    span_end: int
    stated_text: str
    evidence: str


def record(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a plain dict (column name -> value)."""
    return asdict(obj)


def column_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


# DuckDB DDL of the staging tables. Column order follows the dataclasses above.
RAW_DOCUMENTS_DDL = """
create table if not exists staging.raw_documents (
    document_id varchar not null,
    file_name varchar not null,
    file_path varchar not null,
    source_sha256 varchar not null,
    status varchar not null,
    status_detail varchar,
    encoding varchar,
    title varchar,
    publisher varchar,
    published_date date,
    published_at timestamp,
    text varchar not null,
    char_count bigint not null,
    ingested_at timestamp not null
)
"""

RAW_DOCUMENT_CONTEXT_DDL = """
create table if not exists staging.raw_document_context (
    document_id varchar not null,
    subject_geo_code varchar,
    report_period_code varchar,
    report_period_start date,
    report_period_end date,
    extractor_version varchar not null
)
"""

RAW_OBSERVATIONS_DDL = """
create table if not exists staging.raw_observations (
    observation_id varchar not null,
    document_id varchar not null,
    indicator_code varchar not null,
    geo_code varchar not null,
    segment varchar not null,
    period_code varchar,
    period_start date,
    period_end date,
    measure varchar not null,
    value double not null,
    unit varchar not null,
    denominator double,
    qualifier varchar not null,
    is_target boolean not null,
    component varchar,
    parent_observation_id varchar,
    program varchar,
    span_start integer not null,
    span_end integer not null,
    stated_text varchar not null,
    evidence varchar not null
)
"""

STAGING_DDL = (RAW_DOCUMENTS_DDL, RAW_DOCUMENT_CONTEXT_DDL, RAW_OBSERVATIONS_DDL)

# The scan's ledger (``file_versions``): per relative path, the file last hashed there. Not a dbt
# source: only the ingest asset reads it, and a warehouse without it hashes every file once.
FILE_LEDGER_DDL = """
create table if not exists staging.file_ledger (
    file_path varchar not null,
    size_bytes bigint not null,
    mtime_ns bigint not null,
    inode bigint not null,
    device bigint not null,
    source_sha256 varchar not null,
    hashed_at_ns bigint not null
)
"""
