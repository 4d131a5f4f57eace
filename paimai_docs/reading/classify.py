"""Decide what kind of document a text is, from its title and, failing that, its content.

:func:`classify` returns a :class:`Classification`: the kind's machine name (DESIGN.md section
3), a confidence between 0 and 1, the title line it relied on, and for announcements a variant
(``net_judicial``, ``judicial``, ``vehicle``, ``state_asset`` or ``social``). It unpacks like the
tuple ``(kind, confidence, title)``.

How it decides:

1. Title: among the first lines of page 1, a title-like line (short, no clause punctuation, no
   ``label:`` prefix other than 项目名称/标题) whose *ending* names a kind — ``…拍卖公告``,
   ``委托拍卖合同``, ``竞价成功确认书``, ``拍卖会前备案表``… A line that is exactly the kind's name
   gives 0.95, a longer title ending in it 0.9, a generic ``…的公告`` 0.8.
2. Content, when no title decides: each kind has a few phrases that only it carries in number
   (an entrustment contract speaks of 委托拍卖, 佣金, 委托人 and 拍卖人 in numbered articles; an
   announcement says 现公告如下 or states time, deposit and price together). Content alone gives
   at most 0.65.
3. Otherwise ``unknown`` — also for notices about an announcement (中止/撤回/更正…公告), platform
   agreements and lot investigation tables, which no rule of ours reads as any kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from .normalize import normalize

__all__ = ["KINDS", "Classification", "classify"]

KINDS = (
    "entrustment_contract",
    "announcement",
    "pre_auction_filing",
    "post_auction_filing",
    "failed_auction_report",
    "completion_report",
    "sale_confirmation",
    "auction_transcript",
    "bidder_registration",
    "vehicle_handover",
    "vehicle_disposal_authorization",
    "result_publicity",
    "unknown",
)

UNKNOWN_CONFIDENCE = 0.2
TITLE_LINES = 15


@dataclass(frozen=True)
class Classification:
    """The kind of a document, how sure we are, the title relied on, and the announcement
    variant (None for other kinds)."""

    kind: str
    confidence: float
    title: str | None = None
    variant: str | None = None

    def __iter__(self) -> Iterator[Any]:
        # ``kind, confidence, title = classify(pages)`` keeps working.
        return iter((self.kind, self.confidence, self.title))


# (kind, pattern matched against the END of a cleaned title line); the first that matches wins.
_TITLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(f"(?:{pattern})$"))
    for kind, pattern in (
        (
            "unknown",
            r"(?:中止|终止|撤回|撤销|暂缓|撤拍|流拍|更正|补充|变更|延期|取消)(?:拍卖)?(?:的)?公告",
        ),
        ("sale_confirmation", r"(?:成交|竞价成功|竞买成功|竞得|网络竞价成功)确认[书单]|成交通知书"),
        ("result_publicity", r"(?:结果|成交|竞得)(?:的)?(?:公示|公告)|公示"),
        ("failed_auction_report", r"流拍(?:情况)?(?:的)?(?:报告|说明)"),
        ("completion_report", r"(?:拍卖)?成交(?:情况)?(?:的)?报告|拍卖结果报告"),
        ("auction_transcript", r"拍卖(?:会)?(?:现场)?(?:笔录|记录)|竞价笔录"),
        ("bidder_registration", r"竞买(?:人)?(?:登记|报名|申请)(?:表|单|书)?|报名登记表"),
        ("vehicle_disposal_authorization", r"处置授权(?:委托)?书"),
        ("vehicle_handover", r"交接(?:书|单|表|确认书)"),
        ("entrustment_contract", r"(?:委托拍卖|拍卖委托|委托)(?:合同|协议)(?:书)?|拍卖合同"),
        (
            "announcement",
            r"(?:拍卖|拍卖会|竞买|竞价|变卖|转让|招租|出租|处置|挂牌|出让|网络拍卖|招商)公告",
        ),
        ("announcement", r"的公告|公告"),
    )
)
_FILING = re.compile(r"备案(?:登记)?(?:表|单|申请表)?$")
_PRE = re.compile(r"会前|事前|拍卖前|前期|拍卖会前")
_POST = re.compile(r"后期|事后|会后|拍卖后|结果备案|成交备案")
_CONTRACTISH = re.compile(r"(?:合同|协议)(?:书)?$")
_TITLE_PREFIX = re.compile(r"^(?:项目名称|标题|公告名称|名称|文件名称):")
_TRAILING = re.compile(r"(?:\([^()]{0,20}\)|\[[^\[\]]{0,20}\]|[。.!\s])+$")
_EXACT_NAMES = frozenset(
    {
        "拍卖公告", "拍卖会公告", "竞买公告", "司法拍卖公告", "网络司法拍卖公告", "变卖公告",
        "委托拍卖合同", "拍卖委托合同", "委托合同", "拍卖成交确认书", "成交确认书",
        "竞价成功确认书", "网络竞价成功确认书", "流拍报告", "成交报告", "拍卖笔录", "拍卖记录",
        "竞买人登记表", "竞买登记表", "车辆处置授权书", "交易结果公示", "成交公示",
        "拍卖会前备案表", "拍卖活动后期备案登记表",
    }
)  # fmt: skip


def _title_lines(text: str) -> list[str]:
    lines = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            lines.append(line)
        if len(lines) >= TITLE_LINES:
            break
    return lines


def _clean_title(line: str) -> str | None:
    """The title a line states, or None when the line does not look like a title."""
    line = _TITLE_PREFIX.sub("", line.strip())
    if not line or len(line) > 100 or any(char in line for char in ",;:?!"):
        return None
    line = _TRAILING.sub("", line)
    line = line.strip("“”\"'《》 ")
    if line in ("特此公告", "特此报告", "现公告如下", "特此公示"):
        return None
    return line or None


@dataclass(frozen=True)
class _TitleMatch:
    kind: str
    title: str
    line: str
    confidence: float


def _match_title(lines: Sequence[str]) -> _TitleMatch | None:
    for line in lines:
        title = _clean_title(line)
        if title is None:
            continue
        if _FILING.search(title):
            if _PRE.search(title):
                return _TitleMatch("pre_auction_filing", title, line, _title_confidence(title, 0))
            if _POST.search(title):
                return _TitleMatch("post_auction_filing", title, line, _title_confidence(title, 0))
            return _TitleMatch("filing", title, line, 0.6)
        for index, (kind, pattern) in enumerate(_TITLE_PATTERNS):
            if pattern.search(title):
                generic = index == len(_TITLE_PATTERNS) - 1
                if kind == "unknown":
                    return _TitleMatch(kind, title, line, 0.4)
                return _TitleMatch(kind, title, line, _title_confidence(title, generic))
        if _CONTRACTISH.search(title):
            return _TitleMatch("contractish", title, line, 0.35)
    return None


def _title_confidence(title: str, generic: bool | int) -> float:
    if title in _EXACT_NAMES:
        return 0.95
    return 0.8 if generic else 0.9


# Content signals -----------------------------------------------------------------------------

_SELF_CONTRACT = re.compile(r"本合同|本协议|甲乙双方|经协商一致|签订本|订立本")
_ARTICLE = re.compile(r"第[一二三四五六七八九十\d]+条")
_ANNOUNCE_PHRASES = re.compile(r"现(?:将有关事项)?公告如下|特此公告|公告如下|现予公告")
_DATED_AUCTION = re.compile(
    r"(?:定于|将于|拟于|拍卖时间:?|拍卖会时间:?|竞价时间:?)(?:\d{4}年|\d{4}-|[〇一二]{4}年)"
)
_ANNOUNCE_ITEMS = (
    re.compile(r"拍卖时间|拍卖会时间|竞价时间|定于|将于|拍卖日期"),
    re.compile(r"保证金"),
    re.compile(r"起拍价|评估价|参考价|底价|保留价|评估值"),
    re.compile(r"展示|预展|看样"),
    re.compile(r"竞买人|竞买者|竞买登记|报名"),
)


_CONSIGNOR = re.compile(r"委托人|委托方|甲方")
_AUCTIONEER = re.compile(r"拍卖人|拍卖方|乙方")
_REPORTS = re.compile(r"报告如下|特此报告|现将.{0,10}报告")
_WON = re.compile(r"以最高应价竞得|竞价成功|竞得本拍卖标的")
_FILING_POST = re.compile(r"流拍|成交情况|拍卖结果|成交人|成交确认书")
_FILING_PRE = re.compile(r"拍卖师|公告发布|展示|预展")


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """``len(pattern.findall(text)) >= count``, without finding the matches after the first
    ``count``."""
    return len(list(islice(pattern.finditer(text), count))) >= count


def _content_kind(text: str) -> tuple[str, float] | None:
    entrust = text.count("委托拍卖") + text.count("拍卖委托")
    if (
        entrust >= 2
        and "佣金" in text
        and _CONSIGNOR.search(text)
        and _AUCTIONEER.search(text)
        and (_at_least(_ARTICLE, text, 3) or "双方" in text)
        and _SELF_CONTRACT.search(text)
    ):
        return "entrustment_contract", 0.6
    if "流拍" in text and _REPORTS.search(text):
        return "failed_auction_report", 0.55
    if "成交" in text and _REPORTS.search(text):
        return "completion_report", 0.5
    if "成交价" in text and _WON.search(text):
        return "sale_confirmation", 0.6
    items = sum(1 for pattern in _ANNOUNCE_ITEMS if pattern.search(text))
    if _ANNOUNCE_PHRASES.search(text) and items >= 3:
        return "announcement", 0.65
    if items >= 5 and _DATED_AUCTION.search(text):
        return "announcement", 0.55
    return None


# Announcement variants ---------------------------------------------------------------------

_NET = re.compile(
    r"网络司法拍卖|司法拍卖网络平台|网络拍卖平台|淘宝|阿里|京东|公拍网|诉讼资产网|sf\.taobao"
    r"|网络平台|延时除外|网络拍卖|网拍|在线拍卖|竞价平台"
)
_COURT = re.compile(r"人民法院|本院|执行局|执行法院")
_VEHICLE = re.compile(
    r"车辆|轿车|汽车|机动车|客车|货车|公务车|"
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]-?[A-Z0-9]{5,6}"
)
_STATE = re.compile(
    r"国有资产|国有产权|行政事业单位|产权交易所|产权交易中心|产交所|挂牌|转让底价|资产处置|"
    r"公共资源交易中心.{0,20}(?:国有|资产)|e交易"
)


def _variant(title: str, head: str, text: str) -> str:
    issuer = title + "\n" + head
    if _COURT.search(issuer) or _at_least(_COURT, text, 3):
        return "net_judicial" if _NET.search(text) else "judicial"
    if _VEHICLE.search(title):
        return "vehicle"
    if _STATE.search(issuer) or _at_least(_STATE, text, 2):
        return "state_asset"
    return "social"


# Entry point -------------------------------------------------------------------------------


def classify(pages: Sequence[str], *, normalized: bool = False) -> Classification:
    """Decide the kind of the document whose pages' text is ``pages`` (original or normalised;
    the text is normalised here). Returns ``unknown`` with a low confidence when nothing is
    decisive.

    ``normalized=True`` says that the pages are already what
    :func:`~paimai_docs.reading.normalize.normalize` made of them (``Page.normalized``, as the
    reader passes them): they are used as they are instead of being normalised again."""
    texts = [page if normalized else normalize(page) for page in pages if page]
    if not texts:
        return Classification("unknown", 0.0)
    first = next((text for text in texts if text.strip()), "")
    text = "\n".join(texts)
    lines = _title_lines(first)
    head = "\n".join(lines[:6])
    found = _match_title(lines)
    content = _content_kind(text)
    title: str | None
    if found is not None and found.kind not in ("filing", "contractish"):
        kind, confidence, title = found.kind, found.confidence, found.title
        if content is not None and content[0] == kind:
            confidence = min(0.98, confidence + 0.03)
    elif found is not None and found.kind == "filing":
        title = found.title
        if _FILING_POST.search(text):
            kind, confidence = "post_auction_filing", 0.6
        elif _FILING_PRE.search(text):
            kind, confidence = "pre_auction_filing", 0.55
        else:
            kind, confidence = "unknown", 0.35
    elif content is not None:
        kind, confidence = content
        title = found.title if found is not None else None
        if found is not None and found.kind == "contractish" and kind != "entrustment_contract":
            kind, confidence = "unknown", 0.3
    else:
        kind = "unknown"
        confidence = found.confidence if found is not None else UNKNOWN_CONFIDENCE
        title = found.title if found is not None else None
    variant = _variant(title or "", head, text) if kind == "announcement" else None
    return Classification(kind, round(confidence, 3), title, variant)
