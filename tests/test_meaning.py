"""Clauses and values: how a required item is recognised by what a document says
(paimai_docs/engine/meaning.py, rules/vocabulary.yaml)."""

from __future__ import annotations

import re

import pytest

from paimai_docs.engine.meaning import clauses, deferred, stated_in, vocabulary


def test_wrapped_lines_join_and_numbered_items_and_labels_split() -> None:
    text = (
        "第六条 交付\n买受人付清全部价款后十日内，甲方在标的存放地向买受人\n移交标的。\n"
        "交付方式:\n现场提取\n2. 保留价为120万元"
    )
    assert clauses(text) == [
        # a numbered heading over its text is the clause's label
        "第六条 交付:买受人付清全部价款后十日内，甲方在标的存放地向买受人移交标的。",
        "交付方式:现场提取",
        "2. 保留价为120万元",
    ]


def test_numbers_on_two_lines_never_run_together_and_a_date_line_stands_alone() -> None:
    text = "拍卖人:某某拍卖有限公司 电话:0371-65551234\n2026年12月8日\n特此公告"
    pieces = clauses(text)
    assert pieces[0].endswith("0371-65551234")
    assert "2026年12月8日" in pieces


@pytest.mark.parametrize(
    "date", ["2027-05-18", "2027.5.18", "2027年5月18日", "二〇二七年五月十八日"]
)
def test_a_date_line_stands_alone_but_a_wrapped_phone_number_joins_its_label(date: str) -> None:
    text = f"拍卖机构:某某拍卖有限责任公司(某市某路9号)\n0991-85326047\n{date}"
    assert clauses(text) == ["拍卖机构:某某拍卖有限责任公司(某市某路9号)0991-85326047", date]


def test_a_long_paragraph_is_cut_into_sentences() -> None:
    sentence = "甲方应当按照约定履行义务，不得擅自变更。"
    pieces = clauses(sentence * 20)
    assert len(pieces) == 20


@pytest.mark.parametrize(
    "text", ["待定", "另行通知", "另行书面通知", "由双方另行协商", "按行业惯例收取"]
)
def test_putting_off_is_not_stating(text: str) -> None:
    assert deferred(text)


@pytest.mark.parametrize(
    ("clause", "carries", "stated"),
    [
        ("买受人付清价款后五个工作日内在委托人仓库自提。", ["time", "method|place"], True),
        ("标的于2027-6-8交付", ["when"], True),
        ("交付联系人电话:0373-3036622", ["when"], False),  # a phone number is no day
        ("交付联系人电话:0373-3036622", ["moment"], False),
        ("標的物於買受人付清價款之日起三日內點交。", ["time"], False),  # not normalised here
        ("标的物于买受人付清价款之日起三日内点交。", ["time", "method|place"], True),
        ("标的交付事宜双方另行协商。", ["time"], False),
        ("交付时间:另行通知", ["time"], False),
    ],
)
def test_a_topic_with_the_values_it_carries(clause: str, carries: list[str], stated: bool) -> None:
    topic = vocabulary().topic("delivery")
    assert (stated_in([clause], [topic], carries) is not None) is stated


def test_a_value_belongs_to_the_topic_named_just_before_it() -> None:
    words = vocabulary()
    court = words.topic("court")
    line = ["河阳市中级人民法院司法拍卖监督电话:0373-2085500"]
    assert stated_in(line, [court], ["phone"], ["supervision"]) is None
    line = ["委托法院:河阳市中级人民法院 电话:0373-2085566;监督电话:0373-2085500"]
    assert stated_in(line, [court], ["phone"], ["supervision"]) is not None


def test_the_words_a_value_hangs_on_decide_whose_it_is() -> None:
    words = vocabulary()
    firm = words.topic("auctioneer")
    # a heading that names supervision does not make the firm's line supervision's
    lines = ["四、咨询与监督 某某拍卖有限公司:0318-5127733"]
    assert stated_in(lines, [firm], ["phone"], ["supervision", "court"]) is not None
    # "法院联系电话" is the court's, though 联系电话 is what a firm's line is called too
    contact = re.compile("联系电话")
    lines = ["委托法院:某某区人民法院,法院联系电话:0373-2085566"]
    assert stated_in(lines, [contact], ["phone"], ["court"]) is None
    lines = ["监督电话:0319-3180000 法院电话:0318-5129900"]
    assert stated_in(lines, [words.topic("court")], ["phone"], ["supervision"]) is not None


def test_label_lines_under_a_numbered_heading_are_read_with_it() -> None:
    text = (
        "二、拍卖时间及地点\n时间:2027年2月26日9时\n地点:交易中心三楼\n"
        "三、标的展示\n展示时间:2月22日至23日\n"
        "四、其他\n本次拍卖按现状进行。\n备注:无"
    )
    pieces = clauses(text)
    assert "二、拍卖时间及地点 时间:2027年2月26日9时" in pieces
    assert "二、拍卖时间及地点 地点:交易中心三楼" in pieces
    assert "三、标的展示 展示时间:2月22日至23日" in pieces
    assert "备注:无" in pieces  # prose came between: the heading's label lines had ended


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("拍卖时间：2027年3月1日10时", True),
        ("本公司定于2027年3月1日10时,假座河阳酒店宴会厅,举行拍卖会", True),
        ("展示及拍卖时间：2027年3月1日", True),
        ("报名截止时间：2027年2月27日17时,报名地点：本公司", False),
        ("标的于2027年2月25日至26日展示,展示后公开拍卖", False),
        ("公告期：2027年2月20日至27日,期满后拍卖", False),
        ("三、拍卖标的:轿车一辆,2015年12月初次登记", False),
        # a deadline is no time of the sale, and a clause under another's label is that one's
        ("竞买人须于拍卖会开始前一日17:00前办理登记", False),
        ("竞买保证金:80万元,须于拍卖日前一个工作日17:00前交至本公司账户", False),
        ("本公司定于2027年3月1日10:00在本公司拍卖厅公开拍卖", True),
    ],
)
def test_a_time_said_of_something_else_is_not_the_auctions(text: str, stated: bool) -> None:
    words = vocabulary()
    found = stated_in(
        [text], [words.topic("auction")], ["moment"],
        not_of=["registration", "exhibition", "deposit", "publicity"], of="auction_event",
    )  # fmt: skip
    assert (found is not None) is stated


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("本公司定于3月1日在河阳市公共资源交易中心三楼拍卖厅公开拍卖", True),
        ("公开拍卖被执行人名下位于河阳市红旗区胜利路16号的厂房", False),
        ("标的存放于河阳市牧野区仓库", False),
        ("展示地点:委托人厂区", False),
        # "于拍卖日前…向法院及本公司登记" is a deadline, not a place
        ("优先购买权人应于拍卖日前持有效证明向某区人民法院及本公司登记", False),
    ],
)
def test_a_place_said_of_something_else_is_not_the_auctions(text: str, stated: bool) -> None:
    words = vocabulary()
    found = stated_in(
        [text], [words.topic("auction_venue")], ["place|online"],
        not_of=["registration", "exhibition", "deposit", "lot_location"], of="auction_event",
    )  # fmt: skip
    assert (found is not None) is stated


def test_items_of_a_list_are_read_with_the_line_that_introduced_it() -> None:
    text = (
        "一、标的:某酒庄自产干红葡萄酒一批,明细如下:\n"
        "1.赤霞珠干红,2019年份,750ml/瓶,共420箱;\n"
        "2.蛇龙珠干红,2020年份,共310箱。\n"
        "二、保留价:整批38万元。\n"
        "1.本合同一式两份。\n"
    )
    pieces = clauses(text)
    assert (
        "一、标的:某酒庄自产干红葡萄酒一批,明细如下: 1.赤霞珠干红,2019年份,750ml/瓶,共420箱;"
        in pieces
    )
    assert "1.本合同一式两份。" in pieces  # not introduced: the line before introduces nothing


def test_a_table_whose_first_column_names_the_rows() -> None:
    text = (
        "| 项目 | 委托人 | 拍卖人 |\n| 名称 | 某某酒庄有限公司 | 某某拍卖有限公司 |\n"
        "| 住所 | 某市某路8号 | 某市某路166号 |"
    )
    pieces = clauses(text)
    assert "委托人住所:某市某路8号 | 拍卖人住所:某市某路166号" in pieces


def test_a_numbered_heading_with_an_english_gloss_is_still_a_heading() -> None:
    text = "三、拍卖日期及地点 Sale Date & Venue\n2027年6月5日下午2时，某市某某酒店三楼宴会厅。"
    (clause,) = clauses(text)
    assert clause.startswith("三、拍卖日期及地点:")
    assert "Sale" not in clause
