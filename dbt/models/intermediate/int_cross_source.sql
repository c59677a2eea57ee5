-- Figures for the same thing (indicator, geography, segment, period, measure,
-- target flag, unit, component, programme) stated by at least two documents.
-- Each figure is an interval given its qualifier (at_least: [v, +inf),
-- at_most: (-inf, v], exact/approx: [v, v]); the sources agree when the gap
-- between the highest lower bound and the lowest upper bound is within the
-- tolerance, so "trên 1,9 triệu tỷ" agrees with 1.928.311 tỷ.
--
-- Incremental by group (int_touched_comparison_keys): a group that only gains
-- the figures of documents new to it gets them added to its stored counts,
-- range, bounds and id lists (is_merge); the other touched groups are
-- recomputed from all their figures, and those no longer stated by two
-- documents are removed (post-hook: touched, not merged, not written now).
-- Untouched groups stay as they are. The id lists are kept sorted, so a merge
-- writes what a full rebuild would.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='comparison_key',
    on_schema_change='sync_all_columns',
    post_hook="
        {% if is_incremental() %}
        delete from {{ this }}
        where (loaded_at is null or loaded_at < '{{ run_started_at }}'::timestamptz)
            and comparison_key in (
                select comparison_key from {{ ref('int_touched_comparison_keys') }} where not is_merge
            )
        {% endif %}
    "
) }}
-- depends_on: {{ ref('int_touched_comparison_keys') }}, which reads this table's groups before they change
-- depends_on: {{ ref('int_changed_documents') }}
{%- set can_merge = is_incremental() and stored_groups_are_complete(this) %}

with observations as (
    select *
    from {{ ref('int_observations') }} as observation
    where indicator_code <> 'unclassified' and period_code is not null
    {%- if is_incremental() %}
        -- Only the figures of recomputed groups, found by columns of their own before hashing.
        and exists (
            select 1
            from {{ ref('int_touched_comparison_keys') }} as touched
            where not touched.is_merge
                and touched.indicator_code = observation.indicator_code
                and touched.geo_code = observation.geo_code
                and touched.period_code = observation.period_code
        )
    {%- endif %}
),

keyed as (
    select *, {{ comparison_key() }} as comparison_key
    from observations
),

recomputed as (
    select
        comparison_key,
        any_value(indicator_code) as indicator_code,
        any_value(geo_code) as geo_code,
        any_value(segment) as segment,
        any_value(period_code) as period_code,
        any_value(measure) as measure,
        any_value(is_target) as is_target,
        any_value(unit) as unit,
        any_value(component) as component,
        any_value(program) as program,
        count(distinct document_id) as document_count,
        count(*) as observation_count,
        min(value) as min_value,
        max(value) as max_value,
        max(value) filter (where qualifier <> 'at_most') as highest_lower_bound,
        min(value) filter (where qualifier <> 'at_least') as lowest_upper_bound,
        string_agg(observation_id, ',' order by observation_id) as observation_ids,
        -- What the next build reads to find the groups a changed document was in.
        string_agg(distinct document_id, ',' order by document_id) as document_ids
    from keyed
    {% if is_incremental() -%}
    where comparison_key in (
        select comparison_key from {{ ref('int_touched_comparison_keys') }} where not is_merge
    )
    {% endif -%}
    group by comparison_key
    having count(distinct document_id) >= 2
)
{%- if can_merge %},

-- The figures of the changed documents in the groups they join (none of them was in it before).
added as (
    select
        {{ comparison_key() }} as comparison_key,
        count(distinct document_id) as document_count,
        count(*) as observation_count,
        min(value) as min_value,
        max(value) as max_value,
        max(value) filter (where qualifier <> 'at_most') as highest_lower_bound,
        min(value) filter (where qualifier <> 'at_least') as lowest_upper_bound,
        list(observation_id) as observation_ids,
        list(distinct document_id) as document_ids
    from {{ ref('int_observations') }}
    where document_id in (select document_id from {{ ref('int_changed_documents') }})
        and indicator_code <> 'unclassified' and period_code is not null
    group by 1
),

merged as (
    select
        stored.comparison_key,
        stored.indicator_code,
        stored.geo_code,
        stored.segment,
        stored.period_code,
        stored.measure,
        stored.is_target,
        stored.unit,
        stored.component,
        stored.program,
        stored.document_count + added.document_count as document_count,
        stored.observation_count + added.observation_count as observation_count,
        -- least/greatest skip nulls, as min/max over the union would.
        least(stored.min_value, added.min_value) as min_value,
        greatest(stored.max_value, added.max_value) as max_value,
        greatest(stored.highest_lower_bound, added.highest_lower_bound) as highest_lower_bound,
        least(stored.lowest_upper_bound, added.lowest_upper_bound) as lowest_upper_bound,
        array_to_string(
            list_sort(list_concat(string_split(stored.observation_ids, ','), added.observation_ids)), ','
        ) as observation_ids,
        array_to_string(
            list_sort(list_concat(string_split(stored.document_ids, ','), added.document_ids)), ','
        ) as document_ids
    from {{ this }} as stored
    inner join added on added.comparison_key = stored.comparison_key
    where stored.comparison_key in (
        select comparison_key from {{ ref('int_touched_comparison_keys') }} where is_merge
    )
),

grouped as (
    select * from recomputed
    union all
    select * from merged
)
{%- else %},

grouped as (
    select * from recomputed
)
{%- endif %}

select
    comparison_key,
    indicator_code,
    geo_code,
    segment,
    period_code,
    measure,
    is_target,
    unit,
    component,
    program,
    document_count,
    observation_count,
    min_value,
    max_value,
    observation_ids,
    document_ids,
    (max_value - min_value) / nullif(greatest(abs(max_value), abs(min_value)), 0) as relative_spread,
    coalesce(
        highest_lower_bound - lowest_upper_bound
        <= {{ var('cross_source_tolerance') }} * greatest(abs(highest_lower_bound), abs(lowest_upper_bound)),
        true
    ) as is_consistent,
    -- Kept so a later build can merge new figures into the group.
    highest_lower_bound,
    lowest_upper_bound,
    current_timestamp as loaded_at
from grouped
