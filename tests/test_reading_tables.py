"""Ruled tables of a PDF page come back as rows of cells appended to the page's text
(``paimai_docs.reading.tables``): generated with reportlab in an embedded CJK TrueType font;
skipped when there is none."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from paimai_docs.reading import pdf, read_bundle
from paimai_docs.reading.tables import table_lines

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("reportlab") is None:
    pytest.skip("reportlab is not installed", allow_module_level=True)
sys.path.insert(0, str(ROOT / "bench"))
import bench_tables  # noqa: E402

FONT = bench_tables.cjk_font()
pytestmark = pytest.mark.skipif(FONT is None, reason="no embedded CJK TrueType font (fc-list)")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    assert FONT is not None
    base = tmp_path_factory.mktemp("tables")
    return {name: path for name, (path, _truth) in bench_tables.generate(base, FONT).items()}


def _text(path: Path) -> str:
    with pdf.open_pdf(path) as document:
        return "\n".join(page.text for page in pdf.read_pages(document, max_pages=5))


def _bare_text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[0].get_textpage()
        return str(textpage.get_text_range()).replace("\r\n", "\n").replace("\r", "\n")
    finally:
        document.close()


def test_wrapped_cells_come_back_whole(files: dict[str, Path]) -> None:
    text = _text(files["form"])
    lines = text.split("\n")
    for label, value in bench_tables.FORM:  # a form's row reads as a filled field does
        assert f"{label}：{value}" in lines
    # the wrapped value is split in the text layer, whole in its row
    venue = dict(bench_tables.FORM)["拍卖地点"]
    assert venue not in _bare_text(files["form"])


def test_page_text_before_the_tables_is_unchanged(files: dict[str, Path]) -> None:
    for name in ("form", "lots"):
        bare = _bare_text(files[name]).rstrip("\n")
        text = _text(files[name])
        assert text.startswith(bare)
        assert text[len(bare) :].startswith("\n")
        assert "：2026年3月18日" not in bare and " | " not in bare


def test_a_page_without_a_table_is_unchanged(files: dict[str, Path]) -> None:
    assert _text(files["text"]) == _bare_text(files["text"])


def test_lot_amounts_become_facts_per_lot(files: dict[str, Path]) -> None:
    bundle = read_bundle(files["lots"])
    (document,) = bundle.documents
    facts: dict[str, set[Decimal]] = {}
    for fact in document.facts:
        value: Any = fact.value
        if isinstance(value, Decimal):
            facts.setdefault(fact.name, set()).add(value)
    for row in bench_tables.LOTS[1:]:
        appraisal, starting, deposit = (Decimal(cell.replace(",", "")) for cell in row[3:6])
        assert appraisal in facts["appraisal_value"]
        assert starting in facts["starting_price"]
        assert deposit in facts["deposit_amount"]
    page_text = document.pages[0].text
    assert "2 | 办公家具一批（含桌椅、文件柜等） | 1批 | 32,000 | 22,400 | 5,000" in page_text


def test_form_facts(files: dict[str, Path]) -> None:
    (document,) = read_bundle(files["form"]).documents
    values = {fact.name: str(fact.value) for fact in document.facts}
    assert values.get("hammer_price") == "120000.00"
    assert str(values.get("auction_datetime", "")).startswith("2026-03-18")


def test_table_lines() -> None:
    form = [["行驶证正本", "无"], ["承诺书", ""], ["拍卖地点", "本公司拍卖厅"]]
    lots = [["序号", "标的名称", "起拍价"], ["1", "客车", "60,000"]]
    assert table_lines([form, lots]) == [
        "行驶证正本：无",  # so that "行驶证正本(?!:?\\s*无)" still sees it missing
        "拍卖地点：本公司拍卖厅",
        "序号 | 标的名称 | 起拍价",
        "1 | 客车 | 60,000",
    ]
    # a table whose every row is already a line of the text layer adds nothing
    text = "甲\n行驶证正本 无\n承诺书\n拍卖地点  本公司拍卖厅\n序号 标的名称 起拍价\r\n"
    assert table_lines([form], text) == []
    assert table_lines([lots], text) == ["序号 | 标的名称 | 起拍价", "1 | 客车 | 60,000"]
