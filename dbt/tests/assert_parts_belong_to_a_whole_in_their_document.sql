-- A part's whole is stated in the same document, and is not the part itself.
select parts.observation_id, parts.document_id, whole.document_id as whole_document_id
from {{ ref('fct_observation') }} as parts
inner join {{ ref('fct_observation') }} as whole on whole.observation_id = parts.parent_observation_id
where whole.document_id <> parts.document_id or whole.observation_id = parts.observation_id
