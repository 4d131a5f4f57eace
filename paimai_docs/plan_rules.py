"""The deadline rules of the planner, read from the rule catalogue (``rules/catalogue``).

A deadline rule of the catalogue (a ``deadline`` check, alone or in an ``all`` check) with a
``plan`` block is a step of ``paimai plan``: the block names the event it counts from, how it
counts, and the row's title and note; the period's length comes from the check (``days``, or
the ``days_param`` / ``days_by`` parameters, which a profile may change). Nothing about a rule
lives in the planner itself: its ID, basis and confidence are the catalogue's, and
``paimai explain ID`` explains every ID a plan prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from paimai_docs.engine import Context, Profile, load_rules

__all__ = ["DeadlineRule", "deadline_rules"]

Meaning = Literal["deadline", "period_end", "not_before"]

_SCOPES = ("COM", "JUD-OFF", "JUD-NET", "SOA-ADM", "SOA-ENT", "VEH")


@dataclass(frozen=True)
class DeadlineRule:
    """One planner step of a catalogue rule, with its numbers under a profile.

    ``key`` is the rule ID, plus the step's label when one rule has several (``POST-S01a``)."""

    rule_id: str
    step: str | None
    scopes: tuple[str, ...]
    title_zh: str
    title_en: str
    anchor: str
    method: str
    n: int
    basis: str
    confidence: str
    n_immovable: int | None = None
    meaning: Meaning = "deadline"
    note_zh: str = ""
    note_en: str = ""
    order: int = 100
    changed_by_profile: bool = False

    @property
    def key(self) -> str:
        return self.rule_id + (self.step or "")

    def length(self, lot_type: str | None = "movable") -> int:
        if lot_type == "immovable" and self.n_immovable is not None:
            return self.n_immovable
        return self.n


_DEFAULT_METHOD = {
    ("before", "day"): "days_before",
    ("before", "working_day"): "working_days_before",
    ("after", "day"): "days_after",
    ("after", "working_day"): "working_days_after",
    ("after", "month"): "months_after",
    ("after", "hour"): "hours_after",
}


def deadline_rules(profile: Profile) -> Mapping[str, DeadlineRule]:
    """Every planner step of the catalogue under ``profile`` (its parameters and its
    ``ignore``/``select``), by :attr:`DeadlineRule.key`, in catalogue order."""
    context = Context(profile)
    out: dict[str, DeadlineRule] = {}
    for rule in load_rules():
        if rule.id in profile.ignore or (profile.select and rule.id not in profile.select):
            continue
        checks = rule.check.checks if rule.check.type == "all" else (rule.check,)
        for check in checks:
            plan = getattr(check, "plan", None)
            if check.type != "deadline" or plan is None:
                continue
            n_immovable = None
            if plan.n is not None:
                n = plan.n
            elif check.days is not None:
                n = check.days
            elif check.days_by is not None:
                by = check.days_by
                n = int(context.param(rule, by.params.get("movable", by.default)))
                n_immovable = int(context.param(rule, by.params.get("immovable", by.default)))
            else:
                value = context.param(rule, check.days_param)
                n = int(value) if value is not None else 0
            names = {check.days_param, *(check.days_by.params.values() if check.days_by else ())}
            changed = any(name in profile.rule_params.get(rule.id, {}) for name in names if name)
            scopes = plan.scopes or rule.scopes
            step = DeadlineRule(
                rule_id=rule.id,
                step=plan.step,
                scopes=_SCOPES if "ALL" in scopes else tuple(scopes),
                title_zh=plan.title,
                title_en=plan.title_en,
                anchor=plan.anchor,
                method=plan.method or _DEFAULT_METHOD[(check.direction, check.unit)],
                n=n,
                basis=rule.basis,
                confidence=rule.confidence,
                n_immovable=n_immovable,
                meaning=plan.meaning,
                note_zh=plan.note,
                note_en=plan.note_en,
                order=plan.order,
                changed_by_profile=changed,
            )
            out[step.key] = step
    return MappingProxyType(out)
