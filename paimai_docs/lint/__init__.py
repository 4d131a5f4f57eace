"""Check a Word template against a document model before anything is rendered with it.

``lint_template(path, "entrustment_contract")`` reads the .docx once and reports, in one pass and
each with its place (body paragraph N, table N row R cell C, header or footer, with a snippet):

* **split tags** — a ``{{ }}``/``{% %}`` tag spread over two Word runs (spell-check and editing
  history do this); found by :func:`paimai_docs.render.find_split_tags`;
* **unclosed tags** — ``{{`` or ``{%`` without its ``}}``/``%}`` in the same paragraph;
* **unbalanced blocks** — ``if``/``for`` without ``endif``/``endfor``, an ``endfor`` closing an
  ``if``, an ``else`` outside any block; each part (body, each header, each footer) is rendered
  on its own, so a block must close in the part it opens in;
* **syntax errors** — each tag is parsed by Jinja on its own, so one bad tag does not hide the
  next; a whole-part parse through docxtpl's own pre-processing is the final safety net;
* **unknown names** — every name and attribute chain is resolved against the pydantic model:
  ``consignor.name`` through nested models, ``lot.reserve_price`` through loop variables bound to
  list items (``{% for lot in lots %}``, ``{%tr for label, doc in pairs %}``), ``Optional`` and
  ``list`` annotations, filters (``|map("docref")``, ``|with_label``) and tests; unknown filters
  and tests are reported too;
* **required fields never used** (warnings), by this rule:

  - a top-level field that is required (``FieldInfo.is_required()``) and that the template never
    names at all;
  - a required field of a sub-model that the template prints *field by field* (it reads at least
    one field of that sub-model, and never prints the sub-model whole, e.g. ``|docref``): having
    started on 委托人 the template should also print 委托人's 住所. Each place a sub-model is
    reached is checked on its own (``consignor`` and ``auctioneer``; ``lots[]`` once for all
    items). Fields a template deliberately does not print are listed in
    :data:`NOT_EXPECTED` with the reason.

Errors make the template unusable (rendering with it fails or breaks the document);
``render(..., template=...)`` refuses a template with errors. Warnings do not stop rendering.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..docx_template import find_split_tags
from ..models import DocumentModel
from ..validation import get_model
from .checker import _Checker
from .parts import _PARTS, _read
from .report import NOT_EXPECTED, LintProblem, LintReport, Location, TemplateUnreadable

__all__ = [
    "NOT_EXPECTED",
    "LintProblem",
    "LintReport",
    "Location",
    "TemplateUnreadable",
    "lint_template",
]


# ------------------------------------------------------------------------------------------
# Entry point


def _read_bytes(template: str | os.PathLike[str] | bytes) -> tuple[bytes, str]:
    if isinstance(template, bytes):
        return template, "template.docx"
    path = Path(template)
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise TemplateUnreadable(
            f"无法读取模板 {path}：{reason}", f"cannot read template {path}: {reason}"
        ) from None


def _xml_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if _PARTS.fullmatch(n)}


def _split_paragraphs(data: bytes) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for split in find_split_tags(data):
        found.setdefault(split.part, set()).add(split.paragraph)
    return found


def lint_template(
    template: str | os.PathLike[str] | bytes,
    model_name: str | type[DocumentModel],
    *,
    name: str | None = None,
) -> LintReport:
    """Check the .docx ``template`` (a path, or its bytes) against the model ``model_name``.

    Returns a :class:`LintReport`; raises :class:`TemplateUnreadable` when the file cannot be
    read or is not a .docx, and :class:`~paimai_docs.errors.UnknownKind` for an unknown model.
    """
    model = get_model(model_name) if isinstance(model_name, str) else model_name
    data, default_name = _read_bytes(template)
    name = name or default_name
    parts = _read(data, name)
    checker = _Checker(model)
    try:
        checker.xml_parts = _xml_parts(data)
        split = _split_paragraphs(data)
    except (zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError, KeyError) as exc:
        raise TemplateUnreadable(
            f"模板 {name} 已损坏，无法读取：{exc}", f"template {name} is damaged: {exc}"
        ) from None
    checker.run(parts, split)
    checker.unused()
    return LintReport(name, model.model_name, checker.problems)
