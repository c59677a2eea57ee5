"""Parts of a whole: "tổng số 73 nhiệm vụ ... hoàn thành 32, đang triển khai 38, còn 3 chưa triển khai".

A whole is a count announced by "tổng số"/"trong số" before it, or followed
by "trong đó"/"gồm". Later counts of the same indicator in the paragraph that
name a component (completed, official, a document kind ...) are its parts.
"Trong 13 mục tiêu đã đạt ..., có 1 ..., 6 ..." restates an earlier figure:
the restatement is dropped and its parts link to the original.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dagster_project.extraction import cues as cue_words

if TYPE_CHECKING:
    from dagster_project.extraction.document import Draft


def link_parts(view: str, drafts: list[Draft]) -> None:
    """Set ``parent`` on the parts and ``component = "total"`` on their wholes, in place."""
    whole: Draft | None = None
    for i, d in enumerate(drafts):
        if d.unit not in ("count", "percent") or d.role != "q":
            continue
        restated = _restates(view, d, drafts[:i])
        if restated is not None:
            d.role = "restated"
            whole = restated
            continue
        if whole is not None and _is_part_of(view, d, whole):
            d.parent = whole
            if whole.parent is None:
                whole.component = "total"
        if _announces_parts(view, drafts, d):
            whole = d


def _announces_parts(view: str, drafts: list[Draft], d: Draft) -> bool:
    if cue_words.whole_announced_before(view, max(d.clause[0], d.mention.start - 20), d.mention.start):
        return True
    follow = cue_words.parts_follow(
        view, d.mention.unit_end, min(d.sentence.end + 12, d.mention.unit_end + 120)
    )
    if follow is None:
        return False
    return not any(d.mention.unit_end < o.mention.start < follow.start() for o in drafts if o is not d)


def _is_part_of(view: str, d: Draft, whole: Draft) -> bool:
    """A later figure of the same indicator and unit, no larger, that names its part (a component)
    or follows the "trong đó" that opened the breakdown."""
    if not (
        d.indicator == whole.indicator
        and d.unit == whole.unit
        and d.value <= whole.value
        and d.mention.start > whole.mention.start
        and not d.is_target
    ):
        return False
    if d.period_stated and not whole.period_stated:
        return False  # "trong đó trong 6 tháng đầu năm ... 120": a share of the time, not a part
    if d.component is not None:
        return True
    return cue_words.parts_follow(view, whole.mention.unit_end, d.mention.start) is not None


def _restates(view: str, d: Draft, earlier: list[Draft]) -> Draft | None:
    """ "Trong 13 mục tiêu đã đạt ..." when 13 achieved targets were already stated."""
    if not cue_words.restates_a_whole(view, d.clause[0], d.mention.start):
        return None
    for e in reversed(earlier):
        if e.value == d.value and e.indicator == d.indicator and e.unit == d.unit and e.role == "q":
            return e
    return None
