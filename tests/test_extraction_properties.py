"""Property-based: extraction never raises, and every span holds its stated number."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.extraction_helpers import extract

VIETNAMESE_BITS = [
    "tỷ lệ hồ sơ trực tuyến đạt ",
    "%",
    " tỷ đồng",
    " triệu",
    "/",
    ".",
    ",",
    ";",
    " ",
    "\n",
    "\u00a0",
    "\t",
    "quý III/2024",
    "6 tháng đầu năm",
    "trên ",
    "khoảng ",
    "tăng ",
    "so với cuối năm 2023",
    "Đề án 06",
    "tỉnh Hoà Bình",
    "cả nước",
    "<b>",
    "</p>",
    "trong đó",
    "tổng số ",
    "lần lượt là Hà Nội, Huế",
    "(",
    ")",
    "1.928.311",
    "22,4",
    "63/63",
    "89%/85%",
    "01",
    "1,9",
    "2024",
    "9/10/2024",
    "3G",
    "e\u0301",
]

text_strategy = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(VIETNAMESE_BITS), st.integers(0, 10**7).map(str)), max_size=60).map(
        "".join
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_extraction_never_raises_and_spans_hold_the_number(text):
    for o in extract(text):
        assert 0 <= o.span_start < o.span_end <= len(text)
        written = text[o.span_start : o.span_end]
        assert o.stated_text and o.stated_text in o.evidence
        if o.unit == "rank" and not re.search(r"\d", written):
            continue  # a place in a ranked list: the span is the place name
        assert re.match(r"\d", written), written
        assert written in o.stated_text or o.stated_text in text[o.span_start :]
