"""What a check may consult beyond its own subject (:class:`Context`): the profile, the other
documents of the bundle, the holiday calendar and the output language. Checks receive it; only
the engine makes one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .findings import Severity
from .profiles import Profile
from .registry import checklists
from .spec import Rule, RuleFileError
from .subjects import FactValue, Subject

__all__ = ["Context"]


@dataclass
class Context:
    """What a check may consult beyond its own subject: the profile, the other documents of the
    bundle, the holiday calendar and the output language."""

    profile: Profile
    subjects: Sequence[Subject] = ()
    calendar: Any = None
    lang: str = "zh"
    notes: list[str] = field(default_factory=list)
    # rules that could be evaluated on some document of the bundle (their facts were there)
    evaluated: set[str] = field(default_factory=set)

    @property
    def scope(self) -> str:
        return self.profile.scope

    def severity_of(self, rule: Rule) -> Severity:
        return Severity(self.profile.severity.get(rule.id, rule.severity))

    def param(self, rule: Rule, name: str | None) -> Any:
        if name is None:
            raise RuleFileError(f"{rule.id}：缺少参数名")
        overrides = self.profile.rule_params.get(rule.id, {})
        if name in overrides:
            return overrides[name]
        if name in rule.params:
            value = rule.params[name]
            if isinstance(value, dict):  # per-scope values: {JUD-OFF: 7, default: 0}
                return value.get(self.scope, value.get("default"))
            return value
        return self.profile.params.get(name)

    def profile_param(self, name: str, default: Any = None) -> Any:
        return self.profile.params.get(name, default)

    def lookup(self, name: str, prefer: Subject) -> FactValue | None:
        """A fact from ``prefer`` if it has one, else from another document of the bundle."""
        found = prefer.first(name)
        if found is not None:
            return found
        for other in self.subjects:
            if other is not prefer:
                found = other.first(name)
                if found is not None:
                    return found
        return None

    def checklist(self, name: str) -> dict[str, Any]:
        checklist: dict[str, Any] = checklists()[name]
        return checklist
