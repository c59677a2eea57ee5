-- An observation classified under a catalog indicator is in that indicator's
-- unit. A warning, not a blocker: it points at classification slips.
{{ config(severity='warn') }}
select observations.observation_id, observations.indicator_code, observations.unit, indicators.unit as indicator_unit
from {{ ref('fct_observation') }} as observations
inner join {{ ref('dim_indicator') }} as indicators on indicators.indicator_code = observations.indicator_code
where indicators.unit is not null and observations.unit <> indicators.unit
