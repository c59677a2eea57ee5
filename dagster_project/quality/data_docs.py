"""GX Data Docs of one warehouse's validations, built through the committed GX file context.

The context under ``expectations/gx`` is opened with its committed configuration
(suites, datasource), except for two stores moved next to the warehouse's
reports: the validation results and the Data Docs site. So building docs
never writes into the repository, each warehouse keeps its own validation
history, and the site lists that warehouse's runs only.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context import FileDataContext
from great_expectations.data_context.types.base import DataContextConfig
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from dagster_project.quality.gx_bridge import DATA_ASSET, DATASOURCE, file_context

SITE_NAME = "warehouse_site"
SITE_DIR_NAME = "gx_data_docs"
VALIDATIONS_DIR_NAME = "gx_validations"


def _warehouse_context(reports_dir: Path) -> FileDataContext:
    """The committed file context, with validation results and the docs site under ``reports_dir``."""
    committed = file_context()
    committed_config = committed.get_config()
    assert isinstance(committed_config, DataContextConfig)
    config = copy.deepcopy(committed_config)
    config.stores[config.validation_results_store_name] = {
        "class_name": "ValidationResultsStore",
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str((reports_dir / VALIDATIONS_DIR_NAME).resolve()),
        },
    }
    config.data_docs_sites = {
        SITE_NAME: {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str((reports_dir / SITE_DIR_NAME).resolve()),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    }
    return FileDataContext(project_config=config, context_root_dir=committed.root_directory)


def build_data_docs(
    reports_dir: Path,
    validations: Sequence[tuple[str, ExpectationSuiteValidationResult]],
    run_name: str,
    run_time: datetime,
) -> Path:
    """Store each (suite name, validation result) under one run id, build the site; returns its index."""
    context = _warehouse_context(reports_dir)
    run_id = RunIdentifier(run_name=run_name, run_time=run_time)
    for suite_name, result in validations:
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite_name),
            run_id=run_id,
            batch_identifier=f"{DATASOURCE}-{DATA_ASSET}",
        )
        context.validation_results_store.set(key, result)
    context.build_data_docs(site_names=[SITE_NAME])
    return reports_dir / SITE_DIR_NAME / "index.html"
