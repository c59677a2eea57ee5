"""published_warehouse: the last step, the atomic swap of the working copy onto the published file.

It depends on every dbt asset, so it runs only after the whole build, and
Dagster skips it when a blocking check on one of them failed.
"""

from dagster import AssetExecutionContext, AssetsDefinition, MaterializeResult, asset

from dagster_project.assets.progress import log_progress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.warehouse import publish


def published_warehouse_asset(dbt_models: AssetsDefinition) -> AssetsDefinition:
    @asset(key="published_warehouse", deps=list(dbt_models.keys), group_name="publish", compute_kind="duckdb")
    def published_warehouse(
        context: AssetExecutionContext, warehouse: WarehouseResource
    ) -> MaterializeResult:
        """Replace data/warehouse.duckdb with the audited working copy."""
        settings = warehouse.settings
        publish(settings.working_copy, settings.warehouse)
        log_progress(context, f"publish: {settings.warehouse}")
        return MaterializeResult(
            metadata={"path": str(settings.warehouse), "bytes": settings.warehouse.stat().st_size}
        )

    return published_warehouse
