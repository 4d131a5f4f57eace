"""Every rule: a citation, a full explanation, and passing and failing cases that behave."""

from __future__ import annotations

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.engine.cases import run_case

RULES = load_rules()
CASES = [
    pytest.param(rule, case, passing, id=f"{rule.id}-{'pass' if passing else 'fail'}-{case.name}")
    for rule in RULES
    for passing, cases in ((True, rule.passing), (False, rule.failing))
    for case in cases
]


def test_rule_ids_are_unique_and_named() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.basis.strip() and rule.basis != "—"
    explanation = rule.explain
    for section in ("what", "why", "fix", "bad", "good"):
        assert getattr(explanation, section).strip(), f"{rule.id} lacks {section}"
    assert any(case.expect for case in rule.failing), (
        f"{rule.id}: a failing case must expect findings"
    )


@pytest.mark.parametrize(("rule", "case", "passing"), CASES)
def test_case(rule, case, passing) -> None:  # type: ignore[no-untyped-def]
    findings = run_case(rule, case)
    items = sorted((f.item for f in findings), key=lambda i: (i is None, i or 0))
    expected = sorted(case.expect, key=lambda i: (i is None, i or 0))
    assert items == expected, [f.message for f in findings]
