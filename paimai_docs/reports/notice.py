"""The 补正通知书 (deficiency notice) as a Word document: one notice for the whole bundle that
lists every deficiency at once, with its citation and what to correct.

Contents: title, number line, addressee, the files received (kind, pages, pages without text),
the request to correct them within ``reply_days`` working days (the date counted on the State
Council calendar from ``result.today``, or today), a numbered table of every error and warning
(序号 / 文件及页码 / 问题 / 依据 / 需补正的材料或内容, the last from the rule's explanation),
files that could not be read, the points a person must check (needs-review findings) in a
section of their own, other hints, and the sender with the date written out
(二〇二六年九月二十八日).

Options: ``addressee`` (报送单位), ``issuer`` (审核单位) and ``case_name`` (the matter the
material is about, quoted in the receipt sentence), each from the command line (``--addressee``,
``--issuer``, ``--case-name``) or else from the profile's ``notice:`` keys; without them the
notice prints the words 报送单位 / 审核单位 as blanks to fill in and names no case (never the
folder's name). ``reply_days`` (5), ``number`` (the number line; default a blank to fill in by
hand), ``calendar`` (a :class:`~paimai_docs.holidays.HolidayCalendar` with user holiday files).
When the holiday data do not cover the year of the deadline, the notice says so and gives no
date rather than guess.

Layout follows ``scripts/build_templates.py`` (GB/T 9704): A4, margins 37/35/28/26 mm, title in
bold 宋体 二号, body 仿宋 三号 on a 28 pt line, headings 黑体, tables 宋体 五号, page numbers
"— 1 —"; East-Asian fonts set on the styles and every run, Times New Roman for Latin. Table
columns are sized for their content, and a file name too long for its column is broken at a
"/" or after its number prefix (``02-`` / ``拍卖公告.pdf``) rather than anywhere. The closing
paragraph keeps with the last table row and the sender block with the closing paragraph, so
the last page never holds the signature alone. With ``lang="en"`` the notice is in English
(dates ISO, as in the English reports), except the citations and the how-to-fix text, which
the rule catalogue has in Chinese only: the notice says so once. The output is reproducible
byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from typing import Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from .. import rx
from ..checker import CheckResult
from ..docx_style import (
    FANGSONG,
    HEITI,
    SONG,
    add_page_number,
    set_fonts,
    set_official_page,
    set_official_styles,
)
from ..engine import Finding, Rule, load_rules
from ..errors import CalendarYearNotCovered
from ..lang import resolve, say
from ..periods import add_working_days
from ..reading.types import ReadProblem
from ..values.dates import formal_date
from .common import (
    count,
    date_text,
    document_order,
    finding_text,
    findings_by_file,
    kind_title,
    page_ranges,
    problem_text,
    safe,
)

BODY_SIZE, BODY_LINE = 16.0, 28.0  # 三号 on a fixed 28 pt line
ENGLISH_SIZE, ENGLISH_LINE = 12.0, 20.0  # a Latin letter in 三号 looks shouted
TITLE_SIZE, TABLE_SIZE = 22.0, 10.5  # 二号, 五号
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# 序号 / 文件及页码 / 问题 / 依据 / 需补正的材料或内容: 156 mm between the margins; a file name
# such as 公告/拍卖公告.pdf fits its column on one line
COLUMNS = (12.0, 38.0, 38.0, 30.0, 38.0)
# 序号 / 文件 / 文书类型 / 页数 / 说明: the longest kind (拍卖活动后期备案登记表) on one line
RECEIPT_COLUMNS = (12.0, 52.0, 46.0, 17.0, 29.0)
CELL_MARGINS_MM = 3.8  # left and right together, the Table Grid default

_TEXT = {
    "title": ("补正通知书", "Notice of deficiencies"),
    "number": ("补正〔{year}〕第　　号", "No. {year}/____"),
    "addressee": ("报送单位", "The submitting party"),
    "issuer": ("审核单位", "The reviewing office"),
    "received": (
        "你单位报送的“{case}”材料已收悉，共{count}个文件：",
        "We have received your submission “{case}”, {count}:",
    ),
    "received_no_case": (
        "你单位报送的材料已收悉，共{count}个文件：",
        "We have received your submission, {count}:",
    ),
    "chinese_only": (
        "",
        "The citations (Basis) and what to correct are given in Chinese, as the rules state them.",
    ),
    "receipt_headers": (
        ("序号", "文件", "文书类型", "页数", "说明"),
        ("No.", "File", "Kind of document", "Pages", "Remarks"),
    ),
    "pages_without_text": ("第{pages}页无文字层", "no text on p. {pages}"),
    "unreadable": ("无法读取：{message}", "cannot be read: {message}"),
    "request": (
        "经审核，你单位报送的材料存在以下问题，现一次性告知如下，请于{due}前补正"
        "（{days}个工作日，自{today}的次日起算）。",
        "Having reviewed the submission, we list all of its deficiencies below, at once. "
        "Please correct them by {due} ({days} working days counted from the day after {today}).",
    ),
    "request_provisional": (
        "经审核，你单位报送的材料存在以下问题，现一次性告知如下，请于{due}前补正"
        "（{days}个工作日，自{today}的次日起算；该年节假日调休安排尚未公布，按法定节假日暂定，"
        "最迟不晚于{latest}）。",
        "Having reviewed the submission, we list all of its deficiencies below, at once. "
        "Please correct them by {due} ({days} working days counted from the day after {today}; "
        "provisional, as that year's holiday schedule is not published yet: at the latest "
        "{latest}).",
    ),
    "request_no_calendar": (
        "经审核，你单位报送的材料存在以下问题，现一次性告知如下，请自{today}的次日起{days}个"
        "工作日内补正。因尚无{year}年的节假日安排数据，截止日期未能自动计算，请审核单位核定后告知。",
        "Having reviewed the submission, we list all of its deficiencies below, at once. "
        "Please correct them within {days} working days counted from the day after {today}. "
        "There is no holiday data for {year} yet, so the last day has not been computed; the "
        "reviewing office will confirm it.",
    ),
    "nothing_to_correct": (
        "经审核，未发现需要补正的问题。",
        "Having reviewed the submission, we found nothing that needs to be corrected.",
    ),
    "deficiencies": ("需要补正的问题", "Deficiencies to correct"),
    "headers": (
        ("序号", "文件及页码", "问题", "依据", "需补正的材料或内容"),
        ("No.", "File and page", "Problem", "Basis", "What to correct or supply"),
    ),
    "review": ("需人工核对的事项", "Points to be checked by a person"),
    "review_intro": (
        "以下事项无法从材料的文字判断（如签字、盖章、扫描页），审核时将人工核对。"
        "请你单位一并自查，如有缺漏，请与上述问题一同补正。",
        "The following cannot be judged from the text of the files (signatures, seals, scanned "
        "pages); we will check them by hand. Please check them too and correct any gap "
        "together with the deficiencies above.",
    ),
    "review_headers": (
        ("序号", "文件及页码", "需核对的事项", "依据", "核对要点"),
        ("No.", "File and page", "What to check", "Basis", "What to look for"),
    ),
    "hints": ("其他提示（不要求补正）", "Other remarks (no correction required)"),
    "closing": (
        "请按上述要求一次性补正，并在期限内重新报送全部材料。如有疑问，请与我单位联系。",
        "Please make all the corrections and submit the complete set of documents again "
        "within the time limit. If anything is unclear, please contact us.",
    ),
    "whole_bundle": ("整套材料", "the bundle as a whole"),
    "page": ("第{page}页", "p. {page}"),
    "evidence": ("原文：「{text}」", "Text: «{text}»"),
    "rule": ("规则：{rule}", "Rule: {rule}"),
    "item": (" 第{item}项", " item {item}"),
    "unreadable_problem": (
        "文件无法读取：{message}",
        "The file cannot be read: {message}",
    ),
    "unreadable_fix": (
        "重新提交可以正常打开的文件（不加密、未损坏的 PDF 或 Word 文档）。",
        "Submit the file again in a form that opens (a PDF or Word file, not encrypted, not "
        "damaged).",
    ),
    "unreadable_basis": ("材料应能正常打开阅读", "Files must open and be readable"),
    "fix_fallback": ("按“问题”一栏所述补正。", "Correct as described under Problem."),
}


def _t(key: str, lang: str) -> Any:
    zh, en = _TEXT[key]
    return say(zh, en, lang)


# ------------------------------------------------------------------------------------------
# Layout


class _Layout:
    """A python-docx document with the page, styles and footer of an official letter."""

    def __init__(self, title: str, created: dt.datetime, *, english: bool = False) -> None:
        self.size, self.line = (ENGLISH_SIZE, ENGLISH_LINE) if english else (BODY_SIZE, BODY_LINE)
        self.english = english  # English paragraphs do not start two characters in
        self.doc = new_document()
        section = self.doc.sections[0]
        set_official_page(section)
        self._styles()
        self._footer()
        props = self.doc.core_properties
        props.title = title
        props.author = props.last_modified_by = "paimai-docs"
        props.created = props.modified = created
        props.revision = 1

    def _styles(self) -> None:
        set_official_styles(
            self.doc, font=FANGSONG, size=self.size, line=self.line, table_size=TABLE_SIZE
        )

    def _footer(self) -> None:
        """Page number "— 1 —" centred, 宋体 四号 (GB/T 9704 7.5)."""
        add_page_number(self.doc.sections[0].footer.paragraphs[0])

    @staticmethod
    def _run(
        paragraph: Paragraph, text: str, *, font: str, size: float, bold: bool = False
    ) -> None:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        set_fonts(run._r, font)

    def para(
        self,
        text: str,
        *,
        align: str = "body",
        indent: bool = True,
        font: str = FANGSONG,
        size: float | None = None,
        bold: bool = False,
        before: float = 0,
        after: float = 0,
        keep_next: bool = False,
        right_chars: float = 0,
    ) -> Paragraph:
        size = size or self.size
        paragraph = self.doc.add_paragraph()
        fmt = paragraph.paragraph_format
        # Body text is left-aligned, not justified: a line of Chinese is full anyway, and
        # LibreOffice (7.4, zh-CN text) drops a 。 or ， that a justified line would hang into
        # the margin, so a justified notice loses punctuation in its PDF.
        fmt.alignment = {
            "body": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        if indent and not self.english and align == "body":
            fmt.first_line_indent = Pt(2 * size)
        if right_chars:
            fmt.right_indent = Pt(right_chars * size)
        if before:
            fmt.space_before = Pt(before)
        if after:
            fmt.space_after = Pt(after)
        if keep_next:
            fmt.keep_with_next = True
        if text:
            self._run(paragraph, text, font=font, size=size, bold=bold)
        return paragraph

    def heading(self, text: str) -> None:
        """A section heading 一、… in 黑体 (GB/T 9704 first-level heading)."""
        self.para(text, font=HEITI, bold=self.english, before=self.size / 2, keep_next=True)

    def table(
        self,
        columns: Sequence[float],
        headers: Sequence[str],
        rows: Sequence[Sequence[Sequence[str]]],
    ) -> Table:
        """A grid table: a bold header row repeated on every page, then ``rows``, each cell a
        list of lines (one paragraph each)."""
        table: Table = self.doc.add_table(rows=0, cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), columns, strict=True):
            col.set(qn("w:w"), str(int(Mm(width).twips)))
        self._row(table, columns, [[h] for h in headers], header=True)
        for cells in rows:
            self._row(table, columns, cells)
        return table

    def _row(
        self,
        table: Table,
        columns: Sequence[float],
        cells: Sequence[Sequence[str]],
        *,
        header: bool = False,
    ) -> None:
        row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx is partly typed
        trpr = row._tr.get_or_add_trPr()
        if header:
            trpr.append(OxmlElement("w:tblHeader"))
        else:
            trpr.append(OxmlElement("w:cantSplit"))  # a short row is never cut across pages
        for index, (cell, lines) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = Mm(columns[index])
            centred = header or index == 0
            for number, line in enumerate(lines or [""]):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                fmt = paragraph.paragraph_format
                fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
                fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
                if line:
                    self._run(paragraph, line, font=SONG, size=TABLE_SIZE, bold=header)

    def keep_last_row(self) -> None:
        """When the body ends with a table, its last row keeps with what follows (the row
        cannot split, so the paragraph after it never starts a page alone)."""
        last = self.doc.element.body[-2] if len(self.doc.element.body) > 1 else None
        if last is None or last.tag != qn("w:tbl"):
            return
        rows = last.findall(qn("w:tr"))
        for element in rows[-1].iter(qn("w:p")) if rows else ():
            Paragraph(element, self.doc._body).paragraph_format.keep_with_next = True

    def to_bytes(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        out = io.BytesIO()
        # Fixed zip timestamps: the same notice gives the same bytes.
        with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = 0o644 << 16
                dst.writestr(fixed, src.read(info.filename))
        return out.getvalue()


# ------------------------------------------------------------------------------------------
# Content


_CN_NUMBERS = "一二三四五六七八九十"
# where a file name may be broken: after a "/", and after the number prefix of a name
# (02-, 3_, 1.) — 02-拍卖公告.pdf is 02- / 拍卖公告.pdf, never 02-拍卖公 / 告.pdf
_NUMBER_PREFIX = rx.compile(r"\d{1,3}[-_.、．）)]+(?=\D)")


# what a line break may not split: a run of Latin letters and digits, and the last character
# of a name with its extension (拍卖公告 / 书.pdf, never 拍卖公告书 / .pdf)
_TOKENS = rx.compile(r".\.[A-Za-z0-9]{1,5}$|[A-Za-z0-9.]+|.", re.S)


def _name_parts(name: str) -> list[str]:
    """The pieces of a file name between the places it may break."""
    parts: list[str] = []
    for piece in re.split(r"(?<=/)", name):
        prefix = _NUMBER_PREFIX.match(piece)
        if prefix:
            parts.extend((piece[: prefix.end()], piece[prefix.end() :]))
        elif piece:
            parts.append(piece)
    return parts


# widths in ems of Latin characters in Times New Roman (Liberation Serif in LibreOffice)
_LATIN_EMS = {".": 0.25, ",": 0.25, "-": 0.33, "/": 0.28, "_": 0.5, " ": 0.25, "(": 0.33, ")": 0.33}


def _em(text: str) -> float:
    """The width of ``text`` in ems of the table font: a Chinese character is one, a Latin
    letter or digit about half (capitals more), rounded up a little so that an estimate never
    overfills a line."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            width += 1.0
        elif ch in _LATIN_EMS:
            width += _LATIN_EMS[ch]
        else:
            width += 0.72 if ch.isupper() else 0.5
    return width * 1.04


def wrap_name(name: str, width_mm: float, size: float = TABLE_SIZE) -> str:
    """``name`` with line breaks ("\n", a line break in Word) where a column of ``width_mm``
    must break it: at a "/" or after a number prefix first; a part still too long for a line is
    cut by characters, as late as it fits."""
    capacity = (width_mm - CELL_MARGINS_MM) / (size * 25.4 / 72)
    if _em(name) <= capacity:
        return name
    lines: list[str] = []
    line = ""
    for part in _name_parts(name):
        if line and _em(line + part) > capacity:
            lines.append(line)
            line = ""
        if _em(line + part) <= capacity:
            line += part
            continue
        # a piece longer than a line: break it between characters, never inside a run of
        # Latin letters and digits (2026.pdf), unless that run alone is longer than a line
        for token in _TOKENS.findall(part):
            if line and _em(line + token) > capacity:
                lines.append(line)
                line = ""
            line += token
            while _em(line) > capacity:
                cut = len(line)
                while cut > 1 and _em(line[:cut]) > capacity:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
    lines.append(line)
    return "\n".join(lines)


def _where(file: str | None, page: int | None, lang: str) -> list[str]:
    if file is None:
        return [_t("whole_bundle", lang)]
    return [wrap_name(file, COLUMNS[1])] + ([_t("page", lang).format(page=page)] if page else [])


def _finding_row(
    number: int, finding: Finding, rule: Rule | None, lang: str, show: bool
) -> list[list[str]]:
    problem = [finding_text(finding, rule, lang, show)[0]]
    if finding.evidence:
        problem.append(_t("evidence", lang).format(text=safe(finding.evidence, show)))
    item = _t("item", lang).format(item=finding.item) if finding.item else ""
    problem.append(_t("rule", lang).format(rule=finding.rule + item))
    fix = rule.explain.fix if rule is not None else _t("fix_fallback", lang)
    where = _where(finding.file, finding.page, lang)
    return [[str(number)], where, problem, [finding.basis or "—"], [fix]]


def _problem_row(number: int, problem: ReadProblem, lang: str) -> list[list[str]]:
    return [
        [str(number)],
        _where(problem.file, problem.page, lang),
        [_t("unreadable_problem", lang).format(message=problem_text(problem, lang))],
        [_t("unreadable_basis", lang)],
        [_t("unreadable_fix", lang)],
    ]


def _request(start: dt.date, days: int, calendar: Any, lang: str) -> str:
    """The sentence asking for corrections by the ``days``-th working day after ``start``;
    without holiday data for that year it says so and names no date."""
    today = date_text(start, lang)
    try:
        result = add_working_days(start, days, calendar)
    except CalendarYearNotCovered as exc:
        year = getattr(exc, "year", start.year)
        return str(_t("request_no_calendar", lang).format(today=today, days=days, year=year))
    due = date_text(result.end_date, lang)
    if result.provisional:
        # counted on statutory holidays whose 调休 is not published yet: the latest it could be
        latest = date_text(result.latest or result.end_date, lang)
        return str(
            _t("request_provisional", lang).format(due=due, latest=latest, days=days, today=today)
        )
    return str(_t("request", lang).format(due=due, days=days, today=today))


def _given(value: str | None) -> str | None:
    """An option's value, None when blank."""
    return value.strip() or None if value else None


def render(
    result: CheckResult,
    *,
    lang: str = "zh",
    show_personal_data: bool = False,
    addressee: str | None = None,
    issuer: str | None = None,
    case_name: str | None = None,
    reply_days: int = 5,
    number: str | None = None,
    calendar: Any = None,
    **_: Any,
) -> bytes:
    """The notice as .docx bytes."""
    lang = resolve(lang)
    show = show_personal_data
    today = result.today or dt.date.today()
    # the names: given for this notice, else the profile's ``notice:``, else blanks to fill in
    names = dict(getattr(result.profile, "notice", None) or {})
    addressee = _given(addressee) or names.get("addressee")
    issuer = _given(issuer) or names.get("issuer")
    case_name = _given(case_name) or names.get("case_name")
    rules = {rule.id: rule for rule in load_rules()}
    title = _t("title", lang)
    created = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    english = say(False, True, lang)  # the layout and the sender block differ as a whole
    layout = _Layout(title, created, english=english)
    gap = layout.size / 2  # space above a paragraph that follows a table

    layout.para(title, align="center", font=SONG, size=TITLE_SIZE, bold=True, after=BODY_SIZE)
    layout.para(number or _t("number", lang).format(year=today.year), align="center")
    layout.para("", indent=False)
    colon = say("：", ":", lang)
    layout.para(f"{addressee or _t('addressee', lang)}{colon}", indent=False)

    # The files received
    documents = document_order(result.documents)
    files = len(documents) + len(result.problems)
    files_text = count(files, "file", lang)
    if case_name:
        received = _t("received", lang).format(case=case_name, count=files_text)
    else:
        received = _t("received_no_case", lang).format(count=files_text)
    layout.para(received, keep_next=True)
    receipt = []
    for document in documents:
        remarks = []
        if document.pages_without_text:
            pages = page_ranges(document.pages_without_text)
            remarks.append(_t("pages_without_text", lang).format(pages=pages))
        remarks.extend(
            _t("unreadable", lang).format(message=problem_text(p, lang))
            for p in document.problems
            if p.page is None
        )
        receipt.append(
            [
                [wrap_name(document.file, RECEIPT_COLUMNS[1])],
                [kind_title(document.kind, lang)],
                [str(len(document.pages))],
                remarks,
            ]
        )
    for problem in result.problems:
        receipt.append(
            [
                [wrap_name(problem.file, RECEIPT_COLUMNS[1])],
                ["—"],
                ["—"],
                [_t("unreadable", lang).format(message=problem_text(problem, lang))],
            ]
        )
    layout.table(
        RECEIPT_COLUMNS,
        _t("receipt_headers", lang),
        [[[str(n)], *cells] for n, cells in enumerate(receipt, start=1)],
    )

    # Every deficiency: per file in order (its unreadable problems first, then its findings by
    # page), then files that could not be read at all, then the bundle as a whole.
    grouped = findings_by_file(result.findings)
    bundle_findings = grouped.pop(None, [])
    ordered: list[Finding | ReadProblem] = []
    for document in documents:
        ordered.extend(p for p in document.problems if p.page is None)
        ordered.extend(grouped.pop(document.file, []))
    ordered.extend(f for items in grouped.values() for f in items)
    ordered.extend(result.problems)
    ordered.extend(bundle_findings)

    deficiencies: list[list[list[str]]] = []
    review: list[list[list[str]]] = []
    hints: list[list[list[str]]] = []
    for entry in ordered:
        if isinstance(entry, ReadProblem):
            deficiencies.append(_problem_row(len(deficiencies) + 1, entry, lang))
            continue
        rule = rules.get(entry.rule)
        if entry.needs_review:
            review.append(_finding_row(len(review) + 1, entry, rule, lang, show))
        elif entry.severity.value in ("error", "warning"):
            deficiencies.append(_finding_row(len(deficiencies) + 1, entry, rule, lang, show))
        else:
            hints.append(_finding_row(len(hints) + 1, entry, rule, lang, show))

    if deficiencies or review:
        layout.para(_request(today, reply_days, calendar, lang), before=gap)
        if english:
            layout.para(_t("chinese_only", lang))
    else:
        layout.para(_t("nothing_to_correct", lang), before=gap)

    sections = [
        (_t("deficiencies", lang), None, _t("headers", lang), deficiencies),
        (_t("review", lang), _t("review_intro", lang), _t("review_headers", lang), review),
        (_t("hints", lang), None, _t("headers", lang), hints),
    ]
    heading = 0
    for name, intro, headers, rows in sections:
        if not rows:
            continue
        heading += 1
        label = say(f"{_CN_NUMBERS[heading - 1]}、", f"{heading}. ", lang)
        layout.heading(label + name)
        if intro:
            layout.para(intro, keep_next=True)
        layout.table(COLUMNS, headers, rows)

    # The sender block never stands alone on the last page: the closing paragraph keeps with
    # the last row of the table before it, and the sender with the closing paragraph.
    layout.keep_last_row()
    if deficiencies or review:
        layout.para(_t("closing", lang), before=gap, keep_next=True)
    layout.para("", indent=False, keep_next=True)
    layout.para("", indent=False, keep_next=True)
    sender = issuer or _t("issuer", lang)
    if english:
        layout.para(sender, align="right", indent=False, keep_next=True)
        layout.para(date_text(today, "en"), align="right", indent=False)
    else:
        # GB/T 9704: the date two characters from the right margin, the sender centred above it
        signed = formal_date(today)
        centre = 2 + max(0.0, (len(signed) - len(sender)) / 2)
        layout.para(sender, align="right", indent=False, right_chars=centre, keep_next=True)
        layout.para(signed, align="right", indent=False, right_chars=2)
    return layout.to_bytes()
