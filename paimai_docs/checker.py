"""Checking a bundle end to end: read it, decide its scope and stage, run the rules, and return
one result object that every report writer takes.

Checking is a pure function of the bundle's bytes, the profile and the holiday data (and
``today`` when given), so a trading centre can fan bundles out over processes or machines.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._version import __version__
from .engine import (
    Finding,
    Profile,
    Severity,
    check_documents,
    infer_stage,
    load_profile,
    load_rules,
)
from .engine.scope import infer_scope_with_reasons
from .lang import say
from .reading.collect import NOTE_CODES
from .reading.types import Bundle, Document, ReadProblem
from .vocabulary import SEVERITIES

SCHEMA_VERSION = 1
FAIL_LEVELS = tuple(SEVERITIES)  # the levels --fail-on takes, most severe first

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


@dataclass(frozen=True)
class CheckResult:
    """What ``check_bundle`` found: the documents as read, the findings, what could not be read,
    and how the scope and stage were decided."""

    source: str
    profile: Profile
    scope_inferred: bool
    scope_reason: str
    stage: str
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    problems: tuple[ReadProblem, ...] = ()
    today: dt.date | None = None
    scope_reason_en: str = ""
    # What the packet may lack (documents, originals), when the user did not name its stage:
    # listed apart (材料清单), never in ``findings`` and never in the exit code.
    checklist: tuple[Finding, ...] = ()
    stage_given: bool = False
    tool: dict[str, str] = field(
        default_factory=lambda: {"name": "paimai-docs", "version": __version__}
    )

    @property
    def scope(self) -> str:
        return self.profile.scope

    def reason(self, lang: str = "zh") -> str:
        """Why this scope was used, in the report language."""
        return say(self.scope_reason, self.scope_reason_en or self.scope_reason, lang)

    @property
    def unreadable(self) -> list[ReadProblem]:
        """Problems that kept a whole file (or the bundle) from being read."""
        whole = [p for p in self.problems if p.page is None and p.code not in NOTE_CODES]
        for document in self.documents:
            whole.extend(
                p for p in document.problems if p.page is None and p.code not in NOTE_CODES
            )
        return whole

    def counts(self) -> dict[str, int]:
        counter = Counter(f.severity.value for f in self.findings)
        return {level: counter.get(level, 0) for level in FAIL_LEVELS}

    def summary(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "documents": len(self.documents),
            "findings": len(self.findings),
            **counts,
            "needs_review": sum(1 for f in self.findings if f.needs_review),
            "unreadable_files": len(self.unreadable),
        }

    def exit_code(self, fail_on: str = "error") -> int:
        """0 nothing at or above ``fail_on``; 1 findings; 3 some input could not be read."""
        if self.unreadable:
            return EXIT_UNREADABLE
        threshold = Severity(fail_on).rank
        if any(f.severity.rank >= threshold for f in self.findings):
            return EXIT_FINDINGS
        return EXIT_OK


def _resolve(
    documents: Sequence[Document], scope: str | None, profile: str | os.PathLike[str] | None
) -> tuple[Profile, bool, str, str]:
    if profile is not None:
        resolved = load_profile(os.fspath(profile))
        return (
            resolved,
            False,
            f"使用配置文件 {resolved.title}（{resolved.scope}）",
            f"profile {resolved.id} ({resolved.scope})",
        )
    if scope is not None:
        resolved = load_profile(scope)
        return (
            resolved,
            False,
            f"按指定范围 {resolved.title}（{scope}）检查",
            f"scope {scope} as given",
        )
    inferred, reason, reason_en = infer_scope_with_reasons(documents)
    return load_profile(inferred), True, reason, reason_en


def prepare_checking() -> None:
    """Load now what the first check loads (the rules, the calendar's module): a caller that
    waits for a bundle to be read can spend the wait on it. Never needed for correctness."""
    load_rules()
    importlib.import_module("paimai_docs.periods")


def check_read_bundle(
    bundle: Bundle,
    *,
    scope: str | None = None,
    profile: str | os.PathLike[str] | None = None,
    stage: str | None = None,
    calendar: Any = None,
    lang: str = "zh",
    today: dt.date | None = None,
) -> CheckResult:
    """Run the rules on an already read bundle."""
    documents = bundle.documents
    resolved, inferred, reason, reason_en = _resolve(documents, scope, profile)
    stage_given = stage is not None
    stage = stage or infer_stage(d.kind for d in documents)
    found = check_documents(documents, resolved, calendar=calendar, lang=lang, stage=stage)
    findings, checklist = _split_packet(found, stage_given=stage_given, alone=len(documents) < 2)
    return CheckResult(
        source=bundle.source,
        profile=resolved,
        scope_inferred=inferred,
        scope_reason=reason,
        scope_reason_en=reason_en,
        stage=stage,
        documents=tuple(documents),
        findings=tuple(findings),
        problems=tuple(bundle.problems),
        today=today,
        checklist=tuple(checklist),
        stage_given=stage_given,
    )


def _split_packet(
    findings: Sequence[Finding], *, stage_given: bool, alone: bool
) -> tuple[list[Finding], list[Finding]]:
    """(findings, checklist): what a packet lacks is a finding when the user named the stage;
    otherwise it goes to the checklist — and for one document checked alone, nowhere."""
    if stage_given:
        return list(findings), []
    packet = {rule.id for rule in load_rules() if rule.packet}
    kept = [f for f in findings if f.rule not in packet]
    checklist = [] if alone else [f for f in findings if f.rule in packet]
    return kept, checklist


def check_bundle(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    scope: str | None = None,
    profile: str | os.PathLike[str] | None = None,
    stage: str | None = None,
    ocr: bool = False,
    calendar: Any = None,
    lang: str = "zh",
    today: dt.date | None = None,
) -> CheckResult:
    """Read a bundle (a folder, a .zip, files) and check it under a scope or a profile; with
    neither, the scope is inferred from the documents and the result says why."""
    from .reading import read_bundle

    bundle = read_bundle(paths, ocr=ocr)
    return check_read_bundle(
        bundle,
        scope=scope,
        profile=profile,
        stage=stage,
        calendar=calendar,
        lang=lang,
        today=today,
    )
