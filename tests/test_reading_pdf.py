"""Reading PDFs: text per page, its quality, broken files, and isolation of the PDF library.

The fixtures are made by ``scripts/make_reading_fixtures.py`` (see tests/fixtures/reading/).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from paimai_docs.errors import MissingExtra
from paimai_docs.reading import BundleReader, Document, Limits, classify_quality, read_document
from paimai_docs.reading._worker import ReadTask, WorkerPool, WorkerStartError, limits_payload
from paimai_docs.reading.ocr import ocr_available
from paimai_docs.reading.pdf import open_pdf, precheck_pdf, read_pages

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
SMALL_MEMORY = 512 << 20  # enough for a worker, far too little for the bomb


@pytest.fixture(scope="module")
def reader() -> Iterator[BundleReader]:
    with BundleReader() as shared:
        yield shared


def fixture(name: str) -> Path:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"{name} was not generated (its font is not installed)")
    return path


# --------------------------------------------------------------------------------------------
# Quality of a page's text

CHINESE = "受某市中级人民法院委托，本公司定于2026年10月9日上午9时30分公开拍卖下列标的。"


@pytest.mark.parametrize(
    ("text", "quality"),
    [
        ("", "empty"),
        (" \n\t\r\n ", "empty"),
        (CHINESE, "ok"),
        ("車輛處置授權書：本人茲授權某某拍賣有限公司處置下列車輛", "ok"),
        (CHINESE + "\uf0a8 同意 \uf0a8 不同意", "ok"),  # Wingdings check boxes
        (CHINESE + "(cid:12)", "ok"),  # one unmapped glyph among many
        ("(cid:10)(cid:7)(cid:4)(cid:8)(cid:15)(cid:10)(cid:7)(cid:12)", "cid_glyphs"),
        ("拍卖" + "(cid:3)" * 5, "cid_glyphs"),
        ("\ufffd" * 30 + "拍卖公告", "replacement_chars"),
        ("\ue001\ue002\ue003\ue004\ue005拍卖", "replacement_chars"),
        ("\x01\x02\x03\x04\x05\x06拍卖公告", "control_chars"),
        ("Hello World", "too_few_cjk"),
        ("ÅÄÂôÊ±¼ä£º2026Äê10ÔÂ9ÈÕ ÅÄÂôµØµã£ºÄ³ÊÐ", "too_few_cjk"),  # GBK read as Latin-1
        ("- 3 -", "too_few_cjk"),
        ("第3页", "too_few_cjk"),
        ("附件 " + "The buyer shall pay the price within fifteen days. " * 5, "too_few_cjk"),
    ],
)
def test_classify_quality(text: str, quality: str) -> None:
    assert classify_quality(text) == quality


def test_pdfminer_reads_cid_where_pdfium_reads_text(reader: BundleReader) -> None:
    """The pitfall that decided the engine: a CFF font without a ToUnicode map."""
    import pdfplumber

    path = fixture("cff_type1c_no_tounicode.pdf")
    with pdfplumber.open(path) as pdf:
        assert classify_quality(pdf.pages[0].extract_text() or "") == "cid_glyphs"
    page = reader.read_document(path).pages[0]
    assert "拍卖时间二〇二六年十月九日" in page.text
    assert (page.source, page.quality) == ("text_layer", "ok")


# --------------------------------------------------------------------------------------------
# Checks before parsing


def test_precheck() -> None:
    assert precheck_pdf(b"", 0, 100).code == "empty_file"  # type: ignore[union-attr]
    assert precheck_pdf(b"%PDF-1.7", 101, 100).code == "too_large"  # type: ignore[union-attr]
    assert precheck_pdf(b"PK\x03\x04", 10, 100).code == "not_a_pdf"  # type: ignore[union-attr]
    assert precheck_pdf(b"junk" * 100 + b"%PDF-1.4", 50, 100) is None  # header after junk


# --------------------------------------------------------------------------------------------
# Fonts and scripts


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cid_stsong_announcement.pdf", ["拍卖公告", "竞买保证金"]),  # non-embedded CID
        ("truetype_wqy_contract.pdf", ["委托拍卖合同", "保留价"]),  # embedded TrueType
        ("cff_type1c_no_tounicode.pdf", ["拍卖公告", "贰拾万元整"]),  # embedded CFF
        ("cid_msung_traditional_vehicle.pdf", ["車輛處置授權書", "授權期限"]),  # Traditional
        ("owner_password_only.pdf", ["拍卖成交确认书"]),  # owner password only: readable
    ],
)
def test_text_in_each_font(reader: BundleReader, name: str, expected: list[str]) -> None:
    document = reader.read_document(fixture(name))
    assert document.problems == ()
    text = "".join(page.text for page in document.pages).replace(" ", "")
    for phrase in expected:
        assert phrase in text
    assert all(page.source == "text_layer" and page.usable for page in document.pages)


def test_pages_are_read_one_by_one(reader: BundleReader) -> None:
    document = reader.read_document(FIXTURES / "cid_stsong_announcement.pdf")
    assert [page.number for page in document.pages] == [1, 2]
    assert "拍卖公告" in document.pages[0].text and "竞买须知" in document.pages[1].text
    assert all(page.normalized for page in document.pages)


def test_scanned_page_has_no_text(reader: BundleReader) -> None:
    document = reader.read_document(fixture("scanned_mixed.pdf"))
    first, second = document.pages
    assert (first.source, first.quality) == ("text_layer", "ok")
    assert (second.source, second.quality, second.text) == ("none", "empty", "")
    assert document.pages_without_text == [2]
    assert document.readable


# --------------------------------------------------------------------------------------------
# Broken files: a problem code each, never a traceback


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("broken_encrypted.pdf", "encrypted"),
        ("broken_corrupt.pdf", "corrupt"),
        ("broken_truncated.pdf", "corrupt"),
        ("broken_empty.pdf", "empty_file"),
        ("broken_not_a_pdf.pdf", "not_a_pdf"),
        ("broken_page_tree_loop.pdf", "corrupt"),
    ],
)
def test_broken_pdf(reader: BundleReader, name: str, code: str) -> None:
    document = reader.read_document(FIXTURES / name)
    assert [(p.code, p.page) for p in document.problems] == [(code, None)]
    assert not document.readable
    assert document.problems[0].message  # a sentence for the clerk
    assert document.kind == "unknown"


def test_decompression_bomb_is_stopped_and_the_next_file_still_read() -> None:
    limits = Limits(max_worker_memory_bytes=SMALL_MEMORY)
    started = time.monotonic()
    with BundleReader(limits=limits, workers=1) as reader:
        bundle = reader.read_bundle(
            [FIXTURES / "broken_decompression_bomb.pdf", FIXTURES / "cid_stsong_announcement.pdf"]
        )
    bomb, good = bundle.documents
    assert [p.code for p in bomb.problems] == ["too_large"]
    assert good.problems == () and good.pages  # read by the worker that replaced the dead one
    assert time.monotonic() - started < 15


def test_absurd_nesting_is_read_without_harm(reader: BundleReader) -> None:
    document = reader.read_document(FIXTURES / "broken_deep_nesting.pdf")
    assert not {p.code for p in document.problems} & {"crashed", "timeout", "too_large"}
    assert len(document.pages) == 1 and "Hello" in document.pages[0].text


def test_too_many_pages(reader: BundleReader) -> None:
    with BundleReader(limits=Limits(max_pages=1)) as small:
        document = small.read_document(FIXTURES / "cid_stsong_announcement.pdf")
    assert len(document.pages) == 1
    assert [(p.code, p.page) for p in document.problems] == [("too_many_pages", 2)]
    assert document.readable  # what was read stays usable


def test_too_large_file() -> None:
    with BundleReader(limits=Limits(max_file_size=1000)) as small:
        document = small.read_document(FIXTURES / "cid_stsong_announcement.pdf")
    assert [p.code for p in document.problems] == ["too_large"]


# --------------------------------------------------------------------------------------------
# The worker pool survives what happens to its workers

_FAKE_WORKER = (
    "import os, sys, time, ctypes\n"
    "from paimai_docs.reading._worker import read_frame, write_frame\n"
    "write_frame(sys.stdout.buffer, {'op': 'ready'})\n"
    "read_frame(sys.stdin.buffer)\n"
)


def _pool(behaviour: str, timeout: float = 10.0) -> WorkerPool:
    return WorkerPool(
        1,
        memory_bytes=0,
        timeout=timeout,
        seconds_per_ocr_page=1,
        limits=limits_payload(Limits()),
        command=[sys.executable, "-c", _FAKE_WORKER + behaviour],
    )


def _run(pool: WorkerPool) -> list[tuple[str, str]]:
    tasks = [ReadTask("a.pdf", "pdf", path="a.pdf"), ReadTask("b.pdf", "pdf", path="b.pdf")]
    with pool:
        return [(task.name, answer["problems"][0][0]) for task, answer in pool.run(tasks)]


@pytest.mark.parametrize(
    "behaviour", ["os.abort()", "ctypes.string_at(0)", "os._exit(3)"], ids=["abort", "segv", "exit"]
)
def test_a_crashing_worker_becomes_a_problem(behaviour: str) -> None:
    assert _run(_pool(behaviour)) == [("a.pdf", "crashed"), ("b.pdf", "crashed")]


def test_a_hanging_worker_is_killed() -> None:
    started = time.monotonic()
    assert _run(_pool("time.sleep(60)", timeout=0.5)) == [
        ("a.pdf", "timeout"),
        ("b.pdf", "timeout"),
    ]
    assert time.monotonic() - started < 10


def test_a_worker_that_cannot_start_is_an_error() -> None:
    pool = WorkerPool(
        1,
        memory_bytes=0,
        timeout=5,
        seconds_per_ocr_page=1,
        limits=limits_payload(Limits()),
        command=[sys.executable, "-c", "import sys; sys.exit(1)"],
    )
    with pool, pytest.raises(WorkerStartError):
        list(pool.run([ReadTask("a.pdf", "pdf", path="a.pdf")]))


def test_inline_reading_gives_the_same_pages() -> None:
    path = FIXTURES / "cid_stsong_announcement.pdf"
    with BundleReader(isolation="inline") as inline:
        inline_document = inline.read_document(path)
    assert inline_document == read_document(path)


def test_read_document_of_a_missing_or_unsupported_file(tmp_path: Path) -> None:
    assert read_document(tmp_path / "nope.pdf").problems[0].code == "not_found"
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert read_document(other).problems[0].code == "unsupported_file"


# --------------------------------------------------------------------------------------------
# OCR (optional extra)


def test_ocr_reads_only_unusable_pages_and_survives_its_failures() -> None:
    asked: list[int] = []

    def ocr(page: object) -> str:
        asked.append(1)
        raise RuntimeError("onnxruntime says no")

    with open_pdf(FIXTURES / "scanned_mixed.pdf") as pdf:  # a trusted file: in-process is fine
        first, second = read_pages(pdf, max_pages=10, ocr_page=ocr, before_ocr=asked.append)
    assert asked == [2, 1]  # the deadline is extended, then OCR runs, for page 2 only
    assert first.source == "text_layer" and first.problem is None
    assert (second.source, second.quality) == ("none", "empty")
    assert second.problem is not None and second.problem[0] == "ocr_failed"

    with open_pdf(FIXTURES / "scanned_mixed.pdf") as pdf:
        pages = list(read_pages(pdf, max_pages=10, ocr_page=lambda page: CHINESE))
    assert [(p.source, p.quality) for p in pages] == [("text_layer", "ok"), ("ocr", "ok")]


@pytest.mark.skipif(ocr_available(), reason="the ocr extra is installed")
def test_ocr_without_the_extra_says_what_to_install() -> None:
    with pytest.raises(MissingExtra, match=r'pip install "paimai-docs\[ocr\]"'):
        read_document(FIXTURES / "scanned_mixed.pdf", ocr=True)


@pytest.mark.ocr
@pytest.mark.skipif(not ocr_available(), reason="needs the ocr extra (rapidocr_onnxruntime)")
def test_ocr_reads_only_the_scanned_page() -> None:
    document: Document = read_document(fixture("scanned_mixed.pdf"), ocr=True)
    first, second = document.pages
    assert first.source == "text_layer"
    assert second.source == "ocr"
    assert "成交" in second.text
