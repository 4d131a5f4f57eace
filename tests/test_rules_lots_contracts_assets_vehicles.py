"""The lot, contract, state-asset and vehicle rules (families LOT, CONTRACT, SOA, VEH, AUTH) added
for issue 15: each rule's own explanation is a test. ``explain.bad``, read as a document of the
rule's first kind, gives a finding of the rule; ``explain.good`` gives none — except a prompt
that every document of the kind carries (a manual check without a condition), which appears on
both. A rule that compares two documents is given the other one (``COMPANIONS``)."""

from __future__ import annotations

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.engine.cases import run_case
from paimai_docs.engine.spec import Case, CaseDocument, ManualCheck, Rule

IDS = (
    *(f"LOT-{n:02d}" for n in range(1, 12)),
    *(f"CONTRACT-{n}" for n in (12, 13, 14, 16, 18)),
    *(f"SOA-{n:02d}" for n in (2, 3, 5, 6, 7)),
    *(f"VEH-{n:02d}" for n in (1, 4, 6, 9, 10, 11, 13)),
    "AUTH-05",
)

RULES = {rule.id: rule for rule in load_rules()}
MINE = [RULES[rule_id] for rule_id in IDS]

# Documents that a rule compares the explained one with (the other side of the comparison).
COMPANIONS: dict[str, tuple[CaseDocument, ...]] = {
    "CONTRACT-14": (
        CaseDocument(
            file="合同.pdf",
            kind="entrustment_contract",
            pages=(
                "委托拍卖合同\n委托人：河阳市恒信机械制造有限公司\n1号标的保留价：80,000元；保留价保密：是",
            ),
        ),
    ),
}


def _case(rule: Rule, text: str) -> Case:
    scope = rule.scopes[0] if rule.scopes[0] != "ALL" else "COM"
    # a bundle rule reads the explained text as the document it names next, else as a paper of
    # no particular kind
    kinds = [k for k in rule.kinds if k != "bundle"]
    kind = kinds[0] if kinds else "unknown"
    documents = (CaseDocument(file="explain.pdf", kind=kind, pages=(text,)),)
    return Case(
        name=f"{rule.id} explain", documents=documents + COMPANIONS.get(rule.id, ()), scope=scope
    )


def _manual(rule: Rule) -> list[ManualCheck]:
    checks = getattr(rule.check, "checks", None) or (rule.check,)
    return [check for check in checks if isinstance(check, ManualCheck)]


def _always_prompts(rule: Rule) -> bool:
    """A prompt that every document of the rule's kind carries."""
    return bool(_manual(rule)) and rule.when is None


def test_the_rules_exist_and_carry_the_catalogue_confidence() -> None:
    for rule in MINE:
        assert rule.title_en and rule.message_en, rule.id
        assert rule.confidence in ("verified", "verified (src doc)", "memory"), rule.id
        if isinstance(rule.check, ManualCheck):
            assert rule.severity == "info" and rule.needs_review, rule.id
    assert len(MINE) == len(set(IDS))


@pytest.mark.parametrize("rule", MINE, ids=lambda r: r.id)
def test_explain_bad_is_found(rule: Rule) -> None:
    findings = run_case(rule, _case(rule, rule.explain.bad))
    assert findings, f"{rule.id}: explain.bad gives no finding"


@pytest.mark.parametrize("rule", MINE, ids=lambda r: r.id)
def test_explain_good_passes(rule: Rule) -> None:
    findings = run_case(rule, _case(rule, rule.explain.good))
    if _always_prompts(rule):
        prompts = {check.prompt for check in _manual(rule)}
        assert [f.message for f in findings] == sorted(prompts), [f.message for f in findings]
        assert all(f.needs_review and f.item is None for f in findings)
    else:
        assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("rule", MINE, ids=lambda r: r.id)
def test_a_prompt_is_not_raised_on_another_kind(rule: Rule) -> None:
    """A prompt appears on the document that evidences it, not on an unrelated one."""
    if not _manual(rule):
        pytest.skip("not a prompt")
    other = "bidder_registration" if "bidder_registration" not in rule.kinds else "result_publicity"
    scope = rule.scopes[0] if rule.scopes[0] != "ALL" else "COM"
    case = Case(
        name=f"{rule.id} other kind",
        documents=(CaseDocument(kind=other, pages=(rule.explain.bad,)),),
        scope=scope,
    )
    assert run_case(rule, case) == []
