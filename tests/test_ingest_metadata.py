"""Title, publisher and date: taken from standalone header/footer lines only, never from body sentences."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from dagster_project.ingest import extract_metadata, ingest_file
from dagster_project.ingest.metadata import DocumentMetadata, MetadataHints

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = (
    "Đến nay, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 42%, tăng 17% so với cuối năm 2023.\n"
    "Toàn tỉnh có 1.250 tổ công nghệ số cộng đồng với hơn 7.000 thành viên.\n"
)

SEED_EXPECTATIONS = {
    "000_093ff63eb5de6e19.txt": DocumentMetadata(publisher="Báo Tuyên Quang"),
    "001_0b63d6f18ab1078f.txt": DocumentMetadata(
        title="Chuyển đổi số phải là công cụ quan trọng trong nền kinh tế độc lập, tự chủ",
        publisher="Baohatinh.vn",
    ),
    "002_c22f9e95cdfea783.txt": DocumentMetadata(),
    "003_5c41729daa8dbd40.txt": DocumentMetadata(),
    "004_158d2d1cb2a5e738.txt": DocumentMetadata(
        published_date=date(2024, 7, 11), published_at=datetime(2024, 7, 11, 7, 30)
    ),
}


@pytest.mark.parametrize("file_name", sorted(SEED_EXPECTATIONS))
def test_seed_metadata(file_name: str) -> None:
    document = ingest_file(SEEDS / file_name, SEEDS)
    got = DocumentMetadata(document.title, document.publisher, document.published_date, document.published_at)
    assert got == SEED_EXPECTATIONS[file_name]


@pytest.mark.parametrize(
    ("header", "expected_date", "expected_at"),
    [
        ("Thứ Năm, 11/07/2024 - 07:30", date(2024, 7, 11), datetime(2024, 7, 11, 7, 30)),
        ("Cập nhật: 09/10/2024 14:05 (GMT+7)", date(2024, 10, 9), datetime(2024, 10, 9, 14, 5)),
        ("Ngày đăng: 1/2/2023", date(2023, 2, 1), None),
        ("07:30 | 11/07/2024", date(2024, 7, 11), datetime(2024, 7, 11, 7, 30)),
        ("Chủ nhật, 3-11-2024, 20:15", date(2024, 11, 3), datetime(2024, 11, 3, 20, 15)),
        ("Hà Nội, ngày 26 tháng 10 năm 2024", date(2024, 10, 26), None),
        # the month as a word, as some portals print it
        ("Thứ Sáu, 8 tháng 3, 2024", date(2024, 3, 8), None),
        ("Đăng ngày 21 Tháng 6 2023 09:40", date(2023, 6, 21), datetime(2023, 6, 21, 9, 40)),
        ("Cập nhật lúc 16:05 ngày 02/12/2022", date(2022, 12, 2), datetime(2022, 12, 2, 16, 5)),
        ("(Ngày 5/9/2025)", date(2025, 9, 5), None),
    ],
)
def test_standalone_date_line_at_the_start(
    header: str, expected_date: date, expected_at: datetime | None
) -> None:
    metadata = extract_metadata(f"{header}\n{BODY}")
    assert metadata.published_date == expected_date
    assert metadata.published_at == expected_at


def test_standalone_date_line_at_the_end() -> None:
    metadata = extract_metadata(f"{BODY}Minh Anh\n15/03/2024 09:00\n")
    assert metadata.published_date == date(2024, 3, 15)


def test_publication_stamp_wins_over_update_stamp() -> None:
    metadata = extract_metadata(f"Cập nhật: 12/07/2024 10:00\nNgày đăng: 11/07/2024 07:30\n{BODY}")
    assert metadata.published_date == date(2024, 7, 11)


@pytest.mark.parametrize(
    "text",
    [
        # A date inside a body sentence is an event, not the publication date.
        "Văn phòng Chính phủ vừa có Thông báo số 490/TB-VPCP, ngày 26/10/2024 kết luận của Thủ tướng.\n"
        + BODY,
        BODY + "Phiên họp được tổ chức vào ngày 9/10/2024.\n",
        # Day/month order: 31/13 is not a date in either reading this code accepts.
        "31/13/2024 07:30\n" + BODY,
        "30/02/2024\n" + BODY,
    ],
)
def test_no_published_date_from_body_sentences_or_impossible_dates(text: str) -> None:
    metadata = extract_metadata(text)
    assert metadata.published_date is None
    assert metadata.published_at is None


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (BODY + "Theo Báo Tuyên Quang\n", "Báo Tuyên Quang"),
        (BODY + "Theo TTXVN.\n", "TTXVN"),
        (BODY + "Nguồn: Cổng Thông tin điện tử Chính phủ\n", "Cổng Thông tin điện tử Chính phủ"),
        (BODY + "Nguồn: https://www.baoquangbinh.vn/kinh-te/202410/bai-viet.htm\n", "baoquangbinh.vn"),
        (
            "(Chinhphu.vn) – Sáng 8/8, Ủy ban Quốc gia về chuyển đổi số họp phiên thứ 3.\n" + BODY,
            "Chinhphu.vn",
        ),
        ("Tiêu đề bài viết về chuyển đổi số\n(TTXVN) - Ngày 9/10, tỉnh tổ chức hội nghị.\n" + BODY, "TTXVN"),
    ],
)
def test_publisher_lines(text: str, publisher: str) -> None:
    assert extract_metadata(text).publisher == publisher


@pytest.mark.parametrize(
    "text",
    [
        "Theo báo cáo của Bộ Thông tin và Truyền thông, 63/63 địa phương đã kết nối.\n" + BODY,
        BODY + "Theo báo cáo của Sở Thông tin và Truyền thông\n",
        BODY + "Theo Kế hoạch 123\n",
        BODY + "Theo đó\n",
        "(Ảnh minh họa) - Toàn cảnh hội nghị.\n" + BODY,
        BODY + "Tin, ảnh: HỒNG NHUNG\n",
    ],
)
def test_no_publisher_from_sentences_documents_or_bylines(text: str) -> None:
    assert extract_metadata(text).publisher is None


@pytest.mark.parametrize(
    "first_line",
    [
        "Đại biểu dự hội nghị tại điểm cầu Trà Vinh.",  # a caption ends with a period
        "Quang cảnh hội nghị. |",
        "Thủ tướng chủ trì phiên họp (Ảnh: VGP)",
        "tỉnh đạt 85% hồ sơ trực tuyến",  # starts lower case: a fragment
        "Hội nghị diễn ra sáng nay. Các đại biểu thảo luận",  # two sentences
        "X" * 250,
    ],
)
def test_lines_that_are_not_headlines(first_line: str) -> None:
    assert extract_metadata(f"{first_line}\n{BODY}").title is None


def test_headline_after_a_timestamp_line() -> None:
    metadata = extract_metadata(f"11/07/2024 07:30\nQuảng Bình đạt 85% hồ sơ trực tuyến toàn trình\n{BODY}")
    assert metadata.title == "Quảng Bình đạt 85% hồ sơ trực tuyến toàn trình"
    assert metadata.published_date == date(2024, 7, 11)


def test_a_single_line_text_has_no_title() -> None:
    assert extract_metadata("Quảng Bình đạt 85% hồ sơ trực tuyến toàn trình").title is None


def test_html_hints_win_and_drop_the_time_zone() -> None:
    hints = MetadataHints(
        title="Tỉnh đạt 85% hồ sơ trực tuyến",
        publisher="Báo Hà Tĩnh",
        published_time="2024-07-11T07:30:00+07:00",
    )
    metadata = extract_metadata("Trang chủ Thời sự Kinh tế\n" + BODY + "Theo TTXVN\n", hints)
    assert metadata == DocumentMetadata(
        title="Tỉnh đạt 85% hồ sơ trực tuyến",
        publisher="Báo Hà Tĩnh",
        published_date=date(2024, 7, 11),
        published_at=datetime(2024, 7, 11, 7, 30),
    )


def test_html_page_without_title_hint_does_not_guess_from_its_navigation() -> None:
    metadata = extract_metadata("Trang chủ Thời sự Kinh tế\n" + BODY, MetadataHints())
    assert metadata.title is None


def test_html_date_only_hint() -> None:
    metadata = extract_metadata(BODY, MetadataHints(published_time="2024-10-09"))
    assert metadata.published_date == date(2024, 10, 9)
    assert metadata.published_at is None
