"""The report of the planted warehouse, opened in headless Chromium (Debian's package, ``make browser``).

The DOM Chromium builds (after running any script the page holds) is parsed
and checked: the sections, every planted flagged observation with its number
highlighted in its sentence, the corrections, the charts, the Data Docs link;
and the ``<script>`` planted in a document shows as text and did not run.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from conftest import PLANTED_DOCUMENTS, SEED_CORRECTION_REASON, TYPO_CORRECTION_REASON, PlantedWarehouse

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_TIMEOUT_SECONDS = 90
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
PLANTED_TITLE_SCRIPT = "<script>document.title='pwned'</script>"
REPORT_TITLE = "dxw data quality: warehouse.duckdb"


# --- a small DOM from Chromium's serialisation ----------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found.extend(child.iter())
        return found

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def with_class(self, tag: str, css_class: str) -> list[Element]:
        return [e for e in self.find_all(tag) if css_class in e.attrs.get("class", "").split()]

    def by_id(self, element_id: str) -> Element | None:
        return next((e for e in self.iter() if e.attrs.get("id") == element_id), None)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def rendered_dom(page: Path, profile: Path) -> Element:
    """The DOM Chromium holds once the page has loaded (scripts included), parsed."""
    completed = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT_SECONDS,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "<html" in completed.stdout, completed.stderr[-2000:]
    return parse(completed.stdout)


@pytest.fixture(scope="module")
def report_dom(planted_warehouse: PlantedWarehouse, tmp_path_factory: pytest.TempPathFactory) -> Element:
    assert CHROMIUM.exists(), "install Debian's chromium: make browser"
    return rendered_dom(planted_warehouse.report, tmp_path_factory.mktemp("chromium"))


def flagged_rows(dom: Element, status: str) -> dict[str, Element]:
    """The flagged rows with this quality_status, by their highlighted number."""
    rows = [
        row for row in dom.with_class("tr", "flagged-observation") if row.attrs.get("data-status") == status
    ]
    return {row.find_all("mark")[0].text(): row for row in rows if row.find_all("mark")}


def sentence_of(row: Element) -> Element:
    (cell,) = row.with_class("td", "evidence")
    return cell


# --- the browser runs the planted script when it is not escaped: the check below means something ----


def test_the_planted_script_runs_in_this_browser_when_not_escaped(tmp_path: Path) -> None:
    page = tmp_path / "unescaped.html"
    planted_sentence = next(
        line for line in PLANTED_DOCUMENTS["plant_ratio.txt"].splitlines() if "insertAdjacentHTML" in line
    )
    page.write_text(
        f"<!doctype html><html><head><title>control</title></head><body><p>{PLANTED_TITLE_SCRIPT}</p>"
        f"<p>{planted_sentence}</p></body></html>",
        encoding="utf-8",
    )
    dom = rendered_dom(page, tmp_path / "chromium")
    assert dom.find_all("title")[0].text() == "pwned"
    assert dom.by_id("pwned") is not None


# --- the report -----------------------------------------------------------------------------------


def test_the_planted_script_shows_as_text_and_did_not_run(report_dom: Element) -> None:
    assert report_dom.find_all("title")[0].text() == REPORT_TITLE
    assert report_dom.by_id("pwned") is None
    assert report_dom.find_all("script") == []
    ratio_rows = flagged_rows(report_dom, "ratio_matches_percentage")
    assert PLANTED_TITLE_SCRIPT in ratio_rows["92"].text()
    assert "<script>document.body.insertAdjacentHTML(" in sentence_of(ratio_rows["92"]).text()


def test_the_report_has_its_sections(report_dom: Element) -> None:
    headings = {
        section.attrs["id"]: section.find_all("h2")[0].text() for section in report_dom.find_all("section")
    }
    assert headings == {
        "totals": "Totals",
        "checks": "Checks",
        "flagged": "Flagged observations",
        "corrections": "Corrections",
        "charts": "Charts",
        "documents": "Documents",
        "data-docs": "GX Data Docs",
    }
    suites = [h.find_all("code")[0].text() for h in report_dom.with_class("h3", "suite")]
    assert suites == ["fct_observation_blocking", "dim_document_blocking", "fct_observation_warnings"]


def test_each_warning_expectation_shows_its_failing_count(
    report_dom: Element, planted_warehouse: PlantedWarehouse
) -> None:
    warnings_section = report_dom.by_id("suite-fct_observation_warnings")
    assert warnings_section is not None and "warnings" in warnings_section.text()
    shown = {
        row.attrs["data-expectation"]: int(row.with_class("td", "failing")[0].text())
        for row in report_dom.with_class("tr", "expectation")
        if row.attrs["data-expectation"]
        in {"parts_sum_to_whole", "ratio_matches_percentage", "sources_agree"}
    }
    with duckdb.connect(str(planted_warehouse.path), read_only=True) as con:
        broken = dict(
            con.execute(
                "select rule_name, count(distinct observation_id) from staging.int_observation_rule_breaks group by 1"
            ).fetchall()
        )
    assert shown == {rule: broken[rule] for rule in shown}
    # At least the planted ones: 3 parts, 1 ratio with its percent, 2 contradicting sources.
    assert shown["parts_sum_to_whole"] >= 3
    assert shown["ratio_matches_percentage"] >= 2
    assert shown["sources_agree"] >= 2


def test_parts_that_do_not_add_up_appear_with_their_highlighted_sentence(report_dom: Element) -> None:
    rows = flagged_rows(report_dom, "parts_sum_to_whole")
    sentence = "Tổng số 50 nhiệm vụ, trong đó hoàn thành 30 nhiệm vụ, đang triển khai 25 nhiệm vụ."
    for number in ("50", "30", "25"):
        row = rows[number]
        assert "plant_parts.txt" in row.text()
        assert (
            "Sở Thông tin và Truyền thông tỉnh Quảng Bình báo cáo kết quả chuyển đổi số năm 2024"
            in row.text()
        )
        assert sentence in sentence_of(row).text()
        assert "parts add up to 55" in row.text()
    # The mark wraps the number itself: the text before it ends where the number starts.
    (mark,) = sentence_of(rows["30"]).find_all("mark")
    cell_text = sentence_of(rows["30"]).text()
    assert cell_text[cell_text.index("hoàn thành ") + len("hoàn thành ") :].startswith(mark.text())


def test_ratio_that_disagrees_appears_with_both_numbers_highlighted(report_dom: Element) -> None:
    rows = flagged_rows(report_dom, "ratio_matches_percentage")
    assert {"1.500/2.000", "92"} <= rows.keys()
    for number in ("1.500/2.000", "92"):
        assert "plant_ratio.txt" in rows[number].text()
        assert "toàn tỉnh Tuyên Quang có 1.500/2.000 thủ tục hành chính" in sentence_of(rows[number]).text()
        assert "computed 75.0%, stated 92.0%" in rows[number].text()


def test_contradicting_sources_appear_with_their_sentences(report_dom: Element) -> None:
    rows = flagged_rows(report_dom, "sources_agree")
    assert "plant_source_a.txt" in rows["12"].text()
    assert "tỷ trọng kinh tế số trong GRDP của tỉnh Quảng Bình đạt 12%" in sentence_of(rows["12"]).text()
    assert "plant_source_b.txt" in rows["6,5"].text()
    assert "Quảng Bình đạt 6,5%." in sentence_of(rows["6,5"]).text()
    assert "documents state 6.5 to 12.0" in rows["6,5"].text()


def test_corrections_are_shown_with_what_changed_and_why(
    report_dom: Element, planted_warehouse: PlantedWarehouse
) -> None:
    seed_row = report_dom.by_id(f"correction-{planted_warehouse.seed_corrected_id}")
    assert seed_row is not None
    assert "measure: level → change" in seed_row.text()
    assert SEED_CORRECTION_REASON in seed_row.text()
    assert "analyst.test" in seed_row.text()
    assert sentence_of(seed_row).find_all("mark")[0].text() == "8,47"
    typo_rows = [row for row in report_dom.with_class("tr", "correction") if "plant_typo.txt" in row.text()]
    assert len(typo_rows) == 1
    assert "value: 120.0 → 100.0" in typo_rows[0].text()
    assert TYPO_CORRECTION_REASON in typo_rows[0].text()
    assert sentence_of(typo_rows[0]).find_all("mark")[0].text() == "120"


def test_the_charts_are_inline_svg(report_dom: Element) -> None:
    charts = report_dom.by_id("charts")
    assert charts is not None
    svgs = charts.find_all("svg")
    assert [svg.find_all("title")[0].text() for svg in svgs] == [
        "Observations per indicator and geography",
        "Flagged share of each document",
    ]
    flagged_share = svgs[1].text()
    # plant_parts.txt: its 3 figures are all flagged.
    assert "plant_parts.txt" in flagged_share and "3 of 3 (100%)" in flagged_share
    assert "program_tasks" in svgs[0].text()


def test_the_data_docs_link_points_to_the_built_site(
    report_dom: Element, planted_warehouse: PlantedWarehouse
) -> None:
    link = report_dom.by_id("data-docs-link")
    assert link is not None
    site_index = planted_warehouse.report.parent / link.attrs["href"]
    assert site_index.is_file()
    assert "fct_observation_warnings" in site_index.read_text(encoding="utf-8")
