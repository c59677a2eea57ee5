"""Every input file gets its dim_document row, whatever its encoding; the good ones are published."""

from __future__ import annotations

import itertools
import shutil
import unicodedata
from pathlib import Path

import duckdb
from conftest import SEED_FILES, SEEDS_DIR, invoke

# Distinct texts: two files with the same normalised text would be one document.
PARAGRAPH = (
    "Năm 2024, tỉnh {place} đã đạt tỷ lệ hồ sơ trực tuyến toàn trình {rate}%, "
    "tăng mạnh so với cùng kỳ. Sở Thông tin và Truyền thông cho biết toàn tỉnh có "
    "{count} thủ tục hành chính được cung cấp dưới dạng dịch vụ công trực tuyến; "
    "người dân, doanh nghiệp hưởng ứng tích cực việc chuyển đổi số trên địa bàn.\n"
)


def paragraph(place: str, rate: int, count: int) -> str:
    return PARAGRAPH.format(place=place, rate=rate, count=count) * 3


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese files use it: vowel shapes precomposed, tone marks combining."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        # e.g. "ệ": "ê" precomposed plus a combining dot below, whatever the marks' canonical order.
        candidates = [
            (unicodedata.normalize("NFC", base + "".join(order[:keep])), "".join(order[keep:]))
            for order in itertools.permutations(marks)
            for keep in range(len(marks), -1, -1)
        ]
        for head, tail in candidates:
            try:
                out.append(head.encode("cp1258") + tail.encode("cp1258"))
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"cannot write {char!r} in cp1258")
    return b"".join(out)


ODD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "rejected"),
    "utf16.txt": (paragraph("Hà Giang", 41, 1021).encode("utf-16"), "ok"),
    "bom.txt": (b"\xef\xbb\xbf" + paragraph("Bắc Ninh", 52, 1187).encode("utf-8"), "ok"),
    "cp1258.txt": (cp1258_bytes(paragraph("Quảng Bình", 63, 1305)), "ok"),
    "page.html": (
        (
            "<!doctype html><html><head><meta charset='utf-8'><title>Chuyển đổi số Lào Cai</title></head>"
            f"<body><h1>Chuyển đổi số Lào Cai</h1><p>{paragraph('Lào Cai', 74, 1402)}</p></body></html>"
        ).encode(),
        "ok",
    ),
    "nfd.txt": (unicodedata.normalize("NFD", paragraph("Đắk Lắk", 85, 1518)).encode("utf-8"), "ok"),
}


def test_each_file_gets_its_status_and_the_good_ones_are_published(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in SEED_FILES:
        shutil.copy(SEEDS_DIR / seed, inbox / seed)
    for name, (content, _) in ODD_FILES.items():
        (inbox / name).write_bytes(content)
    warehouse = tmp_path / "out" / "warehouse.duckdb"

    result = invoke("run", "--input", inbox, "--warehouse", warehouse)

    assert result.code == 0, result.err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select file_name, status, char_count from marts.dim_document").fetchall()
        observed = {
            name
            for (name,) in con.execute(
                "select distinct d.file_name"
                " from marts.fct_observation o join marts.dim_document d using (document_id)"
            ).fetchall()
        }
    statuses = {name: status for name, status, _ in rows}
    expected = {seed: "ok" for seed in SEED_FILES} | {name: status for name, (_, status) in ODD_FILES.items()}
    assert statuses == expected
    assert len(rows) == len(expected)
    for name, status, char_count in rows:
        assert (char_count > 0) == (status == "ok"), name
    # Every ok file states figures, and they reached the published fact table.
    assert observed == {name for name, status in expected.items() if status == "ok"}
