"""Where rules are read from: the rule files of ``rules/catalogue/``, the catalogue's
requirements that are not rules (``rules/unchecked.yaml``) and the checklists
(``rules/checklists.yaml``). Everything in the engine that needs a rule by ID asks here."""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..cache import load_pickle, store_pickle
from ..resources import data_dir, load_yaml
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
    contents = _contents(directory)
    name = _cache_name(directory, contents)
    cached = _cached_rules(name)
    if cached is not None:
        return cached
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path, _ in contents:
        for rule in load_rule_file(path):
            if rule.id in seen:
                raise RuleFileError(f"规则编号 {rule.id} 重复：{seen[rule.id]} 与 {path.name}")
            seen[rule.id] = path.name
            rules.append(rule)
    loaded = tuple(rules)
    store_pickle(name, loaded, replaces=name.rsplit("-", 1)[0] + "-")
    return loaded


# Reading and validating ~200 rules from YAML takes a few hundred milliseconds on every run; the
# validated rules are kept in the user's cache folder (:mod:`..cache`) under the hash of the rule
# files' bytes and of this version.


def _contents(directory: str) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in sorted(Path(directory).glob("*.yaml"))]


def _cache_name(directory: str, contents: list[tuple[Path, bytes]]) -> str:
    """``rules-<folder>-<content>.pickle``: one kept file per rule folder, named by the hash of
    the folder's path and of the rule files' bytes and this version."""
    from .._version import __version__

    folder = hashlib.sha256(directory.encode()).hexdigest()[:8]
    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}".encode())
    for path, data in contents:
        digest.update(path.name.encode() + b"\0" + data + b"\0")
    return f"rules-{folder}-{digest.hexdigest()[:32]}.pickle"


def rules_digest() -> str:
    """The hash of the shipped rule files (what a kept result that depends on them is keyed
    by)."""
    folder = str((data_dir("rules") / "catalogue").resolve())
    return _cache_name(folder, _contents(folder)).rsplit("-", 1)[1].removesuffix(".pickle")


def _cached_rules(name: str) -> tuple[Rule, ...] | None:
    loaded = load_pickle(name)
    if isinstance(loaded, tuple) and all(isinstance(rule, Rule) for rule in loaded):
        return loaded
    return None


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

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    scopes: str
    what: str
    what_en: str
    source: str
    reason: str


@functools.lru_cache(maxsize=1)
def unchecked_requirements() -> tuple[UncheckedRequirement, ...]:
    """The catalogue's requirements that are not rules, with the reason each is not checked."""
    data = load_yaml(data_dir("rules") / "unchecked.yaml")
    return tuple(UncheckedRequirement.model_validate(e) for e in data["requirements"])


@functools.lru_cache(maxsize=4)
def checklists() -> dict[str, Any]:
    data = load_yaml(data_dir("rules") / "checklists.yaml")
    checklists: dict[str, Any] = data["checklists"]
    return checklists
