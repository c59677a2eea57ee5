"""HTML pages: visible text only, block structure as lines, page hints kept."""

from __future__ import annotations

from dagster_project.ingest import visible_text_from_html
from dagster_project.ingest.html_text import looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Tỉnh đạt 85% hồ sơ trực tuyến - Báo Hà Tĩnh</title>
<meta property="og:site_name" content="Báo Hà Tĩnh">
<meta property="article:published_time" content="2024-07-11T07:30:00+07:00">
<script>var secret = "MÃ KỊCH BẢN";</script>
<style>.lead { color: red }</style>
</head>
<body>
<!-- bình luận ẩn -->
<article><h1>Tỉnh đạt 85%<br>hồ sơ trực tuyến</h1>
<p>Đến nay,&nbsp;tỷ lệ   hồ sơ
trực tuyến đạt <b>85,5%</b>.</p>
<noscript>Hãy bật JavaScript</noscript>
<template><p>Mẫu không hiển thị</p></template>
<table><tr><td>Quảng Bình</td><td>85,5%</td></tr><tr><th>Hà Tĩnh</th><td>90%</td></tr></table>
<ul><li>Một</li><li>Hai &amp; ba &lt;bốn&gt;</li></ul>
<script type="text/javascript">
  document.write("<p>chèn bằng script</p>");
</script>
</article></body></html>"""


def test_visible_text_keeps_blocks_as_lines_and_drops_invisible_content() -> None:
    page = visible_text_from_html(PAGE)
    assert page.text == (
        "Tỉnh đạt 85%\n"
        "hồ sơ trực tuyến\n"
        "Đến nay, tỷ lệ hồ sơ trực tuyến đạt 85,5%.\n"  # &nbsp; and the source line break collapse
        "Quảng Bình\t85,5%\n"
        "Hà Tĩnh\t90%\n"
        "Một\n"
        "Hai & ba <bốn>"
    )
    for invisible in ("MÃ KỊCH BẢN", "color", "bình luận", "JavaScript", "Mẫu không", "chèn bằng script"):
        assert invisible not in page.text


def test_page_hints_come_from_head() -> None:
    page = visible_text_from_html(PAGE)
    assert page.title == "Tỉnh đạt 85% hồ sơ trực tuyến"  # " - Báo Hà Tĩnh" is the og:site_name
    assert page.site_name == "Báo Hà Tĩnh"
    assert page.published_time == "2024-07-11T07:30:00+07:00"
    assert "Báo Hà Tĩnh" not in page.text  # <head> is not visible


def test_first_h1_is_the_title_when_there_is_no_title_tag() -> None:
    page = visible_text_from_html(
        "<body><h1>Kết quả  chuyển đổi số<br>năm 2024</h1><h1>Khác</h1><p>Nội dung</p>"
    )
    assert page.title == "Kết quả chuyển đổi số năm 2024"


def test_title_that_is_only_the_site_name_gives_way_to_the_h1() -> None:
    page = visible_text_from_html(
        '<head><title>Báo Hà Tĩnh</title><meta property="og:site_name" content="Báo Hà Tĩnh"></head>'
        "<body><h1>Hà Tĩnh đứng thứ 12 về chỉ số DTI</h1><p>Nội dung</p></body>"
    )
    assert page.title == "Hà Tĩnh đứng thứ 12 về chỉ số DTI"


def test_title_suffix_that_is_not_the_site_name_is_kept() -> None:
    page = visible_text_from_html("<head><title>Chuyển đổi số - Kinh tế số</title></head><body><p>x</p>")
    assert page.title == "Chuyển đổi số - Kinh tế số"


def test_unclosed_head_ends_at_the_first_body_element() -> None:
    page = visible_text_from_html("<html><head><title>Tiêu đề</title><div>Nội dung bài</div><p>Đoạn hai")
    assert page.title == "Tiêu đề"
    assert page.text == "Nội dung bài\nĐoạn hai"


def test_time_element_is_a_published_time_hint_when_no_meta_gives_one() -> None:
    page = visible_text_from_html('<body><time datetime="2024-10-09">9/10/2024</time><p>Tin</p></body>')
    assert page.published_time == "2024-10-09"


def test_html_is_detected_by_content() -> None:
    assert looks_like_html("\n  <!doctype html><p>x</p>")
    assert looks_like_html("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>")
    assert looks_like_html("Tin tức <body> Nội dung")
    assert looks_like_html("<p>Một</p><p>Hai</p><div>Ba</div><br><span>Bốn</span>")


def test_plain_text_with_a_stray_angle_bracket_is_not_html() -> None:
    assert not looks_like_html("Tỷ lệ hộ nghèo < 2% và số xã đạt chuẩn > 80%.\nĐoạn hai <b>đậm</b>.")
