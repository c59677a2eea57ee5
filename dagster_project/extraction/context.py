"""What a document says about itself: its subject province and reporting period."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dagster_project.extraction.cues import first_target_cue
from dagster_project.extraction.geography import (
    ARRANGEMENT_2025,
    PlaceMention,
    attributive,
    comparison_scope,
    find_places,
    names_a_national_thing,
    old_code_at,
    province_from_domain,
    provinces_in_file_name,
)
from dagster_project.extraction.lexicon import load_yaml
from dagster_project.extraction.periods import (
    Period,
    PeriodMention,
    PeriodScan,
    day_period,
    month_period,
    period_from_file_name,
)
from dagster_project.extraction.textnorm import fold_phrase, paragraphs
from dagster_project.schema import IngestedDocument

# The subject and period are read from the head of a long document: a report
# states them early, and this keeps a 40 MB text from being scanned twice.
HEAD_CHARS = 20_000
# the title and lead paragraph, where a report says which part of its year it covers
LEAD_CHARS = 600


@dataclass(frozen=True)
class DocumentFacts:
    subject_geo: str | None
    report_period: Period | None
    # when it was published; for an undated text, the first day of its date stamp's month, else
    # the day of its dateline ("Sáng 12/10, ...")
    published_date: date | None
    published_by: date | None  # the last day it can have been published (a stamp's month's end)
    context_year: int | None  # the year a yearless phrase ("6 tháng đầu năm") falls in
    default_geo: str  # the geography of a figure nothing else places
    # the latest day its province names can refer to: its publication, else the 2025 arrangement
    # for an undated text that speaks of it ("sau sáp nhập"), else unknown
    names_as_of: date | None = None
    # the future span a dated text's title announces ("phê duyệt kế hoạch ... giai đoạn 2026 - 2030"
    # published in 2025): what its undated figures are goals for
    plan_horizon: Period | None = None


@lru_cache(maxsize=1)
def _self_marker_re() -> re.Pattern[str]:
    phrases = [fold_phrase(p) for p in load_yaml("geography.yaml")["self_markers"]]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![^\W\d_])")


def analyse_document(
    view: str,
    document: IngestedDocument,
    places: list[PlaceMention] | None = None,
    periods: PeriodScan | None = None,
) -> DocumentFacts:
    """``places``: the place mentions of the document's head, if the caller has them already;
    ``periods``: the document's period phrases, likewise (both are found here otherwise)."""
    head = min(len(view), HEAD_CHARS)
    if places is None:
        places = [p for para in paragraphs(view[:head]) for p in find_places(view, para.start, para.end)]
    else:
        places = [p for p in places if p.start < head]
    scan = periods or PeriodScan(view[:head])
    stamp, body = _date_stamp(view)
    stamp = None if document.published_date else stamp
    published = document.published_date or (stamp.start if stamp else None)
    # the file's name, where the text itself says nothing ("002_ha_nam_cccd_2023.txt": 2023)
    file_period = period_from_file_name(document.file_name)
    dateline = None if published else _dateline(scan, body, head, file_period.year if file_period else None)
    published = published or dateline
    stamp_end = stamp.end if stamp else None
    names_as_of = document.published_date or stamp_end or dateline
    if names_as_of is None and _after_2025_re().search(view, 0, head):
        names_as_of = ARRANGEMENT_2025
    self_refs = len(_self_marker_re().findall(view, 0, head))
    titled_provinces = _provinces_in_title(document, published)
    subject = _subject_province(view, places, titled_provinces, document, names_as_of, self_refs > 0)
    published_by = document.published_date or (stamp.end if stamp else dateline)
    report = _report_period(view, scan, body, head, published, published_by, stamp)
    if file_period is not None and (
        report is None
        or (report.grain == "year" and file_period.grain != "year" and file_period.year == report.year)
    ):
        report = file_period  # "Kết quả năm 2024 ..." in "..._6_thang_2024.txt": the first half
    elif (
        file_period is not None
        and published is None
        and report is not None
        and report.year != file_period.year
        and _names_year(scan, body, head, file_period.year)
    ):
        # "..._9_thang_2022.txt" that opens with last year's ranking ("xếp hạng 12 ... năm 2021")
        # and then reports "trong 9 tháng năm 2022": the period its name gives, which it names too
        report = file_period
    context_year = report.year if report else (published.year if published else None)
    # A figure nothing places belongs to the province a provincial article is about, unless the
    # article speaks of the nation far more than of its province (a provincial paper's report on
    # a national conference): mentions of the nation and its ministries against the province's
    # own name and "toàn tỉnh"-style self references.
    # the nation named as the field of a ranking ("31/63 tỉnh thành", "cao nhất cả nước") or as an
    # attribute ("thuộc trung ương") does not make the article national
    national_refs = sum(
        1
        for p in places
        if p.kind in ("national", "body")
        and not comparison_scope(view, p)
        and not attributive(view, p)
        and not names_a_national_thing(view, p)
    )
    provincial_refs = self_refs + sum(
        1 for p in places if p.kind in ("province", "district") and p.code == subject
    )
    titled = subject is not None and subject in titled_provinces
    default_geo = (
        subject if subject and (titled or self_refs >= 2 or 2 * provincial_refs >= national_refs) else "VN"
    )
    plan_horizon = _title_horizon(view, scan, body, published_by)
    return DocumentFacts(
        subject, report, published, published_by, context_year, default_geo, names_as_of, plan_horizon
    )


def _names_year(scan: PeriodScan, start: int, end: int, year: int) -> bool:
    return any(
        p.role == "period" and p.has_year and p.period is not None and p.period.year == year
        for p in scan.mentions(start, end, None)
    )


def _title_horizon(view: str, scan: PeriodScan, body: int, published_by: date | None) -> Period | None:
    """A period to come that a dated text's first line (its title) names: the plan it is about."""
    if published_by is None:
        return None
    while body < len(view) and view[body].isspace():
        body += 1
    title_end = view.find("\n", body)
    title_end = len(view) if title_end < 0 else title_end
    if len(view[body:title_end].split()) > TITLE_WORDS or ". " in view[body:title_end]:
        return None  # a lead paragraph, not a title
    if not _PLAN_WORD_RE.search(view, body, title_end):
        return None  # "Kinh tế số chiếm 15% GRDP vào năm 2025": a goal in a headline, not a plan's text
    reports_results = _RESULTS_WORD_RE.search(view, body, title_end) is not None
    for p in scan.mentions(body, title_end, published_by.year):
        if p.role not in ("period", "plan") or p.period is None:
            continue
        # a plan for a period to come, or for one not over yet ("Kế hoạch chuyển đổi số năm 2025"
        # in March 2025; not "Tại Chương trình ... năm 2025, Bộ công bố kết quả ...")
        if p.period.start > published_by or (p.period.end > published_by and not reports_results):
            return p.period
    return None


@lru_cache(maxsize=1)
def _after_2025_re() -> re.Pattern[str]:
    markers = [fold_phrase(m) for m in load_yaml("geography.yaml")["after_2025_markers"]]
    return re.compile("|".join(re.escape(m) for m in markers))


def _provinces_in_title(document: IngestedDocument, when: date | None) -> list[str]:
    """The provinces a document's title names, once per mention (an article titled with its
    province is about it)."""
    if not document.title:
        return []
    t = fold_phrase(document.title)
    return [old_code_at(p.code, when) for p in find_places(t, 0, len(t)) if p.kind == "province" and p.code]


# how far into an undated text its dateline may be ("Sáng 12/10, Thủ tướng ... chủ trì hội nghị")
DATELINE_CHARS = 300


def _dateline(scan: PeriodScan, body: int, head: int, file_year: int | None) -> date | None:
    """The day an undated news text opens with ("Sáng 12/10, ...", "Ngày 5/7/2024, ..."): the day
    it reports, which stands in for its publication date. A day without a year takes the year of
    the text, when the text names only one."""
    years = {
        p.period.year
        for p in scan.mentions(body, head, None)
        if p.role == "period" and p.has_year and p.period is not None
    }
    if not years and file_year is not None:
        years = {file_year}
    if len(years) != 1:
        return None
    for p in scan.mentions(body, min(head, body + DATELINE_CHARS), years.pop()):
        if p.role == "period" and p.period is not None and p.period.grain == "day":
            return p.period.start
    return None


# "date 2024-01" / "2022-08-05" alone at the top of an excerpt: when it was published, to the month
_DATE_STAMP_RE = re.compile(r"(?:date|published|ngày đăng)?[ \t:]*(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])")


def _date_stamp(view: str) -> tuple[Period | None, int]:
    """The date a stamp line gives, and where the text after the stamp begins (the stamp's own
    "2024-01" is when the text was published, not a period it reports on)."""
    m = _DATE_STAMP_RE.match(view)
    if m is None:
        return _publication_line(view)
    try:
        y, mo = int(m[1]), int(m[2])
        return (day_period(y, mo, int(m[3])) if m[3] else month_period(y, mo)), m.end()
    except ValueError:
        return None, 0


# A news page's publication line under its title: "Cập nhật: 16:48, 18/11/2022 (GMT+7)", "Tin Tây
# Nguyên - Ngày đăng : 08:32, 11/08/2023", "TT 07:20 09/09/2024", "Thứ Hai, 12/02/2024 - 14:30".
_PUBLICATION_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_PUBLICATION_MARK_RE = re.compile(
    r"\d{1,2}:\d{2}|gmt|cập nhật|ngày đăng|đăng lúc|đăng ngày|xuất bản"
    r"|(?<![^\W\d_])thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật"
)
_PUBLICATION_LINES = 4
_PUBLICATION_LINE_WORDS = 14


def _publication_line(view: str) -> tuple[Period | None, int]:
    start = 0
    for _ in range(_PUBLICATION_LINES):
        end = view.find("\n", start)
        end = len(view) if end < 0 else end
        line = view[start:end]
        date_m = _PUBLICATION_DATE_RE.search(line)
        if date_m and len(line.split()) <= _PUBLICATION_LINE_WORDS and _PUBLICATION_MARK_RE.search(line):
            try:
                return day_period(int(date_m[3]), int(date_m[2]), int(date_m[1])), end
            except ValueError:
                return None, 0
        if end >= len(view):
            break
        start = end + 1
    return None, 0


def _subject_province(
    view: str,
    places: list[PlaceMention],
    titled_provinces: list[str],
    document: IngestedDocument,
    when: date | None,
    speaks_of_itself: bool,
) -> str | None:
    votes: Counter[str] = Counter()
    in_file_name = provinces_in_file_name(document.file_name)
    if document.publisher:
        code = province_from_domain(document.publisher)
        if code is None:
            named = find_places(fold_phrase(document.publisher), 0, len(document.publisher))
            code = next((p.code for p in named if p.kind == "province"), None)
        if code:
            votes[old_code_at(code, when)] += 3
    for code in titled_provinces:
        votes[code] += 2
    for p in places:
        if p.kind not in ("province", "district") or not p.code:
            continue
        # a paper names its own province, and a provincial meeting its "điểm cầu"; provinces merged
        # in 2025 (and their districts) vote as one in a text written after the merger
        votes[old_code_at(p.code, when)] += (
            2 if view[max(0, p.start - 10) : p.start].endswith("điểm cầu ") else 1
        )
    if not votes:
        # A text that never names its province ("toàn tỉnh", "UBND tỉnh") is about the one its
        # file is named after, when the name spells exactly one
        # (or one that names neither a province nor the nation: "Kế hoạch phát triển hạ tầng số ...")
        # ("Cổng dịch vụ công quốc gia" names a national thing, not the nation as the subject)
        speaks_of_the_nation = any(
            p.kind == "national" and not names_a_national_thing(view, p) for p in places
        )
        if len(in_file_name) == 1 and (speaks_of_itself or not speaks_of_the_nation):
            return old_code_at(next(iter(in_file_name)), when)
        return None
    (code, n), *others = votes.most_common()
    second = others[0][1] if others else 0
    # one mention is enough in a paper that speaks of "toàn tỉnh" and names no other province, or
    # whose file is named after that province
    file_named = {old_code_at(c, when) for c in in_file_name}  # a merged province is its successor
    if n < 2 and not (not others and (speaks_of_itself or code in file_named)):
        return None
    if n <= second or (second >= 2 and n < 1.5 * second):
        return None  # no province stands out: a national or multi-province report
    if len(votes) >= 5 and n < 2 * second:
        return None  # a list of many provinces: one must stand out clearly
    return code


def _within_the_year(scan: PeriodScan, head: int, chosen: Period, published: date | None) -> Period:
    """A year's report that says "6 tháng đầu năm" reports on that half: the first part of the
    year it names (half, quarter, month) rather than the whole year."""
    if chosen.grain != "year":
        return chosen
    for p in scan.mentions(0, head, chosen.year):
        period = p.period
        if p.role != "period" or period is None or period.grain not in ("half", "quarter", "month"):
            continue
        if period.grain == "month" and not p.has_year and p.start >= LEAD_CHARS:
            continue  # "tháng 10" past the lead is an event's month, not the span reported on
        if _dates_an_event(scan.view, p):
            continue
        if (
            chosen.start <= period.start
            and period.end <= chosen.end
            and (published is None or period.end <= published)
        ):
            return period
    return chosen


# A year's, half's or quarter's review is held in its last weeks ("Kết quả chuyển đổi số năm 2022"
# published 28/12/2022, "sơ kết 6 tháng đầu năm" on 25 June): within these days of its end the
# period is as good as closed.
CLOSING_DAYS = 31
# the longest a report trails the period it reports on (a year's index comes out late the next year)
REPORT_LAG_DAYS = 730


def _closing(period: Period, published_by: date) -> bool:
    if period.end <= published_by:
        return True
    return (
        period.grain in ("year", "half", "quarter")
        and period.start <= published_by
        and (period.end - published_by).days <= CLOSING_DAYS
    )


# "đến năm 2025" looks ahead ("đến hết năm", "tính đến" count up to a time instead)
HORIZON_BEFORE_RE = re.compile(r"(?<!hết )(?<!tính )(?:đến|tới)[ \t]*$")
# verbs that date an event: "tổ chức tháng 5/2024", "diễn ra vào tháng 8", "ra mắt tháng 3/2023"
_EVENT_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:tổ chức|diễn ra|khai mạc|ra mắt|khai trương|ký kết|phát động|công bố)"
    r"[ \t]+(?:vào[ \t]+|trong[ \t]+)?$"
)


def _dates_an_event(view: str, p: PeriodMention) -> bool:
    return (
        p.period is not None
        and p.period.grain == "month"
        and _EVENT_BEFORE_RE.search(view, max(0, p.start - 24), p.start) is not None
    )


TITLE_WORDS = 40
_RESULTS_WORD_RE = re.compile(r"(?<![^\W\d_])(?:kết quả|đạt|hoàn thành|công bố|xếp hạng)(?![^\W\d_])")
_PLAN_WORD_RE = re.compile(r"(?<![^\W\d_])(?:kế hoạch|chương trình|đề án|chiến lược|quy hoạch)(?![^\W\d_])")
GOAL_REACH_CHARS = 80  # how far before a year a goal word makes it the goal's year


def _sentence_start(view: str, pos: int, reach: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most ``reach`` characters."""
    lo = max(0, pos - reach)
    return max(lo, view.rfind(". ", lo, pos) + 1, view.rfind("\n", lo, pos) + 1)


def _report_period(
    view: str,
    scan: PeriodScan,
    body: int,
    head: int,
    published: date | None,
    published_by: date | None,
    stamp: Period | None,
) -> Period | None:
    """The first period the document reports on (not a baseline, a plan or an event day)."""
    # without a publication date a yearless phrase cannot be placed, and is passed over below
    ctx = published.year if published else None
    candidates: list[Period] = []
    for p in scan.mentions(body, head, ctx):
        if p.role != "period" or p.period is None or p.period.grain in ("day", "span"):
            continue
        if published is not None and p.period.start > published:
            continue  # a plan for later
        if published is None and not p.has_year:
            continue  # "trong 10 tháng" says which months only once the year is known
        if p.period.grain == "year" and not p.has_year:
            continue  # "năm ngoái", "năm nay": years told from the publication, no span reported on
        if _dates_an_event(view, p):
            continue  # "Hội thảo ... tổ chức tháng 5/2024": when something happened, not a span reported on
        if (
            published is None
            and p.period.grain == "year"
            and (
                HORIZON_BEFORE_RE.search(view, max(0, p.start - 16), p.start)
                or first_target_cue(view, _sentence_start(view, p.start, GOAL_REACH_CHARS), p.start)
                is not None
            )
        ):
            # "Chuyển đổi số tỉnh đến năm 2025, định hướng đến năm 2030", "hướng đến mục tiêu trở
            # thành tỉnh kiểu mẫu vào năm 2045": a horizon
            continue
        candidates.append(p.period)
    # a period that had ended by the publication (by the end of a date stamp's month: a report of
    # "6 tháng đầu năm" stamped June is closed)
    # (not one that ended years before: "ứng dụng Hue-S ra mắt năm 2019" in a 2025 article is history)
    closed = [
        c
        for c in candidates
        if published_by is not None
        and _closing(c, published_by)
        and (published_by - c.end).days <= REPORT_LAG_DAYS
    ]
    if closed:
        # a dated article reports on the latest period it names that ended by its date
        return _within_the_year(
            scan, head, max(closed, key=lambda p: (p.end, -candidates.index(p))), published_by
        )
    if candidates and published is None:
        return _within_the_year(scan, head, candidates[0], published)
    if stamp is not None:  # an article on the present: its own date, as precisely as it is known
        return stamp
    if published is not None:
        return day_period(published.year, published.month, published.day)
    return None
