{#-
  Schemas are named exactly `staging` and `marts` (not `<target>_staging`):
  the published warehouse contract, the Dagster assets and the expectation
  suites all refer to them by these names.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
