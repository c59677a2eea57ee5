-- Each observation with the current (34-unit) province it rolls up to: a 2024
-- figure for Quảng Bình (44) and one for old Quảng Trị (45) both count under
-- today's Quảng Trị (44).
select
    observations.*,
    geography.name_vi as geo_name,
    geography.successor_geo_key as current_geo_key,
    geography.successor_code as current_geo_code,
    geography.successor_name as current_geo_name
from {{ ref('fct_observation_detail') }} as observations
inner join {{ ref('dim_geography') }} as geography on geography.geo_key = observations.geo_key
