"""Every report in a person's words: the text and HTML reports of every example bundle, in
Chinese and in English, show no code identifier (snake_case names, True/False/None), the English
ones no Chinese except what they quote from the documents, one date format, correct plurals;
the notice takes its addressee, issuer and case name from options or a profile."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx

from paimai_docs.checker import CheckResult, check_bundle
from paimai_docs.engine.profiles import ProfileError, load_profile
from paimai_docs.reading.types import ReadProblem
from paimai_docs.reports import render_report
from paimai_docs.reports.common import (
    CJK,
    count,
    date_text,
    dates_in_text,
    fact_label,
    fact_text,
    problem_text,
)
from paimai_docs.reports.notice import COLUMNS, wrap_name

from .report_fixtures import sample_result

ROOT = Path(__file__).resolve().parents[1]
BUNDLES = sorted(p for p in (ROOT / "examples" / "bundles").iterdir() if p.is_dir())
TODAY = dt.date(2026, 3, 10)

IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")
LITERALS = re.compile(r"\b(True|False|None)\b")
# what may look like code: rule IDs (upper case), URLs, paths, file names, the --options
ALLOWED = re.compile(
    r"https?://\S+|\S+\.(?:pdf|docx|doc|zip|png|jpg)\b|--[a-z-]+|[\w./-]+/[\w./-]+"
)
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|「[^」]*」")


@pytest.fixture(scope="module", params=["zh", "en"])
def checked(request: pytest.FixtureRequest) -> dict[str, tuple[str, CheckResult]]:
    lang = request.param
    return {
        bundle.name: (lang, check_bundle([str(bundle)], lang=lang, today=TODAY))
        for bundle in BUNDLES
    }


def _visible_html(page: str) -> str:
    """The text a reader sees in the body of the page (tags and attributes removed)."""
    body = page.split("<body>", 1)[1]
    return html.unescape(re.sub(r"<[^>]+>", "\n", body))


def _reports(result: CheckResult, lang: str) -> dict[str, str]:
    text = render_report(result, "text", lang=lang)
    page = render_report(result, "html", lang=lang)
    assert isinstance(text, str) and isinstance(page, str)
    return {"text": text, "html": page}


def test_no_code_identifiers_in_text_or_html(
    checked: dict[str, tuple[str, CheckResult]],
) -> None:
    for name, (lang, result) in checked.items():
        for fmt, report in _reports(result, lang).items():
            shown = _visible_html(report) if fmt == "html" else report
            shown = ALLOWED.sub(" ", shown)
            assert not IDENTIFIER.findall(shown), (name, lang, fmt, IDENTIFIER.findall(shown))
            assert not LITERALS.findall(shown), (name, lang, fmt, LITERALS.findall(shown))


def _strip_read_text(page: str, result: CheckResult) -> str:
    """The English HTML page without what it shows as read from the documents: quoted evidence,
    values read as text, the legal citations (the report says once they are in Chinese)."""
    page = re.sub(r'<blockquote class="evidence".*?</blockquote>', "", page, flags=re.S)
    page = re.sub(r'<td class="read">.*?</td>', "", page, flags=re.S)
    page = re.sub(r'<p class="basis">.*?</p>', "", page, flags=re.S)
    shown = _visible_html(page)
    for document in result.documents:
        shown = shown.replace(document.file, "")
    return QUOTED.sub("", shown)


def test_english_reports_have_no_chinese_but_what_they_quote(
    checked: dict[str, tuple[str, CheckResult]],
) -> None:
    for name, (lang, result) in checked.items():
        if lang != "en":
            continue
        reports = _reports(result, lang)
        shown = _strip_read_text(reports["html"], result)
        leaks = [line for line in shown.splitlines() if CJK.search(line)]
        assert not leaks, (name, "html", leaks)
        text = reports["text"]
        for document in result.documents:
            text = text.replace(document.file, "")
        lines = [line for line in QUOTED.sub("", text).splitlines()]
        leaks = [line for line in lines if CJK.search(line) and "basis:" not in line]
        assert not leaks, (name, "text", leaks)
        assert reports["text"].count("Legal citations are given in Chinese") == 1


def test_one_date_format(checked: dict[str, tuple[str, CheckResult]]) -> None:
    for name, (lang, result) in checked.items():
        for fmt, report in _reports(result, lang).items():
            # what the report writes itself (not citations, nor what it quotes)
            if fmt == "html":
                shown = _strip_read_text(report, result)
            else:
                lines = report.splitlines()
                shown = QUOTED.sub("", "\n".join(x for x in lines if "basis:" not in x))
            if lang == "en":
                assert not re.search(r"\b\d{4}年", shown), (name, fmt)
                assert not re.search(
                    r"(January|February|March|April|May|June|July|August|"
                    r"September|October|November|December) \d",
                    shown,
                )
            else:
                assert not re.search(r"\d{4}年0\d月|月0\d日", shown), (name, fmt)
                assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", shown), (name, fmt)


def test_plurals() -> None:
    assert count(1, "document") == "1 document" and count(2, "document") == "2 documents"
    assert count(0, "page") == "0 pages" and count(1, "day") == "1 day"
    assert count(3, "份", "zh", "份") == "3份"
    single = dataclasses.replace(sample_result(), findings=(), problems=())
    text = render_report(single, "text", lang="en")
    assert isinstance(text, str)
    assert "page(s)" not in text and "file(s)" not in text and "error(s)" not in text
    assert "1 pages" not in text and "1 documents" not in text and "1 files" not in text


def test_fact_labels_and_values() -> None:
    assert fact_label("announcement", "has_reserve") == "设有保留价"
    assert fact_label("announcement", "has_reserve", "en") == "reserve price set"
    assert fact_label("announcement", "starting_price_words") == "起拍价（大写）"
    assert fact_label("announcement", "starting_price", "en") == "starting price"
    # a document's own date: not the label of another kind's field
    assert fact_label("entrustment_contract", "published_date") == "落款日期"
    assert fact_text("has_reserve", False) == "否" and fact_text("has_reserve", True, "en") == "yes"
    assert fact_text("commission_rate_buyer", Decimal("0.03")) == "3%"
    assert fact_text("deposit_amount", Decimal("1234")) == "1,234.00元"
    assert fact_text("deposit_amount", Decimal("1234"), "en") == "CNY 1,234.00"
    assert fact_text("property_class", "movable") == "动产"
    assert fact_text("result", "no_bids", "en") == "no bids"
    assert fact_text("auction_datetime", dt.datetime(2026, 3, 5, 9, 30)) == "2026年3月5日 09:30"
    assert date_text(dt.date(2026, 3, 5)) == "2026年3月5日"
    assert date_text(dt.date(2026, 3, 5), "en") == "2026-03-05"
    assert dates_in_text("事件日：2026年03月03日 周二") == "事件日：2026年3月3日 周二"
    assert dates_in_text("Event: Tue 3 Mar 2026", "en") == "Event: 2026-03-03 (Tue)"


def test_every_fact_the_reader_names_has_a_label() -> None:
    import paimai_docs.reading.facts as facts

    names = set(re.findall(r"``([a-z][a-z_]+)``", facts.__doc__ or ""))
    names -= {"movable", "immovable", "property_right", "sold", "no_bids", "below_reserve",
              "failed", "withdrawn", "suspended", "terminated", "partly_sold", "auctioneer.phone",
              "name"}  # fmt: skip
    for name in sorted(names):
        zh, en = fact_label("unknown", name), fact_label("unknown", name, "en")
        assert CJK.search(zh) and "_" not in zh, (name, zh)
        assert not CJK.search(en) and "_" not in en, (name, en)


def test_read_problems_in_our_words() -> None:
    zipped = ReadProblem("corrupt", "不是有效的 zip 压缩包（File is not a zip file）", "a.zip")
    assert problem_text(zipped) == "不是有效的 zip 压缩包"
    crashed = ReadProblem("unreadable", "无法读取文件：PdfiumError: Failed to load document", "b")
    assert problem_text(crashed) == "无法读取文件"
    assert problem_text(crashed, "en") == "cannot be read"


def test_json_facts_keep_their_types(checked: dict[str, tuple[str, CheckResult]]) -> None:
    import json

    for name, (lang, result) in checked.items():
        data = json.loads(str(render_report(result, "json", lang=lang)))
        for document in data["documents"]:
            for fact in document["facts"]:
                assert fact["value"] not in ("True", "False", "None"), (name, fact)
                assert fact["title"] and fact["text"] is not None
                if fact["name"] == "has_reserve":
                    assert isinstance(fact["value"], bool)


# ------------------------------------------------------------------------------------------
# The notice


def _docx_text(data: str | bytes) -> str:
    assert isinstance(data, bytes)
    document = open_docx(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def test_notice_names_from_options() -> None:
    data = render_report(
        sample_result(), "docx", addressee="河阳市宏达拍卖有限公司",
        issuer="河阳市市场监督管理局", case_name="恒信机械设备拍卖",
    )  # fmt: skip
    assert isinstance(data, bytes)
    text = _docx_text(data)
    assert "河阳市宏达拍卖有限公司：" in text and "河阳市市场监督管理局" in text
    assert "你单位报送的“恒信机械设备拍卖”材料已收悉" in text


def test_notice_without_a_case_name_quotes_no_folder() -> None:
    result = sample_result()
    text = _docx_text(render_report(result, "docx"))
    assert "你单位报送的材料已收悉，共4个文件" in text
    assert "报送单位：" in text and "审核单位" in text  # blanks to fill in by hand


def test_notice_names_from_a_profile(tmp_path: Path) -> None:
    profile_file = tmp_path / "profile.yaml"
    profile_file.write_text(
        "schema_version: 1\nid: mine\ntitle: 我的配置\nextends: COM\n"
        "notice: {issuer: 河阳市商务局, case_name: 二〇二六年第一批}\n",
        encoding="utf-8",
    )
    profile = load_profile(str(profile_file))
    assert profile.notice == {"issuer": "河阳市商务局", "case_name": "二〇二六年第一批"}
    result = dataclasses.replace(sample_result(), profile=profile)
    text = _docx_text(render_report(result, "docx", addressee="甲公司"))
    assert "甲公司：" in text and "河阳市商务局" in text and "“二〇二六年第一批”" in text
    # the command line wins over the profile
    text = _docx_text(render_report(result, "docx", issuer="乙局"))
    assert "乙局" in text and "河阳市商务局" not in text


@pytest.mark.parametrize(
    ("notice", "message"),
    [("{isuer: 甲}", "是否想写 issuer"), ("{issuer: '  '}", "不能为空"), ("[甲]", "notice")],
)
def test_profile_notice_keys_are_validated(tmp_path: Path, notice: str, message: str) -> None:
    profile_file = tmp_path / "profile.yaml"
    profile_file.write_text(
        f"schema_version: 1\nid: mine\ntitle: 我的配置\nextends: COM\nnotice: {notice}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(str(profile_file))
    assert message in caught.value.message("zh")


def test_file_names_break_at_a_slash_or_after_the_number_prefix() -> None:
    assert wrap_name("02-拍卖公告.pdf", COLUMNS[1]) == "02-拍卖公告.pdf"
    long = wrap_name("06-拍卖活动后期备案登记表.pdf", COLUMNS[1])
    assert long.startswith("06-\n拍卖活动") and long.endswith(".pdf") and "\n.pdf" not in long
    nested = wrap_name("材料/第一批/委托拍卖合同（盖章版）.pdf", COLUMNS[1])
    assert nested.split("\n")[0].endswith("/")
