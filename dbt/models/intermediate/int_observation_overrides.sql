-- Each hand correction resolved to the observation it targets: by id when the
-- row gives one, else by document + span. Two equi-joins rather than one OR
-- join, so the lookup stays a hash join however large the fact table grows.
with overrides as (
    select * from {{ ref('observation_overrides') }}
),

observations as (
    select observation_id, document_id, span_start, span_end
    from {{ ref('stg_observations') }}
),

matched as (
    select observations.observation_id, observations.document_id, overrides.*
        exclude (observation_id, document_id, span_start, span_end)
    from overrides
    inner join observations on observations.observation_id = overrides.observation_id
    where overrides.observation_id is not null

    union all

    select observations.observation_id, observations.document_id, overrides.*
        exclude (observation_id, document_id, span_start, span_end)
    from overrides
    inner join observations
        on observations.document_id = overrides.document_id
        and observations.span_start = overrides.span_start
        and observations.span_end = overrides.span_end
    where overrides.observation_id is null
)

select
    observation_id,
    document_id,
    value,
    {{ clean_code('unit') }} as unit,
    {{ clean_code('indicator_code') }} as indicator_code,
    {{ clean_geo_code('geo_code') }} as geo_code,
    {{ clean_text('period_code') }} as period_code,
    {{ clean_code('qualifier') }} as qualifier,
    is_target,
    {{ clean_code('measure') }} as measure,
    denominator,
    reason,
    corrected_by,
    -- Fingerprint of the correction: when it changes, the document is re-processed.
    md5(concat_ws('|', observation_id, value, unit, indicator_code, geo_code, period_code,
        qualifier, is_target, measure, denominator, reason, corrected_by)) as override_fingerprint
from matched
