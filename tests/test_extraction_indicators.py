"""Indicator classification on phrasings provinces use (beyond the sample corpus)."""

import csv
from pathlib import Path

import pytest

from dagster_project.extraction.indicators import catalog
from dagster_project.extraction.lexicon import seed_path
from tests.extraction_helpers import by_text, extract


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        ("Tỷ lệ hồ sơ nộp trực tuyến đạt 72,5%.", "72,5", "online_dossier_rate"),
        (
            "Tỷ lệ hồ sơ TTHC được giải quyết thông qua DVC trực tuyến của huyện đạt 88%.",
            "88",
            "online_dossier_rate",
        ),
        (
            "Hiện 97,5% thủ tục hành chính được cung cấp trực tuyến, 62% hồ sơ được nộp trực tuyến.",
            "97,5",
            "online_service_rate",
        ),
        ("Có 100% dịch vụ công đủ điều kiện được thực hiện toàn trình.", "100", "online_service_rate"),
        (
            "Tỉnh đứng thứ 8 về thanh toán phí, lệ phí qua ngân hàng, ví điện tử với 52.000 giao dịch.",
            "52.000",
            "online_payment_transactions",
        ),
        (
            "Đến nay, toàn tỉnh đã phủ sóng di động tới 99% thôn, bản và 60% hộ có cáp quang.",
            "99",
            "mobile_broadband_coverage_rate",
        ),
        ("Năm 2023, Lạng Sơn tăng 9 bậc chuyển đổi số so với năm trước.", "9", "dti_rank"),
        ("Công an tỉnh đã cấp 1,2 triệu thẻ Căn cước công dân gắn chíp.", "1,2", "chip_id_cards"),
        (
            "Tỉnh ủy ban hành 01 Nghị quyết, 02 Kết luận và 03 Thông báo về chuyển đổi số.",
            "02",
            "legal_documents_issued",
        ),
        ("Có 42% hộ gia đình được kết nối internet băng rộng cố định.", "42", "fiber_household_rate"),
        ("Khoảng 30% dân số hiện có thể tiếp cận công nghệ 5G.", "30", "mobile_broadband_coverage_rate"),
        ("Năm 2023, tổng doanh thu toàn ngành TTTT đạt 21.500 tỷ đồng.", "21.500", "ict_revenue"),
        (
            "Đến năm 2025, TMĐT có thể vượt 20 tỷ USD và chiếm khoảng 11% tổng mức bán lẻ.",
            "11",
            "ecommerce_retail_share",
        ),
        (
            "Gần 80.000 người dân đã được trang bị kiến thức và kỹ năng số cơ bản.",
            "80.000",
            "digital_skills_trained",
        ),
        ("Tỉnh đã thành lập 1.320 tổ chuyển đổi số cộng đồng.", "1.320", "community_digital_teams"),
        ("Mạng cáp quang băng rộng đã triển khai đến 100% xã.", "100", "communes_broadband_rate"),
        (
            "Hiện 98% số xã, phường đã triển khai mạng thông tin di động 4G.",
            "98",
            "mobile_broadband_coverage_rate",
        ),
        ("Tỷ lệ xử lý hồ sơ điện tử đạt 71,2%.", "71,2", "online_work_processing_rate"),
        (
            "Có 100% văn bản đi - đến trong môi trường số được xử lý đúng quy định.",
            "100",
            "electronic_document_rate",
        ),
        (
            "Đã có 68% giao dịch thanh toán chuyển sang hình thức không dùng tiền mặt.",
            "68",
            "cashless_payment_rate",
        ),
        ("Tỷ lệ người dân có tài khoản giao dịch tại ngân hàng đạt 80%.", "80", "bank_account_rate"),
        ("Các xã đã thành lập 364 tổ CNSCĐ với 1.729 thành viên.", "1.729", "community_digital_team_members"),
        (
            "Tỷ lệ dân số trưởng thành có điện thoại di động thông minh đạt 85%.",
            "85",
            "smartphone_adoption_rate",
        ),
        ("Đã có 100% xã, phường, thị trấn có kết nối cáp quang.", "100", "communes_broadband_rate"),
        ("Đến tháng 9/2024, cung cấp DVCTT toàn trình đạt tỷ lệ 55,5%.", "55,5", "online_service_rate"),
        (
            "Cổng dịch vụ công của tỉnh đã cung cấp 149 dịch vụ công mức độ 3.",
            "149",
            "online_service_procedures",
        ),
        (
            "Cổng dịch vụ công của tỉnh đã tiếp nhận 502.225 hồ sơ, trong đó 192.933 hồ sơ trực tuyến.",
            "192.933",
            "online_dossiers",
        ),
        (
            "Tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt 65,63%, tỷ lệ số hóa hồ sơ đạt 45%.",
            "65,63",
            "online_dossier_rate",
        ),
        ("Tỉnh đã xử lý trực tuyến toàn trình 55% hồ sơ.", "55", "online_dossier_rate"),
        (
            "Toàn tỉnh cung cấp 1.250 dịch vụ công trực tuyến toàn trình.",
            "1.250",
            "online_service_procedures",
        ),
        (
            "100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
            "100",
            "online_service_rate",
        ),
        (
            "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 78%.",
            "78",
            "digitized_dossier_rate",
        ),
        ("Tỷ lệ hồ sơ giải quyết trễ hạn chiếm 1,2%.", "1,2", "overdue_dossier_rate"),
        ("Mức độ hài lòng của người dân đạt 95%.", "95", "citizen_satisfaction_rate"),
        ("Đã cấp 320.000 tài khoản định danh điện tử.", "320.000", "vneid_accounts"),
        ("Đã cấp 45.000 chứng thư số cho cán bộ.", "45.000", "digital_signature_certificates"),
        (
            "Thành lập 1.520 tổ công nghệ số cộng đồng với 8.300 thành viên.",
            "8.300",
            "community_digital_team_members",
        ),
        ("Kinh tế số chiếm 9,2% GRDP của tỉnh.", "9,2", "digital_economy_gdp_share"),
        ("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 99,8%.", "99,8", "einvoice_adoption_rate"),
        ("Có 350 sản phẩm OCOP được đưa lên sàn thương mại điện tử.", "350", "ocop_products_online"),
        ("Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt đạt 90%.", "90", "cashless_payment_rate"),
        ("Còn 15 thôn chưa có sóng di động.", "15", "villages_without_mobile_signal"),
        ("Còn 40 thôn chưa có sóng băng rộng di động.", "40", "villages_without_mobile_broadband"),
        ("Toàn tỉnh có 3 trung tâm dữ liệu với tổng công suất 12 MW.", "12", "data_center_capacity"),
        ("Ban hành 12 kế hoạch và 5 quyết định về chuyển đổi số.", "5", "legal_documents_issued"),
        ("Đã có 60/63 địa phương ban hành kế hoạch chuyển đổi số năm 2024.", "60/63", "dx_plans_issued"),
        # the use of online services, read in dossiers; procedures integrated on the portal
        ("Chỉ số sử dụng dịch vụ công trực tuyến của tỉnh đạt 58%.", "58", "online_dossier_rate"),
        (
            "Cổng có 3.900 thủ tục được tích hợp, đạt 65,2% tổng số thủ tục.",
            "3.900",
            "online_service_procedures",
        ),
        ("Cổng có 3.900 thủ tục được tích hợp, đạt 65,2% tổng số thủ tục.", "65,2", "online_service_rate"),
        # broadband reaching households and communes; Internet subscriptions; cashless payment
        ("Internet cáp quang tốc độ cao đã đến 100% trung tâm xã.", "100", "communes_broadband_rate"),
        ("Hạ tầng băng rộng cố định phủ trên 97% hộ gia đình.", "97", "fiber_household_rate"),
        ("Thuê bao Internet đạt 71% dân số.", "71", "internet_user_rate"),
        ("Thanh toán không tiền mặt đạt 80% tổng giao dịch.", "80", "cashless_payment_rate"),
        (
            "Mạng 5G được triển khai tại trung tâm các huyện với 90 trạm, phủ sóng 21% khu dân cư.",
            "21",
            "mobile_broadband_coverage_rate",
        ),
        ("Kinh tế số chiếm 18% GDP, tốc độ tăng trưởng vượt 20%/năm.", "20", "digital_economy_growth"),
        ("Mạng di động 4G bao phủ 98% khu vực dân cư.", "98", "mobile_broadband_coverage_rate"),
        ("Internet di động băng rộng phủ sóng 100% địa bàn.", "100", "mobile_broadband_coverage_rate"),
        ("Tỷ lệ hộ gia đình có băng thông rộng cố định đạt 64%.", "64", "fiber_household_rate"),
        (
            "Hiện nay, 100% xã, phường, thị trấn của tỉnh Lào Cai đã được kết nối cáp quang đến trung tâm.",
            "100",
            "communes_broadband_rate",
        ),
        (
            "Mạng viễn thông và Internet đã phủ sóng tới 100% xã; 97% thôn có kết nối băng rộng di động và "
            "90% hộ gia đình có Internet băng rộng cố định.",
            "97",
            "mobile_broadband_coverage_rate",
        ),
        (
            "Mạng viễn thông và Internet đã phủ sóng tới 100% xã; 97% thôn có kết nối băng rộng di động.",
            "100",
            "communes_broadband_rate",
        ),
        # plans counted among other documents issued
        (
            "UBND tỉnh đã ban hành 2 chỉ thị, 6 quyết định và 15 kế hoạch về chuyển đổi số.",
            "15",
            "legal_documents_issued",
        ),
        (
            "Tỷ lệ văn bản điện tử trao đổi giữa các cơ quan nhà nước đạt 98%.",
            "98",
            "electronic_document_rate",
        ),
        ("Tỷ lệ hồ sơ thanh toán trực tuyến đạt 35%.", "35", "online_payment_rate"),
        # the digital economy's share "of GRDP" however far from its name; its yearly growth
        (
            "Kinh tế số giữ vai trò ngày càng lớn trong cơ cấu kinh tế của tỉnh (năm 2023 chiếm 8,1% GRDP).",
            "8,1",
            "digital_economy_gdp_share",
        ),
        ("Kinh tế số của TP. Cần Thơ năm 2024 đóng góp 12% GRDP.", "12", "digital_economy_gdp_share"),
        ("Kinh tế số cả nước chiếm 18% GDP, tăng khoảng 20%/năm.", "20", "digital_economy_growth"),
        # mobile coverage however the sentence turns it
        ("Tỷ lệ thôn, bản được phủ băng rộng di động đạt 96%.", "96", "mobile_broadband_coverage_rate"),
        ("Sóng 4G đã phủ đến 93% thôn, làng của huyện.", "93", "mobile_broadband_coverage_rate"),
        ("Mạng di động 5G phủ sóng 85% dân số thành phố.", "85", "mobile_broadband_coverage_rate"),
        ("Có 99% thôn, xã có sóng di động 4G.", "99", "mobile_broadband_coverage_rate"),
        (
            "Toàn tỉnh còn 120 thôn “trắng” sóng băng rộng di động.",
            "120",
            "villages_without_mobile_broadband",
        ),
        # bank accounts, not payments received through them
        ("Có 72% dân số từ 15 tuổi trở lên có tài khoản giao dịch.", "72", "bank_account_rate"),
        ("Khoảng 64% người trưởng thành có tài khoản ngân hàng.", "64", "bank_account_rate"),
        # dossiers filed online, not procedures offered online
        ("Tỷ lệ nộp hồ sơ dịch vụ công trực tuyến đạt 78%.", "78", "online_dossier_rate"),
        ("Các xã phải tiếp nhận 50% hồ sơ TTHC qua hình thức trực tuyến.", "50", "online_dossier_rate"),
        ("Năm 2023, tỉnh xếp vị trí 25/63 về chuyển đổi số.", "25/63", "dti_rank"),
        (
            "Mạng đã cung cấp dịch vụ băng rộng di động tại 1.850/1.920 thôn, bản; còn 70 thôn “trắng” sóng.",
            "1.850/1.920",
            "villages_mobile_covered",
        ),
        (
            "Năm 2024, thu ngân sách từ hoạt động thương mại điện tử trên địa bàn đạt 41,2 tỷ đồng.",
            "41,2",
            "ecommerce_tax_revenue",
        ),
        (
            "Năm 2024 cả nước có 79,2 triệu người dùng Internet, chiếm 80,1% dân số.",
            "80,1",
            "internet_user_rate",
        ),
        (
            "Toàn huyện còn 9 thôn, bản chưa có sóng di động băng rộng.",
            "9",
            "villages_without_mobile_broadband",
        ),
        ("Toàn huyện còn 4 thôn chưa có sóng di động.", "4", "villages_without_mobile_signal"),
    ],
)
def test_indicator_phrasings(text, number, code):
    assert by_text(extract(text), text)[number].indicator_code == code


def test_unit_picks_the_member_of_a_family():
    text = "Toàn tỉnh có 1.600/1.900 thủ tục hành chính cung cấp dịch vụ công trực tuyến, đạt 84,2%."
    obs = by_text(extract(text), text)
    assert obs["1.600/1.900"].indicator_code == "online_service_procedures"
    assert obs["84,2"].indicator_code == "online_service_rate"


def test_nothing_fits_means_unclassified_not_dropped():
    text = "Năm 2023 có 37 hợp tác xã tham gia chương trình."
    (o,) = extract(text)
    assert o.indicator_code == "unclassified" and o.value == 37


def test_every_pattern_names_catalog_codes_with_units():
    with open(seed_path("indicators.csv"), encoding="utf-8") as fh:
        rows = {r["indicator_code"]: r for r in csv.DictReader(fh)}
    units = {"percent", "count", "vnd", "mw", "per_1000_people", "rank", "score"}
    assert all(r["unit"] in units for r in rows.values())
    for p in catalog().patterns:
        assert set(p.codes) <= set(rows)
        # a family's members differ by unit, so the unit can pick one
        assert len({rows[c]["unit"] for c in p.codes}) == len(p.codes)


def test_abbreviations_match_like_the_full_phrase():
    text = "Kế hoạch đặt mục tiêu tỷ trọng KTS đạt 20% GRDP; 100% TTHC đủ điều kiện cung cấp DVC trực tuyến toàn trình."
    obs = by_text(extract(text), text)
    assert obs["20"].indicator_code == "digital_economy_gdp_share"
    assert obs["100"].indicator_code == "online_service_rate"


def test_sub_items_measure_what_the_list_line_above_them_names():
    text = (
        "- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng\n"
        "+ Cấp huyện | 90% | 93% | Vượt\n"
        "+ Cấp xã | 80% | 85% | Vượt\n"
        "Toàn tỉnh có 1.250 trạm BTS."
    )
    codes = [o.indicator_code for o in extract(text)]
    assert codes[:4] == ["online_work_processing_rate"] * 4
    assert codes[4] != "online_work_processing_rate"


def test_a_figure_that_says_what_it_counts_does_not_borrow_another_clauses_phrase():
    # the smartphone phrase belongs to 71,5%; 64% speaks of a thing the catalog does not know
    text = "Toàn huyện có 71,5% người dân dùng điện thoại thông minh; 64% hợp tác xã có gian hàng trên sàn."
    obs = by_text(extract(text), text)
    assert obs["71,5"].indicator_code == "smartphone_adoption_rate"
    assert obs["64"].indicator_code == "unclassified"


def test_a_list_of_units_says_what_a_figure_counts():
    text = "Đến nay, 95/95 xã, phường đã vận hành bộ phận một cửa; tỷ lệ hồ sơ nộp trực tuyến đạt 61%."
    obs = by_text(extract(text), text)
    assert obs["95/95"].indicator_code == "unclassified"
    assert obs["61"].indicator_code == "online_dossier_rate"


def test_side_by_side_items_of_one_kind_keep_their_own_phrases():
    # the late-dossier phrase runs on from the first item's noun to the second's words
    text = "Quý III/2024, huyện có 97,6% hồ sơ trả kết quả đúng hạn, 2,4% hồ sơ trễ hạn."
    obs = by_text(extract(text), text)
    assert obs["2,4"].indicator_code == "overdue_dossier_rate"
    assert obs["97,6"].indicator_code == "unclassified"


def test_pairs_over_the_same_field_of_places_keep_their_own_phrases():
    text = (
        "Đến nay, 34/34 tỉnh, thành phố đã cấp phiếu lý lịch tư pháp qua ứng dụng; "
        "29/34 tỉnh, thành phố triển khai sổ sức khỏe điện tử."
    )
    obs = by_text(extract(text), text)
    assert obs["29/34"].indicator_code == "electronic_health_records"
    assert obs["34/34"].indicator_code == "unclassified"


def test_a_figure_whose_clause_names_its_subject_first_does_not_borrow_either():
    text = (
        "Tỷ lệ người dân có điện thoại thông minh đạt 82%; tỷ lệ người dân có hồ sơ sức khỏe "
        "điện tử đạt 76%; năng suất lao động tăng 6%."
    )
    obs = by_text(extract(text), text)
    assert obs["82"].indicator_code == "smartphone_adoption_rate"
    assert obs["6"].indicator_code == "unclassified"


def test_a_bare_item_of_a_series_takes_the_phrase_before_it():
    text = "Tỷ lệ hồ sơ nộp trực tuyến của cấp tỉnh đạt 81%; cấp huyện đạt 66%; cấp xã đạt 52%."
    codes = {o.stated_text: o.indicator_code for o in extract(text)}
    assert set(codes.values()) == {"online_dossier_rate"} and len(codes) == 3


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        ("Năm 2023, tỉnh xếp thứ 19/63 về Chỉ số cải cách hành chính (PAR Index).", "19/63", "unclassified"),
        (
            "Việt Nam đứng thứ 71/193 quốc gia về Chính phủ điện tử của Liên Hợp Quốc.",
            "71/193",
            "unclassified",
        ),
        ("Chỉ số thương mại điện tử của tỉnh xếp thứ 22/63.", "22/63", "unclassified"),
        # a report on the national digital transformation is not yet the DTI
        (
            "Báo cáo về tình hình chuyển đổi số quốc gia, Bộ cho biết Việt Nam vươn lên vị trí thứ "
            "70/193 trong bảng xếp hạng Chính phủ điện tử của Liên Hợp Quốc.",
            "70/193",
            "unclassified",
        ),
        ("Năm 2022, tỉnh đứng thứ 12/63 về chỉ số chuyển đổi số cấp tỉnh.", "12/63", "dti_rank"),
        ("Năm 2023, tỉnh xếp thứ 19/63 về chuyển đổi số.", "19/63", "dti_rank"),
        # the rank of a rate the clause names
        ("Tỷ lệ thanh toán trực tuyến của tỉnh đạt 48%, xếp thứ 9 cả nước.", "9", "unclassified"),
        # a DTI pillar is no other index
        ("Về an toàn thông tin mạng, tỉnh xếp thứ 8/63 trong bảng xếp hạng DTI.", "8/63", "dti_rank"),
    ],
)
def test_a_rank_in_another_index_is_no_dti_rank(text, number, code):
    assert by_text(extract(text), text)[number].indicator_code == code


def test_one_plan_by_its_number_is_no_count_of_plans():
    text = (
        "UBND tỉnh ban hành Kế hoạch số 88/KH-UBND về chuyển đổi số năm 2024 với 52 nhiệm vụ, "
        "giao cho 19 sở, ngành thực hiện. Đến nay, 9 huyện đã ban hành kế hoạch chuyển đổi số."
    )
    obs = by_text(extract(text), text)
    assert obs["52"].indicator_code == "program_tasks"
    assert obs["19"].indicator_code == "unclassified"
    assert obs["9"].indicator_code == "dx_plans_issued"


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        # units that have a rate are counted, not the rate's dossiers or households
        (
            "Năm 2024, cả nước có 8 cơ quan, địa phương có tỷ lệ hồ sơ trực tuyến toàn trình trên 50%.",
            "8",
            "unclassified",
        ),
        (
            "Hệ thống ghi nhận 12 bộ, ngành và địa phương có tỷ lệ hồ sơ trực tuyến toàn trình dưới 10%.",
            "12",
            "unclassified",
        ),
        # the rate's own figure keeps the phrase
        (
            "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 45,8%, với 1,2 triệu hồ sơ trực tuyến toàn trình.",
            "45,8",
            "online_dossier_rate",
        ),
        # a count of dossiers names them itself
        ("Tỉnh tiếp nhận 1.250 hồ sơ trực tuyến toàn trình.", "1.250", "online_dossiers"),
    ],
)
def test_a_count_of_units_that_have_a_rate_is_no_count_of_the_rate_s_items(text, number, code):
    assert by_text(extract(text), text)[number].indicator_code == code


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        # procedures are no dossiers, whatever the clause goes on to say
        (
            "Cổng có 4.475 thủ tục tiếp nhận hồ sơ trực tuyến, đạt 70,8% tổng số thủ tục hành chính.",
            "4.475",
            "unclassified",
        ),
        (
            "Tỉnh cung cấp 1.350 thủ tục dịch vụ công trực tuyến, tiếp nhận 52.000 hồ sơ nộp trực tuyến.",
            "1.350",
            "online_service_procedures",
        ),
        # visits are counted by no indicator
        (
            "Người dân dùng VNeID để sử dụng dịch vụ công trực tuyến đạt khoảng 425.000 lượt truy cập.",
            "425.000",
            "unclassified",
        ),
        # a noun the list does not restrict leaves the phrase free
        ("Tỉnh tiếp nhận 1.400 hồ sơ trực tuyến toàn trình.", "1.400", "online_dossiers"),
    ],
)
def test_the_noun_after_a_count_decides_which_indicators_can_count_it(text, number, code):
    assert by_text(extract(text), text)[number].indicator_code == code


def test_counted_nouns_name_only_count_indicators_of_the_catalog():
    from dagster_project.extraction.indicators import codes_counting_the_noun_at

    with open(seed_path("indicators.csv"), encoding="utf-8") as fh:
        units = {row["indicator_code"]: row["unit"] for row in csv.DictReader(fh)}
    codes = codes_counting_the_noun_at(" hồ sơ trực tuyến", 0)
    assert codes is not None and "online_dossiers" in codes
    assert all(units[c] == "count" for c in codes)
    assert codes_counting_the_noun_at(" ứng dụng", 0) is None


def test_a_count_that_names_another_noun_does_not_take_the_paragraph_s_indicator():
    text = (
        "Năm 2023, Sở tham mưu ban hành kế hoạch chuyển đổi số năm 2023. "
        "Kho dữ liệu tích hợp dữ liệu ngành của 26 cơ quan, đơn vị của tỉnh; đưa vào vận hành 2 ứng dụng "
        "cho thiết bị thông minh. Toàn tỉnh cấp 304.191 tài khoản định danh điện tử. "
        "Trong đó, 120.000 tài khoản được kích hoạt."
    )
    obs = by_text(extract(text), text)
    assert (obs["26"].indicator_code, obs["2"].indicator_code) == ("unclassified", "unclassified")
    # a count of the paragraph's own noun still takes its indicator
    assert obs["120.000"].indicator_code == "vneid_accounts"


def test_a_share_of_a_plan_is_no_level_of_what_the_plan_measures():
    text = (
        "Năm 2023, doanh thu công nghệ thông tin đạt 12.350 tỷ đồng, bằng 105% kế hoạch, "
        "tăng 8,2% so với năm 2022. Tỷ lệ hồ sơ nộp trực tuyến đạt 61,5%, bằng 120% so với kế hoạch."
    )
    obs = by_text(extract(text), text)
    assert (obs["105"].indicator_code, obs["120"].indicator_code) == ("unclassified", "unclassified")
    assert (obs["8,2"].indicator_code, obs["61,5"].indicator_code) == (
        "ict_revenue_growth",
        "online_dossier_rate",
    )
    # the plan's own level, after an achieved one
    text = "Tỷ lệ hồ sơ trực tuyến toàn trình năm 2023 đạt 45%/40% kế hoạch."
    obs = by_text(extract(text), text)
    assert (obs["40"].indicator_code, obs["40"].is_target) == ("online_dossier_rate", True)


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        (
            "Toàn tỉnh có 1.350 tổ công nghệ số cộng đồng ở 140/140 xã, với hơn 9.200 người tham gia.",
            "9.200",
            "community_digital_team_members",
        ),
        (
            "Đến nay, 100% xã, phường, thị trấn đã được phủ sóng mạng cáp quang, mạng di động 4G.",
            "100",
            "communes_broadband_rate",
        ),
    ],
)
def test_phrasings_of_infrastructure_and_community_teams(text, number, code):
    assert by_text(extract(text), text)[number].indicator_code == code


def _phrasebook() -> list[tuple[str, str]]:
    path = Path(__file__).parent / "phrasebook" / "indicators.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, sentence = line.split("\t")
            rows.append((code, sentence.strip()))
    return rows


@pytest.mark.parametrize(("code", "sentence"), _phrasebook())
def test_phrasebook(code, sentence):
    obs = extract(sentence, published="2024-06-30")
    assert [o.indicator_code for o in obs if o.indicator_code == code], [
        (o.stated_text, o.indicator_code) for o in obs
    ]
