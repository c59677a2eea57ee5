"""The pipeline job and the run configuration that points it at an input folder and a warehouse."""

from __future__ import annotations

from typing import Any

from dagster import AssetSelection, DagsterInstance, DagsterRunStatus, RunsFilter, define_asset_job

from dagster_project.settings import Settings

PIPELINE_JOB = "dxw_pipeline"

# Runs that hold, or are about to hold, the warehouse's run lock.
ACTIVE_RUN_STATUSES = [
    DagsterRunStatus.QUEUED,
    DagsterRunStatus.NOT_STARTED,
    DagsterRunStatus.STARTING,
    DagsterRunStatus.STARTED,
    DagsterRunStatus.CANCELING,
]

dxw_pipeline = define_asset_job(
    PIPELINE_JOB,
    selection=AssetSelection.all(),
    description="Ingest, extract, dbt build, check, publish the warehouse, and write its quality report.",
)


def pipeline_run_config(settings: Settings) -> dict[str, Any]:
    """Run config of dxw_pipeline for these settings (the warehouse resource's input and output)."""
    return {
        "resources": {
            "warehouse": {
                "config": {"input_dir": str(settings.input_dir), "warehouse_path": str(settings.warehouse)}
            }
        }
    }


def pipeline_is_running(instance: DagsterInstance) -> bool:
    """Whether a dxw_pipeline run is queued or in progress on this Dagster instance."""
    runs = instance.get_run_records(
        filters=RunsFilter(job_name=PIPELINE_JOB, statuses=ACTIVE_RUN_STATUSES), limit=1
    )
    return bool(runs)
