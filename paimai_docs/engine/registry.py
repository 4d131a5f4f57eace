"""Where rules are read from: the rule files of ``rules/catalogue/``, the catalogue's
requirements that are not rules (``rules/unchecked.yaml``) and the checklists
(``rules/checklists.yaml``). Everything in the engine that needs a rule by ID asks here."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

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
    paths = sorted(Path(directory).glob("*.yaml"))
    contents = [(path, path.read_bytes()) for path in paths]
    key = _cache_key(contents)
    cached = _cached_rules(key)
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
    _store_rules(key, loaded)
    return loaded


# Reading and validating ~200 rules from YAML takes a few hundred milliseconds on every run; the
# validated rules are kept in the user's cache folder under the hash of the rule files' bytes
# and of this version (PAIMAI_CACHE_DIR chooses the folder, PAIMAI_NO_CACHE=1 turns it off).
# A cache that cannot be read or written is simply not used.


def _cache_dir() -> Path | None:
    if os.environ.get("PAIMAI_NO_CACHE"):
        return None
    chosen = os.environ.get("PAIMAI_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "paimai-docs"


def _cache_key(contents: list[tuple[Path, bytes]]) -> str:
    from .._version import __version__

    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}".encode())
    for path, data in contents:
        digest.update(path.name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:32]


def _cached_rules(key: str) -> tuple[Rule, ...] | None:
    folder = _cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"rules-{key}.pickle", "rb") as handle:
            loaded = pickle.load(handle)  # our own file, named by the hash of what it holds
    except Exception:
        return None
    if isinstance(loaded, tuple) and all(isinstance(rule, Rule) for rule in loaded):
        return loaded
    return None


def _store_rules(key: str, rules: tuple[Rule, ...]) -> None:
    folder = _cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            pickle.dump(rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, folder / f"rules-{key}.pickle")
    except Exception:  # a read-only home, a full disk: run without the cache
        with contextlib.suppress(Exception):
            os.unlink(handle.name)


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
    data = load_yaml(data_dir("rules") / "unchecked.yaml")
    return tuple(UncheckedRequirement.model_validate(e) for e in data["requirements"])


@functools.lru_cache(maxsize=4)
def checklists() -> dict[str, Any]:
    data = load_yaml(data_dir("rules") / "checklists.yaml")
    checklists: dict[str, Any] = data["checklists"]
    return checklists
