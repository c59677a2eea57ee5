"""Title, publisher and publication date of a document, where its text (or markup) states them.

Conservative on purpose: a wrong title or date is worse than none. Only lines that
stand alone near the start or the end of the text are read, never clauses inside
body sentences ("Theo báo cáo của Bộ ...", "ngày 26/10/2024 kết luận ..." are body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

_EDGE_CHARS = 4000  # how much of the start and the end of the text is looked at
_EDGE_LINES = 5  # non-empty lines at each edge that may hold a date or a publisher line
_MIN_YEAR, _MAX_YEAR = 1990, 2100


@dataclass(frozen=True)
class MetadataHints:
    """What an HTML page's markup says (<title>/<h1>, og:site_name, published time)."""

    title: str | None = None
    publisher: str | None = None
    published_time: str | None = None


@dataclass(frozen=True)
class DocumentMetadata:
    title: str | None = None
    publisher: str | None = None
    published_date: date | None = None
    published_at: datetime | None = None  # only when a time of day is stated; local wall-clock time


def extract_metadata(text: str, hints: MetadataHints | None = None) -> DocumentMetadata:
    """Metadata of a normalised text; ``hints`` (HTML pages) win over what the text lines say.

    For HTML pages the title comes from the markup only: the first visible line of a
    page is usually navigation, not a headline.
    """
    first_lines, last_lines = _edge_lines(text)
    title = hints.title if hints is not None else _headline(first_lines)
    publisher = (hints.publisher if hints else None) or _publisher_from_lines(first_lines, last_lines)
    stamp = _parse_hint_time(hints.published_time) if hints and hints.published_time else None
    if stamp is None:
        stamp = _date_from_lines(first_lines, last_lines)
    published_date, published_at = stamp if stamp else (None, None)
    return DocumentMetadata(title, publisher, published_date, published_at)


def _edge_lines(text: str) -> tuple[list[str], list[str]]:
    """The first and last few non-empty lines (stripped), reading only the ends of a long text."""
    head, tail = text[:_EDGE_CHARS], text[-_EDGE_CHARS:]
    if len(text) > _EDGE_CHARS:  # drop the line the cut went through (all of it, if it is the only one)
        head = head[: max(head.rfind("\n"), 0)]
        tail = tail[tail.find("\n") + 1 :] if "\n" in tail else ""
    first = [line.strip() for line in head.split("\n") if line.strip()][:_EDGE_LINES]
    last = [line.strip() for line in tail.split("\n") if line.strip()][-_EDGE_LINES:]
    return first, last


# ---------------------------------------------------------------- dates

_WEEKDAY = r"(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|CN|T[2-7])\s*[,\-–]?\s*)"
_LABEL = (
    r"(?P<label>cập\s*nhật(?:\s*lúc)?|ngày\s*cập\s*nhật|ngày\s*đăng|đăng\s*(?:ngày|lúc)|đăng|"
    r"ngày\s*xuất\s*bản|xuất\s*bản|thời\s*gian|ngày|date|published)\s*:?\s*"
)
_DMY = r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})"
_TIME = r"(?P<hour>\d{1,2})\s*[:hg]\s*(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<ampm>AM|PM|SA|CH))?"
_ZONE = r"(?:\s*\(?\s*(?:GMT|UTC)\s*\+\s*0?7(?::?00)?\s*\)?)?"
# "15 tháng 4, 2024", "15 Tháng 4 2024", "15 tháng 4 năm 2024": the month written as a word
_DMY_WORDS = r"(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)(?P<year>\d{4})"
_SEP = r"\s*(?:[-–|,]|lúc|ngày)?\s*"
_DATE_LINES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\(?(?:{_LABEL})?{_WEEKDAY}?{_DMY}(?:{_SEP}{_TIME})?{_ZONE}\)?",
        rf"(?:{_LABEL})?{_TIME}{_ZONE}{_SEP}{_WEEKDAY}?{_DMY}",
        rf"(?:{_LABEL})?{_WEEKDAY}?{_DMY_WORDS}(?:{_SEP}{_TIME})?{_ZONE}",
        rf"(?:{_LABEL})?(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:[T ]{_TIME})?{_ZONE}",
        # The dateline of an official document: "Hà Nội, ngày 11 tháng 7 năm 2024".
        r"(?:[^\W\d][\w ]{0,30},\s*)?"
        r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})",
    )
)


def _date_from_lines(first_lines: list[str], last_lines: list[str]) -> tuple[date, datetime | None] | None:
    """The first standalone date line near the start, else near the end; update stamps rank last."""
    found: list[tuple[int, date, datetime | None]] = []
    for line in [*first_lines, *last_lines]:
        parsed = _parse_date_line(line)
        if parsed is not None:
            found.append(parsed)
    if not found:
        return None
    # Of equal rank, the earliest date: a site's clock in the page header shows the day it was
    # fetched ("Thứ ba 01/04/2025" above an article of 02/01/2024), never an earlier one.
    _rank, day, moment = min(found, key=lambda item: (item[0], item[1]))
    return day, moment


def _parse_date_line(line: str) -> tuple[int, date, datetime | None] | None:
    parsed = _parse_date_text(line)
    if parsed is None and " | " in line:
        # a stamp followed by its section: "01-04-2022 - 08:13 AM | Kinh tế số"
        parsed = _parse_date_text(line.split(" | ", 1)[0].strip())
    if parsed is None:
        # a stamp that opens the first paragraph: "date 2025-10-21 (VTC News) - Sáng 21/10, ..."
        m = _LEADING_ISO_STAMP.match(line)
        if m:
            parsed = _parse_date_text(m.group(1))
    return parsed


_LEADING_ISO_STAMP = re.compile(
    r"((?:date|published|ngày đăng)\s*:?\s*\d{4}-\d{2}-\d{2})(?=\s)", re.IGNORECASE
)


def _parse_date_text(line: str) -> tuple[int, date, datetime | None] | None:
    for pattern in _DATE_LINES:
        match = pattern.fullmatch(line)
        if match is None:
            continue
        parts = match.groupdict()
        day = _valid_date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        if day is None:
            return None
        moment = None
        if parts.get("hour") is not None:
            moment = _valid_time(day, int(parts["hour"]), int(parts["minute"]), parts.get("ampm"))
            if moment is None:
                return None
        label = (parts.get("label") or "").lower()
        rank = 1 if "cập" in label else 0  # an update stamp is not the publication date
        return rank, day, moment
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid_time(day: date, hour: int, minute: int, ampm: str | None) -> datetime | None:
    if ampm and hour <= 12:
        afternoon = ampm.upper() in ("PM", "CH")  # CH = chiều (afternoon), SA = sáng (morning)
        hour = hour % 12 + (12 if afternoon else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return datetime(day.year, day.month, day.day, hour, minute)


def _parse_hint_time(value: str) -> tuple[date, datetime | None] | None:
    """An ISO 8601 (or dd/mm/yyyy) time from markup; the offset is dropped, keeping local time."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = _valid_date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        return (day, None) if day else None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = _parse_date_line(value)
        return parsed[1:] if parsed else None
    day = _valid_date(moment.year, moment.month, moment.day)
    if day is None:
        return None
    return day, moment.replace(tzinfo=None, second=0, microsecond=0)


# ---------------------------------------------------------------- publisher

# "(Baohatinh.vn) - Thủ tướng ...": a short parenthesised site name opening a paragraph.
_LEADING_SOURCE = re.compile(r"\((?P<name>[^()\n:;,]{2,40})\)\s*[-–—]\s*\S")
# "Theo Báo Tuyên Quang" as a line of its own.
_CREDIT_LINE = re.compile(r"theo\s*:?\s+(?P<name>[^\n,;:]{2,80}?)\s*\.?", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"nguồn\s*:\s*(?P<name>[^\n]{2,120}?)\s*\.?", re.IGNORECASE)
_MAX_NAME_WORDS = 8
# "Theo Báo cáo ...", "Theo Quyết định ...": documents or people, not publishers.
_NOT_PUBLISHER_STARTS = (
    "báo cáo", "quyết định", "nghị quyết", "nghị định", "thông tư", "thông báo", "kế hoạch",
    "chỉ thị", "luật", "đó", "ông", "bà", "đồng chí", "anh", "chị", "tôi", "chúng",
)  # fmt: skip
# "(Ảnh minh họa) - ...", "(Video) - ...", "(Tiếp theo kỳ trước)": captions and series notes.
_NOT_PUBLISHER_WORDS = frozenset({"ảnh", "video", "clip", "infographic", "minh", "kỳ", "tiếp", "bài"})


def _publisher_from_lines(first_lines: list[str], last_lines: list[str]) -> str | None:
    for line in first_lines:
        match = _LEADING_SOURCE.match(line)
        if match and _looks_like_name(match.group("name")):
            return match.group("name").strip()
    for line in [*reversed(last_lines), *first_lines]:
        for pattern in (_CREDIT_LINE, _SOURCE_LINE):
            match = pattern.fullmatch(line)
            if match is None:
                continue
            name = _site_of_url(match.group("name").strip())
            if _looks_like_name(name):
                return name
    return None


def _site_of_url(name: str) -> str:
    if re.match(r"https?://", name, re.IGNORECASE):
        host = urlsplit(name).hostname or ""
        return host.removeprefix("www.")
    return name


def _looks_like_name(name: str) -> bool:
    """A publisher's name: short, capitalised (or a domain), not a document or a person."""
    name = name.strip()
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    lowered = name.lower()
    if any(lowered == start or lowered.startswith(start + " ") for start in _NOT_PUBLISHER_STARTS):
        return False
    if _NOT_PUBLISHER_WORDS.intersection(lowered.split()):
        return False
    if any(char.isdigit() for char in name) and "." not in name:
        return False  # "Kế hoạch 123", but "24h.com.vn" is fine
    is_domain = bool(re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name))
    return is_domain or name[0].isupper()


# ---------------------------------------------------------------- title

_MIN_TITLE_CHARS, _MAX_TITLE_CHARS = 10, 200
_NOT_HEADLINE_ENDINGS = (".", "…", ":", ";", ",", "|", "-", "–")
_CAPTION_MARKERS = re.compile(r"\bảnh\s*:|\(ảnh|ảnh minh họa|ảnh minh hoạ|\bnguồn\s*:", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(\w)")


def _headline(first_lines: list[str]) -> str | None:
    """The first line, if it reads like a headline and a body follows it."""
    lines = [line for line in first_lines if _parse_date_line(line) is None]  # a leading timestamp is not it
    if len(lines) < 2:
        return None  # a one-line text is body, not a title over nothing
    candidate = lines[0]
    if not _MIN_TITLE_CHARS <= len(candidate) <= _MAX_TITLE_CHARS:
        return None
    if candidate.endswith(_NOT_HEADLINE_ENDINGS) or not (candidate[0].isupper() or candidate[0].isdigit()):
        return None
    if len(candidate.split()) < 2 or _CAPTION_MARKERS.search(candidate) or _holds_two_sentences(candidate):
        return None
    if (
        _LEADING_SOURCE.match(candidate)
        or _CREDIT_LINE.fullmatch(candidate)
        or _SOURCE_LINE.fullmatch(candidate)
    ):
        return None
    return candidate


def _holds_two_sentences(line: str) -> bool:
    return any(match.group(1).isupper() for match in _SENTENCE_BREAK.finditer(line))
