"""Where rules are read from: the rule files of ``rules/catalogue/``, the catalogue's
requirements that are not rules (``rules/unchecked.yaml``) and the checklists
(``rules/checklists.yaml``). Everything in the engine that needs a rule by ID asks here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from ..resources import data_dir
from .spec import Rule, RuleFileError, load_rule_file

__all__ = [
    "UncheckedRequirement",
    "checklists",
    "get_rule",
    "load_rules",
    "unchecked_requirements",
]


@functools.lru_cache(maxsize=8)
def _load_rules_from(directory: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        for rule in load_rule_file(path):
            if rule.id in seen:
                raise RuleFileError(f"规则编号 {rule.id} 重复：{seen[rule.id]} 与 {path.name}")
            seen[rule.id] = path.name
            rules.append(rule)
    return tuple(rules)


def load_rules(directory: str | Path | None = None) -> tuple[Rule, ...]:
    """Every rule shipped in ``rules/catalogue/`` (or in ``directory``), validated."""
    folder = Path(directory) if directory is not None else data_dir("rules") / "catalogue"
    return _load_rules_from(str(folder.resolve()))


def get_rule(rule_id: str) -> Rule:
    for rule in load_rules():
        if rule.id == rule_id:
            return rule
    raise RuleFileError(f"未知的规则编号：{rule_id}")


class UncheckedRequirement(BaseModel):
    """A requirement of the rules catalogue that is not a rule, and why (rules/unchecked.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    scopes: str
    what: str
    what_en: str
    source: str
    reason: str


@functools.lru_cache(maxsize=1)
def unchecked_requirements() -> tuple[UncheckedRequirement, ...]:
    """The catalogue's requirements that are not rules, with the reason each is not checked."""
    data = yaml.safe_load((data_dir("rules") / "unchecked.yaml").read_text(encoding="utf-8"))
    return tuple(UncheckedRequirement.model_validate(e) for e in data["requirements"])


@functools.lru_cache(maxsize=4)
def checklists() -> dict[str, Any]:
    data = yaml.safe_load((data_dir("rules") / "checklists.yaml").read_text(encoding="utf-8"))
    checklists: dict[str, Any] = data["checklists"]
    return checklists
