"""The SARIF 2.1.0 report, for code-scanning viewers and review pipelines.

Layout, and the choices SARIF leaves open:

* ``runs[0].tool.driver.rules`` holds the rules that appear in the findings (not the whole
  catalogue), sorted by ID, each with its kebab-case ``name``, title, explanation (``help`` as
  text and Markdown) and default level; ``results[].ruleIndex`` points into that list. The
  explanation is written in Chinese only, so ``--lang en`` translates titles and messages but
  not ``fullDescription``/``help``.
* Levels: ``error`` → ``error``, ``warning`` → ``warning``, ``info`` → ``note``. A result's
  level is the finding's (a profile may have changed it), the rule's ``defaultConfiguration``
  the catalogue's.
* Locations: the file, relative to the bundle (``uriBaseId`` ``BUNDLE``, forward slashes,
  non-ASCII characters percent-encoded; ``artifacts[].properties.file`` keeps the name as read).
  SARIF regions count lines and columns of text, which a PDF page is not, so no ``region`` is
  given; the page number is ``properties.page`` of the result. A finding about the bundle as a
  whole (a missing document) has no location.
* ``properties`` of a result: ``item``, ``page``, ``needsReview``, ``basis``, ``evidence``
  (ID, phone and bank numbers masked unless ``show_personal_data``), and ``counting``/``due``
  for deadlines. ``partialFingerprints`` carries the finding's identity (rule, item, file,
  page), which survives message edits.
* Every document read is an ``artifacts`` entry with its kind and pages; files that could not
  be read are ``toolExecutionNotifications`` of the invocation.

Deterministic: the same result gives byte-identical output; there is no timestamp.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..checker import CheckResult
from ..engine import Finding, Rule, load_rules
from ..lang import resolve, say
from ..reading.types import ReadProblem
from .common import document_order, finding_text, kind_title, problem_text, safe

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
BASE_ID = "BUNDLE"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "paimaiFinding/v1"

_HELP_HEADINGS = (
    ("what", "检查内容"),
    ("why", "为何重要"),
    ("fix", "如何补正"),
    ("limits", "局限"),
    ("bad", "不合格示例"),
    ("good", "合格示例"),
)


def _uri(file: str) -> str:
    """A file of the bundle as a relative URI reference: forward slashes, and characters
    outside ASCII (Chinese file names) percent-encoded as RFC 3986 requires."""
    return quote(file.replace("\\", "/"), safe="/")


def _rule_descriptor(
    rule_id: str, rule: Rule | None, finding: Finding, lang: str
) -> dict[str, Any]:
    if rule is None:  # a finding whose rule is not in the catalogue: describe it from itself
        return {
            "id": rule_id,
            **({"name": finding.name} if finding.name else {}),
            "shortDescription": {"text": finding.text(lang)},
            "defaultConfiguration": {"level": LEVELS[finding.severity.value]},
            "properties": {"basis": finding.basis},
        }
    explain = rule.explain
    text_lines = [f"{heading}：{getattr(explain, key)}" for key, heading in _HELP_HEADINGS[:3]]
    text_lines.append(f"更多说明：paimai explain {rule.id}")
    markdown = [f"**{heading}**　{getattr(explain, key)}" for key, heading in _HELP_HEADINGS]
    markdown.append(f"依据：{rule.basis}")
    markdown.append(f"更多说明：`paimai explain {rule.id}`")
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": say(rule.title, rule.title_en, lang)},
        "fullDescription": {"text": explain.what},
        "help": {"text": "\n".join(text_lines), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "basis": rule.basis,
            "needsReview": rule.needs_review,
            "tags": sorted(rule.scopes),
        },
    }


def _notification(
    problem: ReadProblem, artifacts: dict[str, int], lang: str = "zh"
) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": problem_text(problem, lang)},
        "properties": {"code": problem.code},
    }
    if problem.file:
        location: dict[str, Any] = {"uri": _uri(problem.file), "uriBaseId": BASE_ID}
        if problem.file in artifacts:
            location["index"] = artifacts[problem.file]
        notification["locations"] = [{"physicalLocation": {"artifactLocation": location}}]
    if problem.page is not None:
        notification["properties"]["page"] = problem.page
    return notification


def as_data(
    result: CheckResult, *, lang: str = "zh", show_personal_data: bool = False
) -> dict[str, Any]:
    """The SARIF log as plain data (``render`` serialises it)."""
    lang = resolve(lang)
    catalogue = {rule.id: rule for rule in load_rules()}
    first_finding: dict[str, Finding] = {}
    for finding in result.findings:
        first_finding.setdefault(finding.rule, finding)
    rule_ids = sorted(first_finding)
    rule_index = {rule_id: index for index, rule_id in enumerate(rule_ids)}
    rules = [
        _rule_descriptor(rule_id, catalogue.get(rule_id), first_finding[rule_id], lang)
        for rule_id in rule_ids
    ]

    documents = document_order(result.documents)
    artifact_index = {document.file: index for index, document in enumerate(documents)}
    artifacts = [
        {
            "location": {"uri": _uri(document.file), "uriBaseId": BASE_ID},
            "description": {"text": kind_title(document.kind, lang)},
            "roles": ["analysisTarget"],
            "properties": {
                "file": document.file,
                "kind": document.kind,
                "kindConfidence": round(document.kind_confidence, 3),
                "pages": len(document.pages),
                "pagesWithoutText": document.pages_without_text,
            },
        }
        for document in documents
    ]

    results = []
    for finding in result.findings:
        properties: dict[str, Any] = {
            "severity": finding.severity.value,
            "item": finding.item,
            "page": finding.page,
            "needsReview": finding.needs_review,
            "basis": finding.basis,
            "evidence": safe(finding.evidence, show_personal_data) or None,
        }
        details = finding.details or {}
        for key in ("counting", "due"):
            if details.get(key):
                properties[key] = str(details[key])
        entry: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index[finding.rule],
            "level": LEVELS[finding.severity.value],
            "message": {
                "text": finding_text(
                    finding, catalogue.get(finding.rule), lang, show_personal_data
                )[0]
            },
        }
        if finding.file:
            location: dict[str, Any] = {"uri": _uri(finding.file), "uriBaseId": BASE_ID}
            if finding.file in artifact_index:
                location["index"] = artifact_index[finding.file]
            entry["locations"] = [{"physicalLocation": {"artifactLocation": location}}]
        key = "|".join("" if part is None else str(part) for part in finding.key())
        entry["partialFingerprints"] = {FINGERPRINT: key}
        entry["properties"] = properties
        results.append(entry)

    problems = [*result.problems]
    for document in documents:
        problems.extend(document.problems)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": result.tool.get("name", "paimai-docs"),
                "version": result.tool.get("version", ""),
                "language": say("zh-CN", "en-US", lang),
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    _notification(problem, artifact_index, lang) for problem in problems
                ],
            }
        ],
        "originalUriBaseIds": {BASE_ID: {"description": {"text": result.source}}},
        "artifacts": artifacts,
        "results": results,
        "properties": {
            "source": result.source,
            "scope": result.scope,
            "scopeTitle": result.profile.title,
            "profile": result.profile.id,
            "scopeInferred": result.scope_inferred,
            "scopeReason": result.reason(lang),
            "stage": result.stage,
            "summary": result.summary(),
            **({"today": result.today.isoformat()} if result.today else {}),
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(
    result: CheckResult, *, lang: str = "zh", show_personal_data: bool = False, **_: Any
) -> str:
    data = as_data(result, lang=lang, show_personal_data=show_personal_data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
