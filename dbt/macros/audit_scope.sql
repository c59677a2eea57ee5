{#-
  Data tests whose cost follows what a build changed, not the warehouse.

  dbt wraps the model a generic test reads in `get_where_subquery`; this
  override narrows it for models whose rows are rebuilt by document:

  * tag `audit_refreshed_documents` (the models of macros/refresh_by_document.sql
    and the views over them): the rows of the documents in
    int_refreshed_documents, the only rows this build rewrote;
  * tag `audit_loaded_rows` (int_observations): the rows of its latest load
    (one statement, one `loaded_at`), those this build loaded if it loaded any.

  A `unique` test reads every row that shares its value with such a row, so a
  new row colliding with an old one still fails. On a first build or a
  `--full-refresh` every document is refreshed, so every row is tested. Rows of
  other documents were tested by the build that wrote them and are unchanged.
  A separate `dbt test` audits what the last build rewrote.
  What can change for every row at once stays tested over whole tables: the
  dimensions' own tests, the `relationships` tests from facts to dimensions.
  Var `audit_whole_tables: true` turns the narrowing off.
-#}

{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set rows = audited_rows(relation) -%}
    {%- set conditions = [] -%}
    {%- if where %}{% do conditions.append('(' ~ where ~ ')') %}{% endif -%}
    {%- if rows %}{% do conditions.append(rows) %}{% endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- The condition selecting what the current test audits in `relation`, '' for every row. -#}
{% macro audited_rows(relation) -%}
    {%- if not execute or var('audit_whole_tables', false) or model.resource_type != 'test' -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set tested = graph.nodes.get(model.attached_node) if model.attached_node else none -%}
    {%- set test_name = model.test_metadata.name if model.test_metadata else '' -%}
    {%- if tested is none or test_name == 'relationships' -%}{{- return('') -}}{%- endif -%}
    {%- if 'audit_refreshed_documents' in tested.tags -%}
        {%- set refreshed = graph.nodes['model.dxw.int_refreshed_documents'] -%}
        {%- set changed -%}
            document_id in (select document_id from {{ api.Relation.create(
                database=refreshed.database, schema=refreshed.schema, identifier=refreshed.alias) }})
        {%- endset -%}
    {%- elif 'audit_loaded_rows' in tested.tags -%}
        {#- One load writes its rows in one statement, with one timestamp: the latest load's rows. -#}
        {%- set changed -%}
            loaded_at = (select max(loaded_at) from {{ relation }})
        {%- endset -%}
    {%- else -%}
        {{- return('') -}}
    {%- endif -%}
    {%- if test_name == 'unique' -%}
        {#- A test over an expression may name a column every duplicate shares (meta audit_key). -#}
        {%- set key = model.config.meta.get('audit_key') or model.test_metadata.kwargs.column_name -%}
        {{- return('(' ~ key ~ ') in (select ' ~ key ~ ' from ' ~ relation ~ ' where ' ~ changed ~ ')') -}}
    {%- endif -%}
    {{- return(changed) -}}
{%- endmacro %}
