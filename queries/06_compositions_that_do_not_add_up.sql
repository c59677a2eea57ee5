-- VI: Tổng số nào không khớp với tổng các thành phần (hoàn thành + đang triển khai + chưa triển khai ≠ tổng số)? Các dòng không khớp đứng đầu.
-- EN: Which wholes do not match the sum of their parts (completed + in progress + not started ≠ total)? Mismatches first.
select
    not compositions.is_consistent as does_not_add_up,
    compositions.indicator_code,
    compositions.geo_code,
    compositions.period_code,
    compositions.program,
    compositions.whole_value,
    compositions.part_components,
    compositions.sum_of_parts,
    compositions.difference,
    compositions.parts_are_exhaustive,
    documents.file_name,
    whole.evidence
from marts.fct_composition as compositions
inner join marts.fct_observation as whole on whole.observation_id = compositions.whole_observation_id
inner join marts.dim_document as documents on documents.document_id = compositions.document_id
order by does_not_add_up desc, abs(compositions.difference) desc, compositions.indicator_code
