-- Per ok document: subject province and reporting period. Period bounds the
-- extractor left empty are derived from the code, the same way dim_period does.
select
    document_id,
    {{ clean_geo_code('subject_geo_code') }} as subject_geo_code,
    {{ clean_text('report_period_code') }} as report_period_code,
    coalesce(report_period_start, {{ period_start(clean_text('report_period_code')) }}) as report_period_start,
    coalesce(report_period_end, {{ period_end(clean_text('report_period_code')) }}) as report_period_end,
    extractor_version
from {{ source('staging', 'raw_document_context') }}
