"""Every expectation suite, one module each. Add a suite by listing its ``SPEC`` here.

After adding or changing a suite, write it to the Great Expectations file
context (``expectations/gx``): ``python -m dagster_project.quality.sync_suites``.
"""

from dagster_project.quality.suite import SuiteSpec
from dagster_project.quality.suites import (
    dim_document_blocking,
    fct_observation_blocking,
    fct_observation_warnings,
)

SUITES: tuple[SuiteSpec, ...] = (
    fct_observation_blocking.SPEC,
    dim_document_blocking.SPEC,
    fct_observation_warnings.SPEC,
)

__all__ = ["SUITES"]
