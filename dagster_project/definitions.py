"""The Dagster definitions of dxw: one job, ``dxw_pipeline``, for the whole graph.

ingest -> extract -> dbt build -> expectation suites (blocking checks) -> publish -> quality report.
Started by ``dxw run``, by the daily schedule and by the inbox sensor; loaded
by ``dagster dev`` (pyproject's [tool.dagster]).
"""

from __future__ import annotations

from dagster import Definitions, in_process_executor
from dagster_dbt import DbtCliResource

from dagster_project.assets.checks import suite_checks
from dagster_project.assets.dbt import DBT_PROJECT, dxw_dbt_models
from dagster_project.assets.extraction import extracted_observations
from dagster_project.assets.ingestion import raw_documents
from dagster_project.assets.publish import published_warehouse_asset
from dagster_project.assets.report import dq_report
from dagster_project.assets.resources import WarehouseResource
from dagster_project.jobs import PIPELINE_JOB, dxw_pipeline
from dagster_project.schedules import pipeline_schedule
from dagster_project.sensors import inbox_sensor
from dagster_project.settings import load_settings

__all__ = ["PIPELINE_JOB", "defs"]

# In dagster dev, re-parse the dbt project when it changed (no-op elsewhere).
DBT_PROJECT.prepare_if_dev()

defs = Definitions(
    assets=[
        raw_documents,
        extracted_observations,
        dxw_dbt_models,
        published_warehouse_asset(dxw_dbt_models),
        dq_report,
    ],
    asset_checks=suite_checks(dxw_dbt_models),
    jobs=[dxw_pipeline],
    schedules=[pipeline_schedule()],
    sensors=[inbox_sensor()],
    resources={
        "warehouse": WarehouseResource.from_settings(load_settings()),
        "dbt": DbtCliResource(project_dir=DBT_PROJECT),
    },
    # One process per run: a DuckDB file has one writer, and the run lock and the working copy
    # belong to the run's process. Per-document work is spread over cores inside the ingest and
    # extraction assets (a process pool), not by the executor.
    executor=in_process_executor,
)
