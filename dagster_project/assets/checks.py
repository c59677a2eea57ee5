"""The expectation suites as Dagster asset checks on the dbt models they guard.

A blocking suite is a blocking check with ERROR severity: when it fails,
Dagster does not run what depends on the model, so nothing is published.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dagster import (
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetsDefinition,
    MetadataValue,
    asset_check,
)
from dagster_dbt import get_asset_key_for_model

from dagster_project.assets.resources import WarehouseResource
from dagster_project.quality.gx_bridge import validate_suite
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
    def _check(warehouse: WarehouseResource) -> AssetCheckResult:
        with connect(warehouse.settings.working_copy, read_only=True) as con:
            return check_result(validate_suite(spec, con))

    return _check


def suite_checks(
    dbt_models: AssetsDefinition, specs: Sequence[SuiteSpec] = SUITES
) -> list[AssetChecksDefinition]:
    return [suite_check(spec, dbt_models) for spec in specs]
