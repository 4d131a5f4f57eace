"""Document kinds from titles and content (reading/classify.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from paimai_docs.reading.classify import KINDS, Classification, classify

TEXTS = Path(__file__).parent / "fixtures" / "texts"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("委托拍卖合同", "entrustment_contract"),
        ("拍卖委托合同书", "entrustment_contract"),
        ("委托合同", "entrustment_contract"),
        ("委托拍卖协议", "entrustment_contract"),
        ("拍卖公告", "announcement"),
        ("拍卖会公告", "announcement"),
        ("竞买公告", "announcement"),
        ("司法拍卖公告", "announcement"),
        ("网络司法拍卖公告", "announcement"),
        ("变卖公告", "announcement"),
        ("河阳市公务车辆拍卖公告", "announcement"),
        ("项目名称:草包一批废旧资产转让公告", "announcement"),
        ("惠阳区人民法院关于拍卖被执行人名下房产的公告(一拍)", "announcement"),
        ("拍卖会前备案表", "pre_auction_filing"),
        ("拍卖活动事前备案表", "pre_auction_filing"),
        ("拍卖活动后期备案登记表", "post_auction_filing"),
        ("拍卖活动事后备案表", "post_auction_filing"),
        ("流拍报告", "failed_auction_report"),
        ("关于某某房产流拍的报告", "failed_auction_report"),
        ("成交报告", "completion_report"),
        ("拍卖成交情况报告", "completion_report"),
        ("拍卖成交确认书", "sale_confirmation"),
        ("成交确认书", "sale_confirmation"),
        ("竞价成功确认书", "sale_confirmation"),
        ("网络竞价成功确认书", "sale_confirmation"),
        ("拍卖笔录", "auction_transcript"),
        ("拍卖会现场记录", "auction_transcript"),
        ("竞买人登记表", "bidder_registration"),
        ("竞买登记表", "bidder_registration"),
        ("市直单位处置车辆交接书", "vehicle_handover"),
        ("车辆处置授权书", "vehicle_disposal_authorization"),
        ("交易结果公示", "result_publicity"),
        ("拍卖成交公示", "result_publicity"),
        ("成交结果公告", "result_publicity"),
        # notices about an announcement are not announcements: a near-miss kind of their own
        ("中止拍卖公告", "suspension_notice"),
        ("撤回拍卖公告", "suspension_notice"),
        ("更正公告", "suspension_notice"),
    ],
)
def test_titles(title: str, kind: str) -> None:
    result = classify([f"{title}\n\n正文第一段。"])
    assert result.kind == kind
    assert kind in KINDS
    if kind != "unknown":
        assert result.confidence >= 0.8
        assert result.title is not None
    else:
        assert result.confidence < 0.5


def test_title_may_follow_a_header() -> None:
    text = "河阳市宏达拍卖有限公司\n宏达拍〔2026〕第118号\n\n拍 卖 公 告\n\n受委托，我公司定于…"
    result = classify([text])
    assert (result.kind, result.title) == ("announcement", "拍卖公告")


def test_a_line_ending_in_a_kind_name_is_not_a_title_when_it_is_a_list() -> None:
    text = "拍品所有人:为罗兴明\n提供的文件:1、法院裁定书;2、协助执行通知书;3、拍卖成交确认书\n"
    assert classify([text]).kind == "unknown"


def test_unpacks_like_a_tuple() -> None:
    kind, confidence, title = classify(["流拍报告\n"])
    assert (kind, title) == ("failed_auction_report", "流拍报告")
    assert 0 < confidence <= 1
    assert isinstance(classify(["流拍报告"]), Classification)


@pytest.mark.parametrize("pages", [[], [""], ["   \n\n"], ["一些无关的文字。"]])
def test_nothing_decisive_is_unknown(pages: list[str]) -> None:
    result = classify(pages)
    assert result.kind == "unknown"
    assert result.confidence <= 0.2
    assert result.variant is None


def test_bidder_side_platform_agreement_is_not_a_contract() -> None:
    text = (
        "竞价服务协议\n一、竞买人须具有完全民事行为能力。\n二、竞买人交付保证金后取得竞买资格。\n"
        "三、委托人及我公司不承担瑕疵担保责任。\n四、起拍价、保留价、竞价时间由我公司确定。"
    )
    result = classify([text])
    assert result.kind == "unknown"
    assert result.title == "竞价服务协议"


def test_contract_from_content_when_the_title_is_unusual() -> None:
    text = (
        "用户托管协议\n第一条 委托人委托拍卖物品。\n第二条 委托拍卖的物品由拍卖人保管。\n"
        "第三条 委托人按成交价的10%向拍卖人支付佣金。\n第四条 本协议自勾选之日起生效。"
    )
    result = classify([text])
    assert result.kind == "entrustment_contract"
    assert 0.5 <= result.confidence < 0.8


def test_announcement_from_content_without_a_title() -> None:
    text = (
        "受委托，我公司定于2026年11月22日上午10时公开拍卖下列标的，现公告如下：\n"
        "起拍价：10万元；竞买保证金：1万元；展示时间：11月18日至20日。"
    )
    result = classify([text])
    assert result.kind == "announcement"
    assert result.confidence <= 0.65


def test_filing_without_pre_or_post_is_decided_by_content() -> None:
    post = classify(["拍卖活动备案表\n拍卖结果：流拍\n成交确认书复印件：无"])
    pre = classify(["拍卖活动备案表\n拍卖师：李拍\n公告发布日期：2026年12月8日"])
    assert post.kind == "post_auction_filing"
    assert pre.kind == "pre_auction_filing"
    assert classify(["备案表\n其他内容"]).kind == "unknown"


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        (
            "河阳市红旗区人民法院\n网络司法拍卖公告\n本院将于…在京东网络司法拍卖平台进行",
            "net_judicial",
        ),
        (
            "司法拍卖公告\n受河阳市红旗区人民法院委托，我公司定于…在本公司拍卖厅举行拍卖会",
            "judicial",
        ),
        ("苏D-19039帕萨特牌轿车转让公告\n", "vehicle"),
        ("常州产权交易所\n项目名称:房产转让公告\n挂牌起始日期:2017年6月30日", "state_asset"),
        (
            "拍卖公告\n受委托，我公司定于…在本公司拍卖厅公开拍卖字画。\n河阳市宏达拍卖有限公司",
            "social",
        ),
    ],
)
def test_announcement_variants(text: str, variant: str) -> None:
    result = classify([text])
    assert result.kind == "announcement"
    assert result.variant == variant


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("traditional_announcement.txt", "announcement"),
        ("wps_export_announcement.txt", "announcement"),
        ("entrustment_contract.txt", "entrustment_contract"),
        ("sale_confirmation.txt", "sale_confirmation"),
        ("failed_auction_report.txt", "failed_auction_report"),
        ("pre_auction_filing.txt", "pre_auction_filing"),
        ("wrapped_pdf_announcement.txt", "announcement"),
        ("net_sale_confirmation.txt", "sale_confirmation"),
        ("contract_signed_side_by_side.txt", "entrustment_contract"),
    ],
)
def test_fixtures(name: str, kind: str) -> None:
    result = classify([(TEXTS / name).read_text(encoding="utf-8")])
    assert result.kind == kind
    assert result.confidence >= 0.9


def test_kind_is_read_from_the_first_page_with_text() -> None:
    result = classify(["", "拍卖成交确认书\n买受人：王小明"])
    assert result.kind == "sale_confirmation"
