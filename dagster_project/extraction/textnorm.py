"""Text views and segmentation that keep character offsets intact.

Every matcher works on a *match view* of the document: lower-cased, with the
old and new Vietnamese tone-mark placements folded into one (``hoà`` and
``hòa`` both become ``hòa``). The view has exactly the same length as the
normalised document, so an offset found in the view is an offset in the text
the contract's spans refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Word-final "oa", "oe", "uy" carry the tone on either vowel depending on the
# writer's convention (Hoà / Hòa, Thuỷ / Thủy). Fold to tone-on-first-vowel.
_TONES = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}
_FOLD: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _toned in enumerate(_TONES[_second]):
        _FOLD[_first + _toned] = _FIRST[_first][_i] + _second
# "qu" is a consonant: the tone of "quý" is on the y in every convention.
_FOLD_RE = re.compile(r"(?<!q)(" + "|".join(_FOLD) + r")(?![^\W\d_])")


# Some texts write the letter Đ with the Icelandic Ð (U+00D0), which looks the same ("Ðến nay").
_LOOKALIKES = str.maketrans({"ð": "đ"})


def match_view(text: str) -> str:
    """Lower-case ``text`` and fold tone placement and look-alike letters, preserving length."""
    low = text.lower()
    if len(low) != len(text):  # a few exotic letters change length when lowered
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if "ð" in low:
        low = low.translate(_LOOKALIKES)
    if "o" in low or "u" in low:
        low = _FOLD_RE.sub(lambda m: _FOLD[m.group(1)], low)
    if "tp." in low or "tx." in low:
        low = _TOWN_DOT_RE.sub(" ", low)
    return low


# "kinh tế số của TP. Đà Nẵng đóng góp 17% GRDP": the dot of "TP."/"TX." ends no clause, so the
# view reads it as a space (patterns' "[^.;]" gaps run across it; sentences are cut on the text)
_TOWN_DOT_RE = re.compile(r"(?<=(?<![^\W\d_])t[px])\.(?=[ \t]*[^\W\d_])")


def fold_phrase(phrase: str) -> str:
    """The match-view form of a lexicon phrase."""
    return match_view(phrase.strip())


# A number not glued to letters (3G and H1 keep their digits).
_NUMBER_RE = re.compile(r"(?<![^\W\d_])\d(?:[\d.,/]*\d)?(?![^\W\d_])")


_ZEROS = str.maketrans("123456789", "000000000")


def mask_numbers(s: str) -> str:
    """``s`` with every number's digits replaced by 0, same length: the shape of a sentence."""
    return _NUMBER_RE.sub(lambda m: m.group().translate(_ZEROS), s)


_last_shape: tuple[str, int, int, str] = ("", 0, 0, "")


def sentence_shape(view: str, start: int, end: int) -> str:
    """``mask_numbers(view[start:end])``, remembered for the last stretch asked: the memoised
    recognisers of one sentence (places, indicators, segments) all ask for the same shape."""
    global _last_shape
    last_view, last_start, last_end, shape = _last_shape
    if view is last_view and start == last_start and end == last_end:
        return shape
    chunk = view[start:end]
    shape = mask_numbers(chunk) if _HAS_DIGIT_RE.search(chunk) else chunk
    _last_shape = (view, start, end, shape)
    return shape


_HAS_DIGIT_RE = re.compile(r"\d")


class ShapeMemo:
    """Memoise a recogniser that reads only words, keyed by the sentence's shape.

    Reports repeat their sentences with other numbers ("Toàn tỉnh có N tổ công nghệ
    số cộng đồng"); recognisers of places, segments and indicator phrasings give the
    same answer for every such sentence, so each shape is analysed once. ``find``
    runs on the masked sentence and returns items with ``shifted(offset)``.
    """

    def __init__(self, find: Callable[[str, int, int], list[Any]], maxsize: int = 100_000) -> None:
        self._find = find
        self._cache: dict[str, list[Any]] = {}
        self._maxsize = maxsize

    def __call__(self, view: str, start: int, end: int) -> list[Any]:
        shape = sentence_shape(view, start, end)
        found = self._cache.get(shape)
        if found is None:
            if len(self._cache) >= self._maxsize:
                self._cache.clear()
            found = self._find(shape, 0, len(shape))
            self._cache[shape] = found
        return [item.shifted(start) for item in found] if start else list(found)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


_PARAGRAPH_RE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? … followed by space and an upper-case letter, a
# quote or an opening bracket, or at the end of the paragraph. A dot between
# digits (1.928.311) or after a short abbreviation (TP. Hồ Chí Minh) does not end one.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(\[]?(\w))")
_ABBREVIATIONS = ("tp.", "tt.", "q.", "p.", "ths.", "ts.", "pgs.", "gs.", "ks.", "bs.", "th.s", "st.")


def paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)]


def sentences(text: str, para: Span) -> list[Span]:
    """Sentence spans inside one paragraph (offsets into ``text``)."""
    out: list[Span] = []
    start = para.start
    chunk = text[para.start : para.end]
    for m in _SENTENCE_END_RE.finditer(chunk):
        first = m.group(1)
        if not (first.isupper() or first.isdigit()):
            continue
        end = para.start + m.start()
        tail = text[max(start, end - 5) : end].lower()
        if tail.endswith(_ABBREVIATIONS) and not tail.endswith(("...",)):
            continue
        if end > start:
            out.append(_trim(text, start, end))
        start = para.start + m.end()
    if start < para.end:
        out.append(_trim(text, start, para.end))
    return [s for s in out if s.end > s.start]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
