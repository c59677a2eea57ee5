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


def test_words_that_open_with_a_segment_s_word_are_no_segment():
    view = match_view("xã hội số xếp thứ 14; các bộ phận một cửa của 120 xã")
    assert [s.kind for s in find_segments(view, 0, len(view))] == ["commune_level"]


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


@pytest.mark.parametrize(
    ("file_name", "codes"),
    [
        ("002_vinh_phuc_dvc_thang_3_2023.txt", {"26"}),
        ("Bao-cao-Thua-Thien-Hue-2023.txt", {"46"}),
        ("ba_ria_vung_tau.html", {"77"}),
        ("ket_qua_ha_tang_so_2024.txt", set()),  # "ha tang" is no province
        ("so_sanh_ha_noi_va_da_nang.txt", {"01", "48"}),
    ],
)
def test_provinces_in_file_names(file_name, codes):
    from dagster_project.extraction.geography import provinces_in_file_name

    assert provinces_in_file_name(file_name) == codes


@pytest.mark.parametrize(
    ("text", "number", "geo"),
    [
        ("Tỉnh dẫn đầu 63 tỉnh, thành phố cả nước về tỷ lệ giải quyết đúng hạn 98,5%.", "98,5", "44"),
        ("Tỉnh xếp thứ 13 trong 63 tỉnh, thành phố trên cả nước với 0,61 điểm.", "0,61", "44"),
        ("Chỉ số của tỉnh cao hơn mức trung bình cả nước, tỷ lệ hồ sơ trực tuyến là 91,2%.", "91,2", "44"),
        ("Cả nước có tỷ lệ hồ sơ trực tuyến là 45,2%.", "45,2", "VN"),
    ],
)
def test_the_nation_as_a_field_or_yardstick_is_not_the_figures_place(text, number, geo):
    from tests.extraction_helpers import by_text, extract

    text = "Quảng Bình: chuyển đổi số. Toàn tỉnh đạt kết quả tốt. " + text
    assert by_text(extract(text), text)[number].geo_code == geo


@pytest.mark.parametrize(
    ("text", "number", "geo"),
    [
        # the nation in a thing's name, or as the base of a share, is not a figure's place
        ("Toàn tỉnh Hà Giang đã tích hợp lên Cổng dịch vụ công quốc gia 1.210 thủ tục.", "1.210", "02"),
        ("UBND tỉnh Hà Giang đặt mục tiêu: tỷ trọng KTS đạt 15% GDP; thương mại điện tử đạt 8%.", "8", "02"),
        # the nation itself still is
        ("Tỷ lệ hồ sơ trực tuyến của quốc gia đạt 45%, tỉnh Hà Giang đạt 38%.", "45", "VN"),
        ("Kinh tế số chiếm 18,3% GDP cả nước.", "18,3", "VN"),
    ],
)
def test_the_nation_named_inside_a_name_or_a_share(text, number, geo):
    from tests.extraction_helpers import by_text, extract

    assert by_text(extract(text), text)[number].geo_code == geo


def test_district_names_that_are_words_or_part_of_a_persons_name_place_nothing():
    assert places("phần mềm một cửa tập trung thống nhất") == []
    assert places("ông Trịnh Xuân Trường, Giám đốc Sở") == []
    assert places("huyện Thống Nhất") == [("huyện Thống Nhất", "district", "75")]
    assert places("huyện Xuân Trường") == [("huyện Xuân Trường", "district", "36")]


def test_an_undated_text_written_after_the_2025_arrangement_names_the_new_units():
    from dagster_project.extraction import extract_document
    from tests.extraction_helpers import document

    text = "An Giang (mới) sau sáp nhập: toàn tỉnh An Giang đã tích hợp 100% dịch vụ công trực tuyến."
    result = extract_document(document(text))
    assert result.context.subject_geo_code == "91"  # the new An Giang keeps Kiên Giang's code
    assert [o.geo_code for o in result.observations] == ["91"]
    old = "Toàn tỉnh An Giang đã tích hợp 100% dịch vụ công trực tuyến."
    assert extract_document(document(old)).context.subject_geo_code == "89"


def test_the_yardsticks_own_value_is_the_nations():
    from tests.extraction_helpers import by_text, extract

    text = "Tỉnh Ninh Thuận có 80% dân số dùng điện thoại thông minh, cao hơn mức trung bình của cả nước là 70,9%."
    obs = by_text(extract(text), text)
    assert (obs["80"].geo_code, obs["70,9"].geo_code) == ("58", "VN")


def test_the_yardsticks_value_in_brackets_is_the_nations():
    from tests.extraction_helpers import by_text, extract

    text = "Tỷ lệ hồ sơ trực tuyến của tỉnh Kon Tum đạt 61,4%, cao hơn bình quân cả nước (55,2%)."
    obs = by_text(extract(text), text)
    assert (obs["61,4"].geo_code, obs["55,2"].geo_code) == ("62", "VN")


def test_the_nations_own_index_is_national_but_a_national_address_system_is_a_name():
    from tests.extraction_helpers import by_text, extract

    text = "Tỉnh Đắk Lắk dự hội nghị. Chỉ số chuyển đổi số quốc gia năm 2022 đạt 0,7111."
    assert by_text(extract(text), text)["0,7111"].geo_code == "VN"
    text = "Tỉnh Gia Lai thúc đẩy kinh tế số: 100% doanh nghiệp dùng hóa đơn điện tử, địa chỉ số quốc gia phổ biến."
    assert by_text(extract(text), text)["100"].geo_code == "64"  # Gia Lai, undated: its old code


def test_an_undated_text_names_provinces_as_they_were_before_the_arrangement_even_in_2025():
    from tests.extraction_helpers import by_text, extract

    text = "Đến năm 2025, toàn tỉnh Bình Thuận có 4.300 trạm BTS."
    assert by_text(extract(text), text)["4.300"].geo_code == "60"  # not its successor Lâm Đồng (68)
    dated = extract(text, published="2025-10-01")
    assert dated[0].geo_code == "68"


def test_a_file_named_after_a_merged_province_is_its_successors_subject():
    from dagster_project.extraction import extract_document
    from tests.extraction_helpers import document

    text = "Sau sắp xếp, sáp nhập, chuyển đổi số ở Gia Lai tiếp tục tăng tốc: tỉnh hoàn thành 25/25 nhiệm vụ."
    result = extract_document(document(text, file_name="gia_lai_cds_2026.txt"))
    assert result.context.subject_geo_code == "52"  # the new Gia Lai keeps Bình Định's code


def test_a_national_things_name_does_not_make_a_text_national():
    from dagster_project.extraction import extract_document
    from tests.extraction_helpers import document

    text = "Tỉnh ủy chỉ đạo tích hợp 1.200 dịch vụ công lên Cổng dịch vụ công quốc gia."
    result = extract_document(document(text, file_name="kon_tum_nghi_quyet.txt"))
    assert result.context.subject_geo_code == "62"
    assert [o.geo_code for o in result.observations] == ["62"]


def test_viet_nam_ending_an_index_name_is_no_place():
    from tests.extraction_helpers import by_text, extract

    text = "Tỉnh Hà Nam có chỉ số sẵn sàng cho ứng dụng công nghệ thông tin Việt Nam (ICT Index) xếp thứ 7 cả nước."
    assert by_text(extract(text), text)["7"].geo_code == "35"


def test_a_province_opening_a_paragraph_of_a_text_written_after_the_arrangement_is_the_new_unit():
    from tests.extraction_helpers import extract

    text = (
        "date 2025-10-28\nUBND tỉnh phê duyệt kế hoạch thương mại điện tử giai đoạn 2026 - 2030.\n"
        "Gia Lai hướng đến việc nâng cao năng lực cạnh tranh của doanh nghiệp thông qua chuyển đổi số. "
        "Cụ thể, 75% doanh nghiệp ứng dụng thương mại điện tử."
    )
    (o,) = extract(text)
    assert o.geo_code == "52"  # the new Gia Lai, not the old one (64)


def test_a_ministry_that_judges_a_province_does_not_place_its_rank():
    from tests.extraction_helpers import by_text, extract

    text = "Năm 2021, Đồng Tháp được Bộ Thông tin và Truyền thông đánh giá, xếp hạng 9/63 tỉnh, thành về ứng dụng CNTT."
    assert by_text(extract(text), text)["9/63"].geo_code == "87"


def test_a_ministry_named_as_the_source_is_not_the_figures_segment():
    from tests.extraction_helpers import by_text, extract

    text = "Theo thống kê của Bộ Công an, đến tháng 6/2024, cả nước đã cấp 78 triệu thẻ căn cước gắn chíp."
    assert by_text(extract(text), text)["78"].segment == "all"
    text = "Bộ Công an đã cấp 78 triệu thẻ căn cước gắn chíp."
    assert by_text(extract(text), text)["78"].segment == "ministry"
    # a ministry that speaks reports the nation's figure
    text = "Bộ Thông tin và Truyền thông cho biết, kinh tế số chiếm 15,2% GDP."
    assert (by_text(extract(text), text)["15,2"].segment, by_text(extract(text), text)["15,2"].geo_code) == (
        "all",
        "VN",
    )


def test_a_districts_syllables_in_lower_case_are_words_not_its_name():
    from tests.extraction_helpers import by_text, extract

    # "tham gia Bình dân học vụ số" holds "gia bình", a district of Bắc Ninh, in lower case
    text = "Đã có 12.000 người tham gia Bình dân học vụ số."
    assert by_text(extract(text), text)["12.000"].geo_code == "VN"
    text = "Huyện Gia Bình có 12.000 người tham gia Bình dân học vụ số."
    assert by_text(extract(text), text)["12.000"].geo_code == "27"


def test_a_level_is_written_in_one_piece():
    view = match_view("Sau 4 tháng vận hành chính quyền địa phương 2 cấp, tỉnh đã tiếp nhận 356.000 hồ sơ")
    assert find_segments(view, 0, len(view)) == []


def _phrasebook() -> list[tuple[str, str, str]]:
    from pathlib import Path

    path = Path(__file__).parent / "phrasebook" / "geography.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, published, sentence = line.split("\t")
            rows.append((code, published, sentence.strip()))
    return rows


@pytest.mark.parametrize(("code", "published", "sentence"), _phrasebook())
def test_phrasebook(code, published, sentence):
    from tests.extraction_helpers import extract

    obs = extract(sentence, published=published)
    assert [o for o in obs if o.geo_code == code], [(o.stated_text, o.geo_code) for o in obs]
