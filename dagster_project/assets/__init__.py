"""Dagster assets and asset checks of the dxw pipeline (composed in ``dagster_project.definitions``)."""
