"""Facts of the sale itself and of the papers around it: the auction transcript (拍卖笔录), the
filing forms, the sale confirmation and the reports after the sale.

Names follow the model fields of :mod:`paimai_docs.models.auction_transcript` and its siblings
(``auctioneer_cert_no``, ``rules_announced``, ``result`` …); facts no model has are labelled in
``rules/facts.yaml`` (``bidder_count``, ``payment_date`` …). Yes/no facts are read from a label
and the answer after it (``已宣布拍卖规则和注意事项：是``), also where a PDF broke the label over
two lines (the lines are read joined), or from a plain sentence (``拍卖师宣读了拍卖规则``).

Every pattern is anchored on a label or a verb that only these papers use, so the module costs
little on other documents: it looks for its few cue words first and returns at once without them.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import rx
from .dates import chinese_number, find_dates
from .facts_base import _Doc, _Facts

__all__ = ["transcript_facts"]

# Cue words: without one of them the document has none of these facts.
_CUES = rx.compile(
    r"拍卖师|记录人|记录员|书记员|拍卖规则|委托竞买|拍卖结果|竞价结果|成交|流拍|落槌|落锤|号牌|签名|"
    r"竞买人数|登记人数|报名人数|结束时间|全国拍卖|联数|一式|正本|副本|到场|到达|业务会议|"
    r"保管|保存|付款|缴款|交款|到账|付清|缴清|裁定|中止|终止|保留价"
)

_YES = r"(?:是|有|已|已签名|已签字|已签|已说明|已宣布|已宣读|已备案|已登记|√|✓|☑|■|Y|YES|yes)"
_NO = r"(?:否|无|未|没有|未签名|未签字|未说明|未宣布|未备案|×|✗|☐|□|N|NO|no)"
_ANSWER = rx.compile(rf"\s*[:：]?\s*(?:(?P<no>{_NO})|(?P<yes>{_YES}))")


def _joined(doc: _Doc) -> tuple[str, list[int]]:
    """``doc.text`` without its line breaks, and for each character its index in ``doc.text``
    (a label a PDF broke over two lines, ``已宣布拍卖规则和注意事\\n项\\n是``, reads whole)."""
    kept = [i for i, ch in enumerate(doc.text) if ch != "\n"]
    return doc.text.replace("\n", ""), kept


def _yes_no(doc: _Doc, facts: _Facts, joined: str, where: list[int], name: str, label: str) -> None:
    """``name`` [bool] from ``label`` followed by a yes or a no."""
    for match in re.finditer(label, joined):
        answer = _ANSWER.match(joined, match.end())
        if answer is None:
            continue
        value = answer.group("yes") is not None
        start, end = where[match.start()], where[max(match.start(), answer.end() - 1)] + 1
        facts.add(name, value, start, end, match.group(0))
        return


def _dated(text: str, start: int) -> dt.date | dt.datetime | None:
    hits = find_dates(text[start : start + 40])
    if hits and hits[0].start <= 6:
        return hits[0].value
    return None


def _labelled_dates(doc: _Doc, facts: _Facts, name: str, label: str) -> None:
    for match in re.finditer(label, doc.text):
        value = _dated(doc.text, match.end())
        if value is not None:
            facts.add(name, value, match.start(), match.end() + 20, match.group(0))


_COUNT = r"(?P<n>\d{1,4}|[一二两三四五六七八九十百]{1,4})"


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return chinese_number(text.replace("两", "二"))


# --------------------------------------------------------------------------------------------
# The auctioneer, the recorder and the rules announced

_CERT_LABEL = (
    r"(?:拍卖师)?(?:执业|资格|注册)(?:证书?|资格证书?)(?:号码|编号|号)"
    r"|拍卖师证(?:书)?(?:号码|编号|号)"
)
_CERT = rx.compile(rf"(?:{_CERT_LABEL})\s*[:：]?\s*(?P<no>[A-Za-z]{{0,4}}-?\d[\dA-Za-z\-]{{3,19}})")
_NAME_AFTER = r"\s*[:：]?\s*(?P<name>[\u4e00-\u9fff]{2,4})(?=$|[\s,;。(（、]|拍卖师|记录|\d)"
_LINE_START = r"(?:^|(?<=[\s,;。:(]))"
_AUCTIONEER = rx.compile(
    rf"{_LINE_START}(?:主槌拍卖师|主持拍卖师|拍卖师姓名|拍卖师)(?!资格|资质|执业|证|签|\(){_NAME_AFTER}",
    re.MULTILINE,
)
_RECORDER = rx.compile(
    rf"{_LINE_START}(?:记录人|记录员|书记员)(?!签|\(){_NAME_AFTER}", re.MULTILINE
)
# words that follow the label in prose, not a person's name
_NOT_NAMES = rx.compile(
    r"签|盖章|姓名|宣|主持|落槌|记录|应|须|资|证|的|在|对|由|和|及|将|已|未"
    r"|报价|叫价|询问|次|再|随即|当场|开始|确认|敲"
)

_RULES_LABEL = r"(?:是否)?已?宣布(?:了)?拍卖规则(?:和|及|与|、)?(?:注意事项)?"
_RULES_SAID = rx.compile(
    r"(?P<neg>未|没有|并未)?(?:宣布|宣读|介绍|讲解|说明|告知)(?:了)?(?:本场|本次)?"
    r"(?:拍卖规则|竞买规则|拍卖须知|竞买须知|注意事项)"
)
_SEAT_LABEL = r"(?:是否)?委托竞买席(?:已|是否)?(?:向全体竞买人)?(?:作出)?说明"


def _people(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    for match in _CERT.finditer(text):
        facts.add("auctioneer_cert_no", match.group("no"), match.start(), match.end(), "执业证号")
    for pattern, name in ((_AUCTIONEER, "auctioneer_name"), (_RECORDER, "recorder_name")):
        for match in pattern.finditer(text):
            if not _NOT_NAMES.search(match.group("name")):
                facts.add(name, match.group("name"), match.start(), match.end(), name)


def _announced(doc: _Doc, facts: _Facts, joined: str, where: list[int]) -> None:
    _yes_no(doc, facts, joined, where, "rules_announced", _RULES_LABEL)
    if facts.first("rules_announced") is None:
        for match in _RULES_SAID.finditer(doc.text):
            value = match.group("neg") is None
            facts.add("rules_announced", value, match.start(), match.end(), "拍卖规则")
            break
    _yes_no(doc, facts, joined, where, "commission_seat_announced", _SEAT_LABEL)


# --------------------------------------------------------------------------------------------
# Each lot's result, the hammer, the buyer's number, the signatures

_RESULT = rx.compile(
    r"(?:拍卖结果|竞价结果|结果)\s*[:：]?\s*(?P<value>部分成交|成交|流拍|无人应价|无人出价|无人竞价|"
    r"未达(?:到)?保留价(?:停止)?|撤回|中止|终止)"
)
_RESULTS = {
    "成交": "sold", "部分成交": "partly_sold", "流拍": "failed", "无人应价": "no_bids",
    "无人出价": "no_bids", "无人竞价": "no_bids", "撤回": "withdrawn", "中止": "suspended",
    "终止": "terminated",
}  # fmt: skip
_SOLD_SAID = rx.compile(
    r"落槌成交|落锤成交|拍卖成交|(?<!无人)(?<!未能)(?<!没有)(?:以|出价)[^。\n]{1,30}(?:竞得|拍得|买定)"
)
_HAMMER_TIME = rx.compile(r"(?:落槌|落锤|成交)时间\s*[:：]?")
_BUYER_NO = rx.compile(
    r"(?:买受人|成交|竞得人?|竞得者)(?:竞买)?号(?:牌|码)?\s*[:：]?\s*(?:为)?(?P<no>[A-Za-z]?\d{1,6})(?!\d)"
)
_SIGNED = (
    ("auctioneer_signed", r"拍卖师(?:签名|签字)"),
    ("recorder_signed", r"(?:记录人|记录员|书记员)(?:签名|签字)"),
    ("buyer_signed", r"(?:买受人|竞得人)(?:签名|签字)"),
)


def _results(doc: _Doc, facts: _Facts, kind: str) -> None:
    name = "outcome" if kind in ("post_auction_filing", "pre_auction_filing") else "result"
    text = doc.text
    for match in _RESULT.finditer(text):
        word = match.group("value")
        value = "below_reserve" if word.startswith("未达") else _RESULTS[word]
        if name == "result" and value == "partly_sold":
            continue
        facts.add(name, value, match.start(), match.end(), "拍卖结果")
    if kind == "auction_transcript" and facts.first("result") is None:
        for match in _SOLD_SAID.finditer(text):
            facts.add("result", "sold", match.start(), match.end(), "成交", rank=2)
            break
    for match in _HAMMER_TIME.finditer(text):
        hammer = _dated(text, match.end())
        if isinstance(hammer, dt.datetime):
            facts.add("hammer_time", hammer, match.start(), match.end() + 18, "落槌时间")
    for match in _BUYER_NO.finditer(text):
        facts.add("buyer_bidder_no", match.group("no"), match.start(), match.end(), "买受人号牌")


def _signatures(doc: _Doc, facts: _Facts, joined: str, where: list[int]) -> None:
    for name, label in _SIGNED:
        _yes_no(doc, facts, joined, where, name, label)


# --------------------------------------------------------------------------------------------
# Counts: bidders, parts of the confirmation, originals and copies of a report

_BIDDERS = rx.compile(
    r"(?:竞买人数|登记人数|报名人数|到场竞买人数|参加竞买人数|竞买人共|共有竞买人|竞买登记人数)"
    rf"\s*[:：]?\s*(?:为|有|计)?\s*{_COUNT}\s*(?:人|名|位|户|家|个)?"
)
_PARTS = rx.compile(rf"(?:联数\s*[:：]?\s*|一式\s*){_COUNT}\s*联")
_ORIGINALS = rx.compile(rf"正本\s*(?:份数)?\s*[:：]?\s*{_COUNT}\s*份")
_COPIES = rx.compile(rf"副本\s*(?:份数)?\s*[:：]?\s*{_COUNT}\s*份")


def _counts(doc: _Doc, facts: _Facts, kind: str) -> None:
    text = doc.text
    patterns: list[tuple[str, re.Pattern[str]]] = [("bidder_count", _BIDDERS)]
    if kind == "sale_confirmation":
        patterns.append(("parts", _PARTS))
    if kind in ("completion_report", "failed_auction_report"):
        patterns += [("original_count", _ORIGINALS), ("copy_count", _COPIES)]
    for name, pattern in patterns:
        for match in pattern.finditer(text):
            value = _number(match.group("n"))
            if value is not None:
                facts.add(name, value, match.start(), match.end(), name)


# --------------------------------------------------------------------------------------------
# Filing: the national auction-industry system

_MOFCOM_LABEL = (
    r"(?:是否)?(?:已在)?全国拍卖(?:行业)?(?:管理)?(?:信息)?系统"
    r"(?:中)?(?:已)?(?:备案|登记|录入|报送)"
)
_MOFCOM_SAID = rx.compile(
    r"(?P<neg>未|尚未|没有)?(?:在|通过|于)全国拍卖(?:行业)?(?:管理)?(?:信息)?系统(?:中)?"
    r"(?:完成|办理|进行)?(?:了)?(?:备案|登记|录入|报送)"
)


def _mofcom(doc: _Doc, facts: _Facts, joined: str, where: list[int]) -> None:
    _yes_no(doc, facts, joined, where, "mofcom_session_registered", _MOFCOM_LABEL)
    if facts.first("mofcom_session_registered") is None:
        for match in _MOFCOM_SAID.finditer(doc.text):
            value = match.group("neg") is None
            label = "全国拍卖系统"
            facts.add("mofcom_session_registered", value, match.start(), match.end(), label)
            break


# --------------------------------------------------------------------------------------------
# Times and dates of the sale and after it

_END = r"拍卖(?:会)?结束(?:时间|日期)|闭槌时间|散场时间"
_ARRIVAL = rx.compile(
    r"(?:工作人员|拍卖机构人员|拍卖公司人员|本公司人员|人员)(?:于|在)?(?:到场|到达现场|到达|签到)(?:时间)?"
    r"\s*[:：]?|(?:到场|到达现场|签到)时间\s*[:：]?"
)
# "工作人员于14:10到场": the time between the people and their arrival
_ARRIVED_AT = rx.compile(
    r"(?:工作人员|拍卖机构人员|拍卖公司人员|本公司人员)(?:已)?(?:于|在)\s*(?P<when>[^。\n,;]{3,22}?)\s*"
    r"(?:到场|到达|抵达|签到)"
)
_CLOCK = rx.compile(r"(?P<h>[0-2]?\d)\s*(?:[:：]|时|点)\s*(?P<m>[0-5]\d)?")
_MEETING = r"(?:拍卖前|会前)?业务会议(?:召开)?(?:时间|日期)?\s*[:：]?\s*(?:于)?"
_PAYMENT = (
    r"(?:付款|缴款|交款|到账|价款(?:交付|交纳|缴纳|付清|到账)|付清|缴清|全款到账|成交价款交纳)"
    r"(?:日期|时间)"
)
_PAID_SAID = rx.compile(
    r"(?:买受人|竞得人)?(?:已)?于(?P<date>[^。\n,;]{6,24}?)(?:付清|缴清|交清|结清|支付完毕|缴纳完毕|交纳完毕)"
    r"(?:了)?(?:全部)?(?:成交)?(?:价款|款项|全款|拍卖款)"
)
_RULING = r"(?:成交|拍卖|执行)?裁定(?:书)?送达(?:买受人)?(?:日期|时间)|裁定送达"


def _times(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    _labelled_dates(doc, facts, "auction_end_date", _END)
    for match in _ARRIVAL.finditer(text):
        value: dt.date | dt.time | None = _dated(text, match.end())
        if value is None:
            clock = _CLOCK.match(text, match.end())
            if clock is None:
                continue
            value = dt.time(int(clock.group("h")) % 24, int(clock.group("m") or 0))
        facts.add("staff_arrival_time", value, match.start(), match.end() + 16, "到场时间")
    for match in _ARRIVED_AT.finditer(text):
        when = match.group("when")
        hits = find_dates(when)
        clock = _CLOCK.search(when)
        arrived: dt.date | dt.time | None = hits[0].value if hits else None
        if arrived is None and clock is not None:
            arrived = dt.time(int(clock.group("h")) % 24, int(clock.group("m") or 0))
        if arrived is not None:
            facts.add("staff_arrival_time", arrived, match.start(), match.end(), "到场时间")
    _labelled_dates(doc, facts, "meeting_date", _MEETING)
    _labelled_dates(doc, facts, "payment_date", _PAYMENT)
    for match in _PAID_SAID.finditer(text):
        hits = find_dates(match.group("date"))
        if hits:
            facts.add("payment_date", hits[0].value, match.start(), match.end(), "付清价款")
    _labelled_dates(doc, facts, "ruling_served_date", _RULING)


# --------------------------------------------------------------------------------------------
# Retention of records

_RETAIN = rx.compile(
    r"(?:保管|保存|存档|归档保存)(?:期限|期|年限)?\s*[:：]?\s*(?:为|不少于|不低于|不得少于|至少|不超过)?\s*"
    rf"{_COUNT}\s*年"
)


def _retention(doc: _Doc, facts: _Facts) -> None:
    for match in _RETAIN.finditer(doc.text):
        value = _number(match.group("n"))
        if value is not None:
            facts.add("retention_years", value, match.start(), match.end(), "保管期限")


# --------------------------------------------------------------------------------------------
# Entry point

_RESERVE_YES = rx.compile(r"有无保留价\s*[:：]?\s*有|设有保留价|(?:是否)?设保留价\s*[:：]?\s*是")
_RESERVE_DECLARED = r"无保留价已(?:予)?说明|(?:是否)?已说明无保留价"


# Kinds whose people, announcements and results are those of the sale (a contract's "拍卖师应当…"
# or an announcement's "拍卖成交后…" are not).
_PAPERS_OF_THE_SALE = frozenset(
    {"auction_transcript", "pre_auction_filing", "post_auction_filing", "failed_auction_report",
     "completion_report", "unknown"}
)  # fmt: skip


def transcript_facts(doc: _Doc, facts: _Facts, kind: str) -> None:
    """The facts above, for every kind of document (a paper of unknown kind may be a transcript
    or a hand-over list); nothing is looked for in a text without the cue words."""
    if not _CUES.search(doc.text):
        return
    joined, where = _joined(doc)
    if kind in _PAPERS_OF_THE_SALE:
        _people(doc, facts)
        _announced(doc, facts, joined, where)
        _results(doc, facts, kind)
    _signatures(doc, facts, joined, where)
    _counts(doc, facts, kind)
    _mofcom(doc, facts, joined, where)
    _times(doc, facts)
    _retention(doc, facts)
    for match in _RESERVE_YES.finditer(doc.text):
        facts.add("has_reserve", True, match.start(), match.end(), "保留价")
    _yes_no(doc, facts, joined, where, "reserve_declared", _RESERVE_DECLARED)
