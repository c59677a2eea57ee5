"""The expectation suites as Dagster asset checks on the dbt models they guard.

A blocking suite is a blocking check with ERROR severity: when it fails,
Dagster does not run what depends on the model, so nothing is published.

A check audits the documents its run added or changed (``quality.scope``), so
its cost follows the new documents, not the warehouse; what it found is kept
for the run's report.
"""

import time
from collections.abc import Sequence
from typing import Any

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetsDefinition,
    MetadataValue,
    asset_check,
)
from dagster_dbt import get_asset_key_for_model

from dagster_project.assets.progress import log_progress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.quality.gx_bridge import validate_suite_with_result
from dagster_project.quality.scope import WHOLE_TABLE, changed_since
from dagster_project.quality.suite import SuiteOutcome, SuiteSpec
from dagster_project.quality.suites import SUITES
from dagster_project.warehouse import connect


def check_result(outcome: SuiteOutcome) -> AssetCheckResult:
    """Pass/fail, severity, counts and a few failing rows of each failed expectation."""
    failures = [
        {
            "expectation": e.expectation,
            "unexpected_count": e.unexpected_count,
            "detail": e.detail,
            "examples": e.examples,
        }
        for e in outcome.failed
    ]
    metadata: dict[str, Any] = {
        "rows": outcome.rows,
        "expectations": len(outcome.expectations),
        "expectations_failed": len(outcome.failed),
        "audited": outcome.scope,
        "failures": MetadataValue.json(failures),
    }
    if outcome.error is not None:
        metadata["error"] = MetadataValue.text(outcome.error)
    return AssetCheckResult(
        passed=outcome.passed,
        severity=AssetCheckSeverity.ERROR if outcome.blocking else AssetCheckSeverity.WARN,
        description=None if outcome.passed else outcome.failure_summary(),
        metadata=metadata,
    )


def suite_check(spec: SuiteSpec, dbt_models: AssetsDefinition) -> AssetChecksDefinition:
    @asset_check(
        asset=get_asset_key_for_model([dbt_models], spec.model),
        name=spec.name,
        description=spec.description,
        blocking=spec.blocking,
        additional_deps=[get_asset_key_for_model([dbt_models], model) for model in spec.reads_models],
    )
    def _check(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
        started = time.monotonic()
        audits = warehouse.audits
        with connect(warehouse.settings.working_copy, read_only=True) as con:
            scope = WHOLE_TABLE if audits.started_at is None else changed_since(con, audits.started_at)
            outcome, validation = validate_suite_with_result(spec, con, scope)
        audits.outcomes[spec.name] = (outcome, validation)
        log_progress(
            context,
            f"check {spec.name}: {outcome.rows} rows of {outcome.scope},"
            f" {'passed' if outcome.passed else 'failed'}, done in {time.monotonic() - started:.1f} s",
        )
        return check_result(outcome)

    return _check


def suite_checks(
    dbt_models: AssetsDefinition, specs: Sequence[SuiteSpec] = SUITES
) -> list[AssetChecksDefinition]:
    return [suite_check(spec, dbt_models) for spec in specs]
