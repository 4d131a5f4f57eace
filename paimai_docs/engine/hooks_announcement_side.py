"""Hooks of the announcement-side rules (families ANN, PRICE, DEP, NOTICE, COMM, JUD) that a
declarative check cannot say: a comparison that is only safe when the document states exactly one
pair of values, a period whose length depends on a price band, a statement that must not be made.

Each hook is registered by name in :data:`paimai_docs.engine.hooks.HOOKS`. Every one of them
reports only what the document states plainly: when a value it needs is missing or ambiguous
(several lots, several prices), it says nothing, or leaves a NOT-CHECKED note where a date is
missing, as the deadline checks do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import rx
from .checks import amount_after_label, date_after_label, make_finding, unchecked
from .findings import Finding
from .spec import Rule
from .subjects import FactValue, Subject, as_date

if TYPE_CHECKING:
    from .context import Context

__all__ = [
    "asset_transfer_notice_period",
    "auxiliary_costs_on_buyer",
    "commission_over_own_rate",
    "commission_waived_or_kickback",
    "price_below_reserve",
    "report_copies",
]


def _numbers(subject: Subject, name: str) -> list[FactValue]:
    return [f for f in subject.values(name) if isinstance(f.value, (Decimal, int, float))]


def _one(subject: Subject, name: str) -> FactValue | None:
    """The fact ``name`` when the subject states exactly one value of it (the same amount
    repeated counts once), else None: with several lots a pair could be mismatched."""
    found = _numbers(subject, name)
    if len({Decimal(str(f.value)) for f in found}) != 1:
        return None
    return found[0]


def _line_with(subject: Subject, pattern: str) -> FactValue | None:
    return subject.find_text([f"re:{pattern}"])


def _param(rule: Rule, context: Context, name: str, default: Any) -> Any:
    value = context.param(rule, name)
    return default if value is None else value


# --------------------------------------------------------------------------------------------
# PRICE-01: a reserve not reached stops the sale; no reserve must be declared


_NOT_SOLD = rx.compile(
    r"流拍|未成交|不成交|未能成交|未达(?:到)?保留价|低于保留价|停止拍卖|无人应价|撤拍"
)
_UNDECLARED = (
    r"无保留价(?:已|是否)?(?:说明|宣布|声明|告知)\s*:?\s*(?:否|未|没有)"
    r"|未(?:说明|宣布|声明|告知)(?:本标的)?无保留价"
)


def price_below_reserve(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """PRICE-01. Item 1: a lot without a reserve whose absence was not declared before the
    bidding (the transcript model's ``reserve_declared``, or a read ``无保留价已说明：否``).
    Item 2: a sale recorded at a price below the lot's reserve — only when the document states
    one reserve and one price and does not say the lot went unsold."""
    problem = {"problem": "标的无保留价，拍卖师未在拍卖前予以说明"}
    if not subject.pages:  # a model: each lot's own yes/no
        for lot in subject.values("lots.has_reserve"):
            if lot.value is not False:
                continue
            prefix = lot.path.rsplit(".", 1)[0] + "."
            declared = [
                f for f in subject.values("lots.reserve_declared") if f.path.startswith(prefix)
            ]
            if not declared or declared[0].value is not True:
                yield make_finding(rule, subject, context, item=1, fact=lot, fill=problem)
    else:
        undeclared = _line_with(subject, _UNDECLARED)
        if undeclared is not None:
            yield make_finding(rule, subject, context, item=1, fact=undeclared, fill=problem)
    reserve = _one(subject, "reserve_price") or _one(subject, "lots.reserve_price")
    price = _one(subject, "hammer_price") or _one(subject, "transaction_price")
    if reserve is None or price is None:
        return
    if subject.pages and subject.find_text([f"re:{_NOT_SOLD.pattern}"]) is not None:
        return  # the text says the lot did not sell: its top bid is no price
    results = [str(getattr(f.value, "value", f.value)) for f in subject.values("result")]
    if results and "sold" not in results:
        return
    if Decimal(str(price.value)) < Decimal(str(reserve.value)):
        yield make_finding(
            rule, subject, context, item=2, fact=price,
            fill={
                "problem": f"以{price.value}元成交，低于保留价{reserve.value}元："
                "最高应价未达到保留价的，该应价不发生效力，拍卖师应当停止拍卖该标的"
            },
        )  # fmt: skip


# --------------------------------------------------------------------------------------------
# ANN-E04: asset transfers of enterprises, notice period by the floor price's band


_PERIOD_START = ("公告期开始", "披露期开始", "re:(?:公告|披露|挂牌|信息发布)期(?:为|自|:)?")
_PERIOD_END = (
    "公告期截止",
    "公告期满",
    "披露期截止",
    "re:(?:公告|披露|挂牌|信息发布)期[^。\\n]{0,30}?至",
)


def _dated(fact: FactValue | None) -> dt.date | None:
    return as_date(fact.value) if fact is not None else None


def asset_transfer_notice_period(
    rule: Rule, subject: Subject, context: Context
) -> Iterator[Finding]:
    """ANN-E04: an enterprise's asset transfer with a floor of ¥1m–10m is announced for at least
    10 working days, above ¥10m for at least 20. The period is the stated announcement period,
    else from publication to the auction day (the longest it can be: shorter than required there
    is shorter than required anyway). The floor is the one listing, floor or starting price the
    document states; with several prices it is not judged."""
    from .. import periods

    floor = (
        _one(subject, "starting_price")
        or _one(subject, "lots.starting_price")
        or _one(subject, "reserve_price")
        or _one(subject, "lots.reserve_price")
    )
    if floor is None:
        return
    amount = Decimal(str(floor.value))
    low = Decimal(str(_param(rule, context, "band_low", 1_000_000)))
    high = Decimal(str(_param(rule, context, "band_high", 10_000_000)))
    if amount < low:
        return  # below the first band the enterprise sets the period itself
    days = int(_param(rule, context, "high_days" if amount > high else "low_days", 10))
    start = _dated(subject.first("announcement_period_start")) or _dated(
        date_after_label(subject, _PERIOD_START)
    )
    end = _dated(subject.first("announcement_period_end")) or _dated(
        date_after_label(subject, _PERIOD_END)
    )
    if start is None or end is None:
        start = _dated(subject.first("publish_date"))
        end = _dated(context.lookup("auction_datetime", subject))
    if start is None or end is None:
        yield from unchecked(rule, subject, context, ["publish_date", "auction_datetime"])
        return
    context.evaluated.add(rule.id)
    result = periods.add_working_days(start, days, context.calendar)
    if end < result.end:
        yield make_finding(
            rule, subject, context, fact=floor,
            fill={
                "floor": f"{amount:,.2f}",
                "start": _day(start),
                "end": _day(end),
                "days": days,
                "due": _day(result.end),
            },
            details={"counting": result.explain(context.lang), "due": result.end.isoformat()},
        )  # fmt: skip


def _day(value: dt.date) -> str:
    from ..values.dates import format_date

    return format_date(value)


# --------------------------------------------------------------------------------------------
# COMM-03: a commission above the rate the document itself states


_COMMISSION_AMOUNT = ("佣金金额", "应付佣金", "佣金:", "佣金为", "re:佣金[^。\\n%]{0,24}?计")


def commission_over_own_rate(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """COMM-03: the commission amount charged is more than the stated rate of the hammer price
    (by more than one yuan of rounding). Only one price, one rate and one amount are compared."""
    price = _one(subject, "hammer_price")
    amount = _one(subject, "commission_amount")
    if amount is None and subject.pages:
        amount = amount_after_label(subject, _COMMISSION_AMOUNT)
    rate = _one(subject, "commission_rate") or _one(subject, "commission_rate_buyer")
    if price is None or amount is None or rate is None:
        return
    due = (Decimal(str(price.value)) * Decimal(str(rate.value))).quantize(Decimal("0.01"))
    charged = Decimal(str(amount.value))
    if charged - due > 1:
        percent = (Decimal(str(rate.value)) * 100).normalize()
        yield make_finding(
            rule, subject, context, fact=amount,
            fill={
                "charged": f"{charged:,.2f}",
                "due": f"{due:,.2f}",
                "rate": f"{percent:f}%",
                "over": f"{charged - due:,.2f}",
            },
        )  # fmt: skip


# --------------------------------------------------------------------------------------------
# COMM-04: no commission at all, or a kickback to the consignor


_CHARITY = r"义拍|慈善|公益|捐赠|赈灾|助学"
_KICKBACK = (
    r"回扣|返点|返佣|佣金返还(?:给|予)?委托人|向委托人返还佣金"
    r"|给予委托人[^。]{0,10}(?:好处费|回报)"
)


def _zero_rate(who: str) -> str:
    """``委托人支付佣金比例：成交价的0%`` or ``委托人不支付佣金`` (the reader gives no fact for a
    zero rate)."""
    return (
        rf"{who}[^。;\n]{{0,16}}佣金[^。;\n]{{0,12}}?(?<![\d.])0(?:\.0+)?%"
        rf"|{who}[^。;\n]{{0,10}}(?:不支付|免收|免付|无需支付)佣金"
    )


_ZERO_CONSIGNOR = _zero_rate("委托人")
_ZERO_BUYER = _zero_rate("买受人")
_WAIVED = (
    r"(?:双方|委托人和买受人|委托人、买受人)[^。]{0,6}均?(?:免收|不收取|不支付)佣金"
    r"|不向任何一方收取佣金|免收全部佣金|零佣金"
)


def commission_waived_or_kickback(
    rule: Rule, subject: Subject, context: Context
) -> Iterator[Finding]:
    """COMM-04: a contract that charges neither side any commission (both rates stated and
    zero, or the text says so), or promises the consignor a kickback; a charity sale (义拍) is
    excepted from the first."""
    kickback = _line_with(subject, _KICKBACK) if subject.pages else None
    if kickback is not None:
        yield make_finding(
            rule, subject, context, item=2, fact=kickback,
            fill={"problem": "约定给予委托人回扣"},
        )  # fmt: skip
    if subject.pages and _line_with(subject, _CHARITY) is not None:
        return
    if any(f.value is True for f in subject.values("is_charity")):
        return
    consignor = _one(subject, "commission_rate_consignor")
    buyer = _one(subject, "commission_rate_buyer")
    waived: FactValue | None = None
    rates = [Decimal(str(f.value)) for f in (consignor, buyer) if f is not None]
    if len(rates) == 2 and not any(rates):
        waived = buyer
    if waived is None and subject.pages:
        waived = _line_with(subject, _WAIVED)
    if waived is None and subject.pages and _line_with(subject, _ZERO_CONSIGNOR) is not None:
        waived = _line_with(subject, _ZERO_BUYER)
    if waived is not None:
        yield make_finding(
            rule, subject, context, item=1, fact=waived,
            fill={"problem": "委托人和买受人均不收取佣金"},
        )  # fmt: skip


# --------------------------------------------------------------------------------------------
# COMM-N01: the auxiliary costs of an online judicial sale are the debtor's


_ON_BUYER = (
    r"(?:辅助(?:工作|服务)?|服务|委托辅助|网拍辅助|拍辅)[^。;]{0,12}(?:费用|费)[^。;]{0,16}"
    r"由(?:买受人|竞买人|竞得人|买方)[^。;]{0,4}(?:承担|支付|负担|缴纳|交纳)"
    r"|(?:买受人|竞得人|买方)[^。;]{0,10}(?:另行)?(?:支付|承担|缴纳|交纳)[^。;]{0,12}(?:辅助(?:工作|服务)?费|拍辅费|网拍服务费)"
)


def auxiliary_costs_on_buyer(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """COMM-N01: a text that puts the costs of the auxiliary work of an online judicial sale on
    the buyer (they are borne by the judgment debtor)."""
    if not subject.pages:
        return
    found = _line_with(subject, _ON_BUYER)
    if found is not None:
        yield make_finding(rule, subject, context, fact=found, fill={"line": found.evidence})


# --------------------------------------------------------------------------------------------
# JUD-03: a judicial report in one original and three copies


_COUNT = r"(?P<n>\d+|[一二两三四五六七八九十])"
_ORIGINALS = rx.compile(rf"正本\s*(?:份数)?\s*:?\s*(?:共)?\s*{_COUNT}\s*份")
_COPIES = rx.compile(rf"副本\s*(?:份数)?\s*:?\s*(?:共)?\s*{_COUNT}\s*份")
_CHINESE = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _count_in(subject: Subject, pattern: re.Pattern[str]) -> FactValue | None:
    for number, _original, normalized in subject.pages:
        match = pattern.search(normalized)
        if match:
            raw = match.group("n")
            value = int(raw) if raw.isdigit() else _CHINESE.get(raw, 10)
            start = normalized.rfind("\n", 0, match.start()) + 1
            end = normalized.find("\n", match.end())
            line = normalized[start : end if end != -1 else None].strip()[:120]
            return FactValue(value, "text", number, line)
    return None


def report_copies(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """JUD-03: a failed-auction or completion report of a court sale is made in one original and
    three copies (item 1: originals, item 2: copies), from the counts the report states."""
    originals = subject.first("original_count") or _count_in(subject, _ORIGINALS)
    copies = subject.first("copy_count") or _count_in(subject, _COPIES)
    want_originals = int(_param(rule, context, "originals", 1))
    want_copies = int(_param(rule, context, "copies", 3))
    checks: Sequence[tuple[int, FactValue | None, int, str]] = (
        (1, originals, want_originals, "正本"),
        (2, copies, want_copies, "副本"),
    )
    for item, fact, wanted, what in checks:
        if fact is None or not isinstance(fact.value, int):
            continue
        if fact.value < wanted:
            yield make_finding(
                rule, subject, context, item=item, fact=fact,
                fill={"what": what, "count": fact.value, "wanted": wanted},
            )  # fmt: skip
