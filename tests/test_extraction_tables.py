"""Tables written as text: what a column's header says of the numbers under it."""

from dagster_project.extraction.tables import TableCells
from dagster_project.extraction.textnorm import match_view
from tests.extraction_helpers import extract

RANKING = (
    "Tỷ lệ hồ sơ trực tuyến toàn trình quý I/2025 của một số tỉnh\n"
    "Cập nhật: 10/04/2025\n"
    "STT | Tỉnh | Tỷ lệ (%)\n"
    "1 | Quảng Ninh | 91,2\n"
    "2 | Bắc Ninh | 88,6\n"
)


def test_a_share_column_makes_bare_numbers_percentages_and_row_numbers_no_figures():
    obs = extract(RANKING)
    assert [(o.stated_text, o.unit, o.geo_code) for o in obs] == [
        ("91,2", "percent", "22"),
        ("88,6", "percent", "27"),
    ]


def test_a_tables_rows_measure_what_its_title_names():
    assert {o.indicator_code for o in extract(RANKING)} == {"online_dossier_rate"}


def test_cells_are_typed_only_under_a_header_row():
    view = match_view("Tỉnh | Tỷ lệ (%)\nHuế | 70\n\n15 | 20\n30 | 40\n")
    assert TableCells(view).kind_at(view.index("70")) == "percent"
    # a block whose first row is numbers has no header: nothing is said of its columns
    assert TableCells(view).kind_at(view.index("40")) is None


def test_a_single_line_with_a_bar_is_no_table():
    view = match_view("01-04-2022 - 08:13 AM | Kinh tế số\nCó 12 xã.\n")
    cells = TableCells(view)
    assert not cells.in_table(0)
