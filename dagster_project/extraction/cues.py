"""Cue words around a figure: qualifiers, changes, targets, components, programmes, ranked lists.

Vocabulary in ``resources/cues.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dagster_project.extraction.lexicon import alternation, load_yaml, whole_words

_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Cues:
    qualifier_of: dict[tuple[str, ...], str]
    qualifier_stops: frozenset[tuple[str, ...]]
    qualifier_signs: dict[str, str]
    max_qualifier_len: int
    fillers: frozenset[str]
    subject_fillers: frozenset[str]
    change_of: dict[tuple[str, ...], str]
    growth: frozenset[tuple[str, ...]]
    target_re: re.Pattern[str]
    # regex, code, only for a part, only for counts
    components: tuple[tuple[re.Pattern[str], str, bool, bool], ...]
    programs: tuple[tuple[re.Pattern[str], str], ...]
    rank_list_re: re.Pattern[str]
    rank_context_re: re.Pattern[str]
    rank_continues_re: re.Pattern[str]
    rank_topic_re: re.Pattern[str]
    rank_leader_re: re.Pattern[str]
    ordinal_re: re.Pattern[str]
    ordinal_words: dict[str, int]
    near_target_re: re.Pattern[str]
    achievement_re: re.Pattern[str]
    target_after_re: re.Pattern[str]
    requirement_before_re: re.Pattern[str]
    goal_heading_re: re.Pattern[str]
    results_heading_re: re.Pattern[str]
    goal_list_intro_re: re.Pattern[str]
    plan_title_re: re.Pattern[str]
    whole_before_re: re.Pattern[str]
    restate_words: frozenset[str]
    parts_follow_re: re.Pattern[str]
    continuation_re: re.Pattern[str]
    change_re: re.Pattern[str]
    counted_by_a_rate_re: re.Pattern[str]
    share_of_plan_re: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml("cues.yaml")
    qualifier_of = {tuple(p.split()): q for q, phrases in data["qualifiers"].items() for p in phrases}
    change_of = {tuple(p.split()): "up" for p in data["change_up"]}
    change_of.update({tuple(p.split()): "down" for p in data["change_down"]})
    edge = r"(?<![^\W\d_])"
    return Cues(
        qualifier_of=qualifier_of,
        qualifier_stops=frozenset(tuple(p.split()) for p in data["qualifier_stops"]),
        qualifier_signs=dict(data["qualifier_signs"]),
        max_qualifier_len=max(len(k) for k in qualifier_of),
        fillers=frozenset(data["filler_words"]),
        subject_fillers=frozenset(data["subject_filler_words"]),
        change_of=change_of,
        growth=frozenset(tuple(p.split()) for p in data["growth_words"]),
        target_re=re.compile(whole_words(data["target_cues"])),
        components=tuple(
            (re.compile(row[0]), row[1], "part" in row[2:], "count" in row[2:]) for row in data["components"]
        ),
        programs=tuple((re.compile(rx), name) for rx, name in data["programs"]),
        rank_list_re=re.compile(whole_words(data["rank_list_cues"])),
        rank_context_re=re.compile(whole_words(data["rank_context"])),
        rank_continues_re=re.compile(whole_words(data["rank_continues"])),
        rank_topic_re=re.compile(whole_words(data["rank_topics"])),
        rank_leader_re=re.compile(whole_words(data["rank_leader_words"])),
        ordinal_re=re.compile(
            edge
            + r"(?:đứng|xếp|giữ vị trí|vị trí)[ \t]+thứ[ \t]+("
            + alternation(list(data["ordinal_words"]))
            # "Đứng thứ hai là TP Huế", or after its place: "TP Hồ Chí Minh đứng thứ hai với ..."
            + r")(?![^\W\d_])(?:[ \t]+(?:là|thuộc về)(?![^\W\d_])|(?=[ \t]*(?:với(?![^\W\d_])|[,;.(])))"
        ),
        ordinal_words={k: int(v) for k, v in data["ordinal_words"].items()},
        near_target_re=re.compile(data["near_target_pattern"]),
        target_after_re=re.compile(data["target_after_pattern"]),
        requirement_before_re=re.compile(
            edge + "(?:" + alternation(data["requirement_bounds"]) + r")[ \t]*$"
        ),
        goal_heading_re=re.compile(data["goal_heading_pattern"]),
        results_heading_re=re.compile(data["results_heading_pattern"]),
        goal_list_intro_re=re.compile(data["goal_list_intro_pattern"]),
        plan_title_re=re.compile(data["plan_title_pattern"]),
        achievement_re=re.compile(whole_words(data["achievement_words"])),
        restate_words=frozenset(data["restate_whole"]),
        whole_before_re=re.compile(edge + "(?:" + alternation(data["whole_before"]) + r")[ \t]*$"),
        parts_follow_re=re.compile(whole_words(data["parts_follow"])),
        change_re=re.compile(whole_words([*data["change_up"], *data["change_down"]])),
        counted_by_a_rate_re=re.compile(data["counted_by_a_rate_pattern"]),
        share_of_plan_re=re.compile(data["share_of_plan_pattern"]),
        continuation_re=re.compile(
            r"[ \t\-–•*+]*(?:" + alternation(data["paragraph_continuations"]) + r")(?![^\W\d_])"
        ),
    )


def read_backwards(view: str, lo: int, pos: int) -> tuple[str, str | None]:
    """The qualifier and change direction stated right before a number.

    Scans the words before ``pos`` (back to ``lo``), stepping over filler
    words ("đạt", "là", ...); the first cue found wins, any other word stops.
    """
    c = cues()
    sign = view[max(lo, pos - 2) : pos].strip()
    if sign in c.qualifier_signs:
        return c.qualifier_signs[sign], None
    words = _WORD_RE.findall(view, max(lo, pos - 60), pos)
    qualifier, change = "exact", None
    i = len(words)
    steps = 0
    while i > 0 and steps < 5:
        matched = False
        stop = False
        for size in range(min(3, i), 0, -1):
            key = tuple(words[i - size : i])
            if key in c.qualifier_stops:
                stop = True
                break
            if key in c.growth:
                # "tăng trưởng 26%": a growth rate, not a change; keep looking for a qualifier
                change = "growth"
                i -= size
                matched = True
                break
            if change is None and key in c.change_of:
                change = c.change_of[key]
                # "tăng gần 3.500": the qualifier may sit between the change word and the number
            if qualifier == "exact" and key in c.qualifier_of:
                qualifier = c.qualifier_of[key]
                matched = True
            if key in c.change_of or key in c.qualifier_of:
                i -= size
                matched = True
                break
        if stop:
            break
        if not matched:
            if words[i - 1] not in c.fillers:
                break
            i -= 1
        steps += 1
    return qualifier, None if change == "growth" else change


def target_word_before(view: str, lo: int, pos: int) -> bool:
    m = cues().near_target_re.search(view, max(lo, pos - 50), pos)
    return m is not None and not reports_achievement(view, m.start(), pos)


def bounded_as_a_requirement(view: str, lo: int, pos: int) -> bool:
    """ "tiếp nhận tối thiểu 60% hồ sơ trực tuyến": a floor or ceiling set on a figure."""
    return cues().requirement_before_re.search(view, max(lo, pos - 20), pos) is not None


def target_word_after(view: str, pos: int, end: int) -> bool:
    return cues().target_after_re.match(view[pos:end]) is not None


def is_goal_heading(view: str, start: int, end: int) -> bool:
    return cues().goal_heading_re.match(view[start:end]) is not None


def is_results_heading(view: str, start: int, end: int) -> bool:
    """ "II. KẾT QUẢ NĂM 2023": a heading of what was done, which ends a list of goals."""
    return cues().results_heading_re.match(view[start:end]) is not None


def introduces_goals(view: str, start: int, end: int) -> bool:
    """ "... với các chỉ tiêu chủ yếu:": a paragraph whose list of goals follows."""
    return cues().goal_list_intro_re.search(view, max(start, end - 80), end) is not None


def is_plan_title(view: str, start: int, end: int) -> bool:
    """ "Kế hoạch phát triển hạ tầng số xã Xuân Trúc giai đoạn 2023-2025": a plan's own text."""
    return cues().plan_title_re.match(view, start, end) is not None and not reports_achievement(
        view, start, end
    )


def reports_achievement(view: str, start: int, end: int) -> bool:
    return cues().achievement_re.search(view, start, end) is not None


# "Đề án ... giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 (Đề án 06), Quảng Ninh đã đạt ...": a
# horizon inside a programme's title opens no goals
_PROGRAMME_TITLE_BEFORE_RE = re.compile(r"giai đoạn[ \t]+\d{4}[ \t]*[-–][ \t]*\d{4}[ \t]*,?[ \t]*$")


def first_target_cue(view: str, start: int, end: int) -> int | None:
    for m in cues().target_re.finditer(view, start, end):
        if _PROGRAMME_TITLE_BEFORE_RE.search(view, max(start, m.start() - 30), m.start()):
            continue
        if _CUE_REPORTED_BEFORE_RE.search(view, max(start, m.start() - 12), m.start()):
            continue
        if m.group().endswith("đạt") and _COUNTED_BEFORE_RE.search(
            view, max(start, m.start() - 4), m.start()
        ):
            continue
        return m.start()
    return None


# "đã phấn đấu đạt và vượt 43/51 chỉ tiêu": goals reported met
_CUE_REPORTED_BEFORE_RE = re.compile(r"(?<![^\W\d_])đã[ \t]+$")
# "11/15 chỉ tiêu đạt": goals counted as met, not a goal set (but "6 mục tiêu cụ thể" sets six)
_COUNTED_BEFORE_RE = re.compile(r"\d[ \t]*$")


def component_of(
    view: str, left: tuple[int, int], right: tuple[int, int], unit: str = "count"
) -> tuple[str | None, bool]:
    """The part of a whole a figure is (from the words after it first, then before it),
    and whether that component only makes sense for a part of a whole."""
    for lo, hi in (right, left):
        best: tuple[int, str, bool] | None = None
        for rx, name, part_only, counts_only in cues().components:
            if counts_only and unit != "count":
                continue  # "Chỉ thị 05 yêu cầu 100% cơ quan ...": a document kind parts counts only
            m = rx.search(view, lo, hi)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), name, part_only)
        if best:
            return best[1], best[2]
    return None, False


def find_programs(view: str, start: int, end: int) -> list[tuple[int, str]]:
    found = [(m.start(), name) for rx, name in cues().programs for m in rx.finditer(view, start, end)]
    return sorted(found)


def rank_list_start(view: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where a ranked list begins ("... lần lượt là", "top 10 ... gồm:") if the sentence ranks,
    and whether the list continues a ranking stated before it ("4 vị trí tiếp theo thuộc về")."""
    c = cues()
    for m in c.rank_list_re.finditer(view, start, end):
        if c.rank_context_re.search(view, start, m.start()):
            return m.end(), c.rank_continues_re.search(view, start, m.start()) is not None
    return None


def about_a_ranking(view: str, start: int, end: int) -> bool:
    return cues().rank_topic_re.search(view, start, end) is not None


def rank_leaders(view: str, start: int, end: int) -> list[tuple[int, int, int, tuple[int, int] | None]]:
    """ "dẫn đầu" (rank 1) and "đứng thứ hai là" (rank 2): (start, end, rank, span of the
    ordinal word when the rank is written as one)."""
    c = cues()
    found: list[tuple[int, int, int, tuple[int, int] | None]] = [
        (m.start(), m.end(), 1, None) for m in c.rank_leader_re.finditer(view, start, end)
    ]
    leaders = [(a, b) for a, b, _, _ in found]
    for m in c.ordinal_re.finditer(view, start, end):
        if any(a < m.end() and m.start() < b for a, b in leaders):
            continue  # "xếp thứ nhất" is a leader word already
        found.append((m.start(), m.end(), c.ordinal_words[m.group(1)], m.span(1)))
    return sorted(found, key=lambda f: f[:3])


def rank_indicator(view: str, start: int, end: int) -> str:
    sentence = view[start:end]
    if "chuyển đổi số" in sentence or "dti" in sentence:
        return "dti_rank"
    return "unclassified"


def whole_announced_before(view: str, lo: int, pos: int) -> bool:
    return bool(cues().whole_before_re.search(view, lo, pos))


def restates_a_whole(view: str, lo: int, pos: int) -> bool:
    """ "Trong 13 mục tiêu ...": the word right before the number re-announces a stated whole."""
    lead = view[max(lo, pos - 12) : pos].split()
    return bool(lead) and lead[-1] in cues().restate_words


def parts_follow(view: str, start: int, end: int) -> re.Match[str] | None:
    return cues().parts_follow_re.search(view, start, end)


_OUT_OF_RE = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]+){0,3}?(?:trên|trong)[ \t]+tổng[ \t]+(?:số[ \t]+)?$")


def out_of_a_total(view: str, lo: int, hi: int) -> bool:
    """ "942.934 [hồ sơ] trên tổng số 979.536": between a part and the total it is out of."""
    return _OUT_OF_RE.fullmatch(view, lo, hi) is not None


def continues_previous(view: str, start: int, end: int) -> bool:
    """ "Cụ thể, ...", "Theo đó, ...": a paragraph that details the one before it."""
    return cues().continuation_re.match(view, start, end) is not None


def states_a_change(view: str, start: int, end: int) -> bool:
    """ "tăng", "giảm thêm" ... between ``start`` and ``end``."""
    return cues().change_re.search(view, start, end) is not None
