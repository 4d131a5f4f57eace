"""One engine, two directions: ``check_model`` judges a model we are about to render,
``check_bundle`` judges documents someone submitted; the same rules, the same findings."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from ..model_index import document_titles, field_labels
from ..reading.types import Document
from ..values.pages import page_ranges
from ..vocabulary import STAGES, label
from .checks import CHECKS, UNCHECKED, make_finding, rule_applies
from .context import Context
from .findings import Finding, Severity
from .hooks import HOOKS
from .profiles import UNIGNORABLE, Profile, load_profile
from .registry import (
    get_rule,
    load_rules,
)
from .spec import (
    AllCheck,
    BundleCheck,
    EngineCheck,
    HookCheck,
    Rule,
    RuleFileError,
)
from .subjects import (
    BundleSubject,
    DocumentSubject,
    ModelSubject,
    Subject,
)


def override_findings(profile: Profile, lang: str = "zh") -> list[Finding]:
    """One ``PROFILE-OVERRIDE`` finding per statutory parameter this profile changed (never
    silent), worded and graded by the rule's data like every other finding."""
    notices = []
    rules = {rule.id: rule for rule in load_rules()}
    notice_rule = rules.get("PROFILE-OVERRIDE")
    if notice_rule is None:  # pragma: no cover - the rule ships with the package
        return []
    context = Context(profile, lang=lang)
    for rule_id, values in sorted(profile.rule_params.items()):
        rule = rules.get(rule_id)
        if rule is None:
            continue
        statutory = rule.params.get("statutory", [])
        for name, new in sorted(values.items()):
            if name in statutory:
                old = rule.params.get(name)
                finding = make_finding(
                    notice_rule,
                    None,
                    context,
                    fill={"profile": profile.title, "profile_id": profile.id, "rule": rule_id,
                          "param": name, "old": old, "new": new},
                    details={"rule": rule_id, "param": name, "from": old, "to": new},
                )  # fmt: skip
                notices.append(dataclasses.replace(finding, basis=rule.basis))
    return notices


def _applicable(rule: Rule, profile: Profile, kind: str) -> bool:
    return (
        rule.applies_to(profile.scope)
        and kind in rule.kinds
        and rule.id not in profile.ignore
        and (not profile.select or rule.id in profile.select)
    )


def _run(rule: Rule, subject: Subject, context: Context) -> list[Finding]:
    check = rule.check
    if isinstance(check, (BundleCheck, EngineCheck)) or not rule_applies(rule, subject):
        return []
    if isinstance(check, AllCheck):
        return [f for part in check.checks for f in _run_check(rule, part, subject, context)]
    return _run_check(rule, check, subject, context)


def _run_check(rule: Rule, check: Any, subject: Subject, context: Context) -> list[Finding]:
    message = getattr(check, "message", None)
    if check is not rule.check or message:
        # One check of several (or one with its own wording): the check functions read the
        # rule's check and message, so hand them a copy that has this check's.
        rule = rule.model_copy(
            update={
                "check": check,
                "message": message or rule.message,
                "message_en": getattr(check, "message_en", None) or message or rule.message_en,
            }
        )
    if isinstance(check, HookCheck):
        function = HOOKS.get(check.hook)
        if function is None:
            raise RuleFileError(f"{rule.id}：未知的检查钩子 {check.hook}")
        return list(function(rule, subject, context))
    return list(CHECKS[check.type](rule, subject, context))


def _sorted(findings: Iterable[Finding]) -> list[Finding]:
    unique = list(dict.fromkeys(findings))
    return sorted(
        unique,
        key=lambda f: (f.file or "", f.page or 0, f.rule, f.item or 0, f.message),
    )


def _resolve_profile(profile: Profile | str | None, scope: str | None) -> Profile:
    if isinstance(profile, Profile):
        return profile
    return load_profile(profile or scope or "COM")


def check_model(
    model: BaseModel,
    profile: Profile | str | None = None,
    *,
    calendar: Any = None,
    lang: str = "zh",
    file: str | None = None,
) -> list[Finding]:
    """Every finding the rules make about one document model, under ``profile`` (a profile, a
    built-in scope code such as ``JUD-OFF``, or None to infer the scope from the model)."""
    from .scope import infer_scope_from_models

    if profile is None:
        scope, _reason = infer_scope_from_models([model])
        profile = scope
    resolved = _resolve_profile(profile, None)
    subject = ModelSubject(model, file=file)
    context = Context(resolved, [subject], calendar, lang)
    findings: list[Finding] = []
    for rule in load_rules():
        if _applicable(rule, resolved, subject.kind):
            findings.extend(_run(rule, subject, context))
    findings.extend(override_findings(resolved, lang))
    return _sorted(_governed(findings, resolved))


def check_data(
    model_name: str,
    data: Any,
    profile: Profile | str | None = None,
    *,
    calendar: Any = None,
    lang: str = "zh",
    file: str | None = None,
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate ``data`` as ``model_name`` and check it. A required item that is missing is
    reported under the rule that requires it (the same ID a submitted PDF would get); other
    structural problems are ``MODEL-INVALID`` findings."""
    from ..validation import ModelInvalid, get_model, validate

    model_class = get_model(model_name)
    try:
        model = validate(model_class, data, lang)
    except ModelInvalid as exc:
        resolved = _resolve_profile(profile, None)
        context = Context(resolved, [], calendar, lang)
        findings = _structural_findings(model_class, exc, context, file)
        return None, _sorted(_governed(findings, resolved))
    return model, check_model(model, profile, calendar=calendar, lang=lang, file=file)


def _structural_findings(
    model_class: Any, exc: Any, context: Context, file: str | None
) -> list[Finding]:
    from .spec import RequiredCheck

    kind = getattr(model_class, "document_kind", "unknown")
    required: list[tuple[str, Rule, int]] = []
    for rule in load_rules():
        if isinstance(rule.check, RequiredCheck) and _applicable(rule, context.profile, kind):
            for number, item in enumerate(rule.check.items, start=1):
                if item.field:
                    required.append((item.field, rule, item.number or number))
    findings = []
    for problem in exc.problems:
        path = ".".join(str(p) for p in problem.path if not isinstance(p, int))
        # A missing field, or a missing parent of required fields (a whole party left out).
        covered = [
            (rule, number)
            for field_path, rule, number in required
            if field_path == path or field_path.startswith(path + ".")
        ]
        if problem.code == "missing" and covered:
            for rule, number in covered:
                assert isinstance(rule.check, RequiredCheck)
                item = next(
                    entry
                    for position, entry in enumerate(rule.check.items, start=1)
                    if entry.field == path or (entry.field or "").startswith(path + ".")
                    if (entry.number or position) == number
                )
                in_list = any(isinstance(part, int) for part in problem.path)
                label = f"{item.label}（{problem.where}）" if in_list else item.label
                findings.append(
                    make_finding(
                        rule,
                        None,
                        context,
                        item=number if rule.check.numbered else None,
                        fill={"label": label, "label_en": item.label_en or item.label},
                        details={"where": problem.where},
                    )
                )
            continue
        invalid = make_finding(
            get_rule("MODEL-INVALID"),
            None,
            context,
            fill={"problem": str(problem)},
            details={"code": problem.code, "path": list(problem.path)},
        )
        findings.append(dataclasses.replace(invalid, file=file, evidence=problem.where))
    return findings


def check_documents(
    documents: Sequence[Document],
    profile: Profile | str | None = None,
    *,
    calendar: Any = None,
    lang: str = "zh",
    stage: str | None = None,
) -> list[Finding]:
    """Every finding about a bundle's read documents, including bundle completeness."""
    from .scope import infer_scope_from_documents

    if profile is None:
        scope, _reason = infer_scope_from_documents(documents)
        profile = scope
    resolved = _resolve_profile(profile, None)
    subjects: list[DocumentSubject] = [DocumentSubject(doc) for doc in documents]
    context = Context(resolved, subjects, calendar, lang)
    rules = load_rules()
    findings: list[Finding] = []
    for subject in subjects:
        unreadable = subject.document.pages_without_text
        if subject.document.pages and len(unreadable) == len(subject.document.pages):
            findings.append(_no_text(subject, unreadable, context))
            continue  # one finding instead of one per item it seems to lack
        if unreadable:
            findings.append(_no_text(subject, unreadable, context))
        for rule in rules:
            if _applicable(rule, resolved, subject.kind):
                findings.extend(_run(rule, subject, context))
    stage = stage or infer_stage(s.kind for s in subjects)
    bundle = BundleSubject(subjects, stage)
    # Nothing read (e.g. a corrupt .zip): the read problem says it all; listing every document
    # the stage needs would only bury it.
    for rule in rules if subjects else ():
        if not _applicable(rule, resolved, "bundle"):
            continue
        if isinstance(rule.check, BundleCheck):
            findings.extend(_bundle_completeness(rule, subjects, context, stage))
        else:  # a requirement about the bundle as a whole (SOA-04, FILE-12)
            findings.extend(_run(rule, bundle, context))
    findings.extend(override_findings(resolved, lang))
    return _sorted(_governed(_gather_unchecked(findings, context), resolved))


def _gather_unchecked(findings: Iterable[Finding], context: Context) -> list[Finding]:
    """One NOT-CHECKED finding per document, naming every rule that could not be checked on it
    and what it lacks, in place of the markers the checks left (:func:`.checks.unchecked`)."""
    out: list[Finding] = []
    gaps: dict[str | None, dict[str, list[str]]] = {}
    for finding in findings:
        if finding.rule != UNCHECKED:
            out.append(finding)
            continue
        if finding.details["for_rule"] in context.evaluated:
            continue  # another document of the bundle had what it needs
        if len(context.subjects) < 2 and not _own_facts(finding, context):
            continue  # one document checked alone: nothing about what other documents hold
        lacking = gaps.setdefault(finding.file, {}).setdefault(finding.details["for_rule"], [])
        lacking.extend(label for label in finding.details["labels"] if label not in lacking)
    if not gaps:
        return out
    rule = get_rule(UNCHECKED)
    for file, by_rule in gaps.items():
        listed = "；".join(
            f"{rule_id}（缺{'、'.join(labels)}）" for rule_id, labels in by_rule.items()
        )
        finding = make_finding(
            rule, None, context, fill={"rules": listed, "rules_en": ", ".join(by_rule)}
        )
        out.append(dataclasses.replace(finding, file=file, details={"rules": dict(by_rule)}))
    return out


def _own_facts(marker: Finding, context: Context) -> bool:
    """Whether every fact a NOT-CHECKED marker lacks is one its own kind of document states (a
    field of that kind's model), rather than a date another document would give."""
    kinds = {s.kind for s in context.subjects if s.file == marker.file}
    return all(
        any(
            field_labels(kind, name) or field_labels(kind, name.rsplit(".", 1)[-1])
            for kind in kinds
        )
        for name in marker.details["facts"]
    )


def _no_text(subject: DocumentSubject, pages: list[int], context: Context) -> Finding:
    listed = page_ranges(pages)  # 5 000 blank pages are "1–5000", not five thousand numbers
    finding = make_finding(
        get_rule("NO-TEXT"),
        subject,
        context,
        fill={"pages": listed},
        details={"pages": pages},
    )
    return dataclasses.replace(finding, page=pages[0])


def _engine_rules() -> dict[str, Rule]:
    return {rule.id: rule for rule in load_rules() if isinstance(rule.check, EngineCheck)}


def _governed(findings: Iterable[Finding], profile: Profile) -> list[Finding]:
    """The profile's ``ignore`` and ``severity`` applied to the findings the engine emits
    itself (NO-TEXT, CALENDAR-DATA, MODEL-INVALID, PROFILE-OVERRIDE …), as the rules' own
    findings have them applied when they are made; their severity comes from the rule data."""
    engine_rules = _engine_rules()
    out: list[Finding] = []
    for finding in findings:
        rule = engine_rules.get(finding.rule)
        if rule is None:
            out.append(finding)
            continue
        if finding.rule in profile.ignore and finding.rule not in UNIGNORABLE:
            continue
        severity = Severity(profile.severity.get(rule.id, rule.severity))
        out.append(finding if finding.severity is severity else
                   dataclasses.replace(finding, severity=severity))  # fmt: skip
    return out


def infer_stage(kinds: Iterable[str]) -> str:
    """The bundle's stage from what it holds: failed, sold, after, or before the auction."""
    present = set(kinds)
    if "failed_auction_report" in present:
        return "failed"
    if present & {"completion_report", "sale_confirmation", "result_publicity"}:
        return "sold"
    if present & {"post_auction_filing", "auction_transcript"}:
        return "after"
    return "before"


def _bundle_completeness(
    rule: Rule, subjects: Sequence[DocumentSubject], context: Context, stage: str | None
) -> Iterable[Finding]:
    check = rule.check
    assert isinstance(check, BundleCheck)
    present = {s.kind for s in subjects}
    stage = stage or infer_stage(present)
    required = check.stages.get(context.scope, {}).get(stage, ())
    titles = document_titles()
    for number, kind in enumerate(required, start=1):
        if kind not in present:
            finding = make_finding(
                rule,
                None,
                context,
                item=number,
                fill={"document": titles.get(kind, kind), "stage": label(STAGES, stage)},
            )
            source = check.sources.get(f"{context.scope}/{kind}") or check.sources.get(kind)
            yield dataclasses.replace(finding, basis=source) if source else finding
