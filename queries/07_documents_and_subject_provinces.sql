-- VI: Mỗi văn bản nói về tỉnh nào, kỳ báo cáo nào, và có bao nhiêu số liệu?
-- EN: Which province and reporting period is each document about, and how many figures does it state?
select
    documents.file_name,
    documents.status,
    documents.published_date,
    documents.report_period_code,
    documents.subject_geo_code,
    -- Subject codes follow the same map rule as facts: the 34-unit map from 2025-07-01.
    coalesce(new_unit.name_vi, old_unit.name_vi) as subject_province,
    count(observations.observation_id) as observations
from marts.dim_document as documents
left join marts.dim_geography as old_unit
    on old_unit.geo_code = documents.subject_geo_code and old_unit.map_version = 'provinces_63'
left join marts.dim_geography as new_unit
    on new_unit.geo_code = documents.subject_geo_code and new_unit.map_version = 'provinces_34'
    and coalesce(documents.report_period_end, documents.published_date) >= date '2025-07-01'
left join marts.fct_observation as observations on observations.document_id = documents.document_id
group by all
order by documents.file_name
