"""Does a text look Vietnamese? Used to accept a Windows-1258 decoding of non-UTF-8 bytes.

Any Latin-1/cp1252 file also "decodes" as cp1258 (the two share most bytes), so a
successful decode proves nothing. What does: cp1258 stores most toned letters as a
base letter followed by a combining tone mark, and NFC folds each such pair into one
Vietnamese letter. Real Vietnamese gives many of those letters and almost no other
non-ASCII letters; French or German text gives its own letters (ç, ä, ß ...) and,
where a cp1252 letter byte doubles as a cp1258 tone mark, nonsense like "ś".
"""

from __future__ import annotations

import re
import unicodedata

_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # none, huyền, sắc, ngã, hỏi, nặng

VIETNAMESE_LETTERS = frozenset(
    {
        unicodedata.normalize("NFC", vowel + mark)
        for vowel in _VOWELS + _VOWELS.upper()
        for mark in _TONE_MARKS
    }
    | {"đ", "Đ"}
)


def _has_cp1258_byte(letter: str) -> bool:
    try:
        letter.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


# Letters that cp1258 can only write as base + combining mark: they appear after
# decoding only where the bytes held such a pair, which Latin-1 text almost never does.
TONE_MARK_LETTERS = frozenset(letter for letter in VIETNAMESE_LETTERS if not _has_cp1258_byte(letter))

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SAMPLE_CHARS = 1_000_000  # enough evidence; keeps a 40 MB file cheap
_MIN_TONE_MARK_LETTERS = 2
_MAX_FOREIGN_SHARE = 0.05  # loan words and names (ü, ç) in real Vietnamese text


def looks_vietnamese(text: str) -> bool:
    """True when the text's non-ASCII letters are Vietnamese and include toned letters."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE_CHARS])
    letters = [c for c in _NON_ASCII.findall(sample) if c.isalpha() or unicodedata.combining(c)]
    if not letters:
        return False
    vietnamese = sum(1 for c in letters if c in VIETNAMESE_LETTERS)
    toned = sum(1 for c in letters if c in TONE_MARK_LETTERS)
    foreign = len(letters) - vietnamese
    return toned >= _MIN_TONE_MARK_LETTERS and foreign <= _MAX_FOREIGN_SHARE * len(letters)
