"""Rules that need a few lines of Python. Each hook is registered by name and referenced from the
rule file (``check: {type: hook, hook: amount-words}``); adding one is a visible one-line change
in ``HOOKS``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import InvalidValue
from .checks import CheckFunction, make_finding, unchecked
from .findings import Finding
from .spec import Rule
from .subjects import FactValue, Subject

if TYPE_CHECKING:
    from .engine import Context

_WORDS = re.compile(
    r"大写[)）]?\s*[:：]?\s*(?:人民币|RMB)?\s*([零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]{2,})"
)
# A figure counts only when it is marked as money (¥ before it or 元 after it), never a date.
_FIGURES = re.compile(
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


HOOKS: dict[str, CheckFunction] = {
    "amount-words": amount_words,
    "id-checksum": id_checksum,
    "judicial-commission": judicial_commission,
}
