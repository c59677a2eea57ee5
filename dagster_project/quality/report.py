"""The HTML data-quality report of a warehouse: totals, every suite's results, the documents.

Self-contained (inline CSS, no scripts). Rendered by Jinja2 with autoescaping,
so every piece of document text (titles, previews, evidence, failing values)
is HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dagster_project.quality.gx_bridge import validate_suite
from dagster_project.quality.suite import SuiteOutcome, SuiteSpec
from dagster_project.quality.suites import SUITES
from dagster_project.quality.totals import WarehouseTotals, read_totals

PREVIEW_CHARS = 200

DOCUMENTS_SQL = f"""
select
    d.document_id, d.file_name, d.title, d.publisher, d.published_date,
    d.status, d.status_detail, d.char_count,
    (select count(*) from marts.fct_observation o where o.document_id = d.document_id) as observations,
    (select left(any_value(r.text), {PREVIEW_CHARS}) from staging.raw_documents r
     where r.document_id = d.document_id) as preview
from marts.dim_document d
order by d.file_name, d.document_id
"""


@dataclass(frozen=True)
class ReportData:
    warehouse: Path
    generated_at: datetime
    totals: WarehouseTotals
    outcomes: list[SuiteOutcome]
    documents: list[dict[str, Any]]


def collect(
    con: duckdb.DuckDBPyConnection, warehouse: Path, specs: tuple[SuiteSpec, ...] = SUITES
) -> ReportData:
    cursor = con.execute(DOCUMENTS_SQL)
    columns = [c[0] for c in cursor.description or []]
    documents = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return ReportData(
        warehouse=warehouse,
        generated_at=datetime.now(UTC),
        totals=read_totals(con),
        outcomes=[validate_suite(spec, con) for spec in specs],
        documents=documents,
    )


def render(data: ReportData) -> str:
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return environment.get_template("report.html.j2").render(report=data)


def write_report(warehouse: Path, reports_dir: Path) -> Path:
    """Validate the published warehouse (read-only) and write its report; returns the file."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        data = collect(con, warehouse)
    reports_dir.mkdir(parents=True, exist_ok=True)
    stamp = data.generated_at.strftime("%Y%m%dT%H%M%S%fZ")
    path = reports_dir / f"quality-{warehouse.stem}-{stamp}.html"
    path.write_text(render(data), encoding="utf-8")
    return path
