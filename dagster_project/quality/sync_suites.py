"""Write the suite definitions (``quality.suites``) into the GX file context under ``expectations/gx``.

Run ``python -m dagster_project.quality.sync_suites`` after changing a suite.
Only suites whose expectations changed are rewritten: GX gives every write new
ids, and unchanged files should stay unchanged in git.
"""

from __future__ import annotations

import sys
from typing import Any

import great_expectations as gx
from great_expectations.data_context.types.base import ProgressBarsConfig

from dagster_project.quality.gx_bridge import BATCH_DEFINITION, DATA_ASSET, DATASOURCE, file_context
from dagster_project.quality.suite import SuiteSpec
from dagster_project.quality.suites import SUITES


def _signature(expectations: list[Any]) -> list[tuple[str, dict[str, Any], str, str | None]]:
    """What an expectation checks and how it reads, without the ids GX assigns."""
    return [
        (e.expectation_type, dict(e.configuration.kwargs), str(e.severity.value), e.description)
        for e in expectations
    ]


def stale_suites(specs: tuple[SuiteSpec, ...] = SUITES) -> list[str]:
    """Names of suites missing from the file context or different from their definition."""
    context = file_context()
    stored = {suite.name: suite for suite in context.suites.all()}
    return [
        spec.name
        for spec in specs
        if spec.name not in stored
        or _signature(stored[spec.name].expectations) != _signature(spec.build_expectations())
    ]


def sync(specs: tuple[SuiteSpec, ...] = SUITES) -> list[str]:
    """Bring the file context in line with the definitions; returns the suites written."""
    context = file_context()
    if DATASOURCE not in [ds.name for ds in context.data_sources.all().values()]:
        asset = context.data_sources.add_pandas(DATASOURCE).add_dataframe_asset(DATA_ASSET)
        asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
    progress_bars = context.variables.progress_bars
    # A dict once read back from great_expectations.yml, a ProgressBarsConfig before.
    globally = (
        progress_bars.get("globally")
        if isinstance(progress_bars, dict)
        else getattr(progress_bars, "globally", None)
    )
    if globally is not False:
        # Progress bars would write to the pipeline's stderr on every validation.
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        context.variables.save()
    written = stale_suites(specs)
    by_name = {spec.name: spec for spec in specs}
    for name in written:
        context.suites.add_or_update(
            gx.ExpectationSuite(name=name, expectations=by_name[name].build_expectations())
        )
    return written


if __name__ == "__main__":
    names = sync()
    print("written: " + ", ".join(names) if names else "all suites up to date")
    sys.exit(0)
