"""Reading a .docx template for the linter: its XML parts in order, each paragraph with its
place, and the template tags in each paragraph."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from .. import rx
from .report import Location, TemplateUnreadable

# ------------------------------------------------------------------------------------------
# Reading the .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = rx.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")
_CORE_PROPS = ("title", "subject", "creator", "description", "identifier", "language")
_DC = "{http://purl.org/dc/elements/1.1/}"


@dataclass
class _Para:
    location: Location
    text: str
    in_row: bool


def _order(name: str) -> tuple[int, str]:
    kind = re.sub(r"\d+$", "", Path(name).stem)
    return (["document", "header", "footer", "footnotes"].index(kind), name)


def _paragraphs(part: str, root: Any) -> list[_Para]:
    """Every paragraph of a part in document order, with where it sits."""
    body = root.find(f"{_W}body")
    top_tables = [
        t for t in root.iter(f"{_W}tbl") if not any(a.tag == f"{_W}tbl" for a in t.iterancestors())
    ]
    table_number = {id(t): n for n, t in enumerate(top_tables, 1)}
    result: list[_Para] = []
    body_count = 0
    for index, paragraph in enumerate(root.iter(f"{_W}p"), 1):
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
        ancestors = list(paragraph.iterancestors())
        cell = next((a for a in ancestors if a.tag == f"{_W}tc"), None)
        in_box = any(a.tag.endswith("txbxContent") for a in ancestors)
        if cell is not None:
            row = cell.getparent()
            top = [a for a in ancestors if a.tag == f"{_W}tbl"][-1]
            cells = [c for c in row if c.tag == f"{_W}tc"]
            rows = [r for r in cell.getparent().getparent() if r.tag == f"{_W}tr"]
            location = Location(
                part,
                index,
                table=table_number.get(id(top)),
                row=rows.index(row) + 1,
                cell=cells.index(cell) + 1,
                text=text,
            )
            result.append(_Para(location, text, True))
            continue
        paragraph_number = None
        if body is not None and not in_box:
            body_count += 1
            paragraph_number = body_count
        elif body is None and not in_box:
            paragraph_number = index
        result.append(_Para(Location(part, index, paragraph_number, text=text), text, False))
    return result


def _read(data: bytes, name: str) -> list[tuple[str, list[_Para]]]:
    """The parts docxtpl renders, each as its paragraphs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise TemplateUnreadable(
            f"模板 {name} 不是有效的 .docx 文件（不是 zip 文件）",
            f"template {name} is not a .docx file (not a zip archive)",
        ) from None
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise TemplateUnreadable(
                f"模板 {name} 不是有效的 .docx 文件（缺少 word/document.xml）",
                f"template {name} is not a .docx file (no word/document.xml)",
            )
        parts: list[tuple[str, list[_Para]]] = []
        try:
            for part in sorted((n for n in names if _PARTS.fullmatch(n)), key=_order):
                root = etree.fromstring(archive.read(part))
                parts.append((part, _paragraphs(part, root)))
            if "docProps/core.xml" in names:
                core = etree.fromstring(archive.read("docProps/core.xml"))
                for prop in _CORE_PROPS:
                    element = core.find(f"{_DC}{prop}")
                    if element is not None and element.text and "{" in element.text:
                        location = Location("docProps/core.xml", 1, text=element.text)
                        parts.append((f"docProps/core.xml#{prop}", [
                            _Para(location, element.text, False)
                        ]))  # fmt: skip
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, KeyError, OSError) as exc:
            raise TemplateUnreadable(
                f"模板 {name} 已损坏，无法读取：{exc}", f"template {name} is damaged: {exc}"
            ) from None
    return parts


# ------------------------------------------------------------------------------------------
# Tags

_MARKS = rx.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_PREFIX = rx.compile(r"(p|tr|tc|r)\s")


@dataclass(frozen=True)
class _Tag:
    kind: Literal["expr", "block", "comment"]
    raw: str  # as written
    content: str  # between the marks, docxtpl prefix removed, curly quotes made straight
    prefix: str  # "p", "tr", "tc", "r" or ""
    para: _Para


@dataclass
class _Scan:
    tags: list[_Tag]
    unclosed: list[str]  # the text from an opening mark without its partner
    stray: list[str]  # closing marks without an opening one


def _find_close(text: str, start: int, close: str) -> int:
    """The index of ``close`` after ``start``, skipping quoted strings; -1 if absent."""
    if close == "#}":
        return text.find(close, start)
    quote = ""
    i = start
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif text.startswith(close, i):
            return i
        i += 1
    return -1


def _scan(para: _Para) -> _Scan:
    text = para.text
    found = _Scan([], [], [])
    position = 0
    while True:
        match = _MARKS.search(text, position)
        if match is None:
            break
        mark = match.group()
        if mark not in _CLOSE:
            found.stray.append(mark)
            position = match.end()
            continue
        end = _find_close(text, match.end(), _CLOSE[mark])
        if end < 0:  # an unbalanced quote inside the tag: Jinja will say so
            end = text.find(_CLOSE[mark], match.end())
        if end < 0:
            found.unclosed.append(text[match.start() :])
            break
        raw = text[match.start() : end + 2]
        inner = text[match.end() : end].translate(_QUOTES)
        prefix = ""
        prefixed = _PREFIX.match(inner)
        if prefixed and not (mark == "{#" and prefixed.group(1) == "r"):
            prefix = prefixed.group(1)
            inner = inner[prefixed.end() :]
        kind: Literal["expr", "block", "comment"] = (
            "expr" if mark == "{{" else "block" if mark == "{%" else "comment"
        )
        found.tags.append(_Tag(kind, raw, inner, prefix, para))
        position = end + 2
    return found
