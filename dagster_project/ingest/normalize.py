"""The one text normalisation every document gets (character offsets refer to its result).

It must be deterministic and minimal: extracted numbers are located by offsets into
the normalised text, so nothing beyond the listed conversions may change (spaces are
not collapsed, tabs are kept).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Invisible characters that split words and numbers for no visible reason.
ZERO_WIDTH_CHARACTERS = ("\u200b", "\u2060", "\ufeff")  # zero-width space, word joiner, BOM
# Spaces that look like a space but defeat tokenisers ("1\u00a0000").
NON_BREAKING_SPACES = ("\u00a0", "\u202f", "\u2007")


@dataclass(frozen=True)
class NormalizedText:
    text: str
    conversions: tuple[str, ...]  # human-readable list of what changed, empty when nothing did


def normalize_text(text: str) -> NormalizedText:
    """NFC, ``\\r\\n``/``\\r`` -> ``\\n``, non-breaking spaces -> space, zero-width characters removed.

    Zero-width characters go first: between a letter and a combining mark they would
    otherwise stop NFC from composing the two. Each step is skipped when it has
    nothing to do, so a clean 40 MB text is not copied.
    """
    conversions: list[str] = []

    removed = sum(text.count(char) for char in ZERO_WIDTH_CHARACTERS)
    if removed:
        for char in ZERO_WIDTH_CHARACTERS:
            text = text.replace(char, "")
        conversions.append(f"removed {removed} zero-width characters")

    replaced = sum(text.count(char) for char in NON_BREAKING_SPACES)
    if replaced:
        for char in NON_BREAKING_SPACES:
            text = text.replace(char, " ")
        conversions.append(f"{replaced} non-breaking spaces to spaces")

    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        conversions.append("CRLF/CR line endings to LF")

    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        conversions.append("Unicode NFC")

    return NormalizedText(text=text, conversions=tuple(conversions))
