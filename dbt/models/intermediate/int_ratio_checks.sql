-- Every "X/Y" count paired with the percentage stated after it in the same
-- sentence: the nearest following percent level, provided no other X/Y of the
-- sentence comes in between (that percent belongs to the later X/Y).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_refreshed_documents() }}"
) }}
-- depends_on: {{ ref('int_refreshed_documents') }}, {{ ref('int_observations') }}, {{ ref('int_document_signatures') }}
-- Incremental by document: an X/Y and its percentage are in one sentence (macros/refresh_by_document.sql).
with observations as (
    select * from {{ ref('int_observations') }}
    {{ where_refreshed() }}
),

ratios as (
    select *
    from observations
    where denominator is not null
        and denominator <> 0
        -- "9/63" ranks and scores are positions, not shares of a whole.
        and unit not in ('percent', 'rank', 'score')
),

percents as (
    select *
    from observations
    where unit = 'percent' and measure = 'level'
),

candidate_pairs as (
    select
        ratios.observation_id as ratio_observation_id,
        percents.observation_id as percent_observation_id,
        ratios.document_id,
        ratios.indicator_code as ratio_indicator_code,
        percents.indicator_code as percent_indicator_code,
        ratios.geo_code,
        ratios.period_code,
        ratios.value as numerator,
        ratios.denominator,
        ratios.stated_text as ratio_stated_text,
        percents.stated_text as percent_stated_text,
        percents.value as stated_percent,
        percents.qualifier as percent_qualifier,
        {{ stated_decimals('percents.stated_text') }} as stated_decimals,
        ratios.evidence,
        row_number() over (partition by ratios.observation_id order by percents.span_start) as nearness
    from ratios
    inner join percents
        on percents.document_id = ratios.document_id
        and percents.evidence = ratios.evidence
        and percents.span_start >= ratios.span_end
    where not exists (
        select 1
        from ratios as later_ratio
        where later_ratio.document_id = ratios.document_id
            and later_ratio.evidence = ratios.evidence
            and later_ratio.span_start > ratios.span_start
            and later_ratio.span_start < percents.span_start
    )
),

compared as (
    select
        * exclude (nearness),
        100.0 * numerator / denominator as computed_percent,
        power(10.0, -stated_decimals) as last_digit
    from candidate_pairs
    where nearness = 1
)

select
    * exclude (last_digit),
    -- A stated percent agrees when it is the computed one rounded OR truncated to
    -- the decimals written: 1.761/1.966 = 89.57% may be written 89,5 or 89,6.
    case percent_qualifier
        when 'at_least' then computed_percent >= stated_percent - last_digit / 2 - 1e-9
        when 'at_most' then computed_percent < stated_percent + last_digit + 1e-9
        else computed_percent >= stated_percent - last_digit / 2 - 1e-9
            and computed_percent < stated_percent + last_digit + 1e-9
    end as is_consistent
from compared
