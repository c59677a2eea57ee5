"""Which catalog indicator a figure measures.

The catalog (``dbt/seeds/indicators.csv``) says what each indicator is and its
unit; ``resources/indicator_patterns.yaml`` says how Vietnamese reports phrase
it. A pattern names a family of codes (``ict_revenue`` in VND and
``ict_revenue_growth`` in percent share the same words): the figure's unit
picks the member. Each hit scores by its weight and by where it stands
relative to the figure: the words right after a number name what is counted
(``40.590 tổ công nghệ số``), the words before it name what is measured
(``tỷ lệ hồ sơ trực tuyến ... đạt 42%``), farther words count for less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dagster_project.extraction.lexicon import alternation, load_csv, load_yaml, seed_path
from dagster_project.extraction.textnorm import ShapeMemo

UNCLASSIFIED = "unclassified"

# "[^.;]" in a pattern means "within the clause"; a dot inside a number
# (828/1.084) does not end a clause.
_CLAUSE_GAP = r"(?:[^.;]|(?<=\d)\.(?=\d))"


@dataclass(frozen=True, slots=True)
class IndicatorPattern:
    codes: tuple[str, ...]
    regex: re.Pattern[str]
    weight: float
    head: bool  # only as the counted noun right after the number
    requires: re.Pattern[str] | None
    unless: re.Pattern[str] | None  # words in the hit's clause that make it speak of something else


@dataclass(frozen=True, slots=True)
class IndicatorHit:
    start: int
    end: int
    pattern: IndicatorPattern
    definition: tuple[int, int] | None  # a number inside the indicator's own name

    def shifted(self, offset: int) -> IndicatorHit:
        d = (self.definition[0] + offset, self.definition[1] + offset) if self.definition else None
        return IndicatorHit(self.start + offset, self.end + offset, self.pattern, d)


@dataclass(frozen=True)
class Catalog:
    units: dict[str, str]  # code -> unit
    patterns: tuple[IndicatorPattern, ...]
    combined: re.Pattern[str]  # any pattern's first words: a cheap pre-filter per sentence


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    units = {r["indicator_code"]: r["unit"] for r in load_csv(seed_path("indicators.csv"))}
    patterns = []
    abbreviations = load_yaml("abbreviations.yaml")
    for entry in load_yaml("indicator_patterns.yaml"):
        codes = tuple(entry["codes"])
        unknown = [c for c in codes if c not in units]
        if unknown:
            raise ValueError(f"indicator_patterns.yaml names codes missing from the catalog: {unknown}")
        if len({units[c] for c in codes}) != len(codes):
            raise ValueError(f"indicator_patterns.yaml: the family {list(codes)} has two codes with one unit")
        requires = re.compile(entry["requires"]) if entry.get("requires") else None
        unless = re.compile(entry["unless"]) if entry.get("unless") else None
        for pat in entry["patterns"]:
            patterns.append(
                IndicatorPattern(
                    codes,
                    re.compile(_with_abbreviations(pat.replace("[^.;]", _CLAUSE_GAP), abbreviations)),
                    float(entry.get("weight", 1.0)),
                    bool(entry.get("head")),
                    requires,
                    unless,
                )
            )
    combined = re.compile("|".join(f"(?:{_unnamed(p.regex.pattern)})" for p in patterns))
    return Catalog(units, tuple(patterns), combined)


def _find_indicator_hits(view: str, start: int, end: int) -> list[IndicatorHit]:
    cat = catalog()
    hits: list[IndicatorHit] = []
    if not cat.combined.search(view, start, end):
        return hits
    sentence = view[start:end]
    for p in cat.patterns:
        if p.requires is not None and not p.requires.search(sentence):
            continue
        for m in p.regex.finditer(view, start, end):
            if p.unless is not None and p.unless.search(view, *_clause_around(view, start, end, m)):
                continue
            definition = (
                m.span("definition") if "definition" in p.regex.groupindex and m.group("definition") else None
            )
            hits.append(IndicatorHit(m.start(), m.end(), p, definition))
    return hits


def _clause_around(view: str, start: int, end: int, m: re.Match[str]) -> tuple[int, int]:
    lo = view.rfind(";", start, m.start()) + 1 or start
    hi = view.find(";", m.end(), end)
    return lo, end if hi < 0 else hi


# Patterns read words only (a number in a definition is matched by its shape, "\d+ triệu").
find_indicator_hits = ShapeMemo(_find_indicator_hits)


def code_for_unit(pattern: IndicatorPattern, unit: str) -> str | None:
    units = catalog().units
    for code in pattern.codes:
        if units[code] == unit:
            return code
    return None


def is_growth_indicator(code: str) -> bool:
    return code.endswith("_growth")


_LOOKBEHIND = re.compile(r"(\(\?<[!=][^)]*\))")


def _with_abbreviations(pattern: str, abbreviations: dict[str, list[str]]) -> str:
    """ "kinh tế số" in a pattern also matches "kts" (resources/abbreviations.yaml); look-behinds,
    which must keep a fixed width, are left as written."""
    parts = _LOOKBEHIND.split(pattern)
    for i in range(0, len(parts), 2):  # the odd parts are the look-behinds
        for phrase, short in abbreviations.items():
            if phrase in parts[i]:
                # spaces stay unescaped, so that a shorter phrase inside ("dịch vụ công" in "dịch vụ
                # công trực tuyến") still finds its own abbreviations ("dvc trực tuyến")
                options = "|".join(re.escape(x).replace("\\ ", " ") for x in [phrase, *short])
                parts[i] = parts[i].replace(phrase, f"(?:{options})")
    return "".join(parts)


def _unnamed(pattern: str) -> str:
    """A pattern without named groups, so that many can be joined into one pre-filter."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@lru_cache(maxsize=1)
def _counted_nouns() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    nouns: dict[str, list[str]] = load_yaml("counted_nouns.yaml")
    units = catalog().units
    unknown = sorted({c for codes in nouns.values() for c in codes if units.get(c) != "count"})
    if unknown:
        raise ValueError(f"counted_nouns.yaml names codes that are no count in the catalog: {unknown}")
    regex = re.compile(r"[ \t]*(" + alternation(list(nouns)) + r")(?![^\W\d_])")
    return regex, {noun: frozenset(codes) for noun, codes in nouns.items()}


def codes_counting_the_noun_at(view: str, pos: int) -> frozenset[str] | None:
    """The count indicators that may count the noun written at ``pos`` ("4.475 thủ tục": procedures,
    not dossiers); None when the noun there is not one that restricts them."""
    regex, codes = _counted_nouns()
    m = regex.match(view, pos)
    return codes[m.group(1)] if m else None
