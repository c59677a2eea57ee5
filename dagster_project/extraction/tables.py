"""Tables written as text, one row per line and cells split by "|" (as pages and the HTML
reader lay them out):

    STT | Địa phương | Tỷ lệ (%)
    1 | Bình Dương | 87,5

A column's header says what its bare numbers are: a share ("Tỷ lệ (%)", "%") makes them
percentages, a row-number column ("STT", "TT") makes them no figures at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_ROW_RE = re.compile(r"^[^\n|]*\|[^\n]*$", re.MULTILINE)
_CELL_RE = re.compile(r"[^|\n]+")
_NUMERIC_CELL_RE = re.compile(r"[ \t]*[-+]?\d[\d.,]*[ \t]*%?[ \t]*")
_PERCENT_HEADER_RE = re.compile(r"\(%\)|(?<![^\W\d_])tỷ lệ(?![^\W\d_])|^[ \t]*%[ \t]*$")
_ROW_NUMBER_HEADER_RE = re.compile(r"[ \t]*(?:stt|tt|số tt|số thứ tự|thứ tự)[ \t]*")


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    kind: str  # "percent": its bare number is a share; "row_number": its number is no figure


class TableCells:
    """The cells of a text's tables whose column header says what their numbers are."""

    def __init__(self, view: str) -> None:
        cells: list[Cell] = []
        self._tables: list[tuple[int, int]] = []
        if "|" in view:
            for block in _blocks(view):
                cells.extend(_typed_cells(view, block))
                self._tables.append((block[0][0], block[-1][1]))
        self._cells = sorted(cells, key=lambda c: c.start)
        self._starts = [c.start for c in self._cells]

    def in_table(self, pos: int) -> bool:
        """Whether ``pos`` is in a table (two or more lines of cells in a row)."""
        return any(a <= pos < b for a, b in self._tables)

    def kind_at(self, pos: int) -> str | None:
        """What the column header says of the number at ``pos``, if it stands in such a cell."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self._cells[i].start <= pos < self._cells[i].end:
            return self._cells[i].kind
        return None


def _blocks(view: str) -> list[list[tuple[int, int]]]:
    """Runs of consecutive table lines, each line as (start, end)."""
    blocks: list[list[tuple[int, int]]] = []
    last_end = -2
    for m in _ROW_RE.finditer(view):
        if m.group().count("|") < 1:
            continue
        if blocks and m.start() == last_end + 1:
            blocks[-1].append((m.start(), m.end()))
        else:
            blocks.append([(m.start(), m.end())])
        last_end = m.end()
    return [b for b in blocks if len(b) >= 2]


def _cells_of(view: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CELL_RE.finditer(view, start, end) if m.group().strip()]


def _typed_cells(view: str, block: list[tuple[int, int]]) -> list[Cell]:
    header = _cells_of(view, *block[0])
    if any(_NUMERIC_CELL_RE.fullmatch(view, a, b) for a, b in header):
        return []  # no header row: nothing says what the columns hold
    kinds: dict[int, str] = {}
    for i, (a, b) in enumerate(header):
        text = view[a:b]
        if _ROW_NUMBER_HEADER_RE.fullmatch(text):
            kinds[i] = "row_number"
        elif _PERCENT_HEADER_RE.search(text):
            kinds[i] = "percent"
    if not kinds:
        return []
    typed: list[Cell] = []
    for start, end in block[1:]:
        row = _cells_of(view, start, end)
        if len(row) != len(header):
            continue  # a row that does not line up with the header
        for i, (a, b) in enumerate(row):
            if i in kinds and _NUMERIC_CELL_RE.fullmatch(view, a, b):
                typed.append(Cell(a, b, kinds[i]))
    return typed
