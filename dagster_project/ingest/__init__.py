"""Ingest: turn input files into normalised documents (plain Python, no Dagster).

Public API (stable; the Dagster assets import only these):

* ``list_input_files(root) -> list[Path]``: every regular, non-hidden file under
  ``root``, sorted by relative posix path.
* ``ingest_file(path, root) -> IngestedDocument``: decode, normalise, describe one
  file. Never raises for a bad file: status ``ok``, ``empty``, ``undecodable`` or
  ``rejected`` with the reason in ``status_detail``.

The steps, one module each: ``files`` (listing, reading), ``binary`` and ``decode``
(bytes -> text), ``html_text`` (visible text of a page), ``normalize`` (the text
that character offsets refer to), ``metadata`` (title, publisher, date),
``document`` (wiring).
"""

from dagster_project.ingest.decode import decode_document_bytes
from dagster_project.ingest.document import ingest_file
from dagster_project.ingest.files import list_input_files
from dagster_project.ingest.html_text import visible_text_from_html
from dagster_project.ingest.metadata import extract_metadata
from dagster_project.ingest.normalize import normalize_text

__all__ = [
    "decode_document_bytes",
    "extract_metadata",
    "ingest_file",
    "list_input_files",
    "normalize_text",
    "visible_text_from_html",
]
