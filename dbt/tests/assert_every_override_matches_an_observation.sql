-- Each hand correction finds its observation; one that does not is probably a
-- typo in the seed (or the observation's document was re-extracted).
{{ config(severity='warn') }}
select overrides.*
from {{ ref('observation_overrides') }} as overrides
where not exists (
    select 1
    from {{ ref('stg_observations') }} as observations
    where observations.observation_id = overrides.observation_id
        or (
            overrides.observation_id is null
            and observations.document_id = overrides.document_id
            and observations.span_start = overrides.span_start
            and observations.span_end = overrides.span_end
        )
)
