-- Figures for the same thing reported by more than one document, and whether they agree.
select
    comparison_key,
    indicator_code,
    geo_code,
    segment,
    period_code,
    measure,
    is_target,
    unit,
    component,
    program,
    document_count,
    observation_count,
    min_value,
    max_value,
    relative_spread,
    observation_ids,
    is_consistent
from {{ ref('int_cross_source') }}
