{#-
  Incremental by document, for the models downstream of int_observations whose
  rows belong to one document (or one observation of it).

  A build refreshes the documents of `int_refreshed_documents`: those whose
  observations this build (re)loaded, those the run ingested, and those whose
  cross-source verdict may have moved because another document joined or
  left one of their comparison groups. `delete_refreshed_documents()` is the
  model's pre-hook: it deletes the rows of those documents and of documents
  that no longer have observations; `where_refreshed()` restricts the model's
  select to the same documents. On a first build (or `--full-refresh`) both
  are no-ops and the model is built whole. A model using them declares
  `-- depends_on: {{ ref('int_refreshed_documents') }}, {{ ref('int_observations') }},
  {{ ref('int_document_signatures') }}` (a first build renders
  no ref, so dbt would not otherwise know the dependency; int_observations comes after
  int_document_signatures, whose documents are exactly those int_observations holds).
-#}

{% macro delete_refreshed_documents() -%}
    {%- if is_incremental() -%}
    delete from {{ this }}
    where document_id in (select document_id from {{ ref('int_refreshed_documents') }})
        {#- One row per document with observations: cheaper to look up than int_observations' rows. #}
        or document_id not in (select document_id from {{ ref('int_document_signatures') }})
    {%- endif -%}
{%- endmacro %}

{% macro where_refreshed(column='document_id', keyword='where') -%}
    {%- if is_incremental() -%}
    {{ keyword }} {{ column }} in (select document_id from {{ ref('int_refreshed_documents') }})
    {%- endif -%}
{%- endmacro %}

{#- The group a figure is compared in across documents (int_cross_source). -#}
{% macro comparison_key() -%}
    md5(concat_ws('|', indicator_code, geo_code, segment, period_code, measure, is_target, unit,
        coalesce(component, ''), coalesce(program, '')))
{%- endmacro %}

{#- True when `relation` (int_cross_source as the previous build left it) records, for every group,
    its documents, bounds and load time: what merging new figures into a group needs. -#}
{% macro stored_groups_are_complete(relation) -%}
    {%- if not execute or relation is none -%}{{- return(false) -}}{%- endif -%}
    {%- set stored = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
    {%- if not ('document_ids' in stored and 'highest_lower_bound' in stored and 'loaded_at' in stored) -%}
        {{- return(false) -}}
    {%- endif -%}
    {%- set unrecorded = run_query(
        'select count(*) from ' ~ relation ~ ' where document_ids is null or loaded_at is null'
    ).columns[0].values()[0] -%}
    {{- return(unrecorded == 0) -}}
{%- endmacro %}
