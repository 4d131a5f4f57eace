"""Render a document model to a Word file through its docxtpl template.

``render(model, out)`` fills ``templates/<model_name>.docx`` (or ``template=``) with the model and
writes ``out`` atomically; ``render_many`` does the same for a batch, all or nothing;
``render_bytes`` returns the .docx without writing.

Strict by default, unlike docxtpl:

* A template of the user's (``template=``) is checked first by :mod:`paimai_docs.lint`: one with
  errors (unknown names, split or unclosed tags, unbalanced blocks, bad syntax) is refused with
  a :class:`TemplateInvalid` that lists every error and where it is.
* Jinja runs with ``StrictUndefined`` and ``autoescape=True``: a name the template uses but the
  data lacks is an error, never a blank, and ``& < > " '`` in a value cannot break the XML.
* When anything is missing, a second pass records *every* missing value, and one
  :class:`MissingValues` error lists them all by their Chinese labels (拍卖标的 › 第2项 › 保留价)
  with the template's name.
* An optional field left empty (``None``) reaches the template as an undefined value that is falsy
  and iterates as empty, so ``{% if x %}`` and ``{% for %}`` work, but printing it is an error.
  Test ``x is defined`` where a zero or ``False`` is a real value.
* The template sees the model's own attributes, so amounts are ``Decimal`` and dates ``date`` when
  they reach the filters; ID, phone and bank numbers are printed in full (``str`` of a
  :class:`~paimai_docs.values.masking.MaskedStr`), because the documents need them.

Line breaks in a value become Word line breaks (``w:br``) and tabs become tabs: docxtpl converts
``\\n`` and ``\\t`` in the rendered text itself, so plain strings need no ``Listing`` or
``RichText``. ``\\r\\n`` is normalised first; control characters that XML cannot hold are dropped.

Filters: ``money`` (¥80,000.00), ``figures`` (80,000.00), ``money_words`` (人民币捌万元整),
``cn_date`` (2026年11月20日), ``formal_date`` (二〇二六年十一月二十日), ``cn_datetime``
(2026年12月18日 10:00), ``percent`` (5%), ``yesno`` (是/否, or ``yesno("有,无")``), ``label``
(an enum member's Chinese label), ``number`` (2, not 2.000), ``docref`` (an attachment with its
counts), ``with_label`` (pairs a list with a label, for material tables) and ``checkbox`` (tick
boxes for a form: ``☑是　☐否``, or ``checkbox("有,无")``).

The rendered file gets its own document properties: the title is the document's title and, where
the data names one, its subject (the lots, the auction session, the project, the vehicle); the
author is the firm or unit that issues it; created and modified are the time of rendering; the
application is ``paimai-docs`` and there is no thumbnail (:func:`document_properties`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import secrets
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar

from jinja2 import (
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
)
from jinja2.utils import missing as jinja_missing
from lxml import etree
from pydantic import BaseModel

from . import rx
from .docx_style import fill_core_properties
from .docx_template import (
    FILTERS,
    STRICT_ENV,
    PreparedTemplate,
    RenderError,
    SplitTag,
    TemplateInvalid,
    find_split_tags,
    make_environment,
)
from .errors import PaimaiError
from .models import DocumentModel
from .resources import template_path
from .validation import label_path, models_in

__all__ = [
    "FILTERS",
    "BatchRenderError",
    "MissingValue",
    "MissingValues",
    "OutputExists",
    "RenderError",
    "SplitTag",
    "TemplateInvalid",
    "find_split_tags",
    "make_environment",
    "render",
    "render_bytes",
    "render_many",
]


# ------------------------------------------------------------------------------------------
# Errors


class OutputExists(RenderError, FileExistsError):
    """The output file exists and overwriting was not asked for."""

    code = "output_exists"

    def __init__(self, paths: Sequence[Path]):
        self.paths = list(paths)
        names = "、".join(str(p) for p in self.paths)
        super().__init__(f"文件已存在，未覆盖：{names}（覆盖须 overwrite=True 或 --force）")


@dataclass(frozen=True)
class MissingValue:
    """One value the template needs and the data does not have.

    ``name`` is the template expression (``lots[1].reserve_price``); ``label`` the Chinese labels
    along it (拍卖标的 › 第2项 › 保留价); ``known`` is False when the template names something
    that is not a field of the model at all (a typo in the template).
    """

    name: str
    label: str
    known: bool = True

    def __str__(self) -> str:
        if self.known:
            return f"{self.label}（{self.name}）"
        return f"{self.name}（模板引用了数据中没有的名称）"


class MissingValues(RenderError):
    """The template needs values the data does not have; ``missing`` lists all of them."""

    code = "missing_values"

    def __init__(self, template: str, missing: Sequence[MissingValue]):
        self.template = template
        self.missing = list(missing)
        lines = "\n".join(f"  - {m}" for m in self.missing)
        super().__init__(f"模板 {template} 缺少 {len(self.missing)} 项值：\n{lines}")


class RuleViolations(RenderError):
    """The model breaks rules at error level; rendering it needs ``allow_findings=True``."""

    code = "rule_violations"

    def __init__(self, findings: Sequence[Any]):
        self.findings = list(findings)
        lines = "\n".join(
            f"  - {f.rule}{f' 第{f.item}项' if f.item else ''}：{f.message}（{f.basis}）"
            for f in self.findings
        )
        super().__init__(
            f"文书违反{len(self.findings)}条规则，未生成（确需生成请指定允许）：\n{lines}"
        )


def check_rules(model: DocumentModel, scope: str | None = None, calendar: Any = None) -> list[Any]:
    """The error-level findings the rules make about ``model`` (scope inferred when None;
    ``calendar``: holiday data for the deadlines, the default calendar when None)."""
    from .engine import check_model

    findings = check_model(model, scope, calendar=calendar)
    return [f for f in findings if f.severity.value == "error"]


class BatchRenderError(RenderError):
    """Some documents of a batch failed; nothing was written. ``failures`` maps name → error."""

    code = "batch_render_failed"

    def __init__(self, failures: dict[str, RenderError]):
        self.failures = failures
        lines = "\n".join(f"{name}：{error}" for name, error in failures.items())
        super().__init__(f"{len(failures)} 份文书未能生成，未写入任何文件：\n{lines}")


# ------------------------------------------------------------------------------------------
# What the template sees

# XML 1.0 cannot hold these; \v and \f (pasted from Word) are line breaks, the rest are dropped.
_XML_ILLEGAL = rx.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean_text(value: str) -> str:
    text = str.__str__(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _XML_ILLEGAL.search(text):
        text = _XML_ILLEGAL.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))
    if text == value:
        return value
    return text if type(value) is str else type(value)(text)


class _AbsentStrict(StrictUndefined):
    """An optional field left empty, in the strict pass: falsy and empty, but not printable."""

    _paimai_path: tuple[str | int, ...] | None = None

    def __bool__(self) -> bool:  # type: ignore[override]
        return False

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:  # type: ignore[override]
        return 0


class _Recording(Undefined):
    """Records every use that :class:`StrictUndefined` would refuse, and carries on."""

    records: ClassVar[list[Undefined]] = []
    # A class attribute, so that looking it up never reaches Undefined.__getattr__ (which records).
    _paimai_path: tuple[str | int, ...] | None = None

    def _record(self) -> None:
        type(self).records.append(self)

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        self._record()
        return self

    def __str__(self) -> str:
        self._record()
        return ""

    def __iter__(self) -> Any:
        self._record()
        return iter(())

    def __bool__(self) -> bool:
        self._record()
        return False

    def __len__(self) -> int:
        self._record()
        return 0

    def __eq__(self, other: object) -> bool:
        self._record()
        return False

    def __ne__(self, other: object) -> bool:
        self._record()
        return True

    def __hash__(self) -> int:
        return id(self)


class _AbsentRecording(_Recording):
    """An optional field left empty, in the recording pass: testing or looping is fine."""

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:
        return 0


@dataclass(frozen=True)
class _Pass:
    """One rendering pass: the model class at the root, and how absent values behave."""

    root: type[BaseModel]
    absent: type[Undefined]

    def absent_value(self, path: tuple[str | int, ...]) -> Undefined:
        # Labels are looked up only if the value turns out to be missing (see _describe).
        value = self.absent(name=_expression(path))
        vars(value)["_paimai_path"] = path
        return value

    def wrap(self, value: Any, path: tuple[str | int, ...]) -> Any:
        if value is None:
            return self.absent_value(path)
        if isinstance(value, BaseModel):
            return _ModelView(value, path, self)
        if isinstance(value, (list, tuple)):
            return [self.wrap(item, (*path, index)) for index, item in enumerate(value)]
        if isinstance(value, str) and not isinstance(value, Enum):
            return _clean_text(value)
        return value


class _ModelView:
    """A model as the template sees it: its fields, wrapped; nothing else."""

    __slots__ = ("_model", "_pass", "_path")

    def __init__(self, model: BaseModel, path: tuple[str | int, ...], run: _Pass) -> None:
        self._model = model
        self._path = path
        self._pass = run

    def _field(self, name: str) -> Any:
        if name.startswith("_") or name not in type(self._model).model_fields:
            raise AttributeError(name)
        return self._pass.wrap(getattr(self._model, name), (*self._path, name))

    def __getattr__(self, name: str) -> Any:
        return self._field(name)

    def __getitem__(self, name: str) -> Any:
        try:
            return self._field(name)
        except AttributeError:
            raise KeyError(name) from None

    def __str__(self) -> str:
        return str(self._model)


def _expression(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _context(model: DocumentModel, run: _Pass) -> dict[str, Any]:
    context = {name: run.wrap(getattr(model, name), (name,)) for name in type(model).model_fields}
    context.setdefault("document_title", type(model).title)
    return context


def _describe(value: Undefined, root: type[BaseModel]) -> MissingValue | None:
    path: tuple[str | int, ...] | None = getattr(value, "__dict__", {}).get("_paimai_path")
    if path is None:
        name = value._undefined_name
        owner = value._undefined_obj
        if name is None:
            return None
        if owner is jinja_missing:
            path = (name,)
        elif isinstance(owner, _ModelView):
            path = (*owner._path, name)
        else:
            return MissingValue(f"{type(owner).__name__}.{name}", str(name), known=False)
    labels = label_path(root, path)
    return MissingValue(_expression(path), " › ".join(labels), known=_is_field(root, path))


def _is_field(root: type[BaseModel], path: Sequence[str | int]) -> bool:
    """Whether ``path`` names a field of the model (and not a typo in the template)."""
    current: list[type[BaseModel]] = [root]
    for part in path:
        if isinstance(part, int):
            continue
        info = next((m.model_fields[part] for m in current if part in m.model_fields), None)
        if info is None:
            return False
        current = models_in(info.annotation)
    return True


# ------------------------------------------------------------------------------------------
# Rendering


@dataclass(frozen=True)
class _Source:
    """A template read into memory once (a batch renders it many times)."""

    name: str
    data: bytes

    @classmethod
    def load(
        cls,
        model: DocumentModel,
        template: str | os.PathLike[str] | None,
        *,
        check: bool = True,
    ) -> _Source:
        path = Path(template) if template is not None else template_path(type(model).model_name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TemplateInvalid(f"无法读取模板 {path}：{exc.strerror or exc}") from None
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                is_docx = "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            is_docx = False
        if not is_docx:
            raise TemplateInvalid(f"模板 {path} 不是有效的 .docx 文件")
        if template is not None and check:
            _check_template(data, path.name, type(model))
        return cls(path.name, data)


def _check_template(data: bytes, name: str, model: type[DocumentModel]) -> None:
    """Refuse a user's template that the template check finds errors in (the shipped templates
    are checked by the tests instead); warnings do not stop rendering."""
    from .lint import lint_template  # the linter builds on this module

    report = lint_template(data, model, name=name)
    if report.errors:
        raise TemplateInvalid(report.format(only_errors=True), report.errors)


# Where a document names its subject and its issuer, first found first (dotted paths; a list of
# models gives the names of its items).
_SUBJECT_PATHS = (
    "lot.name",
    "lots.name",
    "lot_refs",
    "lots_of_interest",
    "project_name",
    "auction_session.name",
    "auction_session_name",
    "vehicle.plate_no",
)
_AUTHOR_PATHS = (
    "auctioneer.name",
    "auction_company",
    "auction_firm.name",
    "receiving_company.name",
    "grantor_mortgagor.name",
    "bidder.name",
    "recorder_name",
)


def _lookup(model: BaseModel, path: str) -> str:
    values: list[Any] = [model]
    for name in path.split("."):
        found: list[Any] = []
        for value in values:
            item = getattr(value, name, None) if isinstance(value, BaseModel) else None
            if isinstance(item, (list, tuple)):
                found.extend(item)
            elif item is not None:
                found.append(item)
        values = found
    texts = [str.__str__(v) if isinstance(v, str) else str(v) for v in values if v != ""]
    return "、".join(dict.fromkeys(texts))


def document_properties(model: DocumentModel) -> dict[str, str]:
    """The title, subject and author a rendered document carries in its properties."""
    subject = next((t for p in _SUBJECT_PATHS if (t := _lookup(model, p))), "")
    if len(subject) > 80:
        subject = subject[:79] + "…"
    author = next((t for p in _AUTHOR_PATHS if (t := _lookup(model, p))), "")
    title = type(model).title + (f"（{subject}）" if subject else "")
    return {"title": title, "subject": subject, "author": author}


def _render_pass(
    model: DocumentModel,
    source: _Source,
    env: Environment,
    run: _Pass,
    *,
    final: bool = False,
) -> bytes:
    """Render ``model`` into its template; the .docx only for the ``final`` pass (the other
    pass only records what is missing)."""
    template = PreparedTemplate.of(source.data)
    rendered = template.render(_context(model, run), env)
    if not final:
        return b""
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    fill_core_properties(rendered.core_properties, when=now, **document_properties(model))
    return template.docx(rendered)


def _collect_missing(model: DocumentModel, source: _Source) -> list[MissingValue]:
    """Render once more, recording every missing value instead of stopping at the first."""
    records: list[Undefined] = []
    recording = type("_RecordingPass", (_Recording,), {"records": records})
    absent = type("_AbsentRecordingPass", (_AbsentRecording,), {"records": records})
    root = type(model)
    # Any other failure here is beside the point: the strict pass's error is reported instead.
    with contextlib.suppress(Exception):
        _render_pass(model, source, make_environment(recording), _Pass(root, absent))
    found: dict[str, MissingValue] = {}
    for value in list(records):
        described = _describe(value, root)
        if described is not None:
            found.setdefault(described.name, described)
    return list(found.values())


def _render_source(model: DocumentModel, source: _Source) -> bytes:
    root = type(model)
    try:
        return _render_pass(model, source, STRICT_ENV, _Pass(root, _AbsentStrict), final=True)
    except UndefinedError as exc:
        missing = _collect_missing(model, source) or [MissingValue("?", str(exc), known=False)]
        raise MissingValues(source.name, missing) from None
    except TemplateSyntaxError as exc:
        context = " ".join(
            line.strip() for line in getattr(exc, "docx_context", ()) if line.strip()
        )
        where = f"，附近文字：{context[:120]}" if context else ""
        raise TemplateInvalid(f"模板 {source.name} 的标签有误：{exc.message}{where}") from None
    except TemplateError as exc:
        raise RenderError(f"模板 {source.name} 无法渲染：{exc}") from None
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise TemplateInvalid(f"模板 {source.name} 不是有效的 .docx 文件：{exc}") from None
    except (ValueError, TypeError, ArithmeticError, LookupError, AttributeError) as exc:
        raise RenderError(f"模板 {source.name} 中有值无法格式化：{exc}") from None


def render_bytes(
    model: DocumentModel,
    *,
    template: str | os.PathLike[str] | None = None,
    check_template: bool = True,
    allow_findings: bool = False,
    scope: str | None = None,
    calendar: Any = None,
) -> bytes:
    """The rendered .docx of ``model`` as bytes (``template`` defaults to the shipped one).

    The model is checked against the rules of ``scope`` (inferred from the model when None)
    first: error-level findings refuse it with :class:`RuleViolations` listing them all, unless
    ``allow_findings``. A ``template`` of the user's is checked too
    (:func:`paimai_docs.lint.lint_template`) and refused with :class:`TemplateInvalid` listing
    every error; ``check_template=False`` skips that check (the strict rendering still reports
    every missing value).
    """
    if not allow_findings:
        violations = check_rules(model, scope, calendar)
        if violations:
            raise RuleViolations(violations)
    return _render_source(model, _Source.load(model, template, check=check_template))


def _write_atomic(out: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder, so that ``out`` is
    either absent or complete; without ``overwrite`` an existing file is never replaced."""
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp, out)
            return
        try:
            os.link(temp, out)  # atomic and refuses to replace an existing file
        except FileExistsError:
            raise OutputExists([out]) from None
        except OSError:  # no hard links on this file system (FAT, some shares)
            if out.exists():
                raise OutputExists([out]) from None
            os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)


def render(
    model: DocumentModel,
    out: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    check_template: bool = True,
    allow_findings: bool = False,
    scope: str | None = None,
    calendar: Any = None,
) -> Path:
    """Render ``model`` into the Word file ``out`` and return its path.

    A model that breaks a rule at error level is refused with :class:`RuleViolations` unless
    ``allow_findings`` (see :func:`render_bytes`).

    Raises :class:`OutputExists` if ``out`` exists and ``overwrite`` is false,
    :class:`MissingValues` listing every value the template needs and the model lacks,
    :class:`TemplateInvalid` for an unreadable template or one whose check finds errors (see
    :func:`render_bytes`), :class:`RenderError` otherwise. On any error no file is left behind.
    """
    path = Path(out)
    if not overwrite and path.exists():
        raise OutputExists([path])
    data = render_bytes(
        model,
        template=template,
        check_template=check_template,
        allow_findings=allow_findings,
        scope=scope,
        calendar=calendar,
    )
    _write_atomic(path, data, overwrite=overwrite)
    return path


def render_many(
    models: Iterable[DocumentModel],
    out_dir: str | os.PathLike[str],
    *,
    names: Sequence[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    check_template: bool = True,
    allow_findings: bool = False,
    scope: str | None = None,
    calendar: Any = None,
) -> list[Path]:
    """Render a batch into ``out_dir`` as ``<name>.docx``, all or nothing.

    ``names`` are the file names without ``.docx`` (default ``<model_name>_001`` …). Every
    document is rendered before any is written: if one fails, :class:`BatchRenderError` names
    each failure and no file is written. Existing files raise :class:`OutputExists` (all of them
    at once) unless ``overwrite``. A user's ``template`` is checked once per batch and kind, as
    in :func:`render_bytes`.
    """
    batch = list(models)
    if names is None:
        width = max(3, len(str(len(batch))))
        names = [f"{type(m).model_name}_{i:0{width}d}" for i, m in enumerate(batch, 1)]
    if len(names) != len(batch):
        raise RenderError(f"文件名数量（{len(names)}）与文书数量（{len(batch)}）不一致")
    folded = [name.casefold() for name in names]
    duplicates = sorted({n for n in names if folded.count(n.casefold()) > 1})
    if duplicates:
        raise RenderError(f"批量生成的文件名重复：{'、'.join(duplicates)}")
    directory = Path(out_dir)
    paths = [directory / f"{name}.docx" for name in names]
    if not overwrite:
        existing = [p for p in paths if p.exists()]
        if existing:
            raise OutputExists(existing)

    sources: dict[Any, _Source] = {}
    rendered: list[bytes] = []
    failures: dict[str, RenderError] = {}
    for name, model in zip(names, batch, strict=True):
        key = (template, type(model).model_name)
        try:
            if not allow_findings:
                violations = check_rules(model, scope, calendar)
                if violations:
                    raise RuleViolations(violations)
            if key not in sources:
                sources[key] = _Source.load(model, template, check=check_template)
            rendered.append(_render_source(model, sources[key]))
        except RenderError as exc:
            failures[name] = exc
        except PaimaiError as exc:  # e.g. the shipped template is missing
            failures[name] = RenderError(str(exc))
    if failures:
        raise BatchRenderError(failures)
    for path, data in zip(paths, rendered, strict=True):
        _write_atomic(path, data, overwrite=overwrite)
    return paths
