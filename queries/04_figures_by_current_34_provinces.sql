-- VI: Số liệu theo 34 tỉnh, thành phố hiện nay (gộp số liệu của các tỉnh cũ trước ngày 1/7/2025)?
-- EN: Figures by today's 34 provinces (old provinces' figures before 2025-07-01 rolled up to their successor).
select
    current_geo_code,
    current_geo_name,
    count(*) as observations,
    count(distinct geo_key) as original_units,
    string_agg(distinct geo_name, ', ' order by geo_name) as stated_for,
    string_agg(distinct indicator_code, ', ' order by indicator_code) as indicators,
    min(period_start) as earliest,
    max(period_end) as latest
from marts.fct_observation_current_geo
where current_geo_code <> 'VN'
group by current_geo_code, current_geo_name
order by current_geo_code
