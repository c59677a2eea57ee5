"""Blocking suite on marts.fct_observation: what must hold before anything is published.

Schema, a unique id, every foreign key resolving, a finite value, codes in the
contract's sets, spans inside their document with the stated number at the
span, and ordered periods.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import great_expectations as gx

from dagster_project.quality.contract import FCT_OBSERVATION_COLUMNS
from dagster_project.quality.suite import OBSERVATION_EXAMPLE_COLUMNS, SuiteSpec
from dagster_project.schema import MEASURES, QUALIFIERS, SEGMENTS, UNITS

# Rules that need another table or a computation become boolean columns; the
# suite expects each to be true on every row (a null would count as a pass in
# a set expectation, hence the coalesce).
CHECKED_SQL = """
with audited as (
    select * from marts.fct_observation where {scope}
),
spans as (
    select distinct document_id, span_start, span_end from audited
),
text_at_span as (
    -- ok documents only: the text spans point into. Files sharing a document_id share its
    -- text (the id hashes it), so any file's will do; only the short spans are grouped.
    select
        s.document_id, s.span_start, s.span_end,
        any_value(substr(t.text, s.span_start + 1, s.span_end - s.span_start)) as text_at_span
    from spans s
    inner join staging.raw_documents t on t.document_id = s.document_id and t.status = 'ok'
    group by s.document_id, s.span_start, s.span_end
),
observation as (
    select
        o.*,
        (select max(d.char_count) from marts.dim_document d where d.document_id = o.document_id)
            as document_char_count,
        t.text_at_span
    from audited o
    left join text_at_span t
        on t.document_id = o.document_id and t.span_start = o.span_start and t.span_end = o.span_end
)
select
    o.* exclude (document_char_count),
    exists (select 1 from marts.dim_document d where d.document_id = o.document_id)
        as check_document_resolves,
    exists (select 1 from marts.dim_indicator i where i.indicator_code = o.indicator_code)
        as check_indicator_resolves,
    exists (select 1 from marts.dim_geography g where g.geo_code = o.geo_code)
        as check_geo_resolves,
    (o.period_code is null or exists (select 1 from marts.dim_period p where p.period_code = o.period_code))
        as check_period_resolves,
    coalesce(isfinite(o.value), false) as check_value_finite,
    coalesce(0 <= o.span_start and o.span_start < o.span_end and o.span_end <= o.document_char_count, false)
        as check_span_inside_document,
    coalesce(
        o.text_at_span <> ''
        and (
            strpos(o.stated_text, o.text_at_span) > 0
            or (
                regexp_replace(o.text_at_span, '[^0-9]', '', 'g') <> ''
                and strpos(
                    regexp_replace(o.stated_text, '[^0-9]', '', 'g'),
                    regexp_replace(o.text_at_span, '[^0-9]', '', 'g')
                ) > 0
            )
        ),
        false
    ) as check_span_has_stated_number,
    coalesce(o.period_start <= o.period_end, true) as check_period_ordered
from observation o
"""

DERIVED_CHECKS = (
    "check_document_resolves",
    "check_indicator_resolves",
    "check_geo_resolves",
    "check_period_resolves",
    "check_value_finite",
    "check_span_inside_document",
    "check_span_has_stated_number",
    "check_period_ordered",
)

CODE_SETS = {"unit": UNITS, "measure": MEASURES, "qualifier": QUALIFIERS, "segment": SEGMENTS}


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


# Each row-wise expectation below, as the SQL condition of a row it rejects; GX validates only
# those rows (every duplicate id kept, so uniqueness counts the same) and the counts are
# rescaled to COUNT_SQL (see SuiteSpec.count_sql). A run audits its own documents' rows
# ({scope}); uniqueness and foreign keys across the whole table are dbt's tests of every build.
_FAILS = " or ".join(
    [
        "observation_id is null",
        "value is null or isnan(value)",
        *(
            f"{column} is null or {column} not in ({_sql_list(allowed)})"
            for column, allowed in CODE_SETS.items()
        ),
        *(f"not {check}" for check in DERIVED_CHECKS),
    ]
)

FRAME_SQL = f"""
with checked as ({CHECKED_SQL})
select * from checked
qualify {_FAILS} or count(*) over (partition by observation_id) > 1
order by observation_id
"""

COUNT_SQL = "select count(*) from marts.fct_observation where {scope}"


def build_expectations() -> list[Any]:
    expectations: list[Any] = [
        gx.expectations.ExpectTableColumnsToMatchSet(
            column_set=list(FCT_OBSERVATION_COLUMNS), exact_match=False
        ),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="observation_id"),
        gx.expectations.ExpectColumnValuesToBeUnique(column="observation_id"),
        # NaN counts as null here, so this also rejects an unparsed value.
        gx.expectations.ExpectColumnValuesToNotBeNull(column="value"),
    ]
    for column, allowed in CODE_SETS.items():
        expectations.append(gx.expectations.ExpectColumnValuesToNotBeNull(column=column))
        expectations.append(
            gx.expectations.ExpectColumnValuesToBeInSet(column=column, value_set=list(allowed))
        )
    expectations.extend(
        gx.expectations.ExpectColumnValuesToBeInSet(column=check, value_set=[True])
        for check in DERIVED_CHECKS
    )
    return expectations


SPEC = SuiteSpec(
    name="fct_observation_blocking",
    model="fct_observation",
    frame_sql=FRAME_SQL,
    count_sql=COUNT_SQL,
    build_expectations=build_expectations,
    blocking=True,
    example_columns=(
        *OBSERVATION_EXAMPLE_COLUMNS,
        "unit",
        "span_start",
        "span_end",
        "text_at_span",
        "stated_text",
    ),
    reads_models=("dim_document", "dim_indicator", "dim_geography", "dim_period"),
    description="Contract invariants of every observation; a failure stops publishing.",
)
