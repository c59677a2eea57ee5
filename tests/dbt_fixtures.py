"""A small hand-labelled staging corpus for the dbt tests, modelled on the seed articles.

Each document's text is a few sentences taken from (or, for the planted
documents, written in the style of) the sample articles in ``seeds/``; each
observation's value, unit, period and qualifier were written by hand from that
text. Only the character offsets are looked up with ``str.index`` so that
``text[span_start:span_end]`` is the number as written, as the contract says.

Planted inconsistencies (what the tests expect the warehouse to flag):

* Tuyên Quang's Đề án 06 tasks with 30 completed instead of 32: 30+38+3 = 71 ≠ 73.
* 1.761/1.966 procedures stated next to 92% (the real article says 89,5%).
* A national online-dossier rate for 2024-H1 of 30% against the 42% of doc 000.
* A 120% percent level, and 65/63 and 64/63 localities.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from dagster_project.schema import STAGING_DDL

D000 = "a1b2c3d4e5f60000"
D001 = "a1b2c3d4e5f60001"
D002 = "a1b2c3d4e5f60002"
D003 = "a1b2c3d4e5f60003"
D004 = "a1b2c3d4e5f60004"
D_QUANG_TRI_2024 = "b000000000000045"
D_QUANG_TRI_2025 = "b000000000002025"
D_PLANTED = "c0ffee0000000001"
D_EMPTY = "e0000000000000e0"

TEXT_000 = (
    "Theo đó, chuyển đổi số quốc gia trong 6 tháng đầu năm đã đạt nhiều kết quả nổi bật: Dịch vụ công "
    "trực tuyến, tỉ lệ hồ sơ trực tuyến toàn trình (trên tổng số hồ sơ thủ tục hành chính) cả nước đạt 42% "
    "(cuối năm 2023 là 17%); bộ, ngành đạt 61% (cuối năm 2023 là 38%).\n"
    "63/63 địa phương (tăng 14 địa phương so với cuối năm 2023) đều đã ban hành chính sách giảm, miễn phí, "
    "lệ phí sử dụng dịch vụ công trực tuyến.\n"
    "Doanh thu lĩnh vực công nghệ thông tin (kinh tế số ICT) ước đạt 1.928.311 tỷ đồng, tăng trưởng 26% so "
    "với cùng kỳ năm 2023.\n"
    "UBND tỉnh đã chỉ đạo các cơ quan, đơn vị tổ chức triển khai các nhiệm vụ trọng tâm Đề án 06 năm 2024 "
    "với tổng số 73 nhiệm vụ đảm bảo đúng tiến độ, yêu cầu. Trong đó hoàn thành và đang thực hiện thường "
    "xuyên 30 nhiệm vụ, đang triển khai 38 nhiệm vụ; còn 3 nhiệm vụ chưa triển khai.\n"
)

TEXT_001 = (
    "Sau quá trình xây dựng, 35/35 nền tảng số quốc gia đã hoàn thành phát triển, công bố và đưa vào sử "
    "dụng, trong đó có 31 nền tảng đã đưa vào sử dụng chính thức, 4 nền tảng đang sử dụng thử nghiệm.\n"
    "Còn ở cấp tỉnh, thành phố, top 5 địa phương dẫn đầu về chuyển đổi số trong năm 2021 lần lượt là Đà "
    "Nẵng, Thừa Thiên Huế, TP Hồ Chí Minh, Bắc Ninh, Lạng Sơn.\n"
)

TEXT_002 = (
    "Quảng Bình là một trong những tỉnh có tỷ lệ hồ sơ thủ tục hành chính “xử lý quá hạn” cao nhất cả "
    "nước, trên 20%. Đến hết tháng 9/2024, toàn tỉnh còn 21 thôn/bản chưa có sóng băng rộng di động do chưa "
    "có điện lưới.\n"
)

TEXT_003 = (
    "Theo báo cáo tại hội nghị, trong số 20 mục tiêu Ban Chỉ đạo chuyển đổi số tỉnh đề ra, đến nay đã thực "
    "hiện đạt và vượt chỉ tiêu 13 mục tiêu.\n"
    "Hiện toàn tỉnh có 1.761/1.966 thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình và một "
    "phần trên cổng dịch vụ công của tỉnh đạt 89,5%. Tỷ lệ hồ sơ công việc trong các cơ quan hành chính nhà "
    "nước được xử lý hoàn toàn trên môi trường mạng tại cấp tỉnh là 89%/85%.\n"
    "Về phát triển kinh tế số, thực hiện đưa 137/139 sản phẩm OCOP lên các sàn thương mại điện tử (đạt "
    "98,6%).\n"
)

TEXT_004 = (
    "Công nghiệp công nghệ thông tin (ICT) có bước phát triển khá, doanh thu 6 tháng ước đạt trên 1,9 "
    "triệu tỷ đồng, tăng 26% so với cùng kỳ).\n"
    "Hoàn thành 43/229 nhiệm vụ năm 2024 của Đề án 06. 63/63 địa phương đã ban hành Nghị quyết miễn giảm "
    "phí, lệ phí cho người dân, doanh nghiệp trong thực hiện thủ tục hành chính.\n"
    "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến được thực hiện toàn trình; 50% dân số trưởng "
    "thành sử dụng dịch vụ công trực tuyến.\n"
)

TEXT_QUANG_TRI_2024 = (
    "Năm 2024, tỉnh Quảng Trị có 58,2% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.\n"
)

TEXT_QUANG_TRI_2025 = (
    "Quý III/2025, tỉnh Quảng Trị (mới) có 71% hồ sơ thủ tục hành chính được xử lý trực tuyến.\n"
)

TEXT_PLANTED = (
    "Báo cáo khác cho biết tỉ lệ hồ sơ trực tuyến toàn trình cả nước 6 tháng đầu năm 2024 chỉ đạt 30%.\n"
    "Toàn tỉnh có 1.761/1.966 thủ tục hành chính cung cấp dịch vụ công trực tuyến, đạt 92%.\n"
    "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 120%; 65/63 địa phương ban hành kế hoạch; 64/63 địa "
    "phương kết nối cơ sở dữ liệu dân cư.\n"
)


@dataclass(frozen=True)
class PlantedObservation:
    """One hand-labelled quantity; ``number`` and ``sentence`` locate it in the text."""

    key: str  # short name the tests use, e.g. "tq_tasks_total"
    document_id: str
    sentence: str  # a unique substring of the text holding the number (the evidence)
    number: str  # the number as written, inside sentence
    indicator_code: str
    geo_code: str
    period_code: str | None
    value: float
    unit: str
    denominator: float | None = None
    qualifier: str = "exact"
    is_target: bool = False
    measure: str = "level"
    segment: str = "all"
    component: str | None = None
    parent_key: str | None = None
    program: str | None = None
    stated_suffix: str = ""


OBSERVATIONS: list[PlantedObservation] = [
    # 000: national online-dossier rates, ICT revenue, Tuyên Quang's Đề án 06 tasks (planted 30).
    PlantedObservation(
        "vn_dossier_2024h1",
        D000,
        "cả nước đạt 42%",
        "42",
        "online_dossier_rate",
        "VN",
        "2024-H1",
        42.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "vn_dossier_2023",
        D000,
        "(cuối năm 2023 là 17%)",
        "17",
        "online_dossier_rate",
        "VN",
        "2023",
        17.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "vn_dossier_ministry_2024h1",
        D000,
        "bộ, ngành đạt 61%",
        "61",
        "online_dossier_rate",
        "VN",
        "2024-H1",
        61.0,
        "percent",
        segment="ministry",
        stated_suffix="%",
    ),
    PlantedObservation(
        "fee_waiver_000",
        D000,
        "63/63 địa phương (tăng",
        "63/63",
        "fee_waiver_localities",
        "VN",
        "2024-H1",
        63.0,
        "count",
        denominator=63.0,
    ),
    PlantedObservation(
        "fee_waiver_change_000",
        D000,
        "tăng 14 địa phương",
        "14",
        "fee_waiver_localities",
        "VN",
        "2024-H1",
        14.0,
        "count",
        measure="change",
    ),
    PlantedObservation(
        "ict_revenue_000",
        D000,
        "ước đạt 1.928.311 tỷ đồng",
        "1.928.311",
        "ict_revenue",
        "VN",
        "2024-H1",
        1.928311e15,
        "vnd",
        qualifier="approx",
        stated_suffix=" tỷ đồng",
    ),
    PlantedObservation(
        "ict_growth_000",
        D000,
        "tăng trưởng 26%",
        "26",
        "ict_revenue_growth",
        "VN",
        "2024-H1",
        26.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "tq_tasks_total",
        D000,
        "tổng số 73 nhiệm vụ",
        "73",
        "program_tasks",
        "08",
        "2024",
        73.0,
        "count",
        component="total",
        program="Đề án 06",
        stated_suffix=" nhiệm vụ",
    ),
    PlantedObservation(
        "tq_tasks_completed",
        D000,
        "xuyên 30 nhiệm vụ",
        "30",
        "program_tasks",
        "08",
        "2024",
        30.0,
        "count",
        component="completed",
        parent_key="tq_tasks_total",
        program="Đề án 06",
        stated_suffix=" nhiệm vụ",
    ),
    PlantedObservation(
        "tq_tasks_in_progress",
        D000,
        "đang triển khai 38 nhiệm vụ",
        "38",
        "program_tasks",
        "08",
        "2024",
        38.0,
        "count",
        component="in_progress",
        parent_key="tq_tasks_total",
        program="Đề án 06",
        stated_suffix=" nhiệm vụ",
    ),
    PlantedObservation(
        "tq_tasks_not_started",
        D000,
        "còn 3 nhiệm vụ",
        "3",
        "program_tasks",
        "08",
        "2024",
        3.0,
        "count",
        component="not_started",
        parent_key="tq_tasks_total",
        program="Đề án 06",
        stated_suffix=" nhiệm vụ",
    ),
    # 001: national platforms 35 = 31 + 4; DTI top-5 ranks of 2021.
    PlantedObservation(
        "platforms_total",
        D001,
        "35/35 nền tảng",
        "35/35",
        "national_platforms",
        "VN",
        "2022",
        35.0,
        "count",
        denominator=35.0,
        component="total",
    ),
    PlantedObservation(
        "platforms_official",
        D001,
        "có 31 nền tảng",
        "31",
        "national_platforms",
        "VN",
        "2022",
        31.0,
        "count",
        component="official",
        parent_key="platforms_total",
    ),
    PlantedObservation(
        "platforms_trial",
        D001,
        "4 nền tảng đang",
        "4",
        "national_platforms",
        "VN",
        "2022",
        4.0,
        "count",
        component="trial",
        parent_key="platforms_total",
    ),
    PlantedObservation(
        "dti_da_nang", D001, "lần lượt là Đà Nẵng", "Đà Nẵng", "dti_rank", "48", "2021", 1.0, "rank"
    ),
    PlantedObservation(
        "dti_hue", D001, "Nẵng, Thừa Thiên Huế", "Thừa Thiên Huế", "dti_rank", "46", "2021", 2.0, "rank"
    ),
    PlantedObservation(
        "dti_hcm", D001, "Huế, TP Hồ Chí Minh", "TP Hồ Chí Minh", "dti_rank", "79", "2021", 3.0, "rank"
    ),
    PlantedObservation(
        "dti_bac_ninh", D001, "Minh, Bắc Ninh", "Bắc Ninh", "dti_rank", "27", "2021", 4.0, "rank"
    ),
    PlantedObservation(
        "dti_lang_son", D001, "Ninh, Lạng Sơn", "Lạng Sơn", "dti_rank", "20", "2021", 5.0, "rank"
    ),
    # 002: Quảng Bình (44) in 2024, before the 2025 merger into Quảng Trị.
    PlantedObservation(
        "qb_overdue",
        D002,
        "cả nước, trên 20%",
        "20",
        "overdue_dossier_rate",
        "44",
        "2024-09",
        20.0,
        "percent",
        qualifier="at_least",
        stated_suffix="%",
    ),
    PlantedObservation(
        "qb_villages",
        D002,
        "còn 21 thôn/bản",
        "21",
        "villages_without_mobile_broadband",
        "44",
        "2024-09",
        21.0,
        "count",
        stated_suffix=" thôn/bản",
    ),
    # 003: Lào Cai (10): 1.761/1.966 with 89,5% (consistent), 137/139 with 98,6%, 89%/85%.
    PlantedObservation(
        "lc_targets_total",
        D003,
        "trong số 20 mục tiêu",
        "20",
        "dx_targets",
        "10",
        "2022",
        20.0,
        "count",
        component="total",
        stated_suffix=" mục tiêu",
    ),
    PlantedObservation(
        "lc_targets_achieved",
        D003,
        "chỉ tiêu 13 mục tiêu",
        "13",
        "dx_targets",
        "10",
        "2022",
        13.0,
        "count",
        component="achieved",
        parent_key="lc_targets_total",
        stated_suffix=" mục tiêu",
    ),
    PlantedObservation(
        "lc_procedures",
        D003,
        "có 1.761/1.966 thủ tục",
        "1.761/1.966",
        "online_service_procedures",
        "10",
        "2022",
        1761.0,
        "count",
        denominator=1966.0,
        stated_suffix=" thủ tục hành chính",
    ),
    PlantedObservation(
        "lc_service_rate",
        D003,
        "của tỉnh đạt 89,5%",
        "89,5",
        "online_service_rate",
        "10",
        "2022",
        89.5,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "lc_work_achieved",
        D003,
        "tỉnh là 89%/85%",
        "89",
        "online_work_processing_rate",
        "10",
        "2022",
        89.0,
        "percent",
        segment="province_level",
        stated_suffix="%",
    ),
    PlantedObservation(
        "lc_work_target",
        D003,
        "tỉnh là 89%/85%",
        "85",
        "online_work_processing_rate",
        "10",
        "2022",
        85.0,
        "percent",
        segment="province_level",
        is_target=True,
        stated_suffix="%",
    ),
    PlantedObservation(
        "lc_ocop",
        D003,
        "đưa 137/139 sản phẩm",
        "137/139",
        "ocop_products_online",
        "10",
        "2022",
        137.0,
        "count",
        denominator=139.0,
        stated_suffix=" sản phẩm OCOP",
    ),
    PlantedObservation(
        "lc_ocop_rate",
        D003,
        "(đạt 98,6%)",
        "98,6",
        "ocop_products_online_rate",
        "10",
        "2022",
        98.6,
        "percent",
        stated_suffix="%",
    ),
    # 004: "trên 1,9 triệu tỷ" agrees with 1.928.311 tỷ; 63/63 again; targets for 2025.
    PlantedObservation(
        "ict_revenue_004",
        D004,
        "ước đạt trên 1,9",
        "1,9",
        "ict_revenue",
        "VN",
        "2024-H1",
        1.9e15,
        "vnd",
        qualifier="at_least",
        stated_suffix=" triệu tỷ đồng",
    ),
    PlantedObservation(
        "ict_growth_004",
        D004,
        "tăng 26% so",
        "26",
        "ict_revenue_growth",
        "VN",
        "2024-H1",
        26.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "de_an_06_completed",
        D004,
        "Hoàn thành 43/229",
        "43/229",
        "program_tasks",
        "VN",
        "2024",
        43.0,
        "count",
        denominator=229.0,
        component="completed",
        program="Đề án 06",
        stated_suffix=" nhiệm vụ",
    ),
    PlantedObservation(
        "fee_waiver_004",
        D004,
        "63/63 địa phương đã",
        "63/63",
        "fee_waiver_localities",
        "VN",
        "2024-H1",
        63.0,
        "count",
        denominator=63.0,
    ),
    PlantedObservation(
        "target_online_service",
        D004,
        "2025, 100% dịch vụ",
        "100",
        "online_service_rate",
        "VN",
        "2025",
        100.0,
        "percent",
        is_target=True,
        stated_suffix="%",
    ),
    PlantedObservation(
        "target_adult_usage",
        D004,
        "; 50% dân số",
        "50",
        "online_service_adult_usage_rate",
        "VN",
        "2025",
        50.0,
        "percent",
        is_target=True,
        stated_suffix="%",
    ),
    # Old Quảng Trị (45) in 2024, and the new Quảng Trị (44) after the merger.
    PlantedObservation(
        "qt_2024_rate",
        D_QUANG_TRI_2024,
        "có 58,2% hồ sơ",
        "58,2",
        "online_dossier_rate",
        "45",
        "2024",
        58.2,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "qt_2025_rate",
        D_QUANG_TRI_2025,
        "có 71% hồ sơ",
        "71",
        "online_dossier_rate",
        "44",
        "2025-Q3",
        71.0,
        "percent",
        stated_suffix="%",
    ),
    # Planted contradictions.
    PlantedObservation(
        "vn_dossier_contradiction",
        D_PLANTED,
        "chỉ đạt 30%",
        "30",
        "online_dossier_rate",
        "VN",
        "2024-H1",
        30.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "planted_procedures",
        D_PLANTED,
        "có 1.761/1.966 thủ tục",
        "1.761/1.966",
        "online_service_procedures",
        "10",
        "2022",
        1761.0,
        "count",
        denominator=1966.0,
        stated_suffix=" thủ tục hành chính",
    ),
    PlantedObservation(
        "planted_rate_92",
        D_PLANTED,
        "đạt 92%",
        "92",
        "online_service_rate",
        "10",
        "2022",
        92.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "planted_120",
        D_PLANTED,
        "đạt 120%",
        "120",
        "einvoice_adoption_rate",
        "10",
        "2022",
        120.0,
        "percent",
        stated_suffix="%",
    ),
    PlantedObservation(
        "planted_65_of_63",
        D_PLANTED,
        "65/63 địa phương",
        "65/63",
        "dx_plans_issued",
        "VN",
        "2024",
        65.0,
        "count",
        denominator=63.0,
    ),
    PlantedObservation(
        "planted_64_of_63",
        D_PLANTED,
        "64/63 địa",
        "64/63",
        "population_db_connections",
        "VN",
        "2024",
        64.0,
        "count",
        denominator=63.0,
    ),
]

DOCUMENT_TEXTS = {
    D000: TEXT_000,
    D001: TEXT_001,
    D002: TEXT_002,
    D003: TEXT_003,
    D004: TEXT_004,
    D_QUANG_TRI_2024: TEXT_QUANG_TRI_2024,
    D_QUANG_TRI_2025: TEXT_QUANG_TRI_2025,
    D_PLANTED: TEXT_PLANTED,
}

# document_id -> (file_name, subject_geo_code, report_period_code, published_date)
DOCUMENT_FILES = {
    D000: ("000_093ff63eb5de6e19.txt", "08", "2024-H1", None),
    D001: ("001_0b63d6f18ab1078f.txt", "42", "2022-08-08", None),
    D002: ("002_c22f9e95cdfea783.txt", "44", "2024-10-09", None),
    D003: ("003_5c41729daa8dbd40.txt", "10", "2022", None),
    D004: ("004_158d2d1cb2a5e738.txt", "84", "2024-H1", date(2024, 7, 11)),
    D_QUANG_TRI_2024: ("quang_tri_2024.txt", "45", "2024", None),
    D_QUANG_TRI_2025: ("quang_tri_2025.txt", "44", "2025-Q3", date(2025, 10, 5)),
    D_PLANTED: ("planted_contradictions.txt", None, "2021/2025", None),
}

# A second file with the same text as 000 (same document_id, later name) and an empty file.
DUPLICATE_FILE_NAME = "zz_copy_of_000.txt"
EMPTY_FILE_NAME = "empty.txt"

INGESTED_AT = datetime(2025, 1, 15, 8, 0, 0)
EXTRACTOR_VERSION = "fixture-1"


def observation_id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _document_row(document_id: str, file_name: str, text: str, published: date | None) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "file_name": file_name,
        "file_path": file_name,
        "source_sha256": hashlib.sha256((file_name + text).encode()).hexdigest(),
        "status": "ok" if text else "empty",
        "status_detail": "utf-8" if text else "no text after decoding",
        "encoding": "utf-8",
        "title": None,
        "publisher": None,
        "published_date": published,
        "published_at": None,
        "text": text,
        "char_count": len(text),
        "ingested_at": INGESTED_AT,
    }


def document_rows() -> list[dict[str, Any]]:
    rows = [
        _document_row(document_id, file_name, DOCUMENT_TEXTS[document_id], published)
        for document_id, (file_name, _geo, _period, published) in DOCUMENT_FILES.items()
    ]
    rows.append(_document_row(D000, DUPLICATE_FILE_NAME, TEXT_000, None))
    rows.append(_document_row(D_EMPTY, EMPTY_FILE_NAME, "", None))
    return rows


def context_rows() -> list[dict[str, Any]]:
    return [
        {
            "document_id": document_id,
            "subject_geo_code": geo,
            "report_period_code": period,
            "report_period_start": None,
            "report_period_end": None,
            "extractor_version": EXTRACTOR_VERSION,
        }
        for document_id, (_name, geo, period, _published) in DOCUMENT_FILES.items()
    ]


def observation_row(planted: PlantedObservation) -> dict[str, Any]:
    text = DOCUMENT_TEXTS[planted.document_id]
    sentence_start = text.index(planted.sentence)
    number_start = text.index(planted.number, sentence_start)
    assert number_start + len(planted.number) <= sentence_start + len(planted.sentence), planted.key
    # The evidence is the whole line holding the number (the fixture texts keep one sentence group per line).
    line_start = text.rfind("\n", 0, number_start) + 1
    line_end = text.index("\n", number_start)
    return {
        "observation_id": observation_id(planted.key),
        "document_id": planted.document_id,
        "indicator_code": planted.indicator_code,
        "geo_code": planted.geo_code,
        "segment": planted.segment,
        "period_code": planted.period_code,
        "period_start": None,
        "period_end": None,
        "measure": planted.measure,
        "value": planted.value,
        "unit": planted.unit,
        "denominator": planted.denominator,
        "qualifier": planted.qualifier,
        "is_target": planted.is_target,
        "component": planted.component,
        "parent_observation_id": observation_id(planted.parent_key) if planted.parent_key else None,
        "program": planted.program,
        "span_start": number_start,
        "span_end": number_start + len(planted.number),
        "stated_text": planted.number + planted.stated_suffix,
        "evidence": text[line_start:line_end],
    }


def _insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    columns = list(rows[0])
    placeholders = ", ".join("?" for _ in columns)
    connection.executemany(
        f"insert into staging.{table} ({', '.join(columns)}) values ({placeholders})",
        [[row[column] for column in columns] for row in rows],
    )


def create_staging_tables(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute("create schema if not exists staging")
    for ddl in STAGING_DDL:
        connection.execute(ddl)


def write_fixture_warehouse(path: str, observations: list[PlantedObservation] | None = None) -> None:
    """Create the staging tables in a new DuckDB file at ``path`` and fill them with the fixture corpus."""
    with duckdb.connect(path) as connection:
        create_staging_tables(connection)
        _insert(connection, "raw_documents", document_rows())
        _insert(connection, "raw_document_context", context_rows())
        _insert(connection, "raw_observations", [observation_row(o) for o in observations or OBSERVATIONS])


BY_KEY = {planted.key: planted for planted in OBSERVATIONS}


def add_rate_document(
    connection: duckdb.DuckDBPyConnection,
    *,
    document_id: str,
    file_name: str,
    text: str,
    subject_geo: str | None,
    period_code: str,
    observation_id: str,
    geo_code: str,
    percent: int,
) -> None:
    """Stage one more document stating one online-dossier rate (the text holds it as "N%")."""
    stated = f"{percent}%"
    start = text.index(stated)
    connection.execute(
        "insert into staging.raw_documents values "
        "(?, ?, ?, 'sha', 'ok', 'utf-8', 'utf-8', null, null, null, null, ?, ?, ?)",
        [document_id, file_name, file_name, text, len(text), INGESTED_AT],
    )
    connection.execute(
        "insert into staging.raw_document_context values (?, ?, ?, null, null, ?)",
        [document_id, subject_geo, period_code, EXTRACTOR_VERSION],
    )
    connection.execute(
        "insert into staging.raw_observations values (?, ?, 'online_dossier_rate', ?, 'all', ?, null, null, "
        "'level', ?, 'percent', null, 'exact', false, null, null, null, ?, ?, ?, ?)",
        [observation_id, document_id, geo_code, period_code, percent, start, start + len(str(percent)), stated,
         text.strip()],
    )  # fmt: skip
