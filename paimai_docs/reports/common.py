"""What every report shows the same way: document titles, masking, ordering, labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..engine import Finding
from ..reading.privacy import mask_text
from ..reading.types import Document
from ..values.pages import page_ranges as page_ranges
from ..vocabulary import KINDS, SEVERITIES, STAGES

# the names of kinds, stages and severities: written once, in paimai_docs.vocabulary
KIND_TITLES = KINDS
STAGE_TITLES = STAGES
SEVERITY_TITLES = SEVERITIES


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def kind_title(kind: str, lang: str = "zh") -> str:
    return pick(KIND_TITLES.get(kind, (kind, kind)), lang)


def safe(text: str | None, show_personal_data: bool) -> str:
    """``text`` with ID, phone and bank numbers masked unless asked otherwise."""
    if not text:
        return ""
    return text if show_personal_data else mask_text(text)


def findings_by_file(findings: Iterable[Finding]) -> dict[str | None, list[Finding]]:
    grouped: dict[str | None, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.file, []).append(finding)
    for items in grouped.values():
        items.sort(key=lambda f: (f.page or 0, -f.severity.rank, f.rule, f.item or 0))
    return grouped


def fact_value(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def document_order(documents: Iterable[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: d.file)
