"""Text of PDF pages with pypdfium2, and whether each page's text layer is usable.

pypdfium2 reads a page in well under a millisecond and maps glyphs to Unicode through the
embedded font program when the PDF has no ``ToUnicode`` map (CFF fonts, for which pdfminer
returns ``(cid:N)``), so it is the only text engine here. pdfium is native code: call
:func:`read_pages` inside a worker process (:mod:`paimai_docs.reading._worker` does), never on
untrusted bytes in a process you care about.

A page's ruled tables (a filled form, a lot table) are also recovered from its rules
(:mod:`.tables`) and appended to the page's text, a row a line (``标签：值`` for a form's row,
cells separated by `` | `` for a wider table), unless every row is already a line of the text
layer; the text before them is the text layer as pdfium gives it.

Quality of a page's text (:func:`classify_quality`), checked in this order:

=====================  ========================================================================
``empty``              nothing but white space (an image-only, scanned page)
``cid_glyphs``         at least a fifth of the glyphs come out as ``(cid:N)`` (pdfminer's way
                       of saying "no Unicode for this glyph")
``replacement_chars``  at least a fifth are U+FFFD, noncharacters or private-use code points
                       (a font without a Unicode map; a few private-use check boxes from a
                       symbol font do not count against a page)
``control_chars``      at least a fifth are control characters (another unmapped-font symptom)
``too_few_cjk``        fewer than 5 Chinese characters (unless the page states a full date:
                       a signature's date run over onto a page of its own), or fewer than one
                       letter in ten is Chinese (Latin mojibake from a misread GBK font, a scan
                       with a printed page number only)
``ok``                 otherwise
=====================  ========================================================================
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import rx
from .types import PageQuality, TextSource

__all__ = [
    "PDF_MAGIC",
    "PdfProblem",
    "RawPage",
    "classify_quality",
    "form_field_lines",
    "has_form",
    "open_pdf",
    "pdf_is_truncated",
    "precheck_pdf",
    "read_pages",
]

PDF_MAGIC = b"%PDF-"
HEAD_BYTES = 1024  # the header may follow some junk; readers accept it within the first KiB
TAIL_BYTES = 1024  # "%%EOF" must be near the end, or the file was cut short

BAD_SHARE = 0.2  # share of bad glyphs from which a page is unusable
MIN_CJK = 5
MIN_CJK_SHARE = 0.1
# Pages whose loading fails in a row, from the first page on, before the file counts as corrupt
# (a page tree that loops or lies about its page count makes every page fail).
MAX_LEADING_PAGE_FAILURES = 10

_CID = rx.compile(r"\(cid:\d+\)")


class PdfProblem(Exception):
    """The file cannot be read at all; ``code`` is a :class:`~.types.ReadProblem` code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class RawPage:
    """A page as read, before normalisation. ``problem`` is a page-level (code, message)."""

    number: int
    text: str
    source: TextSource
    quality: PageQuality
    problem: tuple[str, str] | None = None


# --------------------------------------------------------------------------------------------
# Quality


# Counting with regular expressions (runs, not single characters, where matches are many) keeps
# this at a tenth of the cost of reading the page.
_CJK_RANGES = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f\u3007"
# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B–G, 〇
_NOT_CJK = rx.compile(f"[^{_CJK_RANGES}]+")
_UNMAPPED = rx.compile(
    "[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\ufdd0-\ufdef\ufffe\uffff]"
)  # replacement character, private use, noncharacters
_CONTROL = rx.compile("[\x00-\x1f\x7f-\x9f]")  # Cc (white space is gone by then)
_LETTERS = rx.compile(r"[^\W\d_]+")  # letters, Chinese included
_FULL_DATE = rx.compile(r"(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|([./-])\d{1,2}\1\d{1,2}(?!\d))")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def classify_quality(text: str) -> PageQuality:
    """Whether a page's text is usable for matching, and if not, why (see the module doc)."""
    cid_tokens = len(_CID.findall(text))
    visible = "".join((_CID.sub("", text) if cid_tokens else text).split())
    glyphs = len(visible) + cid_tokens
    if glyphs == 0:
        return "empty"
    if cid_tokens >= BAD_SHARE * glyphs:
        return "cid_glyphs"
    if _count(_UNMAPPED, visible) >= BAD_SHARE * glyphs:
        return "replacement_chars"
    if _count(_CONTROL, visible) >= BAD_SHARE * glyphs:
        return "control_chars"
    cjk = len(visible) - _count(_NOT_CJK, visible)
    if cjk < MIN_CJK:
        # a signature run over onto a page of its own: the date alone is a page of text
        return "ok" if _FULL_DATE.search(visible) else "too_few_cjk"
    # Letters are at most all visible characters: count them only when that could matter.
    if cjk < MIN_CJK_SHARE * len(visible) and cjk < MIN_CJK_SHARE * _count(_LETTERS, visible):
        return "too_few_cjk"
    return "ok"


# --------------------------------------------------------------------------------------------
# Checks before pdfium sees the bytes


_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")


def inflates_within(data: bytes, budget: int) -> bool:
    """Whether the compressed streams of a PDF inflate to at most ``budget`` bytes in all —
    so that reading it cannot take much more memory than it has bytes. Each stream is inflated
    with a bound on its output (``zlib``), never whole; a stream that is not Flate-compressed
    (an image, a damaged stream) counts as its length."""
    total = 0
    position = 0
    while True:
        match = _STREAM_START.search(data, position)
        if match is None:
            return True
        start = match.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        body = data[start:end]
        try:
            total += len(zlib.decompressobj().decompress(body, budget - total + 1))
        except zlib.error:
            total += len(body)
        if total > budget:
            return False
        position = end + len(b"endstream")


def precheck_pdf(head: bytes, size: int, max_size: int) -> PdfProblem | None:
    """The problem a file has before any parsing, judged from its size and first bytes
    (``empty_file``, ``too_large``, ``not_a_pdf``), or None."""
    if size == 0:
        return PdfProblem("empty_file", "文件为空（0 字节）")
    if size > max_size:
        return PdfProblem(
            "too_large", f"文件过大：{size / 2**20:.1f} MiB，上限 {max_size / 2**20:.0f} MiB"
        )
    if PDF_MAGIC not in head[:HEAD_BYTES]:
        return PdfProblem("not_a_pdf", "文件内容不是 PDF" + _looks_like(head))
    return None


def _looks_like(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "（是 ZIP 或 Word .docx 文件，扩展名可能有误）"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "（是旧版 Word .doc 或加密的 Office 文件）"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*")):
        return "（是图片文件，请转换为 PDF 后提交）"
    return ""


# --------------------------------------------------------------------------------------------
# Reading

# pdfium's FPDF_GetLastError codes for document loading.
_PDFIUM_LOAD_ERRORS = {
    4: ("encrypted", "文件已加密，需要密码才能打开"),
    5: ("encrypted", "文件使用了不支持的加密方式"),
    3: ("corrupt", "文件已损坏，不是有效的 PDF 结构"),
    2: ("corrupt", "文件无法打开或读取"),
}


@contextmanager
def open_pdf(source: str | Path | bytes) -> Iterator[Any]:
    """Open a PDF with pypdfium2 (a path or the file's bytes) and close it afterwards.

    Raises :class:`PdfProblem` (``encrypted``, ``corrupt``) when pdfium cannot load it or it has
    no pages. A PDF with only an owner password (printing or copying restricted) opens: its text
    is readable, and reading it is not what the restriction is about.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as exc:
        code, message = _PDFIUM_LOAD_ERRORS.get(
            exc.err_code or 0, ("corrupt", "文件已损坏，无法解析")
        )
        raise PdfProblem(code, message) from None
    try:
        if len(document) <= 0:
            raise PdfProblem("corrupt", "文件中没有可读的页面")
        yield document
    finally:
        document.close()


def read_pages(
    document: Any,
    *,
    max_pages: int,
    ocr_page: Callable[[Any], str] | None = None,
    before_ocr: Callable[[int], None] | None = None,
) -> Iterator[RawPage]:
    """Yield the first ``max_pages`` pages of an open document, each closed before the next is
    loaded (memory stays flat in the number of pages).

    A page that cannot be loaded becomes an empty page with a ``page_unreadable`` problem; when
    the first pages all fail (a page tree that loops or lies about its page count) the file is
    ``corrupt`` (:class:`PdfProblem`). With ``ocr_page``, pages whose text layer is not usable
    are read by OCR; ``before_ocr(page_number)`` is called first (the worker uses it to extend
    its deadline).
    """
    import pypdfium2 as pdfium

    loaded = 0
    for index in range(min(len(document), max_pages)):
        number = index + 1
        try:
            page = document[index]
        except pdfium.PdfiumError:
            if loaded == 0 and number >= MAX_LEADING_PAGE_FAILURES:
                raise PdfProblem(
                    "corrupt", "页面树损坏（循环引用或页数不实），无法加载页面"
                ) from None
            yield RawPage(number, "", "none", "empty", ("page_unreadable", "该页无法加载"))
            continue
        loaded += 1
        try:
            yield _read_page(page, number, ocr_page, before_ocr)
        finally:
            page.close()
    if loaded == 0:
        raise PdfProblem("corrupt", "页面树损坏，无法加载任何页面")


# Page object types that never hold text (FPDF_PAGEOBJ_PATH, _IMAGE, _SHADING): a page made of
# a few of these only (a blank page, a scan) has no text to extract.
_TEXTLESS_OBJECTS = frozenset({2, 3, 4})
_FEW_OBJECTS = 8


def _may_have_text(page: Any) -> bool:
    """Whether a page's content may hold text: not when it has no objects at all, or only a
    few that are paths, images or shadings. Counting is cheaper than building a text page."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count <= 0:
        return False
    if count > _FEW_OBJECTS:
        return True
    for index in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) not in _TEXTLESS_OBJECTS:
            return True
    return False


def _table_rows(page: Any, textpage: Any, text: str) -> list[str]:
    """The page's ruled tables as lines (:func:`.tables.table_lines`: ``标签：值``, or cells
    separated by `` | ``), so that the fact extractor reads a form's label and value, or a
    lot's amounts, as one row."""
    from .tables import page_tables, table_lines

    try:
        tables = page_tables(page, textpage)
        return table_lines(tables, text) if tables else []
    except MemoryError:
        raise
    except Exception:  # a page whose paths pdfium cannot describe: its text is still read
        return []


def _read_page(
    page: Any,
    number: int,
    ocr_page: Callable[[Any], str] | None,
    before_ocr: Callable[[int], None] | None,
) -> RawPage:
    text = ""
    if _may_have_text(page):
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            rows = _table_rows(page, textpage, text)
        finally:
            textpage.close()
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if rows:  # after the page's own text, which stays as it was (evidence maps into it)
            text = "\n".join([text.rstrip("\n"), *rows]) if text.strip() else "\n".join(rows)
    quality = classify_quality(text)
    source: TextSource = "text_layer" if text.strip() else "none"
    if quality != "ok" and ocr_page is not None:
        if before_ocr is not None:
            before_ocr(number)
        try:
            recognised = ocr_page(page)
        except MemoryError:
            raise
        except Exception as exc:  # the OCR runtime failed on this page: keep the text layer
            problem = ("ocr_failed", f"OCR 失败（{type(exc).__name__}: {exc}）")
            return RawPage(number, text, source, quality, problem)
        return RawPage(number, recognised, "ocr", classify_quality(recognised))
    return RawPage(number, text, source, quality)


def pdf_is_truncated(tail: bytes) -> bool:
    """A PDF ends with ``%%EOF`` (possibly followed by a line break or a little junk)."""
    return b"%%EOF" not in tail[-TAIL_BYTES:]


# --------------------------------------------------------------------------------------------
# Form fields (AcroForm)

MAX_FORM_FIELDS = 5000  # widgets read from one file; a form has dozens
MAX_FIELD_CHARS = 2000  # of one value


def has_form(document: Any) -> bool:
    """Whether an open pypdfium2 document carries an interactive form (AcroForm or XFA)."""
    try:
        return bool(document.get_formtype())
    except Exception:  # an older pypdfium2, or a broken catalogue: no form to read
        return False


def _field_name(annotation: Any) -> str:
    """The field's full name (``/T`` of it and its parents, joined with dots), or its
    alternate name (``/TU``, what a viewer shows) when it has one."""
    parts: list[str] = []
    node: Any = annotation
    alternate = ""
    for _ in range(32):  # parents may loop
        if node is None:
            break
        if not alternate and node.get("/TU"):
            alternate = str(node.get("/TU"))
        if node.get("/T") is not None:
            parts.append(str(node.get("/T")))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return alternate or ".".join(reversed(parts))


def _field_value(annotation: Any) -> str:
    node: Any = annotation
    for _ in range(32):
        if node is None:
            return ""
        value = node.get("/V")
        if value is not None:
            break
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    else:
        return ""
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, list):
        text = "、".join(str(item).lstrip("/") for item in value)
    elif hasattr(value, "get_data"):  # a rich-text stream: not worth interpreting
        return ""
    else:
        text = str(value)
        if text.startswith("/"):  # a check box or radio button: the name of its state
            text = "" if text == "/Off" else text[1:]
    return " ".join(text.split())[:MAX_FIELD_CHARS]


def form_field_lines(source: str | Path | bytes) -> dict[int, list[str]]:
    """The filled fields of a PDF form, as lines ``字段名：值`` by 1-based page number (a field
    shown on several pages is given on the first). Fields without a value are left out; a
    form that pypdf cannot read gives nothing (the page text is still read by pdfium).
    """
    import io

    from pypdf import PdfReader

    lines: dict[int, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    widgets = 0
    try:
        reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
        for number, page in enumerate(reader.pages, 1):
            annotations = page.get("/Annots")
            annotations = annotations.get_object() if annotations is not None else None
            for reference in annotations or ():
                annotation = reference.get_object()
                if annotation.get("/Subtype") != "/Widget":
                    continue
                widgets += 1
                if widgets > MAX_FORM_FIELDS:
                    return lines
                name, value = _field_name(annotation), _field_value(annotation)
                if not name or not value or (name, value) in seen:
                    continue
                seen.add((name, value))
                lines.setdefault(number, []).append(f"{name}：{value}")
    except MemoryError:
        raise
    except Exception:  # pypdf is stricter than pdfium; a form it cannot parse is not a problem
        return lines
    return lines
