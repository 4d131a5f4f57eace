"""What the reader returns: documents, their pages and the facts found in them.

These are plain data (frozen dataclasses with ``to_dict`` for JSON), shared by the bundle reader,
the normaliser, the classifier, the fact extractor, ``paimai inspect`` and the checker's report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TextSource = Literal["text_layer", "docx", "ocr", "manifest", "none"]
"""Where a page's text came from."""

PageQuality = Literal[
    "ok", "empty", "cid_glyphs", "replacement_chars", "control_chars", "too_few_cjk"
]
"""Whether a page's text layer is usable, and if not, why."""


@dataclass(frozen=True)
class Page:
    """One page of a document. ``number`` is 1-based. ``text`` is what was read, as read;
    ``normalized`` is the same text after :mod:`paimai_docs.reading.normalize` (used for
    matching, never quoted as evidence)."""

    number: int
    text: str
    normalized: str
    source: TextSource
    quality: PageQuality

    @property
    def usable(self) -> bool:
        return self.quality == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "source": self.source,
            "quality": self.quality,
            "chars": len(self.text),
        }


@dataclass(frozen=True)
class Fact:
    """A value found in a document, named as the model field it corresponds to (``deposit_amount``,
    ``auction_datetime``, ``court_supervision_phone`` …). ``value`` is typed (Decimal, date,
    datetime, str); ``evidence`` quotes the original text (not the normalised one)."""

    name: str
    value: Any
    page: int
    evidence: str
    label: str | None = None  # the label it was found under, e.g. "监督电话"

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif not isinstance(value, (str, int, float, bool, type(None), list, dict)):
            value = str(value)
        return {
            "name": self.name,
            "value": value,
            "page": self.page,
            "evidence": self.evidence,
            "label": self.label,
        }


@dataclass(frozen=True)
class ReadProblem:
    """Why a file (or part of it) could not be read. ``code`` is stable (``encrypted``,
    ``corrupt``, ``empty_file``, ``not_a_pdf``, ``too_large``, ``zip_path_escape``, …)."""

    code: str
    message: str
    file: str
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "file": self.file, "page": self.page}


@dataclass(frozen=True)
class Document:
    """One file of a bundle as the reader understood it."""

    file: str
    kind: str
    kind_confidence: float
    pages: tuple[Page, ...] = ()
    facts: tuple[Fact, ...] = ()
    problems: tuple[ReadProblem, ...] = ()
    title: str | None = None
    kind_cues: tuple[str, ...] = ()  # what decided the kind ("title:拍卖公告", "label:保证金")

    @property
    def pages_without_text(self) -> list[int]:
        return [page.number for page in self.pages if not page.usable]

    @property
    def readable(self) -> bool:
        return not any(p.page is None for p in self.problems)

    def facts_named(self, name: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.name == name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "kind_confidence": round(self.kind_confidence, 3),
            "title": self.title,
            "kind_cues": list(self.kind_cues),
            "pages": len(self.pages),
            "page_details": [page.to_dict() for page in self.pages],
            "pages_without_text": self.pages_without_text,
            "facts": [fact.to_dict() for fact in self.facts],
            "problems": [problem.to_dict() for problem in self.problems],
        }


@dataclass(frozen=True)
class Bundle:
    """Everything read from a folder, a .zip or a list of files."""

    source: str
    documents: tuple[Document, ...] = ()
    problems: tuple[ReadProblem, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "documents": [document.to_dict() for document in self.documents],
            "problems": [problem.to_dict() for problem in self.problems],
        }
