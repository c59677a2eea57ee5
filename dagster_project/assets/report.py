"""dq_report: the data-quality report of the warehouse just published, written on every run.

It runs after ``published_warehouse`` (so it reads the published file, the
one analysts open, never the working copy) and writes one HTML page under the
warehouse's ``reports/`` folder, the same page ``dxw report`` writes.
"""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from dagster_project.assets.resources import WarehouseResource
from dagster_project.quality.report import write_report

PUBLISH_ASSET = "published_warehouse"


@asset(key="dq_report", deps=[PUBLISH_ASSET], group_name="publish", compute_kind="html")
def dq_report(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """The HTML data-quality report (totals, expectations, flagged observations with evidence)."""
    settings = warehouse.settings
    path = write_report(settings.warehouse, settings.reports_dir)
    context.log.info(f"data-quality report: {path}")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(path))})
