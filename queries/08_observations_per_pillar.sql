-- VI: Có bao nhiêu số liệu cho mỗi trụ cột chuyển đổi số, và bao nhiêu trong đó có vấn đề chất lượng?
-- EN: How many observations does each digital-transformation pillar have, and how many have quality issues?
select
    indicators.pillar,
    count(distinct observations.indicator_code) as indicators,
    count(*) as observations,
    count(*) filter (where observations.quality_status <> 'ok') as with_quality_issue,
    count(distinct observations.document_id) as documents
from marts.fct_observation as observations
inner join marts.dim_indicator as indicators on indicators.indicator_code = observations.indicator_code
group by indicators.pillar
order by observations desc, indicators.pillar
