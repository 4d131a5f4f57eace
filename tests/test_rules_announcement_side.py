"""The announcement-side rules added for issue 15 (families ANN, PRICE, DEP, NOTICE, COMM, JUD).

Their own explanations are tests: ``explain.bad`` read as a document of the rule's first kind gives
a finding of the rule and ``explain.good`` gives none (for a prompt to a person, a manual check:
the prompt appears on a document of that kind). A prompt is attached to the kind of document that
evidences it, so checking an unrelated document alone never shows it. A few hooks are also tried
directly on texts where a careless comparison would report a false error.
"""

from __future__ import annotations

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.engine.cases import run_case
from paimai_docs.engine.spec import Case, CaseDocument, ManualCheck, Rule

IDS = (
    # announcements and exhibition
    "ANN-04", "ANN-07", "ANN-09", "ANN-J02", "ANN-J05", "ANN-J06", "ANN-N03", "ANN-N04",
    "ANN-N05", "ANN-S02", "ANN-S03", "ANN-S04", "ANN-S05", "ANN-E02", "ANN-E03", "ANN-E04",
    "ANN-E05",
    # prices
    "PRICE-01", "PRICE-02", "PRICE-J03", "PRICE-J04", "PRICE-J05", "PRICE-N03", "PRICE-R01",
    "PRICE-R02", "PRICE-R03", "PRICE-E01", "PRICE-E02",
    # deposits, notices, commission, the firm's judicial workflow
    "DEP-N03", "DEP-S01", "DEP-V01", "DEP-C01", "DEP-C02",
    "NOTICE-C01", "NOTICE-J03", "NOTICE-N02",
    "COMM-03", "COMM-04", "COMM-N01",
    "JUD-03", "JUD-04",
)  # fmt: skip

RULES = {rule.id: rule for rule in load_rules()}
MINE = [RULES[rule_id] for rule_id in IDS]


def _scope(rule: Rule) -> str:
    return rule.scopes[0] if rule.scopes[0] != "ALL" else "COM"


def _read(rule: Rule, text: str, kind: str | None = None, scope: str | None = None) -> Case:
    return Case(
        name=f"{rule.id} text",
        documents=[CaseDocument(kind=kind or rule.kinds[0], pages=(text,))],
        scope=scope or _scope(rule),
    )


def _is_prompt(rule: Rule) -> bool:
    return isinstance(rule.check, ManualCheck)


def test_every_rule_is_loaded_with_its_catalogue_fields() -> None:
    for rule in MINE:
        assert rule.title and rule.title_en and rule.basis and rule.confidence
        assert rule.message and rule.message_en
        assert any(case.documents for case in rule.failing), f"{rule.id}: no document case"
        assert any(case.documents for case in rule.passing) or _is_prompt(rule), rule.id


@pytest.mark.parametrize("rule", MINE, ids=lambda r: r.id)
def test_explain_bad_gives_a_finding(rule: Rule) -> None:
    findings = run_case(rule, _read(rule, rule.explain.bad))
    assert findings, f"{rule.id}: explain.bad gives no finding"


@pytest.mark.parametrize("rule", [r for r in MINE if not _is_prompt(r)], ids=lambda r: r.id)
def test_explain_good_gives_none(rule: Rule) -> None:
    findings = run_case(rule, _read(rule, rule.explain.good))
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("rule", [r for r in MINE if _is_prompt(r)], ids=lambda r: r.id)
def test_a_prompt_is_info_and_needs_a_person(rule: Rule) -> None:
    (finding,) = run_case(rule, _read(rule, rule.explain.bad))
    assert finding.severity.value == "info" and finding.needs_review
    assert finding.item is None


@pytest.mark.parametrize("scope", ["COM", "JUD-OFF", "JUD-NET", "SOA-ADM", "SOA-ENT", "VEH"])
def test_no_prompt_on_an_unrelated_document(scope: str) -> None:
    """An entrustment contract checked alone shows none of these prompts: each is attached to
    the announcement, the transcript, the registration form or the result publicity."""
    from paimai_docs.engine import check_documents
    from paimai_docs.engine.cases import case_documents

    text = (
        "委托拍卖合同\n委托人：河阳市恒信机械制造有限公司\n拍卖人：河阳市宏达拍卖有限公司\n"
        "拍卖标的：数控车床两台\n拍卖时间：2026年12月18日10时\n"
        "委托人支付佣金比例：成交价的3%\n买受人支付佣金比例：成交价的5%"
    )
    case = Case(
        name="contract", documents=[CaseDocument(kind="entrustment_contract", pages=(text,))]
    )
    findings = check_documents(case_documents(case), scope)
    prompts = {rule.id for rule in MINE if _is_prompt(rule)}
    assert not [f.rule for f in findings if f.rule in prompts]


# --------------------------------------------------------------------------------------------
# Hooks where a careless comparison would report a false error


def test_price_below_reserve_needs_one_lot_and_a_sale() -> None:
    rule = RULES["PRICE-01"]
    two_lots = (
        "拍卖笔录\n标的1：叉车，保留价：人民币10万元，成交价：人民币12万元\n"
        "标的2：铣床，保留价：人民币3万元，成交价：人民币3.2万元\n拍卖结果：成交"
    )
    assert run_case(rule, _read(rule, two_lots)) == []
    unsold = "拍卖笔录\n保留价：人民币10万元\n最高应价：人民币9万元\n拍卖结果：流拍"
    assert run_case(rule, _read(rule, unsold)) == []
    declared = "拍賣筆錄\n有無保留價：無；無保留價已說明：是\n拍賣結果：成交"
    assert run_case(rule, _read(rule, declared)) == []


def test_commission_rate_and_amount_agreeing_within_a_yuan_pass() -> None:
    rule = RULES["COMM-03"]
    text = "拍卖成交确认书\n成交价：人民币33333元\n佣金比例：3%\n佣金：人民币1000元"
    assert run_case(rule, _read(rule, text)) == []


def test_a_judicial_contract_charging_only_the_buyer_is_no_waiver() -> None:
    rule = RULES["COMM-04"]
    text = (
        "委托拍卖合同\n委托人：河阳市红旗区人民法院\n委托人支付佣金比例：成交价的0%\n"
        "买受人支付佣金比例：成交价的5%"
    )
    assert run_case(rule, _read(rule, text, scope="JUD-OFF")) == []


def test_asset_transfer_period_below_the_first_band_is_not_judged() -> None:
    rule = RULES["ANN-E04"]
    text = (
        "资产转让公告\n转让底价：人民币60万元\n拍卖时间：2026年11月13日10时\n"
        "公告发布日期：2026年11月12日"
    )
    assert run_case(rule, _read(rule, text)) == []


def test_report_copies_in_chinese_numerals() -> None:
    rule = RULES["JUD-03"]
    short = "流拍报告\n河阳市红旗区人民法院：\n本报告正本一份，副本两份。"
    assert [f.item for f in run_case(rule, _read(rule, short))] == [2]
    enough = "流拍报告\n河阳市红旗区人民法院：\n本报告正本一份，副本三份。"
    assert run_case(rule, _read(rule, enough)) == []


def test_online_reminders_are_read_across_wrapped_lines() -> None:
    """A PDF wraps lines anywhere, even inside a word: the items are read on joined clauses."""
    rule = RULES["ANN-N04"]
    wrapped = (
        "网络司法拍卖公告\n本院将于2027年1月5日10时在人民法院诉讼资产网拍卖住宅一套。\n"
        "特别提示：竞买人应当具备完全民事行为能\n力；委托他人代为竞买的，须在竞价前经本院确\n"
        "认；标的已被查封；以实物现状为准，可申请实地看\n样；竞买人一经报名即视为对标的完全了\n"
        "解并接受一切瑕疵；成交确认书载明买受人真实身\n份并在平台公示；买受人悔拍的，已交纳的保证金不\n"
        "予退还。"
    )
    assert run_case(rule, _read(rule, wrapped)) == []
