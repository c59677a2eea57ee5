-- A part's whole is stated in the same document, and is not the part itself.
-- Parts of the documents this build rewrote (macros/audit_scope.sql): a part and its
-- whole share a document, so rows of other documents are as the last build tested them.
select parts.observation_id, parts.document_id, whole.document_id as whole_document_id
from {{ ref('fct_observation') }} as parts
inner join {{ ref('fct_observation') }} as whole on whole.observation_id = parts.parent_observation_id
where (whole.document_id <> parts.document_id or whole.observation_id = parts.observation_id)
    {%- if not var('audit_whole_tables', false) %}
    and parts.document_id in (select document_id from {{ ref('int_refreshed_documents') }})
    {%- endif %}
