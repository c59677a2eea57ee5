"""The geography recogniser: provinces old and new, the nation, segments."""

from datetime import date

import pytest

from dagster_project.extraction.geography import (
    find_places,
    find_segments,
    province_code_for,
    province_from_domain,
)
from dagster_project.extraction.textnorm import match_view


def places(text):
    view = match_view(text)
    return [(text[p.start : p.end], p.kind, p.code) for p in find_places(view, 0, len(view))]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tỉnh Hoà Bình", "17"),  # old tone placement
        ("tỉnh Hòa Bình", "17"),
        ("Khánh Hoà", "56"),
        ("TP. Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("Thừa Thiên - Huế", "46"),
        ("Bắc Kạn", "06"),
        ("Bắc Cạn", "06"),
        ("Đắk Lắk", "66"),
    ],
)
def test_province_spellings(text, code):
    assert places(text)[0][2] == code


def test_national_and_self_markers():
    kinds = [k for _, k, _ in places("cả nước đạt 42%, toàn tỉnh đạt 30%, Bộ Y tế đạt 50%")]
    assert kinds == ["national", "self", "body"]  # a ministry: national, and the ministries segment


def test_after_july_2025_a_merged_name_means_the_new_unit():
    view = match_view("tỉnh Lào Cai")
    (m,) = find_places(view, 0, len(view))
    assert province_code_for(m, date(2024, 12, 31)) == "10"
    assert province_code_for(m, date(2025, 9, 30)) == "15"  # new Lào Cai keeps Yên Bái's code


def test_segments():
    view = match_view("bộ, ngành đạt 61%; địa phương đạt 17%; cấp huyện 88%; cấp xã 93%")
    assert [s.kind for s in find_segments(view, 0, len(view))] == [
        "ministry",
        "locality",
        "district_level",
        "commune_level",
    ]


@pytest.mark.parametrize(
    ("publisher", "code"), [("Baohatinh.vn", "42"), ("baoquangbinh.vn", "44"), ("Báo Lào Cai", "10")]
)
def test_publisher_domains(publisher, code):
    assert province_from_domain(publisher) == code


def test_an_old_code_after_the_2025_arrangement_is_its_successors():
    from dagster_project.extraction.geography import old_code_at

    assert old_code_at("45", date(2024, 12, 31)) == "45"  # Quảng Trị before July 2025
    assert old_code_at("45", date(2025, 8, 1)) == "44"  # part of the new Quảng Trị (Quảng Bình's code)
    assert old_code_at("45", None) == "45"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Viễn thông huyện Định Hoá mở rộng cáp quang", ("huyện Định Hoá", "district", "19")),
        ("thôn Mô Níc, xã Sơn Kỳ (Sơn Hà)", ("Sơn Hà", "district", "51")),  # a rural district alone
        ("trên địa bàn quận Cầu Giấy", ("quận Cầu Giấy", "district", "01")),
    ],
)
def test_districts_name_their_province(text, found):
    assert found in places(text)


def test_urban_districts_need_their_unit_word_and_phrases_stop_at_brackets():
    # "Cầu Giấy" alone is as often a street; "Sơn Kỳ (Sơn Hà)" does not spell the district "Kỳ Sơn"
    assert places("đường Cầu Giấy") == []
    assert [p for p in places("xã Sơn Kỳ (Sơn Hà)") if p[1] == "district"] == [("Sơn Hà", "district", "51")]


def test_a_national_marker_with_a_number_holds_only_with_that_number():
    assert places("đứng đầu 63 tỉnh, thành phố") == [("63 tỉnh, thành phố", "national", "VN")]
    assert places("thuộc nhóm 15 tỉnh, thành phố dẫn đầu") == []
