"""Dates: auction time and place, exhibition, publication, signing, filing."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from .. import rx
from .dates import DateRange, find_ranges
from .facts_base import (
    _CLOSED,
    _LIST_START,
    _clean_place,
    _Doc,
    _exhibition_end_labels,
    _Facts,
    _labels,
)

# after an exhibition's single date: it goes on ("起", "开始"…) or continues ("至", "-"): not
# a one-day exhibition
_START_LABEL = rx.compile(r"开始|起始|始")
_OPEN_ENDED = rx.compile(r"\s*(?:\d{1,2}[:时点]\S{0,4}\s*)?(?:起|开始|以后|之后|至|到|-|~|—|止)")

# --------------------------------------------------------------------------------------------
# Dates: auction time and place, exhibition, publication, signing, filing


DATE_FACT_BY_KIND = {
    "announcement": "publish_date",
    "result_publicity": "published_date",
    "entrustment_contract": "signed_date",
    "sale_confirmation": "signed_at",
    "pre_auction_filing": "filing_date",
    "post_auction_filing": "filing_date",
    "vehicle_handover": "handover_date",
    "vehicle_disposal_authorization": "sign_date",
}
"""The name of a document's own date (the date under its signature), by kind."""

OWN_DATE = "published_date"
"""The common name of the date a document bears (落款/签发日期: the date under its signature or
printed by the system that made it), given to every document that is not an announcement beside
its name by kind (an announcement's is ``publish_date``)."""

# Labels of the document's own date (label sets of ``_labels()``), by kind; "" for the others.
_OWN_DATE_LABELS: dict[str, tuple[str, ...]] = {
    "announcement": ("publish",),
    "result_publicity": ("publish",),
    "entrustment_contract": ("signed",),
    "sale_confirmation": ("signed",),
    "vehicle_disposal_authorization": ("signed",),
    "vehicle_handover": ("signed",),
    "pre_auction_filing": ("filing",),
    "post_auction_filing": ("filing",),
    "bidder_registration": ("registered", "report"),
    "": ("report",),
}


def _own_date_names(date_name: str) -> tuple[str, ...]:
    return (date_name,) if date_name == OWN_DATE else (date_name, OWN_DATE)


_TRIGGER = rx.compile(r"(?:定于|将于|拟于|订于|决定于|兹定于|于|在)$")
# A date that is "fixed for" something, or on which the firm itself acted, announces it: its
# sentence may name the lot at length before the sale ("定于…在…拍卖厅，依法对被执行人所有的…
# （…）进行公开拍卖", "我公司于…在…对贵司名下的…进行了公开拍卖").
_FIXED_FOR = rx.compile(r"(?:定于|将于|拟于|订于|(?:我|本)(?:公司|行|所|中心)于)$")
_AUCTION_VERB = rx.compile(
    r"举行|进行|公开拍卖|拍卖会|公开竞价|网络拍卖|拍卖活动|开拍|依法拍卖|公开变卖|竞价活动"
    r"|网络竞价|在线竞价|组织竞价|开槌|拍卖成交|以拍卖方式|拍卖出让|拍卖出租"
    r"|(?:组织|完成|实施|主持)(?:完成)?(?:了)?(?:本次|公开)?拍卖"
    r"|拍卖(?:被执行人|下列|以下|如下|位于|坐落|上述|该|本|其|贵)"
)
# What else a date before an auction word may be the date of: the entrustment, a publication.
_OTHER_ACT = rx.compile(
    r"接受|受理|收到|签订|签署|委托(?![的人方书函单合清])|发布|刊登|公告|送达|通知|报名|交纳|缴纳"
)  # (not "委托的…", "委托人", "委托清单": the lots entrusted, the consignor, a document)
_REMARK = rx.compile(r"\([^()]*\)")
# "2025年11月6日上午10时,拍卖会在…举行", "本次秋拍于12月6日开槌": a date and then the sale.
_SALE_AFTER_DATE = rx.compile(
    r"(?:\([^()]{0,8}\))?,?(?:[\u4e00-\u9fff]{0,12}?)(?:拍卖会|竞价会|拍卖|竞价)(?:在|于)"
    r"[^。;]{0,50}?(?:举行|进行|召开)"
    r"|(?:\([^()]{0,8}\))?(?:开槌|开拍|槌响)"
    # "…十月二十三日举行之…拍卖会": the sale held that day
    r"|(?:\([^()]{0,8}\))?(?:上午|下午)?(?:举行|召开)(?:的|之)[^。;]{0,30}?(?:拍卖会|竞价会|拍卖)"
    # "2026年9月25日上午9:30在某交易中心举行的…拍卖会": the sale held there on that day
    r"|(?:\([^()]{0,8}\))?在[^。;,]{2,40}?(?:举行|召开|进行)的[^。;]{0,30}?(?:拍卖会|竞价会|拍卖)"
    # "…9时30分，某某拍卖有限公司在…拍卖厅举行…车辆拍卖会": the firm held the sale that day
    r"|(?:\([^()]{0,8}\))?(?:上午|下午|晚上|早上|中午)?,?"
    r"[\u4e00-\u9fff()]{0,30}?(?:公司|拍卖行|中心|法院|拍卖人|拍卖方|本行|我行)"
    r"(?:受[^,。;]{1,30}?委托,?)?(?:在|于)"
    r"[^。;]{2,60}?(?:举行|召开|进行)(?:了)?[^。;]{0,30}?(?:拍卖会|竞价会|拍卖|竞价)"
)
# "拍卖会安排在3月27日下午两点", "竞价定于…": the sale named, then its day.
_SALE_BEFORE_DATE = rx.compile(
    r"(?:拍卖会|竞价会|拍卖|竞价)(?:时间)?(?:安排|定|拟定|确定|改)?(?:在|于)$"
)
# …but not an earlier sale's ("第一次拍卖于2026年12月28日流拍")
_EARLIER_SALE = rx.compile(r"第[一二三四\d]次|首次|前次|上次|原定|原")
_SALE_FAILED = rx.compile(r"流拍|未成交|撤拍|中止|终止|无人竞买|无人应价")
_ENTRUSTED_BY = rx.compile(r"受[^,。;]{1,30}?委托")
_SALE_NAMED = rx.compile(r"(?:拍卖会|专场|拍卖活动)[^,。;:]{0,20}$")
# (not a paper about the sale: "秋季拍卖会公告(2027年12月1日)" is the notice's date)
_PAPER_NAMED = rx.compile(r"(?:公告|公示|通知|须知|报告|记录|笔录|说明|规则|图录)$")


def _line_before(text: str, position: int, limit: int) -> str:
    """The text of the line before ``position``, at most ``limit`` characters."""
    start = max(0, position - limit, text.rfind("\n", 0, position) + 1)
    return text[start:position]


# "于本日举行的…拍卖会": the auction was held on the day the document bears.
_HELD_TODAY = rx.compile(r"(?:于|在)(?:本日|当日|今日|即日)(?:举行|进行|召开)[^。]{0,40}?拍卖")
# Labels read only at the start of a line: generic words that elsewhere end longer labels
# ("报名开始时间"), and 时间 in a transcript's header (the time of the sale it records).
_LINE_LABEL = rx.compile(
    r"(?:^|\n)(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]?)?"
    r"(?P<label>开始时间|竞价开始|竞价开始时间|拍卖会|交易时间|交易日期)(?:\([^()]*\))?:"
)
# (also in a table's row: "| 时间 | 2026年6月6日 10:00—11:25 |")
_TRANSCRIPT_TIME = rx.compile(r"(?:^|\n)(?:\| ?)?(?P<label>时间|日期|拍卖时间)(?::| ?\|)")
_DEADLINE_AFTER = rx.compile(r"^(?:\([^()]*\))?(?:前|之前|以前|止|截止|为止)")
_PLACE_END = (  # (a comma may stand before 举行: "假座…宴会厅，举行…拍卖会")
    r"(?:上)?(?:,?(?:进行|举行|召开|举办)|公开|对|依法|以|通过|开展|"
    r"拍卖(?:下列|以下|如下|位于|坐落|上述|该|本)|竞价(?:下列|以下|如下|上述))"
)
_VENUE = rx.compile(
    r"^(?:\([^()]{0,12}\))?(?:,)?(?:在|于|假座)"
    rf"(?P<place>(?:[^。;,\n()]|\([^()\n]*\)){{2,80}}?){_PLACE_END}"
)
_VENUE_SENTENCE = rx.compile(
    r"在(?P<place>(?:[^。;,\n()在对]|\([^()\n]*\)){2,60}?)(?:上)?"
    r"(?:举行|进行|公开)(?:公开)?(?:线上|网络|在线|现场)?(?:拍卖|竞价|变卖)"
)
_PLACE_LIKE = rx.compile(
    r"(?:平台|中心|室|厅|楼|层|号|网|场|所|公司|大厦|酒店|宾馆|APP|App|app|网站|院|馆|处|局|地)$"
)
_NOT_PLACE = rx.compile(r"前|后|之中|期间|时$|中$|所在地$")


# after the label's colon, or after a label in brackets ("【拍卖地点】…", normalised to "[…]")
_VENUE_VALUE = rx.compile(r"(?:\([^()]*\))?(?::|\](?!\s*\n))(?P<place>[^。;\n]{2,60})")
_PLACE_SPLIT = rx.compile(r"[,;]")
_SHOWN_FROM_PUBLICATION = rx.compile(r"(?:自|于|从)公告之日起[^。;]{0,40}?(?:展示|预展|看样)")
_DEPOSIT_DEADLINE = rx.compile(r"保证金[^。\n]{0,30}?截止(?:时间|日期)?(?:为|:)?")


def _sentence_after(text: str, position: int, limit: int = 90) -> str:
    """The rest of the sentence from ``position`` (at most ``limit`` characters); it goes on
    over a line break that does not close a clause (a line the PDF broke), unless the next line
    starts a new item."""
    end = position
    while end < len(text) and end - position < limit:
        char = text[end]
        if char in "。;":
            break
        if char == "\n":
            if text[end - 1 : end] in _CLOSED or _LIST_START.match(text, end + 1):
                break
            if text[end + 1 : end + 2] in ("\n", ""):
                break
        end += 1
    return text[position:end]


# Characters that repair digits typed as letters in dates ("2O25年", "3月l2日"); one for one,
# so the positions of the repaired text are those of the original.
_DIGIT_TYPO = rx.compile(r"(?<=[\d年月/.\-])[lIO](?=\d)|(?<=\d)[lIO](?=[\d年月日号时:])")


def _repair_digits(text: str) -> str:
    if "l" not in text and "I" not in text and "O" not in text:
        return text
    return _DIGIT_TYPO.sub(lambda match: "1" if match.group(0) in "lI" else "0", text)


def _emit_range(facts: _Facts, item: DateRange, label: str | None, rank: int) -> None:
    facts.add("auction_datetime", item.begin.value, item.start_index, item.end_index, label, rank)
    if item.end is not None:
        facts.add("bidding_start", item.begin.value, item.start_index, item.end_index, label, rank)
        facts.add("bidding_end", item.end.value, item.start_index, item.end_index, label, rank)


def _after_label(
    ranges: Sequence[DateRange], starts: list[int], text: str, position: int, window: int
) -> DateRange | None:
    """The first date range starting within ``window`` characters after ``position``, with no
    full stop and no other date in between."""
    index = bisect.bisect_left(starts, position)
    if index >= len(ranges):
        return None
    item = ranges[index]
    if item.start_index - position > window or "。" in text[position : item.start_index]:
        return None
    return item


# A date told as an act rather than under a label: "公告于12月8日见报", "12月10日办理会前备案",
# "通知于12月20日送达": (the kinds it applies to, what comes before the date, what comes after
# it, the fact it gives).
_ACTS: tuple[tuple[frozenset[str], re.Pattern[str], re.Pattern[str], str], ...] = (
    (
        frozenset({"announcement"}),
        rx.compile(r"公告(?:已|于|在|已于|才|只)*$"),
        rx.compile(r"^(?:[^,。;\n]{0,12}?)(?:才|已|即)?(?:见报|发布|刊登|刊发|公布|登报|发出)"),
        "publish_date",
    ),
    (
        frozenset({"pre_auction_filing", "post_auction_filing"}),
        rx.compile(r"(?:于|在|已于|才于)?$"),
        rx.compile(
            r"^(?:当天|当日)?(?:才|已)?(?:去)?(?:办理|申请|提交|报送)?(?:了)?(?:会前|事前|后期|事后)?备案"
        ),
        "filing_date",
    ),
)


_OWN = "<own>"  # an act that gives the document's own date (by its kind's name for it)
_ANY_KIND = frozenset(
    {
        "announcement", "pre_auction_filing", "post_auction_filing", "failed_auction_report",
        "completion_report", "sale_confirmation", "auction_transcript", "result_publicity",
        "entrustment_contract", "vehicle_handover", "vehicle_disposal_authorization",
        "bidder_registration",
    }
)  # fmt: skip
_ACTS = (
    *_ACTS,
    # "拍卖定于2026年12月18日", "拍卖会将于…"
    (
        _ANY_KIND,
        rx.compile(r"(?:拍卖|拍卖会|竞价|开拍)(?:时间)?(?:定于|将于|拟于|订于)$"),
        rx.compile(r""),
        "auction_datetime",
    ),
    # "住宅于2026年12月28日拍卖", "车辆于2027年1月5日开拍"
    (
        _ANY_KIND,
        rx.compile(r"(?:于|在|定于|将于)$"),
        rx.compile(
            r"^(?:\([^()]{0,8}\))?(?:[上下]午)?(?:\d{1,2}[时点:]\d{0,2}分?)?(?:公开)?(?:拍卖|开拍|进行拍卖|举行拍卖)"
        ),
        "auction_datetime",
    ),
    # "本合同由双方于2026年8月5日在某市签订": the signing date, told in the preamble
    (
        frozenset({"entrustment_contract", "vehicle_disposal_authorization", "sale_confirmation"}),
        rx.compile(r"(?:于|在|已于)$"),
        rx.compile(r"^(?:\([^()]{0,8}\))?(?:在[^,。;\n]{1,20}?)?(?:签订|签署|订立|签约|签定)"),
        _OWN,
    ),
    # "6月26日(星期五)拍卖会第3号标的", "5月8日举行的拍卖会": the sale named by its day
    (
        _ANY_KIND | {"unknown"},
        rx.compile(r""),
        rx.compile(
            r"^(?:\([^()]{0,8}\))?(?:[上下]午)?(?:\d{1,2}[时点:]\d{0,2}分?)?(?:的|举行的|召开的)?"
            r"(?:[^,。;\n]{0,8}专场)?拍卖会"
        ),
        "auction_datetime",
    ),
    # "拍卖会2026年12月18日举行", "拍卖会于…结束"
    (
        _ANY_KIND,
        rx.compile(r"(?:拍卖会|拍卖|竞价)(?:于|在)?$"),
        rx.compile(
            r"^(?:\([^()]{0,8}\))?(?:[上下]午)?(?:\d{1,2}[时点:]\d{0,2}分?)?(?:举行|结束|进行|开始|召开)"
        ),
        "auction_datetime",
    ),
)


def _dated_acts(text: str, ranges: Sequence[DateRange], facts: _Facts, kind: str | None) -> None:
    for kinds, before, after, name in _ACTS:
        if kind not in kinds:
            continue
        for item in ranges:
            if item.end is not None:
                continue
            head = text[max(0, item.start_index - 8) : item.start_index]
            tail = text[item.end_index : item.end_index + 24]
            if before.search(head) and after.match(tail):
                value = item.begin.value if name == "auction_datetime" else item.begin.day
                names: tuple[str, ...] = (name,)
                if name == _OWN:
                    names = _own_date_names(DATE_FACT_BY_KIND.get(kind or "", "document_date"))
                for each in names:
                    facts.add(each, value, item.start_index, item.end_index, None, 2)


def _dates(doc: _Doc, facts: _Facts, kind: str | None) -> None:
    text = doc.text
    ranges = find_ranges(_repair_digits(text))
    starts = [item.start_index for item in ranges]
    labels = _labels()

    # Auction time from a label, then from the announcing sentence ("定于…在…举行").
    auction_labels = labels["auction_time"]
    for match in auction_labels.pattern.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 30)
        if (
            item is not None
            and ";" not in text[match.end() : item.start_index]
            and not _DEADLINE_AFTER.match(text[item.end_index : item.end_index + 6])
        ):
            _emit_range(facts, item, match.group(0), 0)
    for match in labels["bidding_end"].pattern.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 12)
        if item is not None:
            facts.add(
                "bidding_end", item.begin.value, match.start(), item.end_index, match.group(0)
            )
    for item in ranges:
        before = text[max(0, item.start_index - 4) : item.start_index]
        if ("于" not in before and "在" not in before) or not _TRIGGER.search(before):
            continue  # (every trigger ends in 于 or 在)
        after_text = text[item.end_index : item.end_index + 6]
        if _DEADLINE_AFTER.match(after_text):
            continue
        wider = text[max(0, item.start_index - 6) : item.start_index]
        limit = 200 if _FIXED_FOR.search(wider) else 90
        sentence = _sentence_after(text, item.end_index, limit)
        verb = _AUCTION_VERB.search(sentence)
        if verb is None or _OTHER_ACT.search(_REMARK.sub("", sentence[: verb.start()])):
            continue
        _emit_range(facts, item, None, 1)
        venue = _VENUE.match(sentence)
        if venue:
            place = _clean_place(venue.group("place"))
            if place:
                facts.add(
                    "auction_venue",
                    place,
                    item.start_index,
                    item.end_index + venue.end("place"),
                    None,
                    1,
                )
    for item in ranges:
        # "拍卖会:2027秋季拍卖会·珠宝专场(2027年12月11日)": the day in brackets after a sale's name
        if (
            text[item.start_index - 1 : item.start_index] == "("
            and text[item.end_index : item.end_index + 1] == ")"
            and _SALE_NAMED.search(named := _line_before(text, item.start_index - 1, 40))
            and not _PAPER_NAMED.search(named)
        ):
            _emit_range(facts, item, None, 1)
            continue
        before = text[max(0, item.start_index - 8) : item.start_index]
        if (
            ("在" in before or "于" in before)
            and _SALE_BEFORE_DATE.search(before)
            and not _DEADLINE_AFTER.match(text[item.end_index : item.end_index + 6])
            and not _EARLIER_SALE.search(text[max(0, item.start_index - 14) : item.start_index])
            and not _SALE_FAILED.search(_sentence_after(text, item.end_index, 30))
        ):
            _emit_range(facts, item, None, 1)
    for item in ranges:
        after = _SALE_AFTER_DATE.match(text, item.end_index)
        # (the firm "受…委托" held the sale: being entrusted is not another act of that day)
        if after is not None and not _OTHER_ACT.search(_ENTRUSTED_BY.sub("", after.group(0))):
            _emit_range(facts, item, None, 2)
    for match in _LINE_LABEL.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 4)
        if item is not None:
            _emit_range(facts, item, match.group("label"), 1)
    if "时间" in text or "日期" in text:
        for match in _HEADED_TIME.finditer(text):
            item = _after_label(ranges, starts, text, match.end(), 4)
            if item is not None:
                _emit_range(facts, item, match.group("label"), 1)
    if kind == "auction_transcript":
        for match in _TRANSCRIPT_TIME.finditer(text, 0, 400):
            item = _after_label(ranges, starts, text, match.end(), 4)
            if item is not None:
                _emit_range(facts, item, match.group("label"), 1)
    for match in labels["venue"].pattern.finditer(text):
        value = _VENUE_VALUE.match(text, match.end())
        if value:
            place = _clean_place(_PLACE_SPLIT.split(value.group("place"))[0])
            if place and not find_ranges(place):
                facts.add("auction_venue", place, match.start(), value.end(), match.group(0))
    for match in _VENUE_SENTENCE.finditer(text):
        place = _clean_place(match.group("place"))
        if (
            len(place) >= 2
            and _PLACE_LIKE.search(place)
            and not _NOT_PLACE.search(place)
            and not find_ranges(place)
        ):
            facts.add("auction_venue", place, match.start(), match.end(), None, 2)

    # The document's own date: a label, else the date standing alone under the signature.
    date_name = DATE_FACT_BY_KIND.get(kind or "", "document_date")
    names = (date_name,) if kind == "announcement" else _own_date_names(date_name)
    for group in _OWN_DATE_LABELS.get(kind or "", _OWN_DATE_LABELS[""]):
        for match in labels[group].pattern.finditer(text):
            item = _after_label(ranges, starts, text, match.end(), 6)
            if item is not None:
                for name in names:
                    facts.add(name, item.begin.value, match.start(), item.end_index, match.group(0))
    if kind == "pre_auction_filing":
        for match in labels["publish"].pattern.finditer(text):
            item = _after_label(ranges, starts, text, match.end(), 6)
            if item is not None:
                facts.add(
                    "announcement_publish_date",
                    item.begin.value,
                    match.start(),
                    item.end_index,
                    match.group(0),
                )
    _dated_acts(text, ranges, facts, kind)
    if kind == "auction_transcript" and facts.first("auction_datetime") is None:
        # a record of the sale opens with its day and hour ("2027年5月15日上午九时,…举行…拍卖会")
        item = next((item for item in ranges if item.end is None and item.begin.has_time), None)
        if item is not None:
            facts.add(
                "auction_datetime", item.begin.value, item.start_index, item.end_index, None, 3
            )
    closing = _closing_date(text, ranges) or _dateline(text, ranges)
    if closing is not None:
        for name in names:
            facts.add(name, closing.begin.value, closing.start_index, closing.end_index, None, 1)
    if facts.first(date_name) is None:
        _other_own_dates(text, ranges, starts, facts, kind, names)
    own = facts.first(date_name)
    if own is not None:
        for match in _HELD_TODAY.finditer(text):
            facts.add("auction_datetime", own.value, match.start(), match.end(), "本日", 2)
            break
    _publicity(text, ranges, starts, facts)

    # Exhibition period.
    end_labels = _exhibition_end_labels()
    for match in labels["exhibition"].pattern.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 14)
        if item is None:
            continue
        if item.end is None and match.group(0) in end_labels:
            # "展示结束日期：…" on its own line is the end of the exhibition, not its start.
            day = item.begin.day
            facts.add("exhibition_end", day, match.start(), item.end_index, match.group(0))
            continue
        facts.add("exhibition_start", item.begin.day, match.start(), item.end_index, match.group(0))
        if item.end is not None:
            facts.add("exhibition_end", item.end.day, match.start(), item.end_index, match.group(0))
        elif not _OPEN_ENDED.match(text, item.end_index) and not _START_LABEL.search(
            match.group(0)
        ):
            # "展示时间：2026年12月15日" and nothing after: a one-day exhibition (a separately
            # labelled end, ranked first, still wins)
            day = item.begin.day
            facts.add("exhibition_end", day, match.start(), item.end_index, match.group(0), 3)
    published = facts.first("publish_date")
    if published is not None:
        for match in _SHOWN_FROM_PUBLICATION.finditer(text):
            day = published.value
            day = day.date() if isinstance(day, dt.datetime) else day
            facts.add("exhibition_start", day, match.start(), match.end(), "公告之日", 1)

    # Deposit deadline.
    for match in _DEPOSIT_DEADLINE.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 4)
        if item is not None:
            facts.add("deposit_deadline", item.begin.value, match.start(), item.end_index)


_CLOSING_LINE = rx.compile(
    r"^\(?(?:特此公告[。.]?|特此报告[。.]?)?"
    r"(?:[\u4e00-\u9fff()]{2,30}(?:公司|法院|中心|交易所|拍卖行|局|委员会|所))?"
    r"(?:(?:日期|签订日期|签署日期|公告日期|发布日期|填报日期|时间)[::]?)?"
    r"(?P<date>.+?)(?:\(?(?:盖章|签章|公章)\)?)?"
    # "2025年12月15日修订" (a notice's revision), "(2025年12月9日《某某周报》第A07版)" (a
    # newspaper's citation under a story)
    r"(?:修订|制定|印发|发布|更新|起施行|起执行)?(?: ?《[^》\n]{1,20}》[^()\n]{0,12})?\)?"
    # "2026年9月15日于成都": where it was signed
    r"(?:(?:于|在)[\u4e00-\u9fff]{2,12}?(?:签订|签署|签发)?)?"
    # "中华民国115年5月12日(西元2026年5月12日)": the same day in another calendar beside it
    r"(?:\((?:西元|公元)[^()\n]{6,16}\))?[。.]?$"
)
# A web page's or a newspaper's dateline at the top: "2026-06-03 07:45 来源:某某都市报".
_DATELINE = rx.compile(
    r"^(?P<date>[^\n]{6,20}?)(?: ?\d{1,2}:\d{2}(?::\d{2})?)? ?"
    r"(?:来源|作者|发布者|发布人|浏览|阅读|编辑)",
    re.M,
)
# "二、拍卖会" over "时间：2027年7月6日上午10:00": the sale's time under its numbered heading
_HEADED_TIME = rx.compile(
    r"(?:^|\n)\(?[一二三四五六七八九十\d]{1,2}[)、.]\s*"
    r"(?:拍卖会|拍卖(?:会)?(?:时间|日期)(?:及|和|、|与)?(?:地点)?|(?:拍卖|竞价|拍卖会)安排)"
    r"[^\n:]{0,6}\n\s*(?P<label>时间|日期)\s*:"
)
# a post's byline: "原创 某某拍卖 2027-02-20 19:30 发表于河北"
_POSTED = rx.compile(
    r"(?P<date>(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?) ?(?:\d{1,2}:\d{2})? ?发表于"
)


def _closing_date(text: str, ranges: Sequence[DateRange]) -> DateRange | None:
    """The last date that stands alone on its line (after an optional signature or label; two
    parties' dates side by side count as one line of dates) in the second half of the text."""
    by_start = {item.start_index: item for item in ranges}
    half = len(text) // 2
    seen = -1
    # Only a line on which a date starts can qualify: those lines, last first.
    for candidate in reversed(ranges):
        start = text.rfind("\n", 0, candidate.start_index) + 1
        if start == seen:
            continue
        seen = start
        if start < half:
            break
        finish = text.find("\n", candidate.start_index)
        line = text[start : len(text) if finish < 0 else finish]
        stripped = line.strip()
        if not stripped or len(stripped) > 60:
            continue
        match = _CLOSING_LINE.match(stripped)
        if not match:
            continue
        offset = start + (len(line) - len(line.lstrip())) + match.start("date")
        end = offset + len(match.group("date"))
        last: DateRange | None = None
        while offset < end:
            item = by_start.get(offset)
            if item is None or item.end is not None or item.end_index > end:
                last = None
                break
            last = item
            offset = item.end_index
            while offset < end and text[offset] == " ":
                offset += 1
        if last is not None:
            return last
    return None


# "日期:2026.11.20" (a receipt's, a report's), the label not the end of another's (拍卖日期)
_DATE_LABEL_LINE = rx.compile(r"(?:^|(?<![\u4e00-\u9fff]))日期:", re.M)
# words that make a date on a short line at the top something else than the document's own
_NOT_OWN = rx.compile(r"于|至|前|后|起|止|截|定|期|时间|日期|开始|结束|拍卖会|竞价")


def _other_own_dates(
    text: str,
    ranges: Sequence[DateRange],
    starts: list[int],
    facts: _Facts,
    kind: str | None,
    names: Sequence[str],
) -> None:
    """The document's own date where it has no label of its kind and no closing date: a line
    "日期:…", a short line at the top that gives a full date and nothing else of time (a web
    or WeChat page's header: "某某拍卖　2026-08-03　四川"), and for a record of the sale, the
    day of the sale it records."""
    found: DateRange | None = None
    for match in _DATE_LABEL_LINE.finditer(text):
        found = _after_label(ranges, starts, text, match.end(), 2)
        if found is not None and found.end is None:
            break
        found = None
    if found is None:
        found = _header_date(text, ranges)
    if found is not None:
        for name in names:
            facts.add(name, found.begin.value, found.start_index, found.end_index, None, 2)
        return
    sale = facts.first("auction_datetime") if kind == "auction_transcript" else None
    where = next((item for item in ranges if sale and item.begin.value == sale.value), None)
    if sale is not None and where is not None:
        for name in names:
            facts.add(name, where.begin.day, where.start_index, where.end_index, None, 3)


def _header_date(text: str, ranges: Sequence[DateRange]) -> DateRange | None:
    head = text[:300].split("\n")[:6]
    position = 0
    for line in head:
        end = position + len(line)
        inside = [item for item in ranges if position <= item.start_index < end]
        if (
            len(inside) == 1
            and len(line.strip()) <= 40
            and inside[0].end is None
            and not inside[0].begin.year_inferred
            and not _NOT_OWN.search(line)
        ):
            return inside[0]
        position = end + 1
    return None


def _dateline(text: str, ranges: Sequence[DateRange]) -> DateRange | None:
    """The date of a dateline in the first lines (a web page's or a newspaper's story)."""
    match = _DATELINE.search(text, 0, 400) or _POSTED.search(text, 0, 400)
    if match is None:
        return None
    for item in ranges:
        if item.start_index == match.start("date") and item.end is None:
            return item if item.end_index <= match.end() else None
        if item.start_index > match.end():
            break
    return None


# "公示期：2026年3月23日至2026年3月27日", "公示期为…至…", "自…起公示…至…": the publicity period.
_PUBLICITY = rx.compile(r"公示(?:期|期间|时间|日期)(?:为|自|从|:)*")


def _publicity(text: str, ranges: Sequence[DateRange], starts: list[int], facts: _Facts) -> None:
    if "公示" not in text:
        return
    for match in _PUBLICITY.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 6)
        if item is None or item.end is None:
            continue
        label = match.group(0).rstrip(":为自从")
        facts.add("publicity_start", item.begin.day, match.start(), item.end_index, label)
        facts.add("publicity_end", item.end.day, match.start(), item.end_index, label)
