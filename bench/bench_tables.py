"""Table benchmark: cells of ruled tables recovered by pdfplumber and by pypdfium2.

    python bench/bench_tables.py [--repeat 5] [--keep DIR]

Generates PDFs with ruled tables (reportlab ``Table`` with a grid, Chinese text in an embedded
TrueType CJK font found with ``fc-list :lang=zh file``): a label–value form whose long values
wrap onto two or three lines in their cell, a lot table (序号|标的名称|数量|评估价|起拍价|保证金,
five lots) under a paragraph of text, and a plain text page without a table. Then, per page:

- text:       pypdfium2 ``get_textpage().get_text_range()`` (what the reader does anyway);
- pdfplumber: ``page.extract_tables()`` (pdfminer layout, lines and rects, its table finder);
- pdfium:     :func:`paimai_docs.reading.tables.page_tables` — rules from the page's path
              objects, cells cut at the rules, each cell's text by ``get_text_bounded``
              (the textpage is the one the text column already built).

A method is right on a page when it recovers every table of the page, each cell's text exactly
(white space removed on both sides; a wrapped cell must come back whole). Times are the best of
``--repeat`` runs, in milliseconds per page, with the PDF already open. See README.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Table = list[list[str]]

FORM: Table = [
    ["项目", "内容"],
    ["拍卖人", "某市某某拍卖有限公司"],
    ["委托人", "某市某区人民法院（执行局），委托函编号（2026）某01执恢123号之二"],
    [
        "拍卖标的",
        "某市某区某路18号某小区3幢2单元1502室住宅一套，建筑面积98.5平方米，连同室内装修及附属设施",
    ],
    ["拍卖日期", "2026年3月18日"],
    [
        "拍卖地点",
        "本公司拍卖厅（某市某区某大道100号某大厦12楼），同时在某网络拍卖平台同步进行",
    ],
    ["成交价", "人民币12万元"],
    ["买受人", "张三"],
    ["佣金", "人民币6000元"],
]
LOTS: Table = [
    ["序号", "标的名称", "数量", "评估价（元）", "起拍价（元）", "保证金（元）"],
    ["1", "小型普通客车（豫G·12345）", "1辆", "85,000", "60,000", "10,000"],
    ["2", "办公家具一批（含桌椅、文件柜等）", "1批", "32,000", "22,400", "5,000"],
    ["3", "电子设备（电脑、打印机）", "26台", "48,500", "33,950", "8,000"],
    ["4", "钢材废料", "12.5吨", "27,000", "18,900", "5,000"],
    ["5", "商铺租赁权（三年）", "1项", "150,000", "105,000", "30,000"],
]
TEXT = [
    "受某市中级人民法院委托，本公司定于2026年10月9日上午9时30分在本公司拍卖厅公开拍卖下列标的：",
    "一、拍卖标的：某市某区某路18号住宅一套，建筑面积98.5平方米，现状拍卖。",
    "二、参考价：人民币壹佰贰拾万元整（¥1,200,000.00），竞买保证金人民币贰拾万元整。",
    "三、展示时间：2026年9月28日至2026年10月8日，地点为标的现场，请预约看样。",
]


# --------------------------------------------------------------------------------------------
# Generating the PDFs


def cjk_font() -> str | None:
    """Register an embedded TrueType CJK font found by fontconfig; None when there is none."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
        ).stdout
    except FileNotFoundError:
        return None
    paths = [line.split(":")[0].strip() for line in out.splitlines()]
    # TrueType outlines only (reportlab cannot embed CFF-flavoured OpenType); WenQuanYi first.
    paths = sorted((p for p in paths if p.endswith((".ttf", ".ttc"))), key=lambda p: "wqy" not in p)
    for path in paths:
        try:
            kwargs = {"subfontIndex": 0} if path.endswith(".ttc") else {}
            pdfmetrics.registerFont(TTFont("TableCJK", path, **kwargs))
        except Exception:
            continue
        return "TableCJK"
    return None


def make_pdf(path: Path, font: str, layout: str) -> list[Table]:
    """Write one page (``form``, ``lots`` or ``text``); the tables it holds, as truth."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    rl_config.invariant = 1
    style = ParagraphStyle("cjk", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    title = ParagraphStyle("title", parent=style, fontSize=16, leading=24, alignment=1)
    grid = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), font),
    ]
    story: list[Any] = []
    truth: list[Table] = []
    if layout == "form":
        story.append(Paragraph("拍卖成交备案表", title))
        story.append(Spacer(1, 12))
        rows = [[Paragraph(label, style), Paragraph(value, style)] for label, value in FORM]
        story.append(RLTable(rows, colWidths=[90, 300], style=grid))
        story.append(Spacer(1, 12))
        story.append(Paragraph("备案机关（盖章）：　　　　　　日期：2026年3月20日", style))
        truth.append(FORM)
    elif layout == "lots":
        story.append(Paragraph("拍卖成交确认书（附表）", title))
        story.extend(Paragraph(line, style) for line in TEXT[:2])
        story.append(Spacer(1, 10))
        widths = [32, 150, 45, 70, 70, 70]
        rows = [[Paragraph(cell, style) for cell in row] for row in LOTS]
        story.append(RLTable(rows, colWidths=widths, style=grid))
        story.append(Spacer(1, 10))
        story.extend(Paragraph(line, style) for line in TEXT[2:])
        truth.append(LOTS)
    else:
        story.append(Paragraph("拍卖公告", title))
        story.extend(Paragraph(line, style) for line in TEXT * 8)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return truth


def generate(base: Path, font: str) -> dict[str, tuple[Path, list[Table]]]:
    base.mkdir(parents=True, exist_ok=True)
    out = {}
    for layout in ("form", "lots", "text"):
        target = base / f"{layout}.pdf"
        out[layout] = (target, make_pdf(target, font, layout))
    return out


# --------------------------------------------------------------------------------------------
# The methods


def _clean(tables: list[Any]) -> list[Table]:
    return [
        [["".join((cell or "").split()) for cell in row] for row in table if any(row)]
        for table in tables
    ]


def by_text(path: Path) -> tuple[float, list[Table]]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    page = document[0]
    start = time.perf_counter()
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    seconds = time.perf_counter() - start
    page.close()
    document.close()
    return seconds, []


def by_pdfplumber(path: Path) -> tuple[float, list[Table]]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        start = time.perf_counter()
        tables = pdf.pages[0].extract_tables()
        seconds = time.perf_counter() - start
    return seconds, _clean(tables)


def by_pdfium(path: Path) -> tuple[float, list[Table]]:
    import pypdfium2 as pdfium

    from paimai_docs.reading.tables import page_tables

    document = pdfium.PdfDocument(str(path))
    page = document[0]
    textpage = page.get_textpage()
    textpage.get_text_range()
    start = time.perf_counter()
    tables = page_tables(page, textpage)
    seconds = time.perf_counter() - start
    textpage.close()
    page.close()
    document.close()
    return seconds, _clean(tables)


METHODS: dict[str, Callable[[Path], tuple[float, list[Table]]]] = {
    "text": by_text,
    "pdfplumber": by_pdfplumber,
    "pdfium": by_pdfium,
}


def score(found: list[Table], truth: list[Table]) -> tuple[int, int]:
    """(cells recovered exactly, cells in the truth), tables matched in order."""
    expected = _clean(truth)
    total = sum(len(row) for table in expected for row in table)
    right = 0
    for table, want in zip(found, expected, strict=False):
        for row, want_row in zip(table, want, strict=False):
            right += sum(a == b for a, b in zip(row, want_row, strict=False))
    if len(found) > len(expected):  # tables found where there are none count against
        right -= sum(len(row) for table in found[len(expected) :] for row in table)
    return right, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the PDFs here and keep them")
    args = parser.parse_args()
    font = cjk_font()
    if font is None:
        print("no embedded CJK TrueType font found (fc-list :lang=zh file); nothing measured")
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        files = generate(args.keep or Path(temporary), font)
        for method in METHODS.values():  # imports and first use, untimed
            method(files["text"][0])
        print(f"{'page':6} {'method':11} {'ms/page':>8}  cells right")
        for layout, (path, truth) in files.items():
            for name, method in METHODS.items():
                best = float("inf")
                found: list[Table] = []
                for _ in range(args.repeat):
                    seconds, found = method(path)
                    best = min(best, seconds)
                if name == "text":
                    verdict = "-"
                else:
                    right, total = score(found, truth)
                    exact = found == _clean(truth)
                    verdict = f"{right}/{total}" + (" exact" if exact else " WRONG")
                print(f"{layout:6} {name:11} {best * 1000:8.2f}  {verdict}")
                if name != "text" and found != _clean(truth):
                    for table in found:
                        for row in table:
                            print("        ", " | ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
