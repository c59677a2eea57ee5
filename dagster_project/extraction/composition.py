"""Parts of a whole: "tổng số 73 nhiệm vụ ... hoàn thành 32, đang triển khai 38, còn 3 chưa triển khai".

A whole is a count announced by "tổng số"/"trong số" before it, or followed
by "trong đó"/"gồm". Later counts of the same indicator in the paragraph that
name a component (completed, official, a document kind ...) are its parts.
"Trong 13 mục tiêu đã đạt ..., có 1 ..., 6 ..." restates an earlier figure:
the restatement is dropped and its parts link to the original.
Counts that follow a count in its sentence and add up to it exactly are its
parts too, however they are announced, and "X trên tổng số Y" makes X a part of Y.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from dagster_project.extraction import cues as cue_words
from dagster_project.extraction.indicators import UNCLASSIFIED

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


# parts are listed right after their whole, within a sentence; a longer run is no breakdown
MAX_PARTS = 6


def link_parts_by_sum(view: str, drafts: list[Draft]) -> None:
    """ "4.977 trạm (1.290 trạm 2G; 1.814 trạm 3G và 1.873 trạm 4G)", "Trong số 8 huyện ... có 5
    địa phương xếp hạng khá, 3 địa phương ... trung bình": counts that follow a count in its
    sentence and add up to it exactly are its parts, whatever words announce them (or none).
    "942.934 trên tổng số 979.536 hồ sơ": a count stated out of a total is a part of it."""
    # a whole may be an "X/Y" whose X the parts add up to ("đạt và vượt 43/51 chỉ tiêu, trong đó
    # có 17 chỉ tiêu vượt và 26 chỉ tiêu đạt"); a part is a plain count
    counts = [d for d in drafts if d.role == "q" and d.unit == "count"]
    # a whole already broken down; one whose only part is an "X/Y" of it ("16/22 mục tiêu hoàn
    # thành") may still be broken down by sum
    wholes = {id(d.parent) for d in counts if d.parent is not None and d.mention.denominator is None}
    for i, whole in enumerate(counts):
        if whole.parent is not None or id(whole) in wholes:
            continue
        if (
            i + 1 < len(counts)
            and not _breakdown_announced(view, whole, counts[i + 1])
            # "giao 125 nhiệm vụ; đã hoàn thành 98 nhiệm vụ, 20 ... đang triển khai": a first part
            # that names its state announces the breakdown
            and counts[i + 1].component is None
        ):
            continue  # "10 xã, 4 phường, 6 thị trấn" add up by chance: a list, not a breakdown
        run = 0.0
        for j in range(i + 1, min(len(counts), i + 1 + MAX_PARTS)):
            part = counts[j]
            if (
                part.sentence != whole.sentence
                or part.parent is not None
                or part.mention.denominator is not None
                or part.is_target != whole.is_target
            ):
                break
            run += part.value
            if run > whole.value:
                break
            if j > i + 1 and abs(run - whole.value) < 1e-9:
                for p in counts[i + 1 : j + 1]:
                    p.parent = whole
                whole.component = "total"
                wholes.add(id(whole))
                break
    for part, whole in itertools.pairwise(counts):
        if (
            part.parent is None
            and part.mention.denominator is None
            and whole.mention.denominator is None
            and part.value <= whole.value
            and cue_words.out_of_a_total(view, part.mention.unit_end, whole.mention.start)
        ):
            part.parent = whole
            whole.component = "total"


_THEN_HAS_RE = re.compile(r",[ \t]*(?:thì[ \t]+)?có(?![^\W\d_])")


def _breakdown_announced(view: str, whole: Draft, first_part: Draft) -> bool:
    """A bracket, a colon or "trong đó"/"gồm" between a whole and its first part, or "trong số" /
    "tổng số" before the whole: the words that open a breakdown."""
    between = view[whole.mention.unit_end : first_part.mention.start]
    return (
        "(" in between
        or ":" in between
        or _THEN_HAS_RE.search(between) is not None  # "Xét theo 95 chỉ số thành phần, có 64 ..."
        or cue_words.parts_follow(view, whole.mention.unit_end, first_part.mention.start) is not None
        or _whole_announced(view, whole)
    )


def _whole_announced(view: str, d: Draft) -> bool:
    """ "tổng số 73 nhiệm vụ", "trong số 8 huyện": the word right before a count makes it a whole."""
    return cue_words.whole_announced_before(view, max(d.clause[0], d.mention.start - 20), d.mention.start)


def _announces_parts(view: str, drafts: list[Draft], d: Draft) -> bool:
    if _whole_announced(view, d):
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
    follow = cue_words.parts_follow(view, whole.mention.unit_end, d.mention.start)
    # the "trong đó" announces the figures of its own sentence ("1.000 hồ sơ. Trong đó, 800 ..."),
    # not those of later ones ("..., trong đó 82% trực tuyến. Phường X dẫn đầu với 12.500 hồ sơ")
    announced = follow is not None and (
        d.sentence == whole.sentence
        or follow.start() >= d.sentence.start
        # "1.542/1.871 DVCTT, gồm ... . 1.407/1.542 DVCTT được tích hợp": out of the whole itself
        or d.mention.denominator == whole.value
    )
    # a whole that names no indicator of its own ("kết nối 1.769 dịch vụ công ...; trong đó, có
    # 1.067 dịch vụ công trực tuyến toàn trình") still has the parts its "trong đó" announces
    if not (
        (d.indicator == whole.indicator or (whole.indicator == UNCLASSIFIED and announced))
        and d.unit == whole.unit
        and d.value <= whole.value
        and d.mention.start > whole.mention.start
        and not d.is_target
    ):
        return False
    if d.period_stated and not whole.period_stated:
        return False  # "trong đó trong 6 tháng đầu năm ... 120": a share of the time, not a part
    return d.component is not None or announced


def _restates(view: str, d: Draft, earlier: list[Draft]) -> Draft | None:
    """ "Trong 13 mục tiêu đã đạt ..." when 13 achieved targets were already stated."""
    if not cue_words.restates_a_whole(view, d.clause[0], d.mention.start):
        return None
    for e in reversed(earlier):
        if e.value == d.value and e.indicator == d.indicator and e.unit == d.unit and e.role == "q":
            return e
    return None


_HEAD_WORDS_RE = re.compile(r"[ \t]*([^\W\d_]+)[ \t]+([^\W\d_]+)")


# how many figures back a whole may have been stated (a report states a plan's targets, then
# reports on them; a bound keeps one enormous text from costing the square of its figures)
STATED_WHOLE_REACH = 300


def link_to_stated_whole(view: str, drafts: list[Draft]) -> None:
    """ "đưa ra 15 chỉ tiêu cụ thể ..." and, later in the text, "có 11/15 chỉ tiêu đạt": an X/Y
    whose Y is a count stated before it, of the same noun, is a part of that count."""
    for i, d in enumerate(drafts):
        den = d.mention.denominator if d.role == "q" else None
        if den is None or d.parent is not None or d.unit != "count":
            continue
        noun = _head_words(view, d.mention.unit_end)
        if noun is None:
            continue
        for whole in reversed(drafts[max(0, i - STATED_WHOLE_REACH) : i]):
            if (
                whole.role == "q"
                and whole.unit == "count"
                and whole.mention.denominator is None
                and whole.value == den
                and whole.is_target == d.is_target
                and _head_words(view, whole.mention.unit_end) == noun
            ):
                d.parent = whole
                if whole.component is None:
                    whole.component = "total"
                break


def _head_words(view: str, pos: int) -> tuple[str, str] | None:
    """The two words right after a figure: the noun it counts ("chỉ tiêu", "mục tiêu", "dự án")."""
    m = _HEAD_WORDS_RE.match(view, pos)
    return (m.group(1), m.group(2)) if m else None


_REMAINDER_RE = re.compile(r"(?<![^\W\d_])còn(?:[ \t]+lại)?(?![^\W\d_])")


def share_the_remainder_s_indicator(view: str, drafts: list[Draft]) -> None:
    """ "hoàn thành 18/25 dịch vụ công thiết yếu; 7 dịch vụ còn lại đang triển khai": the count
    left of an X/Y (Y - X, said to remain) measures what the X/Y measures, and is a part of the
    whole the X/Y is a part of ("15 chỉ tiêu ... 11/15 chỉ tiêu đạt, còn 4 chỉ tiêu chưa đạt")."""
    for i, xy in enumerate(drafts):
        den = xy.mention.denominator if xy.role == "q" else None
        if den is None or xy.unit != "count":
            continue
        for rest in drafts[i + 1 : i + 3]:
            if (
                rest.role == "q"
                and rest.unit == "count"
                and rest.mention.denominator is None
                and rest.indicator in (UNCLASSIFIED, xy.indicator)
                and abs(rest.value - (den - xy.value)) < 1e-9
                and _REMAINDER_RE.search(
                    view, max(rest.clause[0], rest.mention.start - 12), rest.mention.unit_end + 30
                )
            ):
                if xy.indicator != UNCLASSIFIED:
                    rest.indicator = xy.indicator
                whole = xy.parent
                if rest.parent is None and whole is not None and whole.value == den:
                    rest.parent = whole
                break
