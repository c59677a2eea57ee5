-- Each of the 63 old units rolls up to exactly one current (34-unit) unit, and
-- every current unit has at least one predecessor.
with old_units as (
    select geo_key, successor_geo_key
    from {{ ref('dim_geography') }}
    where map_version = 'provinces_63'
),

current_units as (
    select geo_key from {{ ref('dim_geography') }} where map_version = 'provinces_34'
),

old_without_one_successor as (
    select old_units.geo_key, count(current_units.geo_key) as successors
    from old_units
    left join current_units on current_units.geo_key = old_units.successor_geo_key
    group by old_units.geo_key
    having count(current_units.geo_key) <> 1
),

current_without_predecessor as (
    select current_units.geo_key, 0 as successors
    from current_units
    where current_units.geo_key not in (select successor_geo_key from old_units)
)

select * from old_without_one_successor
union all
select * from current_without_predecessor
