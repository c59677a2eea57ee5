"""The GX file context under expectations/gx holds exactly the suites defined in quality/suites."""

from __future__ import annotations

from dagster_project.quality.gx_bridge import file_context
from dagster_project.quality.suites import SUITES
from dagster_project.quality.sync_suites import stale_suites


def test_committed_suites_match_their_definitions() -> None:
    # If this fails: python -m dagster_project.quality.sync_suites
    assert stale_suites() == []


def test_every_defined_suite_is_in_the_file_context_and_nothing_else() -> None:
    stored = sorted(suite.name for suite in file_context().suites.all())
    assert stored == sorted(spec.name for spec in SUITES)
