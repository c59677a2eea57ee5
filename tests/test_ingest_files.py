"""End to end: every file in an input folder becomes one IngestedDocument, bad files included."""

from __future__ import annotations

import hashlib
import os
import random
import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from dagster_project.ingest import files, ingest_file, list_input_files
from dagster_project.schema import IngestedDocument

ARTICLE = (
    "Quảng Bình đạt 85% hồ sơ trực tuyến toàn trình\n"
    "Đến nay, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 42%, tăng 17% so với cuối năm 2023.\n"
    "Toàn tỉnh có 1.250 tổ công nghệ số cộng đồng với hơn 7.000 thành viên.\n"
    "Theo Báo Quảng Bình\n"
)


def text_id(text: str) -> str:
    """The contract's document id: 16 hex chars of sha256 of the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def ingest(folder: Path, name: str, data: bytes) -> IngestedDocument:
    return ingest_file(write(folder, name, data), folder)


def test_listing_skips_hidden_entries_and_sorts_by_relative_path(tmp_path: Path) -> None:
    for name in ["b.txt", "a b/x.txt", "a/z.txt", "a/.hidden.txt", ".git/config", "Đà Nẵng.txt", "A.txt"]:
        write(tmp_path, name, b"x")
    (tmp_path / "dangling").symlink_to(tmp_path / "missing")
    os.mkfifo(tmp_path / "pipe")
    relative = [path.relative_to(tmp_path).as_posix() for path in list_input_files(tmp_path)]
    assert relative == ["A.txt", "a b/x.txt", "a/z.txt", "b.txt", "Đà Nẵng.txt"]


def test_utf8_article_is_ok_with_text_id_and_metadata(tmp_path: Path) -> None:
    document = ingest(tmp_path, "tin.txt", ARTICLE.encode())
    assert document.status == "ok"
    assert document.status_detail == "decoded as UTF-8"
    assert document.encoding == "utf-8"
    assert document.text == ARTICLE
    assert document.char_count == len(ARTICLE)
    assert document.document_id == text_id(ARTICLE)
    assert document.source_sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert document.title == "Quảng Bình đạt 85% hồ sơ trực tuyến toàn trình"
    assert document.publisher == "Báo Quảng Bình"


def test_same_text_under_two_names_is_one_document(tmp_path: Path) -> None:
    first = ingest(tmp_path, "2024/tin-a.txt", ARTICLE.encode())
    second = ingest(tmp_path, "khac/tin b.txt", ARTICLE.encode())
    assert first.document_id == second.document_id
    assert (first.file_path, second.file_path) == ("2024/tin-a.txt", "khac/tin b.txt")


def test_bad_files_with_equal_bytes_keep_their_own_rows(tmp_path: Path) -> None:
    first = ingest(tmp_path, "rong1.txt", b"")
    second = ingest(tmp_path, "rong2.txt", b"")
    assert first.document_id != second.document_id
    assert first.document_id == hashlib.sha256(b"rong1.txt\0").hexdigest()[:16]


def test_name_with_spaces_and_decomposed_vietnamese_letters(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Báo cáo chuyển đổi số Hà Tĩnh.txt")
    document = ingest(tmp_path, f"thư mục/{name}", ARTICLE.encode())
    assert document.status == "ok"
    assert document.file_name == "Báo cáo chuyển đổi số Hà Tĩnh.txt"
    assert document.file_path == unicodedata.normalize("NFC", "thư mục/Báo cáo chuyển đổi số Hà Tĩnh.txt")


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    empty = ingest(tmp_path, "empty.txt", b"")
    blank = ingest(tmp_path, "blank.txt", b" \r\n\t\xc2\xa0\n\xe2\x80\x8b  ")
    for document in (empty, blank):
        assert document.status == "empty"
        assert document.text == ""
        assert document.char_count == 0
    assert empty.status_detail == "file is empty (0 bytes)"
    assert empty.encoding is None
    assert blank.status_detail == "only whitespace (decoded as UTF-8)"
    assert blank.encoding == "utf-8"


def test_html_page_without_visible_text_is_empty(tmp_path: Path) -> None:
    document = ingest(
        tmp_path, "trang.html", b"<html><head><title>T</title><script>x()</script></head><body> </body>"
    )
    assert document.status == "empty"
    assert "HTML" in document.status_detail


def test_binary_files_are_rejected_with_reason(tmp_path: Path) -> None:
    png = ingest(tmp_path, "anh.txt", b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4096))
    nuls = ingest(tmp_path, "nul.txt", b"Ket qua\x00\x00\x01\x00 chuyen doi so\x00\xff\xfe\x00")
    for document in (png, nuls):
        assert document.status == "rejected"
        assert document.text == ""
        assert document.char_count == 0
        assert document.encoding is None
    assert "PNG" in png.status_detail
    assert "NUL" in nuls.status_detail


def test_latin1_file_is_undecodable_not_garbled(tmp_path: Path) -> None:
    document = ingest(tmp_path, "latin1.txt", "Le café à Paris coûte très cher, garçon.".encode("latin-1"))
    assert document.status == "undecodable"
    assert document.text == ""
    assert "UTF-8" in document.status_detail


def test_unreadable_paths_are_rejected_not_raised(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    for path in (folder, dangling):
        document = ingest_file(path, tmp_path)
        assert document.status == "rejected"
        assert document.status_detail.startswith("cannot read file")


def test_file_over_the_size_limit_is_rejected_without_being_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 100)
    data = ARTICLE.encode()
    document = ingest(tmp_path, "qua-lon.txt", data)
    assert document.status == "rejected"
    assert "limit" in document.status_detail
    assert document.source_sha256 == hashlib.sha256(data).hexdigest()
    assert document.document_id == hashlib.sha256(b"qua-lon.txt\0" + data).hexdigest()[:16]


def test_html_file_is_reduced_to_visible_text(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Quảng Bình đạt 85% hồ sơ trực tuyến | Báo Quảng Bình</title>"
        '<meta property="og:site_name" content="Báo Quảng Bình">'
        '<meta property="article:published_time" content="2024-10-09T08:15:00+07:00">'
        "<script>alert('không hiện')</script></head><body><h1>Quảng Bình đạt 85%</h1>"
        "<p>Đến nay, tỷ lệ&nbsp;hồ sơ đạt 42%.</p></body></html>"
    )
    document = ingest(tmp_path, "bai-viet", page.encode())  # no extension: detected by content
    assert document.status == "ok"
    assert document.encoding == "html/utf-8"
    assert "HTML" in document.status_detail
    assert document.text == "Quảng Bình đạt 85%\nĐến nay, tỷ lệ hồ sơ đạt 42%."
    assert "không hiện" not in document.text
    assert document.title == "Quảng Bình đạt 85% hồ sơ trực tuyến"
    assert document.publisher == "Báo Quảng Bình"
    assert document.published_at is not None
    assert document.published_at.isoformat() == "2024-10-09T08:15:00"
    assert document.document_id == text_id(document.text)


def test_forty_megabyte_text_is_fast_and_memory_bounded(tmp_path: Path) -> None:
    paragraph = ARTICLE.encode()
    data = paragraph * (40_000_000 // len(paragraph) + 1)
    path = write(tmp_path, "lon.txt", data)
    del data
    tracemalloc.start()
    started = time.perf_counter()
    try:
        document = ingest_file(path, tmp_path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = path.stat().st_size
    assert document.status == "ok"
    assert document.char_count == len(ARTICLE) * (size // len(ARTICLE.encode()))
    assert document.title == "Quảng Bình đạt 85% hồ sơ trực tuyến toàn trình"
    assert elapsed < 10
    assert peak < 6 * size
