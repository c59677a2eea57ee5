-- VN, the 63 provincial units of 2008-08-01..2025-06-30 and the 34 units from
-- 2025-07-01. Codes collide across the two lists (44 is Quảng Bình before and
-- the new Quảng Trị after), so geo_key is the unique key.
with provinces_63 as (
    select * from {{ ref('provinces_63') }}
),

provinces_34 as (
    select * from {{ ref('provinces_34') }}
),

national as (
    select
        'VN' as geo_key,
        'VN' as geo_code,
        'Việt Nam' as name_vi,
        'Viet Nam' as name_ascii,
        'country' as unit_type,
        'national' as map_version,
        null::varchar as region,
        -- Reunification: the country as a whole predates both provincial maps.
        date '1976-07-02' as valid_from,
        null::date as valid_to,
        'VN' as successor_code,
        'Việt Nam' as successor_name,
        'VN' as successor_geo_key,
        null::varchar as merged_from,
        'Vietnam;Cả nước;Toàn quốc' as aliases
),

old_units as (
    select
        'p63_' || provinces_63.gso_code as geo_key,
        provinces_63.gso_code as geo_code,
        provinces_63.name_vi,
        provinces_63.name_ascii,
        case provinces_63.kind when 'tinh' then 'province' else 'centrally_run_city' end as unit_type,
        'provinces_63' as map_version,
        provinces_63.region,
        provinces_63.valid_from,
        provinces_63.valid_to,
        provinces_63.successor_code,
        successor.name_vi as successor_name,
        'p34_' || provinces_63.successor_code as successor_geo_key,
        null::varchar as merged_from,
        provinces_63.aliases
    from provinces_63
    left join provinces_34 as successor on successor.code = provinces_63.successor_code
),

new_units as (
    select
        'p34_' || code as geo_key,
        code as geo_code,
        name_vi,
        name_ascii,
        case kind when 'tinh' then 'province' else 'centrally_run_city' end as unit_type,
        'provinces_34' as map_version,
        -- The reference gives GSO regions for the 63-unit period only.
        null::varchar as region,
        valid_from,
        null::date as valid_to,
        code as successor_code,
        name_vi as successor_name,
        'p34_' || code as successor_geo_key,
        merged_from,
        aliases
    from provinces_34
)

select * from national
union all
select * from old_units
union all
select * from new_units
