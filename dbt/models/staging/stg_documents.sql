-- One cleaned row per input file version. The document text itself stays in the
-- raw table: no mart needs it, and a view keeps this free.
select
    document_id,
    file_name,
    file_path,
    source_sha256,
    {{ clean_code('status') }} as status,
    {{ clean_text('status_detail') }} as status_detail,
    {{ clean_code('encoding') }} as encoding,
    {{ clean_text('title') }} as title,
    {{ clean_text('publisher') }} as publisher,
    published_date,
    published_at,
    char_count,
    ingested_at
from {{ source('staging', 'raw_documents') }}
