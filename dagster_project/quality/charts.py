"""Inline SVG charts for the report, drawn in Python (no JavaScript, nothing fetched).

Every label may come from a document (file names, titles) so every piece of
text goes through ``markupsafe.escape``; the result is ``Markup`` the template
inserts as is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = 'font-family="system-ui, sans-serif" font-size="11"'
CELL = 22  # heatmap cell side, px
BAR_WIDTH = 360  # full-share bar length, px
ROW = 20  # bar row height, px


def _text(x: float, y: float, content: object, extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" {FONT} {extra}>{escape(str(content))}</text>'


def _shade(count: int, maximum: int) -> str:
    """A blue from pale (1) to dark (maximum); white for none."""
    if count <= 0:
        return "#ffffff"
    strength = count / maximum if maximum else 1.0
    light = round(235 - 150 * strength)
    return f"rgb({light},{light + 10},255)"


def heatmap_svg(
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    counts: Mapping[tuple[str, str], int],
    title: str,
) -> Markup:
    """A grid of counts: one row per ``row_labels`` entry, one column per ``column_labels`` entry."""
    left = 8 + 7 * max((len(label) for label in row_labels), default=0)
    top = 8 + 6 * max((len(label) for label in column_labels), default=0)
    width = left + CELL * len(column_labels) + 8
    height = top + CELL * len(row_labels) + 8
    maximum = max(counts.values(), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for j, column in enumerate(column_labels):
        x = left + CELL * j + CELL / 2 + 4
        parts.append(_text(x, top - 4, column, f'transform="rotate(-60 {x:.1f} {top - 4})"'))
    for i, row in enumerate(row_labels):
        y = top + CELL * i
        parts.append(_text(left - 4, y + CELL * 0.68, row, 'text-anchor="end"'))
        for j, column in enumerate(column_labels):
            count = counts.get((row, column), 0)
            x = left + CELL * j
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{_shade(count, maximum)}" '
                f'stroke="#d0d0d5"><title>{escape(f"{row} × {column}: {count}")}</title></rect>'
            )
            if count:
                fill = 'fill="#ffffff"' if maximum and count / maximum > 0.6 else 'fill="#1d1d1f"'
                parts.append(_text(x + CELL / 2, y + CELL * 0.68, count, f'text-anchor="middle" {fill}'))
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class ShareBar:
    label: str
    part: int  # e.g. flagged observations
    whole: int  # e.g. all observations

    @property
    def share(self) -> float:
        return self.part / self.whole if self.whole else 0.0


def share_bars_svg(bars: Sequence[ShareBar], title: str) -> Markup:
    """Horizontal bars, one per item, its length the item's share (0–100%), "part of whole" beside it."""
    left = 8 + 7 * max((len(bar.label) for bar in bars), default=0)
    width = left + BAR_WIDTH + 110
    height = ROW * len(bars) + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="0" x2="{left}" y2="{ROW * len(bars)}" stroke="#888"/>',
        _text(left, height - 6, "0%"),
        _text(left + BAR_WIDTH, height - 6, "100%", 'text-anchor="end"'),
    ]
    for i, bar in enumerate(bars):
        y = ROW * i
        length = BAR_WIDTH * bar.share
        parts.append(_text(left - 4, y + ROW * 0.7, bar.label, 'text-anchor="end"'))
        parts.append(
            f'<rect x="{left}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" fill="#b3261e">'
            f"<title>{escape(f'{bar.label}: {bar.part} of {bar.whole}')}</title></rect>"
        )
        parts.append(
            _text(left + length + 4, y + ROW * 0.7, f"{bar.part} of {bar.whole} ({100 * bar.share:.0f}%)")
        )
    parts.append("</svg>")
    return Markup("".join(parts))
