"""Reading what case folders really hold: legacy Word files (through LibreOffice), scanned images
(through OCR), filled PDF forms, and files that are only listed."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paimai_docs.pdf import find_soffice
from paimai_docs.reading import BundleReader, Limits, read_bundle, read_document
from paimai_docs.reading import legacy as legacy_module
from paimai_docs.reading.bundle import NOTE_CODES
from paimai_docs.reading.legacy import convert_legacy
from paimai_docs.reading.ocr import ocr_available

ANNOUNCEMENT = [
    "拍卖公告",
    "受某市中级人民法院委托，本公司定于2026年10月9日上午9时30分在本公司拍卖厅公开拍卖下列标的：",
    "一、拍卖标的：某市某区某路1号房产一套，参考价人民币1,250,000元，竞买保证金人民币100,000元。",
    "二、展示时间：2026年9月28日至2026年9月30日。",
    "三、竞买人须于2026年10月8日17时前办理竞买登记手续。",
    "联系电话：010-12345678",
]
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

needs_soffice = pytest.mark.skipif(
    find_soffice() is None, reason="needs LibreOffice (soffice) to make and read .doc files"
)


def _docx_bytes(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_docs(documents: dict[Path, list[str]]) -> None:
    """Real Word 97 .doc files: .docx written by python-docx, converted by one LibreOffice run."""
    soffice = find_soffice()
    assert soffice is not None
    work = next(iter(documents)).parent / ".make-doc"
    work.mkdir()
    sources = []
    for index, lines in enumerate(documents.values()):
        sources.append(work / f"{index}.docx")
        sources[-1].write_bytes(_docx_bytes(lines))
    profile = (work / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "doc", "--outdir", str(work), *map(str, sources)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    for index, target in enumerate(documents):
        shutil.move(str(work / f"{index}.doc"), target)
        assert target.read_bytes().startswith(OLE_MAGIC)
    shutil.rmtree(work)


# --------------------------------------------------------------------------------------------
# Legacy Word files


@pytest.mark.libreoffice
@needs_soffice
def test_a_doc_file_is_read_through_libreoffice(tmp_path: Path) -> None:
    doc = tmp_path / "拍卖公告.doc"
    make_docs({doc: ANNOUNCEMENT})
    document = read_document(doc)
    assert document.problems == ()
    assert document.pages and document.pages[0].source == "docx"
    text = "\n".join(page.text for page in document.pages)
    assert "受某市中级人民法院委托" in text and "竞买保证金人民币100,000元" in text
    assert document.kind == "announcement"


@pytest.mark.libreoffice
@needs_soffice
def test_the_doc_files_of_a_bundle_are_converted_in_one_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    make_docs(
        {
            folder / "公告.doc": ANNOUNCEMENT,
            folder / "附件.doc": ["附件：标的清单", "房产一套，位于某市某区某路1号。"],
        }
    )
    (folder / "坏的.doc").write_bytes(OLE_MAGIC + b"\0" * 600)  # Word's magic, nothing else
    (folder / "不是文档.doc").write_bytes(b"hello")  # refused before LibreOffice sees it
    calls: list[list[str]] = []
    popen = subprocess.Popen

    def spy(command: list[str], *args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        if any("UserInstallation" in str(part) for part in command):
            calls.append(command)
        return popen(command, *args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(legacy_module.subprocess, "Popen", spy)
    bundle = read_bundle(folder)
    assert len(calls) == 1  # one LibreOffice start for the three candidates
    problems = {d.file: [p.code for p in d.problems] for d in bundle.documents}
    assert problems == {
        "公告.doc": [],
        "附件.doc": [],
        "坏的.doc": ["corrupt"],
        "不是文档.doc": ["corrupt"],
    }
    texts = {d.file: d.pages[0].text for d in bundle.documents if d.pages}
    assert "标的清单" in texts["附件.doc"]
    assert not list(folder.glob("*.docx"))  # nothing written beside the sources


def test_without_libreoffice_a_doc_file_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import paimai_docs.pdf

    monkeypatch.setattr(paimai_docs.pdf, "find_soffice", lambda: None)
    doc = tmp_path / "合同.doc"
    doc.write_bytes(OLE_MAGIC + b"\0" * 100)
    (problem,) = read_document(doc).problems
    assert problem.code == "needs_libreoffice" and problem.page is None
    assert (
        "LibreOffice" in problem.message
        and "apt install libreoffice-writer-nogui" in problem.message
    )


_FAKE_SOFFICE = """\
import pathlib, sys, time
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
for name in [a for a in args if a.endswith(".doc")]:
    source = pathlib.Path(name)
    if b"HANG" in source.read_bytes():
        time.sleep(60)
    (out / (source.stem + ".docx")).write_bytes(source.read_bytes())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_a_conversion_that_hangs_refuses_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "fake_soffice.py"
    script.write_text(_FAKE_SOFFICE, encoding="utf-8")
    fake = tmp_path / "soffice"
    fake.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{script}" "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(legacy_module, "START_SECONDS", 0.0)
    sources: list[tuple[str, str | bytes]] = [
        ("a.doc", OLE_MAGIC + b"A"),
        ("b.doc", OLE_MAGIC + b"HANG"),
        ("c.doc", OLE_MAGIC + b"C"),
    ]
    started = time.monotonic()
    first, second, third = convert_legacy(sources, Limits(timeout_seconds=1.0), soffice=str(fake))
    assert first == OLE_MAGIC + b"A" and third == OLE_MAGIC + b"C"
    assert isinstance(second, tuple) and second[0] == "timeout"
    assert time.monotonic() - started < 10


# --------------------------------------------------------------------------------------------
# Scanned images


def _cjk_font() -> str | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    result = subprocess.run(
        [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=30
    )
    files = [line.split(":")[0].strip() for line in result.stdout.splitlines() if line.strip()]
    regular = [f for f in files if "Regular" in f or "zenhei" in f.lower()]
    return (regular or files or [None])[0]


def _text_image(lines: list[str]) -> object:
    from PIL import Image, ImageDraw, ImageFont

    font_file = _cjk_font()
    if font_file is None:
        pytest.skip("needs a CJK font (fc-list :lang=zh) to draw Chinese text")
    font = ImageFont.truetype(font_file, 36)
    image = Image.new("RGB", (1400, 80 + 60 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((40, 40 + 60 * row), line, fill="black", font=font)
    return image


@pytest.mark.ocr
@pytest.mark.skipif(not ocr_available(), reason="needs the ocr extra (rapidocr_onnxruntime)")
def test_a_scanned_png_is_read_by_ocr(tmp_path: Path) -> None:
    image = _text_image(["拍卖成交确认书", "买受人：张三", "成交价：人民币壹佰万元整"])
    path = tmp_path / "确认书.png"
    image.save(path)  # type: ignore[attr-defined]
    document = read_document(path, ocr=True)
    assert document.problems == ()
    (page,) = document.pages
    assert page.source == "ocr" and page.quality == "ok"
    assert "成交确认书" in page.text and "张三" in page.text


def test_a_multipage_tiff_is_a_page_per_frame(tmp_path: Path) -> None:
    from PIL import Image

    frames = [Image.new("L", (200, 300), shade) for shade in (255, 200, 150)]
    path = tmp_path / "扫描件.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    document = read_document(path)  # without OCR: pages without text, like a scanned PDF
    assert [(p.number, p.source, p.quality) for p in document.pages] == [
        (1, "none", "empty"),
        (2, "none", "empty"),
        (3, "none", "empty"),
    ]
    assert document.pages_without_text == [1, 2, 3]


def test_without_the_ocr_extra_an_image_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    import paimai_docs.reading.ocr

    monkeypatch.setattr(paimai_docs.reading.ocr, "ocr_available", lambda: False)
    path = tmp_path / "签字页.jpg"
    Image.new("RGB", (100, 100), "white").save(path)
    with BundleReader(isolation="inline") as reader:  # the patch must reach the reading code
        document = reader.read_document(path)
    assert len(document.pages) == 1
    (problem,) = document.problems
    assert problem.code == "needs_ocr" and problem.page is None
    assert 'pip install "paimai-docs[ocr]"' in problem.message


def test_a_broken_image_is_a_problem_of_that_file(tmp_path: Path) -> None:
    (tmp_path / "坏图.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    (tmp_path / "空图.jpg").write_bytes(b"")
    bundle = read_bundle(tmp_path)
    problems = {d.file: [p.code for p in d.problems] for d in bundle.documents}
    assert problems == {"坏图.png": ["corrupt"], "空图.jpg": ["empty_file"]}


# --------------------------------------------------------------------------------------------
# Files that are only listed


def test_other_files_are_listed_as_notes(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parent / "fixtures" / "reading" / "docx_sample.docx", tmp_path)
    for name in ("标的清单.xlsx", "报价.xls", "说明.txt", "data.json", "动图.gif", "无扩展名"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "公告.ofd").write_bytes(b"x")
    bundle = read_bundle(tmp_path)
    assert [d.file for d in bundle.documents] == ["docx_sample.docx"]
    codes = {p.file: p.code for p in bundle.problems}
    assert codes == {
        "标的清单.xlsx": "not_read",
        "报价.xls": "not_read",
        "说明.txt": "not_read",
        "data.json": "not_read",
        "动图.gif": "not_read",
        "无扩展名": "not_read",
        "公告.ofd": "unsupported_file",  # a document we cannot read: not a note
    }
    assert "not_read" in NOTE_CODES and "unsupported_file" not in NOTE_CODES
    assert all(
        p.message.startswith("仅列出，未读取") for p in bundle.problems if p.code == "not_read"
    )


# --------------------------------------------------------------------------------------------
# Filled PDF forms


def _form_pdf() -> bytes:
    pytest.importorskip("reportlab")
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("STSong-Light", 14)
    pdf.drawString(72, 760, "拍卖成交确认书")
    pdf.acroForm.textfield(name="buyer", value="x", x=150, y=700, width=200, height=20)
    pdf.acroForm.textfield(name="price", value="x", x=150, y=660, width=200, height=20)
    pdf.acroForm.checkbox(name="agree", checked=True, x=150, y=620)
    pdf.acroForm.checkbox(name="refuse", checked=False, x=150, y=600)
    pdf.acroForm.textfield(name="blank", value="", x=150, y=560, width=200, height=20)
    pdf.showPage()
    pdf.acroForm.textfield(name="signed", value="x", x=150, y=700, width=200, height=20)
    pdf.showPage()
    pdf.save()
    # reportlab writes Latin-1 values only; Chinese labels (/TU) and values are set with pypdf.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    values = {
        "buyer": ("买受人", "张三"),
        "price": (None, "1,250,000元"),
        "signed": (None, "2026年10月9日"),
    }
    for page in writer.pages:
        for reference in page.get("/Annots", []):
            annotation = reference.get_object()
            label, value = values.get(str(annotation.get("/T")), (None, None))
            if label:
                annotation[NameObject("/TU")] = TextStringObject(label)
            if value:
                annotation[NameObject("/V")] = TextStringObject(value)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_form_field_values_are_added_to_their_page(tmp_path: Path) -> None:
    path = tmp_path / "确认书.pdf"
    path.write_bytes(_form_pdf())
    document = read_document(path)
    first, second = document.pages
    assert first.text.splitlines() == [
        "拍卖成交确认书",
        "买受人：张三",
        "price：1,250,000元",
        "agree：Yes",
    ]
    assert second.text == "signed：2026年10月9日"
    assert document.problems == ()
