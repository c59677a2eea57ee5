"""The inbox sensor: starts dxw_pipeline when new or changed files land in the watched folder.

The folder is ``DXW_INBOX`` (default ``data/inbox``); runs it starts ingest
that folder into the configured warehouse. See ``inbox.py`` for which files
count as new; while a pipeline run is queued or running the sensor waits, so
runs on one warehouse never overlap.
"""

from __future__ import annotations

import time

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorDefinition,
    SensorEvaluationContext,
    SkipReason,
    sensor,
)

from dagster_project.inbox import InboxCursor, published_file_versions, scan_inbox
from dagster_project.jobs import dxw_pipeline, pipeline_is_running, pipeline_run_config
from dagster_project.settings import OperationsSettings, load_operations_settings, load_settings

SENSOR_NAME = "dxw_inbox_sensor"


def evaluate_inbox(
    context: SensorEvaluationContext, operations: OperationsSettings
) -> RunRequest | SkipReason:
    if pipeline_is_running(context.instance):
        return SkipReason("a dxw_pipeline run is queued or running; new files wait for the next tick")
    settings = load_settings(input_dir=operations.inbox_dir)
    if not operations.inbox_dir.is_dir():
        return SkipReason(f"no inbox folder at {operations.inbox_dir}")
    scan = scan_inbox(
        operations.inbox_dir,
        published_file_versions(settings.warehouse),
        InboxCursor.parse(context.cursor),
        time.time_ns(),
    )
    context.update_cursor(scan.cursor.serialize())
    if not scan.new_versions:
        waiting = f" ({scan.unsettled} still being written)" if scan.unsettled else ""
        return SkipReason(f"no new files among {scan.files} in {operations.inbox_dir}{waiting}")
    names = ", ".join(v.relative_path for v in scan.new_versions[:5])
    more = f" and {len(scan.new_versions) - 5} more" if len(scan.new_versions) > 5 else ""
    context.log.info(f"{len(scan.new_versions)} new file version(s): {names}{more}")
    return RunRequest(
        run_key=scan.run_key,
        run_config=pipeline_run_config(settings),
        tags={"dxw/trigger": "inbox", "dxw/new_files": str(len(scan.new_versions))},
    )


def inbox_sensor(operations: OperationsSettings | None = None) -> SensorDefinition:
    operations = operations or load_operations_settings()

    @sensor(
        name=SENSOR_NAME,
        job=dxw_pipeline,
        minimum_interval_seconds=operations.sensor_interval_seconds,
        default_status=DefaultSensorStatus.RUNNING,
        description=f"Runs the pipeline when new or changed files land in {operations.inbox_dir}.",
    )
    def _inbox_sensor(context: SensorEvaluationContext) -> RunRequest | SkipReason:
        return evaluate_inbox(context, operations)

    return _inbox_sensor
