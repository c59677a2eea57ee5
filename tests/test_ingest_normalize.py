"""The normalisation that character offsets refer to: exactly the listed conversions, nothing else."""

from __future__ import annotations

import unicodedata

from dagster_project.ingest import normalize_text

NFC_SENTENCE = "Tỷ lệ hồ sơ trực tuyến đạt 85,5%."


def test_decomposed_vietnamese_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", NFC_SENTENCE)
    assert decomposed != NFC_SENTENCE
    result = normalize_text(decomposed)
    assert result.text == NFC_SENTENCE
    assert "Unicode NFC" in result.conversions


def test_line_endings_become_lf() -> None:
    result = normalize_text("một\r\nhai\rba\n")
    assert result.text == "một\nhai\nba\n"
    assert result.conversions == ("CRLF/CR line endings to LF",)


def test_non_breaking_spaces_become_spaces() -> None:
    result = normalize_text("1\u00a0000 người,\u202f15\u2007%")
    assert result.text == "1 000 người, 15 %"
    assert result.conversions == ("3 non-breaking spaces to spaces",)


def test_zero_width_characters_are_removed_before_composing() -> None:
    # A zero-width space between a letter and its tone mark must not stop NFC composing them.
    result = normalize_text("\ufeffđa\u200b\u0301ng\u2060 ký")
    assert result.text == "đáng ký"
    assert "removed 3 zero-width characters" in result.conversions


def test_spaces_tabs_and_blank_lines_are_left_alone() -> None:
    text = "  Tiêu  đề\t\tcột\n\n\n   đoạn  hai  \n"
    result = normalize_text(text)
    assert result.text == text
    assert result.conversions == ()


def test_normalising_twice_changes_nothing() -> None:
    messy = unicodedata.normalize("NFD", "A\u00a0b\r\nc\u200bd ế\r")
    once = normalize_text(messy).text
    assert normalize_text(once).text == once
    assert normalize_text(once).conversions == ()
