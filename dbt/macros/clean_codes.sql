{#- Codes arrive from Python; these make small spelling slips harmless. -#}

{% macro clean_code(column) -%}
    nullif(lower(trim({{ column }})), '')
{%- endmacro %}

{#- `VN`, or a GSO province code as two digits ("8" -> "08"). -#}
{% macro clean_geo_code(column) -%}
    case
        when upper(trim({{ column }})) = 'VN' then 'VN'
        when regexp_full_match(trim({{ column }}), '\d') then '0' || trim({{ column }})
        else nullif(trim({{ column }}), '')
    end
{%- endmacro %}

{% macro clean_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}
