"""Numbers as Vietnamese writes them.

``.`` groups thousands and ``,`` marks decimals (``1.928.311``, ``22,4``);
scale words multiply (``86,3 triệu``, ``1,9 triệu tỷ đồng`` = 1.9e15 VND);
``X/Y`` is an achieved-over-total pair; ``89%/85%`` is achieved over target.
English-formatted numbers (``1,928,311``, ``22.4``) are read when they cannot
be Vietnamese. Vocabulary (scale words, currencies, units) lives in
``resources/numbers.yaml``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from dagster_project.extraction.lexicon import alternation, load_yaml

_VN_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VN_PLAIN = re.compile(r"\d+(?:,\d+)?")
_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_EN_DECIMAL = re.compile(r"\d+\.\d+")

# A numeric token: digits with inner separators, not glued to letters (3G, H1, C06) and not
# starting inside another run of digits.
# A number not glued to letters ("3G", "H1" are names) unless the letters are a unit ("10MW",
# "50.000đ", "20km"), and never a prefix of a longer token ("1.000m2" is not "1.00").
_NUMBER = r"(?<![^\W_])\d(?:[\d.,]*\d)?"
_TOKEN_END = r"(?!\w|[.,]\d)"


def parse_vietnamese_number(token: str) -> float | None:
    """The value of a numeric token, Vietnamese format first; None if it is not a number.

    >>> parse_vietnamese_number("1.928.311"), parse_vietnamese_number("22,4")
    (1928311.0, 22.4)
    """
    if _VN_GROUPED.fullmatch(token) or _VN_PLAIN.fullmatch(token):
        return float(token.replace(".", "").replace(",", "."))
    if _EN_GROUPED.fullmatch(token):
        return float(token.replace(",", ""))
    if _EN_DECIMAL.fullmatch(token) and len(token.split(".")[1]) != 3:
        return float(token)
    return None


@dataclass(frozen=True)
class NumberVocabulary:
    scale_re: re.Pattern[str]
    scales: dict[str, float]
    currency_re: re.Pattern[str]
    foreign_currency_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    power_re: re.Pattern[str]
    powers: dict[str, float]
    per_thousand_re: re.Pattern[str]
    score_word_re: re.Pattern[str]
    place_point_re: re.Pattern[str]
    score_context_re: re.Pattern[str]
    per_thousand_before_re: re.Pattern[str]
    unsupported_unit_re: re.Pattern[str]
    number_token_re: re.Pattern[str]


@lru_cache(maxsize=1)
def vocabulary() -> NumberVocabulary:
    data = load_yaml("numbers.yaml")
    scales = {k: float(v) for k, v in data["scale_words"].items()}
    powers = {k: float(v) for k, v in data["power_units"].items()}
    return NumberVocabulary(
        scale_re=re.compile(r"[ \t]+(" + alternation(list(scales)) + r")(?![^\W\d_])"),
        scales=scales,
        currency_re=re.compile(r"[ \t]*(" + alternation(data["vnd_words"]) + r")(?![^\W\d_])"),
        foreign_currency_re=re.compile(
            r"[ \t]*(" + alternation(data["foreign_currency_words"]) + r")(?![^\W\d_])"
        ),
        percent_re=re.compile(r"[ \t]?(%|" + alternation(data["percent_words"]) + r"(?![^\W\d_]))"),
        power_re=re.compile(r"[ \t]*(" + alternation(list(powers)) + r")(?![^\W\d_])"),
        powers=powers,
        per_thousand_re=re.compile(data["per_thousand_pattern"]),
        score_word_re=re.compile(r"[ \t]*(?:" + alternation(data["score_words"]) + r")(?![^\W\d_])"),
        place_point_re=re.compile(r"[ \t]+(?:" + alternation(data["place_point_words"]) + r")(?![^\W\d_])"),
        score_context_re=re.compile(data["score_context_pattern"]),
        per_thousand_before_re=re.compile(data["per_thousand_before_pattern"]),
        unsupported_unit_re=re.compile(
            r"[ \t]*(?:" + alternation(data["unsupported_units"]) + r")(?![^\W\d_])"
        ),
        number_token_re=re.compile(
            _NUMBER
            + r"(?:(?=(?:"
            + alternation(
                [*powers, *data["unsupported_units"], *data["vnd_words"], *data["foreign_currency_words"]]
            )
            + r")(?![^\W\d_]))|"
            + _TOKEN_END
            + ")"
        ),
    )


@dataclass
class NumberMention:
    """A number as written, with what its own tokens say about it."""

    start: int  # span of the number as written ("63/63" covers both parts)
    end: int
    token: str
    value: float  # after scale words and currency scale
    base_value: float  # the digits alone
    denominator: float | None = None
    unit: str = "count"
    unit_end: int = 0  # end of the number together with its unit words (stated_text)
    pair_role: str | None = None  # "achieved" / "target" for 89%/85%
    whole_end: int = 0  # "9.690 đài/10.599 xã": where the whole's number ends, in a pair across nouns
    skip: str | None = None  # why this is not a quantity, if it is not


# glued to a code or a file name: 490/TB-VPCP, 19/2025/QĐ-TTg, 2022530-u1.jpg
_GLUED_RE = re.compile(r"(?:/\d+)*[/-][^\W\d_][\w.-]*")
_SLASH_CHAIN_RE = re.compile(r"(?:/[\w-]+)+")
_FRACTION_RE = re.compile(r"[ \t]*/[ \t]*(\d(?:[\d.,]*\d)?)(?![^\W\d_])")


def per_thousand_phrases(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "/1.000 dân" and "trên 1.000 dân": the unit of a rate, whose 1.000 is no figure."""
    return [m.span() for m in vocabulary().per_thousand_before_re.finditer(view, start, end)]


def scan_numbers(view: str, start: int, end: int) -> list[NumberMention]:
    """Every number between ``start`` and ``end`` of the match view, with unit and scale.

    Dates, document numbers and the like are returned too (with ``skip`` set
    by the non-quantity rules later): they shape the sentence around them.
    """
    vocab = vocabulary()
    out: list[NumberMention] = []
    pos = start
    while True:
        m = vocab.number_token_re.search(view, pos, end)
        if m is None:
            break
        pos = m.end()
        token = m.group()
        base = parse_vietnamese_number(token)
        if base is None:
            out.append(NumberMention(m.start(), m.end(), token, 0.0, 0.0, skip="unparsed", unit_end=m.end()))
            continue
        mention = NumberMention(m.start(), m.end(), token, base, base, unit_end=m.end())
        tail = m.end()
        glued = _GLUED_RE.match(view, tail, end)
        if glued or (m.start() >= 2 and view[m.start() - 1] == "-" and view[m.start() - 2].isalpha()):
            # 490/TB-VPCP, 19/2025/QĐ-TTg, COVID-19: identifiers, not quantities
            mention.skip = "identifier"
            out.append(mention)
            pos = glued.end() if glued else pos
            continue
        pct = vocab.percent_re.match(view, tail, end)
        if pct:
            mention.unit = "percent"
            mention.unit_end = tail = pct.end()
        frac = _FRACTION_RE.match(view, tail, end)
        if frac:
            den = parse_vietnamese_number(frac.group(1))
            after = frac.end()
            den_pct = vocab.percent_re.match(view, after, end)
            if den is not None and mention.unit == "percent" and den_pct:
                # 89%/85%: achieved over target, two observations
                target = NumberMention(
                    frac.start(1),
                    frac.end(1),
                    frac.group(1),
                    den,
                    den,
                    unit="percent",
                    unit_end=den_pct.end(),
                )
                mention.pair_role, target.pair_role = "achieved", "target"
                out.append(mention)
                out.append(target)
                pos = den_pct.end()
                continue
            if den is not None and mention.unit == "count" and not _slash_continues(view, after, end):
                mention.denominator = den
                mention.end = mention.unit_end = frac.end()
                tail = frac.end()
                pos = tail
            else:
                # 9/10/2024, 490/TB-VPCP, 12/2021: left for the non-quantity rules
                mention.skip = "slash"
                chain = _SLASH_CHAIN_RE.match(view, frac.end(), end)
                mention.end = mention.unit_end = chain.end() if chain else frac.end()
                out.append(mention)
                pos = max(pos, mention.end)
                continue
        if mention.unit == "count":
            _apply_scale_and_unit(view, mention, tail, start, end, vocab)
            if mention.unit == "per_1000_people":
                pos = mention.unit_end  # the "1.000" of "trên 1.000 dân" is part of the unit
        out.append(mention)
    _pair_across_nouns(view, out)
    return out


# "9.690 đài truyền thanh/10.599 xã": words, then a slash glued to the last one
_NOUNS_THEN_SLASH_RE = re.compile(r"[ \t]+(?:[^\W\d_]+[ \t]+){0,5}[^\W\d_]+[ \t]*/[ \t]*")
# "22,4 thuê bao/100 dân": the base of a rate, not the whole of a pair
RATE_BASE_AFTER_RE = re.compile(r"[ \t]+(?:người[ \t]+)?(?:dân|hộ|dân số)(?![^\W\d_])")


def _pair_across_nouns(view: str, mentions: list[NumberMention]) -> None:
    """ "9.690 đài truyền thanh/10.599 xã, phường": the part counted in its own noun over the whole
    counted in another; one figure with a denominator, as "9.690/10.599" would be."""
    for part, whole in itertools.pairwise(mentions):
        if (
            part.skip is None
            and whole.skip is None
            and part.unit == whole.unit == "count"
            and part.denominator is None
            and whole.denominator is None
            and whole.value >= part.value
            and _NOUNS_THEN_SLASH_RE.fullmatch(view, part.unit_end, whole.start)
            and not RATE_BASE_AFTER_RE.match(view, whole.unit_end)
        ):
            part.denominator = whole.value
            part.whole_end = whole.unit_end
            whole.skip = "whole of a pair"


def _slash_continues(view: str, pos: int, end: int) -> bool:
    """True for a third slash part (9/10/2024) or a slash glued to letters (490/TB)."""
    return pos < end and view[pos] == "/"


def _apply_scale_and_unit(
    view: str, mention: NumberMention, tail: int, start: int, end: int, vocab: NumberVocabulary
) -> None:
    value = mention.base_value
    while True:  # stacked scale words: "1,9 triệu tỷ"
        sm = vocab.scale_re.match(view, tail, end)
        if not sm:
            break
        value *= vocab.scales[sm.group(1)]
        tail = sm.end()
        mention.unit_end = tail
    cm = vocab.currency_re.match(view, tail, end)
    if cm:
        mention.unit = "vnd"
        mention.unit_end = cm.end()
    elif vocab.foreign_currency_re.match(view, tail, end):
        mention.unit = "foreign_currency"
        mention.skip = "foreign currency"
    elif vocab.unsupported_unit_re.match(view, tail, end):
        mention.skip = "a unit the warehouse does not hold"  # "13 ha", "50 km", "10.000 m2"
    else:
        pm = vocab.power_re.match(view, tail, end)
        if pm:
            mention.unit = "mw"
            value *= vocab.powers[pm.group(1)]
            mention.unit_end = pm.end()
    if mention.unit == "count":
        per = vocab.per_thousand_re.match(view, mention.unit_end, end)
        if per:
            mention.unit = "per_1000_people"
            mention.unit_end = per.end()
        elif value == mention.base_value and _is_score(view, mention, start, vocab):
            mention.unit = "score"
    mention.value = value
    if mention.denominator is not None and value != mention.base_value:
        mention.denominator *= value / mention.base_value


def _is_score(view: str, mention: NumberMention, sentence_start: int, vocab: NumberVocabulary) -> bool:
    """ "0,6077 điểm", "giá trị DTI đạt 0,8241", "chỉ số ... tăng 73 điểm": an index score, not a count."""
    decimal = "," in mention.token or ("." in mention.token and len(mention.token.split(".")[-1]) != 3)
    word = vocab.score_word_re.match(view, mention.unit_end)
    if word and vocab.place_point_re.match(view, word.end()):
        return False  # "82 điểm Bưu điện văn hóa xã": places
    if word and decimal:
        mention.unit_end = word.end()
        return True
    if word:
        # "điểm" after a whole number is a score where the sentence speaks of an index
        context = vocab.score_context_re.search(view, sentence_start, mention.start)
    else:
        # a bare decimal right after the index's name
        context = vocab.score_context_re.search(view, max(sentence_start, mention.start - 60), mention.start)
        context = context if context and context.end() == mention.start else None
    if context and (word or (decimal and mention.base_value < 10)):
        if word:
            mention.unit_end = word.end()
        return True
    # "Chính quyền số đạt 0,7582", "Thừa Thiên Huế (0,7951)": a fraction to three or four places
    # where the text has just spoken of an index is that index's value
    if decimal and mention.base_value < 1 and len(re.split(r"[.,]", mention.token)[-1]) >= 3:
        if vocab.per_thousand_before_re.search(view, sentence_start, mention.start):
            return False  # "doanh nghiệp công nghệ số/1.000 dân đạt 0,677" is a rate
        lookback = max(0, mention.start - _INDEX_LOOKBACK_CHARS)
        return vocab.score_context_re.search(view, lookback, mention.start) is not None
    return False


_INDEX_LOOKBACK_CHARS = 400
