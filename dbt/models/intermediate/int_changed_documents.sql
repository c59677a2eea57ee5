-- The documents this build changed: their observations were (re)loaded into
-- int_observations by this dbt invocation, or (var `changed_since`, set by the
-- Dagster run to its start) one of their files was ingested by the run.
{%- set ingested_since = var('changed_since', none) %}

select distinct document_id
from {{ ref('int_observations') }}
where loaded_at >= '{{ run_started_at }}'::timestamptz
{%- if ingested_since %}

union

select document_id
from {{ ref('stg_documents') }}
where ingested_at >= '{{ ingested_since }}'::timestamp
{%- endif %}
