"""The period recogniser on period phrases of Vietnamese reports."""

from datetime import date

import pytest

from dagster_project.extraction import extract_document
from dagster_project.extraction.periods import find_periods, period_from_code
from dagster_project.extraction.textnorm import match_view
from tests.extraction_helpers import document


def periods(text, year=2024):
    view = match_view(text)
    return [
        (text[p.start : p.end], p.period.code if p.period else None, p.role)
        for p in find_periods(view, 0, len(view), year)
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("sáu tháng cuối năm 2023", "2023-H2"),
        ("nửa đầu năm 2022", "2022-H1"),
        ("quý III/2024", "2024-Q3"),
        ("quý 2 năm 2023", "2023-Q2"),
        ("quý IV", "2024-Q4"),
        ("9 tháng đầu năm 2023", "2023-09"),
        ("đến hết tháng 9/2024", "2024-09"),
        ("tháng 12 năm 2022", "2022-12"),
        ("cuối năm 2023", "2023"),
        ("trong năm 2022", "2022"),
        ("ngày 9/10/2024", "2024-10-09"),
        ("ngày 12 tháng 3 năm 2024", "2024-03-12"),
        ("giai đoạn 2021-2025", "2021/2025"),
        ("giai đoạn 2023 – 2025", "2023/2025"),
        ("trong quý I-2024", "2024-Q1"),
        ("các năm 2020 - 2023", "2020/2023"),
        ("đến 10/12", "2024-12-10"),  # the day a count runs up to ("từ 19/2 đến 10/12")
        ("đến cuối năm", "2024"),
        ("trong năm nay", "2024"),
        # dots, as some papers write dates
        ("tính đến ngày 15.3.2023", "2023-03-15"),
        ("trong quý II.2023", "2023-Q2"),
        ("từ tháng 8.2022", "2022-08"),
        ("quý II – 2023", "2023-Q2"),
    ],
)
def test_period_phrases(text, code):
    found = periods(text)
    assert found[0][1] == code


def test_yearless_phrase_takes_the_context_year():
    assert periods("6 tháng đầu năm", year=2022)[0][1] == "2022-H1"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("đạt 91,8% kế hoạch năm 2023", "năm 2023", "2023"),
        ("Mục tiêu đạt đến tháng 12/2023 đạt 90 thuê bao", "tháng 12/2023", "2023-12"),
        ("chỉ tiêu năm 2025 là 80%", "năm 2025", "2025"),
    ],
)
def test_the_period_of_a_plan_is_marked(text, phrase, code):
    assert (phrase, code, "plan") in periods(text)


def test_comparison_baseline_is_marked():
    found = periods("tăng 14 địa phương so với cuối năm 2023")
    assert found == [("cuối năm 2023", "2023", "baseline")]


@pytest.mark.parametrize("text", ["Đến nay, 100% xã", "Hiện nay toàn tỉnh có", "Hiện, toàn tỉnh có"])
def test_up_to_now(text):
    assert periods(text)[0][2] == "now"


def test_thuc_hien_is_not_now():
    assert periods("được thực hiện toàn trình") == []


def test_period_from_code_round_trip():
    for code, start, end in [
        ("2024-H1", date(2024, 1, 1), date(2024, 6, 30)),
        ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021/2025", date(2021, 1, 1), date(2025, 12, 31)),
    ]:
        p = period_from_code(code)
        assert (p.code, p.start, p.end) == (code, start, end)


def test_a_year_reviewed_in_its_last_weeks_is_the_period_reported_on():
    # published 27 December: the year is as good as closed; "tháng 8" deep in the text is an event
    text = (
        "Kết quả chuyển đổi số năm 2023 của tỉnh\n"
        "Toàn tỉnh có 1.200 tổ công nghệ số cộng đồng, đạt 100% số xã.\n"
        + "Các sở, ngành tiếp tục triển khai nhiều nhiệm vụ chuyển đổi số trọng tâm. " * 8
        + "\nTrước đó, vào tháng 8 tỉnh đã tổ chức hội thảo về kinh tế số."
    )
    result = extract_document(document(text, published="2023-12-27"))
    assert result.context.report_period_code == "2023"
    assert {o.period_code for o in result.observations} == {"2023"}


def test_a_goals_year_is_not_the_period_an_undated_text_reports_on():
    text = (
        "Tỉnh xác định chuyển đổi số là khâu đột phá, hướng đến mục tiêu trở thành tỉnh kiểu mẫu vào năm 2045.\n"
        "Năm 2023, toàn tỉnh có 120/550 xã được công nhận xã chuyển đổi số."
    )
    result = extract_document(document(text))
    assert result.context.report_period_code == "2023"


def test_an_undated_text_reports_on_the_period_its_file_name_gives_when_it_names_it_too():
    text = (
        "Chuyển đổi số ở Nghệ An\n"
        "Tỉnh xếp hạng thứ 15 toàn quốc về chỉ số chuyển đổi số cấp tỉnh năm 2021.\n"
        "Trong 9 tháng năm 2022, công tác chuyển đổi số đạt nhiều kết quả. Toàn tỉnh có 300 tổ công nghệ số."
    )
    result = extract_document(document(text, file_name="nghe_an_9_thang_2022.txt"))
    assert result.context.report_period_code == "2022-09"


def test_the_month_an_event_was_held_is_not_the_period_reported_on():
    text = (
        "Kinh tế số là động lực phát triển của tỉnh\n"
        "Tại hội thảo do Sở Khoa học và Công nghệ tổ chức tháng 4/2024, Sở đã báo cáo thực trạng kinh tế số.\n"
        "Theo đó, tính đến năm 2023 toàn tỉnh có khoảng 5.000 doanh nghiệp công nghệ số."
    )
    result = extract_document(document(text, published="2024-08-20"))
    assert result.context.report_period_code == "2023"


@pytest.mark.parametrize(
    "stamp_line",
    [
        "Cập nhật: 16:48, 18/11/2022 (GMT+7)",
        "Tin Tây Bắc - Ngày đăng : 08:32, 18/11/2022",
        "Thứ Sáu, 18/11/2022 - 09:15",
    ],
)
def test_a_news_pages_publication_line_dates_the_text(stamp_line):
    # (a text naming other years too, so that no lone day in it can stand for its date)
    text = (
        f"Chuyển đổi số ở Sơn La đến năm 2025\n{stamp_line}\n"
        "Năm 2021, tỉnh ban hành kế hoạch. Đến nay, toàn tỉnh có 1.250 tổ công nghệ số cộng đồng."
    )
    (o,) = [o for o in extract_document(document(text)).observations if o.stated_text == "1.250"]
    assert o.period_code == "2022-11-18"


def test_the_month_a_ranking_was_published_does_not_narrow_the_year_reported_on():
    text = (
        "Kinh tế số tăng trưởng nhanh\n"
        "Báo cáo năm 2024 cho biết Việt Nam đứng thứ 71/193 trong bảng xếp hạng công bố tháng 9/2024.\n"
        "Tỷ lệ hồ sơ trực tuyến toàn trình trên toàn quốc đạt 45%."
    )
    result = extract_document(document(text))
    assert result.context.report_period_code == "2024"


def test_a_plan_for_next_month_is_not_closed():
    text = "Tháng 7/2024, tỉnh phấn đấu cấp 5.000 chữ ký số. Quý II/2024, toàn tỉnh cấp 3.000 chữ ký số."
    result = extract_document(document(text, published="2024-07-02"))
    assert result.context.report_period_code == "2024-Q2"


def test_the_date_of_a_cited_document_dates_no_figure():
    found = periods("Theo Nghị định 43/2011/NĐ-CP ngày 13/6/2011, năm 2020 toàn tỉnh có 1.525 thủ tục.")
    assert [(code, role) for _, code, role in found] == [(None, "undated"), ("2020", "period")]
    found = periods(
        "Thực hiện Nghị quyết 57-NQ/TW ngày 22.12.2024 của Bộ Chính trị, năm 2025 tỉnh có 5 mô hình."
    )
    assert [(code, role) for _, code, role in found] == [(None, "undated"), ("2025", "period")]


@pytest.mark.parametrize(
    ("file_name", "code"),
    [
        ("018_binh_phuoc_so_tttt_6_thang_2024.txt", "2024-H1"),
        ("007_bo_tttt_quy_1_2024.txt", "2024-Q1"),
        ("bao-cao-thang-11-2023.html", "2023-11"),
        ("005_thanh_hoa_9_thang_2022.txt", "2022-09"),
        ("ha_nam_cccd_2023.txt", "2023"),
        ("hai_phong_trung_tam_hcc_2025_07.txt", "2025-07"),
        ("bao-cao-2024-13.txt", None),  # no month 13: no period rather than a guess
        ("bao_cao_2023_2.txt", "2023"),  # a one-digit suffix is a copy's number, not a month
        ("de_an_2016_2020.txt", "2016/2020"),  # two years in a row: the span
        ("de-an-2016-2020.html", "2016/2020"),
        ("2021_so_sanh_2023.txt", None),  # two years apart: no one period
        ("ket_qua_6_thang.txt", None),
    ],
)
def test_period_from_file_name(file_name, code):
    from dagster_project.extraction.periods import period_from_file_name

    found = period_from_file_name(file_name)
    assert (found.code if found else None) == code


def test_a_text_that_names_no_period_takes_its_file_names():
    text = "Toàn tỉnh Hà Nam đã cấp 750.000 thẻ căn cước gắn chip."
    result = extract_document(document(text, file_name="002_ha_nam_cccd_2023.txt"))
    assert result.context.report_period_code == "2023"
    assert [o.period_code for o in result.observations] == ["2023"]
    yearly = "Năm 2024, toàn tỉnh Bình Phước có 1.469 dịch vụ công trực tuyến."
    result = extract_document(document(yearly, file_name="bp_6_thang_2024.txt"))
    assert result.context.report_period_code == "2024-H1"  # the year's report narrowed by the name


def test_a_cited_documents_date_written_in_words_dates_no_figure():
    found = periods("Theo Quyết định số 411/QĐ-TTg ngày 31 tháng 3 năm 2022, năm 2023 tỉnh đạt 20%.")
    assert [(code, role) for _, code, role in found] == [(None, "undated"), ("2023", "period")]


def test_an_index_named_with_its_year_dates_the_ranks_after_it():
    from tests.extraction_helpers import by_text, extract

    text = "Theo kết quả Chỉ số DTI 2023, Ninh Bình xếp thứ 14, Nam Định xếp thứ 31."
    obs = by_text(extract(text, published="2024-08-20"), text)
    assert (obs["14"].period_code, obs["31"].period_code) == ("2023", "2023")


def test_a_decimal_after_a_year_like_number_is_no_year():
    assert periods("doanh thu đạt 2022,5 tỷ đồng") == []


def test_a_date_with_the_month_as_a_word_is_a_day_not_a_figure():
    from tests.extraction_helpers import extract

    text = "Thứ Sáu, 8 tháng 3, 2024, tỉnh có 1.250 doanh nghiệp công nghệ số."
    assert [o.stated_text for o in extract(text)] == ["1.250"]
    assert periods("Đăng ngày 21 Tháng 6 2023") == [("ngày 21 Tháng 6 2023", "2023-06-21", "period")]


def test_a_period_brought_in_after_the_figure_beats_the_meeting_s_date_before_it():
    from tests.extraction_helpers import by_text, extract

    text = (
        "Tại hội nghị giữa tháng 7/2023, Bộ cho biết, kinh tế số chiếm 15,2% GDP trong 6 tháng đầu năm 2023. "
        "Hội nghị ngày 15/10/2024 cho biết tỷ lệ hồ sơ trực tuyến đạt 40% trong quý III/2024."
    )
    obs = by_text(extract(text, published="2024-10-20"), text)
    assert (obs["15,2"].period_code, obs["40"].period_code) == ("2023-H1", "2024-Q3")


def test_last_year_and_this_year_are_told_from_the_publication():
    from tests.extraction_helpers import by_text, extract

    text = "Năm nay, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 52%, trong khi năm ngoái chỉ đạt 31%."
    obs = by_text(extract(text, published="2024-10-12"), text)
    assert (obs["52"].period_code, obs["31"].period_code) == ("2024", "2023")
    # "2 năm trước" is a duration, no year
    assert periods("2 năm trước, tỉnh mới có 12 xã") == []
    assert periods("cuối năm trước, tỉnh có 12 xã") == [("năm trước", "2023", "period")]


def test_the_goals_of_a_plan_for_the_current_year_are_that_year_s():
    from tests.extraction_helpers import by_text, extract

    text = (
        "UBND tỉnh ban hành Kế hoạch chuyển đổi số năm 2025\n"
        "Kế hoạch đặt mục tiêu: tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 50%; kinh tế số chiếm 15% GRDP.\n"
        "Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình đạt 41,2%."
    )
    obs = by_text(extract(text, published="2025-03-10"), text)
    assert (obs["50"].period_code, obs["15"].period_code) == ("2025", "2025")
    assert obs["41,2"].period_code == "2024" and not obs["41,2"].is_target
    # a title that reports results names no plan
    text = (
        "Tại Chương trình Ngày Chuyển đổi số năm 2025, Bộ công bố kết quả DTI năm 2024\n"
        "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 45%."
    )
    obs = by_text(extract(text, published="2025-10-21"), text)
    assert not obs["45"].is_target


def _phrasebook() -> list[tuple[str, str, str]]:
    from pathlib import Path

    path = Path(__file__).parent / "phrasebook" / "periods.tsv"
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
    assert [o for o in obs if o.period_code == code], [(o.stated_text, o.period_code) for o in obs]


def test_a_heading_dates_the_list_under_it():
    from tests.extraction_helpers import by_text, extract

    text = (
        "Kế hoạch chuyển đổi số tỉnh năm 2024\n"
        "I. MỤC TIÊU\n"
        "- Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 40%.\n"
        "II. KẾT QUẢ NĂM 2023\n"
        "- Tỷ lệ hồ sơ trực tuyến toàn trình đạt 28,5%.\n"
        "- Kinh tế số chiếm 6,2% GRDP."
    )
    obs = by_text(extract(text, published="2024-03-05"), text)
    assert (obs["40"].period_code, obs["40"].is_target) == ("2024", True)
    assert [(obs[n].period_code, obs[n].is_target) for n in ("28,5", "6,2")] == [("2023", False)] * 2


def test_a_value_stated_for_the_same_part_of_an_earlier_year_is_dated_there():
    from tests.extraction_helpers import by_text, extract

    text = (
        "6 tháng đầu năm 2024, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 52,3% (cùng kỳ năm 2023 là 38,1%), "
        "tăng 14,2 điểm phần trăm."
    )
    obs = by_text(extract(text, published="2024-07-15"), text)
    assert [obs[n].period_code for n in ("52,3", "38,1", "14,2")] == ["2024-H1", "2023-H1", "2024-H1"]


def test_the_items_under_a_bare_cu_the_measure_what_the_paragraph_before_did():
    from tests.extraction_helpers import by_text, extract

    text = (
        "6 tháng đầu năm 2024, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 52,3%.\n"
        "Cụ thể:\n"
        "+ Cấp tỉnh: 65,4%;\n"
        "+ Cấp xã: 41,7%."
    )
    obs = by_text(extract(text, published="2024-07-15"), text)
    assert [(obs[n].indicator_code, obs[n].period_code) for n in ("65,4", "41,7")] == [
        ("online_dossier_rate", "2024-H1")
    ] * 2
