"""Profiles: a scope plus local choices (a company's 7-day pre-filing rule, a centre's 90% floor).

Built-in profiles live in ``rules/profiles/<SCOPE>.yaml``. A user's profile file names a built-in
one in ``extends`` and may select, ignore, re-grade and re-parameterise rules. Changing a
parameter that a rule marks as statutory is allowed, but every result then says so.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache import load_pickle, store_pickle
from ..resources import data_dir, load_yaml
from ..userfiles import (
    Lines,
    Problem,
    UserFileError,
    load_file,
    pydantic_problem,
    suggestion,
    where_of,
)
from ..vocabulary import SCOPES
from .spec import RuleFileError

if TYPE_CHECKING:
    from .profile_file import ProfileFile


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
    # issuer / addressee / case_name for the 补正通知书 (``notice:`` of the profile file)
    notice: dict[str, str] = field(default_factory=dict)


# Findings a profile may re-grade but not silence: a profile that changes a statutory parameter
# must never make a result look as if it reflected the law.
UNIGNORABLE = frozenset({"PROFILE-OVERRIDE"})


class ProfileError(UserFileError, RuleFileError):
    """A profile cannot be read or does not fit the format: an unknown key, rule ID or parameter
    (with a "did you mean"), a wrong value. The message names the file, the line and the value;
    ``message("en")`` is English."""

    code = "profile_invalid"
    what = ("配置文件", "profile")


def _read(path: Path) -> ProfileFile:
    data, lines = load_file(path, ProfileError)
    return _validated(data, lines, str(path))


def _validated(data: Any, lines: Lines, source: str) -> ProfileFile:
    from pydantic import ValidationError

    from .profile_file import NoticeNames, ProfileFile

    if not isinstance(data, dict):
        raise ProfileError(source, [Problem("顶层应为键值对象", "the top level must be a mapping")])
    problems: list[Problem] = []
    fields = list(ProfileFile.model_fields)
    try:
        parsed = ProfileFile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            problem = pydantic_problem(error, lines)
            if error["type"] == "extra_forbidden" and len(error["loc"]) == 1:
                zh, en = suggestion(str(error["loc"][0]), fields)
                problem = _with(problem, zh, en)
            elif error["type"] == "extra_forbidden" and error["loc"][:1] == ("notice",):
                zh, en = suggestion(str(error["loc"][-1]), list(NoticeNames.model_fields))
                problem = _with(problem, zh, en)
            problems.append(problem)
        raise ProfileError(source, problems) from None
    problems.extend(_unknown_names(parsed, lines))
    if problems:
        raise ProfileError(source, problems)
    return parsed


def _with(problem: Problem, zh: str, en: str) -> Problem:
    return Problem(problem.zh + zh, problem.en + en, problem.where, problem.line, problem.value)


def _unknown_names(data: ProfileFile, lines: Lines) -> list[Problem]:
    """Rule IDs that no rule has and parameters that nothing reads: a typo would otherwise
    change nothing, silently."""
    from .registry import load_rules

    rules = {rule.id: rule for rule in load_rules()}
    problems: list[Problem] = []

    def unknown_rule(rule_id: str, loc: tuple[int | str, ...]) -> None:
        if rule_id in rules:
            return
        zh, en = suggestion(rule_id, rules)
        problems.append(
            Problem(f"未知的规则编号{zh}", f"unknown rule ID{en}", where_of(loc),
                    lines.line(loc), rule_id)
        )  # fmt: skip

    for index, rule_id in enumerate(data.select):
        unknown_rule(rule_id, ("select", index))
    for index, rule_id in enumerate(data.ignore):
        unknown_rule(rule_id, ("ignore", index))
        if rule_id in UNIGNORABLE:
            place: tuple[int | str, ...] = ("ignore", index)
            problems.append(
                Problem("不能忽略：配置改变法定参数时，结果必须说明",
                        "cannot be ignored: a result must say when a profile changes the law",
                        where_of(place), lines.line(place), rule_id)
            )  # fmt: skip
    for rule_id in data.severity:
        unknown_rule(rule_id, ("severity", rule_id))
    known_profile = profile_param_names()
    for name in data.params:
        if name not in known_profile:
            zh, en = suggestion(name, known_profile)
            problems.append(
                Problem(f"未知的参数{zh}", f"unknown parameter{en}", where_of(("params", name)),
                        lines.line(("params", name)), name)
            )  # fmt: skip
    for rule_id, values in data.rule_params.items():
        if rule_id not in rules:
            unknown_rule(rule_id, ("rule_params", rule_id))
            continue
        known = rule_param_names(rules[rule_id])
        for name in values:
            if name not in known:
                zh, en = suggestion(name, known)
                listed = "、".join(sorted(known)) or "无"
                listed_en = ", ".join(sorted(known)) or "none"
                hint_zh = zh or f"（{rule_id} 的参数：{listed}）"
                hint_en = en or f" ({rule_id} has: {listed_en})"
                loc = ("rule_params", rule_id, name)
                problems.append(
                    Problem(f"{rule_id} 没有这个参数{hint_zh}",
                            f"{rule_id} has no such parameter{hint_en}",
                            where_of(loc), lines.line(loc), name)
                )  # fmt: skip
    return problems


def _referenced(value: Any, key: str | None = None) -> set[str]:
    """Parameter names a rule's check refers to (``days_param``, ``param`` and the values of a
    ``by`` mapping's ``params``)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for name, item in value.items():
            if name in ("days_param", "param") and isinstance(item, str):
                found.add(item)
            elif name == "params" and isinstance(item, dict) and key is not None:
                found.update(v for v in item.values() if isinstance(v, str))
            else:
                found |= _referenced(item, name)
    elif isinstance(value, (list, tuple)):
        for item in value:
            found |= _referenced(item, key)
    return found


def rule_param_names(rule: Any) -> set[str]:
    """The parameters a profile may set for ``rule`` in ``rule_params``."""
    own = {name for name in rule.params if name != "statutory"}
    return own | _referenced(rule.check.model_dump(), "check")


@functools.lru_cache(maxsize=1)
def profile_param_names() -> frozenset[str]:
    """The parameters a profile may set in ``params``: those the built-in profiles set, those
    the rules read from the profile, and the rules' own ones (a default for every rule)."""
    from .registry import load_rules

    names: set[str] = {"clear_days"}
    for rule in load_rules():
        names |= rule_param_names(rule)
    for path in builtin_profiles().values():
        data = load_yaml(path) or {}
        names |= set(data.get("params") or {})
    return frozenset(names)


def builtin_profiles() -> dict[str, Path]:
    return {p.stem: p for p in sorted((data_dir("rules") / "profiles").glob("*.yaml"))}


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by scope code (``JUD-OFF``) or a user's profile file."""
    builtin = builtin_profiles()
    text = str(name_or_path)
    if text in builtin:
        return _builtin_profile(text)
    else:
        path = Path(text)
        if not path.is_file():
            known = "、".join(builtin)
            zh, en = suggestion(text, builtin)
            raise ProfileError(
                text,
                [
                    Problem(
                        f"不是内置范围，也不是存在的配置文件{zh}。内置范围：{known}",
                        f"neither a built-in scope nor an existing file{en}. "
                        f"Built-in scopes: {', '.join(builtin)}",
                    )
                ],
            )
    return _resolve(_read(path), "built-in" if text in builtin else str(path))


@functools.lru_cache(maxsize=16)
def _builtin_profile(name: str) -> Profile:
    """A shipped profile, read once (profiles are frozen). Validating a profile checks every
    rule ID and parameter it names against the rules (about 0.1 s); the resolved profile is kept
    in the user's cache folder under the hash of the shipped profiles and rules."""
    kept_name = f"profile-{name}@{_builtin_digest()}.pickle"
    kept = load_pickle(kept_name)
    if isinstance(kept, Profile):
        return kept
    profile = _resolve(_read(builtin_profiles()[name]), "built-in")
    store_pickle(kept_name, profile, replaces=f"profile-{name}@")
    return profile


@functools.lru_cache(maxsize=1)
def _builtin_digest() -> str:
    from .registry import rules_digest

    digest = hashlib.sha256(rules_digest().encode())
    for stem, path in builtin_profiles().items():
        digest.update(stem.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def profile_from_data(data: dict[str, Any], source: str = "inline") -> Profile:
    """A profile from the content of a profile file (``extends``, ``rule_params`` …), e.g. one
    given inline in a rule's test case."""
    parsed = _validated({"schema_version": 1, "id": "inline", **data}, Lines(), source)
    return _resolve(parsed, source)


def _resolve(data: ProfileFile, source: str) -> Profile:
    if data.extends:
        base = load_profile(data.extends)
    else:
        if data.scope not in SCOPES:
            zh, en = suggestion(str(data.scope), SCOPES)
            raise ProfileError(
                source,
                [
                    Problem(
                        f"没有 extends 时，scope 应为 {'、'.join(SCOPES)} 之一{zh}",
                        f"without extends, scope must be one of {', '.join(SCOPES)}{en}",
                        "scope",
                        value=data.scope,
                    )
                ],
            )
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
        notice={
            **base.notice,
            **(data.notice.model_dump(exclude_none=True) if data.notice else {}),
        },
    )
