"""The example case folders in examples/bundles/<SCOPE>/ (made by
scripts/make_example_bundles.py): checking one finds exactly the mistakes its README lists, plus
the prompts that always need a person, and infers the scope and stage by itself.

The folders are committed PDFs, so these tests need no LibreOffice. When a rule or the reader
changes what it finds in them, regenerate the folders with the script (it checks them too) and
update the tables below and the READMEs together.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import pytest

from paimai_docs.checker import CheckResult, check_bundle
from paimai_docs.engine import Finding, load_rules

BUNDLES = Path(__file__).resolve().parent.parent / "examples" / "bundles"

Key = tuple[str, "int | None"]

# The deliberate mistakes, (rule, item), as each folder's README lists them.
MISTAKES: dict[str, set[Key]] = {
    "COM": {("CONTRACT-09", None), ("ANN-01", None), ("AMOUNT-WORDS", None)},
    "JUD-OFF": {("ANN-J01", None), ("DEP-J01", None), ("BUNDLE-COMPLETE", 4)},
    "JUD-NET": {("ANN-N01", None), ("NOTICE-N01", None), ("DEP-N01", None)},
    "SOA-ADM": {("ANN-S06", None), ("FILE-13", 1), ("POST-S01", 3)},
    "SOA-ENT": {("CONTRACT-15", None), ("ANN-05", None), ("BUNDLE-COMPLETE", 3)},
    "VEH": {("AUTH-03", 2), ("AUTH-04", 2), ("VEH-02", 2)},
}

# Prompts for a person (signatures, seals, conduct in the room) come from manual checks: they
# are not mistakes. A manual check inside an error rule (AUTH-04) is reported at the rule's level,
# so prompts are told apart by their check, not by their level.
RULES = {rule.id: rule for rule in load_rules()}


def _is_prompt(finding: Finding) -> bool:
    rule = RULES.get(finding.rule)
    if rule is None or not finding.needs_review:
        return False
    checks = getattr(rule.check, "checks", None) or (rule.check,)
    return any(check.type == "manual" for check in checks) and finding.item is None


STAGES = {
    "COM": "sold",
    "JUD-OFF": "failed",
    "JUD-NET": "sold",
    "SOA-ADM": "sold",
    "SOA-ENT": "sold",
    "VEH": "before",
}

SCOPES = sorted(MISTAKES)


# The mistakes about what the packet holds (a missing document or original): reported as
# findings only when the stage is named; otherwise listed in the report's checklist.
PACKET_RULES = {rule.id for rule in load_rules() if rule.packet}


@functools.cache
def checked(scope: str, stage: str | None = None) -> CheckResult:
    return check_bundle(BUNDLES / scope, stage=stage)


def _mistakes(findings: Sequence[Finding], scope: str) -> set[Key]:
    """The errors and warnings, after checking that the rest are exactly the scope's prompts."""
    prompts = [f for f in findings if _is_prompt(f)]
    unchecked = [f for f in findings if f.rule == "NOT-CHECKED"]
    # what could not be checked is said once per document, at info level, naming real rules
    assert all(f.severity.value == "info" for f in unchecked)
    assert {rule for f in unchecked for rule in f.details["rules"]} <= set(RULES)
    rest = [f for f in findings if f not in prompts and f not in unchecked]
    assert [f for f in rest if f.severity.value not in ("error", "warning")] == []
    return {(f.rule, f.item) for f in rest}


@pytest.mark.parametrize("scope", SCOPES)
def test_the_report_shows_exactly_the_deliberate_mistakes(scope: str) -> None:
    result = checked(scope)
    packet = {key for key in MISTAKES[scope] if key[0] in PACKET_RULES}
    assert _mistakes(result.findings, scope) == MISTAKES[scope] - packet
    assert {(f.rule, f.item) for f in result.checklist} == packet


@pytest.mark.parametrize("scope", SCOPES)
def test_with_the_stage_named_what_the_packet_lacks_is_a_finding(scope: str) -> None:
    result = checked(scope, STAGES[scope])
    assert _mistakes(result.findings, scope) == MISTAKES[scope]
    assert result.checklist == ()


@pytest.mark.parametrize("scope", SCOPES)
def test_scope_and_stage_are_inferred(scope: str) -> None:
    result = checked(scope)
    assert result.scope_inferred, result.scope_reason
    assert result.scope == scope, result.scope_reason
    assert result.stage == STAGES[scope]


@pytest.mark.parametrize("scope", SCOPES)
def test_every_pdf_is_read_with_its_text(scope: str) -> None:
    result = checked(scope)
    pdfs = sorted(p.name for p in (BUNDLES / scope).glob("*.pdf"))
    assert sorted(d.file for d in result.documents) == pdfs
    assert all(d.pages and not d.pages_without_text for d in result.documents)
    # The folder's README.md is the only file the reader may pass over (it reads PDF and .docx).
    assert {p.file for p in result.unreadable} <= {"README.md"}


@pytest.mark.parametrize("scope", SCOPES)
def test_the_readme_lists_each_mistake(scope: str) -> None:
    readme = (BUNDLES / scope / "README.md").read_text(encoding="utf-8")
    for rule, item in MISTAKES[scope]:
        assert f"| {rule} | {'—' if item is None else item} |" in readme
    assert f"paimai check examples/bundles/{scope}" in readme
