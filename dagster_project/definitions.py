"""The Dagster definitions of dxw: one job, ``dxw_pipeline``, for the whole graph.

ingest -> extract -> dbt build -> expectation suites (blocking checks) -> publish.
Loaded by ``dagster dev`` (pyproject's [tool.dagster]) and by ``dxw run``.
"""

from __future__ import annotations

from dagster import AssetSelection, Definitions, define_asset_job, in_process_executor
from dagster_dbt import DbtCliResource

from dagster_project.assets.checks import suite_checks
from dagster_project.assets.dbt import DBT_PROJECT, dxw_dbt_models
from dagster_project.assets.extraction import extracted_observations
from dagster_project.assets.ingestion import raw_documents
from dagster_project.assets.publish import published_warehouse_asset
from dagster_project.assets.resources import WarehouseResource
from dagster_project.settings import load_settings

PIPELINE_JOB = "dxw_pipeline"

# In dagster dev, re-parse the dbt project when it changed (no-op elsewhere).
DBT_PROJECT.prepare_if_dev()

dxw_pipeline = define_asset_job(
    PIPELINE_JOB,
    selection=AssetSelection.all(),
    description="Ingest, extract, dbt build, check, and publish the warehouse.",
)

defs = Definitions(
    assets=[raw_documents, extracted_observations, dxw_dbt_models, published_warehouse_asset(dxw_dbt_models)],
    asset_checks=suite_checks(dxw_dbt_models),
    jobs=[dxw_pipeline],
    resources={
        "warehouse": WarehouseResource.from_settings(load_settings()),
        "dbt": DbtCliResource(project_dir=DBT_PROJECT),
    },
    # One process: a DuckDB file has one writer, and the run lock is per process.
    executor=in_process_executor,
)
