-- Every whole with parts, the sum of its parts beside it, and whether they agree.
select
    whole_observation_id,
    document_id,
    indicator_code,
    geo_code,
    segment,
    period_code,
    program,
    whole_component,
    unit,
    whole_value,
    part_count,
    part_components,
    part_observation_ids,
    sum_of_parts,
    difference,
    parts_are_exhaustive,
    is_consistent
from {{ ref('int_compositions') }}
