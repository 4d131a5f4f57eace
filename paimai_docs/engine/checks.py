"""The declarative check kinds. Each is a function ``(rule, subject, context) -> findings``;
the engine stamps severity and scope from the profile, not the check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import rx
from ..errors import CalendarYearNotCovered, InvalidValue
from .findings import Finding, Severity
from .meaning import compile_patterns
from .spec import (
    Amount,
    BoundCheck,
    ChecklistCheck,
    Condition,
    DaysBy,
    DeadlineCheck,
    ManualCheck,
    RequiredCheck,
    RequiredItem,
    Rule,
    RuleFileError,
)
from .subjects import FactValue, Subject, as_date

if TYPE_CHECKING:
    from .context import Context

CheckFunction = Callable[[Rule, Subject, "Context"], Iterator[Finding]]


def make_finding(
    rule: Rule,
    subject: Subject | None,
    context: Context,
    *,
    item: int | None = None,
    fact: FactValue | None = None,
    fill: dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
    needs_review: bool | None = None,
    rule_id: str | None = None,
) -> Finding:
    """A finding of ``rule`` with its message filled from ``fill`` (missing keys stay blank)."""
    values = _Fill(fill or {})
    return Finding(
        rule=rule_id or rule.id,
        name=rule.name,
        severity=context.severity_of(rule),
        message=rule.message.format_map(values),
        message_en=_english_dates(rule.message_en.format_map(values)),
        basis=rule.basis,
        item=item,
        file=fact.file if fact is not None and fact.file else subject.file if subject else None,
        page=fact.page if fact is not None else None,
        evidence=fact.evidence if fact is not None else None,
        needs_review=rule.needs_review if needs_review is None else needs_review,
        details=details or {},
    )


_CHINESE_DATE = rx.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _english_dates(text: str) -> str:
    """2026年12月13日 -> 2026-12-13 in an English message (the fill values are shared)."""
    return _CHINESE_DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)


class _Fill(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


# --------------------------------------------------------------------------------------------
# Conditions: when a rule, a required item or a checklist item applies


def _plain(value: Any) -> Any:
    """An enum member as its machine value; anything else as it is."""
    return getattr(value, "value", value)


def _matches(value: Any, wanted: Sequence[Any] | None) -> bool:
    value = _plain(value)
    if wanted is None:
        return bool(value)
    for candidate in wanted:
        if isinstance(value, bool) or isinstance(candidate, bool):
            if value is candidate:
                return True
        elif value == candidate or str(value) == str(candidate):
            return True
    return False


def condition_holds(condition: Condition, subject: Subject) -> bool | None:
    """Whether ``condition`` holds for ``subject``; None when the subject does not say."""
    facts = [f for f in subject.values(condition.fact) if f.value is not None]
    if not facts:
        if condition.text and subject.find_text(condition.text) is not None:
            return True
        if condition.text_no and subject.find_text(condition.text_no) is not None:
            return False
        return None
    if condition.contains:
        results = [any(word in str(f.value) for word in condition.contains) for f in facts]
    else:
        results = [_matches(f.value, condition.values) for f in facts]
    return all(results) if condition.all else any(results)


def applies(when: str | Condition | None, subject: Subject, *, negate: bool = False) -> bool:
    """Whether something conditioned by ``when`` applies to ``subject`` (``negate`` for an
    ``unless``). A bare name is a yes/no fact: only a stated "no" (or, negated, "yes") makes it
    not apply. A condition that the subject does not state follows its ``if_unknown``."""
    if when is None:
        return True
    held = subject.flag(when) if isinstance(when, str) else condition_holds(when, subject)
    if held is None:
        return isinstance(when, str) or when.if_unknown == "apply"
    return held != negate


def rule_applies(rule: Rule, subject: Subject) -> bool:
    """The rule's own ``when`` and ``unless`` (checked before any of its checks run)."""
    return applies(rule.when, subject) and applies(rule.unless, subject, negate=True)


def check_required(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """Each required item that the subject does not state. Entries that share a ``number`` (one
    item of the source's list, e.g. "时间、地点") give one finding naming what is missing."""
    check = rule.check
    assert isinstance(check, RequiredCheck)
    missing: dict[int | None, list[tuple[str, str]]] = {}
    near: dict[int | None, FactValue] = {}
    for position, item in enumerate(check.items, start=1):
        if not applies(item.when, subject):
            continue
        gaps = subject.missing(item)
        if gaps is None and item.value is not None:
            gaps = _without_value(subject, item)
        if gaps is not None and item.in_bundle:
            others = (other for other in context.subjects if other is not subject)
            if any(other.missing(item) is None for other in others):
                gaps = None
        if gaps is None:
            continue
        where = "、".join(g for g in gaps if g)
        label = f"{item.label}（{where}）" if where else item.label
        number = (item.number or position) if check.numbered else None
        missing.setdefault(number, []).append((label, item.label_en or item.label))
        if number not in near:
            closest = subject.near_miss(item)
            if closest is not None:
                near[number] = closest
    for number, labels in missing.items():
        yield make_finding(
            rule,
            subject,
            context,
            item=number,
            fact=near.get(number),
            fill={
                "label": "、".join(label for label, _ in labels),
                "label_en": ", ".join(label_en for _, label_en in labels),
                "number": number,
            },
        )


def _without_value(subject: Subject, item: RequiredItem) -> list[str] | None:
    """``[""]`` when the subject states the item's field without the wanted value (a list
    without it), None when it has it or does not state the field (then ``missing`` decided)."""
    assert item.field is not None
    stated = [f.value for f in subject.values(item.field)]
    flat = [_plain(v) for value in stated for v in (value if isinstance(value, list) else [value])]
    if not flat or any(_matches(v, [item.value]) for v in flat):
        return None
    return [""]


# --------------------------------------------------------------------------------------------
# Values a read document states after a label, when the reader gave no fact of that name


def _compiled(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return compile_patterns(tuple(patterns))


def _line(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right != -1 else None].strip()[:120]


def _pages(subject: Subject) -> Iterator[tuple[Subject, int, str]]:
    """(document, page number, normalised text) of a subject, or of each document of a bundle."""
    for member in getattr(subject, "members", None) or (subject,):
        for number, _original, normalized in member.pages:
            yield member, number, normalized


def date_after_label(subject: Subject, patterns: Sequence[str]) -> FactValue | None:
    """The first date written right after one of ``patterns`` (plain text or ``re:``) in the
    subject's text (a model has no text)."""
    from ..reading.dates import find_dates

    compiled = _compiled(patterns)
    for member, number, normalized in _pages(subject):
        for pattern in compiled:
            for match in pattern.finditer(normalized):
                window = normalized[match.end() : match.end() + 40]
                hits = find_dates(window)
                if hits and hits[0].start <= 12 and "。" not in window[: hits[0].start]:
                    line = _line(normalized, match.start(), match.end() + hits[0].end)
                    return FactValue(hits[0].value, "text", number, line, member.file)
    return None


_AMOUNT_AFTER = rx.compile(
    r"^[:：]?\s*(?:为|是)?\s*(?:人民币)?\s*[¥￥]?\s*(?P<amount>\d[\d,]*(?:\.\d+)?\s*(?:万|亿)?元)"
)


def amount_after_label(subject: Subject, patterns: Sequence[str]) -> FactValue | None:
    """The first amount in figures written right after one of ``patterns``."""
    from ..values.money import parse_amount

    compiled = _compiled(patterns)
    for member, number, normalized in _pages(subject):
        for pattern in compiled:
            for match in pattern.finditer(normalized):
                found = _AMOUNT_AFTER.match(normalized[match.end() : match.end() + 40])
                if not found:
                    continue
                try:
                    value = parse_amount(found.group("amount"))
                except InvalidValue:
                    continue
                line = _line(normalized, match.start(), match.end() + found.end())
                return FactValue(value, "text", number, line, member.file)
    return None


def _in_bundle(
    subject: Subject, context: Context, find: Callable[[Subject], FactValue | None]
) -> FactValue | None:
    """``find`` on the subject, then on the other documents of the bundle."""
    for candidate in (subject, *(s for s in context.subjects if s is not subject)):
        found = find(candidate)
        if found is not None:
            return found
    return None


def _amount(
    bound: Amount, rule: Rule, subject: Subject, context: Context, near: FactValue
) -> Decimal | None:
    ratio = bound.ratio
    value = bound.value
    if bound.param is not None:
        parameter = context.param(rule, bound.param)
        if bound.of is not None:
            ratio = parameter
        else:
            value = parameter
    if bound.of is None:
        return None if value is None else Decimal(str(value))
    base = _nearest(bound.of, subject, context, near)
    if base is None and bound.of_text:
        base = _in_bundle(subject, context, lambda s: amount_after_label(s, bound.of_text))
    if base is None or ratio is None:
        return None
    return (Decimal(str(base.value)) * Decimal(str(ratio))).quantize(Decimal("0.01"))


def _nearest(name: str, subject: Subject, context: Context, near: FactValue) -> FactValue | None:
    """The fact ``name`` that belongs with ``near``: in the same list element (the same lot),
    else at the top of the document, else anywhere in the bundle."""
    candidates = [f for f in subject.values(name) if isinstance(f.value, (Decimal, int, float))]
    parent = near.path.rsplit(".", 1)[0] if "." in near.path else ""
    for fact in candidates:
        if parent and fact.path.rsplit(".", 1)[0] == parent:
            return fact
    for fact in candidates:
        if "." not in fact.path:
            return fact
    if candidates:
        return candidates[0]
    return context.lookup(name, subject)


def _show(value: Decimal, scale: str) -> str:
    if scale == "count":
        return f"{value.normalize():f}"
    if scale == "percent":
        from ..values.percent import format_percent

        return format_percent(value)
    from ..values.money import format_figures

    return f"{format_figures(value)}元"


def check_bound(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    check = rule.check
    assert isinstance(check, BoundCheck)
    for fact in subject.values(check.value):
        if not isinstance(fact.value, (Decimal, int, float)):
            continue
        value = Decimal(str(fact.value))
        low = _amount(check.min, rule, subject, context, fact) if check.min else None
        high = _amount(check.max, rule, subject, context, fact) if check.max else None
        broken = (low is not None and value < low) or (high is not None and value > high)
        if broken:
            yield make_finding(
                rule,
                subject,
                context,
                item=check.item,
                fact=fact,
                fill={
                    "value": _show(value, check.scale),
                    "min": _show(low, check.scale) if low is not None else "",
                    "max": _show(high, check.scale) if high is not None else "",
                },
                details={"value": str(value), "min": str(low), "max": str(high)},
            )


def check_deadline(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    from .. import periods

    check = rule.check
    assert isinstance(check, DeadlineCheck)
    action = _dated(subject.first(check.action))
    if action is None and check.action_text:
        action = date_after_label(subject, check.action_text)
    anchor = _dated(context.lookup(check.anchor, subject))
    if anchor is None and check.anchor_text:
        anchor = _in_bundle(subject, context, lambda s: date_after_label(s, check.anchor_text))
    if action is None or anchor is None:
        lacking = [
            name for name, got in ((check.action, action), (check.anchor, anchor)) if not got
        ]
        yield from unchecked(rule, subject, context, lacking)
        return
    action_day, anchor_day = as_date(action.value), as_date(anchor.value)
    if action_day is None or anchor_day is None:
        return
    context.evaluated.add(rule.id)
    if check.days_by is not None:
        longest = _days_by(check.days_by, rule, subject, context)
        if longest is None:
            # the period's length depends on a fact the document does not state
            yield from unchecked(rule, subject, context, [check.days_by.fact])
            context.evaluated.discard(rule.id)
            return
        days = longest
    elif check.days is not None:
        days = check.days
    else:
        days = _days_param(rule, check.days_param, context)
    days = max(days, check.min_days)
    clear = bool(context.profile_param("clear_days", False))
    calendar = context.calendar
    try:
        if check.direction == "before":
            if check.unit == "working_day":
                result = periods.working_days_before(anchor_day, days, calendar)
            else:
                result = periods.days_before(anchor_day, days, calendar, clear_days=clear)
        elif check.unit == "working_day":
            result = periods.add_working_days(anchor_day, days, calendar)
        elif check.unit == "month":
            result = periods.add_months(anchor_day, days, calendar, roll=check.roll)
        else:
            result = periods.add_days(anchor_day, days, calendar, roll=check.roll)
        late = action_day > result.end if check.mode == "latest" else action_day < result.end
    except CalendarYearNotCovered as exc:
        from .registry import get_rule

        year = getattr(exc, "year", None)
        yield make_finding(
            get_rule("CALENDAR-DATA"),
            subject,
            context,
            fact=action,
            fill={"rule": rule.id, "year": year or ""},
            details={"for_rule": rule.id, "year": year},
        )
        return
    if late:
        finding = make_finding(
            rule,
            subject,
            context,
            item=check.item,
            fact=action,
            fill={
                "action": _day(action_day),
                "anchor": _day(anchor_day),
                "due": _day(result.end),
                "days": days,
                "label": check.label,
                "label_en": check.label_en or check.label,
            },
            details={
                "counting": result.explain(context.lang),
                "due": result.end.isoformat(),
                **_provisional(result),
            },
        )
        if result.provisional:  # 暂定: the day's holiday schedule is not published yet
            from ..period_text import provisional_note

            finding = dataclasses.replace(
                finding,
                message=f"{finding.message}（{provisional_note(result, 'zh')}）",
                message_en=f"{finding.message_en} ({provisional_note(result, 'en')})",
            )
        yield finding


def _provisional(result: Any) -> dict[str, Any]:
    """A provisional (暂定) count: the range its end could move within."""
    if not result.provisional:
        return {}
    low, high = result.earliest or result.end_date, result.latest or result.end_date
    return {"provisional": True, "due_range": [low.isoformat(), high.isoformat()]}


UNCHECKED = "NOT-CHECKED"


def unchecked(
    rule: Rule, subject: Subject, context: Context, facts: Sequence[str]
) -> Iterator[Finding]:
    """A marker that ``rule`` could not be checked on a read document because it does not state
    ``facts`` (a model states what it has: nothing to say there). The engine gathers the markers
    of a document into one info finding, :data:`UNCHECKED`."""
    if not subject.pages or rule.packet:
        return  # a model states what it has; a packet rule's timing goes with its checklist
    from .subjects import any_field_label

    labels = [any_field_label(subject.kind, name) or "所需日期" for name in facts]
    yield Finding(
        rule=UNCHECKED,
        severity=Severity.INFO,
        message="",
        basis="",
        file=subject.file,
        details={"for_rule": rule.id, "facts": list(facts), "labels": labels},
    )


def _dated(fact: FactValue | None) -> FactValue | None:
    return fact if fact is not None and as_date(fact.value) is not None else None


def _days_by(by: DaysBy, rule: Rule, subject: Subject, context: Context) -> int | None:
    """The longest period that applies: one parameter per value of the fact (per lot)."""
    values = [str(_plain(f.value)) for f in subject.values(by.fact) if f.value is not None]
    if not values:
        values = [value for value, patterns in by.text.items() if subject.find_text(patterns)]
    names = {by.params.get(value, by.default) for value in values} if values else {by.default}
    lengths = [_days_param(rule, name, context) for name in names if name is not None]
    return max(lengths) if lengths else None


def _days_param(rule: Rule, name: str | None, context: Context) -> int:
    value = context.param(rule, name)
    if value is None:
        raise RuleFileError(f"{rule.id}：规则和配置都没有给出参数 {name}")
    return int(value)


def _day(value: dt.date) -> str:
    from ..values.dates import format_date

    return format_date(value)


def check_manual(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    check = rule.check
    assert isinstance(check, ManualCheck)
    finding = make_finding(
        rule,
        subject,
        context,
        fill={"prompt": check.prompt, "prompt_en": check.prompt_en},
        needs_review=True,
    )
    # A prompt to look is not a defect: it is reported as info (a profile may re-grade it).
    if rule.id not in context.profile.severity:
        finding = dataclasses.replace(finding, severity=Severity.INFO)
    yield finding


def check_checklist(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """Each required attachment of a report's checklist (rules/checklists.yaml), with its
    condition; counts of originals and copies are compared where the subject states them.
    An entry's ``number`` is its finding's item (F7a, F7b and F7c are all item 7); entries of one
    number give one finding that names them all."""
    check = rule.check
    assert isinstance(check, ChecklistCheck)
    checklist = context.checklist(check.checklist)
    listed = {
        str(getattr(f.value, "value", f.value)): f for f in subject.values("attachments.item")
    }
    problems: dict[int, list[tuple[str, str]]] = {}
    for position, item in enumerate(checklist["items"], start=1):
        number = int(item.get("number", position))
        condition = item.get("when", "always")
        if condition == "optional":
            continue
        if condition != "always":
            when = Condition.model_validate(condition) if isinstance(condition, dict) else condition
            if not applies(when, subject):
                continue
        code = item["code"]
        present = listed.get(code)
        if present is None and subject.pages:
            patterns = item.get("text") or [item["title"].split("、")[0]]
            if subject.find_text(patterns) is not None:
                continue
        if present is None:
            problems.setdefault(number, []).append((item["title"], code))
            continue
        counts = _counts(subject, present.path)
        want_originals = int(item.get("originals", 0))
        want_copies = int(item.get("copies", 0))
        if counts is not None and (counts[0] < want_originals or counts[1] < want_copies):
            title = (
                f"{item['title']}份数不足（应为原件{want_originals}份、复印件{want_copies}份，"
                f"实为原件{counts[0]}份、复印件{counts[1]}份）"
            )
            problems.setdefault(number, []).append((title, code))
    for number, entries in problems.items():
        yield make_finding(
            rule,
            subject,
            context,
            item=number,
            fill={
                "title": "；".join(title for title, _ in entries),
                "code": "、".join(code for _, code in entries),
            },
        )


def _counts(subject: Subject, item_path: str) -> tuple[int, int] | None:
    prefix = item_path.rsplit(".", 1)[0]
    originals = [f for f in subject.values("attachments.originals") if f.path.startswith(prefix)]
    copies = [f for f in subject.values("attachments.copies") if f.path.startswith(prefix)]
    if not originals or not copies:
        return None
    return int(originals[0].value), int(copies[0].value)


CHECKS: dict[str, CheckFunction] = {
    "required": check_required,
    "bound": check_bound,
    "deadline": check_deadline,
    "manual": check_manual,
    "checklist": check_checklist,
}
