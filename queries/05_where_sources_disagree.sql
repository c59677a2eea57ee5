-- VI: Những số liệu nào được nhiều nguồn báo cáo, và nguồn nào mâu thuẫn nhau (các dòng mâu thuẫn đứng đầu)?
-- EN: Which figures are reported by several sources, and where do they contradict each other (contradictions first)?
select
    not cross_source.is_consistent as sources_disagree,
    cross_source.indicator_code,
    cross_source.geo_code,
    cross_source.segment,
    cross_source.period_code,
    round(100 * cross_source.relative_spread, 1) as spread_percent,
    observations.value,
    observations.qualifier,
    observations.stated_text,
    documents.file_name
from marts.fct_cross_source as cross_source
cross join unnest(string_split(cross_source.observation_ids, ',')) as ids(observation_id)
inner join marts.fct_observation as observations on observations.observation_id = ids.observation_id
inner join marts.dim_document as documents on documents.document_id = observations.document_id
order by
    sources_disagree desc,
    cross_source.indicator_code,
    cross_source.geo_code,
    cross_source.period_code,
    observations.value
