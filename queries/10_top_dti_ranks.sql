-- VI: Những tỉnh, thành phố nào dẫn đầu xếp hạng chỉ số chuyển đổi số (DTI) mỗi năm?
-- EN: Which provinces lead the Digital Transformation Index (DTI) ranking each year?
select
    periods.year,
    ranks.value as dti_rank,
    geography.name_vi as province,
    geography.successor_name as province_today,
    documents.file_name
from marts.fct_observation_detail as ranks
inner join marts.dim_geography as geography on geography.geo_key = ranks.geo_key
inner join marts.dim_period as periods on periods.period_code = ranks.period_code
inner join marts.dim_document as documents on documents.document_id = ranks.document_id
where ranks.indicator_code = 'dti_rank'
    and ranks.geo_code <> 'VN'
    and ranks.value <= 10
order by periods.year desc, ranks.value
