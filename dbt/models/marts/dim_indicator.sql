-- The indicator catalog (seed `indicators`) plus the catch-all `unclassified`
-- for quantities no catalog entry fits.
select
    indicator_code,
    pillar,
    unit,
    name_vi,
    name_en,
    definition_en as definition
from {{ ref('indicators') }}

union all

select
    'unclassified',
    'unclassified',
    null,
    'Chưa phân loại',
    'Unclassified',
    'A stated quantity that no catalog indicator fits; its unit is the observation''s own.'
