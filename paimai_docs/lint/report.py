"""What the linter reports: each problem with its place in the document (part, paragraph,
table cell, snippet), and the report of one template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..docx_template import TemplateInvalid
from ..lang import say
from ..models.common import Party
from ..models.completion_report import CompletionReportAttachment
from ..models.failed_auction_report import FailedReportAttachment
from ..vocabulary import counted

Severity = Literal["error", "warning"]

# Required fields a template need not print, and why: the shipped templates leave them out on
# purpose, and a user's template may do the same without a warning.
NOT_EXPECTED: dict[tuple[type[BaseModel], str], str] = {
    (Party, "party_type"): "证件类型（身份证 / 统一社会信用代码）已表明主体类型",
    (FailedReportAttachment, "item"): "附件目录代码不打印，表格打印顺序号",
    (CompletionReportAttachment, "item"): "附件目录代码不打印，表格打印顺序号",
}


class TemplateUnreadable(TemplateInvalid):
    """The template file is missing, unreadable, or not a .docx (``message_en`` in English)."""

    code = "template_unreadable"

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message)
        self.message_en = message_en


# ------------------------------------------------------------------------------------------
# Results


_PART_NAMES = {
    "document": ("正文", "body"),
    "header": ("页眉", "header"),
    "footer": ("页脚", "footer"),
    "footnotes": ("脚注", "footnotes"),
    "docProps/core.xml": ("文档属性", "document properties"),
}


@dataclass(frozen=True)
class Location:
    """Where a paragraph sits in the .docx.

    ``part`` is the XML part (``word/document.xml``, ``word/footer1.xml``, ``docProps/core.xml``);
    ``index`` the paragraph's number within the part in document order (as
    :func:`~paimai_docs.render.find_split_tags` counts); ``paragraph`` its number among the body's
    paragraphs (python-docx's ``document.paragraphs``), or ``table``/``row``/``cell`` (1-based)
    when it sits in a table; ``text`` the paragraph's text.
    """

    part: str
    index: int
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    text: str = ""

    def _part_label(self, lang: str) -> str:
        stem = Path(self.part).stem
        kind = re.sub(r"\d+$", "", stem)
        key = self.part if self.part in _PART_NAMES else kind
        zh, en = _PART_NAMES.get(key, (self.part, self.part))
        return say(zh, en, lang)

    def describe(self, lang: str = "zh", focus: str | None = None) -> str:
        """``第12段「委托人：{{ consignor.nmae }}」`` / ``table 2 row 3 cell 2 "..."``."""
        snippet = _snippet(self.text, focus)
        place = self.place(lang)
        return say(f"{place}「{snippet}」", f"{place} “{snippet}”", lang)

    def place(self, lang: str = "zh") -> str:
        """``第12段``, ``表格2 第3行第2格``, ``页脚（footer1.xml）第1段`` (no snippet)."""
        if self.table is not None:
            place = say(
                f"表格{self.table} 第{self.row}行第{self.cell}格",
                f"table {self.table} row {self.row} cell {self.cell}",
                lang,
            )
        elif self.paragraph is not None:
            place = say(f"第{self.paragraph}段", f"paragraph {self.paragraph}", lang)
        else:
            place = say(f"第{self.index}段", f"paragraph {self.index}", lang)
        if self.part == "docProps/core.xml":
            place = self._part_label(lang)
        elif not self.part.endswith("document.xml"):
            file = Path(self.part).name
            label = self._part_label(lang)
            place = say(f"{label}（{file}）{place}", f"{label} ({file}) {place}", lang)
        return place

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "index": self.index,
            "paragraph": self.paragraph,
            "table": self.table,
            "row": self.row,
            "cell": self.cell,
            "text": self.text,
        }


def _snippet(text: str, focus: str | None, width: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    start = 0
    if focus:
        at = text.find(" ".join(focus.split()))
        if at > 0:
            start = max(0, min(at - 10, len(text) - width))
    head = "…" if start > 0 else ""
    tail = "…" if start + width < len(text) else ""
    return head + text[start : start + width] + tail


@dataclass(frozen=True)
class LintProblem:
    """One finding. ``code`` is stable (``split_tag``, ``unclosed_tag``, ``unbalanced_block``,
    ``syntax_error``, ``unknown_name``, ``unknown_field``, ``unknown_filter``, ``unknown_test``,
    ``misplaced_tag``, ``unsupported_tag``, ``stray_close``, ``required_unused``)."""

    code: str
    severity: Severity
    message: str  # Chinese
    message_en: str
    location: Location | None = None
    tag: str | None = None  # the tag concerned, as written
    name: str | None = None  # the field or expression concerned

    def text(self, lang: str = "zh") -> str:
        return say(self.message, self.message_en, lang)

    def where(self, lang: str = "zh") -> str:
        if self.location is None:
            return say("模板整体", "whole template", lang)
        return self.location.describe(lang, self.tag)

    def __str__(self) -> str:
        return f"{self.where()}：{self.message}"

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.text(lang),
            "where": self.where(lang),
            "location": self.location.to_dict() if self.location else None,
            "tag": self.tag,
            "name": self.name,
        }


@dataclass
class LintReport:
    """Every problem found in one template, in document order (warnings about unused fields
    last)."""

    template: str
    kind: str
    problems: list[LintProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[LintProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[LintProblem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def clean(self) -> bool:
        return not self.problems

    def format(self, lang: str = "zh", *, only_errors: bool = False) -> str:
        problems = self.errors if only_errors else self.problems
        if not problems:
            return say(
                f"{self.template}：未发现问题（{self.kind}）",
                f"{self.template}: no problems ({self.kind})",
                lang,
            )
        head = say(
            f"模板 {self.template}：{len(self.errors)} 个错误，{len(self.warnings)} 个警告",
            f"{self.template}: {counted(len(self.errors), 'error')}, "
            f"{counted(len(self.warnings), 'warning')}",
            lang,
        )
        if only_errors:
            head = say(
                f"模板 {self.template} 有 {len(problems)} 处错误，未生成文书：",
                f"template {self.template} has {counted(len(problems), 'error')}:",
                lang,
            )
        lines = [head]
        sep = say("：", ": ", lang)
        for problem in problems:
            mark = (
                say("错误", "error", lang)
                if problem.severity == "error"
                else say("警告", "warning", lang)
            )
            lines.append(f"  - [{mark}] {problem.where(lang)}{sep}{problem.text(lang)}")
        return "\n".join(lines)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "template": self.template,
            "kind": self.kind,
            "clean": self.clean,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.to_dict(lang) for p in self.problems],
        }
