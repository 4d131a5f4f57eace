"""Profiles: a scope plus local choices (a company's 7-day pre-filing rule, a centre's 90% floor).

Built-in profiles live in ``rules/profiles/<SCOPE>.yaml``. A user's profile file names a built-in
one in ``extends`` and may select, ignore, re-grade and re-parameterise rules. Changing a
parameter that a rule marks as statutory is allowed, but every result then says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..resources import data_dir
from .findings import Finding, Severity
from .spec import SCOPES, RuleFileError


class _ProfileFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1]
    id: str
    title: str
    scope: str | None = None
    extends: str | None = None
    description: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    rule_params: dict[str, dict[str, Any]] = Field(default_factory=dict)


@dataclass(frozen=True)
class Profile:
    """A resolved profile (built-in defaults merged with the user's choices)."""

    id: str
    title: str
    scope: str
    params: dict[str, Any] = field(default_factory=dict)
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    rule_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = "built-in"

    def override_findings(self) -> list[Finding]:
        """One notice per statutory parameter this profile changed (never silent)."""
        from .engine import load_rules

        notices = []
        rules = {rule.id: rule for rule in load_rules()}
        for rule_id, values in sorted(self.rule_params.items()):
            rule = rules.get(rule_id)
            if rule is None:
                continue
            statutory = rule.params.get("statutory", [])
            for name, new in sorted(values.items()):
                if name in statutory:
                    old = rule.params.get(name)
                    notices.append(
                        Finding(
                            rule="PROFILE-OVERRIDE",
                            name="profile-changes-statutory-parameter",
                            severity=Severity.WARNING,
                            message=(
                                f"配置“{self.title}”把 {rule_id} 的法定参数 {name} 由 {old} 改为 "
                                f"{new}；本结果不再反映法定要求"
                            ),
                            message_en=(
                                f"Profile {self.id} changes the statutory parameter {name} of "
                                f"{rule_id} from {old} to {new}"
                            ),
                            basis=rule.basis,
                            details={"rule": rule_id, "param": name, "from": old, "to": new},
                        )
                    )
        return notices


def _read(path: Path) -> _ProfileFile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleFileError(f"无法读取配置文件 {path}：{exc}") from None
    try:
        return _ProfileFile.model_validate(data)
    except ValidationError as exc:
        problems = "；".join(
            f"{'.'.join(map(str, e['loc'])) or '（整体）'}：{e['msg']}" for e in exc.errors()
        )
        raise RuleFileError(f"配置文件 {path.name} 有误：{problems}") from None


def builtin_profiles() -> dict[str, Path]:
    return {p.stem: p for p in sorted((data_dir("rules") / "profiles").glob("*.yaml"))}


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by scope code (``JUD-OFF``) or a user's profile file."""
    builtin = builtin_profiles()
    text = str(name_or_path)
    if text in builtin:
        path = builtin[text]
    else:
        path = Path(text)
        if not path.is_file():
            known = "、".join(builtin)
            raise RuleFileError(f"未知的范围或配置文件：{text}。内置范围：{known}")
    return _resolve(_read(path), "built-in" if text in builtin else str(path))


def profile_from_data(data: dict[str, Any], source: str = "inline") -> Profile:
    """A profile from the content of a profile file (``extends``, ``rule_params`` …), e.g. one
    given inline in a rule's test case."""
    try:
        parsed = _ProfileFile.model_validate({"schema_version": 1, "id": "inline", **data})
    except ValidationError as exc:
        problems = "；".join(
            f"{'.'.join(map(str, e['loc'])) or '（整体）'}：{e['msg']}" for e in exc.errors()
        )
        raise RuleFileError(f"配置有误：{problems}") from None
    return _resolve(parsed, source)


def _resolve(data: _ProfileFile, source: str) -> Profile:
    if data.extends:
        base = load_profile(data.extends)
    else:
        if data.scope not in SCOPES:
            raise RuleFileError(f"配置文件 {source}：scope 应为 {'、'.join(SCOPES)} 之一")
        base = Profile(id=data.id, title=data.title, scope=data.scope)
    merged_rule_params = {k: dict(v) for k, v in base.rule_params.items()}
    for rule_id, values in data.rule_params.items():
        merged_rule_params.setdefault(rule_id, {}).update(values)
    return Profile(
        id=data.id,
        title=data.title,
        scope=data.scope or base.scope,
        params={**base.params, **data.params},
        select=frozenset(data.select) or base.select,
        ignore=base.ignore | frozenset(data.ignore),
        severity={**base.severity, **data.severity},
        rule_params=merged_rule_params,
        source=source,
    )
