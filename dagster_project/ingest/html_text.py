"""HTML page -> the text a reader sees, plus the page's own title/publisher/date hints.

Uses the stdlib ``html.parser`` (lenient, never raises on bad markup). Scripts,
styles, templates, comments and ``<head>`` are dropped, except
that ``<title>`` and a few ``<meta>`` tags are kept as metadata hints. Block
elements become line breaks, table cells are separated by tabs, entities are
unescaped and runs of whitespace inside a line become one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Content never shown to a reader.
_INVISIBLE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas"}
)
# What may stand in <head>; any other start tag ends a <head> left unclosed (as browsers do).
_HEAD_TAGS = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
# <meta> keys (property, name or itemprop) whose content is a hint, by what it tells.
_META_HINTS = {
    "og:site_name": "site_name",
    "og:title": "og_title",
    "article:published_time": "published_time",
    "datepublished": "published_time",
    "pubdate": "published_time",
    "publishdate": "published_time",
}
_LEADING_HTML = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_HTML_OR_BODY = re.compile(r"<(?:html|body|head)[\s>]", re.IGNORECASE)
_COMMON_TAG = re.compile(
    r"</?(?:p|div|br|span|a|li|ul|h[1-6]|table|tr|td|img|strong|em|b|i)\b[^<>]{0,500}>", re.I
)
_SNIFF_CHARS = 4096
_TAG_SNIFF_CHARS = 65536
_MIN_COMMON_TAGS = 5


@dataclass(frozen=True)
class HtmlPage:
    text: str  # visible text, one line per block
    title: str | None  # <title> without a " - Site name" suffix, else og:title, else the first <h1>
    site_name: str | None  # <meta property="og:site_name">
    published_time: str | None  # as written in <meta article:published_time> or the first <time datetime>


def looks_like_html(text: str) -> bool:
    """Decided by content, not by file name: a doctype or <html> start, <html>/<body> early, or many tags."""
    if _LEADING_HTML.match(text, 0, _SNIFF_CHARS):
        return True
    if _HTML_OR_BODY.search(text, 0, _SNIFF_CHARS):
        return True
    for count, _ in enumerate(_COMMON_TAG.finditer(text, 0, _TAG_SNIFF_CHARS), start=1):
        if count >= _MIN_COMMON_TAGS:
            return True
    return False


def visible_text_from_html(markup: str) -> HtmlPage:
    parser = _VisibleTextParser()
    parser.feed(markup)
    parser.close()
    site_name = _collapse(parser.hints.get("site_name", "")) or None
    return HtmlPage(
        text=_lines_from_pieces(parser.pieces),
        title=_page_title(parser, site_name),
        site_name=site_name,
        published_time=parser.hints.get("published_time", "").strip() or None,
    )


def _page_title(parser: _VisibleTextParser, site_name: str | None) -> str | None:
    """The article's title; a <title> that is only the site's name is not one."""
    candidates = (
        _without_site_suffix(_collapse(parser.title_text()), site_name),
        _collapse(parser.hints.get("og_title", "")),
        _collapse(parser.h1_text()),
    )
    for candidate in candidates:
        if candidate and (site_name is None or candidate.lower() != site_name.lower()):
            return candidate
    return None


def _without_site_suffix(title: str, site_name: str | None) -> str:
    """ "Headline - Báo Hà Tĩnh" -> "Headline", only when the suffix is the page's own og:site_name."""
    if not site_name:
        return title
    for separator in (" - ", " | ", " – ", " — "):
        suffix = separator + site_name
        if title.lower().endswith(suffix.lower()):
            return title[: -len(suffix)].strip()
    return title


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _lines_from_pieces(pieces: list[str]) -> str:
    """Join the parser's pieces; collapse whitespace per cell and drop empty lines."""
    lines = []
    for line in "".join(pieces).split("\n"):
        cells = [_collapse(cell) for cell in line.split("\t")]
        cleaned = "\t".join(cell for cell in cells if cell)
        if cleaned:
            lines.append(cleaned)
    return "\n".join(lines)


@dataclass
class _Skipping:
    """An element whose whole subtree is invisible; nested same-name tags are counted."""

    tag: str
    depth: int = 1


@dataclass
class _Capture:
    parts: list[str] = field(default_factory=list)
    done: bool = False


class _VisibleTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hints: dict[str, str] = {}
        self._skipping: _Skipping | None = None
        self._in_head = False
        self._pre_depth = 0
        self._title = _Capture()
        self._in_title = False
        self._h1 = _Capture()
        self._in_h1 = False

    def title_text(self) -> str:
        return "".join(self._title.parts)

    def h1_text(self) -> str:
        return "".join(self._h1.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping is not None:
            if tag == self._skipping.tag:
                self._skipping.depth += 1
            return
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._remember_meta(attributes)
            return
        if tag == "head":
            self._in_head = True
            return
        if self._in_head and (tag == "body" or tag not in _HEAD_TAGS):
            self._in_head = False
        if tag in _INVISIBLE_TAGS:
            self._skipping = _Skipping(tag)
            return
        if tag == "title" and not self._title.done:
            self._in_title = True
            return
        if self._in_head:
            return
        if tag == "time" and "datetime" in attributes:
            self.hints.setdefault("published_time_tag", attributes["datetime"])
        if tag == "h1" and not self._h1.done:
            self._in_h1 = True
        if tag == "pre":
            self._pre_depth += 1
        self._break_for(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping is not None:
            if tag == self._skipping.tag:
                self._skipping.depth -= 1
                if self._skipping.depth == 0:
                    self._skipping = None
            return
        if tag == "head":
            self._in_head = False
            return
        if tag == "title" and self._in_title:
            self._in_title = False
            self._title.done = True
            return
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self._h1.done = True
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if not self._in_head:
            self._break_for(tag)

    def handle_data(self, data: str) -> None:
        if self._skipping is not None:
            return
        if self._in_title:
            self._title.parts.append(data)
            return
        if self._in_head:
            return
        if self._in_h1:
            self._h1.parts.append(data)
        if not self._pre_depth:
            # Source line breaks and tabs in HTML are just spaces; blocks make the lines.
            data = data.replace("\n", " ").replace("\t", " ")
        self.pieces.append(data)

    def close(self) -> None:
        super().close()
        if "published_time" not in self.hints and "published_time_tag" in self.hints:
            self.hints["published_time"] = self.hints["published_time_tag"]

    def _break_for(self, tag: str) -> None:
        if self._in_h1 and (tag in _BLOCK_TAGS or tag in _CELL_TAGS):
            self._h1.parts.append(" ")  # "<h1>A<br>B</h1>" reads "A B"
        if tag in _BLOCK_TAGS:
            self.pieces.append("\n")
        elif tag in _CELL_TAGS:
            self.pieces.append("\t")

    def _remember_meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        hint = _META_HINTS.get(key.strip())
        if hint is not None and hint not in self.hints and attributes.get("content", "").strip():
            self.hints[hint] = attributes["content"]
