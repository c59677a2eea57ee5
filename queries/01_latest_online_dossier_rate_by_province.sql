-- VI: Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến mới nhất của cả nước và từng tỉnh là bao nhiêu?
-- EN: What is the latest online-dossier rate for the country and for each province?
with achieved as (
    select *
    from marts.fct_observation_detail
    where indicator_code = 'online_dossier_rate'
        and measure = 'level'
        and not is_target
        and segment = 'all'
)

select
    geography.name_vi as geography,
    achieved.geo_code,
    achieved.period_code,
    achieved.value as percent,
    achieved.qualifier,
    achieved.quality_status,
    documents.file_name
from achieved
inner join marts.dim_geography as geography on geography.geo_key = achieved.geo_key
inner join marts.dim_document as documents on documents.document_id = achieved.document_id
qualify row_number() over (
    partition by achieved.geo_key order by achieved.period_end desc nulls last, achieved.observation_id
) = 1
order by achieved.geo_code = 'VN' desc, geography.name_vi
