"""The rules of the sale and after it (families CONDUCT, REC, POST, RPT, FILE): each rule's own
explanation is a test. ``explain.bad`` read as a document of the rule's first kind gives a
finding of the rule (for a prompt: the prompt appears); ``explain.good`` gives none, or only the
prompt that every such document gets."""

from __future__ import annotations

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.engine.cases import run_case
from paimai_docs.engine.findings import Finding
from paimai_docs.engine.spec import Case, CaseDocument, Rule

IDS = (
    [f"CONDUCT-{n:02d}" for n in range(1, 20)]
    + ["REC-02", "REC-03", "REC-04", "REC-07", "RPT-07"]
    + ["POST-01", "POST-02", "POST-03", "POST-04", "POST-05", "POST-C01", "POST-E01", "POST-E02"]
    + [f"POST-J0{n}" for n in range(1, 8)]
    + ["FILE-06", "FILE-07", "FILE-08", "FILE-09", "FILE-10", "FILE-11", "FILE-14"]
)
RULES = {rule.id: rule for rule in load_rules()}

# A rule that compares a document with another one of the bundle reads its explanation beside
# the other document.
COMPANIONS = {
    "CONDUCT-18": CaseDocument(
        file="公告.pdf",
        kind="announcement",
        pages=("国有资产处置拍卖公告\n本公司定于2026年10月13日9时30分在河阳市公共资源交易中心"
               "公开拍卖下列资产。\n河阳市宏达拍卖有限公司\n2026年9月28日",),
    )
}  # fmt: skip


def _checks(rule: Rule) -> tuple[object, ...]:
    return getattr(rule.check, "checks", None) or (rule.check,)


def _is_prompt(rule: Rule, finding: Finding) -> bool:
    manual = any(getattr(check, "type", "") == "manual" for check in _checks(rule))
    return manual and finding.item is None and finding.needs_review


def _explain(rule: Rule, text: str) -> list[Finding]:
    scope = rule.scopes[0] if rule.scopes[0] != "ALL" else "COM"
    documents = [CaseDocument(file="explain.pdf", kind=rule.kinds[0], pages=(text,))]
    if rule.id in COMPANIONS:
        documents.insert(0, COMPANIONS[rule.id])
    case = Case(name=f"{rule.id} explain", documents=tuple(documents), scope=scope)
    return [f for f in run_case(rule, case) if f.rule == rule.id]


def test_every_rule_of_the_families_is_here() -> None:
    families = ("CONDUCT-", "REC-", "POST-", "RPT-", "FILE-")
    planner = {"REC-01", "REC-05", "RPT-01", "RPT-02", "RPT-03"}
    older = {"FILE-01", "FILE-02", "FILE-03", "FILE-04", "FILE-05", "FILE-12", "FILE-13",
             "POST-S01"}  # fmt: skip
    mine = {rid for rid in RULES if rid.startswith(families)} - planner - older
    assert mine == set(IDS)


@pytest.mark.parametrize("rule_id", IDS)
def test_explain_bad_is_reported(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert _explain(rule, rule.explain.bad), f"{rule_id}: explain.bad gives no finding"


@pytest.mark.parametrize("rule_id", IDS)
def test_explain_good_passes(rule_id: str) -> None:
    rule = RULES[rule_id]
    found = [f for f in _explain(rule, rule.explain.good) if not _is_prompt(rule, f)]
    assert not found, [f.message for f in found]


@pytest.mark.parametrize("rule_id", IDS)
def test_new_rules_are_complete(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule.title_en and rule.message_en and rule.basis
    # document-path cases, passing and failing
    assert any(case.documents for case in rule.failing), f"{rule_id}: no failing document case"
    assert any(case.documents or case.expect for case in rule.passing) or rule.passing
    # a prompt for a person is info and says it needs review
    if all(getattr(check, "type", "") == "manual" for check in _checks(rule)):
        assert rule.severity == "info" and rule.needs_review


def test_a_prompt_attached_to_the_transcript_does_not_appear_on_a_contract() -> None:
    rule = RULES["CONDUCT-10"]
    case = Case(
        name="contract",
        documents=(
            CaseDocument(kind="entrustment_contract", pages=("委托拍卖合同\n委托人：张三",)),
        ),
    )
    assert run_case(rule, case) == []


def test_staff_arrival_lead_is_a_profile_parameter() -> None:
    rule = RULES["CONDUCT-14"]
    text = "拍卖会现场笔录\n拍卖时间：2026年9月8日9时30分\n工作人员到场时间：9:00"
    documents = (CaseDocument(kind="auction_transcript", pages=(text,)),)
    strict = Case(name="60", documents=documents, scope="JUD-OFF")
    assert run_case(rule, strict)
    lenient = Case(
        name="30",
        documents=documents,
        profile={"extends": "JUD-OFF", "rule_params": {"CONDUCT-14": {"lead_minutes": 30}}},
    )
    assert run_case(rule, lenient) == []
