{#-
  Parse the contract's period codes in SQL, so dim_period and the facts agree on
  what a code means:
    2024 year · 2024-H1 half · 2024-Q3 quarter · 2024-09 month ·
    2024-10-09 day · 2021/2025 multi-year span.
  Anything else yields a null grain (and fails dim_period's tests).
-#}
{% macro period_grain(code) -%}
    case
        when regexp_full_match({{ code }}, '\d{4}') then 'year'
        when regexp_full_match({{ code }}, '\d{4}-H[12]') then 'half'
        when regexp_full_match({{ code }}, '\d{4}-Q[1-4]') then 'quarter'
        when regexp_full_match({{ code }}, '\d{4}-(0[1-9]|1[0-2])') then 'month'
        when regexp_full_match({{ code }}, '\d{4}-\d{2}-\d{2}')
            and try_strptime({{ code }}, '%Y-%m-%d') is not null then 'day'
        when regexp_full_match({{ code }}, '\d{4}/\d{4}') then 'multi_year'
    end
{%- endmacro %}

{% macro _period_year(code) -%}
    try_cast(substr({{ code }}, 1, 4) as integer)
{%- endmacro %}

{% macro _period_number(code) -%}
    {#- the digit(s) after the first separator: H1 -> 1, Q3 -> 3, 09 -> 9 -#}
    try_cast(regexp_extract({{ code }}, '^\d{4}-[HQ]?(\d{1,2})', 1) as integer)
{%- endmacro %}

{% macro period_start(code) -%}
    case {{ period_grain(code) }}
        when 'year' then make_date({{ _period_year(code) }}, 1, 1)
        when 'half' then make_date({{ _period_year(code) }}, 6 * {{ _period_number(code) }} - 5, 1)
        when 'quarter' then make_date({{ _period_year(code) }}, 3 * {{ _period_number(code) }} - 2, 1)
        when 'month' then make_date({{ _period_year(code) }}, {{ _period_number(code) }}, 1)
        when 'day' then try_cast({{ code }} as date)
        when 'multi_year' then make_date({{ _period_year(code) }}, 1, 1)
    end
{%- endmacro %}

{% macro period_end(code) -%}
    case {{ period_grain(code) }}
        when 'year' then make_date({{ _period_year(code) }}, 12, 31)
        when 'half' then last_day(make_date({{ _period_year(code) }}, 6 * {{ _period_number(code) }}, 1))
        when 'quarter' then last_day(make_date({{ _period_year(code) }}, 3 * {{ _period_number(code) }}, 1))
        when 'month' then last_day(make_date({{ _period_year(code) }}, {{ _period_number(code) }}, 1))
        when 'day' then try_cast({{ code }} as date)
        when 'multi_year' then make_date(try_cast(substr({{ code }}, 6, 4) as integer), 12, 31)
    end
{%- endmacro %}
