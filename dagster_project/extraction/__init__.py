"""Extraction: every stated quantity of a Vietnamese report, grounded and classified.

Plain Python (no Dagster import). Public API, stable for the assets:

* ``extract_document(document) -> ExtractionResult`` with ``.context``
  (a ``DocumentContext``) and ``.observations`` (a list of ``Observation``).
* ``EXTRACTOR_VERSION``: bumps when output can change; documents extracted by
  an older version are extracted again.
"""

from dagster_project.extraction.document import EXTRACTOR_VERSION, ExtractionResult, extract_document

__all__ = ["EXTRACTOR_VERSION", "ExtractionResult", "extract_document"]
