"""The report's pieces without a warehouse: the highlighted number, escaping, the SVG charts."""

from __future__ import annotations

from dagster_project.quality.charts import ShareBar, heatmap_svg, share_bars_svg
from dagster_project.quality.evidence import highlight

TEXT = (
    "Tiêu đề báo cáo\n"
    "Năm 2023 có 30 nhiệm vụ. Năm 2024 có 30 nhiệm vụ hoàn thành trên 30 nhiệm vụ được giao.\n"
    "Năm 2024 có 30 nhiệm vụ hoàn thành trên 30 nhiệm vụ được giao.\n"
)
SENTENCE = "Năm 2024 có 30 nhiệm vụ hoàn thành trên 30 nhiệm vụ được giao."


def nth(text: str, needle: str, n: int) -> int:
    position = -1
    for _ in range(n):
        position = text.index(needle, position + 1)
    return position


def test_the_span_picks_the_right_one_of_two_equal_numbers_in_the_sentence() -> None:
    # The 3rd "30" of the text is the second "30" of the first copy of the sentence.
    start = nth(TEXT, "30", 3)
    result = highlight(TEXT, SENTENCE, start, start + 2)
    assert (result.before, result.number, result.after) == (
        "Năm 2024 có 30 nhiệm vụ hoàn thành trên ",
        "30",
        " nhiệm vụ được giao.",
    )


def test_the_span_picks_the_occurrence_of_a_repeated_sentence_that_contains_it() -> None:
    # The 4th "30" of the text is the first "30" of the second copy of the sentence.
    start = nth(TEXT, "30", 4)
    result = highlight(TEXT, SENTENCE, start, start + 2)
    assert (result.before, result.number) == ("Năm 2024 có ", "30")


def test_without_the_document_text_the_stated_number_is_searched_in_the_sentence() -> None:
    result = highlight(None, "Toàn tỉnh đạt 89,5% thủ tục.", 1000, 1004, stated_text="89,5%")
    assert (result.before, result.number, result.after) == ("Toàn tỉnh đạt ", "89,5%", " thủ tục.")


def test_a_number_not_in_the_sentence_is_not_highlighted() -> None:
    result = highlight("", "Một câu không có số đó.", 3, 5, stated_text="42%")
    assert result.located is False
    assert result.before == "Một câu không có số đó."


def test_chart_labels_from_documents_are_escaped() -> None:
    label = "<script>alert(1)</script>&"
    bars = share_bars_svg([ShareBar(label, 1, 4)], "flagged")
    grid = heatmap_svg([label], ["VN"], {(label, "VN"): 2}, "grid")
    for svg in (str(bars), str(grid)):
        assert "<script>" not in svg
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in svg
    assert "1 of 4 (25%)" in str(bars)


def test_bar_length_is_the_share_and_cells_show_their_counts() -> None:
    bars = str(share_bars_svg([ShareBar("a.txt", 1, 4), ShareBar("b.txt", 0, 3)], "flagged"))
    # A full bar is 360 px: a quarter is 90 px, none is 0 px.
    assert 'width="90.0"' in bars
    assert 'width="0.0"' in bars
    grid = str(heatmap_svg(["x", "y"], ["VN", "44"], {("x", "VN"): 5, ("y", "44"): 1}, "grid"))
    assert grid.count("<rect") == 4
    assert ">5</text>" in grid and ">1</text>" in grid
