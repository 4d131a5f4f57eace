"""The 补正通知书: every deficiency with its rule, message, citation and fix; the reply deadline
counted in working days; needs-review points apart; personal numbers masked; an A4 document in
Chinese fonts that LibreOffice prints with all its text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from paimai_docs import pdf
from paimai_docs.engine import load_rules
from paimai_docs.reports import render_report
from paimai_docs.reports.common import kind_title
from paimai_docs.reports.notice import render

from .report_fixtures import ID_NUMBER, PHONE, TODAY, UNREADABLE, sample_result

missing_pdf_tools = pdf.check_pdf_tools()


def _document(data: bytes) -> Document:
    return Document(io.BytesIO(data))


def _text(data: bytes) -> str:
    """Every paragraph and table cell, one per line."""
    document = _document(data)
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def _tables(data: bytes) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in _document(data).tables
    ]


@pytest.fixture(scope="module")
def notice() -> bytes:
    data = render(sample_result())
    assert isinstance(data, bytes)
    return data


def test_every_finding_is_listed_with_rule_message_basis_and_fix(notice: bytes) -> None:
    text = _text(notice)
    rules = {rule.id: rule for rule in load_rules()}
    for finding in sample_result().findings:
        assert finding.rule in text
        assert finding.message in text, finding.rule
        assert finding.basis in text, finding.rule
        assert rules[finding.rule].explain.fix in text, finding.rule
    assert UNREADABLE in text and "文件已加密" in text


def test_title_number_addressee_and_sender(notice: bytes) -> None:
    paragraphs = [p.text for p in _document(notice).paragraphs if p.text]
    assert paragraphs[0] == "补正通知书"
    assert paragraphs[1].startswith("补正〔2026〕")
    assert paragraphs[2] == "报送单位："
    assert paragraphs[-2:] == ["审核单位", "二〇二六年九月二十八日"]
    assert "经审核，你单位报送的材料存在以下问题，现一次性告知如下，请于" in "".join(paragraphs)
    custom = render(
        sample_result(), addressee="浙江某某拍卖有限公司", issuer="某市公共资源交易中心",
        number="交易补〔2026〕17号",
    )  # fmt: skip
    text = _text(custom)
    assert "浙江某某拍卖有限公司：" in text
    assert "某市公共资源交易中心" in text and "交易补〔2026〕17号" in text


def test_reply_deadline_counts_working_days_across_national_day(notice: bytes) -> None:
    # From Mon 28 Sep 2026 (not counted): Tue 29 Sep (1), Wed 30 Sep (2); 1–7 Oct is the
    # National Day holiday; Thu 8 Oct (3), Fri 9 Oct (4), Sat 10 Oct is a make-up working day
    # (5). The fifth working day is Saturday 10 October 2026.
    assert dt.date(2026, 9, 28) == TODAY
    assert "请于2026年10月10日前补正（5个工作日，自2026年9月28日的次日起算）" in _text(notice)
    # Three working days: 29 Sep, 30 Sep, 8 Oct.
    assert "请于2026年10月8日前补正" in _text(render(sample_result(), reply_days=3))


def test_a_year_without_holiday_data_is_said_not_guessed() -> None:
    later = dataclasses.replace(sample_result(), today=dt.date(2101, 3, 3))
    text = _text(render(later))
    assert "因尚无2101年的节假日安排数据，截止日期未能自动计算" in text
    assert "请于2101" not in text
    assert "二一〇一年三月三日" in text


def test_a_year_without_a_published_schedule_gets_a_provisional_date() -> None:
    later = dataclasses.replace(sample_result(), today=dt.date(2031, 3, 3))
    text = _text(render(later))
    assert "请于2031年3月10日前补正" in text and "暂定" in text


def test_deficiencies_and_review_points_are_in_separate_numbered_tables(notice: bytes) -> None:
    _, deficiencies, review = _tables(notice)
    assert deficiencies[0] == ["序号", "文件及页码", "问题", "依据", "需补正的材料或内容"]
    # one row per error or warning (and per unreadable file), numbered from 1
    result = sample_result()
    wrong = [f for f in result.findings if f.severity.value in ("error", "warning")]
    wrong = [f for f in wrong if not f.needs_review]
    rows = len(wrong) + len(result.problems)
    assert [row[0] for row in deficiencies[1:]] == [str(n) for n in range(1, rows + 1)]
    listed = "\n".join(row[2] for row in deficiencies[1:])
    for rule in ("ANN-03", "ANN-01", "ID-CHECKSUM", "BUNDLE-COMPLETE 第3项"):
        assert f"规则：{rule}" in listed
    assert "CONTRACT-01" not in listed and "NO-TEXT" not in listed
    assert any(row[1] == "公告/拍卖公告.pdf\n第2页" for row in deficiencies)
    assert deficiencies[-1][1] == "整套材料"
    prompts = [row[2].splitlines()[-1] for row in review[1:]]
    assert "规则：CONTRACT-01" in prompts and "规则：NO-TEXT" in prompts
    assert len(prompts) == sum(1 for f in result.findings if f.needs_review)
    text = _text(notice)
    assert "一、需要补正的问题" in text and "二、需人工核对的事项" in text


def test_files_received_with_kind_and_pages(notice: bytes) -> None:
    receipt = _tables(notice)[0]
    assert receipt[0] == ["序号", "文件", "文书类型", "页数", "说明"]
    for document in sample_result().documents:
        row = next(r for r in receipt if r[1] == document.file)
        assert row[2] == kind_title(document.kind) and row[3] == str(len(document.pages))
    registration = next(r for r in receipt if r[1] == "竞买人登记表.pdf")
    assert registration[4] == "第2页无文字层"
    assert next(r for r in receipt if r[1] == UNREADABLE)[4].startswith("无法读取")
    assert "共4个文件" in _text(notice)


def test_personal_numbers_are_masked_unless_asked(notice: bytes) -> None:
    text = _text(notice)
    assert ID_NUMBER not in text and PHONE not in text
    assert "110101********1234" in text and "139****5678" in text
    shown = _text(render(sample_result(), show_personal_data=True))
    assert ID_NUMBER in shown and PHONE in shown


def test_english_notice() -> None:
    text = _text(render(sample_result(), lang="en"))
    assert text.startswith("Notice of deficiencies")
    assert "Please correct them by 2026-10-10" in text  # dates as in the English reports
    assert "The submitting party:" in text and "2026-09-28" in text
    assert "We have received your submission, 4 files:" in text
    assert text.count("given in Chinese") == 1  # said once
    rules = {rule.id: rule for rule in load_rules()}
    for finding in sample_result().findings:
        assert finding.rule in text and finding.basis in text
        assert finding.message_en in text or rules[finding.rule].title_en in text


def test_nothing_to_correct() -> None:
    clean = dataclasses.replace(sample_result(), findings=(), problems=())
    text = _text(render(clean))
    assert "经审核，未发现需要补正的问题。" in text and "请于" not in text


def test_a4_official_layout_with_east_asian_fonts_everywhere(notice: bytes) -> None:
    document = _document(notice)
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin)
    margins = (section.left_margin, section.right_margin)
    assert [round(length.mm) for length in (*sizes, *margins)] == [210, 297, 37, 35, 28, 26]
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋" and normal.get(qn("w:ascii")) == "Times New Roman"
    body = document.element.body
    runs = body.findall(f".//{qn('w:r')}")
    assert runs
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and fonts.get(qn("w:eastAsia")) in {"仿宋", "宋体", "黑体"}
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
    title = document.paragraphs[0].runs[0]
    assert title.bold and title.font.size.pt == 22
    assert "PAGE" in "".join(t.text or "" for t in section.footer._element.iter(qn("w:instrText")))


def test_same_result_same_bytes(notice: bytes) -> None:
    assert render_report(sample_result.__wrapped__(), "docx") == notice


@pytest.mark.libreoffice
@pytest.mark.skipif(bool(missing_pdf_tools), reason="；".join(missing_pdf_tools) or "ok")
def test_libreoffice_prints_every_line(tmp_path: Path, notice: bytes) -> None:
    import pypdfium2

    source = tmp_path / "补正通知书.docx"
    source.write_bytes(notice)
    (printed,) = pdf.convert_to_pdf([source], tmp_path / "pdf")
    document = pypdfium2.PdfDocument(str(printed))
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    # LibreOffice's text layer breaks lines and puts spaces between CJK and Latin runs; pdfium
    # reads a hyphen at a line break as U+FFFE.
    flat = "".join(pages).replace(" ", "").replace("\r\n", "").replace("\ufffe", "-")
    for expected in (
        "补正通知书",
        "请于2026年10月10日前补正",
        "需人工核对的事项",
        "重新报送全部材料。如有疑问",  # no full stop lost at a line end
        "二〇二六年九月二十八日",
        *(finding.rule for finding in sample_result().findings),
    ):
        assert expected in flat, expected
