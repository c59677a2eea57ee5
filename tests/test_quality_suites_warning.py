"""The warning suite: one expectation per consistency rule, never blocking, named as quality_status is."""

from __future__ import annotations

from dagster import AssetCheckSeverity

from dagster_project.assets.checks import check_result
from dagster_project.quality.suite import ExpectationOutcome, SuiteOutcome
from dagster_project.quality.suites import SUITES
from dagster_project.quality.suites.fct_observation_warnings import SPEC, WARNING_RULES

DBT_RULE_ORDER = (
    "parts_sum_to_whole",
    "ratio_matches_percentage",
    "percentage_in_range",
    "numerator_not_above_denominator",
    "sources_agree",
    "unclassified_share",
)


def test_the_warning_suite_is_registered_and_not_blocking() -> None:
    assert SPEC in SUITES
    assert SPEC.blocking is False
    assert [s.name for s in SUITES if not s.blocking] == ["fct_observation_warnings"]


def test_one_expectation_per_rule_named_after_it() -> None:
    assert WARNING_RULES == DBT_RULE_ORDER
    columns = [e.column for e in SPEC.build_expectations()]
    assert columns == list(DBT_RULE_ORDER)
    assert {e.severity.value for e in SPEC.build_expectations()} == {"warning"}


def test_a_failed_warning_suite_is_a_warn_check_that_names_the_rule() -> None:
    outcome = SuiteOutcome(
        suite=SPEC.name,
        model=SPEC.model,
        blocking=False,
        rows=10,
        expectations=[
            ExpectationOutcome("parts_sum_to_whole", success=False, element_count=10, unexpected_count=3),
            ExpectationOutcome("sources_agree", success=True, element_count=10, unexpected_count=0),
        ],
    )
    result = check_result(outcome)
    assert result.passed is False
    assert result.severity == AssetCheckSeverity.WARN
    assert result.description == "parts_sum_to_whole: 3 rows"


def test_the_dagster_check_of_the_warning_suite_does_not_block() -> None:
    from dagster_project.definitions import defs

    specs = [spec for checks in defs.asset_checks or [] for spec in checks.check_specs]
    by_name = {spec.name: spec for spec in specs}
    assert by_name["fct_observation_warnings"].blocking is False
    assert by_name["fct_observation_blocking"].blocking is True
