"""Rules that need a few lines of Python. Each hook is registered by name and referenced from the
rule file (``check: {type: hook, hook: amount-words}``); adding one is a visible one-line change
in ``HOOKS``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import rx
from ..errors import InvalidValue
from .checks import CheckFunction, make_finding, unchecked
from .findings import Finding
from .hooks_announcement_side import (
    asset_transfer_notice_period,
    auxiliary_costs_on_buyer,
    commission_over_own_rate,
    commission_waived_or_kickback,
    price_below_reserve,
    report_copies,
)
from .spec import Rule
from .subjects import FactValue, Subject

if TYPE_CHECKING:
    from .context import Context

_WORDS = rx.compile(
    r"大写[)）]?\s*[:：]?\s*(?:人民币|RMB)?\s*([零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]{2,})"
)
# A figure counts only when it is marked as money (¥ before it or 元 after it), never a date.
_FIGURES = rx.compile(
    r"[¥￥]\s*(?P<a>\d[\d,]*(?:\.\d{1,2})?)|(?P<b>\d[\d,]*(?:\.\d{1,2})?)\s*(?P<unit>万?元)"
)


def _figures_in(text: str) -> list[Decimal]:
    from ..values.money import parse_amount

    found = []
    for match in _FIGURES.finditer(text):
        raw = match.group("a") or (match.group("b") + (match.group("unit") or ""))
        try:
            found.append(parse_amount(raw))
        except InvalidValue:
            continue
    return found


def amount_words(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """An amount written in figures and in 大写 must be the same amount (AMOUNT-WORDS)."""
    from ..values.money import parse_words

    flagged_pages: set[int | None] = set()
    # A model: the 大写 total against the total in figures.
    for words_fact in subject.values("total_amount_words"):
        figures = subject.first("total_amount")
        if figures is None or not isinstance(words_fact.value, str):
            continue
        try:
            in_words = parse_words(words_fact.value)
        except InvalidValue:
            problem = "无法识别"
        else:
            if in_words == Decimal(str(figures.value)):
                continue
            problem = "不一致"
        fill = {"words": words_fact.value, "figures": figures.value, "problem": problem}
        yield make_finding(rule, subject, context, fact=words_fact, fill=fill)
    # A read document: the reader's "<name>_words" facts (大写 written beside the figures).
    for fact in subject.values_ending("_words"):
        if not isinstance(fact.value, Decimal):
            continue
        base = subject.values(fact.path[: -len("_words")])
        candidates = [f for f in base if f.page == fact.page] or base
        amounts = [Decimal(str(f.value)) for f in candidates if isinstance(f.value, Decimal)]
        # Several lots on one page each have their own figures: the words must match one.
        if amounts and fact.value not in amounts:
            flagged_pages.add(fact.page)
            fill = {"words": fact.evidence, "figures": amounts[0], "problem": "不一致"}
            yield make_finding(rule, subject, context, fact=fact, fill=fill)
    # A read document: every labelled 大写 amount against the money figures on its line, or on
    # the two lines above it (forms print 合计 and 合计（大写） on separate lines).
    for number, _original, normalized in subject.pages:
        if number in flagged_pages:
            continue
        lines = normalized.splitlines()
        for index, line in enumerate(lines):
            match = _WORDS.search(line)
            if not match:
                continue
            try:
                in_words = parse_words(match.group(1))
            except InvalidValue:
                continue
            near = _figures_in(line[: match.start()] + " " + line[match.end() :])
            if not near:
                near = _figures_in("\n".join(lines[max(0, index - 2) : index]))
            if near and in_words not in near:
                quoted = FactValue(match.group(1), "text", number, line.strip()[:120])
                fill = {"words": match.group(1), "figures": near[-1], "problem": "不一致"}
                yield make_finding(rule, subject, context, fact=quoted, fill=fill)


def id_checksum(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """ID numbers and credit codes in a read document must pass their check (ID-CHECKSUM).
    A model cannot hold an invalid one (validation refuses it), so this looks at reader facts."""
    for fact in subject.values("id_number_invalid"):
        yield make_finding(rule, subject, context, fact=fact, fill={"number": "证件号码"})
    for fact in subject.values("credit_code_invalid"):
        yield make_finding(rule, subject, context, fact=fact, fill={"number": "统一社会信用代码"})


# SPC-SALE art. 29: marginal caps on the buyer's commission by price band.
_JUDICIAL_TIERS = (
    (Decimal("2000000"), Decimal("0.05")),
    (Decimal("10000000"), Decimal("0.03")),
    (Decimal("50000000"), Decimal("0.02")),
    (Decimal("100000000"), Decimal("0.01")),
    (None, Decimal("0.005")),
)


def judicial_commission_cap(price: Decimal) -> Decimal:
    """The most a judicial sale may charge the buyer at ``price`` (marginal tiers)."""
    cap = Decimal("0")
    lower = Decimal("0")
    for upper, rate in _JUDICIAL_TIERS:
        top = price if upper is None else min(price, upper)
        if top > lower:
            cap += (top - lower) * rate
        if upper is None or price <= upper:
            break
        lower = upper
    return cap.quantize(Decimal("0.01"))


def judicial_commission(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """COMM-J01: judicial sales charge the buyer only, within the tiered cap."""
    consignor = subject.first("commission_rate_consignor")
    if consignor is not None and Decimal(str(consignor.value)) > 0:
        yield make_finding(
            rule, subject, context, item=1, fact=consignor,
            fill={"problem": "司法拍卖不得向委托人（法院）收取佣金"},
        )  # fmt: skip
    price = subject.first("hammer_price")
    if price is None:
        return
    amount = subject.first("commission_amount")
    rate = subject.first("commission_rate_buyer") or subject.first("commission_rate")
    if amount is not None:
        charged, shown = Decimal(str(amount.value)), f"{amount.value}元"
    elif rate is not None:
        # "佣金按成交价的5%收取": the amount that rate gives at this price
        charged = (Decimal(str(price.value)) * Decimal(str(rate.value))).quantize(Decimal("0.01"))
        percent = (Decimal(str(rate.value)) * 100).normalize()
        shown = f"{charged}元（成交价的{percent:f}%）"
        amount = rate
    else:
        yield from unchecked(rule, subject, context, ["commission_amount"])
        return
    context.evaluated.add(rule.id)
    cap = judicial_commission_cap(Decimal(str(price.value)))
    if charged > cap:
        yield make_finding(
            rule, subject, context, item=2, fact=amount,
            fill={"problem": f"佣金{shown}超过分段累进上限{cap}元"},
        )  # fmt: skip


# --------------------------------------------------------------------------------------------
# The sale and after it (CONDUCT, REC, POST)

_HAMMER_WORDS = rx.compile(r"落槌|落锤|击槌|敲槌|槌定|买定|拍定|一槌定音|落锤成交")


def _parent(path: str) -> str:
    return path.rsplit(".", 1)[0] if "." in path else ""


def _under(subject: Subject, name: str, parent: str) -> list[FactValue]:
    return [f for f in subject.values(name) if f.path.startswith(parent + ".")]


def sold_lot_hammer(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """CONDUCT-04: a sold lot was sold at the hammer (or another public acceptance), to the
    highest bid. Item 1: no hammer recorded; item 2 (models): the recorded highest bid or buyer
    is not the top of the bid record."""
    sold = [
        f
        for f in subject.values("lots.result")
        if str(getattr(f.value, "value", f.value)) == "sold"
    ]
    if not subject.pages:
        for lot in sold:
            parent = _parent(lot.path)
            if not _under(subject, "hammer_time", parent):
                number = int(parent.rsplit(".", 1)[-1]) + 1
                problem = f"第{number}项标的成交却未记录落槌时间"
                yield make_finding(
                    rule, subject, context, item=1, fact=lot, fill={"problem": problem}
                )
            bids = _under(subject, "amount", parent + ".bids")
            highest = _under(subject, "highest_bid", parent)
            if not bids or not highest:
                continue
            top = max(bids, key=lambda f: Decimal(str(f.value)))
            if Decimal(str(highest[0].value)) != Decimal(str(top.value)):
                problem = f"最高应价{highest[0].value}元与应价记录中的最高应价{top.value}元不符"
                fill = {"problem": problem}
                yield make_finding(rule, subject, context, item=2, fact=highest[0], fill=fill)
                continue
            bidder = _under(subject, "bidder_no", _parent(top.path))
            buyer = _under(subject, "buyer_bidder_no", parent)
            if bidder and buyer and str(bidder[0].value) != str(buyer[0].value):
                problem = f"买受人号牌{buyer[0].value}不是最高应价的竞买人号牌{bidder[0].value}"
                fill = {"problem": problem}
                yield make_finding(rule, subject, context, item=2, fact=buyer[0], fill=fill)
        return
    if not sold or subject.values("hammer_time"):
        return
    if subject.find_text([f"re:{_HAMMER_WORDS.pattern}"]) is None:
        problem = "笔录记载标的成交，却未记录拍卖师落槌或以其他公开表示买定的方式确认"
        yield make_finding(rule, subject, context, item=1, fact=sold[0], fill={"problem": problem})


def _distinct(facts: list[FactValue]) -> dict[Decimal, FactValue]:
    found: dict[Decimal, FactValue] = {}
    for fact in facts:
        if isinstance(fact.value, (Decimal, int, float)):
            found.setdefault(Decimal(str(fact.value)), fact)
    return found


def hammer_below_start(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """CONDUCT-11: an online judicial sale is made only at or above the starting price. Compared
    only where the lot is unmistakable: one hammer price and one starting price (in the
    document, else in the whole bundle), or per lot of a transcript model."""
    if not subject.pages:
        for lot in subject.values("lots.result"):
            if str(getattr(lot.value, "value", lot.value)) != "sold":
                continue
            parent = _parent(lot.path)
            top, start = (
                _under(subject, "highest_bid", parent),
                _under(subject, "starting_price", parent),
            )
            if top and start and Decimal(str(top[0].value)) < Decimal(str(start[0].value)):
                fill = {"price": top[0].value, "start": start[0].value}
                yield make_finding(rule, subject, context, fact=top[0], fill=fill)
        return
    hammers = _distinct(subject.values("hammer_price"))
    starts = _distinct(subject.values("starting_price"))
    if not starts:
        starts = _distinct([f for s in context.subjects for f in s.values("starting_price")])
    if len(hammers) != 1 or len(starts) != 1:
        return
    (price, fact), (floor, _) = next(iter(hammers.items())), next(iter(starts.items()))
    if price < floor:
        yield make_finding(rule, subject, context, fact=fact, fill={"price": price, "start": floor})


def staff_arrival(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """CONDUCT-14/15: the firm's staff were on site at least ``lead_minutes`` before the start
    (a venue's rule: CONFLICT-13). Only where the document states when they arrived."""
    import datetime as dt

    arrival = subject.first("staff_arrival_time")
    start = context.lookup("auction_datetime", subject)
    if arrival is None or start is None or not isinstance(start.value, dt.datetime):
        return
    came = arrival.value
    if isinstance(came, dt.time):
        came = dt.datetime.combine(start.value.date(), came)
    if not isinstance(came, dt.datetime):
        return
    lead = int(context.param(rule, "lead_minutes"))
    minutes = int((start.value - came).total_seconds() // 60)
    if minutes < lead:
        fill = {
            "arrival": came.strftime("%H:%M"),
            "start": start.value.strftime("%H:%M"),
            "minutes": minutes,
            "lead": lead,
        }
        yield make_finding(rule, subject, context, fact=arrival, fill=fill)


def held_as_announced(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """CONDUCT-18: the sale was held on the day the announcement of the bundle gives. Only when
    the announcement names one auction day and the document one day of sale."""
    from .subjects import as_date

    held = {as_date(f.value) for f in subject.values("auction_datetime")} - {None}
    announced = {
        as_date(f.value)
        for other in context.subjects
        if other is not subject and other.kind == "announcement"
        for f in other.values("auction_datetime")
    } - {None}
    if len(held) != 1 or len(announced) != 1 or held == announced:
        return
    fact = subject.first("auction_datetime")
    fill = {"held": _day(next(iter(held))), "announced": _day(next(iter(announced)))}
    yield make_finding(rule, subject, context, fact=fact, fill=fill)


def _day(value: object) -> str:
    from ..values.dates import format_date

    return format_date(value)  # type: ignore[arg-type]


def retention_period(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """REC-02/REC-04: a retention period the document states is not shorter than the minimum
    (rule parameter ``min_years``); with ``about`` (a regular expression), only a period stated
    of those records (电子数据 for the platform's data)."""
    minimum = int(context.param(rule, "min_years"))
    about = rule.params.get("about")
    from ..reading.normalize import normalize

    for fact in subject.values("retention_years"):
        if about and not re.search(about, normalize(fact.evidence or "")):
            continue
        if int(fact.value) < minimum:
            fill = {"years": fact.value, "min": minimum}
            yield make_finding(rule, subject, context, fact=fact, fill=fill)


_DEFECT_PERIOD = rx.compile(
    r"(?:瑕疵|质量问题|质量异议|品质)[^。;]{0,40}?(?:请求赔偿|索赔|赔偿请求|主张权利|提出异议|提出索赔|提出赔偿|追究)"
    r"[^。;]{0,20}?(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<unit>日|天|个月|月)(?:内|之内)"
    r"|(?P<n2>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<unit2>日|天|个月|月)(?:内|之内)[^。;]{0,20}?"
    r"(?:未|不)?(?:对|就)?[^。;]{0,10}?瑕疵[^。;]{0,20}?(?:提出|主张|索赔|请求)[^。;]{0,30}?(?:逾期|过期)"
    r"|(?:瑕疵|质量问题|质量异议)[^。;]{0,30}?(?P<n3>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*"
    r"(?P<unit3>日|天|个月|月)(?:内|之内)[^。;]{0,10}?(?:提出|主张)[^。;]{0,6}?(?:索赔|赔偿|异议)"
)


def defect_claim_period(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """POST-05: a document that cuts the time for claims over undeclared defects below the
    statutory year (拍卖法 art. 61; the limitation cannot be shortened by agreement)."""
    from ..reading.dates import chinese_number

    for number, _original, normalized in subject.pages:
        for match in _DEFECT_PERIOD.finditer(normalized):
            raw = match.group("n") or match.group("n2") or match.group("n3")
            unit = match.group("unit") or match.group("unit2") or match.group("unit3")
            count = int(raw) if raw.isdigit() else chinese_number(raw.replace("两", "二"))
            if count is None:
                continue
            days = count * 30 if "月" in unit else count
            if days >= 365:
                continue
            line = normalized[max(0, match.start() - 10) : match.end() + 10].replace("\n", "")
            quoted = FactValue(match.group(0), "text", number, line[:120])
            yield make_finding(rule, subject, context, fact=quoted, fill={"period": f"{raw}{unit}"})
            return


_REGIME_2001_END = (2013, 3, 1)  # the 2013 measures replaced the 2001 interim measures


def filing_window_2001(rule: Rule, subject: Subject, context: Context) -> Iterator[Finding]:
    """FILE-08: under the 2001 interim measures (filings dated before 2013-03-01) the
    pre-auction filing falls within the 7 days before the auction day: not earlier, not on it
    or after (CONFLICT-02). A later filing follows FILE-01 and the rules in force."""
    import datetime as dt

    from .subjects import as_date

    filed = subject.first("filing_date")
    auction = context.lookup("auction_datetime", subject)
    filed_day = as_date(filed.value) if filed is not None else None
    auction_day = as_date(auction.value) if auction is not None else None
    if filed is None or filed_day is None or auction_day is None:
        return
    if filed_day >= dt.date(*_REGIME_2001_END):
        return
    days = int(context.param(rule, "window_days"))
    earliest = auction_day - dt.timedelta(days=days)  # "前7天内": the 7 days before the sale
    if earliest <= filed_day < auction_day:
        return
    fill = {"filed": _day(filed_day), "auction": _day(auction_day), "earliest": _day(earliest)}
    yield make_finding(rule, subject, context, fact=filed, fill=fill)


HOOKS: dict[str, CheckFunction] = {
    "asset-transfer-notice-period": asset_transfer_notice_period,
    "auxiliary-costs-on-buyer": auxiliary_costs_on_buyer,
    "commission-over-own-rate": commission_over_own_rate,
    "commission-waived-or-kickback": commission_waived_or_kickback,
    "price-below-reserve": price_below_reserve,
    "report-copies": report_copies,
    "amount-words": amount_words,
    "id-checksum": id_checksum,
    "judicial-commission": judicial_commission,
    "sold-lot-hammer": sold_lot_hammer,
    "hammer-below-start": hammer_below_start,
    "staff-arrival": staff_arrival,
    "held-as-announced": held_as_announced,
    "retention-period": retention_period,
    "defect-claim-period": defect_claim_period,
    "filing-window-2001": filing_window_2001,
}

# The lot, contract, state-asset and vehicle hooks live in their own module.
from .hooks_lots_contracts import LOT_CONTRACT_HOOKS  # noqa: E402

HOOKS.update(LOT_CONTRACT_HOOKS)
