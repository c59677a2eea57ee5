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
from dagster_project.extraction.numbers import NumberMention


@dataclass(frozen=True)
class NonQuantityRules:
    document_number: re.Pattern[str]
    ordinal: re.Pattern[str]
    rank: re.Pattern[str]
    shape: re.Pattern[str]
    top_n: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> NonQuantityRules:
    data = load_yaml("non_quantities.yaml")
    edge = r"(?<![^\W\d_])"
    return NonQuantityRules(
        document_number=re.compile(
            edge + r"(?:" + alternation(data["document_types"]) + r")(?:[ \t]+số)?[ \t:]*$"
        ),
        ordinal=re.compile(edge + r"(?:" + alternation(data["ordinal_cues"]) + r")[ \t:]*$"),
        rank=re.compile(edge + r"(?:" + alternation(data["rank_cues"]) + r")[ \t]*$"),
        shape=re.compile(r"[ \t]*(?:" + alternation(data["shape_nouns"]) + r")(?![^\W\d_])"),
        top_n=re.compile(
            r"[ \t]+(?:[^\W\d_]+[ \t]+){1,3}?(?:" + alternation(data["top_n_words"]) + r")(?![^\W\d_])"
        ),
    )


_TIME_AFTER = re.compile(r"[:h]\d{2}(?!\d)")
_LETTER_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")
_FUNCTION_WORD_AFTER = re.compile(
    r"[ \t]+(?:và|hoặc|của|tại|là|với|trong|từ|đến|năm|nhằm|để|cho|khi|thì|nhưng|vừa|đã|sẽ)(?![^\W\d_])"
)
_EN_DECIMAL = re.compile(r"\d+\.\d{1,2}")
# "22,4 thuê bao/100 dân", "máy tính/100 hộ": the base of a rate, part of its unit
_RATE_BASE_BEFORE = re.compile(r"[^\W\d_][ \t]*/[ \t]*$")
_RATE_BASE_AFTER = re.compile(r"[ \t]+(?:người[ \t]+)?(?:dân|hộ|dân số)(?![^\W\d_])")


# "thứ 7 cả nước", "thứ 9/13 tỉnh": an ordinal followed by the field it is counted in is a rank
_THU_BEFORE = re.compile(r"(?<![^\W\d_])thứ[ \t]*$")
# "vị trí thứ 15 trong 63 tỉnh, thành": the 63 says among how many, like the 63 of "15/63"
_RANK_FIELD_BEFORE = re.compile(
    r"(?:thứ|hạng|vị trí)[ \t]+\d+[ \t]+(?:trong|trên)[ \t]+(?:số[ \t]+|tổng số[ \t]+)?$"
)
_RANK_VERB_BEFORE = re.compile(r"(?<![^\W\d_])(?:xếp hạng|xếp|đứng)(?![^\W\d_])[^.;,\d]*$")
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
    )


def why_not_a_quantity(view: str, mention: NumberMention, sentence_start: int) -> str | None:
    """The reason ``mention`` is not a reported quantity, or None if it is one."""
    if mention.skip:
        return mention.skip
    r = rules()
    start, tail = mention.start, mention.unit_end
    before = view[max(sentence_start, start - 32) : start]
    if r.document_number.search(before):
        return "document number"
    if r.ordinal.search(before) and not r.rank.search(before) and not is_rank_cue(view, mention):
        return "ordinal"
    if _TIME_AFTER.match(view, mention.end) or (start >= 3 and re.match(r"\d[:h]", view[start - 2 : start])):
        return "time"
    if mention.denominator is not None:
        return _fraction_or_date(view, mention, before)
    if mention.unit == "count":
        if _RATE_BASE_BEFORE.search(view, max(0, start - 12), start) and _RATE_BASE_AFTER.match(view, tail):
            return "base of a rate"
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
        if r.shape.match(view, tail):
            return "shape of the text"
        if r.top_n.match(view, tail):
            return "top-n"
        if _is_enumeration(view, mention, sentence_start):
            return "enumeration"
    return None


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
    return (at_line_start and after[:1] in (".", ")")) or (
        view[mention.start - 1 : mention.start] == "(" and after[:1] == ")"
    )
