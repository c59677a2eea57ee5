"""What the report shows beyond the suites: flagged observations with their evidence, corrections, chart data.

Plain reads of a built warehouse (``marts`` plus the staging tables that
hold the document texts, the rule details and the corrections seed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from dagster_project.quality.charts import ShareBar
from dagster_project.quality.evidence import HighlightedSentence, highlight

# Fields an override may correct (columns of the observation_overrides seed).
CORRECTABLE_FIELDS = (
    "value",
    "unit",
    "indicator_code",
    "geo_code",
    "period_code",
    "qualifier",
    "is_target",
    "measure",
    "denominator",
)

DOCUMENT_TEXTS_SQL = """
select document_id, any_value(text) as text
from staging.raw_documents
where status = 'ok' and document_id in (select unnest(?::varchar[]))
group by document_id
"""

# The most recent flagged observations (of the latest ingested documents), at most ``limit``,
# shown in document order; their rules are aggregated for those rows only.
FLAGGED_SQL = """
with flagged as (
    select
        o.observation_id, o.document_id, d.file_name, d.title, o.indicator_code, o.geo_code,
        o.period_code, o.value, o.unit, o.denominator, o.stated_text, o.evidence, o.span_start,
        o.span_end, o.quality_status, o.is_corrected
    from marts.fct_observation_detail o
    left join marts.dim_document d on d.document_id = o.document_id
    where o.quality_status <> 'ok'
    order by d.ingested_at desc nulls last, o.document_id, o.span_start, o.observation_id
    limit ?
),
reasons as (
    select
        b.observation_id,
        list({'rule': b.rule_name, 'detail': b.detail} order by b.rule_order, b.rule_name) as reasons
    from staging.int_observation_rule_breaks b
    where b.observation_id in (select observation_id from flagged)
    group by b.observation_id
)
select f.*, r.reasons
from flagged f
left join reasons r on r.observation_id = f.observation_id
order by f.file_name, f.document_id, f.span_start, f.observation_id
"""

# Every flagged observation, counted by its quality_status (most frequent first).
FLAGGED_BY_STATUS_SQL = """
select quality_status, count(*) as observations
from marts.fct_observation_detail
where quality_status <> 'ok'
group by quality_status
order by observations desc, quality_status
"""

FLAGGED_LIMIT = 500  # flagged observations listed in the report

CORRECTIONS_SQL = f"""
select
    o.observation_id, o.document_id, d.file_name, d.title, o.stated_text, o.evidence, o.span_start,
    o.span_end, o.override_reason, o.corrected_by, o.quality_status,
    {", ".join(f"o.{f} as corrected_{f}, r.{f} as extracted_{f}" for f in CORRECTABLE_FIELDS)}
from marts.fct_observation_detail o
left join marts.dim_document d on d.document_id = o.document_id
left join staging.stg_observations r on r.observation_id = o.observation_id
where o.is_corrected
order by d.file_name, o.span_start, o.observation_id
"""

# Seed rows that found no observation (a typo in the id or span, or a re-extracted document).
UNMATCHED_OVERRIDES_SQL = """
select s.observation_id, s.document_id, s.span_start, s.span_end, s.reason, s.corrected_by
from staging.observation_overrides s
where not exists (
    select 1 from staging.stg_observations o
    where o.observation_id = s.observation_id
       or (s.observation_id is null and o.document_id = s.document_id
           and o.span_start = s.span_start and o.span_end = s.span_end)
)
"""

PER_INDICATOR_AND_GEO_SQL = """
select o.indicator_code, o.geo_code, coalesce(g.name_vi, o.geo_code) as geo_name, count(*) as observations
from marts.fct_observation o
left join (
    select geo_code, any_value(name_vi order by map_version) as name_vi
    from marts.dim_geography
    group by geo_code
) g on g.geo_code = o.geo_code
group by all
"""

# The documents with the highest flagged share (at most ``limit``), and how many documents have figures.
FLAGGED_SHARE_SQL = """
with per_document as (
    select
        o.document_id,
        count(*) as observations,
        count(*) filter (where o.quality_status <> 'ok') as flagged
    from marts.fct_observation o
    group by o.document_id
)
select d.file_name, sum(p.observations)::bigint as observations, sum(p.flagged)::bigint as flagged,
    count(*) over () as documents
from per_document p
join marts.dim_document d on d.document_id = p.document_id
group by d.file_name
order by sum(p.flagged) / sum(p.observations) desc, d.file_name
limit ?
"""

FLAGGED_SHARE_LIMIT = 40  # bars drawn


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    columns = [c[0] for c in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _texts(con: duckdb.DuckDBPyConnection, document_ids: set[str]) -> dict[str, str]:
    rows = con.execute(DOCUMENT_TEXTS_SQL, [sorted(document_ids)]).fetchall()
    return {document_id: text for document_id, text in rows}


@dataclass(frozen=True)
class FlaggedObservation:
    row: dict[str, Any]  # the observation's columns (see FLAGGED_SQL)
    sentence: HighlightedSentence
    reasons: list[dict[str, str]]  # rule and detail, first rule first


@dataclass(frozen=True)
class Correction:
    row: dict[str, Any]
    sentence: HighlightedSentence
    changes: list[tuple[str, Any, Any]]  # (field, extracted, corrected) for the fields that differ


def _sentence(row: dict[str, Any], texts: dict[str, str]) -> HighlightedSentence:
    return highlight(
        texts.get(row["document_id"]), row["evidence"], row["span_start"], row["span_end"], row["stated_text"]
    )


@dataclass(frozen=True)
class FlaggedObservations:
    shown: list[FlaggedObservation]  # the most recent, in document order
    by_status: dict[str, int]  # every flagged observation, by quality_status

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def not_shown(self) -> int:
        return self.total - len(self.shown)


def flagged_observations(con: duckdb.DuckDBPyConnection, limit: int = FLAGGED_LIMIT) -> FlaggedObservations:
    rows = _dicts(con, FLAGGED_SQL, [limit])
    texts = _texts(con, {row["document_id"] for row in rows})
    shown = [FlaggedObservation(row, _sentence(row, texts), list(row["reasons"] or [])) for row in rows]
    by_status = {str(status): count for status, count in con.execute(FLAGGED_BY_STATUS_SQL).fetchall()}
    return FlaggedObservations(shown, by_status)


def corrections(con: duckdb.DuckDBPyConnection) -> list[Correction]:
    rows = _dicts(con, CORRECTIONS_SQL)
    texts = _texts(con, {row["document_id"] for row in rows})
    result = []
    for row in rows:
        changes = [
            (field, row[f"extracted_{field}"], row[f"corrected_{field}"])
            for field in CORRECTABLE_FIELDS
            if row[f"extracted_{field}"] != row[f"corrected_{field}"]
        ]
        result.append(Correction(row, _sentence(row, texts), changes))
    return result


def unmatched_overrides(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return _dicts(con, UNMATCHED_OVERRIDES_SQL)


@dataclass(frozen=True)
class IndicatorGeoCounts:
    indicators: list[str]  # most observed first
    geographies: list[str]  # "code name", most observed first
    counts: dict[tuple[str, str], int]
    hidden_indicators: int  # beyond the chart's limit
    hidden_geographies: int


def indicator_geo_counts(
    con: duckdb.DuckDBPyConnection, max_indicators: int = 30, max_geographies: int = 40
) -> IndicatorGeoCounts:
    rows = con.execute(PER_INDICATOR_AND_GEO_SQL).fetchall()
    by_indicator: dict[str, int] = {}
    by_geo: dict[str, int] = {}
    counts: dict[tuple[str, str], int] = {}
    for indicator, geo_code, geo_name, count in rows:
        geo = f"{geo_code} {geo_name}" if geo_name != geo_code else geo_code
        by_indicator[indicator] = by_indicator.get(indicator, 0) + count
        by_geo[geo] = by_geo.get(geo, 0) + count
        counts[(indicator, geo)] = count
    indicators = sorted(by_indicator, key=lambda k: (-by_indicator[k], k))
    geographies = sorted(by_geo, key=lambda k: (-by_geo[k], k))
    return IndicatorGeoCounts(
        indicators=indicators[:max_indicators],
        geographies=geographies[:max_geographies],
        counts=counts,
        hidden_indicators=max(0, len(indicators) - max_indicators),
        hidden_geographies=max(0, len(geographies) - max_geographies),
    )


@dataclass(frozen=True)
class FlaggedShares:
    bars: list[ShareBar]  # the highest shares first
    hidden_documents: int  # documents with figures beyond the chart's limit


def flagged_share_per_document(
    con: duckdb.DuckDBPyConnection, limit: int = FLAGGED_SHARE_LIMIT
) -> FlaggedShares:
    rows = con.execute(FLAGGED_SHARE_SQL, [limit]).fetchall()
    bars = [ShareBar(file_name, flagged, total) for file_name, total, flagged, _ in rows]
    documents = rows[0][3] if rows else 0
    return FlaggedShares(bars, max(0, documents - len(bars)))
