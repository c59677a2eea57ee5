-- What int_observations' rows of a document were built from. Observations are
-- append-only per document: they change only when the document is re-extracted
-- (new extractor version, or a different number of rows) or hand-corrected.
with observation_counts as (
    select document_id, count(*) as observation_count
    from {{ ref('stg_observations') }}
    group by document_id
),

override_fingerprints as (
    select
        document_id,
        md5(string_agg(override_fingerprint, ',' order by observation_id)) as overrides_fingerprint
    from {{ ref('int_observation_overrides') }}
    group by document_id
)

select
    observation_counts.document_id,
    context.extractor_version,
    observation_counts.observation_count,
    md5(concat_ws('|',
        coalesce(context.extractor_version, ''),
        observation_counts.observation_count,
        coalesce(override_fingerprints.overrides_fingerprint, '')
    )) as document_signature
from observation_counts
left join {{ ref('stg_document_context') }} as context
    on context.document_id = observation_counts.document_id
left join override_fingerprints
    on override_fingerprints.document_id = observation_counts.document_id
