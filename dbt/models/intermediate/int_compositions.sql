-- Every whole that has parts (observations pointing to it through
-- parent_observation_id, in the same unit), with the sum of its parts.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_refreshed_documents() }}"
) }}
-- depends_on: {{ ref('int_refreshed_documents') }}, {{ ref('int_observations') }}, {{ ref('int_document_signatures') }}
-- Incremental by document: a whole and its parts are in one document (macros/refresh_by_document.sql).
with observations as (
    select * from {{ ref('int_observations') }}
    {{ where_refreshed() }}
),

parts as (
    select
        parts.parent_observation_id as whole_observation_id,
        count(*) as part_count,
        sum(parts.value) as sum_of_parts,
        list_sort(list(distinct parts.component) filter (where parts.component is not null)) as part_components,
        string_agg(parts.observation_id, ',' order by parts.span_start) as part_observation_ids,
        bool_and(parts.qualifier = 'exact') as parts_are_exact
    from observations as parts
    inner join observations as whole
        on whole.observation_id = parts.parent_observation_id
        and whole.unit = parts.unit
    group by parts.parent_observation_id
),

compared as (
    select
        whole.observation_id as whole_observation_id,
        whole.document_id,
        whole.indicator_code,
        whole.geo_code,
        whole.segment,
        whole.period_code,
        whole.program,
        whole.component as whole_component,
        whole.unit,
        whole.value as whole_value,
        parts.part_count,
        array_to_string(parts.part_components, ',') as part_components,
        parts.part_observation_ids,
        parts.sum_of_parts,
        parts.sum_of_parts - whole.value as difference,
        parts.part_components in (
            {%- for partition in component_partitions() %}
            {{ partition | sort }}{{ "," if not loop.last }}
            {%- endfor %}
        ) as parts_are_exhaustive,
        -- Rounding room: none for exact figures, the cross-source tolerance when
        -- a figure is approximate or a bound ("hơn", "khoảng").
        case
            when parts.parts_are_exact and whole.qualifier = 'exact' then 1e-9 * greatest(abs(whole.value), 1)
            else {{ var('cross_source_tolerance') }} * abs(whole.value)
        end as tolerance
    from parts
    inner join observations as whole on whole.observation_id = parts.whole_observation_id
)

select
    * exclude (tolerance),
    case
        when parts_are_exhaustive then abs(difference) <= tolerance
        else difference <= tolerance
    end as is_consistent
from compared
