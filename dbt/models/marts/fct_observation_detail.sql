-- One row per stated quantity: the contract's columns in the contract's order,
-- then the geography key, correction and rule details.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_refreshed_documents() }}"
) }}
-- depends_on: {{ ref('int_refreshed_documents') }}, {{ ref('int_observations') }}, {{ ref('int_document_signatures') }}
-- Incremental by document (macros/refresh_by_document.sql).
with observations as (
    select * from {{ ref('int_observations') }}
    {{ where_refreshed() }}
),

documents as (
    select document_id, published_date, report_period_end from {{ ref('dim_document') }}
),

geography as (
    select geo_key, geo_code, map_version from {{ ref('dim_geography') }}
),

rule_breaks as (
    select
        observation_id,
        arg_min(rule_name, rule_order) as first_rule_broken,
        string_agg(rule_name, ',' order by rule_order, rule_name) as rules_broken
    from {{ ref('int_observation_rule_breaks') }}
    {{ where_refreshed() }}
    group by observation_id
),

dated as (
    select
        observations.*,
        -- The day a figure refers to decides which provincial map its code is
        -- on: the period's end, else the document's reporting period or date.
        coalesce(
            observations.period_end, documents.report_period_end, documents.published_date
        ) as geo_reference_date
    from observations
    left join documents on documents.document_id = observations.document_id
),

geo_keyed as (
    select
        dated.*,
        case
            when dated.geo_code = 'VN' then 'VN'
            when dated.geo_reference_date >= date '{{ var("provinces_34_from") }}' and new_unit.geo_key is not null
                then new_unit.geo_key
            -- Old code (or a date-less figure): the 63-unit map, falling back to
            -- the new map for a code only it has.
            else coalesce(old_unit.geo_key, new_unit.geo_key)
        end as geo_key
    from dated
    left join geography as old_unit
        on old_unit.geo_code = dated.geo_code and old_unit.map_version = 'provinces_63'
    left join geography as new_unit
        on new_unit.geo_code = dated.geo_code and new_unit.map_version = 'provinces_34'
)

select
    geo_keyed.observation_id,
    geo_keyed.document_id,
    geo_keyed.indicator_code,
    geo_keyed.geo_code,
    geo_keyed.segment,
    geo_keyed.period_code,
    geo_keyed.period_start,
    geo_keyed.period_end,
    geo_keyed.measure,
    geo_keyed.value,
    geo_keyed.unit,
    geo_keyed.denominator,
    geo_keyed.qualifier,
    geo_keyed.is_target,
    geo_keyed.component,
    geo_keyed.parent_observation_id,
    geo_keyed.program,
    geo_keyed.span_start,
    geo_keyed.span_end,
    geo_keyed.stated_text,
    geo_keyed.evidence,
    coalesce(rule_breaks.first_rule_broken, 'ok') as quality_status,
    -- Beyond the contract's columns:
    geo_keyed.geo_key,
    rule_breaks.rules_broken,
    geo_keyed.is_corrected,
    geo_keyed.override_reason,
    geo_keyed.corrected_by,
    geo_keyed.extractor_version
from geo_keyed
left join rule_breaks on rule_breaks.observation_id = geo_keyed.observation_id
