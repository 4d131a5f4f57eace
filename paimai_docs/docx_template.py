"""The Word-template machinery that rendering and the template linter share: the Jinja
environment documents are rendered with (strict, autoescaped, our Chinese filters), docxtpl's
template with its clean-up cached, the errors about templates, and the check for tags that Word
split over several runs. :mod:`paimai_docs.render` renders with it; :mod:`paimai_docs.lint`
checks templates with it; neither imports the other's internals.

The filters: ``money`` (12,345.00), ``figures``, ``money_words`` (大写), ``cn_date``
(2026年12月18日), ``formal_date`` (二〇二六年十二月十八日), ``cn_datetime``, ``percent`` (5%),
``yesno`` (是/否, or ``yesno("有,无")``), ``checkbox`` (``☑是　☐否``), ``label`` (an enum
member's Chinese label), ``number`` (2, not 2.000), ``docref`` (an attachment with its counts)
and ``with_label`` (pairs a list with a label).

:class:`PreparedTemplate` is a template read once and rendered many times: everything docxtpl
redoes for every document although it depends on the template alone (opening and parsing the
package, its XML clean-up, compiling the Jinja template, serialising and compressing the parts the
data never changes) is done once per template content; each document then costs its Jinja
rendering, one parse and serialisation of its body, and the compression of the parts that differ.
The .docx is the same, part for part, as docxtpl and python-docx write it.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import struct
import sys
import threading
import time
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template, TemplateError, Undefined
from lxml import etree

from . import rx
from .docx_style import clean_package
from .errors import PaimaiError
from .values.dates import formal_date as _formal_date
from .values.dates import format_date, format_datetime
from .values.money import format_amount, format_figures, to_words
from .values.percent import format_percent

__all__ = [
    "FILTERS",
    "STRICT_ENV",
    "DocxTemplateCached",
    "PreparedTemplate",
    "RenderError",
    "RenderedDocument",
    "SplitTag",
    "TemplateInvalid",
    "find_split_tags",
    "make_environment",
]


# ------------------------------------------------------------------------------------------
# Errors


class RenderError(PaimaiError):
    """A document could not be rendered (base class of every rendering error)."""

    code = "render_error"


class TemplateInvalid(RenderError):
    """The template is not a readable .docx or its tags are not valid Jinja.

    When a user's template fails the template check (:mod:`paimai_docs.lint`), ``problems``
    holds every error found, each with its place in the document.
    """

    code = "template_invalid"

    def __init__(self, message: str, problems: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


# ------------------------------------------------------------------------------------------
# Filters


def _passes_undefined(func: Callable[..., Any]) -> Callable[..., Any]:
    """Hand an undefined value straight back, so printing it raises (or records) as usual."""

    def wrapper(value: Any, *args: Any) -> Any:
        if isinstance(value, Undefined):
            return value
        return func(value, *args)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def _memoized(func: Callable[..., str]) -> Callable[..., str]:
    """Remember the text of immutable values (amounts, dates, rates): a 20-lot contract formats
    the same few amounts dozens of times, and Babel is slow. The key keeps the value's type and
    exact spelling (``Decimal("1.0")`` and ``Decimal("1.00")`` are different keys)."""
    cache: dict[tuple[Any, ...], str] = {}

    def wrapper(value: Any, *args: Any) -> str:
        if not isinstance(value, (Decimal, int, float, dt.date)):
            return func(value, *args)
        key = (type(value), str(value), args)
        text = cache.get(key)
        if text is None:
            if len(cache) >= 4096:
                cache.clear()
            text = cache[key] = func(value, *args)
        return text

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def _yesno(value: Any, choices: str = "是,否") -> str:
    """是/否 for a boolean; ``yesno("有,无")`` for other words."""
    yes, _, no = choices.partition(",")
    return yes if value else no


def _checkbox(value: Any, choices: str = "是,否") -> str:
    """Tick boxes for a form: ``☑是　☐否`` (or with other words: ``checkbox("有,无")``)."""
    yes, _, no = choices.partition(",")
    return f"☑{yes}　☐{no}" if value else f"☐{yes}　☑{no}"


def _label(value: Any) -> str:
    """An enum member's Chinese label."""
    return str(getattr(value, "label", value))


def _number(value: Any) -> str:
    """A quantity without trailing zeros: 2, 1.5, 100."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def _cn_date(value: dt.date) -> str:
    return format_date(value.date() if isinstance(value, dt.datetime) else value)


def _cn_datetime(value: dt.date) -> str:
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    return format_date(value)


def _docref(value: Any) -> str:
    """An attached document: 营业执照复印件（复印件1份，加盖公章）."""
    counts = []
    if value.originals:
        counts.append(f"原件{value.originals}份")
    if value.copies:
        counts.append(f"复印件{value.copies}份")
        if value.sealed:
            counts.append("加盖公章")
    if value.file:
        counts.append(f"电子文件：{value.file}")
    if value.note:
        counts.append(str(value.note))
    return f"{value.title}（{'，'.join(counts)}）" if counts else str(value.title)


def _with_label(values: Iterable[Any], label: str) -> list[tuple[str, Any]]:
    """Pair each item with ``label``: ``approval_docs|with_label("审批文件")``."""
    return [(label, item) for item in values]


FILTERS: dict[str, Callable[..., Any]] = {
    "money": _passes_undefined(_memoized(format_amount)),
    "figures": _passes_undefined(_memoized(format_figures)),
    "money_words": _passes_undefined(_memoized(to_words)),
    "cn_date": _passes_undefined(_memoized(_cn_date)),
    "formal_date": _passes_undefined(_memoized(_formal_date)),
    "cn_datetime": _passes_undefined(_memoized(_cn_datetime)),
    "percent": _passes_undefined(_memoized(format_percent)),
    "yesno": _passes_undefined(_yesno),
    "checkbox": _passes_undefined(_checkbox),
    "label": _passes_undefined(_label),
    "number": _passes_undefined(_number),
    "docref": _passes_undefined(_docref),
    "with_label": _passes_undefined(_with_label),
}


def _finalize(value: Any) -> Any:
    """Chinese defaults for values printed without a filter."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return value


class _Environment(Environment):
    """Caches templates compiled from strings: docxtpl compiles the document XML on every
    render, and a batch renders the same template many times."""

    _CACHE_SIZE = 32

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: OrderedDict[str, Template] = OrderedDict()

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = super().from_string(source)
            self._compiled[source] = template
            if len(self._compiled) > self._CACHE_SIZE:
                self._compiled.popitem(last=False)
        else:
            self._compiled.move_to_end(source)
        return template


_LISTING_CHARS = rx.compile("[\t\n\a\f]")
_PARAGRAPH = rx.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # as docxtpl's resolve_listing
# docxtpl puts every paragraph on a line of its own before Jinja sees the XML (so that an error
# can quote the lines around it) and joins them again afterwards.
_PARAGRAPH_START = rx.compile(r"<w:p([ >])")
_TAGS = rx.compile(r"<[^>]+>")


def split_paragraphs(xml: str) -> str:
    """The XML as docxtpl hands it to Jinja: a line break before every paragraph."""
    return _PARAGRAPH_START.sub(r"\n<w:p\1", xml)


class DocxTemplateCached(DocxTemplate):  # type: ignore[misc]  # docxtpl has no types
    """docxtpl's template with its XML clean-up (``patch_xml``, a few dozen regular expressions
    over the whole document) remembered: it depends on the template alone, and a batch renders
    one template many times. :class:`PreparedTemplate` uses its steps one by one."""

    _patched: ClassVar[OrderedDict[str, str]] = OrderedDict()
    _CACHE_SIZE = 64

    def render_xml_part(
        self, src_xml: str, part: Any, context: Mapping[str, Any], jinja_env: Any = None
    ) -> str:
        self.current_rendering_part = part
        return self.render_split_xml(split_paragraphs(src_xml), context, jinja_env)

    def render_split_xml(
        self, src_xml: str, context: Mapping[str, Any], jinja_env: Environment | None = None
    ) -> str:
        """docxtpl's ``render_xml_part`` (0.17 to 0.20) for XML that :func:`split_paragraphs`
        has already split, so that a prepared template splits it once, not for every
        document."""
        try:
            template = jinja_env.from_string(src_xml) if jinja_env else Template(src_xml)
            dst_xml = template.render(context)
        except TemplateError as exc:
            lineno = getattr(exc, "lineno", None)
            if lineno is not None:  # the lines around the error, without their XML tags
                first = max(lineno - 4, 0)
                lines = src_xml.splitlines()[first : first + 7]
                exc.docx_context = [_TAGS.sub("", line) for line in lines]  # type: ignore[attr-defined]
            raise
        # docxtpl's re.sub(r"\n<w:p([ >])", r"<w:p\1", ...), as two plain replacements.
        dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        if "_" in dst_xml:  # finding one character is quick; without it none of these occur
            dst_xml = (
                dst_xml.replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
        return self.resolve_listing(dst_xml)

    def resolve_listing(self, xml: str) -> str:
        r"""docxtpl turns ``\n``/``\t``/``\a``/``\f`` in the rendered text into Word breaks with
        regular expressions over every paragraph and run; only paragraphs that hold one of
        these characters need it (most hold none), so only those are handed to docxtpl."""
        if not ("\n" in xml or "\t" in xml or "\a" in xml or "\f" in xml):  # quicker than a regex
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group(0)) if _LISTING_CHARS.search(m.group(0)) else m.group(0),
            xml,
        )

    def patch_xml(self, src_xml: str) -> str:
        cache = DocxTemplateCached._patched
        patched = cache.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            cache[src_xml] = patched
            if len(cache) > self._CACHE_SIZE:
                cache.popitem(last=False)
        return patched


def make_environment(undefined: type[Undefined] = StrictUndefined) -> Environment:
    """The Jinja environment documents are rendered with: strict, autoescaped, our filters."""
    env = _Environment(undefined=undefined, autoescape=True, finalize=_finalize)
    env.filters.update(FILTERS)
    return env


STRICT_ENV = make_environment()  # the environment a document is rendered with


# ------------------------------------------------------------------------------------------
# A template prepared once, rendered many times

# The core properties docxtpl renders as templates (its render_properties).
_RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_RENDERS_FOOTNOTES = hasattr(DocxTemplate, "render_footnotes")  # docxtpl 0.18 and later
_SECTIONS = etree.XPath(  # python-docx's sections of a document
    "./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)


@dataclass(frozen=True)
class _Member:
    """A member of the .docx (a zip file), compressed: its name, CRC-32, size and deflated
    bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes) -> _Member:
        # As zipfile deflates at its default level, which python-docx (and so the benchmark's
        # floor) uses: the same bytes as before, only not computed again for unchanged parts.
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        deflated = compressor.compress(data) + compressor.flush()
        return cls(name, zlib.crc32(data), len(data), deflated)


# The zip records as zipfile writes them (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_END_RECORD = struct.Struct("<4s4H2LH")
_ZIP_VERSION = 20  # deflate
_ZIP_SYSTEM = 0 if sys.platform == "win32" else 3  # the "made by" system zipfile records
_ZIP_MODE = 0o600 << 16  # zipfile's permissions for a member written from bytes
_ZIP_LIMIT = (1 << 31) - 1  # beyond this zipfile would write ZIP64 records


def _zip(members: Sequence[_Member]) -> bytes:
    """The members as one zip file, byte for byte as ``zipfile.ZipFile(..., "w",
    ZIP_DEFLATED).writestr(name, data)`` writes them (what python-docx's save does), except
    that the members' deflated bytes may have been computed once for many documents."""
    year, month, day, hour, minute, second = time.localtime(time.time())[:6]
    if year < 1980:
        raise ValueError("ZIP does not support timestamps before 1980")
    date = (year - 1980) << 9 | month << 5 | day
    clock = hour << 11 | minute << 5 | second // 2
    out = bytearray()
    directory = bytearray()
    for member in members:
        if member.size > _ZIP_LIMIT or len(out) > _ZIP_LIMIT:
            raise RenderError("文书过大，无法写成 .docx")
        try:
            name, flags = member.name.encode("ascii"), 0
        except UnicodeEncodeError:
            name, flags = member.name.encode("utf-8"), 0x800
        fields = (flags, zipfile.ZIP_DEFLATED, clock, date, member.crc)
        sizes = (len(member.deflated), member.size, len(name))
        directory += _CENTRAL_HEADER.pack(
            b"PK\x01\x02", _ZIP_VERSION, _ZIP_SYSTEM, _ZIP_VERSION, 0, *fields, *sizes,
            0, 0, 0, 0, _ZIP_MODE, len(out),
        )  # fmt: skip
        directory += name
        out += _LOCAL_HEADER.pack(b"PK\x03\x04", _ZIP_VERSION, 0, *fields, *sizes, 0)
        out += name
        out += member.deflated
    end = _END_RECORD.pack(
        b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0
    )
    return bytes(out + directory + end)


@dataclass(frozen=True)
class RenderedDocument:
    """One document rendered from a :class:`PreparedTemplate`: the parts that depend on the
    data (member name → the bytes python-docx would write) and its core properties, which the
    caller may still change before :meth:`PreparedTemplate.docx`."""

    parts: dict[str, bytes]
    core_properties: CoreProperties
    core_element: Any  # the core properties' XML element


class PreparedTemplate:
    """A .docx template prepared for rendering many documents; :meth:`of` keeps one per
    template content.

    It does what docxtpl's ``DocxTemplate.render`` and python-docx's ``save`` do (docxtpl 0.17
    to 0.20, python-docx 1.1 and 1.2), with the same result, in two halves:

    * once per template: open the package with python-docx, clean up the XML of the body, the
      headers and the footers for Jinja (docxtpl's ``patch_xml``), let python-docx save the
      package as every rendered document has it (core properties present, ``paimai-docs`` as the
      application, no thumbnail: :func:`~paimai_docs.docx_style.clean_package`), and keep each
      member of that .docx compressed, except the ones the data changes;
    * per document (:meth:`render`, then :meth:`docx`): Jinja over the body, the headers, the
      footers, the core properties and the footnotes, in docxtpl's order; the rendered body
      parsed, its tables and drawing ids fixed as docxtpl does, and moved into a copy of the
      template's document element kept without its body (docxtpl moves it into the freshly
      opened template and so first throws the template's own body away); the changed parts
      serialised and compressed, and the .docx put together from them and the members kept.

    Nothing prepared is changed by rendering, so one prepared template serves any number of
    documents, also from several threads.
    """

    _cache: ClassVar[OrderedDict[bytes, PreparedTemplate]] = OrderedDict()
    _cache_lock: ClassVar[threading.Lock] = threading.Lock()
    _CACHE_SIZE = 16

    @classmethod
    def of(cls, data: bytes) -> PreparedTemplate:
        """The prepared template for the .docx ``data``: prepared on first use and kept (the
        16 most recently used), keyed by the content itself, so that a template file changed on
        disk is prepared again and never served from its old content."""
        with cls._cache_lock:
            prepared = cls._cache.get(data)
            if prepared is not None:
                cls._cache.move_to_end(data)
                return prepared
        prepared = cls(data)
        with cls._cache_lock:
            cls._cache[data] = prepared
            while len(cls._cache) > cls._CACHE_SIZE:
                cls._cache.popitem(last=False)
        return prepared

    def __init__(self, data: bytes) -> None:
        document = Document(io.BytesIO(data))
        docxtpl = DocxTemplateCached(io.BytesIO(data))
        docxtpl.docx = document  # docxtpl's steps, on the document opened here
        package = document.part.package

        # The body, as docxtpl's build_xml reads it, and the document around it: a copy of
        # the document element whose body is a placeholder for the rendered one.
        self._body = split_paragraphs(docxtpl.patch_xml(docxtpl.get_xml()))
        root = document.element
        self._body_index = root.index(root.body)
        self._shell = copy.deepcopy(root)
        self._shell[self._body_index] = etree.Element("body")
        self._document = document.part.partname.membername

        # Headers and footers, as docxtpl's build_headers_footers_xml reads them. (docxtpl
        # gives a header that two relationships name two copies under one name; here it is
        # written once.)
        self._headers_footers: list[tuple[str, str, str]] = []  # name, encoding, XML
        for uri in (docxtpl.HEADER_URI, docxtpl.FOOTER_URI):
            for _key, part in docxtpl.get_headers_footers(uri):
                xml = docxtpl.get_part_xml(part)
                encoding = docxtpl.get_headers_footers_encoding(xml)
                patched = split_paragraphs(docxtpl.patch_xml(xml))
                self._headers_footers.append((part.partname.membername, encoding, patched))

        # Footnotes are plain parts for python-docx: docxtpl renders their bytes as text, once
        # for every section of the rendered document (the second time over the first result).
        self._footnotes: list[tuple[str, bytes]] = []
        if _RENDERS_FOOTNOTES:
            for part in package.iter_parts():
                if part.content_type == _FOOTNOTES:
                    # An XML part (a later python-docx) is written from its element, which
                    # docxtpl does not change: rendered for its errors, written unchanged.
                    name = "" if isinstance(part, XmlPart) else part.partname.membername
                    self._footnotes.append((name, part.blob))

        # Core properties: docxtpl renders six of them as templates (reading them creates the
        # part in a package without one, as docxtpl's rendering does).
        properties = document.core_properties
        self._properties = [(name, getattr(properties, name)) for name in _RENDERED_PROPERTIES]
        core = package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
        self._core = core.partname.membername
        self._core_xml = core.blob

        clean_package(document)
        changed = {self._document, self._core}
        changed.update(name for name, _, _ in self._headers_footers)
        changed.update(name for name, _ in self._footnotes if name)
        saved = io.BytesIO()
        document.save(saved)
        with zipfile.ZipFile(saved) as archive:
            self._members: list[_Member | str] = [
                info.filename
                if info.filename in changed
                else _Member.of(info.filename, archive.read(info))
                for info in archive.infolist()
            ]

    def render(self, context: Mapping[str, Any], env: Environment) -> RenderedDocument:
        """Render every part of the template with ``context`` in docxtpl's order (body,
        headers, footers, core properties, footnotes); Jinja's errors are raised as docxtpl
        raises them."""
        docxtpl = DocxTemplateCached(None)  # docxtpl's steps, with its counters for this document
        docxtpl.docx_ids_index = 1000  # as docxtpl's render_init

        body = docxtpl.fix_tables(docxtpl.render_split_xml(self._body, context, env))
        docxtpl.fix_docpr_ids(body)
        # docxtpl's map_tree, into a copy of the template's document without its body (moving
        # the body in, lxml drops the namespace declarations the document already makes)
        document = copy.deepcopy(self._shell)
        document.replace(document[self._body_index], body)
        parts = {self._document: serialize_part_xml(document)}

        for name, encoding, xml in self._headers_footers:
            rendered = docxtpl.render_split_xml(xml, context, env).encode(encoding)
            parts[name] = serialize_part_xml(parse_xml(rendered))  # as XmlPart.load and save

        core_element = parse_xml(self._core_xml)
        core = CoreProperties(core_element)
        for name, initial in self._properties:
            setattr(core, name, env.from_string(initial).render(context))

        if self._footnotes:
            blobs = [blob for _, blob in self._footnotes]
            for _section in _SECTIONS(document):
                for index, (name, _) in enumerate(self._footnotes):
                    xml = docxtpl.patch_xml(blobs[index].decode("utf-8"))
                    rendered = docxtpl.render_xml_part(xml, None, context, env).encode()
                    if name:  # a plain part keeps what docxtpl wrote into it
                        blobs[index] = rendered
            for (name, _), blob in zip(self._footnotes, blobs, strict=True):
                if name:
                    parts[name] = blob
        return RenderedDocument(parts, core, core_element)

    def docx(self, rendered: RenderedDocument) -> bytes:
        """The .docx of a rendered document."""
        parts = {**rendered.parts, self._core: serialize_part_xml(rendered.core_element)}
        return _zip(
            [
                member if isinstance(member, _Member) else _Member.of(member, parts[member])
                for member in self._members
            ]
        )


# ------------------------------------------------------------------------------------------
# Template checks

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = rx.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_TAG_MARK = rx.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")


@dataclass(frozen=True)
class SplitTag:
    """A tag that does not sit inside one text run (Word split it, or it is unclosed)."""

    part: str  # word/document.xml, word/footer1.xml, ...
    paragraph: int  # 1-based, in document order within the part
    text: str  # the paragraph's text

    def __str__(self) -> str:
        return f"{self.part} 第{self.paragraph}段：{self.text[:80]}"


def find_split_tags(docx: str | os.PathLike[str] | bytes) -> list[SplitTag]:
    """Every paragraph of a .docx in which a ``{{ }}``/``{% %}``/``{# #}`` tag spans two text
    runs or is not closed. docxtpl can only be trusted with tags that sit in one run."""
    data = docx if isinstance(docx, bytes) else Path(docx).read_bytes()
    problems: list[SplitTag] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            n
            for n in archive.namelist()
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", n)
        ]
        for part in parts:
            root = etree.fromstring(archive.read(part))
            for index, paragraph in enumerate(root.iter(f"{_W}p"), 1):
                texts = [t.text or "" for t in paragraph.iter(f"{_W}t")]
                if _paragraph_has_split_tag(texts):
                    problems.append(SplitTag(part, index, "".join(texts)))
    return problems


def _paragraph_has_split_tag(texts: Sequence[str]) -> bool:
    for text in texts:
        if _TAG_MARK.search(_TAG.sub("", text)):
            return True  # an opening or closing mark without its partner in this run
    joined = "".join(texts)
    return bool(_TAG_MARK.search(_TAG.sub("", joined))) or len(_TAG.findall(joined)) != sum(
        len(_TAG.findall(t)) for t in texts
    )
