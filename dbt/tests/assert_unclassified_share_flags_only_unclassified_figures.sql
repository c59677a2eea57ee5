-- unclassified_share flags the figures with no catalog indicator, and only in
-- documents where their share is above unclassified_share_threshold.
with shares as (
    select
        document_id,
        count(*) filter (where indicator_code = 'unclassified') / count(*) as unclassified_share
    from {{ ref('int_observations') }}
    group by document_id
)

select breaks.observation_id, observations.indicator_code, shares.unclassified_share
from {{ ref('int_observation_rule_breaks') }} as breaks
inner join {{ ref('int_observations') }} as observations
    on observations.observation_id = breaks.observation_id
inner join shares on shares.document_id = observations.document_id
where breaks.rule_name = 'unclassified_share'
    and (
        observations.indicator_code <> 'unclassified'
        or shares.unclassified_share <= {{ var('unclassified_share_threshold') }}
    )
