"""Required items recognised by meaning: many ways of stating (or not quite stating) each item.

``tests/cases/phrasing/<RULE-ID>.yaml`` holds a list of cases, each a short document fragment
``{name, kind, scope (optional), pages, missing}``; ``missing`` is exactly the set of item numbers
the rule must report for that text (``null`` for a rule without numbered items; ``[]``: the text
passes). A case may carry ``known_gap: <reason>`` for a phrasing the rule cannot yet read right:
it is expected to fail (strictly, so that a fix is noticed).

The rules' own explanations are tests too: for every ``required`` rule, ``explain.good`` read as a
document of the rule's first kind gives no finding of the rule, and ``explain.bad`` gives one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from paimai_docs.engine import load_rules
from paimai_docs.engine.cases import run_case
from paimai_docs.engine.spec import Case, CaseDocument, RequiredCheck, Rule

CASES_DIR = Path(__file__).parent / "cases" / "phrasing"
RULES = {rule.id: rule for rule in load_rules()}
_FIELDS = {"name", "kind", "scope", "pages", "missing", "known_gap"}


def _order(items: Any) -> list[int | None]:
    return sorted(items, key=lambda i: (i is None, i or 0))


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        rule_id = path.stem
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            marks = []
            if entry.get("known_gap"):
                marks.append(pytest.mark.xfail(reason=entry["known_gap"], strict=True))
            params.append(
                pytest.param(rule_id, entry, id=f"{rule_id}-{entry['name']}", marks=marks)
            )
    return params


PHRASINGS = _load()


def test_every_phrasing_file_names_a_rule() -> None:
    files = sorted(CASES_DIR.glob("*.yaml"))
    assert files
    for path in files:
        assert path.stem in RULES, f"{path.name}: no rule {path.stem}"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(entries, list) and entries, path.name
        names = [entry["name"] for entry in entries]
        assert len(names) == len(set(names)), f"{path.name}: case names repeat"
        for entry in entries:
            assert set(entry) <= _FIELDS, f"{path.name} {entry['name']}: {set(entry) - _FIELDS}"
            assert {"name", "kind", "pages", "missing"} <= set(entry), entry["name"]


@pytest.mark.parametrize(("rule_id", "entry"), PHRASINGS)
def test_phrasing(rule_id: str, entry: dict[str, Any]) -> None:
    rule = RULES[rule_id]
    case = Case(
        name=entry["name"],
        documents=[CaseDocument(kind=entry["kind"], pages=tuple(entry["pages"]))],
        scope=entry.get("scope"),
    )
    findings = run_case(rule, case)
    reported = _order(f.item for f in findings)
    assert reported == _order(entry["missing"]), [f.message for f in findings]


def _is_required(rule: Rule) -> bool:
    return isinstance(rule.check, RequiredCheck)


def _explain_case(rule: Rule, text: str) -> Case:
    scope = rule.scopes[0] if rule.scopes[0] != "ALL" else "COM"
    return Case(
        name=f"{rule.id} explain",
        documents=[CaseDocument(kind=rule.kinds[0], pages=(text,))],
        scope=scope,
    )


REQUIRED = [rule for rule in RULES.values() if _is_required(rule)]


@pytest.mark.parametrize("rule", REQUIRED, ids=lambda r: r.id)
def test_explain_good_passes(rule: Rule) -> None:
    findings = run_case(rule, _explain_case(rule, rule.explain.good))
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("rule", REQUIRED, ids=lambda r: r.id)
def test_explain_bad_fails(rule: Rule) -> None:
    findings = run_case(rule, _explain_case(rule, rule.explain.bad))
    assert findings, f"{rule.id}: explain.bad gives no finding"
