-- The cross-source groups (int_cross_source's comparison_key) this build
-- rewrites, with what the previous build stored for them: those a changed
-- document states a figure in now, and those a changed or vanished document
-- (one with no observations any more) stated a figure in before.
--
-- is_merge: the group was stored and none of its documents changed or
-- vanished, so it only gains the changed documents' figures; int_cross_source
-- adds them to the stored aggregates instead of re-reading the whole group.
-- The other touched groups are recomputed from their figures, found by their
-- indicator, geography and period (the grouping columns carried here).
-- previous_document_ids: for the groups that may lose documents, who was in them.
--
-- Without a previous build (or one from before the stored bounds and load
-- times) every group is recomputed.
-- depends_on: {{ ref('int_changed_documents') }}, {{ ref('int_document_signatures') }}
{%- set previous = none %}
{%- if execute %}
    {%- set previous = adapter.get_relation(database=this.database, schema=this.schema, identifier='int_cross_source') %}
{%- endif %}
{%- set previous_is_complete = stored_groups_are_complete(previous) %}

{%- set grouping_columns = 'indicator_code, geo_code, segment, period_code, measure, is_target, unit, component, program' %}

with figures as (
    select {{ comparison_key() }} as comparison_key, {{ grouping_columns }}
    from {{ ref('int_observations') }}
    where indicator_code <> 'unclassified' and period_code is not null
    {%- if previous_is_complete %}
        and document_id in (select document_id from {{ ref('int_changed_documents') }})
    {%- endif %}
),

figure_groups as (
    select comparison_key, {% for column in grouping_columns.split(', ') %}any_value({{ column }}) as {{ column }}{{ ', ' if not loop.last }}{% endfor %}
    from figures
    group by comparison_key
)
{%- if previous_is_complete %},

previous_members as (
    select comparison_key, unnest(string_split(document_ids, ',')) as document_id
    from {{ previous }}
),

shrinking as (
    select distinct comparison_key
    from previous_members
    where document_id in (select document_id from {{ ref('int_changed_documents') }})
        or document_id not in (select document_id from {{ ref('int_document_signatures') }})
),

touched as (
    select comparison_key from figure_groups
    union
    select comparison_key from shrinking
)

select
    touched.comparison_key,
    {%- for column in grouping_columns.split(', ') %}
    case when previous.comparison_key is not null then previous.{{ column }} else figure_groups.{{ column }} end
        as {{ column }},
    {%- endfor %}
    previous.comparison_key is not null and shrinking.comparison_key is null as is_merge,
    previous.is_consistent as previous_is_consistent,
    previous.min_value as previous_min_value,
    previous.max_value as previous_max_value,
    case when shrinking.comparison_key is not null then previous.document_ids end as previous_document_ids
from touched
left join {{ previous }} as previous on previous.comparison_key = touched.comparison_key
left join figure_groups on figure_groups.comparison_key = touched.comparison_key
left join shrinking on shrinking.comparison_key = touched.comparison_key
{%- else %}

select
    comparison_key,
    {{ grouping_columns }},
    false as is_merge,
    null::boolean as previous_is_consistent,
    null::double as previous_min_value,
    null::double as previous_max_value,
    null::varchar as previous_document_ids
from figure_groups
{%- endif %}
