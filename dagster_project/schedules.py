"""The schedule: the whole pipeline over the inbox folder, daily by default.

``DXW_SCHEDULE`` (cron) and ``DXW_TIMEZONE`` change when. A run finds only
what is new (ingest skips known file versions, extraction known documents), so
a scheduled run after the sensor has caught everything is cheap; it is skipped
while another pipeline run is queued or running.
"""

from __future__ import annotations

from dagster import (
    DefaultScheduleStatus,
    RunRequest,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    SkipReason,
    schedule,
)

from dagster_project.jobs import dxw_pipeline, pipeline_is_running, pipeline_run_config
from dagster_project.settings import OperationsSettings, load_operations_settings, load_settings

SCHEDULE_NAME = "dxw_daily"


def pipeline_schedule(operations: OperationsSettings | None = None) -> ScheduleDefinition:
    operations = operations or load_operations_settings()

    @schedule(
        name=SCHEDULE_NAME,
        job=dxw_pipeline,
        cron_schedule=operations.schedule_cron,
        execution_timezone=operations.timezone,
        default_status=DefaultScheduleStatus.RUNNING,
        description=f"Runs the pipeline over {operations.inbox_dir} ({operations.schedule_cron}).",
    )
    def _pipeline_schedule(context: ScheduleEvaluationContext) -> RunRequest | SkipReason:
        if pipeline_is_running(context.instance):
            return SkipReason("a dxw_pipeline run is queued or running")
        settings = load_settings(input_dir=operations.inbox_dir)
        return RunRequest(run_config=pipeline_run_config(settings), tags={"dxw/trigger": "schedule"})

    return _pipeline_schedule
