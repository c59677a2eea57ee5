-- Every period code the facts and the document contexts use, parsed from the
-- code itself (see macros/period_codes.sql).
with codes as (
    select period_code from {{ ref('int_observations') }} where period_code is not null
    union
    select report_period_code from {{ ref('stg_document_context') }} where report_period_code is not null
),

parsed as (
    select
        period_code,
        {{ period_grain('period_code') }} as grain,
        {{ period_start('period_code') }} as period_start,
        {{ period_end('period_code') }} as period_end
    from codes
)

select
    period_code,
    grain,
    period_start,
    period_end,
    -- year/half/quarter/month describe single-year periods; a multi-year span
    -- has year = its first year and year_end = its last.
    year(period_start) as year,
    year(period_end) as year_end,
    case when grain <> 'multi_year' and grain <> 'year' then case when month(period_start) <= 6 then 1 else 2 end end
        as half,
    case when grain in ('quarter', 'month', 'day') then quarter(period_start) end as quarter,
    case when grain in ('month', 'day') then month(period_start) end as month
from parsed
