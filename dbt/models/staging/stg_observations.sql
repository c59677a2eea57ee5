-- One cleaned row per stated quantity. Codes are trimmed and lower-cased (geo
-- codes upper `VN` / two digits); period bounds the extractor left empty are
-- derived from the period code.
with source as (
    select * from {{ source('staging', 'raw_observations') }}
)

select
    observation_id,
    document_id,
    {{ clean_code('indicator_code') }} as indicator_code,
    {{ clean_geo_code('geo_code') }} as geo_code,
    {{ clean_code('segment') }} as segment,
    {{ clean_text('period_code') }} as period_code,
    coalesce(period_start, {{ period_start(clean_text('period_code')) }}) as period_start,
    coalesce(period_end, {{ period_end(clean_text('period_code')) }}) as period_end,
    {{ clean_code('measure') }} as measure,
    value,
    {{ clean_code('unit') }} as unit,
    denominator,
    {{ clean_code('qualifier') }} as qualifier,
    is_target,
    {{ clean_code('component') }} as component,
    {{ clean_text('parent_observation_id') }} as parent_observation_id,
    {{ clean_text('program') }} as program,
    span_start,
    span_end,
    stated_text,
    evidence
from source
