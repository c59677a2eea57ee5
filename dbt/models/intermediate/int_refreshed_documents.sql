-- The documents whose rows the incremental models downstream of int_observations
-- rebuild (see macros/refresh_by_document.sql): the changed documents, and every
-- document (before or after) of a recomputed cross-source group whose verdict or
-- range moved, since those are what its figures' sources_agree flag and detail
-- say. A group that only gained a figure inside its range leaves its other
-- documents' rows as they were.
with regrouped as (
    select
        touched.previous_document_ids,
        current_group.document_ids,
        touched.previous_is_consistent is distinct from current_group.is_consistent
            or touched.previous_min_value is distinct from current_group.min_value
            or touched.previous_max_value is distinct from current_group.max_value as has_moved
    from {{ ref('int_touched_comparison_keys') }} as touched
    left join {{ ref('int_cross_source') }} as current_group
        on current_group.comparison_key = touched.comparison_key
)

select document_id
from {{ ref('int_changed_documents') }}

union

select unnest(string_split(previous_document_ids, ','))
from regrouped
where has_moved and previous_document_ids is not null

union

select unnest(string_split(document_ids, ','))
from regrouped
where has_moved and document_ids is not null
