{#-
  Sets of components that together make up their whole. When a whole's parts
  are exactly one of these sets, they must add up to it; otherwise the parts
  stated are only some of the whole and may add up to less, never to more.
-#}
{% macro component_partitions() -%}
    {{ return([
        ['completed', 'in_progress', 'not_started'],
        ['official', 'trial'],
        ['achieved', 'not_achieved'],
    ]) }}
{%- endmacro %}
