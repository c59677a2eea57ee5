-- Figures for the same thing (indicator, geography, segment, period, measure,
-- target flag, unit, component, programme) stated by at least two documents.
-- Each figure is an interval given its qualifier (at_least: [v, +inf),
-- at_most: (-inf, v], exact/approx: [v, v]); the sources agree when the gap
-- between the highest lower bound and the lowest upper bound is within the
-- tolerance, so "trên 1,9 triệu tỷ" agrees with 1.928.311 tỷ.
--
-- Incremental by group: a build recomputes the groups of int_touched_comparison_keys
-- (those a changed document is or was in) and leaves the others as they are.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    pre_hook="
        {% if is_incremental() %}
        delete from {{ this }}
        where comparison_key in (select comparison_key from {{ ref('int_touched_comparison_keys') }})
        {% endif %}
    "
) }}
-- depends_on: {{ ref('int_touched_comparison_keys') }}, which reads this table's groups before they change

with observations as (
    select *
    from {{ ref('int_observations') }}
    where indicator_code <> 'unclassified' and period_code is not null
),

keyed as (
    select *, {{ comparison_key() }} as comparison_key
    from observations
),

grouped as (
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
        string_agg(observation_id, ',' order by document_id, span_start) as observation_ids,
        -- What the next build reads to find the groups a changed document was in.
        string_agg(distinct document_id, ',' order by document_id) as document_ids
    from keyed
    {% if is_incremental() -%}
    where comparison_key in (select comparison_key from {{ ref('int_touched_comparison_keys') }})
    {% endif -%}
    group by comparison_key
    having count(distinct document_id) >= 2
)

select
    * exclude (highest_lower_bound, lowest_upper_bound),
    (max_value - min_value) / nullif(greatest(abs(max_value), abs(min_value)), 0) as relative_spread,
    coalesce(
        highest_lower_bound - lowest_upper_bound
        <= {{ var('cross_source_tolerance') }} * greatest(abs(highest_lower_bound), abs(lowest_upper_bound)),
        true
    ) as is_consistent
from grouped
