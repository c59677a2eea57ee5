"""Places: the 63 provinces (to mid-2025), the 34 units after, the nation, segments.

Names come from the shared reference (``dbt/seeds/provinces_63.csv`` and
``provinces_34.csv``: names and aliases) plus ``resources/geography.yaml``.
Matching is word by word on the match view, so ``TP. Hồ Chí Minh``,
``TP Hồ Chí Minh`` and ``Hoà Bình``/``Hòa Bình`` all resolve.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from dagster_project.extraction.lexicon import RESOURCES, alternation, load_csv, load_yaml, seed_path
from dagster_project.extraction.textnorm import ShapeMemo, fold_phrase, mask_numbers

ARRANGEMENT_2025 = date(2025, 7, 1)
WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    kind: str  # "province", "district", "national", "body" (a ministry), "self", or a segment name
    code: str | None  # GSO code (old) for provinces; new code in ``code_2025``
    code_2025: str | None = None

    def shifted(self, offset: int) -> PlaceMention:
        return PlaceMention(self.start + offset, self.end + offset, self.kind, self.code, self.code_2025)


def ascii_fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def words_key(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the words the scanner sees (numbers masked, as in a sentence's shape)."""
    return tuple(WORD_RE.findall(mask_numbers(fold_phrase(phrase))))


@dataclass(frozen=True)
class Gazetteer:
    table: PhraseTable  # words -> (kind, code, code_2025)
    ascii_names: dict[str, str]  # "hatinh" -> "42" for publisher domains
    successors: dict[str, str]  # old GSO code -> code of the 2025 unit it became part of


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = load_yaml("geography.yaml")
    old = load_csv(seed_path("provinces_63.csv"))
    new = load_csv(seed_path("provinces_34.csv"))
    new_by_name = {words_key(r["name_vi"]): r["code"] for r in new}
    phrases: dict[tuple[str, ...], tuple[str, str | None, str | None]] = {}
    ascii_names: dict[str, str] = {}
    successors = {r["gso_code"]: r["successor_code"] for r in old}
    for r in old:
        code = r["gso_code"]
        # A pre-2025 name keeps its own code; after 2025 the same name means the new unit.
        forms = [r["name_vi"], *[a for a in r["aliases"].split(";") if a.strip()]]
        for form in forms:
            key = words_key(form)
            if key:
                phrases.setdefault(
                    key, ("province", code, new_by_name.get(words_key(r["name_vi"]), r["successor_code"]))
                )
        ascii_names[re.sub(r"[^a-z]", "", r["name_ascii"].lower())] = code
    for r in new:
        for form in [a for a in r["aliases"].split(";") if a.strip()]:
            key = words_key(form)
            if key and key not in phrases:
                phrases[key] = ("province", None, r["code"])
    for code, forms in data["extra_aliases"].items():
        for form in forms:
            phrases.setdefault(words_key(form), ("province", code, None))
    for form in data["national_markers"]:
        phrases.setdefault(words_key(form), ("national", "VN", "VN"))
    for form in data["national_bodies"]:
        phrases.setdefault(words_key(form), ("body", "VN", "VN"))
    for form in data["self_markers"]:
        phrases.setdefault(words_key(form), ("self", None, None))
    # Districts place a text that names only them ("huyện Định Hoá", "xã Sơn Kỳ (Sơn Hà)"). Urban
    # districts share their names with streets and people ("đường Cầu Giấy", "Ngô Quyền"), so
    # those count only after their unit word.
    for r in load_csv(RESOURCES / "districts_63.csv"):
        code = r["province_gso_code"]
        for unit_word in data["district_unit_words"]:
            phrases.setdefault(
                words_key(f"{unit_word} {r['name_vi']}"), ("district", code, successors.get(code))
            )
        if (
            r["unit_type"] in data["district_types_named_alone"]
            and r["name_vi"] not in data["district_names_only_with_unit_word"]
        ):
            phrases.setdefault(words_key(r["name_vi"]), ("district", code, successors.get(code)))
    return Gazetteer(PhraseTable(phrases), ascii_names, successors)


@lru_cache(maxsize=1)
def segment_lexicon() -> PhraseTable:
    data = load_yaml("geography.yaml")
    table = {words_key(p): seg for seg, forms in data["segments"].items() for p in forms}
    table.update({words_key(p): "ministry" for p in data["national_bodies"]})
    # read as whole words so that their first word is no segment ("xã hội", "bộ phận")
    table.update({words_key(p): _NOT_A_SEGMENT for p in data["segment_false_friends"]})
    return PhraseTable(table)


_NOT_A_SEGMENT = ""


class PhraseTable:
    """Phrases matched word by word, longest first, with a first-word index for speed."""

    def __init__(self, phrases: dict[tuple[str, ...], Any]) -> None:
        self.phrases = phrases
        lengths: dict[str, set[int]] = {}
        for key in phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self._sizes = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    def scan(self, view: str, start: int, end: int) -> Iterator[tuple[int, int, Any]]:
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(view, start, end)]
        i, n = 0, len(words)
        while i < n:
            step = 1
            for size in self._sizes.get(words[i][2], ()):
                if i + size <= n and not self._broken(view, words, i, size):
                    hit = self.phrases.get(tuple(w[2] for w in words[i : i + size]))
                    if hit is not None:
                        yield words[i][0], words[i + size - 1][1], hit
                        step = size
                        break
            i += step

    @staticmethod
    def _broken(view: str, words: list[tuple[int, int, str]], i: int, size: int) -> bool:
        """A phrase does not run across brackets or a semicolon: "xã Sơn Kỳ (Sơn Hà)" names no
        "Kỳ Sơn" (commas, hyphens and the dot of "TP." may stand between its words: "bộ, ngành")."""
        return any(
            _PHRASE_BREAK_RE.search(view, words[k][1], words[k + 1][0]) for k in range(i, i + size - 1)
        )


_PHRASE_BREAK_RE = re.compile(r"[()\[\];\n]")


def _find_places(view: str, start: int, end: int) -> list[PlaceMention]:
    gaz = gazetteer()
    out = []
    for s, e, (kind, code, code_2025) in gaz.table.scan(view, start, end):
        if kind == "district" and _after_a_family_name(view, s):
            continue  # "ông Trịnh Xuân Trường": a person
        out.append(PlaceMention(s, e, kind, code, code_2025))
    return out


def _after_a_family_name(view: str, start: int) -> bool:
    words = view[max(0, start - 12) : start].split()
    return bool(words) and words[-1] in _family_names()


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(load_yaml("geography.yaml")["family_names"])


def _find_segments(view: str, start: int, end: int) -> list[PlaceMention]:
    explicit = explicit_segments()
    return [
        PlaceMention(s, e, seg, "explicit" if tuple(WORD_RE.findall(view[s:e])) in explicit else None)
        for s, e, seg in segment_lexicon().scan(view, start, end)
        if seg != _NOT_A_SEGMENT and not _LEVEL_ACROSS_A_COMMA_RE.match(view, s, e)
    ]


# "chính quyền 2 cấp, tỉnh Lâm Đồng": a level is written in one piece ("cấp tỉnh")
_LEVEL_ACROSS_A_COMMA_RE = re.compile(r"cấp[ 	]*,")


@lru_cache(maxsize=1)
def explicit_segments() -> frozenset[tuple[str, ...]]:
    return frozenset(words_key(p) for p in load_yaml("geography.yaml")["explicit_segments"])


_find_places_by_shape = ShapeMemo(_find_places)
_DIGITS_RE = re.compile(r"\d+")


def find_places(view: str, start: int, end: int) -> list[PlaceMention]:
    """Places named between ``start`` and ``end`` of the match view, in order."""
    found = _find_places_by_shape(view, start, end)
    # The memo reads sentences with their numbers masked, so "15 tỉnh, thành phố" has the shape of
    # the national "63 tỉnh, thành phố": a marker with a number holds only with the number it names.
    return [p for p in found if p.kind != "national" or _numbers_agree(view[p.start : p.end])]


def _numbers_agree(stated: str) -> bool:
    return all(n in _national_numbers() for n in _DIGITS_RE.findall(stated))


@lru_cache(maxsize=1)
def _national_numbers() -> frozenset[str]:
    return frozenset(
        n for form in load_yaml("geography.yaml")["national_markers"] for n in _DIGITS_RE.findall(form)
    )


@lru_cache(maxsize=1)
def _rank_field_re() -> re.Pattern[str]:
    """ "xếp hạng 25/63 tỉnh, thành phố cả nước", "đứng thứ hai toàn quốc": the field of a ranking
    (the ordinal words are those of cues.yaml)."""
    ordinals = alternation(list(load_yaml("cues.yaml")["ordinal_words"]))
    return re.compile(r"(?:\d/\d+|(?:thứ|hạng|top|tốp)[ \t]+(?:\d+|" + ordinals + r"))[^\d.;]{0,28}$")


find_segments = ShapeMemo(_find_segments)


def comparison_scope(view: str, mention: PlaceMention) -> bool:
    """True when a national marker only names a comparison's scope ("cao nhất cả nước")
    or the field of a ranking ("xếp thứ 12/63 tỉnh, thành phố")."""
    if view[max(0, mention.start - 1) : mention.start] == "/":
        return True
    if _rank_field_re().search(view, max(0, mention.start - 40), mention.start):
        return True
    if _FIELD_OF_PLACES_RE.search(view, max(0, mention.start - 40), mention.start):
        return True
    before = view[max(0, mention.start - 12) : mention.start].split()
    return bool(before) and before[-1].strip(",;:") in load_yaml("geography.yaml")["comparison_words"]


# "dẫn đầu 63 tỉnh, thành phố cả nước", "thứ 13 trong 63 tỉnh, thành phố trên cả nước": the nation
# as the field the provinces are counted in; "cao hơn mức trung bình cả nước": the yardstick
_FIELD_OF_PLACES_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:tỉnh|thành phố|tỉnh thành|địa phương|quốc gia)"
    r"(?:[ \t]+(?:đầu tiên|dẫn đầu|duy nhất))?[ \t,]*(?:trên|trong|của)?"
    r"|(?<![^\W\d_])(?:hơn|so với|bằng|vượt|xấp xỉ(?:[ \t]+với)?|tương đương(?:[ \t]+với)?)[ \t]+"
    r"(?:(?:mức|tốc độ|tỷ lệ)[ \t]+)?(?:trung bình|bình quân|chung)?"
    r"[ \t]*(?:của[ \t]+)?)[ \t]*$"
)


# "Cổng dịch vụ công quốc gia", "Ngày Chuyển đổi số quốc gia": the nation in a thing's name; "của
# quốc gia", "toàn quốc gia" still name the nation itself
_NATION_IN_A_NAME_RE = re.compile(r"(?<![^\W\d_])(?!(?:của|toàn|cả|trên|các|mỗi|một)[ \t])[^\W\d_]+[ \t]+$")
_NATIONS_INDEX_RE = re.compile(r"(?<![^\W\d_])(?<!địa )(?:chỉ số|giá trị)[^.;,\d]{0,30}$")  # not "địa chỉ số"
# "Tỷ trọng KTS đạt 20% GDP": the base of a share, not the figure's place
_INDEX_NAME_AFTER_RE = re.compile(r"[ \t]*(?:\([^()]{0,24}index[ \t]*\)|index(?![^\W\d_]))")
_SHARE_OF_RE = re.compile(r"%[ \t]*(?:của[ \t]+|trong[ \t]+|tổng[ \t]+)?$")


def names_a_national_thing(view: str, mention: PlaceMention) -> bool:
    """True when a national marker is part of a name or the base of a share, not a geography."""
    if mention.kind != "national":
        return False
    word = view[mention.start : mention.end]
    # "Ban Chỉ đạo Trung ương", "Cổng dịch vụ công quốc gia", "Ban Cơ yếu Chính phủ"
    if word in ("quốc gia", "trung ương", "chính phủ"):
        if _NATIONS_INDEX_RE.search(view, max(0, mention.start - 40), mention.start):
            return False  # "Chỉ số chuyển đổi số quốc gia năm 2022 đạt 0,7111": the nation's own index
        return _NATION_IN_A_NAME_RE.search(view, max(0, mention.start - 20), mention.start) is not None
    if word == "việt nam" and _INDEX_NAME_AFTER_RE.match(view, mention.end):
        return True  # "chỉ số ... công nghệ thông tin Việt Nam (ICT Index)": an index's name
    if word == "gdp":
        return _SHARE_OF_RE.search(view, max(0, mention.start - 12), mention.start) is not None
    return False


def attributive(view: str, mention: PlaceMention) -> bool:
    """True when a place is named as an attribute of something ("các đơn vị thuộc trung ương")."""
    before = view[max(0, mention.start - 12) : mention.start].split()
    return bool(before) and before[-1] in load_yaml("geography.yaml")["attributive_words"]


def province_code_for(mention: PlaceMention, when: date | None) -> str | None:
    """The code a province mention has at a date: old GSO code before July 2025, new code after."""
    if when is not None and when >= ARRANGEMENT_2025 and mention.code_2025:
        return mention.code_2025
    return mention.code or mention.code_2025


def old_code_at(code: str, when: date | None) -> str:
    """A pre-2025 GSO code as it stands at a date: from July 2025 on, its successor's code."""
    if when is not None and when >= ARRANGEMENT_2025:
        return gazetteer().successors.get(code, code)
    return code


def provinces_in_file_name(file_name: str) -> set[str]:
    """ "002_vinh_phuc_dvc_thang_3_2023.txt" -> {Vĩnh Phúc's code}: provinces whose unaccented name
    the file's name spells, word by word."""
    stem = file_name.rsplit(".", 1)[0]
    words = re.findall(r"[a-z]+", ascii_fold(stem).lower())
    names = gazetteer().ascii_names
    found = set()
    for i in range(len(words)):
        for n in (2, 3, 4):  # province names are two to four words ("thua thien hue", "ba ria vung tau")
            joined = "".join(words[i : i + n])
            if joined in names:
                found.add(names[joined])
    return found


def province_from_domain(publisher: str) -> str | None:
    """ "Baohatinh.vn" -> Hà Tĩnh's code; "baoquangbinh.vn" -> Quảng Bình's."""
    letters = re.sub(r"[^a-z]", "", ascii_fold(publisher).lower().split(".")[0])
    names = gazetteer().ascii_names
    for prefix in ("bao", "cong", "thongtin", ""):
        if letters.startswith(prefix) and letters[len(prefix) :] in names:
            return names[letters[len(prefix) :]]
    return None
