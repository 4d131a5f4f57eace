"""The finding: what a rule reports, the same for a model we render and a PDF someone submits.

Findings compare equal by (rule, item, file, page) — not by wording — so tests survive message
edits (the yamllint habit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..lang import say


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True, eq=False)
class Finding:
    """One problem found by one rule (DESIGN.md section 4)."""

    rule: str
    severity: Severity
    message: str
    basis: str
    item: int | None = None
    file: str | None = None
    page: int | None = None
    evidence: str | None = None
    needs_review: bool = False
    name: str = ""
    message_en: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[str, int | None, str | None, int | None]:
        return (self.rule, self.item, self.file, self.page)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def text(self, lang: str = "zh") -> str:
        return say(self.message, self.message_en or self.message, lang)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "item": self.item,
            "severity": self.severity.value,
            "file": self.file,
            "page": self.page,
            "message": self.text(lang),
            "evidence": self.evidence,
            "basis": self.basis,
            "needs_review": self.needs_review,
            "details": self.details,
        }
