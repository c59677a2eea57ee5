-- The documents whose rows the incremental models downstream of int_observations
-- rebuild (see macros/refresh_by_document.sql): the changed documents, and every
-- document (before or after) of a rewritten cross-source group whose verdict or
-- range moved, since those are what its figures' sources_agree flag and detail
-- say. A group that only gained a figure inside its range leaves its other
-- documents' rows as they were.
with moved as (
    select touched.comparison_key
    from {{ ref('int_touched_comparison_keys') }} as touched
    left join {{ ref('int_cross_source') }} as current_group
        on current_group.comparison_key = touched.comparison_key
    where touched.previous_is_consistent is distinct from current_group.is_consistent
        or touched.previous_min_value is distinct from current_group.min_value
        or touched.previous_max_value is distinct from current_group.max_value
)

select document_id
from {{ ref('int_changed_documents') }}

union

-- Only the groups that may have lost documents carry their previous ones; the others kept theirs.
select unnest(string_split(previous_document_ids, ','))
from {{ ref('int_touched_comparison_keys') }}
where comparison_key in (select comparison_key from moved) and previous_document_ids is not null

union

select unnest(string_split(document_ids, ','))
from {{ ref('int_cross_source') }}
where comparison_key in (select comparison_key from moved)
