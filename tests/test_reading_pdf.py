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
        ("2027年1月8日", "ok"),  # a signature's date run over onto a page of its own
        ("  2027 年 1 月 8 日\n", "ok"),
        ("2027/1/8", "ok"),
        ("2027.01.08", "ok"),
        ("3.1415926", "too_few_cjk"),
        ("第 2 页 共 3 页", "too_few_cjk"),
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
    # documents come back sorted by path, and where the repository sits decides the order
    (bomb,) = [d for d in bundle.documents if d.file.endswith("broken_decompression_bomb.pdf")]
    (good,) = [d for d in bundle.documents if d is not bomb]
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


# --------------------------------------------------------------------------------------------
# Bounded resources: refusals of a file, never a crash; long documents are not refused


def test_five_thousand_blank_pages_are_pages_without_text(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(5000):
        writer.add_blank_page(595, 842)
    path = tmp_path / "空白.pdf"
    writer.write(path)
    started = time.monotonic()
    document = read_document(path)
    assert time.monotonic() - started < 10
    assert document.problems == () and document.readable
    assert len(document.pages) == 5000
    assert document.pages_without_text == list(range(1, 5001))


def _zeros_deflated(size: int) -> bytes:
    """A zlib stream of ``size`` zero bytes (a multiple of 1 MiB), made without compressing
    them all: after a full flush the compressor forgets the past, so every further MiB of zeros
    compresses to the same bytes; the checksum of n zeros is known (Adler-32: a = 1, b = n)."""
    import zlib

    chunk = bytes(1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == again  # the 2-byte zlib header, then the same block every time
    end = packer.flush()[:-4]  # the final block, without the checksum of two MiB
    checksum = ((size % 65521) << 16) | 1
    return first + again * (size // len(chunk) - 1) + end + checksum.to_bytes(4, "big")


def test_the_zeros_bomb_is_what_it_claims() -> None:
    import zlib

    assert zlib.decompress(_zeros_deflated(4 << 20)) == bytes(4 << 20)


def _flate_bomb(gib: int) -> bytes:
    """A one-page PDF whose content stream inflates (Flate twice) to ``gib`` GiB of zeros."""
    import zlib

    stream = zlib.compress(_zeros_deflated(gib << 30), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_flate_bomb_stays_within_the_default_worker_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paimai_docs.reading import _worker

    monkeypatch.delenv("PAIMAI_WORKER_MEMORY", raising=False)
    limits = Limits()
    assert limits.max_worker_memory_bytes == 1 << 30
    path = tmp_path / "炸弹.pdf"
    path.write_bytes(_flate_bomb(3))
    peaks: list[int | None] = []
    reap = _worker._reap

    def spy(process: object) -> tuple[int | None, int | None]:
        code, rss = reap(process)  # type: ignore[arg-type]
        peaks.append(rss)
        return code, rss

    monkeypatch.setattr(_worker, "_reap", spy)
    started = time.monotonic()
    with BundleReader(limits=limits, workers=1) as reader:
        bundle = reader.read_bundle([path, FIXTURES / "cid_stsong_announcement.pdf"])
    # documents come back sorted by path, and where the repository sits decides the order
    (bomb,) = [d for d in bundle.documents if d.file.endswith("炸弹.pdf")]
    (good,) = [d for d in bundle.documents if d is not bomb]
    assert [p.code for p in bomb.problems] == ["too_large"]
    assert good.problems == () and good.pages
    if sys.platform == "linux":
        assert peaks and all(rss is not None and rss < 1200 << 20 for rss in peaks)
    assert time.monotonic() - started < 15


@pytest.mark.parametrize(
    ("value", "expected"),
    [("512M", 512 << 20), ("2GiB", 2 << 30), ("1.5G", 3 << 29), ("1048576", 1 << 20), ("0", 0)],
)
def test_worker_memory_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int
) -> None:
    monkeypatch.setenv("PAIMAI_WORKER_MEMORY", value)
    assert Limits().max_worker_memory_bytes == expected
    assert Limits(max_worker_memory_bytes=1 << 30).max_worker_memory_bytes == 1 << 30


def test_a_bad_worker_memory_in_the_environment_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from paimai_docs.errors import InvalidValue

    monkeypatch.setenv("PAIMAI_WORKER_MEMORY", "lots")
    with pytest.raises(InvalidValue, match="PAIMAI_WORKER_MEMORY"):
        Limits()


_SLOW_PAGES = (
    "out = sys.stdout.buffer\n"
    "for n in range(1, 9):\n"
    "    time.sleep(0.25)\n"
    "    write_frame(out, {'op': 'page', 'page': [n, '', '', 'none', 'empty']})\n"
    "write_frame(out, {'op': 'result', 'problems': []})\n"
    "read_frame(sys.stdin.buffer)\n"
)


@pytest.mark.parametrize(("per_page", "code"), [(0.0, "timeout"), (0.5, None)])
def test_the_time_limit_grows_with_the_pages_read(per_page: float, code: str | None) -> None:
    pool = WorkerPool(
        1,
        memory_bytes=0,
        timeout=1.0,
        seconds_per_ocr_page=1,
        seconds_per_page=per_page,
        limits=limits_payload(Limits()),
        command=[sys.executable, "-c", _FAKE_WORKER + _SLOW_PAGES],
    )
    with pool:
        ((_, answer),) = list(pool.run([ReadTask("long.pdf", "pdf", path="long.pdf")]))
    if code is None:  # 2 s for 8 pages: over the base second, within its extension
        assert answer["problems"] == [] and len(answer["pages"]) == 8
    else:
        assert [problem[0] for problem in answer["problems"]] == [code]
        assert "秒" in answer["problems"][0][1]
