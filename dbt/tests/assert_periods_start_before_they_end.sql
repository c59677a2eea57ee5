-- A period never ends before it starts, in dim_period or on a fact.
select 'dim_period' as model, period_code as id, period_start, period_end
from {{ ref('dim_period') }}
where period_start > period_end

union all

select 'fct_observation', observation_id, period_start, period_end
from {{ ref('fct_observation') }}
where period_start > period_end
