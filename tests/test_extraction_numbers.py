"""The number recogniser on numbers as Vietnamese reports write them."""

import pytest

from dagster_project.extraction.numbers import parse_vietnamese_number, scan_numbers
from dagster_project.extraction.textnorm import match_view
from tests.extraction_helpers import extract


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1.928.311", 1928311.0),
        ("22,4", 22.4),
        ("0,69", 0.69),
        ("01", 1.0),
        ("40.590", 40590.0),
        ("1.084", 1084.0),
        ("3.500", 3500.0),
        ("1,928,311", 1928311.0),  # English grouping, unambiguous
        ("22.4", 22.4),  # English decimal, cannot be Vietnamese grouping
        ("12.5.3", None),
    ],
)
def test_parse_vietnamese_number(token, value):
    assert parse_vietnamese_number(token) == value


def scan(text):
    view = match_view(text)
    return [m for m in scan_numbers(view, 0, len(view)) if m.skip is None]


@pytest.mark.parametrize(
    ("text", "value", "unit", "stated"),
    [
        ("doanh thu ước đạt 1.928.311 tỷ đồng", 1.928311e15, "vnd", "1.928.311 tỷ đồng"),
        ("doanh thu đạt trên 1,9 triệu tỷ đồng", 1.9e15, "vnd", "1,9 triệu tỷ đồng"),
        ("thu ngân sách 2.450 nghìn tỷ đồng", 2.45e15, "vnd", "2.450 nghìn tỷ đồng"),
        ("tiết kiệm 350 triệu đồng", 3.5e8, "vnd", "350 triệu đồng"),
        ("86,3 triệu công dân", 86.3e6, "count", "86,3 triệu"),
        ("Hơn 01 triệu đối tượng", 1e6, "count", "01 triệu"),
        ("công suất 30 MW", 30.0, "mw", "30 MW"),
        ("công suất 1,2 GW", 1200.0, "mw", "1,2 GW"),
        ("đạt 98,6 %", 98.6, "percent", "98,6 %"),
        ("đạt 45 phần trăm", 45.0, "percent", "45 phần trăm"),
        ("tăng 2,5 điểm phần trăm", 2.5, "percent", "2,5 điểm phần trăm"),
        ("đạt 0,6077 điểm", 0.6077, "score", "0,6077 điểm"),
        ("đạt 0,69 doanh nghiệp trên 1.000 dân", 0.69, "per_1000_people", "0,69 doanh nghiệp trên 1.000 dân"),
        (
            "có 2,5 doanh nghiệp công nghệ số/1000 dân",
            2.5,
            "per_1000_people",
            "2,5 doanh nghiệp công nghệ số/1000 dân",
        ),
    ],
)
def test_scale_words_and_units(text, value, unit, stated):
    found = scan(text)
    assert len(found) == 1
    m = found[0]
    assert m.value == pytest.approx(value)
    assert m.unit == unit
    assert text[m.start : m.unit_end] == stated


def test_fraction_is_one_number_with_denominator():
    (m,) = scan("đã có 1.542/1.562 thôn được phủ sóng")
    assert (m.value, m.denominator) == (1542.0, 1562.0)


def test_achieved_over_target_percentages_are_two_numbers():
    found = scan("tại cấp tỉnh là 89%/85%, cấp huyện")
    assert [(m.value, m.pair_role) for m in found] == [(89.0, "achieved"), (85.0, "target")]


@pytest.mark.parametrize(
    "text",
    [
        "Thông báo số 490/TB-VPCP",
        "Quyết định 19/2025/QĐ-TTg",
        "đại dịch COVID-19",
        "mạng 3G, 4G và 5G",
        "ngày 9/10/2024",
    ],
)
def test_identifiers_and_full_dates_are_not_numbers(text):
    assert scan(text) == []


def test_foreign_currency_is_not_published():
    view = match_view("kim ngạch đạt 5,2 tỷ USD")
    (m,) = scan_numbers(view, 0, len(view))
    assert m.skip == "foreign currency"


@pytest.mark.parametrize(
    ("text", "stated", "value", "unit"),
    [
        ("công suất tối thiểu 10MW", "10MW", 10.0, "mw"),
        ("giá vé 50.000đ một lượt", "50.000đ", 50000.0, "vnd"),
    ],
)
def test_a_unit_glued_to_its_number(text, stated, value, unit):
    (o,) = extract(text)
    assert (o.stated_text, o.value, o.unit) == (stated, value, unit)


@pytest.mark.parametrize("text", ["có diện tích 1.000m2", "tuyến cáp dài 20km", "mạng 3G, 4G và 5G"])
def test_a_number_glued_to_other_letters_is_neither_cut_short_nor_a_figure(text):
    # "1.000m2" once read as the figure "1.00", "20km" as "2"
    assert extract(text) == []


def test_a_sign_before_a_number_qualifies_it():
    (o,) = extract("đảm bảo thời gian hoạt động ≥99,982%")
    assert (o.value, o.qualifier) == (99.982, "at_least")


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Kinh tế số của TP. Đà Nẵng", "kinh tế số của tp  đà nẵng"),
        ("TX.Sơn Tây", "tx sơn tây"),
        ("Sở TT. Tiếp đó", "sở tt. tiếp đó"),  # only a town's abbreviation loses its dot
        ("đạt 1.5 điểm", "đạt 1.5 điểm"),
    ],
)
def test_the_match_view_reads_a_towns_abbreviation_dot_as_a_space(text, view):
    assert match_view(text) == view
