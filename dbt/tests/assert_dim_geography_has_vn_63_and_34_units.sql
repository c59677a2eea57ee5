-- dim_geography holds exactly VN, the 63 units of 2008-2025 and the 34 units of 2025.
with expected(map_version, expected_count) as (
    values ('national', 1), ('provinces_63', 63), ('provinces_34', 34)
),

actual as (
    select map_version, count(*) as actual_count
    from {{ ref('dim_geography') }}
    group by map_version
)

select expected.map_version, expected.expected_count, actual.actual_count
from expected
full outer join actual on actual.map_version = expected.map_version
where actual.actual_count is distinct from expected.expected_count
