"""The source sentence of an observation, split around the number it states.

An observation's span is an offset into its document's text and its evidence
is the sentence containing that span. The number is located inside the
sentence through the span (the occurrence of the sentence that covers it), so
a sentence stating the same number twice highlights the right one; when the
sentence cannot be found at the span (text missing or normalised differently),
the number as written is searched in the sentence instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HighlightedSentence:
    before: str
    number: str  # empty when the number could not be located in the sentence
    after: str

    @property
    def located(self) -> bool:
        return self.number != ""


def sentence_offsets(text: str, evidence: str, span_start: int, span_end: int) -> tuple[int, int] | None:
    """The span's offsets relative to the occurrence of ``evidence`` in ``text`` that contains it."""
    if not text or not evidence or not 0 <= span_start < span_end <= len(text):
        return None
    # An occurrence starting at s contains the span when span_end - len <= s <= span_start.
    sentence_start = text.find(evidence, max(0, span_end - len(evidence)), span_start + len(evidence))
    if sentence_start < 0:
        return None
    return span_start - sentence_start, span_end - sentence_start


def highlight(
    text: str | None, evidence: str, span_start: int, span_end: int, stated_text: str = ""
) -> HighlightedSentence:
    """Split the sentence into (before, number, after); the number is empty when not found."""
    offsets = sentence_offsets(text or "", evidence, span_start, span_end)
    if offsets is None:
        written = (text or "")[span_start:span_end] if text else ""
        for candidate in (written, stated_text):
            position = evidence.find(candidate) if candidate else -1
            if position >= 0:
                offsets = (position, position + len(candidate))
                break
    if offsets is None:
        return HighlightedSentence(evidence, "", "")
    start, end = offsets
    return HighlightedSentence(evidence[:start], evidence[start:end], evidence[end:])
