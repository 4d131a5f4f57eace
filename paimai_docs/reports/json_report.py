"""The JSON report (schema in ``docs/report-schema.json``, version ``SCHEMA_VERSION``).

Deterministic: the same input gives byte-identical output — documents and findings are sorted,
and there is no timestamp unless ``today`` was given to the check.
"""

from __future__ import annotations

import json
from typing import Any

from ..checker import SCHEMA_VERSION, CheckResult
from ..lang import resolve
from .common import document_order, fact_data, fact_label, fact_text, kind_title, safe


def _typed(value: Any) -> Any:
    """A finding's details as JSON data: null, not the string "None" (nor "True"/"False") that
    a value written with str() leaves."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (
        {"None": None, "True": True, "False": False}.get(value, value)
        if isinstance(value, str)
        else value
    )


def as_data(
    result: CheckResult, *, lang: str = "zh", show_personal_data: bool = False
) -> dict[str, Any]:
    lang = resolve(lang)
    documents = []
    for document in document_order(result.documents):
        documents.append(
            {
                "file": document.file,
                "kind": document.kind,
                "kind_title": kind_title(document.kind, lang),
                "kind_confidence": round(document.kind_confidence, 3),
                "title": document.title,
                "pages": len(document.pages),
                "pages_without_text": document.pages_without_text,
                "page_sources": [page.source for page in document.pages],
                "facts": [
                    {
                        **fact_data(fact, show_personal_data),
                        "title": fact_label(document.kind, fact.name, lang),
                        "text": fact_text(fact.name, fact.value, lang, show_personal_data),
                    }
                    for fact in document.facts
                ],
                "problems": [problem.to_dict() for problem in document.problems],
            }
        )
    findings = []
    for finding in result.findings:
        data = finding.to_dict(lang)
        data["evidence"] = safe(finding.evidence, show_personal_data) or None
        data["message"] = safe(data["message"], show_personal_data)
        data["details"] = _typed(data["details"])
        findings.append(data)
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": dict(result.tool),
        "source": result.source,
        "scope": {
            "code": result.scope,
            "title": result.profile.title,
            "profile": result.profile.id,
            "profile_source": result.profile.source,
            "inferred": result.scope_inferred,
            "reason": result.reason(lang),
        },
        "stage": result.stage,
        "documents": documents,
        "findings": findings,
        "checklist": [finding.to_dict(lang) for finding in result.checklist],
        "stage_given": result.stage_given,
        "problems": [problem.to_dict() for problem in result.problems],
        "summary": result.summary(),
    }
    if result.today is not None:
        report["today"] = result.today.isoformat()
    return report


def render(
    result: CheckResult, *, lang: str = "zh", show_personal_data: bool = False, **_: Any
) -> str:
    data = as_data(result, lang=lang, show_personal_data=show_personal_data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
