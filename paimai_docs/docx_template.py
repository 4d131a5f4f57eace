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
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template, Undefined
from lxml import etree

from . import rx
from .errors import PaimaiError
from .values.dates import formal_date as _formal_date
from .values.dates import format_date, format_datetime
from .values.money import format_amount, format_figures, to_words
from .values.percent import format_percent

__all__ = [
    "FILTERS",
    "STRICT_ENV",
    "DocxTemplateCached",
    "RenderError",
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


class DocxTemplateCached(DocxTemplate):  # type: ignore[misc]  # docxtpl has no types
    """docxtpl's template with its XML clean-up (``patch_xml``, a few dozen regular expressions
    over the whole document) remembered: it depends on the template alone, and a batch renders
    one template many times."""

    _patched: ClassVar[OrderedDict[str, str]] = OrderedDict()
    _CACHE_SIZE = 64

    def resolve_listing(self, xml: str) -> str:
        r"""docxtpl turns ``\n``/``\t``/``\a``/``\f`` in the rendered text into Word breaks with
        regular expressions over every paragraph and run; only paragraphs that hold one of
        these characters need it (most hold none), so only those are handed to docxtpl."""
        if not _LISTING_CHARS.search(xml):
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
