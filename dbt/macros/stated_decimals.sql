{#-
  Decimals of a number as written in Vietnamese text: the comma is the decimal
  mark ("89,5%" -> 1); a dot followed by one or two digits is read as a
  decimal point too ("89.5%"), while a dot before three digits groups
  thousands ("1.966" -> 0).
-#}
{% macro stated_decimals(stated_text) -%}
    coalesce(
        length(nullif(regexp_extract({{ stated_text }}, '\d,(\d+)', 1), '')),
        length(nullif(regexp_extract({{ stated_text }}, '\d\.(\d{1,2})(?:\D|$)', 1), '')),
        0
    )
{%- endmacro %}
