"""Data quality: expectation suites (Great Expectations 1.x), their validation, and the HTML report.

* ``suite``: what a suite is (``SuiteSpec``) and what validating it gives (``SuiteOutcome``).
* ``suites``: the suite definitions, one module each; ``SUITES`` lists them.
* ``gx_bridge``: validates a suite against a DuckDB warehouse through a pandas datasource.
* ``scope``: what a validation audits (a run's checks: the documents the run added or changed).
* ``report``: the HTML data-quality report of a warehouse.

Plain Python (no Dagster import): the asset checks and ``dxw report`` share it.
"""
