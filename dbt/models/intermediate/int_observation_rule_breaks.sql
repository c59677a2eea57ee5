-- One row per (observation, consistency rule it breaks). Rule names are the
-- values of fct_observation.quality_status; rule_order decides which one is
-- reported when an observation breaks several.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_refreshed_documents() }}"
) }}
-- depends_on: {{ ref('int_refreshed_documents') }}, {{ ref('int_observations') }}, {{ ref('int_document_signatures') }}
-- Incremental by document (macros/refresh_by_document.sql): the documents of a
-- recomputed cross-source group are refreshed with the changed ones.
with observations as (
    select * from {{ ref('int_observations') }}
    {{ where_refreshed() }}
),

compositions as (
    select * from {{ ref('int_compositions') }} where not is_consistent {{ where_refreshed(keyword='and') }}
),

ratio_checks as (
    select * from {{ ref('int_ratio_checks') }} where not is_consistent {{ where_refreshed(keyword='and') }}
),

cross_source as (
    select * from {{ ref('int_cross_source') }} where not is_consistent
    {%- if is_incremental() %}
        -- Only the groups the refreshed observations are in.
        and comparison_key in (select {{ comparison_key() }} from observations)
    {%- endif %}
),

-- Documents where too many figures found no catalog indicator: the extraction
-- (or the catalog) probably missed what the document is about.
unclassified_shares as (
    select
        document_id,
        count(*) as observation_count,
        count(*) filter (where indicator_code = 'unclassified') as unclassified_count,
        unclassified_count / observation_count as unclassified_share
    from observations
    group by document_id
    having unclassified_share > {{ var('unclassified_share_threshold') }}
),

breaks as (
    select whole_observation_id as observation_id, 1 as rule_order, 'parts_sum_to_whole' as rule_name,
        'parts add up to ' || sum_of_parts || ', whole is ' || whole_value as detail
    from compositions

    union all

    select parts.observation_id, 1, 'parts_sum_to_whole',
        'parts add up to ' || compositions.sum_of_parts || ', whole is ' || compositions.whole_value
    from compositions
    inner join observations as parts
        on parts.parent_observation_id = compositions.whole_observation_id
        and parts.unit = compositions.unit

    union all

    select ratio_observation_id, 2, 'ratio_matches_percentage',
        'computed ' || round(computed_percent, 2) || '%, stated ' || stated_percent || '%'
    from ratio_checks

    union all

    select percent_observation_id, 2, 'ratio_matches_percentage',
        'computed ' || round(computed_percent, 2) || '%, stated ' || stated_percent || '%'
    from ratio_checks

    union all

    select observation_id, 3, 'percentage_in_range', 'percent level ' || value || ' outside 0–100'
    from observations
    where unit = 'percent' and measure = 'level' and (value < 0 or value > 100)

    union all

    select observation_id, 4, 'numerator_not_above_denominator', value || ' > ' || denominator
    from observations
    where denominator is not null and value > denominator

    union all

    select unnest(string_split(observation_ids, ',')), 5, 'sources_agree',
        'documents state ' || min_value || ' to ' || max_value
    from cross_source

    union all

    select observations.observation_id, 6, 'unclassified_share',
        unclassified_shares.unclassified_count || ' of ' || unclassified_shares.observation_count
        || ' figures in the document have no catalog indicator (more than '
        || round(100 * {{ var('unclassified_share_threshold') }}) || '%)'
    from observations
    inner join unclassified_shares on unclassified_shares.document_id = observations.document_id
    where observations.indicator_code = 'unclassified'
)

select distinct on (observation_id, rule_name)
    observations.document_id,
    breaks.observation_id,
    breaks.rule_name,
    breaks.rule_order,
    breaks.detail
from breaks
inner join observations on observations.observation_id = breaks.observation_id
order by breaks.observation_id, breaks.rule_name
