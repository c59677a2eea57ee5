-- VI: Chuỗi số liệu cả nước và các tỉnh của một chỉ tiêu (tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến) qua các kỳ?
-- EN: National versus provincial series of one indicator (share of procedures offered online) over periods.
select
    case when observations.geo_code = 'VN' then 'national' else 'provincial' end as level,
    geography.name_vi as geography,
    observations.period_code,
    periods.grain,
    periods.period_end,
    observations.segment,
    observations.is_target,
    observations.value as percent,
    observations.quality_status
from marts.fct_observation_detail as observations
inner join marts.dim_geography as geography on geography.geo_key = observations.geo_key
left join marts.dim_period as periods on periods.period_code = observations.period_code
where observations.indicator_code = 'online_service_rate'
    and observations.measure = 'level'
order by level, geography, periods.period_end, observations.is_target
