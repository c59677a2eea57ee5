-- VI: Các chỉ tiêu đề ra so với kết quả đạt được gần nhất của cùng chỉ số, địa bàn và phạm vi?
-- EN: Targets set versus the latest achieved figure of the same indicator, geography and segment.
with targets as (
    select * from marts.fct_observation_detail where is_target and measure = 'level'
),

-- The latest achieved figure of each indicator, geography, segment and unit, picked once per key
-- (not once per target after joining every achieved figure to every target of the key).
latest_achieved as (
    select indicator_code, geo_key, segment, unit, period_code, value
    from marts.fct_observation_detail
    where not is_target and measure = 'level'
    qualify row_number() over (
        partition by indicator_code, geo_key, segment, unit
        order by period_end desc nulls last, observation_id
    ) = 1
)

select
    indicators.name_vi as indicator,
    geography.name_vi as geography,
    targets.segment,
    targets.period_code as target_period,
    targets.value as target_value,
    achieved.period_code as achieved_period,
    achieved.value as achieved_value,
    targets.unit,
    achieved.value - targets.value as gap
from targets
inner join marts.dim_indicator as indicators on indicators.indicator_code = targets.indicator_code
inner join marts.dim_geography as geography on geography.geo_key = targets.geo_key
left join latest_achieved as achieved
    on achieved.indicator_code = targets.indicator_code
    and achieved.geo_key = targets.geo_key
    and achieved.segment = targets.segment
    and achieved.unit = targets.unit
order by indicator, geography, target_period
