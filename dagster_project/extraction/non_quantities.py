"""Numbers that are not quantities: dates, times, document numbers, ordinals,
technology names, years, definitions and the shape of the text.

Each rule returns a short reason; ``None`` means the number is a quantity.
The vocabulary is in ``resources/non_quantities.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dagster_project.extraction.lexicon import alternation, load_yaml
from dagster_project.extraction.numbers import RATE_BASE_AFTER_RE, NumberMention


@dataclass(frozen=True)
class NonQuantityRules:
    document_number: re.Pattern[str]
    ordinal: re.Pattern[str]
    ordinal_list: re.Pattern[str]
    rank: re.Pattern[str]
    shape: re.Pattern[str]
    top_n: re.Pattern[str]
    top_n_by_measure: re.Pattern[str]
    field_then_superlative: re.Pattern[str]
    framework_part: re.Pattern[str]
    framework_verb: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> NonQuantityRules:
    data = load_yaml("non_quantities.yaml")
    edge = r"(?<![^\W\d_])"
    return NonQuantityRules(
        document_number=re.compile(
            edge + r"(?:" + alternation(data["document_types"]) + r")(?:[ \t]+số)?[ \t:]*$"
        ),
        # ("hạ tầng: 70%" is infrastructure's figure, not "tầng 5", a floor)
        ordinal=re.compile(edge + r"(?<!hạ )(?:" + alternation(data["ordinal_cues"]) + r")[ \t:]*$"),
        # the next item of a list the cue opened: the "4" of "mức độ 3 và 4"
        ordinal_list=re.compile(
            edge
            + r"(?:"
            + alternation(data["ordinal_cues"])
            + r")[ \t:]*\d+(?:[ \t]*(?:,|và|hoặc|-)[ \t]*\d+)*[ \t]*(?:,|và|hoặc)[ \t]*$"
        ),
        rank=re.compile(edge + r"(?:" + alternation(data["rank_cues"]) + r")[ \t]*$"),
        shape=re.compile(r"[ \t]*(?:" + alternation(data["shape_nouns"]) + r")(?![^\W\d_])"),
        top_n=re.compile(
            r"[ \t]+(?:[^\W\d_]+[ \t]+){1,3}?(?:" + alternation(data["top_n_words"]) + r")(?![^\W\d_])"
        ),
        top_n_by_measure=re.compile(
            r"[ \t]+(?:[^\W\d_]+[ \t]+){1,2}?có[ \t]+(?:[^\W\d_]+[ \t]+){1,8}?(?:"
            + alternation(data["superlatives"])
            + r")(?![^\W\d_])"
        ),
        # "trong số 34 tỉnh, thành phố sau sáp nhập, TP Hà Nội dẫn đầu": the set a ranking is taken in
        field_then_superlative=re.compile(
            r"[^.;\d]*(?:" + alternation([*data["superlatives"], *data["top_n_words"]]) + r")(?![^\W\d_])"
        ),
        framework_part=re.compile(r"[ \t]*(?:" + alternation(data["framework_parts"]) + r")(?![^\W\d_])"),
        # "gồm 9 ...", and "với 98 ..." after it in the same clause
        framework_verb=re.compile(
            edge
            + r"(?:"
            + alternation(data["framework_verbs"])
            + r")[ \t]+(?:[^.;:\d]*\d[^.;:\d]*với[ \t]+)?$"
        ),
    )


_TIME_AFTER = re.compile(r"[:h]\d{2}(?!\d)")
_LETTER_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")
_FUNCTION_WORD_AFTER = re.compile(
    r"[ \t]+(?:và|hoặc|của|tại|là|với|trong|từ|đến|tới|năm|nhằm|để|cho|khi|thì|nhưng|vừa|đã|sẽ|này|hằng)"
    r"(?![^\W\d_])"
)
_EN_DECIMAL = re.compile(r"\d+\.\d{1,2}")
# "22,4 thuê bao/100 dân", "máy tính/100 hộ": the base of a rate, part of its unit
_RATE_BASE_BEFORE = re.compile(r"[^\W\d_][ \t]*/[ \t]*$")


# "thứ 7 cả nước", "thứ 9/13 tỉnh": an ordinal followed by the field it is counted in is a rank
_THU_BEFORE = re.compile(r"(?<![^\W\d_])thứ[ \t]*$")
# "vị trí thứ 15 trong 63 tỉnh, thành": the 63 says among how many, like the 63 of "15/63"
# and so does "cao nhất trong 63 tỉnh, thành"
_RANK_FIELD_BEFORE = re.compile(
    r"(?:(?:thứ|hạng|vị trí)[ \t]+\d+|(?<![^\W\d_])nhất)[ \t]+(?:trong|trên)[ \t]+"
    r"(?:số[ \t]+|tổng số[ \t]+)?$"
)
# "là 1 trong 3 khâu đột phá", "01 trong số 9 địa phương": "one of", not a count of one; the
# 3 and the 9 say what the one belongs to ("một trong 7 ngành của kinh tế số lõi")
_ONE_OF_AFTER = re.compile(r"[ \t]+trong[ \t]+(?:số[ \t]+)?(?:\d|các[ \t]|những[ \t])")
# (a set of places is a figure of its own: "một trong 6 địa phương được biểu dương")
ONE_OF_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:một|1|01)[ \t]+trong[ \t]+(?:số[ \t]+)?$")
_PLACES_AFTER = re.compile(r"[ \t]+(?:địa phương|tỉnh|thành phố|đơn vị|bộ|huyện|xã)(?![^\W\d_])")
_AMONG_BEFORE = re.compile(r"(?<![^\W\d_])trong số[ \t]+$")
# "vị trí thứ 6 trong bảng xếp hạng 63 tỉnh, thành phố"
_RANKING_TABLE_BEFORE = re.compile(r"(?<![^\W\d_])bảng xếp hạng[ \t]+(?:của[ \t]+)?$")
# "2 địa phương này", "3 nhiệm vụ nói trên": a count already stated, pointed back to
_POINTS_BACK_AFTER = re.compile(
    r"[ \t]+(?:[^\W\d_]+[ \t]+){1,2}?(?:này|nói trên|kể trên|trên đây)(?![^\W\d_])"
)
_RANK_VERB_BEFORE = re.compile(r"(?<![^\W\d_])(?:xếp hạng|xếp|đứng)(?![^\W\d_])[^.;,\d]*$")
# "xếp thứ 2 năm 2021, thứ 4 năm 2022, thứ 3 năm 2023": ranks listed one after another
_RANK_LIST_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:xếp hạng|xếp|đứng)[ \t]+thứ[ \t]+\d+[^.;]*"
    r"(?:,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)thứ[ \t]*$"
)
_LEADS_BEFORE = re.compile(r"(?<![^\W\d_])(?:dẫn đầu|đứng đầu|vượt)[ \t]+(?:cả[ \t]+)?$")
# an item of a list that names nothing after it: punctuation, the end, or a verb or link word
_BARE_ITEM_AFTER = re.compile(r"[ \t]*(?:[,.;:()]|$|(?:đạt|và|hoặc|là|được|với|trên|của|tại|có)(?![^\W\d_]))")
_SERVICE_LEVELS = ("mức độ", "cấp độ")
_TOP_SERVICE_LEVEL = 4
_LEVEL_BEFORE = re.compile(r"(?<![^\W\d_])(?:mức|level)[ \t]*$")
_DAY_BEFORE = re.compile(r"(?<![^\W\d_])ngày[ \t]*$")
_MONTH_AFTER = re.compile(r"[ \t]+tháng[ \t]+\d")
_MONTH_RANGE_BEFORE = re.compile(
    r"(?<![^\W\d_])tháng[ \t]+\d{1,2}[ \t]*(?:-|–|đến|tới)[ \t]*(?:tháng[ \t]+)?$"
)
_RANGE_TO_RE = re.compile(r"[ \t]*[-–][ \t]*\d+")
# "thứ 2 năm 2021": the noun starts a date, the number before it stands alone
_DATE_PHRASE_AFTER = re.compile(r"[ \t]*(?:năm|tháng|ngày)[ \t]+\d")
_RANK_FIELD_AFTER = re.compile(
    r"[ \t]*(?:/[ \t]*\d|(?:trên[ \t]+|trong[ \t]+)?(?:cả nước|toàn quốc)(?![^\W\d_])"
    r"|(?:trên|trong|trong số)[ \t]+\d+[ \t]+(?:tỉnh|địa phương|bộ))"
)


def is_rank_cue(view: str, mention: NumberMention) -> bool:
    if rules().rank.search(view, max(0, mention.start - 24), mention.start):
        return True
    if not _THU_BEFORE.search(view, max(0, mention.start - 6), mention.start):
        return False
    # "thứ 7 cả nước", "thứ 9/13", "xếp hạng lần lượt là thứ 6 và 12"
    return bool(
        mention.denominator is not None
        or _RANK_FIELD_AFTER.match(view, mention.end)
        or _RANK_VERB_BEFORE.search(view, max(0, mention.start - 40), mention.start)
        or _RANK_LIST_BEFORE.search(view, max(0, mention.start - 90), mention.start)
    )


_BEFORE_CHARS = 40  # the words before a number that its cues are read from


def why_not_a_quantity(view: str, mention: NumberMention, sentence_start: int) -> str | None:
    """The reason ``mention`` is not a reported quantity, or None if it is one."""
    if mention.skip:
        return mention.skip
    r = rules()
    start, tail = mention.start, mention.unit_end
    before = view[max(sentence_start, start - _BEFORE_CHARS) : start]
    if r.document_number.search(before):
        return "document number"
    if r.ordinal.search(before) and not r.rank.search(before) and not is_rank_cue(view, mention):
        return "ordinal"
    listed = r.ordinal_list.search(before)
    if listed and not listed.group().startswith(("thứ", "lần thứ")) and _BARE_ITEM_AFTER.match(view, tail):
        return "ordinal"  # "dịch vụ công mức độ 3 và 4 đạt", "giai đoạn 1, 2" (not "... và 725 dịch vụ")
    if listed and listed.group().startswith(_SERVICE_LEVELS) and mention.base_value <= _TOP_SERVICE_LEVEL:
        return "ordinal"  # "dịch vụ công trực tuyến mức độ 3, 4 phổ biến": levels go up to 4
    if _MONTH_RANGE_BEFORE.search(before):
        return "month"  # "từ tháng 2 đến 12"
    if mention.base_value <= 31 and _DAY_BEFORE.search(before) and _MONTH_AFTER.match(view, mention.end):
        return "date"  # "lấy ngày 10 tháng 10 hằng năm" (but "mỗi ngày 2.500 hồ sơ" counts)
    if start >= 2 and view[start - 1] == "+" and view[start - 2].isalpha():
        return "identifier"  # "GMT+7"
    if _TIME_AFTER.match(view, mention.end) or (start >= 3 and re.match(r"\d[:h]", view[start - 2 : start])):
        return "time"
    if mention.denominator is not None:
        return _fraction_or_date(view, mention, before)
    after_a_slash = _RATE_BASE_BEFORE.search(view, max(0, start - 12), start) is not None
    if mention.base_value == 1 and after_a_slash:
        return "base of a rate"  # "6.343 người/1 điểm phục vụ", "1,6 km/1 điểm"
    if mention.unit == "count":
        if after_a_slash and RATE_BASE_AFTER_RE.match(view, tail):
            return "base of a rate"  # "22,4 thuê bao/100 dân"
        if _RANK_FIELD_BEFORE.search(view, max(0, start - 40), start):
            return "size of a ranking's field"
        token = mention.token
        if (
            token.isdigit()
            and len(token) == 4
            and 1945 <= int(token) <= 2100
            and mention.value == mention.base_value
        ):
            return "year"
        if _EN_DECIMAL.fullmatch(token) and mention.value == mention.base_value:
            return "ambiguous decimal"  # "4.0", "2.5" without a unit: a version or an English decimal
        if token.startswith("0") and len(token) >= 8:
            return "phone or code"
        if _in_a_phone_number(view, start):
            return "phone or code"  # "024 3823 4567", "(0236) 3822 123"
        if r.shape.match(view, tail) and not _DATE_PHRASE_AFTER.match(view, tail):
            return "shape of the text"
        upper = _RANGE_TO_RE.match(view, tail)
        if upper and r.shape.match(view, upper.end()):
            return "shape of the text"  # "gấp 4-5 lần": the lower end of a range of times
        if r.framework_part.match(view, tail) and r.framework_verb.search(before):
            return "design of an index"
        if mention.base_value <= 5 and _LEVEL_BEFORE.search(view, max(0, start - 8), start):
            return "level"  # "định danh điện tử mức 2"
        if mention.base_value == 1 and _ONE_OF_AFTER.match(view, tail):
            return "one of"
        if ONE_OF_BEFORE_RE.search(view, max(0, start - 16), start) and not _PLACES_AFTER.match(view, tail):
            return "the set of a one-of"
        if _RANKING_TABLE_BEFORE.search(view, max(0, start - 24), start):
            return "size of a ranking's field"
        if _LEADS_BEFORE.search(view, max(0, start - 16), start) and _PLACES_AFTER.match(view, tail):
            return "size of a ranking's field"  # "dẫn đầu 63 tỉnh, thành phố"
        among = _AMONG_BEFORE.search(view, max(0, start - 10), start)
        if among and r.field_then_superlative.match(view, tail):
            return "the set a ranking is taken in"
        if r.top_n_by_measure.match(view, tail):
            return "top-n"
        if _POINTS_BACK_AFTER.match(view, tail):
            return "points back to a stated count"
        if r.top_n.match(view, tail):
            return "top-n"
        if _is_enumeration(view, mention, sentence_start):
            return "enumeration"
    return None


# a landline written in groups: an area code with its leading zero, then two groups of digits
_PHONE_RE = re.compile(r"(?<![\d.,])\(?0\d{1,3}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?![\d.,]?\d)")


def _in_a_phone_number(view: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in _PHONE_RE.finditer(view, max(0, pos - 14), pos + 16))


def _fraction_or_date(view: str, mention: NumberMention, before: str) -> str | None:
    """ "63/63 địa phương" is a quantity; "10/10", "8/8" and "12/2021" are dates."""
    num, den = mention.base_value, mention.denominator or 0
    if 1900 <= den <= 2100 and 1 <= num <= 12:
        return "month and year"
    looks_like_day = 1 <= num <= 31 and 1 <= den <= 12 and float(num).is_integer() and float(den).is_integer()
    if not looks_like_day:
        return None
    if re.search(r"(?:ngày|sáng|chiều|tối|trưa|hôm|từ|đến|hạn|mùng|mồng)[ \t]*$", before):
        return "date"
    # A day-month with no counted noun after it ("(10/10)", "Quốc khánh 2/9 và ...") is a date;
    # "10/10 nhiệm vụ" is a count.
    after = _LETTER_WORD_AFTER.match(view, mention.end)
    if not after or _FUNCTION_WORD_AFTER.match(view, mention.end):
        return "date"
    return None


def _is_enumeration(view: str, mention: NumberMention, sentence_start: int) -> bool:
    """ "1. Tăng cường ..." or "(2)" list markers."""
    after = view[mention.end : mention.end + 2]
    line_start = view.rfind("\n", 0, mention.start) + 1
    at_line_start = not view[line_start : mention.start].strip(" \t(")
    # "(2)" is a list marker, "[1]" a footnote
    opener = view[mention.start - 1 : mention.start]
    return (at_line_start and after[:1] in (".", ")")) or ((opener, after[:1]) in (("(", ")"), ("[", "]")))
