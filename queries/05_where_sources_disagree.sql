-- VI: Những số liệu nào được nhiều nguồn báo cáo, và nguồn nào mâu thuẫn nhau (các dòng mâu thuẫn đứng đầu)?
-- EN: Which figures are reported by several sources, and where do they contradict each other (contradictions first)?
-- (Each group's ids are split into one row per figure before any other column is joined, so a
-- large group costs memory in proportion to its size, not to its size squared.)
with members as (
    select
        comparison_key,
        unnest(string_split(observation_ids, ',')) as observation_id
    from marts.fct_cross_source
)

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
from members
inner join marts.fct_cross_source as cross_source on cross_source.comparison_key = members.comparison_key
inner join marts.fct_observation as observations on observations.observation_id = members.observation_id
inner join marts.dim_document as documents on documents.document_id = observations.document_id
order by
    sources_disagree desc,
    cross_source.indicator_code,
    cross_source.geo_code,
    cross_source.period_code,
    observations.value
