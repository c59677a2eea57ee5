{#-
  Incremental by document. Before the insert, the pre-hook deletes the rows of
  every document whose signature changed (re-extracted, corrected, or gone);
  the select then picks exactly the documents not in the table, i.e. the new
  and the changed ones. Adding one document to a large warehouse therefore
  writes that document's rows only (finding it costs one grouped count).
-#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='document_id',
    on_schema_change='fail',
    pre_hook="
        {% if is_incremental() %}
        delete from {{ this }} as stored
        where not exists (
            select 1 from {{ ref('int_document_signatures') }} as current_signature
            where current_signature.document_id = stored.document_id
              and current_signature.document_signature = stored.document_signature
        )
        {% endif %}
    "
) }}

with signatures as (
    select document_id, extractor_version, document_signature
    from {{ ref('int_document_signatures') }}
    {% if is_incremental() %}
    where document_id not in (select distinct document_id from {{ this }})
    {% endif %}
),

observations as (
    select observations.*
    from {{ ref('stg_observations') }} as observations
    inner join signatures on signatures.document_id = observations.document_id
),

overrides as (
    select * from {{ ref('int_observation_overrides') }}
)

select
    observations.observation_id,
    observations.document_id,
    coalesce(overrides.indicator_code, observations.indicator_code) as indicator_code,
    coalesce(overrides.geo_code, observations.geo_code) as geo_code,
    observations.segment,
    coalesce(overrides.period_code, observations.period_code) as period_code,
    case
        when overrides.period_code is not null then {{ period_start('overrides.period_code') }}
        else observations.period_start
    end as period_start,
    case
        when overrides.period_code is not null then {{ period_end('overrides.period_code') }}
        else observations.period_end
    end as period_end,
    coalesce(overrides.measure, observations.measure) as measure,
    coalesce(overrides.value, observations.value) as value,
    coalesce(overrides.unit, observations.unit) as unit,
    coalesce(overrides.denominator, observations.denominator) as denominator,
    coalesce(overrides.qualifier, observations.qualifier) as qualifier,
    coalesce(overrides.is_target, observations.is_target) as is_target,
    observations.component,
    observations.parent_observation_id,
    observations.program,
    observations.span_start,
    observations.span_end,
    observations.stated_text,
    observations.evidence,
    overrides.observation_id is not null as is_corrected,
    overrides.reason as override_reason,
    overrides.corrected_by,
    signatures.extractor_version,
    signatures.document_signature,
    current_timestamp as loaded_at
from observations
inner join signatures on signatures.document_id = observations.document_id
left join overrides on overrides.observation_id = observations.observation_id
