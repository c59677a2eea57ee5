-- Every "X/Y" stated next to a percentage, with the computed and the stated share.
select
    ratio_observation_id,
    percent_observation_id,
    document_id,
    ratio_indicator_code,
    percent_indicator_code,
    geo_code,
    period_code,
    numerator,
    denominator,
    ratio_stated_text,
    percent_stated_text,
    computed_percent,
    stated_percent,
    stated_decimals,
    percent_qualifier,
    evidence,
    is_consistent
from {{ ref('int_ratio_checks') }}
