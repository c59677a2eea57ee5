"""One document in, its observations out.

The document is read paragraph by paragraph and sentence by sentence. In each
sentence the recognisers find numbers, periods, places, segments and indicator
phrasings; non-quantities are set aside; every remaining number becomes an
observation whose attributes come from its own clause first, then its
sentence, then what the paragraph and the document established before it.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol, TypeVar

from dagster_project.extraction import cues as cue_words
from dagster_project.extraction.composition import (
    link_parts,
    link_parts_by_sum,
    link_to_stated_whole,
    share_the_remainder_s_indicator,
)
from dagster_project.extraction.context import HEAD_CHARS, HORIZON_BEFORE_RE, DocumentFacts, analyse_document
from dagster_project.extraction.geography import (
    PlaceMention,
    attributive,
    comparison_scope,
    find_places,
    find_segments,
    names_a_national_thing,
    province_code_for,
)
from dagster_project.extraction.indicators import (
    UNCLASSIFIED,
    IndicatorHit,
    code_for_unit,
    codes_counting_the_noun_at,
    find_indicator_hits,
    is_growth_indicator,
)
from dagster_project.extraction.non_quantities import ONE_OF_BEFORE_RE, is_rank_cue, why_not_a_quantity
from dagster_project.extraction.numbers import NumberMention, per_thousand_phrases, scan_numbers
from dagster_project.extraction.periods import (
    Period,
    PeriodMention,
    PeriodScan,
    day_period,
    period_from_code,
    year_period,
)
from dagster_project.extraction.tables import TableCells
from dagster_project.extraction.textnorm import Span, match_view, paragraphs, sentences
from dagster_project.schema import DocumentContext, IngestedDocument, Observation

EXTRACTOR_VERSION = "1"

_DIGIT_RE = re.compile(r"\d")
# a paragraph that is an item of a list: "- ...", "+ ...", "• ...", "a) ...", "1. ..."
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-+•*–]|[a-zđ]\)|\d{1,2}[.)])[ \t]")
_SUB_ITEM_RE = re.compile(r"[ \t]*[+•*][ \t]")  # "+ Cấp tỉnh | 97%": an item under a list line
_LABEL_CHARS = 200
_PAREN_RE = re.compile(r"[()]")
# Between a figure and a later phrase, these hand the phrase to the next figure ("22,4% và tỷ trọng ...").
_CLAUSE_MARK_RE = re.compile(r"[,;]")
# the words right after a figure, up to the first mark: what it counts, if it says
# (a noun phrase: not a link to more figures, a comparison or a level, "và 12,33%", "với tốc độ",
# "đối với cấp xã")
_OWN_WORDS_RE = re.compile(
    r"\s*(?!(?:và|với|đối|so|tăng|giảm|là|đạt|trong|của|vào|tại|ở|cho|khi|nhưng|hoặc|hay|"
    r"trên|dưới|từ|đến|tới|năm|tháng|quý|so|lần|bậc|cấp)(?![^\W\d_]))[^\W\d_][^;:()\n.\d]*"
)
_WORD_AFTER_RE = re.compile(r"[ \t%]*([^\W\d_]+)")
_CONNECTOR_RE = re.compile(r"(?<![^\W\d_])(?:và|cùng|còn|đồng thời)(?![^\W\d_])|[,;(]")


@dataclass
class ExtractionResult:
    context: DocumentContext
    observations: list[Observation] = field(default_factory=list)


@dataclass
class Draft:
    """An observation being built: attributes settle as the sentence is read."""

    mention: NumberMention
    sentence: Span
    clause: tuple[int, int]
    value: float
    unit: str
    indicator: str = UNCLASSIFIED
    indicator_inherited: bool = False  # taken from what the paragraph was talking about
    yardstick: bool = False  # the national value a provincial figure is compared with
    placed_by_district: bool = False  # its place is a district named in its sentence
    geo: str = "VN"
    segment: str = "all"
    period: Period | None = None
    measure: str = "level"
    qualifier: str = "exact"
    is_target: bool = False
    component: str | None = None
    program: str | None = None
    left: tuple[int, int] = (0, 0)  # the words between the previous figure (or comma) and this one
    right: tuple[int, int] = (0, 0)  # the words after it up to the next figure (or comma)
    component_needs_whole: bool = False
    parent: Draft | None = None
    places: list[PlaceMention] | None = None  # set when a "respectively" list names the place
    fixed_period: Period | None = None  # likewise for a list of years
    period_stated: bool = False  # the period is stated in the figure's own clause
    period_at: int = -1  # where that stated period phrase starts
    role: str = "q"
    span: tuple[int, int] = (0, 0)


@dataclass
class ParagraphState:
    """What earlier sentences of a paragraph established for later ones."""

    geo: str | None = None
    period: Period | None = None
    year: int | None = None
    hits: list[IndicatorHit] = field(default_factory=list)
    program: str | None = None
    plan: Period | None = None  # the period of the last plan or goal the paragraph named
    goals: bool = False  # the last sentence with figures stated only goals
    ranking: bool = False  # the paragraph is about a ranking (DTI)
    last_rank: int = 0  # the last place of the ranking stated so far
    rank_field: float | None = None  # N of the last rank stated as "k/N"


def extract_document(document: IngestedDocument) -> ExtractionResult:
    text = document.text
    if not text or not _DIGIT_RE.search(text):
        facts = analyse_document(match_view(text), document) if text else None
        return ExtractionResult(_context(document, facts))
    view = match_view(text)
    # Each recogniser reads a sentence once: the places found here serve both the document's
    # subject and the figures of each sentence, and periods are found in one pass over the text.
    # (a long text's subject is read from its head, so a paragraph past it without figures is not read)
    laid_out = [(para, sentences(text, para)) for para in paragraphs(text)]
    places = {
        sent: [p for p in find_places(view, sent.start, sent.end) if _written_as_a_name(text, p)]
        for para, sents in laid_out
        if para.start < HEAD_CHARS or _DIGIT_RE.search(view, para.start, para.end)
        for sent in sents
    }
    periods = PeriodScan(view)
    cells = TableCells(view)
    facts = analyse_document(view, document, [p for found in places.values() for p in found], periods)
    drafts: list[Draft] = []
    in_goals = False  # under a "Mục tiêu cụ thể" heading, until a line reports what was done
    previous: ParagraphState | None = None  # what the last paragraph with figures established
    intro: ParagraphState | None = None  # a paragraph ending "như sau:" and the list it opens
    intro_at = -1
    label_hits: list[IndicatorHit] = []  # what a short list line without figures names
    caption_hits: list[IndicatorHit] = []  # what the lines above a table name (its title)
    for at, (para, sents) in enumerate(laid_out):
        in_table = cells.in_table(para.start)
        if in_table and (at == 0 or not cells.in_table(laid_out[at - 1][0].start)):
            caption_hits = _caption_hits(view, [p for p, _ in laid_out[max(0, at - _CAPTION_LINES) : at]])
        if cue_words.is_goal_heading(view, para.start, para.end) or (
            at == 0 and cue_words.is_plan_title(view, para.start, para.end)
        ):
            in_goals = True
            continue
        if in_goals and (
            cue_words.reports_achievement(view, para.start, para.end)
            or cue_words.is_results_heading(view, para.start, para.end)
        ):
            in_goals = False
        if intro is not None and at > intro_at + 1 and not _LIST_ITEM_RE.match(view, para.start, para.end):
            intro = None  # the list is over (its first item may be written without a marker)
        if not _DIGIT_RE.search(view, para.start, para.end):
            if (
                previous is not None
                and view[para.start : para.end].rstrip().endswith(":")
                and cue_words.continues_previous(view, para.start, para.end)
            ):
                # "... đạt 52,3%." then "Cụ thể:" and "+ Cấp tỉnh: 65,4%": the items detail the
                # paragraph before, in its period, place and measure
                intro, intro_at = replace(previous, hits=list(previous.hits)), at
            # "- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng" then "+ Cấp tỉnh | 97%": a
            # short line without figures names what the sub-items under it measure
            label = para.end - para.start <= _LABEL_CHARS and _LIST_ITEM_RE.match(view, para.start, para.end)
            label_hits = find_indicator_hits(view, para.start, para.end) if label else []
            continue
        sub_item = _SUB_ITEM_RE.match(view, para.start, para.end) is not None
        if not sub_item:
            label_hits = []
        state = ParagraphState(geo=None, year=None, goals=in_goals)
        opens_a_list = view[para.start : para.end].rstrip().endswith(":")
        if intro is not None:
            # "... giai đoạn 2016-2020 đã đạt được một số kết quả như sau:" then its items (which
            # measure what a bare "Cụ thể:" after a sentence on a rate carried over: "+ Cấp tỉnh: 65,4%")
            state = replace(intro, hits=list(intro.hits), goals=in_goals)
        elif previous is not None and cue_words.continues_previous(view, para.start, para.end):
            # "Cụ thể, ...", "Theo đó, ...": the paragraph details the one before, in its period and place
            state = replace(previous, hits=list(previous.hits) if opens_a_list else [], goals=in_goals)
        if sub_item and label_hits:
            state.hits = list(label_hits)
        elif in_table:
            # a table's rows measure what its title names ("Tỷ lệ hồ sơ trực tuyến ... của các
            # địa phương" then "1 | Bình Dương | 87,5")
            state.hits = list(caption_hits)
        previous = state
        if intro is None and opens_a_list:
            intro, intro_at = state, at
        para_drafts: list[Draft] = []
        for sent in sents:
            found = _read_sentence(text, view, sent, state, facts, places[sent], periods, cells)
            para_drafts.extend(found)
        if not para_drafts and _is_heading(view, para):
            # "II. KẾT QUẢ NĂM 2023" then "- Tỷ lệ ... đạt 28,5%": a heading's period and place
            # govern the list under it, as a line ending "như sau:" does
            intro, intro_at = state, at
        link_parts(view, para_drafts)
        link_parts_by_sum(view, para_drafts)
        para_drafts = [d for d in para_drafts if d.role != "restated"]
        drafts.extend(para_drafts)
        if cue_words.introduces_goals(view, para.start, para.end):
            in_goals = True  # "... với các chỉ tiêu chủ yếu:" then the list
    link_to_stated_whole(view, drafts)
    share_the_remainder_s_indicator(view, drafts)
    for d in drafts:
        if d.component_needs_whole and d.parent is None:
            d.component = None  # "chưa đạt", "toàn trình" name a part only of a whole
    return ExtractionResult(_context(document, facts), _finalise(document, text, drafts))


_HEADING_CHARS = 100


def _is_heading(view: str, para: Span) -> bool:
    """A short line that does not end as a sentence does: a heading ("II. KẾT QUẢ NĂM 2023")."""
    line = view[para.start : para.end].strip()
    return 0 < len(line) <= _HEADING_CHARS and not line.endswith((".", ";", "!", "?"))


def _context(document: IngestedDocument, facts: DocumentFacts | None) -> DocumentContext:
    period = facts.report_period if facts else None
    return DocumentContext(
        document_id=document.document_id,
        subject_geo_code=facts.subject_geo if facts else None,
        report_period_code=period.code if period else None,
        report_period_start=period.start if period else None,
        report_period_end=period.end if period else None,
        extractor_version=EXTRACTOR_VERSION,
    )


_UNIT_WORDS = frozenset(["huyện", "thị", "xã", "quận", "thành", "phố", "tp"])


def _written_as_a_name(text: str, p: PlaceMention) -> bool:
    """A district's name is capitalised as names are ("huyện Gia Bình"); the same syllables in
    lower case are words ("tham gia Bình dân học vụ số")."""
    if p.kind != "district":
        return True
    words = [w for w in _WORD_RE_LOCAL.findall(text, p.start, p.end) if w.lower() not in _UNIT_WORDS]
    return all(w[0].isupper() for w in words)


# how many lines above a table may hold its title (a date line or a note may stand between)
_CAPTION_LINES = 3


def _caption_hits(view: str, above: list[Span]) -> list[IndicatorHit]:
    """The indicator phrasings of the nearest line above a table that names any."""
    for para in reversed(above):
        hits = find_indicator_hits(view, para.start, para.end)
        if hits:
            return hits
    return []


def _read_sentence(
    text: str,
    view: str,
    sent: Span,
    state: ParagraphState,
    facts: DocumentFacts,
    places: list[PlaceMention],
    period_scan: PeriodScan,
    cells: TableCells,
) -> list[Draft]:
    s, e = sent.start, sent.end
    periods = period_scan.mentions(s, e, state.year or facts.context_year)
    hits = find_indicator_hits(view, s, e)
    programs = cue_words.find_programs(view, s, e)
    drafts: list[Draft] = []
    if _DIGIT_RE.search(view, s, e):
        quantities = _quantities(view, s, e, periods, hits, cells)
        drafts = [_draft(view, sent, n, quantities, i) for i, n in enumerate(quantities)]
        for d in drafts:  # "xếp hạng A, B, C của tỉnh lần lượt là 15, 7, 4"
            if (
                d.unit == "count"
                and d.mention.denominator is None
                and (
                    _RANKS_RESPECTIVELY_RE.search(view, max(s, d.mention.start - 200), d.mention.start)
                    or (
                        _RANK_LIST_ITEM_RE.search(view, max(s, d.mention.start - 30), d.mention.start)
                        and _RANKS_LISTED_RE.search(view, s, d.mention.start)
                    )
                )
            ):
                d.unit = "rank"
        for prev, d in itertools.pairwise(drafts):
            if (
                prev.unit == "rank"
                and d.unit == "count"
                and _LIST_GAP_RE.fullmatch(view, prev.mention.unit_end, d.mention.start)
            ):
                d.unit = "rank"
        _ranks_in_their_field(view, drafts, state)
    _respectively(view, drafts, places, periods)
    drafts.extend(_rank_list(text, view, sent, places, state))
    for d in drafts:  # a ranking counted in digits ("vị trí thứ 2") carries on too
        if d.role == "q" and d.unit == "rank" and d.value == state.last_rank + 1:
            state.last_rank = int(d.value)
    if drafts:
        segments = find_segments(view, s, e)
        targets_from = cue_words.first_target_cue(view, s, e)
        if targets_from is None and state.goals and not cue_words.reports_achievement(view, s, e):
            targets_from = s  # a list of goals goes on: "... đặt mục tiêu ... 80% .... Hơn 50% ..."
        targets = None if targets_from is None else (targets_from, _goals_end(view, targets_from, e))
        groups = _paren_groups(view, s, e)
        figure_spans = [(d.mention.start, d.mention.unit_end) for d in drafts]
        for d in drafts:
            _attach_period(view, d, periods, groups, state, facts, figure_spans)
            _attach_indicator(
                view, d, hits, state, figure_spans, _named_before(view, d, places, segments, periods)
            )
            if d.fixed_period is not None:
                d.period = d.fixed_period
            if d.role == "q":
                visible = d.places or [p for p in places if _visible(groups, p.start, d.mention.start)]
                _attach_geo(view, d, visible, state, facts)
            if d.segment == "all":
                _attach_segment(view, d, segments)
            if d.segment == "all" and d.placed_by_district:
                d.segment = "district_level"  # "huyện Tân Hồng đã có 25 sản phẩm": a district's figure
            if d.segment == "all" and d.role == "q" and _names_a_commune(text, s, d.mention.start):
                d.segment = "commune_level"  # "Xã biên giới Thượng Trạch có khoảng 3.600 nhân khẩu"
            _attach_measure_and_qualifier(view, d)
            _attach_target(view, d, targets, facts)
            if d.is_target:
                _attach_plan_period(view, d, periods, groups, state, facts)
                _target_by_year_end(d)
            d.component, d.component_needs_whole = cue_words.component_of(view, d.left, d.right, d.unit)
            d.program = _nearest_before(programs, d.mention.start) or state.program
        _share_the_whole_s_indicator(view, drafts)
        _rate_of_a_pair_shares_its_segment(drafts)
    _remember(view, sent, state, facts, periods, hits, places, programs, drafts)
    return drafts


def _share_the_whole_s_indicator(view: str, drafts: list[Draft]) -> None:
    """ "đã hoàn thành 9/33; đang thực hiện 24/33 nhiệm vụ": parts of one whole, stated in one
    sentence, measure what the one that names its noun measures. One that says what it counts
    does not ("63/63 địa phương đã cấp phiếu lý lịch tư pháp; 57/63 địa phương ... sổ sức khỏe")."""
    named: dict[float, str] = {}
    for d in drafts:
        den = d.mention.denominator if d.role == "q" else None
        if den is not None and d.indicator != UNCLASSIFIED and not d.indicator_inherited:
            named.setdefault(den, d.indicator)
    for d in drafts:
        den = d.mention.denominator if d.role == "q" else None
        unnamed = d.indicator == UNCLASSIFIED or d.indicator_inherited
        if (
            den is not None
            and unnamed
            and den in named
            and d.unit == "count"
            and not _says_what_it_counts(view, d)
        ):
            d.indicator = named[den]


# how far a percentage may stand from the "X/Y" it restates, and how closely it must agree with it
_RESTATED_RATE_CHARS = 120
_RESTATED_RATE_TOLERANCE = 0.6


def _rate_of_a_pair_shares_its_segment(drafts: list[Draft]) -> None:
    """ "47/96 xã, phường, đạt tỷ lệ 48,96%": a percentage right after an X/Y that equals X/Y
    restates it, so it covers the same level."""
    for pair, rate in itertools.pairwise(drafts):
        den = pair.mention.denominator
        if (
            den
            and pair.unit == "count"
            and rate.unit == "percent"
            and rate.segment == "all"
            and rate.mention.start - pair.mention.end <= _RESTATED_RATE_CHARS
            and abs(pair.value / den * 100 - rate.value) <= _RESTATED_RATE_TOLERANCE
        ):
            rate.segment = pair.segment


# after a place "in its field": a list separator, a bracket, or the field named again
_RANK_TAIL_RE = re.compile(r"[ \t]*(?:[,;.)(]|$|(?:tỉnh|địa phương|tỉnh thành|tỉnh, thành)(?![^\W\d_]))")


def _ranks_in_their_field(view: str, drafts: list[Draft], state: ParagraphState) -> None:
    """ "Thể chế số xếp hạng 6/63, nhận thức số 16/63, ...; Chính quyền số 28/63 (tăng 11 bậc)":
    after a rank stated as a place among N, another "k/N" in the paragraph is a place in the
    same field (not "63/63 tỉnh đã ban hành", which counts)."""
    for d in drafts:
        den = d.mention.denominator
        if d.unit == "rank" and den is not None:
            state.rank_field = den
        elif (
            d.unit == "count"
            and den is not None
            and den == state.rank_field
            and d.value < den
            and _RANK_TAIL_RE.match(view, d.mention.end)
        ):
            d.unit = "rank"


def _quantities(
    view: str, s: int, e: int, periods: list[PeriodMention], hits: list[IndicatorHit], cells: TableCells
) -> list[NumberMention]:
    """The numbers of a sentence that are stated quantities, with their units settled."""
    per_thousand = per_thousand_phrases(view, s, e)
    definitions = [h.definition for h in hits if h.definition] + per_thousand
    consumed = [(p.start, p.end) for p in periods if p.role != "now"]
    quantities: list[NumberMention] = []
    dropped: NumberMention | None = None  # the last number set aside as a threshold
    for n in scan_numbers(view, s, e):
        if any(a <= n.start < b for a, b in definitions):
            continue
        if any(a <= n.start < b for a, b in consumed) and not n.denominator:
            continue
        if why_not_a_quantity(view, n, s) is not None:
            continue
        column = cells.kind_at(n.start)
        if column == "row_number":
            continue  # a table's "STT" column numbers its rows
        if column == "percent" and n.unit == "count" and n.denominator is None:
            n.unit = "percent"  # a bare number under "Tỷ lệ (%)"
        if _defines_previous(view, quantities, n) or _range_end(view, dropped, n):
            dropped = n
            continue
        quantities.append(n)
    for _, b in per_thousand:  # "tỷ lệ doanh nghiệp/1.000 dân đạt 0,677"
        following = [n for n in quantities if n.start >= b and n.unit == "count" and n.value < 100]
        if following and not _has_clause_break(view, b, following[0].start):
            following[0].unit = "per_1000_people"
    return quantities


def _remember(
    view: str,
    sent: Span,
    state: ParagraphState,
    facts: DocumentFacts,
    periods: list[PeriodMention],
    hits: list[IndicatorHit],
    places: list[PlaceMention],
    programs: list[tuple[int, str]],
    drafts: list[Draft],
) -> None:
    """What a sentence establishes for the next ones of its paragraph."""
    s = sent.start
    for p in periods:
        if p.role == "period" and p.has_year and p.period is not None and p.period.grain != "day":
            state.year = p.period.year
    own = [
        p
        for p in periods
        if p.role == "period"
        and p.period is not None
        and (
            p.period.grain != "day"
            or _UP_TO_RE.search(view, max(s, p.start - 12), p.start)
            or view.startswith(("đến", "tới"), p.start)  # "từ 19/2 đến 10/12"
        )
        and not _looks_ahead(view, s, p, facts)
    ]
    figures = [d for d in drafts if d.role == "q"]
    if own and not (figures and all(d.is_target for d in figures)):
        # the period of a sentence of goals dates goals, not what the paragraph reports next
        state.period = own[-1].period
    plans = [p for p in periods if p.role == "plan" and p.period is not None]
    if plans:
        state.plan = plans[-1].period
    elif figures and all(d.is_target for d in figures):
        # "phấn đấu đến năm 2026, 100% cán bộ ...": the horizon of a sentence of goals dates the
        # goals that follow it ("Ngoài ra, 100% người dân ...")
        horizons = [
            p
            for p in periods
            if p.role == "period" and p.period is not None and _looks_ahead(view, s, p, facts)
        ]
        if horizons:
            state.plan = horizons[-1].period
    # what the sentence was about (a counted noun after one figure names only that figure)
    state.hits = [h for h in hits if not h.pattern.head] or state.hits
    geo_marks = [p for p in places if not (p.kind == "national" and comparison_scope(view, p))]
    placed = [d for d in drafts if not d.yardstick]  # a yardstick's nation is not the paragraph's
    if placed:
        state.geo = placed[-1].geo
    elif len({(p.kind, p.code) for p in geo_marks}) == 1:
        state.geo = _geo_code(geo_marks[0], facts, facts.names_as_of)  # as named when written
    state.goals = bool(figures) and all(d.is_target for d in figures)
    if programs:
        state.program = programs[-1][1]


def _looks_ahead(view: str, s: int, p: PeriodMention, facts: DocumentFacts) -> bool:
    """A period the text looks ahead to: after its publication; in an undated text, a year brought
    in by a bare "đến" ("đến năm 2025, định hướng đến năm 2030"; "đến hết", "tính đến" report)."""
    assert p.period is not None
    if facts.published_by is not None:
        return p.period.start > facts.published_by
    # "đến tháng 9/2024" counts up to a month; "đến năm 2025" looks to a year
    return (
        p.period.grain == "year" and HORIZON_BEFORE_RE.search(view, max(s, p.start - 16), p.start) is not None
    )


# "Tính đến ngày 1-3": a day up to which figures are counted (not the day of an event)
_UP_TO_RE = re.compile(r"(?:đến|tới)(?:[ \t]+\d{1,2}(?:h|giờ)(?:\d{2})?)?(?:[ \t]+ngày)?[ \t]*$")
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,|và|,[ \t]*và)[ \t]*")
# "xếp hạng theo từng Chỉ số chính lần lượt là: Nhận thức số - xếp thứ 36; Thể chế số - 57; ..."
_RANKS_LISTED_RE = re.compile(
    r"(?<![^\W\d_])(?:xếp hạng|thứ hạng)(?![^\W\d_])[^.]*lần lượt(?:[ \t]+là)?[ \t]*:"
)
_RANK_LIST_ITEM_RE = re.compile(r"(?:^|[;:])[^;:.\d]{1,60}[-–][ \t]*(?:xếp thứ[ \t]+|thứ[ \t]+)?$")
_RANKS_RESPECTIVELY_RE = re.compile(
    r"(?<![^\W\d_])(?:xếp hạng|thứ hạng|vị trí)(?![^\W\d_])[^.;\d]*lần lượt(?:[ \t]+là)?[ \t:]*"
    r"(?:\d+[ \t]*(?:,|và|,[ \t]*và)[ \t]*)*$"
)
_FROM_RE = re.compile(r"(?<![^\W\d_])từ[ \t]*$")
# "từ 50% trở lên", "từ 15 tuổi trở lên": a bound, not where a change started
# "từ 80% trở lên", "1.200 doanh nghiệp trở lên" (the noun between, no other number: "100% người
# dân từ 15 tuổi trở lên" bounds the age, not the 100%)
_UPWARD_RE = re.compile(r"[^\d,;.:()\n]{0,40}?(?<![^\W\d_])trở[ \t]+lên(?![^\W\d_])")
_DOWNWARD_RE = re.compile(r"[^\d,;.:()\n]{0,40}?(?<![^\W\d_])trở[ \t]+xuống(?![^\W\d_])")
# "tăng 5 bậc", "giảm 3 hạng": a change of rank
_RANK_STEP_RE = re.compile(r"[ \t]+(?:bậc|hạng)(?![^\W\d_])")
_THRESHOLD = r"(?:trên|dưới|hơn|từ|không quá|ít nhất|chưa đến)[ \t]*"
# "8 nền tảng có trên 10 triệu người dùng", "15 địa phương có tỷ lệ ... dưới 10%"
# (not a new clause opening "có": "1.292 tổ tại cấp thôn, bản, có sự tham gia của hơn 6.200 thành viên")
_DEFINITION_GAP_RE = re.compile(
    r"[ \t]+[^\d;.()]{1,60}?(?<!,)[ \t]có[ \t](?:[^\d;.()]{0,60}?[ \t])?" + _THRESHOLD
)
# "5 địa phương trên 20%; 13 địa phương từ 10-20%", "25 tỉnh, thành phố đã phủ xanh hơn 50%":
# a group named by its bounds
_GROUP_BOUND_RE = re.compile(r"[ \t]+[^\d;.()]{1,40}?[ \t]" + _THRESHOLD)
_PERCENT_RANGE_AFTER_RE = re.compile(r"[ \t]*[-–][ \t]*\d[\d,]*[ \t]*%")
_RANGE_GAP_RE = re.compile(r"[ \t]*(?:%[ \t]*)?(?:-|–|đến|tới)[ \t]*(?:gần|khoảng)?[ \t]*")


def _defines_previous(view: str, quantities: list[NumberMention], n: NumberMention) -> bool:
    """A threshold that says what an earlier count counts, not a figure of its own."""
    if not quantities:
        return False
    gap = view[quantities[-1].unit_end : n.start]
    if "trong đó" in gap:
        return False
    if _DEFINITION_GAP_RE.fullmatch(gap) is not None:
        return True
    bound = n.unit == "percent" or _PERCENT_RANGE_AFTER_RE.match(view, n.end) is not None
    return (
        bound
        and quantities[-1].unit == "count"
        and _GROUP_BOUND_RE.fullmatch(gap) is not None
        # "505 triệu bưu gửi, tăng trên 47%": a change is a figure
        and not cue_words.states_a_change(view, quantities[-1].unit_end, n.start)
    )


def _range_end(view: str, previous: NumberMention | None, n: NumberMention) -> bool:
    """ "từ 10-20%": the upper bound of a range whose lower bound was not a figure either."""
    return previous is not None and _RANGE_GAP_RE.fullmatch(view[previous.end : n.start]) is not None


def _draft(view: str, sent: Span, n: NumberMention, quantities: list[NumberMention], i: int) -> Draft:
    clause = _clause_of(view, sent, n.start)
    prev_end = quantities[i - 1].unit_end if i > 0 else clause[0]
    next_start = quantities[i + 1].start if i + 1 < len(quantities) else clause[1]
    left_start = max(prev_end, clause[0], _last_comma(view, clause[0], n.start))
    right_end = min(next_start, clause[1], _first_comma(view, n.unit_end, clause[1]))
    unit = "rank" if is_rank_cue(view, n) or _RANK_STEP_RE.match(view, n.unit_end) else n.unit
    return Draft(
        mention=n,
        sentence=sent,
        clause=clause,
        value=n.value,
        unit=unit,
        left=(left_start, n.start),
        right=(n.unit_end, right_end),
        is_target=n.pair_role == "target",
        span=(n.start, n.end if n.denominator is not None else _number_end(n)),
    )


def _has_clause_break(view: str, lo: int, hi: int) -> bool:
    return any(c in view[lo:hi] for c in ";.")


def _number_end(n: NumberMention) -> int:
    return n.start + len(n.token)


def _clause_of(view: str, sent: Span, pos: int) -> tuple[int, int]:
    start = view.rfind(";", sent.start, pos)
    end = view.find(";", pos, sent.end)
    return (sent.start if start < 0 else start + 1, sent.end if end < 0 else end)


def _last_comma(view: str, lo: int, hi: int) -> int:
    i = max(view.rfind(",", lo, hi), view.rfind(":", lo, hi))
    # a decimal comma sits between digits; skip those
    while i >= lo and 0 < i < len(view) - 1 and view[i - 1].isdigit() and view[i + 1].isdigit():
        i = max(view.rfind(",", lo, i), view.rfind(":", lo, i))
    return i + 1 if i >= lo else lo


def _first_comma(view: str, lo: int, hi: int) -> int:
    i = view.find(",", lo, hi)
    while i >= 0 and 0 < i < len(view) - 1 and view[i - 1].isdigit() and view[i + 1].isdigit():
        i = view.find(",", i + 1, hi)
    return i if i >= 0 else hi


# --- periods ---------------------------------------------------------------------


# "Trong 3 năm (2022 - 2024), tỉnh tổ chức 14 hội nghị": years in brackets that spell out the
# duration before them date the clause, as if written without the brackets
_DURATION_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:trong|sau|qua|suốt)[ \t]+\d{1,2}[ \t]+năm[ \t]*$")
_YEARS_IN_BRACKETS_RE = re.compile(r"\([ \t]*(?:năm[ \t]+)?\d{4}[ \t]*[-–—][ \t]*(?:năm[ \t]+)?\d{4}[ \t]*\)")


def _paren_groups(view: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of parenthesised groups in a sentence (not those spelling out a duration's years)."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _PAREN_RE.finditer(view, s, e):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            if _YEARS_IN_BRACKETS_RE.fullmatch(view, start, m.end()) and _DURATION_BEFORE_RE.search(
                view, max(s, start - 24), start
            ):
                continue
            out.append((start, m.end()))
    return out


def _group_of(groups: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    inner = [g for g in groups if g[0] < pos < g[1]]
    return min(inner, key=lambda g: g[1] - g[0]) if inner else None


def _visible(groups: list[tuple[int, int]], pos: int, mention_pos: int) -> bool:
    """A phrase governs a figure unless it sits in parentheses that do not hold the figure."""
    g = _group_of(groups, pos)
    return g is None or g[0] < mention_pos < g[1]


# "26% dân số ..., và con số này dự kiến tăng mạnh vào cuối năm": a later phrase of another
# statement, a forecast, does not date the figure
_NEW_STATEMENT_RE = re.compile(
    r",[ \t]*(?:và|nhưng|song|còn|trong khi)(?![^\W\d_])|(?<![^\W\d_])(?:dự kiến|sẽ|dự báo)(?![^\W\d_])"
)
_VAO_GAP_RE = re.compile(r"[^\d,;()]{0,50}?(?<![^\W\d_])(?:vào|trong)[ \t]+")
_ADJACENT_RE = re.compile(
    r"[ \t]*(?:vào[ \t]+|của[ \t]+"
    r"|\([ \t]*(?:(?:tính[ \t]+)?(?:đến|tới)[ \t]+(?:hết[ \t]+)?(?:ngày[ \t]+)?|ngày[ \t]+))?"
)


def _attach_period(
    view: str,
    d: Draft,
    periods: list[PeriodMention],
    groups: list[tuple[int, int]],
    state: ParagraphState,
    facts: DocumentFacts,
    figure_spans: list[tuple[int, int]],
) -> None:
    pos = d.mention.start
    usable = [p for p in periods if p.role in ("period", "now") and _visible(groups, p.start, pos)]
    in_clause = [p for p in usable if d.clause[0] <= p.start < d.clause[1]]
    before = [p for p in in_clause if p.end <= pos]
    # a phrase after the figure is its period only if the clause has no later figure: otherwise it
    # introduces that one ("500/800 thủ tục, trong đó trong 6 tháng đầu năm ... 120")
    after = [
        p
        for p in in_clause
        if p.start >= d.mention.unit_end
        and not any(d.mention.unit_end <= a < d.clause[1] for a, _ in figure_spans)
        and not _NEW_STATEMENT_RE.search(view, d.mention.unit_end, p.start)
    ]
    # "tăng từ 6,53% năm 2020 lên 6,65% năm 2023", "602.230 (tính đến ngày 15-2-2024)": a period
    # right after the figure is its own
    adjacent = [
        p
        for p in periods
        if p.role == "period"
        and d.clause[0] <= p.start < d.clause[1]
        and _ADJACENT_RE.fullmatch(view, d.mention.unit_end, p.start)
    ]
    # "khoảng 30% GDP vào năm 2030", "15,2% GDP trong 6 tháng đầu năm 2023": a period brought in by
    # "vào"/"trong" after the figure, before any other figure, dates it (not the meeting's date
    # earlier in the sentence, "Hội nghị giữa tháng 7/2023 cho biết, ...")
    by_vao = [p for p in after if _VAO_GAP_RE.fullmatch(view, d.mention.unit_end, p.start)]
    chosen = adjacent[0] if adjacent else by_vao[0] if by_vao else before[-1] if before else None
    if chosen is None and after:
        chosen = after[0]
    if chosen is None:
        sent_before = [p for p in usable if p.end <= pos]
        chosen = sent_before[-1] if sent_before else None
    if chosen is not None:
        d.period = chosen.period if chosen.role == "period" else _now(facts)
        d.period_stated = chosen in in_clause and chosen.role == "period"  # "đến nay" states no period
        d.period_at = chosen.start
    else:
        d.period = state.period or facts.report_period
    baseline = _baseline_of_bracket(view, d, periods, groups) or _baseline_stated_before(view, d, periods)
    if baseline is not None and baseline.period is not None:
        d.period = _at_baseline(view, baseline, d.period)


def _now(facts: DocumentFacts) -> Period | None:
    """ "Đến nay": the day the text was published, else its reporting period."""
    day = facts.published_date
    if day is not None and day == facts.published_by:  # known to the day, not only to its month
        return day_period(day.year, day.month, day.day)
    return facts.report_period


def _baseline_of_bracket(
    view: str, d: Draft, periods: list[PeriodMention], groups: list[tuple[int, int]]
) -> PeriodMention | None:
    """ "tăng 4,6% so với cùng kỳ năm 2023 (75,5%)": the figure that opens a bracket right after
    a comparison's baseline is the value at that baseline."""
    g = _group_of(groups, d.mention.start)
    if g is None or view[g[0] + 1 : d.mention.start].strip():
        return None
    return next((p for p in periods if p.role == "baseline" and 0 <= g[0] - p.end <= 2), None)


# "(cùng kỳ năm 2023 là 38,1%)", "; cùng kỳ năm trước đạt 30%": the value at the same part of
# an earlier year, stated as such (not a change against it: "tăng 5% so với cùng kỳ")
_SAME_PART_OPENS_RE = re.compile(r"(?:^|[(,;:\n])[ \t]*cùng kỳ[ \t]+$")
_BASELINE_VALUE_GAP_RE = re.compile(r"[ \t]*(?:là|đạt|:)[ \t]*(?:khoảng[ \t]+)?")


def _baseline_stated_before(view: str, d: Draft, periods: list[PeriodMention]) -> PeriodMention | None:
    for p in periods:
        if (
            p.role == "baseline"
            and p.end <= d.mention.start
            and _BASELINE_VALUE_GAP_RE.fullmatch(view, p.end, d.mention.start)
            and _SAME_PART_OPENS_RE.search(view, max(0, p.start - 16), p.start)
        ):
            return p
    return None


def _at_baseline(view: str, baseline: PeriodMention, current: Period | None) -> Period | None:
    """The baseline's period; for "cùng kỳ năm 2023" (the same part of 2023), the current period
    moved to that year."""
    assert baseline.period is not None
    same_part = "cùng kỳ" in view[max(0, baseline.start - 24) : baseline.start]
    if same_part and current is not None and current.grain in ("half", "quarter", "month"):
        try:
            return period_from_code(f"{baseline.period.year}{current.code[4:]}")
        except ValueError:
            return baseline.period
    return baseline.period


# --- indicators --------------------------------------------------------------------


def _attach_indicator(
    view: str,
    d: Draft,
    hits: list[IndicatorHit],
    state: ParagraphState,
    figure_spans: list[tuple[int, int]],
    named_before: bool = False,
) -> None:
    if d.role == "rank":
        return
    if (
        d.unit == "percent"
        and cue_words.cues().share_of_plan_re.match(view, d.mention.unit_end)
        and not view[max(0, d.mention.start - 2) : d.mention.start].strip().endswith("/")
    ):
        # "đạt 105% kế hoạch": how much of a plan was done, no level of what it measures (but
        # "đạt 45%/40% kế hoạch" gives the plan's own level)
        return
    best: tuple[float, int, str] | None = None
    n_start, n_end = d.mention.start, d.mention.unit_end
    describes_itself = named_before or _says_what_it_counts(view, d)
    owned: set[int] = set()  # this sentence's phrases that belong to another figure
    # the noun right after a count says what it counts: "4.475 thủ tục" are no dossiers
    countable = codes_counting_the_noun_at(view, n_end) if d.unit == "count" else None
    for h in hits:
        code = code_for_unit(h.pattern, d.unit)
        if code is None or (countable is not None and code not in countable):
            continue
        if (
            d.unit == "count"
            and h.start >= n_end
            and cue_words.cues().counted_by_a_rate_re.match(view[n_end : h.start])
        ):
            # "8 cơ quan, địa phương có tỷ lệ hồ sơ trực tuyến toàn trình trên 50%": the rate is
            # what the counted units have, not what the count counts
            owned.add(id(h))
            continue
        proximity = _proximity(view, d, h, n_start, n_end)
        over = [(a, b) for a, b in figure_spans if a != n_start and h.start < a and b < h.end]
        if (
            over
            and h.start >= n_end
            and describes_itself
            and _first_word(view, over[-1][1]) == _first_word(view, n_end)
        ):
            # "99,8% hồ sơ đúng hạn, 0,2% hồ sơ quá hạn": items of one kind side by side; the
            # phrase that runs on to the next item's words is that item's
            owned.add(id(h))
            continue
        over_another = bool(over)
        if over_another or (
            h.start < n_start and n_end < h.end and _CLAUSE_MARK_RE.search(view, n_end, h.end)
        ):
            # a phrase stretching over another figure names that figure ("doanh thu ... 1.928.311 tỷ
            # đồng, tăng trưởng"), and one running on past this figure's comma is two phrases ("hồ sơ
            # trực tuyến ... đạt 65,63%, tỷ lệ số hóa"): either speaks of this one only from afar
            proximity = min(proximity, 0.3)
        if proximity <= 0:
            continue
        if (
            describes_itself
            and not d.clause[0] <= h.start < d.clause[1]
            and _has_figure_in_clause(view, d.sentence, h.start, [f for f in figure_spans if f[0] != n_start])
        ):
            # a figure that says what it counts does not borrow the phrase of another clause's
            # figure ("66,2% dân số có điện thoại thông minh; 68,1% dân số có tài khoản"), while a
            # bare item of a series does ("cả nước đạt 42%; bộ, ngành đạt 61%")
            owned.add(id(h))
            continue
        distance = min(abs(h.start - n_end), abs(n_start - h.end))
        score = h.pattern.weight * proximity
        if best is None or (score, -distance) > (best[0], -best[1]):
            best = (score, distance, code)
    if best is None and not (d.unit == "count" and describes_itself and countable is None):
        # what the paragraph was talking about: its most specific phrasing that fits the unit (a
        # count naming a noun no indicator counts, "26 cơ quan, đơn vị", is not about it)
        fitting = [
            (h.pattern.weight, h.start, code)
            for h in state.hits
            if (code := code_for_unit(h.pattern, d.unit)) is not None
            and id(h) not in owned
            and (countable is None or code in countable)
        ]
        if fitting:
            best = (0.0, 0, max(fitting)[2])
            d.indicator_inherited = True
    if best is not None:
        d.indicator = best[2]


_WORD_RE_LOCAL = re.compile(r"[^\W\d_]+")


def _named_before(
    view: str,
    d: Draft,
    places: list[PlaceMention],
    segments: list[PlaceMention],
    periods: list[PeriodMention],
) -> bool:
    """The figure's clause names what it measures before it ("giá trị thanh toán qua mã QR đạt
    ..."), beyond places, levels, periods and verbs ("cấp huyện đạt 66%", "năm 2023 là ...")."""
    lo = max(d.clause[0], d.left[0])
    hi = d.mention.start
    if hi - lo < 8:
        return False
    mentions: list[_Spanned] = [*places, *segments, *periods]
    spans = [(m.start, m.end) for m in mentions if m.end > lo and m.start < hi]
    words = [
        w.group()
        for w in _WORD_RE_LOCAL.finditer(view, lo, hi)
        if not any(a <= w.start() < b for a, b in spans) and w.group() not in cue_words.cues().subject_fillers
    ]
    return len(words) >= 3


def _says_what_it_counts(view: str, d: Draft) -> bool:
    """Words after the figure, before any mark, name what it counts ("64% hợp tác xã có gian
    hàng"), as a bare item of a series ("cấp huyện đạt 66%") does not."""
    own = _OWN_WORDS_RE.match(view, d.mention.unit_end, d.clause[1])
    return own is not None and len(own.group(0).split()) >= 2


def _first_word(view: str, pos: int) -> str:
    m = _WORD_AFTER_RE.match(view, pos)
    return m.group(1) if m else ""


def _has_figure_in_clause(view: str, sent: Span, pos: int, figure_spans: list[tuple[int, int]]) -> bool:
    lo, hi = _clause_of(view, sent, pos)
    return any(lo <= a and b <= hi for a, b in figure_spans)


def _proximity(view: str, d: Draft, h: IndicatorHit, n_start: int, n_end: int) -> float:
    if h.pattern.head:
        # the counted noun: right after the number (and its unit words)
        gap = view[n_end : h.start]
        # the counted noun decides what a count is: "ban hành kế hoạch ... với 45 nhiệm vụ"
        return 4.0 if h.start >= n_end and len(gap) <= 3 and not any(c in gap for c in ",;()") else 0.0
    if d.right[0] <= h.start < d.right[1]:
        gap = view[n_end : h.start]
        if len(gap) <= 3:
            return 3.0
        return 1.2 if _CONNECTOR_RE.search(gap) else 2.0
    if d.left[0] <= h.start < d.left[1] or d.left[0] < h.end <= d.left[1]:
        return 2.5
    if d.clause[0] <= h.start < d.clause[1]:
        return 1.6 if h.end <= n_start else 1.0
    return 0.6 if h.end <= n_start else 0.3


# --- geography ------------------------------------------------------------------------


def _geo_code(p: PlaceMention, facts: DocumentFacts, when: date | None) -> str:
    if p.kind in ("national", "body"):
        return "VN"
    if p.kind == "self":
        return facts.subject_geo or "VN"
    return province_code_for(p, when) or "VN"


def _attach_geo(
    view: str, d: Draft, places: list[PlaceMention], state: ParagraphState, facts: DocumentFacts
) -> None:
    pos = d.mention.start
    if any(
        p.kind == "national" and _YARDSTICK_VALUE_RE.fullmatch(view, p.end, pos) and comparison_scope(view, p)
        for p in places
        if d.clause[0] <= p.start and p.end <= pos
    ):
        d.geo = "VN"  # "cao hơn mức trung bình của cả nước là 70,9%": the yardstick's own value
        d.yardstick = True
        return
    marks = [
        p
        for p in places
        if not (p.kind == "national" and (comparison_scope(view, p) or names_a_national_thing(view, p)))
        # "An Giang được Bộ TT&TT đánh giá, xếp hạng 7/63": the ministry is the judge, not the place
        and not (p.kind == "body" and _AGENT_BEFORE_RE.search(view, max(0, p.start - 8), p.start))
        # "Theo báo cáo của Bộ TT&TT, cả nước có ...": the ministry is the source, not the place
        and not (p.kind == "body" and _SOURCE_BEFORE_RE.search(view, max(0, p.start - 24), p.start))
    ]
    # the province as it was in the figure's period ("Quảng Bình 2024" keeps its old code), and
    # never later than the text was written (a target "đến năm 2025" set in 2023 is the old one's);
    # a text that shows no sign of when it was written names provinces as they were before the
    # 2025 arrangement: one written after it says so ("tỉnh mới", "sau sáp nhập", a date)
    when = None
    if facts.names_as_of is not None:
        when = min(d.period.end, facts.names_as_of) if d.period else facts.names_as_of
    in_clause = [p for p in marks if d.clause[0] <= p.start < d.clause[1]]
    before = [p for p in in_clause if p.end <= pos]
    after = [
        p
        for p in in_clause
        if p.start >= d.mention.unit_end and not (p.kind in ("national", "body") and attributive(view, p))
    ]
    if _counts_provinces(view, d):
        # "2 địa phương ... là Bạc Liêu và Quảng Ngãi": a count of provinces is the nation's figure,
        # and so is the set a province is "one of" ("Nghệ An là một trong 6 địa phương ...")
        after = [p for p in after if p.kind != "province"]
        if ONE_OF_BEFORE_RE.search(view, max(d.clause[0], pos - 16), pos):
            before = [p for p in before if p.kind != "province"]
        if not before and not after:
            d.geo = "VN"
            return
    # from another clause, an attribute ("do các đơn vị thuộc trung ương triển khai") says nothing
    sent_before = [
        p
        for p in marks
        if p.end <= pos and (p in in_clause or p.kind == "province" or not attributive(view, p))
    ]
    for group in (before[-1:], after[:1], sent_before[-1:]):
        if group:
            d.geo = _geo_code(group[0], facts, when)
            # a named ministry's own figure; one that speaks ("Bộ TT&TT cho biết, kinh tế số chiếm
            # 15,2% GDP") reports the nation's
            if group[0].kind == "body" and not _SPEAKS_AFTER_RE.match(view, group[0].end):
                d.segment = "ministry"
            d.placed_by_district = group[0].kind == "district"
            return
    d.geo = state.geo or facts.default_geo


_AGENT_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:được|bởi)[ \t]+$")
_SOURCE_BEFORE_RE = re.compile(
    r"(?:^|[.;,:\n]|(?<![^\W\d_]))[ \t]*theo(?:[ \t]+(?:báo cáo|thống kê|số liệu|dữ liệu|công bố)"
    r"(?:[ \t]+mới nhất)?[ \t]+của)?[ \t]+$"
)
_SPEAKS_AFTER_RE = re.compile(
    r"[ \t]*(?:\([^()]{0,20}\)[ \t]*)?(?:(?:đã|vừa|cũng|mới)[ \t]+)?"
    r"(?:cho biết|báo cáo|thông tin|thông báo|công bố|nhận định|đánh giá|dẫn số liệu)(?![^\W\d_])"
)
# "... mức trung bình của cả nước là 70,9%", "cao hơn bình quân cả nước (64,3%)"
_YARDSTICK_VALUE_RE = re.compile(
    r"[ \t]*(?:\([ \t]*(?:là|đạt|ở mức|:)?|là|đạt|ở mức|:)[ \t]*(?:khoảng[ \t]+)?"
)
_PROVINCE_NOUN_RE = re.compile(r"[ \t]*(?:địa phương|tỉnh|tỉnh, thành|thành phố)(?![^\W\d_])")


def _counts_provinces(view: str, d: Draft) -> bool:
    return d.unit == "count" and _PROVINCE_NOUN_RE.match(view, d.mention.unit_end) is not None


# a commune named as the subject before a figure: "xã Cẩm Lĩnh", "phường Tân Quang" (a capital
# after the unit word: "100% xã" counts communes, it names none)
_NAMED_COMMUNE_RE = re.compile(
    r"(?<![^\W\d_])(?:[Xx]ã|[Pp]hường|[Tt]hị trấn)(?:[ \t]+(?:biên giới|vùng cao))?[ \t]+[A-ZĐÂĂÊÔƠƯ]"
)


def _names_a_commune(text: str, start: int, pos: int) -> bool:
    return _NAMED_COMMUNE_RE.search(text, start, pos) is not None


_COUNTED_PHRASE_CHARS = 48
# the next item of a list ("cấp tỉnh là 89%, cấp huyện là 88%"), a range ("từ Trung ương đến cấp
# xã"), another figure: the level is no longer the counted noun's
_COUNTED_PHRASE_BREAK_RE = re.compile(r"[\d,;.()]|(?<![^\W\d_])(?:từ|đến|tới|và|là)(?![^\W\d_])")


# Counted right after a number, these nouns say which level the count is of ("100 xã, phường, thị
# trấn", "27 cơ quan"); "63/63 địa phương" is the nation's count of its provinces and stays "all".
_LEVEL_NOUN_KINDS = frozenset({"district_level", "commune_level", "agency"})


def _attach_segment(view: str, d: Draft, segments: list[PlaceMention]) -> None:
    end = d.mention.unit_end
    # "9.690 đài truyền thanh/10.599 xã": the level is the whole's noun
    counted_after = [end, d.mention.whole_end] if d.mention.whole_end else [end]
    counted_noun = [
        p
        for p in segments
        for after in counted_after
        if p.kind in _LEVEL_NOUN_KINDS and p.start >= after and not view[after : p.start].strip()
    ]
    if counted_noun and d.unit == "count":
        d.segment = counted_noun[0].kind
        return
    kinds = {p.kind for p in segments}
    contrast = len(kinds - {"all"}) + (1 if "all" in kinds else 0) >= 2
    if not contrast:
        # only a phrase that names the bloc outright ("khối bộ", "cấp tỉnh") scopes a lone figure
        segments = [p for p in segments if p.code == "explicit"]
        if not segments:
            return
    # "3.139 Trung tâm Phục vụ hành chính công cấp xã": the level named in the counted noun
    # phrase, however long, scopes the figure before anything said ahead of it
    counted = [
        p
        for p in segments
        if p.code == "explicit"
        and end <= p.start <= end + _COUNTED_PHRASE_CHARS
        and not _COUNTED_PHRASE_BREAK_RE.search(view, end, p.start)
    ]
    if counted:
        d.segment = counted[0].kind
        return
    head = [p for p in segments if p.start >= end and not view[end : p.start].strip()]
    if head:
        d.segment = head[0].kind
        return
    before = [p for p in segments if d.clause[0] <= p.start and p.end <= d.mention.start]
    if before:
        d.segment = before[-1].kind


# --- measure, qualifier, target ---------------------------------------------------------


def _attach_measure_and_qualifier(view: str, d: Draft) -> None:
    qualifier, change = cue_words.read_backwards(view, d.left[0], d.mention.start)
    if _UPWARD_RE.match(view, d.mention.unit_end):
        qualifier = "at_least"  # "đạt từ 50% trở lên"
    elif _DOWNWARD_RE.match(view, d.mention.unit_end):
        qualifier = "at_most"
    d.qualifier = qualifier
    if change == "down":
        d.value = -d.value  # "giảm 8%": negative, whether a change or a growth rate
    if change and not is_growth_indicator(d.indicator):
        d.measure = "change"


# "đưa ra 15 chỉ tiêu", "17 mục tiêu đề ra": a count of goals is a fact about a plan, not a goal
_GOALS_COUNTED_RE = re.compile(r"[ \t]+(?:mục tiêu|chỉ tiêu)(?![^\W\d_])")


def _attach_target(view: str, d: Draft, targets: tuple[int, int] | None, facts: DocumentFacts) -> None:
    if d.is_target:
        return
    if d.unit == "count" and _GOALS_COUNTED_RE.match(view, d.mention.unit_end):
        return
    if (
        targets is not None
        and targets[0] <= d.mention.start < targets[1]
        and not (
            _FROM_RE.search(view, max(d.left[0], d.mention.start - 8), d.mention.start)
            and not _UPWARD_RE.match(view, d.mention.unit_end)  # "từ 50% trở lên" is a floor
        )
    ):
        d.is_target = True
        return
    if d.role == "q" and (
        cue_words.target_word_before(view, d.left[0], d.mention.start)
        # ("17 mục tiêu đề ra" counts goals; "93,55% so với 80% yêu cầu đặt ra" names one)
        or (d.unit != "count" and cue_words.target_word_after(view, d.mention.unit_end, d.sentence.end))
        or (
            d.unit in ("percent", "count")
            and cue_words.bounded_as_a_requirement(view, d.left[0], d.mention.start)
        )
    ):
        d.is_target = True
        return
    # a period after the publication date is a plan ("đến năm 2025" in a 2024 article); without a
    # publication date the reporting period is too uncertain a reference to judge that
    if d.period is not None and facts.published_date is not None and d.period.start > facts.published_date:
        d.is_target = True
        return
    # "Gia Lai phê duyệt kế hoạch ... giai đoạn 2026 - 2030": in a text about a plan to come, a
    # figure dated by nothing but the text's own date is one of the plan's goals
    if (
        facts.plan_horizon is not None
        and d.period is not None
        and d.period is facts.report_period
        and not cue_words.reports_achievement(view, d.sentence.start, d.sentence.end)
    ):
        d.is_target = True
        d.period = facts.plan_horizon


_SEMICOLON_RE = re.compile(r";")


def _goals_end(view: str, pos: int, end: int) -> int:
    """Where a goal stated at ``pos`` stops governing the figures after it: at the first clause
    (after a semicolon, outside brackets) that reports results ("...; Số thuê bao ... ước đạt
    101,2 triệu, tăng 7,77% so với cùng kỳ"); a list of goals runs on to ``end``."""
    for m in _SEMICOLON_RE.finditer(view, pos, end):
        if view.count("(", pos, m.start()) > view.count(")", pos, m.start()):
            continue
        nxt = view.find(";", m.end(), end)
        if cue_words.reports_achievement(view, m.end(), end if nxt < 0 else nxt):
            return m.start()
    return end


# "kinh tế số chiếm 35% GRDP năm 2030": the measure's base named, then the goal's year
_NAMED_UNIT_GAP_RE = re.compile(r"[ \t]+(?:[^\W\d_]+[ \t]+){1,2}")
_GOAL_HORIZON_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:vào|đến|tới|trước|trong)[ \t]+$")


def _attach_plan_period(
    view: str,
    d: Draft,
    periods: list[PeriodMention],
    groups: list[tuple[int, int]],
    state: ParagraphState,
    facts: DocumentFacts,
) -> None:
    """A target takes the period of the plan it belongs to ("mục tiêu năm 2023 đạt 84%",
    "(kế hoạch năm 2023 là 76%)"): the plan phrase of its clause, else the last one before it,
    else a date to come named later in its sentence ("6 mục tiêu (... 20% ...) đến năm 2025")."""
    pos = d.mention.start
    plans = [
        p for p in periods if p.role == "plan" and p.period is not None and _visible(groups, p.start, pos)
    ]
    in_clause = [p for p in plans if d.clause[0] <= p.start < d.clause[1]]
    clause_before = [p for p in in_clause if p.end <= pos]
    clause_after = [p for p in in_clause if p.start >= d.mention.unit_end]
    before = [p for p in plans if p.end <= pos]
    if d.period_stated:
        # a plan named between the figure and its stated period is nearer: "Sáu tháng đầu năm
        # 2023, ... đạt 78,59%, vượt kế hoạch năm 2023 (kế hoạch năm 2023 là 76%)"
        nearer = [p for p in clause_before if p.start > d.period_at]
        if nearer:
            d.period = nearer[-1].period
        return
    chosen = clause_before[-1:] or clause_after[:1] or before[-1:]
    # "Mục tiêu phủ sóng 95% khu vực đô thị ... vào cuối năm 2025": the goal's own horizon
    horizon = [
        p
        for p in periods
        if p.role == "period"
        and p.period is not None
        and d.clause[0] <= p.start < d.clause[1]
        and p.start >= d.mention.unit_end
        and (
            _GOAL_HORIZON_BEFORE_RE.search(view, max(d.clause[0], p.start - 8), p.start)
            or _NAMED_UNIT_GAP_RE.fullmatch(view, d.mention.unit_end, p.start)
        )
    ]
    if chosen:
        d.period = chosen[0].period
    elif horizon:
        d.period = horizon[0].period
    elif state.plan is not None and not _opens_with_its_own_horizon(periods, d):
        d.period = state.plan
    elif facts.published_by is not None:
        later = [
            p
            for p in periods
            if p.role in ("period", "plan")
            and p.period is not None
            and p.start >= d.mention.unit_end
            and p.period.start > facts.published_by
        ]
        if later:
            d.period = later[0].period
        elif facts.plan_horizon is not None and d.period is facts.report_period:
            d.period = facts.plan_horizon  # "Kế hoạch chuyển đổi số năm 2025": its goals are 2025's


def _target_by_year_end(d: Draft) -> None:
    """ "Ngày 28/4/2023, UBND tỉnh ban hành Kế hoạch ...; phấn đấu tỷ lệ hộ gia đình có cáp quang
    đạt 75%": a goal with no date of its own is for the end of the plan's year, not the day the
    plan was issued or reported."""
    if d.period is not None and not d.period_stated and d.period.grain in ("day", "month"):
        d.period = year_period(d.period.year)


def _opens_with_its_own_horizon(periods: list[PeriodMention], d: Draft) -> bool:
    """ "Đến năm 2030: ...; kinh tế số chiếm trên 30% GRDP": a sentence that names a date to come
    before the figure sets its own goals' date, whatever plan the paragraph spoke of before."""
    return any(
        p.role == "period" and p.period is not None and p.end <= d.mention.start and d.period == p.period
        for p in periods
    )


def _nearest_before(found: list[tuple[int, str]], pos: int) -> str | None:
    before = [name for start, name in found if start <= pos]
    return before[-1] if before else (found[0][1] if found else None)


# --- "respectively" --------------------------------------------------------------------------


_PLACE_LIST_GAP_RE = re.compile(r"[ \t]*(?:,|và|,[ \t]*và|;|:)[ \t]*")


def _respectively(
    view: str,
    drafts: list[Draft],
    places: list[PlaceMention],
    periods: list[PeriodMention],
) -> None:
    """ "TP.HCM và Hà Nội đứng thứ 6 và 7 với tỷ trọng tương ứng 18,66% và 17,15%": the i-th
    figure after a list of places belongs to the i-th place (and likewise for a span of years
    followed by "lần lượt là"). Fixes the place or period of those figures in ``drafts``."""
    if len(drafts) < 2:
        return
    provinces = [p for p in places if p.kind == "province"]
    for run in _listed_runs(view, provinces):
        after = [d for d in drafts if d.mention.start > run[-1].end and d.clause[0] <= run[-1].end]
        k = len(run)
        if (
            after
            and len(after) % k == 0
            and not any(run[0].start < d.mention.start < run[-1].end for d in drafts)
        ):
            for i, d in enumerate(after):
                d.places = [run[i % k]]
    for pm in periods:
        if (
            pm.period is None
            or pm.period.grain != "span"
            or not _RESPECTIVELY_RE.search(view, pm.end, pm.end + 40)
        ):
            continue
        after = [d for d in drafts if d.mention.start > pm.end and d.sentence.start <= pm.start]
        years = range(pm.period.start.year, pm.period.end.year + 1)
        if len(after) == len(years):
            for year, d in zip(years, after, strict=True):
                d.fixed_period = year_period(year)
    # "năm 2021, 2022 lần lượt là 11,91% và 14,26%": a list of years
    years_named = [
        p for p in periods if p.role == "period" and p.period is not None and p.period.grain == "year"
    ]
    # ("Năm 2022 và 2023, tỷ lệ ... lần lượt đạt 25,4% và 38,9%": the word may come later, before
    # the figures)
    for year_run in _listed_runs(view, years_named):
        last = year_run[-1]
        listed = [d for d in drafts if d.mention.start > last.end and d.clause[0] <= last.end]
        if len(listed) >= len(year_run) and _RESPECTIVELY_RE.search(view, last.end, listed[0].mention.start):
            for year_mention, d in zip(year_run, listed, strict=False):
                d.fixed_period = year_mention.period


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_M = TypeVar("_M", bound=_Spanned)


def _listed_runs(view: str, mentions: list[_M]) -> list[list[_M]]:
    """The runs of two or more mentions that follow one another as a list ("A, B và C")."""
    runs: list[list[_M]] = []
    for m in mentions:
        if runs and _PLACE_LIST_GAP_RE.fullmatch(view, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [run for run in runs if len(run) >= 2]


_RESPECTIVELY_RE = re.compile(r"lần lượt|tương ứng")


# --- ranked lists -------------------------------------------------------------------------


_TOP_GROUP_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:nhóm|top|tốp)[ \t]+\d+[^\d.;,]*$")


def _rank_list(
    text: str, view: str, sent: Span, places: list[PlaceMention], state: ParagraphState
) -> list[Draft]:
    """Places (or ministries) ranked without a number, in a sentence about a ranking:
    "top 5 ... lần lượt là Đà Nẵng, Thừa Thiên Huế, ..." (1, 2, ...), "4 vị trí tiếp theo thuộc
    về A, B ..." (continuing the ranking), "X dẫn đầu" (1), "Đứng thứ hai là X" (2)."""
    s, e = sent.start, sent.end
    if not (cue_words.about_a_ranking(view, s, e) or state.ranking):
        return []
    state.ranking = True
    ranked: list[tuple[PlaceMention, int, tuple[int, int]]] = []
    # Provinces only: a ranking of ministries is stated as their order in a list, which the
    # sample corpus's labels do not read as ranks.
    members = [p for p in places if p.kind == "province"]
    start = cue_words.rank_list_start(view, s, e)
    if start is not None:
        pos, continues = start
        listed = _consecutive(view, [p for p in members if p.start >= pos])
        if len(listed) >= 2:
            first = state.last_rank + 1 if continues else 1
            ranked = [(p, first + i, (p.start, p.end)) for i, p in enumerate(listed)]
    if not ranked:
        for lo, hi, rank, word in cue_words.rank_leaders(view, s, e):
            if _TOP_GROUP_BEFORE_RE.search(view, max(s, lo - 40), lo):
                continue  # "nằm trong nhóm 10 địa phương dẫn đầu": one of the leaders, not the first
            before = [p for p in members if lo - 45 <= p.end <= lo and not _has_clause_break(view, p.end, lo)]
            after = [p for p in members if hi <= p.start <= hi + 12]
            chosen = after[0] if after and (rank > 1 or not before) else (before[-1] if before else None)
            if chosen is not None:
                # the rank as written: the ordinal word ("thứ hai"), else the place's name
                ranked.append((chosen, rank, word or (chosen.start, chosen.end)))
    drafts = []
    for p, rank, (a, b) in ranked:
        mention = NumberMention(a, b, text[a:b], float(rank), float(rank), unit="rank")
        mention.unit_end = b
        d = Draft(
            mention=mention,
            sentence=sent,
            clause=(s, e),
            value=float(rank),
            unit="rank",
            left=(a, a),
            right=(b, b),
            role="rank",
            span=(a, b),
        )
        d.geo = p.code or p.code_2025 or "VN"
        # a sentence that continues a ranking ("Đứng thứ hai là X") need not name the index again
        d.indicator = (
            cue_words.rank_indicator(view, s, e) if cue_words.about_a_ranking(view, s, e) else "dti_rank"
        )
        drafts.append(d)
        state.last_rank = rank
    return drafts


def _consecutive(view: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places that follow one another as a list ("A, B và C"), from the first."""
    run: list[PlaceMention] = []
    for p in places:
        if run and not _PLACE_LIST_GAP_RE.fullmatch(view, run[-1].end, p.start):
            break
        run.append(p)
    return run


# --- output ---------------------------------------------------------------------------------


def _observation_id(document_id: str, d: Draft) -> str:
    key = f"{document_id}|{d.span[0]}|{d.span[1]}|{d.role}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _finalise(document: IngestedDocument, text: str, drafts: list[Draft]) -> list[Observation]:
    ids = {id(d): _observation_id(document.document_id, d) for d in drafts}
    out = []
    seen: set[str] = set()
    for d in drafts:
        oid = ids[id(d)]
        if oid in seen:
            continue
        seen.add(oid)
        parent = ids.get(id(d.parent)) if d.parent is not None else None
        out.append(
            Observation(
                observation_id=oid,
                document_id=document.document_id,
                indicator_code=d.indicator,
                geo_code=d.geo,
                segment=d.segment,
                period_code=d.period.code if d.period else None,
                period_start=d.period.start if d.period else None,
                period_end=d.period.end if d.period else None,
                measure=d.measure,
                value=d.value,
                unit=d.unit,
                denominator=d.mention.denominator if d.role == "q" else None,
                qualifier=d.qualifier,
                is_target=d.is_target,
                component=d.component,
                parent_observation_id=parent,
                program=d.program,
                span_start=d.span[0],
                span_end=d.span[1],
                stated_text=text[d.mention.start : d.mention.unit_end],
                evidence=text[d.sentence.start : d.sentence.end],
            )
        )
    return out
