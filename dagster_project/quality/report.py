"""The HTML data-quality report of a warehouse: one self-contained page under the reports folder.

Totals; every suite with each expectation's pass/fail counts; every flagged
observation with its sentence (the number highlighted), its document and the
rules it breaks; the corrections applied; two inline SVG charts; a link to
the GX Data Docs built beside it. Inline CSS, no scripts, nothing fetched.
Rendered by Jinja2 with autoescaping, so every piece of document text
(titles, sentences, failing values) is HTML-escaped.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
from great_expectations.core import ExpectationSuiteValidationResult
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from dagster_project.quality.charts import heatmap_svg, share_bars_svg
from dagster_project.quality.data_docs import SITE_DIR_NAME, build_data_docs
from dagster_project.quality.findings import (
    Correction,
    FlaggedObservations,
    IndicatorGeoCounts,
    corrections,
    flagged_observations,
    flagged_share_per_document,
    indicator_geo_counts,
    unmatched_overrides,
)
from dagster_project.quality.gx_bridge import validate_suite_with_result
from dagster_project.quality.suite import SuiteOutcome, SuiteSpec
from dagster_project.quality.suites import SUITES
from dagster_project.quality.totals import WarehouseTotals, read_totals
from dagster_project.warehouse import connect

logger = logging.getLogger(__name__)

PREVIEW_CHARS = 200

DOCUMENTS_LIMIT = 500  # documents listed: the most recently ingested

# The most recently ingested documents (at most ``limit``), in file order, with their counts
# aggregated once per document and the start of their text.
DOCUMENTS_SQL = f"""
with shown as (
    select d.document_id, d.file_name, d.title, d.publisher, d.published_date,
        d.status, d.status_detail, d.char_count
    from marts.dim_document d
    order by d.ingested_at desc nulls last, d.file_name, d.document_id
    limit ?
),
counts as (
    select
        o.document_id,
        count(*) as observations,
        count(*) filter (where o.quality_status <> 'ok') as flagged
    from marts.fct_observation o
    where o.document_id in (select document_id from shown)
    group by o.document_id
),
previews as (
    select r.document_id, left(any_value(r.text), {PREVIEW_CHARS}) as preview
    from staging.raw_documents r
    where r.document_id in (select document_id from shown)
    group by r.document_id
)
select s.*, coalesce(c.observations, 0) as observations, coalesce(c.flagged, 0) as flagged, p.preview
from shown s
left join counts c on c.document_id = s.document_id
left join previews p on p.document_id = s.document_id
order by s.file_name, s.document_id
"""


@dataclass(frozen=True)
class Charts:
    per_indicator_and_geo: Markup
    per_indicator_and_geo_data: IndicatorGeoCounts
    flagged_share: Markup
    flagged_share_hidden: int  # documents with figures not drawn (beyond the chart's limit)


@dataclass(frozen=True)
class ReportData:
    warehouse: Path
    generated_at: datetime
    totals: WarehouseTotals
    outcomes: list[SuiteOutcome]
    documents: list[dict[str, Any]]  # the most recently ingested, at most DOCUMENTS_LIMIT
    flagged: FlaggedObservations  # the most recent (at most FLAGGED_LIMIT) and counts of all
    corrections: list[Correction]
    unmatched_overrides: list[dict[str, Any]]
    charts: Charts
    validations: list[tuple[str, ExpectationSuiteValidationResult]]  # for the GX Data Docs
    data_docs_href: str | None = None  # relative to the report; None when not built
    data_docs_error: str = ""

    @property
    def documents_not_shown(self) -> int:
        return self.totals.documents - len(self.documents)


def _charts(con: duckdb.DuckDBPyConnection) -> Charts:
    grid = indicator_geo_counts(con)
    shares = flagged_share_per_document(con)
    return Charts(
        per_indicator_and_geo=heatmap_svg(
            grid.indicators, grid.geographies, grid.counts, "Observations per indicator and geography"
        ),
        per_indicator_and_geo_data=grid,
        flagged_share=share_bars_svg(shares.bars, "Flagged share of each document"),
        flagged_share_hidden=shares.hidden_documents,
    )


# suite name -> (outcome, GX validation result or None): what a run's checks found.
Audits = Mapping[str, tuple[SuiteOutcome, ExpectationSuiteValidationResult | None]]


def collect(
    con: duckdb.DuckDBPyConnection,
    warehouse: Path,
    specs: tuple[SuiteSpec, ...] = SUITES,
    run_audits: Audits | None = None,
) -> ReportData:
    """Everything the page shows. ``run_audits``: the suites as the run's checks found them.

    A run that publishes has just run every suite on what it added or changed (and passed the
    blocking ones); validating the whole warehouse again would make its report cost grow with
    the history. Each suite says what it audited. Without ``run_audits`` (``dxw report``) every
    suite audits every row; the totals, charts and flagged observations always cover the warehouse.
    """
    cursor = con.execute(DOCUMENTS_SQL, [DOCUMENTS_LIMIT])
    columns = [c[0] for c in cursor.description or []]
    documents = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    outcomes, validations = [], []
    for spec in specs:
        if run_audits is not None and spec.name in run_audits:
            outcome, validation = run_audits[spec.name]
        else:
            outcome, validation = validate_suite_with_result(spec, con)
        outcomes.append(outcome)
        if validation is not None:
            validations.append((spec.name, validation))
    return ReportData(
        warehouse=warehouse,
        generated_at=datetime.now(UTC),
        totals=read_totals(con),
        outcomes=outcomes,
        documents=documents,
        flagged=flagged_observations(con),
        corrections=corrections(con),
        unmatched_overrides=unmatched_overrides(con),
        charts=_charts(con),
        validations=validations,
    )


def render(data: ReportData) -> str:
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return environment.get_template("report.html.j2").render(report=data)


def with_data_docs(data: ReportData, reports_dir: Path) -> ReportData:
    """Build the GX Data Docs of this validation beside the report, and link them.

    The docs are a companion: when GX cannot build them the report is still
    written, saying why they are missing.
    """
    try:
        build_data_docs(
            reports_dir, data.validations, run_name=data.warehouse.stem, run_time=data.generated_at
        )
    except Exception as exc:  # any GX failure: the report itself must still be written
        logger.warning("GX Data Docs not built: %s", exc)
        return replace(data, data_docs_error=f"{type(exc).__name__}: {exc}")
    return replace(data, data_docs_href=f"{SITE_DIR_NAME}/index.html")


def write_report(warehouse: Path, reports_dir: Path, run_audits: Audits | None = None) -> Path:
    """Validate the published warehouse (read-only) and write its report; returns the file.

    ``run_audits``: the blocking suites as the run that published found them (see ``collect``).
    """
    with connect(warehouse, read_only=True) as con:
        data = collect(con, warehouse, run_audits=run_audits)
    reports_dir.mkdir(parents=True, exist_ok=True)
    data = with_data_docs(data, reports_dir)
    stamp = data.generated_at.strftime("%Y%m%dT%H%M%S%fZ")
    path = reports_dir / f"quality-{warehouse.stem}-{stamp}.html"
    # Written aside and renamed: whoever opens the path sees a whole page.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(render(data), encoding="utf-8")
    os.replace(partial, path)
    return path
