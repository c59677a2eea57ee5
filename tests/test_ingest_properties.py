"""Properties that must hold for any input: bad bytes never raise, and ok text is stably normalised."""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dagster_project.ingest import ingest_file, normalize_text
from dagster_project.schema import DOCUMENT_STATUSES

# Fragments that steer random bytes into every branch: markup, BOMs, NULs, UTF-8 and cp1258 tone bytes.
FRAGMENTS = st.sampled_from(
    [
        b"<p>", b"</p>", b"<script>", b"<!--", b"-->", b"<title>", b"<h1>", b'<meta charset="cp1258">',
        b"\xe1\xbb\x83", b"\xcc", b"\xec", b"\x00", b"\r\n", b"&nbsp;", b"&#x", b"Theo ", b"\xff\xfe",
        b"11/07/2024 07:30\n", b"\xc3", b"\x81", b"a", b" ", b"\n", b"\xef\xbb\xbf", b"%PDF-",
    ]
)  # fmt: skip
INPUT_BYTES = st.one_of(st.binary(max_size=300), st.lists(FRAGMENTS, max_size=40).map(b"".join))


@settings(max_examples=300, deadline=None)
@given(data=INPUT_BYTES)
def test_any_bytes_give_a_consistent_row_and_never_raise(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "tệp.txt").write_bytes(data)
        document = ingest_file(root / "tệp.txt", root)
    assert document.status in DOCUMENT_STATUSES
    assert document.source_sha256 == hashlib.sha256(data).hexdigest()
    assert document.char_count == len(document.text)
    if document.status == "ok":
        assert document.text.strip()
        assert normalize_text(document.text).text == document.text
        assert document.document_id == hashlib.sha256(document.text.encode()).hexdigest()[:16]
    else:
        assert document.text == ""
        assert document.status_detail


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalised_text_is_nfc_without_cr_nbsp_or_zero_width_and_stable(text: str) -> None:
    result = normalize_text(text).text
    assert unicodedata.is_normalized("NFC", result)
    for char in ("\r", "\u00a0", "\u202f", "\u2007", "\u200b", "\ufeff"):
        assert char not in result
    assert normalize_text(result).text == result
