"""Bytes -> text: the supported encodings, and the files that are not text."""

from __future__ import annotations

import codecs
import hashlib
import random
import unicodedata
from pathlib import Path

import pytest

from dagster_project.ingest import decode_document_bytes, ingest_file
from dagster_project.ingest.decode import REJECTED, UNDECODABLE

VIETNAMESE = (
    "Chuyển đổi số phải là công cụ quan trọng trong nền kinh tế độc lập, tự chủ. "
    "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%, tăng 17% so với cuối năm 2023; "
    "63/63 địa phương đã kết nối với Cổng Dịch vụ công quốc gia."
)
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Encode like Windows does: precomposed where cp1258 has the letter, else base + tone mark.

    ``str.encode("cp1258")`` alone fails on most toned letters ("ể" has no byte), so
    each such letter is split into its base (which may keep a circumflex, breve or
    horn: "ê") and its combining tone mark.
    """
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def test_plain_utf8_is_decoded_unchanged() -> None:
    result = decode_document_bytes(VIETNAMESE.encode("utf-8"))
    assert result.failure is None
    assert result.text == VIETNAMESE
    assert result.encoding == "utf-8"


def test_utf8_bom_is_dropped_and_named() -> None:
    result = decode_document_bytes(codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8"))
    assert result.text == VIETNAMESE
    assert result.encoding == "utf-8-sig"
    assert "BOM" in result.detail


@pytest.mark.parametrize(
    ("bom", "codec", "endianness"),
    [(codecs.BOM_UTF16_LE, "utf-16-le", "little-endian"), (codecs.BOM_UTF16_BE, "utf-16-be", "big-endian")],
)
def test_utf16_with_bom(bom: bytes, codec: str, endianness: str) -> None:
    result = decode_document_bytes(bom + VIETNAMESE.encode(codec))
    assert result.failure is None
    assert result.text == VIETNAMESE
    assert result.encoding == "utf-16"
    assert endianness in result.detail


def test_utf32_bom_is_not_mistaken_for_utf16() -> None:
    # The UTF-32-LE BOM begins with the UTF-16-LE one.
    result = decode_document_bytes(codecs.BOM_UTF32_LE + VIETNAMESE.encode("utf-32-le"))
    assert result.text == VIETNAMESE
    assert result.encoding == "utf-32"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern() -> None:
    result = decode_document_bytes(VIETNAMESE.encode("utf-16-le"))
    assert result.text == VIETNAMESE
    assert result.encoding == "utf-16-le"


def test_the_cp1258_helper_really_needs_combining_marks() -> None:
    # Guard for the fixture itself: the paragraph cannot be encoded directly.
    with pytest.raises(UnicodeEncodeError):
        VIETNAMESE.encode("cp1258")
    encoded = encode_cp1258(VIETNAMESE)
    assert b"\xd2" in encoded  # combining hook above (the "ể" of "Chuyển")
    assert b"\xf2" in encoded  # combining dot below ("độc")


def test_windows_1258_vietnamese_is_detected_and_decoded() -> None:
    result = decode_document_bytes(encode_cp1258(VIETNAMESE))
    assert result.failure is None
    assert result.encoding == "cp1258"
    assert result.detail == "decoded as Windows-1258 (cp1258)"
    assert result.text is not None
    # The codec gives base + combining marks; NFC (applied by normalize_text) restores the original.
    assert result.text != VIETNAMESE
    assert unicodedata.normalize("NFC", result.text) == VIETNAMESE


@pytest.mark.parametrize(
    "latin_text",
    [
        "Le café est très apprécié à Paris. Où est la bibliothèque? Ça coûte cher, garçon.",
        "Così è la vita: però il caffè è più buono in città. Perché no? Ciò è vero.",
        "Não há informação sobre a situação. As eleições serão em outubro, disse o ministro.",
        "Größe und übermäßig schön: das Mädchen wohnt in der Straße in München.",
    ],
)
def test_latin1_text_is_not_taken_for_windows_1258(latin_text: str) -> None:
    result = decode_document_bytes(latin_text.encode("cp1252"))
    assert result.failure == UNDECODABLE
    assert result.text is None
    assert "Vietnamese" in result.detail


def test_bytes_undefined_in_every_supported_encoding_are_undecodable() -> None:
    # 0x81 and 0x8d are undefined in cp1258 and invalid as UTF-8 lead bytes.
    result = decode_document_bytes("Báo cáo ".encode() + b"\x81\x8d\x81 k\xe9t qu\xe1")
    assert result.failure == UNDECODABLE
    assert "0x81" in result.detail


def test_declared_html_charset_is_honoured_for_non_utf8_bytes() -> None:
    page = b'<html><head><meta charset="windows-1258"></head><body><p>' + encode_cp1258(VIETNAMESE) + b"</p>"
    result = decode_document_bytes(page)
    assert result.encoding == "cp1258"
    assert "<meta>" in result.detail
    assert result.text is not None
    assert VIETNAMESE in unicodedata.normalize("NFC", result.text)


def test_png_header_is_rejected_as_binary() -> None:
    noise = random.Random(7).randbytes(2000)
    result = decode_document_bytes(b"\x89PNG\r\n\x1a\n" + noise)
    assert result.failure == REJECTED
    assert "PNG" in result.detail


@pytest.mark.parametrize(
    ("header", "kind"),
    [(b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04\x14\x00", "ZIP"), (b"\x7fELF\x02\x01", "ELF")],
)
def test_other_magic_numbers_are_rejected(header: bytes, kind: str) -> None:
    result = decode_document_bytes(header + b"rest of the file")
    assert result.failure == REJECTED
    assert kind in result.detail


def test_text_with_nul_bytes_is_rejected() -> None:
    result = decode_document_bytes(b"Chuy\xe1\xbb\x83n \x00\x00\x00 \x00 \xff\x00 \x01\x02 \x00\x00")
    assert result.failure == REJECTED
    assert "NUL" in result.detail


def test_random_bytes_without_nul_are_rejected_for_their_control_characters() -> None:
    noise = bytes(b for b in random.Random(3).randbytes(5000) if b != 0)
    result = decode_document_bytes(noise)
    assert result.failure == REJECTED
    assert "control characters" in result.detail


def test_a_few_form_feeds_and_tabs_are_still_text() -> None:
    text = "Trang 1\tBáo cáo\n\x0cTrang 2\tkết quả\n"
    result = decode_document_bytes(text.encode())
    assert result.failure is None
    assert result.text == text


ARTICLE = (
    "Quảng Bình đạt 85% hồ sơ trực tuyến toàn trình\n"
    "Đến nay, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 42%, tăng 17% so với cuối năm 2023.\n"
    "Theo Báo Quảng Bình\n"
)


def test_every_encoding_of_one_article_is_one_document(tmp_path: Path) -> None:
    variants = {
        "utf8.txt": ARTICLE.encode(),
        "bom.txt": codecs.BOM_UTF8 + ARTICLE.encode(),
        "utf16le.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        "utf16be.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        "cp1258.txt": encode_cp1258(ARTICLE),
        "nfd.txt": unicodedata.normalize("NFD", ARTICLE).encode(),
        "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
        "nbsp.txt": ARTICLE.replace("85% hồ", "85%\u00a0hồ").encode(),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
    documents = {name: ingest_file(tmp_path / name, tmp_path) for name in variants}
    for name, document in documents.items():
        assert document.status == "ok", name
        assert document.text == ARTICLE, name
        assert document.document_id == hashlib.sha256(ARTICLE.encode()).hexdigest()[:16], name
    assert len({document.source_sha256 for document in documents.values()}) == len(variants)
    assert documents["cp1258.txt"].encoding == "cp1258"
    assert "Windows-1258 (cp1258)" in documents["cp1258.txt"].status_detail
    assert "Unicode NFC" in documents["nfd.txt"].status_detail
    assert "CRLF/CR line endings to LF" in documents["crlf.txt"].status_detail
