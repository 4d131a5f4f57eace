"""Text of a Word .docx without trusting its XML.

A .docx is a zip of XML parts, so it gets the zip limits of a bundle (member count, total
uncompressed size, compression ratio, all checked while reading, not only from the declared
sizes), and every XML part is parsed by expat with a handler that refuses any ``<!DOCTYPE``:
entity declarations (billion laughs, external entities) are never expanded, whatever encoding
the part claims. lxml (under python-docx) would resolve internal entities; it never sees these
bytes.

Pages: a .docx has no fixed pages (they depend on the printer and fonts), so the text is split
at explicit page breaks (``<w:br w:type="page"/>``) only; a document without one is one page.
Paragraphs end with a line break, table cells are separated by a tab and rows end with a line
break; deleted text (``w:delText``) and field codes (``w:instrText``) are left out.
"""

from __future__ import annotations

import io
import posixpath
import xml.parsers.expat
import zipfile
from collections.abc import Callable
from pathlib import Path

from .archive import ArchiveBudget, check_archive_members, read_member
from .limits import Limits

__all__ = ["DocxProblem", "read_docx"]

_WORD_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict Open XML
)
_OFFICE_DOCUMENT = "/officeDocument"  # relationship type suffix, transitional and strict
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class DocxProblem(Exception):
    """The .docx cannot be read; ``code`` is a :class:`~.types.ReadProblem` code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Refused(Exception):
    pass


def _refuse_doctype(*_args: object) -> None:
    raise _Refused


def _parser(namespaces: bool) -> xml.parsers.expat.XMLParserType:
    parser = (
        xml.parsers.expat.ParserCreate(namespace_separator=" ")
        if namespaces
        else xml.parsers.expat.ParserCreate()
    )
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype  # type: ignore[assignment]
    return parser


def _parse(data: bytes, name: str, parser: xml.parsers.expat.XMLParserType) -> None:
    try:
        parser.Parse(data, True)
    except _Refused:
        raise DocxProblem(
            "xml_entities",
            f"文档部件 {name} 含 DOCTYPE/实体声明（可能是 XML 实体攻击），拒绝读取",
        ) from None
    except xml.parsers.expat.ExpatError as exc:
        raise DocxProblem("corrupt", f"文档部件 {name} 不是有效的 XML：{exc}") from None


class _TextCollector:
    """expat handlers that turn document.xml into page texts."""

    def __init__(self) -> None:
        self.pages: list[str] = []
        self._page: list[str] = []
        self._in_text = 0
        self._cells: list[list[str]] = []  # open table cells, innermost last
        self._row_cells: list[list[str]] = []  # cells of the open rows, innermost last

    def _out(self) -> list[str]:
        return self._cells[-1] if self._cells else self._page

    def start(self, name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace not in _WORD_NAMESPACES:
            return
        if local == "t":
            self._in_text += 1
        elif local == "tab" and f"{namespace} pos" not in attrs:  # not a tab stop definition
            self._out().append("\t")
        elif local in ("br", "cr"):
            kind = attrs.get(f"{namespace} type", "textWrapping")
            if kind == "page" and not self._cells:
                self.page_break()
            else:
                self._out().append("\n")
        elif local == "tr":
            self._row_cells.append([])
        elif local == "tc":
            self._cells.append([])

    def end(self, name: str) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace not in _WORD_NAMESPACES:
            return
        if local == "t":
            self._in_text -= 1
        elif local == "p":
            out = self._out()
            out.append(" " if self._cells else "\n")
        elif local == "tc" and self._cells:
            cell = "".join(self._cells.pop()).strip()
            if self._row_cells:
                self._row_cells[-1].append(cell)
        elif local == "tr" and self._row_cells:
            self._out().append("\t".join(self._row_cells.pop()) + "\n")

    def characters(self, data: str) -> None:
        if self._in_text:
            self._out().append(data)

    def page_break(self) -> None:
        self.pages.append("".join(self._page))
        self._page = []

    def finish(self) -> list[str]:
        self.page_break()
        return self.pages


def _main_part(archive: zipfile.ZipFile, read: Callable[[zipfile.ZipInfo], bytes]) -> str:
    """The main document part named by ``_rels/.rels`` (``word/document.xml`` by default)."""
    target = "word/document.xml"
    try:
        info = archive.getinfo("_rels/.rels")
    except KeyError:
        return target
    found: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name.endswith("Relationship") and attrs.get("Type", "").endswith(_OFFICE_DOCUMENT):
            found.append(attrs.get("Target", ""))

    parser = _parser(namespaces=False)
    parser.StartElementHandler = start
    _parse(read(info), "_rels/.rels", parser)
    if found and found[0]:
        target = posixpath.normpath(found[0].lstrip("/"))
    return target


def read_docx(source: str | Path | bytes, *, limits: Limits | None = None) -> list[str]:
    """The text of a .docx, one string per page (see the module doc for what a page is).

    Raises :class:`DocxProblem` (``empty_file``, ``too_large``, ``encrypted``, ``corrupt``,
    ``xml_entities``) or :class:`~.archive.ArchiveProblem` (``zip_bomb``,
    ``zip_too_many_members``) for a file that cannot be read.
    """
    limits = limits or Limits()
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if not data:
        raise DocxProblem("empty_file", "文件为空（0 字节）")
    if len(data) > limits.max_file_size:
        raise DocxProblem("too_large", f"文件过大：{len(data) / 2**20:.1f} MiB")
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocxProblem("encrypted", "Word 文档已加密，需要密码才能打开")
        raise DocxProblem(
            "corrupt", "这是旧版 Word .doc 文件（扩展名却是 .docx），请改名为 .doc 或另存为 .docx"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocxProblem("corrupt", "文件不是有效的 Word .docx（不是 zip 格式）") from None
    with archive:
        infos = archive.infolist()
        budget = ArchiveBudget(limits)
        check_archive_members(infos, limits, budget)

        def read(info: zipfile.ZipInfo) -> bytes:
            return read_member(archive, info, limits, budget)

        main = _main_part(archive, read)
        collector: _TextCollector | None = None
        for info in infos:
            name = info.filename
            if info.is_dir() or not name.lower().endswith(_XML_SUFFIXES):
                continue
            if name == main:
                collector = _TextCollector()
                parser = _parser(namespaces=True)
                parser.StartElementHandler = collector.start
                parser.EndElementHandler = collector.end
                parser.CharacterDataHandler = collector.characters
                parser.buffer_text = True
            else:
                parser = _parser(namespaces=False)  # vetted only: nothing else is read
            _parse(read(info), name, parser)
        if collector is None:
            raise DocxProblem("corrupt", f"Word 文档缺少正文部件 {main}")
        return collector.finish()
