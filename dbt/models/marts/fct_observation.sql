-- The contract's fct_observation: its columns in its order, nothing else.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_refreshed_documents() }}"
) }}
-- depends_on: {{ ref('int_refreshed_documents') }}, {{ ref('int_observations') }}, {{ ref('int_document_signatures') }}
-- Incremental by document, as fct_observation_detail.
select
    observation_id,
    document_id,
    indicator_code,
    geo_code,
    segment,
    period_code,
    period_start,
    period_end,
    measure,
    value,
    unit,
    denominator,
    qualifier,
    is_target,
    component,
    parent_observation_id,
    program,
    span_start,
    span_end,
    stated_text,
    evidence,
    quality_status
from {{ ref('fct_observation_detail') }}
{{ where_refreshed() }}
