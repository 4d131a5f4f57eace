"""The declarative check kinds. Each is a function ``(rule, subject, context) -> findings``;
the engine stamps severity and scope from the profile, not the check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..errors import CalendarYearNotCovered
from .findings import Finding, Severity
from .spec import (
    Amount,
    BoundCheck,
    ChecklistCheck,
    DeadlineCheck,
    ManualCheck,
    RequiredCheck,
    Rule,
)
from .subjects import FactValue, Subject, as_date

if TYPE_CHECKING:
    from .engine import Context

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
        message_en=rule.message_en.format_map(values),
        basis=rule.basis,
        item=item,
        file=subject.file if subject is not None else None,
        page=fact.page if fact is not None else None,
        evidence=fact.evidence if fact is not None else None,
        needs_review=rule.needs_review if needs_review is None else needs_review,
        details=details or {},
    )


class _Fill(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def check_required(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    check = rule.check
    assert isinstance(check, RequiredCheck)
    for number, item in enumerate(check.items, start=1):
        if item.when is not None and subject.flag(item.when) is False:
            continue
        gaps = subject.missing(item)
        if gaps is None:
            continue
        where = "、".join(g for g in gaps if g)
        label = f"{item.label}（{where}）" if where else item.label
        yield make_finding(
            rule,
            subject,
            context,
            item=number if check.numbered else None,
            fill={"label": label, "label_en": item.label_en or item.label, "number": number},
        )


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
    action = subject.first(check.action)
    anchor = context.lookup(check.anchor, subject)
    if action is None or anchor is None:
        return
    action_day, anchor_day = as_date(action.value), as_date(anchor.value)
    if action_day is None or anchor_day is None:
        return
    days = check.days if check.days is not None else int(context.param(rule, check.days_param))
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
        yield Finding(
            rule="CALENDAR-DATA",
            name="calendar-year-not-covered",
            severity=Severity.ERROR,
            message=f"无法核对{rule.id}：{exc}",
            message_en=f"Cannot check {rule.id}: no holiday data for that year",
            basis="《中华人民共和国民法典》第二百零三条；国务院节假日安排",
            file=subject.file,
            page=action.page,
            evidence=action.evidence,
            details={"for_rule": rule.id},
        )
        return
    if late:
        yield make_finding(
            rule,
            subject,
            context,
            fact=action,
            fill={
                "action": _day(action_day),
                "anchor": _day(anchor_day),
                "due": _day(result.end),
                "days": days,
            },
            details={"counting": result.explain(context.lang), "due": result.end.isoformat()},
        )


def _day(value: dt.date) -> str:
    from ..values.dates import format_date

    return format_date(value)


def check_manual(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    check = rule.check
    assert isinstance(check, ManualCheck)
    yield make_finding(
        rule,
        subject,
        context,
        fill={"prompt": check.prompt, "prompt_en": check.prompt_en},
        needs_review=True,
    )


def check_checklist(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """Each required attachment of a report's checklist (rules/checklists.yaml), with its
    condition; counts of originals and copies are compared where the subject states them."""
    check = rule.check
    assert isinstance(check, ChecklistCheck)
    checklist = context.checklist(check.checklist)
    listed = {
        str(getattr(f.value, "value", f.value)): f for f in subject.values("attachments.item")
    }
    for number, item in enumerate(checklist["items"], start=1):
        condition = item.get("when", "always")
        if condition == "optional":
            continue
        if condition != "always" and subject.flag(condition) is False:
            continue
        code = item["code"]
        present = listed.get(code)
        if present is None and subject.pages:
            found = subject.find_text([item["title"].split("、")[0]])
            if found is not None:
                continue
        if present is None:
            yield make_finding(
                rule, subject, context, item=number, fill={"title": item["title"], "code": code}
            )
            continue
        counts = _counts(subject, present.path)
        want_originals = int(item.get("originals", 0))
        want_copies = int(item.get("copies", 0))
        if counts is not None and (counts[0] < want_originals or counts[1] < want_copies):
            yield make_finding(
                rule,
                subject,
                context,
                item=number,
                fill={
                    "title": f"{item['title']}（应为原件{want_originals}份、复印件{want_copies}份，"
                    f"实为原件{counts[0]}份、复印件{counts[1]}份）",
                    "code": code,
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
