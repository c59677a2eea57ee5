-- text[span_start:span_end] is the number as written: a non-empty, in-text range.
select observation_id, span_start, span_end
from {{ ref('fct_observation') }}
where span_start < 0 or span_end <= span_start
