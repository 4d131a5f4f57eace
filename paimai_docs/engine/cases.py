"""Run a rule's passing and failing cases (the rule file's ``passing``/``failing`` lists): an
example from ``examples/`` with some values changed or removed, checked under a scope."""

from __future__ import annotations

import copy
from typing import Any

from ..resources import load_example
from .engine import check_data
from .findings import Finding
from .spec import Case, Rule


def _parts(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in path.split(".")]


def _set(data: Any, path: str, value: Any) -> None:
    *head, last = _parts(path)
    for part in head:
        data = data[part]
    data[last] = value


def _remove(data: Any, path: str) -> None:
    *head, last = _parts(path)
    for part in head:
        data = data[part]
    del data[last]


def case_data(case: Case) -> dict[str, Any]:
    """The example data with the case's changes applied."""
    data = copy.deepcopy(load_example(case.example))
    for path, value in case.set.items():
        _set(data, path, value)
    for path in case.remove:
        _remove(data, path)
    return data


def run_case(rule: Rule, case: Case) -> list[Finding]:
    """The findings of ``rule`` (and only of it) on the case."""
    scope = case.scope or (rule.scopes[0] if rule.scopes[0] != "ALL" else "COM")
    _model, findings = check_data(case.example, case_data(case), scope)
    return [f for f in findings if f.rule == rule.id]
