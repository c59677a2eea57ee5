"""Warning suite on marts.fct_observation: figures that contradict themselves or another source.

The consistency rules are computed once, in dbt (``staging.int_observation_rule_breaks``,
whose rule names are the values of ``fct_observation.quality_status``); this
suite surfaces them as Great Expectations expectations, one per rule, named
after the rule. A failure is published anyway: the offending observations keep
their ``quality_status`` and are listed in the report with their evidence.
"""

from __future__ import annotations

from typing import Any

import great_expectations as gx
from great_expectations.expectations.metadata_types import FailureSeverity

from dagster_project.quality.suite import OBSERVATION_EXAMPLE_COLUMNS, SuiteSpec

# In dbt's precedence order (rule_order): quality_status shows the first rule broken.
WARNING_RULES = (
    "parts_sum_to_whole",
    "ratio_matches_percentage",
    "percentage_in_range",
    "numerator_not_above_denominator",
    "sources_agree",
    "unclassified_share",
)

RULE_DESCRIPTIONS = {
    "parts_sum_to_whole": "the parts of a whole (completed + in progress + not started) add up to the whole",
    "ratio_matches_percentage": (
        "an X/Y agrees with the percentage stated beside it (up to rounding or truncation)"
    ),
    "percentage_in_range": "a percentage level (not a growth rate) lies in 0–100",
    "numerator_not_above_denominator": "in an X/Y, X is not above Y",
    "sources_agree": "documents stating the same indicator, geography and period agree within the tolerance",
    "unclassified_share": "at most the threshold share of a document's figures lack a catalog indicator",
}

# One boolean column per rule, true when the observation keeps it; the column is
# named after the rule so the expectation reads as the quality_status it sets.
_RULE_COLUMNS = ",\n    ".join(
    f"not coalesce(list_contains(b.rules, '{rule}'), false) as {rule}" for rule in WARNING_RULES
)

# Observations of each rule shown to GX: enough for its examples and its pass/fail (one
# failing row fails the rule); the true counts come from UNEXPECTED_COUNTS_SQL. Most
# observations of a large generated corpus break some rule, and a frame of all of
# them would be the largest thing in memory of a run.
SAMPLED_PER_RULE = 20

FRAME_SQL = f"""
with audited as (
    select * from marts.fct_observation where {{scope}}
),
breaks as (
    select observation_id, rule_name, rule_order
    from staging.int_observation_rule_breaks
    where {{scope}} and observation_id in (select observation_id from audited)
),
sampled as (
    select observation_id
    from breaks
    qualify row_number() over (partition by rule_name order by observation_id) <= {SAMPLED_PER_RULE}
),
rules as (
    select observation_id, list(rule_name order by rule_order) as rules
    from breaks
    where observation_id in (select observation_id from sampled)
    group by observation_id
)
select
    o.observation_id, o.document_id, o.indicator_code, o.geo_code, o.period_code, o.value, o.unit,
    o.denominator, o.stated_text, o.quality_status,
    {_RULE_COLUMNS}
from audited o
-- Only observations breaking a rule: every other one keeps them all. The counts are
-- rescaled to COUNT_SQL and UNEXPECTED_COUNTS_SQL (see SuiteSpec).
inner join rules b on b.observation_id = o.observation_id
order by o.observation_id
"""

COUNT_SQL = "select count(*) from marts.fct_observation where {scope}"

# Each rule's expectation column and the observations breaking it.
UNEXPECTED_COUNTS_SQL = """
select rule_name, count(distinct observation_id)
from staging.int_observation_rule_breaks
where {scope}
    and observation_id in (select observation_id from marts.fct_observation where {scope})
group by rule_name
"""


def build_expectations() -> list[Any]:
    return [
        gx.expectations.ExpectColumnValuesToBeInSet(
            column=rule,
            value_set=[True],
            description=RULE_DESCRIPTIONS[rule],
            severity=FailureSeverity.WARNING,
        )
        for rule in WARNING_RULES
    ]


SPEC = SuiteSpec(
    name="fct_observation_warnings",
    model="fct_observation",
    frame_sql=FRAME_SQL,
    count_sql=COUNT_SQL,
    unexpected_counts_sql=UNEXPECTED_COUNTS_SQL,
    build_expectations=build_expectations,
    blocking=False,
    example_columns=(
        *OBSERVATION_EXAMPLE_COLUMNS,
        "denominator",
        "stated_text",
        "quality_status",
    ),
    reads_models=("int_observation_rule_breaks",),
    description="Consistency rules (one expectation each); failures are published and reported.",
)
