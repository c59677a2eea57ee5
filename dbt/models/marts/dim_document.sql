-- One row per document_id. Files with identical normalised text share an id;
-- the row describes the first of them by file name (then ingestion time).
with files as (
    select
        *,
        count(*) over (partition by document_id) as file_count,
        row_number() over (partition by document_id order by file_name, ingested_at, file_path) as file_rank
    from {{ ref('stg_documents') }}
),

context as (
    select * from {{ ref('stg_document_context') }}
)

select
    files.document_id,
    files.file_name,
    files.title,
    files.publisher,
    files.published_date,
    context.subject_geo_code,
    context.report_period_code,
    files.char_count,
    files.status,
    files.status_detail,
    files.ingested_at,
    -- Beyond the contract's columns:
    files.file_path,
    files.file_count,
    files.source_sha256,
    files.encoding,
    files.published_at,
    context.report_period_start,
    context.report_period_end,
    context.extractor_version
from files
left join context on context.document_id = files.document_id
where files.file_rank = 1
