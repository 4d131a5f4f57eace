"""The HTML report: one self-contained page with the text report's content and a timeline;
everything escaped, personal numbers masked; a headless Chromium renders it from a file:// URL."""

from __future__ import annotations

import dataclasses
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from paimai_docs.engine import Finding, Severity
from paimai_docs.reports import render_report
from paimai_docs.reports.common import kind_title
from paimai_docs.reports.html import render

from .report_fixtures import ID_NUMBER, PHONE, SOURCE, UNREADABLE, sample_result

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"
)


class Page(HTMLParser):
    """The parsed page: every start tag with its attributes, the text of the whole page and of
    each element carrying a class, and the doctype."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.doctype = ""
        self.text: list[str] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.elements: list[tuple[str, dict[str, str], str]] = []
        self.feed(source)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag not in {"meta", "br", "img", "link", "input"}:
            self._open.append((tag, attributes, []))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, attributes, parts = self._open.pop()
            text = "".join(parts)
            self.elements.append((name, attributes, text))
            if self._open:
                self._open[-1][2].append(text)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open:
            self._open[-1][2].append(data)

    def find(self, tag: str, css: str = "") -> list[tuple[dict[str, str], str]]:
        return [
            (attributes, text)
            for name, attributes, text in self.elements
            if name == tag and (not css or css in attributes.get("class", "").split())
        ]

    @property
    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def page_source() -> str:
    return render(sample_result())


@pytest.fixture(scope="module")
def page(page_source: str) -> Page:
    return Page(page_source)


def test_a_self_contained_utf8_chinese_page(page: Page, page_source: str) -> None:
    assert page.doctype.lower() == "doctype html"
    assert ("html", {"lang": "zh-CN"}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    names = [tag for tag, _ in page.tags]
    assert names.count("style") == 1 and "script" not in names
    for tag in ("link", "img", "iframe", "object", "embed"):
        assert tag not in names
    for _, attributes in page.tags:
        assert "src" not in attributes
        assert not attributes.get("href", "#").split("#")[0]  # only links inside the page
    assert "@import" not in page_source and "url(" not in page_source
    assert "http://" not in page_source and "https://" not in page_source


def test_scope_stage_and_summary(page: Page) -> None:
    text = page.all_text
    result = sample_result()
    assert SOURCE in text and result.scope_reason in text
    assert "社会拍卖（COM）" in text and "拍卖前" in text
    counts = {a["data-count"]: t for a, t in page.find("li") if "data-count" in a}
    summary = result.summary()
    for key in ("documents", "error", "warning", "info", "needs_review", "unreadable_files"):
        assert counts[key].startswith(str(summary[key])), key


def test_every_document_with_kind_pages_and_pages_without_text(page: Page) -> None:
    articles = page.find("article", "document")
    assert len(articles) == len(sample_result().documents)
    for document in sample_result().documents:
        (attributes, text) = next(a for a in articles if document.file in a[1])
        assert attributes["data-kind"] == document.kind
        assert kind_title(document.kind) in text and f"{len(document.pages)}页" in text
    registration = next(t for _, t in articles if "竞买人登记表.pdf" in t)
    assert "无文字层的页：2" in registration
    assert UNREADABLE in page.all_text and "文件已加密" in page.all_text


def test_every_finding_is_shown_in_page_order(page: Page) -> None:
    result = sample_result()
    items = page.find("li", "finding")
    assert len(items) == len(result.findings)
    for finding in result.findings:
        (attributes, text) = next(i for i in items if i[0]["data-rule"] == finding.rule)
        assert finding.severity.value in attributes["class"].split()
        assert finding.message in text and finding.basis in text
        assert ("需人工核对" in text) is finding.needs_review
        if finding.item:
            assert f"第{finding.item}项" in text
        if finding.page:
            assert f"第{finding.page}页" in text
    rules = [a["data-rule"] for a, _ in items]
    assert rules.index("ID-CHECKSUM") < rules.index("NO-TEXT")  # page 1 before page 2
    assert rules.index("ANN-03") < rules.index("ANN-01")  # the whole document, then page 2
    assert rules[-1] == "BUNDLE-COMPLETE"  # the bundle as a whole comes last
    (counting,) = [text for _, text in page.find("details") if "期限计算" in text]
    assert "DATE-04" in counting and "2026年12月11日" in counting


def test_timeline_of_dates_and_deadlines(page: Page) -> None:
    (timeline,) = page.find("ol", "timeline")
    days = [a["datetime"] for a, _ in page.find("time") if len(a.get("datetime", "")) == 10]
    assert days == sorted(days)
    assert days == [
        "2026-09-28",  # the day of the check
        "2026-11-20",  # contract signed
        "2026-12-11",  # ANN-01: the last day to publish
        "2026-12-12",  # published
        "2026-12-14",  # exhibition
        "2026-12-16",
        "2026-12-18",  # auction, in the announcement and in the contract
    ]
    deadline = next(t for a, t in page.find("li", "deadline"))
    assert "ANN-01" in deadline and "公告/拍卖公告.pdf" in deadline
    assert "公告发布日期" in timeline[1] and "签订日期" in timeline[1]
    auction = [t for _, t in page.find("li", "fact") if "拍卖时间" in t]
    assert len(auction) == 2 and all("10:00" in t for t in auction)
    assert any("has-deadline" in a.get("class", "") for a, _ in page.find("li"))


def test_personal_numbers_are_masked_unless_asked(page_source: str) -> None:
    assert ID_NUMBER not in page_source and PHONE not in page_source
    assert "110101********1234" in page_source and "139****5678" in page_source
    shown = render(sample_result(), show_personal_data=True)
    assert ID_NUMBER in shown and PHONE in shown


def test_everything_read_from_the_bundle_is_escaped() -> None:
    hostile = '<script>alert("x")</script>&.pdf'
    finding = Finding(
        rule="ANN-03",
        severity=Severity.ERROR,
        message="<img src=x onerror=alert(1)>",
        basis="<b>依据</b>",
        file=hostile,
        evidence='"><iframe>',
    )
    document = dataclasses.replace(sample_result().documents[0], file=hostile)
    result = dataclasses.replace(sample_result(), documents=(document,), findings=(finding,))
    source = render(result)
    parsed = Page(source)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "img", "iframe", "b"}
    assert hostile in parsed.all_text and "<img src=x onerror=alert(1)>" in parsed.all_text
    assert "&lt;script&gt;" in source


def test_english_page() -> None:
    parsed = Page(render(sample_result(), lang="en"))
    assert ("html", {"lang": "en"}) in parsed.tags
    assert "Dates and deadlines" in parsed.all_text and "Published on" in parsed.all_text


def test_same_result_same_page(page_source: str) -> None:
    assert render_report(sample_result.__wrapped__(), "html") == page_source


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", *arguments,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)


@pytest.fixture
def page_file(tmp_path: Path, page_source: str) -> Path:
    path = tmp_path / "审核报告.html"
    path.write_text(page_source, encoding="utf-8")
    return path


@pytest.mark.browser
@needs_chromium
def test_chromium_renders_every_finding(tmp_path: Path, page_file: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", page_file.as_uri()).stdout
    rendered = Page(dom)
    items = rendered.find("li", "finding")
    assert len(items) == len(sample_result().findings)
    for finding in sample_result().findings:
        assert any(finding.rule in text and finding.message in text for _, text in items)
    assert rendered.find("ol", "timeline")
    assert ID_NUMBER not in dom


@pytest.mark.browser
@needs_chromium
def test_chromium_screenshot(tmp_path: Path, page_file: Path) -> None:
    shot = tmp_path / "report.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,1800", page_file.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 1800)
    assert len(data) > 50_000  # text and colour, not a blank page
