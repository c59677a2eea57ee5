"""Periods as Vietnamese reports state them.

``6 tháng đầu năm 2024`` -> ``2024-H1``; ``quý III/2024`` -> ``2024-Q3``;
``cuối năm 2023`` -> ``2023``; ``đến hết tháng 9/2024`` -> ``2024-09``;
``ngày 9/10/2024`` -> ``2024-10-09``; ``giai đoạn 2021-2025`` -> ``2021/2025``.
A phrase without a year (``6 tháng đầu năm``) takes the year of its context.
Phrases after ``so với`` / ``cùng kỳ`` are baselines of a comparison, not the
period of the figure. Cue words live in ``resources/periods.yaml``.
"""

from __future__ import annotations

import calendar
import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dagster_project.extraction.lexicon import first_letters_guard, load_yaml

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True, slots=True)
class Period:
    code: str
    start: date
    end: date
    grain: str  # year, half, quarter, month, day, span

    @property
    def year(self) -> int:
        return self.end.year


def year_period(y: int) -> Period:
    return Period(str(y), date(y, 1, 1), date(y, 12, 31), "year")


def half_period(y: int, h: int) -> Period:
    return Period(
        f"{y}-H{h}", date(y, 1 if h == 1 else 7, 1), date(y, 6, 30) if h == 1 else date(y, 12, 31), "half"
    )


def quarter_period(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    last = first + 2
    return Period(f"{y}-Q{q}", date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1]), "quarter")


def month_period(y: int, m: int) -> Period:
    return Period(f"{y}-{m:02d}", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")


def day_period(y: int, m: int, d: int) -> Period:
    day = date(y, m, d)
    return Period(day.isoformat(), day, day, "day")


def months_to_date(y: int, n: int) -> Period:
    """The first ``n`` months of year ``y`` ("9 tháng đầu năm"): a quarter, half or year when they
    make one, else the month they end with."""
    if n == 3:
        return quarter_period(y, 1)
    if n == 6:
        return half_period(y, 1)
    if n == 12:
        return year_period(y)
    return month_period(y, n)


def span_period(y1: int, y2: int) -> Period:
    return Period(f"{y1}/{y2}", date(y1, 1, 1), date(y2, 12, 31), "span")


def period_from_code(code: str) -> Period:
    """The period a code names (the inverse of ``Period.code``)."""
    if m := re.fullmatch(r"(\d{4})", code):
        return year_period(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-H([12])", code):
        return half_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", code):
        return quarter_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", code):
        return month_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", code):
        return day_period(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})/(\d{4})", code):
        return span_period(int(m[1]), int(m[2]))
    raise ValueError(f"not a period code: {code!r}")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    period: Period | None  # None for "đến nay" (the document's own period)
    # "period"; "baseline" (of a comparison); "plan" (the period of a plan or goal: "kế hoạch năm
    # 2023"); "now" ("đến nay"); "undated" (a period phrase whose year is unknown)
    role: str
    has_year: bool


def _valid_year(y: int) -> bool:
    return 1945 <= y <= 2100


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = load_yaml("periods.yaml")
    # "quý III/2024", "quý III năm 2024", "quý I-2024", "quý I.2024", "quý II 2024"; days and
    # months written with dots too ("15.3.2024"), as some papers do
    sep = r"(?:[ \t]*/[ \t]*|[ \t]+năm[ \t]+|[ \t]*[-–][ \t]*(?=\d{4})|\.(?=\d{4})|[ \t]+)"
    parts = [
        r"(?P<dmy>(?<![\d/])(?P<dmy_d>\d{1,2})(?P<dmy_sep>[/.-])(?P<dmy_m>\d{1,2})(?P=dmy_sep)"
        r"(?P<dmy_y>\d{4})(?![\d/]))",
        r"(?P<iso>(?<![\d/])(?P<iso_y>\d{4})-(?P<iso_m>\d{2})(?:-(?P<iso_d>\d{2}))?(?![\d/]))",
        # "ngày 31 tháng 3 năm 2022", "15 tháng 4, 2024", "15 Tháng 4 2024"
        r"(?P<dmyw>(?:ngày[ \t]+)?(?<!\d)(?P<dmyw_d>\d{1,2})[ \t]+tháng[ \t]+(?P<dmyw_m>\d{1,2})"
        r"(?:[ \t]+năm[ \t]+|[ \t]*,[ \t]*|[ \t]+)(?P<dmyw_y>\d{4})(?!\d))",
        # "Sáng 8/8", "ngày 22.4", "từ 6 – 8.4" (a range of days)
        rf"(?P<dm>(?:{'|'.join(cues['day_cues'])}|từ|đến|tới)[ \t]+(?:\d{{1,2}}[ \t]*[-–][ \t]*)?"
        rf"(?P<dm_d>\d{{1,2}})[/.-](?P<dm_m>\d{{1,2}})"
        r"(?![\d/.-]))",
        rf"(?P<half>(?:6|06|sáu)[ \t]+tháng(?:[ \t]+(?P<half_w>đầu|cuối))?(?:[ \t]+năm)?"
        rf"(?:{sep}(?P<half_y>\d{{4}}))?"
        rf"|nửa[ \t]+(?P<half_w2>đầu|cuối)[ \t]+năm(?:{sep}(?P<half_y2>\d{{4}}))?)",
        # "9 tháng đầu năm 2023", "11 tháng qua": months to date; a bare "trong 10 tháng" is a
        # duration, not a period
        rf"(?P<ytd>(?P<ytd_n>\d{{1,2}}|ba|chín|mười một|mười)[ \t]+tháng"
        rf"(?:[ \t]+(?:đầu[ \t]+năm|qua(?![^\W\d_]))(?:{sep}(?P<ytd_y>\d{{4}}))?"
        rf"|{sep}(?P<ytd_y2>\d{{4}})))",
        rf"(?P<quarter>quý[ \t]+(?P<q_n>iv|iii|ii|i|[1-4])(?![^\W\d_])(?:{sep}(?P<q_y>\d{{4}}))?)",
        rf"(?P<month>tháng[ \t]+(?P<mo_n>\d{{1,2}})(?:{sep}(?P<mo_y>\d{{4}})|[.-](?P<mo_y2>\d{{4}}))?"
        r"(?![\d/]))",
        # "giai đoạn 2021-2025", "từ năm 2020 - 2023", "các năm 2020 - 2023", "năm 2021 – 2025"
        r"(?P<span>(?:giai[ \t]+đoạn|thời[ \t]+kỳ|từ[ \t]+năm|(?:các[ \t]+)?năm)?[ \t]*(?P<sp_a>\d{4})[ \t]*"
        r"(?:-|–|—|đến[ \t]+năm|đến)[ \t]*(?P<sp_b>\d{4}))",
        r"(?P<year>(?:cuối[ \t]+|hết[ \t]+|đầu[ \t]+|trong[ \t]+)?năm[ \t]+(?P<yr>\d{4}))",
        # a year followed by punctuation ("DTI 2022, ...") is still a year; "2022,5" is a number
        r"(?P<bare_year>(?<![\d.,/])(?:19[5-9]\d|20\d\d)(?![\d/%]|[.,]\d))",
        # "so với cùng kỳ năm trước / năm ngoái": the year before the context's (as a baseline only)
        r"(?P<last_year>năm[ \t]+(?:trước|ngoái)(?![^\W\d_]))",
        # "trong năm nay", "đến cuối năm": the year the text speaks from
        r"(?P<this_year>(?:(?:cuối|đầu|trong|hết)[ \t]+)?năm[ \t]+nay(?![^\W\d_])"
        r"|(?:cuối|hết)[ \t]+năm(?![ \t]*\d|[ \t]+(?:trước|ngoái|nay|học)|[^\W\d_]))",
    ]
    main = re.compile("|".join(parts))
    # Every alternative above starts at a digit or at one of these words: trying the
    # big pattern only there is much faster than searching with it.
    starts = [
        "ngày",
        "sáu",
        "nửa",
        "ba",
        "chín",
        "mười",
        "quý",
        "tháng",
        "giai",
        "thời",
        "từ",
        "đến",
        "tới",
        "cuối",
        "hết",
        "đầu",
        "trong",
        "năm",
        *cues["day_cues"],
    ]
    anchor = re.compile(
        first_letters_guard([*starts, *"0123456789"])
        + r"(?:(?<![\d.,])\d|(?<![^\W\d_])(?:"
        + "|".join(sorted(set(starts), key=len, reverse=True))
        + r")(?![^\W\d_]))"
    )
    anywhere = "|".join(re.escape(c) for c in cues["now_cues"])
    initial = "|".join(re.escape(c) for c in cues["clause_initial_now_cues"])
    guard = first_letters_guard([*cues["now_cues"], *cues["clause_initial_now_cues"]])
    now = re.compile(
        guard + rf"(?:(?<![^\W\d_])(?:{anywhere})(?![^\W\d_])"
        rf"|(?:^|(?<=[.,;:(])|(?<=[.,;:(] ))(?:{initial})(?![^\W\d_]))",
        re.MULTILINE,
    )
    # "so với cùng kỳ năm 2023", "so với lũy kế tính đến 15-2-2023": a comparison's baseline
    baseline = re.compile(
        r"(?:(?:" + "|".join(re.escape(c) for c in cues["baseline_cues"]) + r")"
        r"|so với(?:[ \t]+[^\W\d_]+){1,4})[ \t]*$"
    )
    # "kế hoạch năm 2023", "mục tiêu đạt đến tháng 12/2023", "chỉ tiêu tăng trưởng năm 2024"
    plan = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(re.escape(c) for c in cues["plan_cues"])
        + r")(?:[ \t]+[^\W\d_]+){0,3}[ \t]*$"
    )
    return main, anchor, now, baseline, plan


def find_periods(view: str, start: int, end: int, context_year: int | None) -> list[PeriodMention]:
    """Period phrases between ``start`` and ``end`` of the match view, in order."""
    return _resolve(view, _scan(view, start, end), start, context_year)


class PeriodScan:
    """The period phrases of a whole document, found in one pass of the patterns and then read
    sentence by sentence, each with the context year of its own paragraph."""

    def __init__(self, view: str) -> None:
        self.view = view
        self._found = _scan(view, 0, len(view))
        self._starts = [m.start() for m in self._found]
        self._reach = list(itertools.accumulate((m.end() for m in self._found), max, initial=0))

    def mentions(self, start: int, end: int, context_year: int | None) -> list[PeriodMention]:
        """What ``find_periods(view, start, end, context_year)`` gives, from the document's pass."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        inside = self._found[lo:hi]
        # a phrase that runs over the end of the stretch (or one before it that runs into it) would
        # have been read shorter, or otherwise, by a pass over the stretch alone
        if self._reach[hi] > end or self._reach[lo] > start:
            return find_periods(self.view, start, end, context_year)
        return _resolve(self.view, inside, start, context_year)


def _scan(view: str, start: int, end: int) -> list[re.Match[str]]:
    """The period phrases (and "đến nay" phrases) of a stretch, in order, not yet interpreted."""
    main, anchor_re, now_re, _, _ = _patterns()
    found: list[re.Match[str]] = []
    pos = start
    for a in anchor_re.finditer(view, start, end):
        if a.start() < pos:
            continue
        m = main.match(view, a.start(), end)
        if m is None:
            continue
        pos = m.end()
        found.append(m)
    found.extend(now_re.finditer(view, start, end))
    found.sort(key=lambda m: m.start())
    return found


def _resolve(
    view: str, found: list[re.Match[str]], start: int, context_year: int | None
) -> list[PeriodMention]:
    main, _, _, baseline_re, plan_re = _patterns()
    out: list[PeriodMention] = []
    for m in found:
        if m.re is not main:
            out.append(PeriodMention(m.start(), m.end(), None, "now", False))
            continue
        period, has_year = _period_of(m, context_year)
        lead = view[max(start, m.start() - 24) : m.start()]
        if (
            m.lastgroup == "last_year"
            and not baseline_re.search(lead)
            and not m.group().endswith("ngoái")
            and not _LAST_YEAR_LEAD_RE.search(lead)
        ):
            continue  # "những năm trước", "2 năm trước": no period of a figure (but "năm ngoái" is)
        if period is None and not m.group("bare_year"):
            # "cuối tháng 6" with no year in sight: still a period phrase (its numbers are not
            # quantities), but one that dates nothing
            out.append(PeriodMention(m.start(), m.end(), None, "undated", False))
            continue
        if (
            _DOCUMENT_NUMBER_BEFORE_RE.search(lead)
            or _TERM_OF_OFFICE_BEFORE_RE.search(lead)
            or _ANNOUNCED_BEFORE_RE.search(lead)
            or _IN_A_PROGRAMME_TITLE_BEFORE_RE.search(view, max(start, m.start() - 48), m.start())
            or _IN_A_PROGRAMME_TITLE_AFTER_RE.match(view, m.end())
        ):
            # "Nghị định 43/2011/NĐ-CP ngày 13/6/2011": the date of a document, no period of a figure
            out.append(PeriodMention(m.start(), m.end(), None, "undated", False))
            continue
        role = "baseline" if baseline_re.search(lead) else "plan" if plan_re.search(lead) else "period"
        out.append(PeriodMention(m.start(), m.end(), period, role, has_year))
    return out


# "cuối năm trước", "trong năm trước": last year, as "năm ngoái" always is
_LAST_YEAR_LEAD_RE = re.compile(r"(?<![^\W\d_])(?:trong|vào|cuối|hết|đầu|của)[ \t]+$")
# "Đề án ... giai đoạn 2022 - 2025, tầm nhìn đến năm 2030": a programme's title, whose periods
# are its name, not a period of the figures around it
_IN_A_PROGRAMME_TITLE_BEFORE_RE = re.compile(
    r"giai đoạn[ \t]+\d{4}[ \t]*[-–][ \t]*\d{4}[ \t]*,?[ \t]*(?:tầm nhìn|định hướng)(?:[ \t]+đến)?[ \t]*$"
)
_IN_A_PROGRAMME_TITLE_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:tầm nhìn|định hướng)[ \t]+(?:đến[ \t]+)?năm[ \t]+\d{4}"
)
# "(DTI) năm 2022 do Bộ công bố hồi tháng 7/2023": when a result was announced, not its period
_ANNOUNCED_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:công bố|phát hành)[ \t]+(?:hồi|vào)[ \t]+$")
# "Đại hội ... lần thứ I (nhiệm kỳ 2025 – 2030)": a term of office, no period of a figure
_TERM_OF_OFFICE_BEFORE_RE = re.compile(r"(?<![^\W\d_])nhiệm kỳ[ \t]*$")
# "43/2011/NĐ-CP ngày", "57-NQ/TW ngày"
_DOCUMENT_NUMBER_BEFORE_RE = re.compile(
    r"\d+[-/][\w/.-]*[^\W\d_][\w/.-]*[ \t,]*(?:(?:ngày|ký ngày|ban hành ngày)(?:[ \t]+\d{1,2})?)?[ \t]*$"
)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _period_of(m: re.Match[str], ctx_year: int | None) -> tuple[Period | None, bool]:
    g = m.groupdict()
    kind = m.lastgroup
    try:
        if kind == "dmy":
            y = int(g["dmy_y"])
            return (
                (day_period(y, int(g["dmy_m"]), int(g["dmy_d"])), True) if _valid_year(y) else (None, False)
            )
        if kind == "iso":
            y, mo = int(g["iso_y"]), int(g["iso_m"])
            if not _valid_year(y):
                return None, False
            return (day_period(y, mo, int(g["iso_d"])) if g["iso_d"] else month_period(y, mo)), True
        if kind == "dmyw":
            return day_period(int(g["dmyw_y"]), int(g["dmyw_m"]), int(g["dmyw_d"])), True
        if kind == "dm":
            if ctx_year is None:
                return None, False
            return day_period(ctx_year, int(g["dm_m"]), int(g["dm_d"])), False
        if kind == "half":
            which = g["half_w"] or g["half_w2"]
            stated = _int(g["half_y"]) or _int(g["half_y2"])
            year = stated or ctx_year
            if year is None or not _valid_year(year):
                return None, False
            return half_period(year, 2 if which == "cuối" else 1), stated is not None
        if kind == "ytd":
            words = {"ba": 3, "chín": 9, "mười": 10, "mười một": 11}
            n = words.get(g["ytd_n"]) or int(g["ytd_n"])
            stated = _int(g["ytd_y"]) or _int(g["ytd_y2"])
            year = stated or ctx_year
            if year is None or not 1 <= n <= 12 or not _valid_year(year):
                return None, False
            return months_to_date(year, n), stated is not None
        if kind == "quarter":
            q = ROMAN.get(g["q_n"]) or int(g["q_n"])
            stated = _int(g["q_y"])
            year = stated or ctx_year
            return (quarter_period(year, q), stated is not None) if year else (None, False)
        if kind == "month":
            mo, stated = int(g["mo_n"]), _int(g["mo_y"]) or _int(g["mo_y2"])
            year = stated or ctx_year
            if year is None or not 1 <= mo <= 12:
                return None, False
            return month_period(year, mo), stated is not None
        if kind == "span":
            y1, y2 = int(g["sp_a"]), int(g["sp_b"])
            if _valid_year(y1) and _valid_year(y2) and y1 < y2:
                return span_period(y1, y2), True
            return None, False
        if kind == "year":
            y = int(g["yr"])
            return (year_period(y), True) if _valid_year(y) else (None, False)
        if kind == "this_year":
            return (year_period(ctx_year), False) if ctx_year else (None, False)
        if kind == "last_year":
            return (year_period(ctx_year - 1), False) if ctx_year else (None, False)
        if kind == "bare_year":
            return year_period(int(m.group())), True
    except ValueError:  # 31/02 and the like
        return None, False
    return None, False


# A file's name, unaccented: "018_binh_phuoc_so_tttt_6_thang_2024.txt", "007_bo_tttt_quy_1_2024.txt".
_FILE_WORDS_RE = re.compile(r"[a-z]+|\d+")


def _in_a_row(words: list[str], first: str, second: str) -> bool:
    return any(a == first and b == second for a, b in itertools.pairwise(words))


def period_from_file_name(file_name: str) -> Period | None:
    """The period a file's name spells ("6_thang_2024" -> 2024-H1, "quy_3_2024" -> 2024-Q3,
    "thang_11_2023" -> 2023-11, "..._2025_07" -> 2025-07, "..._2023" -> 2023, "..._2022_2024" ->
    2022/2024), when it names one year or two in a row."""
    stem = file_name.rsplit(".", 1)[0].lower()
    words = _FILE_WORDS_RE.findall(stem)
    years = [int(w) for w in words if len(w) == 4 and w.isdigit() and 2000 <= int(w) <= 2099]
    if len(years) == 2 and years[0] < years[1] and _in_a_row(words, str(years[0]), str(years[1])):
        return span_period(years[0], years[1])
    if len(set(years)) != 1:
        return None
    year = years[0]
    at = max(i for i, w in enumerate(words) if w == str(year))
    before = words[max(0, at - 3) : at]
    try:
        if len(before) >= 2 and before[-2] == "quy" and before[-1] in (*ROMAN, "1", "2", "3", "4"):
            return quarter_period(year, ROMAN.get(before[-1]) or int(before[-1]))
        if len(before) >= 2 and before[-2] == "thang" and before[-1].isdigit():
            return month_period(year, int(before[-1]))  # "thang_11_2023"
        if len(before) >= 2 and before[-1] == "thang" and before[-2].isdigit():
            return months_to_date(year, int(before[-2]))  # "6_thang_2024": the months to date
        after = words[at + 1] if at + 1 < len(words) else ""
        if len(after) == 2 and after.isdigit():
            return month_period(year, int(after))  # "..._2025_07": the month, written as dates are
    except ValueError:
        return None
    return year_period(year)
