"""dq_report: the data-quality report of the warehouse just published, written on every run.

It runs after ``published_warehouse`` (so it reads the published file, the
one analysts open, never the working copy) and writes one HTML page under the
warehouse's ``reports/`` folder, the page ``dxw report`` writes; its suites
are the run's own checks (what the run added or changed), not a second
validation of the whole warehouse.
"""

import time

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from dagster_project.assets.progress import log_progress
from dagster_project.assets.resources import WarehouseResource
from dagster_project.quality.report import write_report

PUBLISH_ASSET = "published_warehouse"


@asset(key="dq_report", deps=[PUBLISH_ASSET], group_name="publish", compute_kind="html")
def dq_report(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """The HTML data-quality report (totals, expectations, flagged observations with evidence)."""
    settings = warehouse.settings
    started = time.monotonic()
    path = write_report(settings.warehouse, settings.reports_dir, warehouse.audits.outcomes)
    log_progress(context, f"report: {path.name}, done in {time.monotonic() - started:.1f} s")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(path))})
