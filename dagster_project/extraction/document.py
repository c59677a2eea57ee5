"""Placeholder extractor: every number, unclassified (replaced by the real engine)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from dagster_project.schema import DocumentContext, IngestedDocument, Observation

EXTRACTOR_VERSION = "0"


@dataclass
class ExtractionResult:
    context: DocumentContext
    observations: list[Observation] = field(default_factory=list)


def extract_document(document: IngestedDocument) -> ExtractionResult:
    text = document.text
    obs = []
    for m in re.finditer(r"\d+(?:[.,]\d+)*", text):
        value = float(m.group().replace(".", "").replace(",", "."))
        oid = hashlib.sha256(f"{document.document_id}:{m.start()}:{m.end()}:level".encode()).hexdigest()[:16]
        obs.append(
            Observation(
                observation_id=oid, document_id=document.document_id, indicator_code="unclassified",
                geo_code="VN", segment="all", period_code=None, period_start=None, period_end=None,
                measure="level", value=value, unit="count", denominator=None, qualifier="exact",
                is_target=False, component=None, parent_observation_id=None, program=None,
                span_start=m.start(), span_end=m.end(), stated_text=m.group(), evidence=m.group(),
            )
        )
    ctx = DocumentContext(document.document_id, None, None, None, None, EXTRACTOR_VERSION)
    return ExtractionResult(ctx, obs)
