"""PDF output through LibreOffice (skipped with a reason when LibreOffice or a CJK font is
missing; CI installs both)."""

from __future__ import annotations

from pathlib import Path

import pytest

from paimai_docs import pdf

missing = pdf.check_pdf_tools()
needs_libreoffice = pytest.mark.skipif(bool(missing), reason="；".join(missing) or "ok")


def _docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.name = "Noto Serif CJK SC"
    document.save(str(path))
    return path


def test_missing_tools_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "cjk_fonts", lambda: [])
    problems = pdf.check_pdf_tools()
    assert len(problems) == 2
    assert "LibreOffice" in problems[0] and "fonts-noto-cjk" in problems[1]
    with pytest.raises(pdf.PdfToolMissing, match="LibreOffice"):
        pdf.convert_to_pdf([Path("x.docx")])


@pytest.mark.libreoffice
@needs_libreoffice
def test_batch_conversion_keeps_chinese_text(tmp_path: Path) -> None:
    import pypdfium2

    first = _docx(tmp_path / "合同 一.docx", "委托拍卖合同：保留价人民币捌万元整 & <测试>")
    second = _docx(tmp_path / "公告.docx", "拍卖公告：展示时间2026年12月14日至16日")
    out = tmp_path / "pdf"
    pdfs = pdf.convert_to_pdf([first, second], out)
    assert [p.name for p in pdfs] == ["合同 一.pdf", "公告.pdf"]
    texts = []
    for path in pdfs:
        document = pypdfium2.PdfDocument(str(path))
        texts.append(document[0].get_textpage().get_text_range())
        document.close()
    # LibreOffice's PDF text layer puts spaces between CJK and Latin runs; compare without them.
    flat = [text.replace(" ", "") for text in texts]
    assert "保留价人民币捌万元整&<测试>" in flat[0]
    assert "展示时间2026年12月14日至16日" in flat[1]
    # never overwrite without being asked
    before = pdfs[0].read_bytes()
    with pytest.raises(pdf.PdfConversionFailed, match="已存在"):
        pdf.convert_to_pdf([first], out)
    assert pdfs[0].read_bytes() == before
    assert pdf.convert_to_pdf([first], out, overwrite=True) == [pdfs[0]]
