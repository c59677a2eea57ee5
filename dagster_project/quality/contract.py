"""Column lists of the published tables, from ../shared/spec/CONTRACT.md."""

from __future__ import annotations

from dagster_project.schema import Observation, column_names

FCT_OBSERVATION_COLUMNS = (*column_names(Observation), "quality_status")

DIM_DOCUMENT_COLUMNS = (
    "document_id",
    "file_name",
    "title",
    "publisher",
    "published_date",
    "subject_geo_code",
    "report_period_code",
    "char_count",
    "status",
    "status_detail",
    "ingested_at",
)
