-- The cross-source groups (int_cross_source's comparison_key) this build
-- recomputes, with what the previous build stored for them: those a changed
-- document states a figure in now, and those a changed or vanished document
-- (one with no observations any more) stated a figure in before. Without a
-- previous build (or one that did not record its groups' documents) every group.
-- depends_on: {{ ref('int_changed_documents') }}
{%- set previous = none %}
{%- set previous_is_complete = false %}
{%- if execute %}
    {%- set previous = adapter.get_relation(database=this.database, schema=this.schema, identifier='int_cross_source') %}
    {%- if previous is not none and 'document_ids' in (adapter.get_columns_in_relation(previous) | map(attribute='name') | list) %}
        {%- set unrecorded = run_query('select count(*) from ' ~ previous ~ ' where document_ids is null').columns[0].values()[0] %}
        {%- set previous_is_complete = unrecorded == 0 %}
    {%- endif %}
{%- endif %}

with observations as (
    select document_id, {{ comparison_key() }} as comparison_key
    from {{ ref('int_observations') }}
)
{%- if previous_is_complete %},

previous_groups as (
    select comparison_key, unnest(string_split(document_ids, ',')) as document_id
    from {{ previous }}
),

touched as (
    select comparison_key
    from observations
    where document_id in (select document_id from {{ ref('int_changed_documents') }})

    union

    select comparison_key
    from previous_groups
    where document_id in (select document_id from {{ ref('int_changed_documents') }})
        or document_id not in (select document_id from observations)
)

select
    touched.comparison_key,
    previous.is_consistent as previous_is_consistent,
    previous.min_value as previous_min_value,
    previous.max_value as previous_max_value,
    previous.document_ids as previous_document_ids
from touched
left join {{ previous }} as previous on previous.comparison_key = touched.comparison_key
{%- else %}

select distinct
    comparison_key,
    null::boolean as previous_is_consistent,
    null::double as previous_min_value,
    null::double as previous_max_value,
    null::varchar as previous_document_ids
from observations
{%- endif %}
