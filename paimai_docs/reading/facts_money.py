"""Amounts: after their label, in the 大写 beside the figures, and in tables of lots."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from functools import partial

from .. import rx
from ..values.money import parse_amount, parse_words
from .facts_base import _Doc, _Facts, _labels, _LabelSet, _or_none, _Page

_parse_amount = _or_none(parse_amount)
_parse_words = _or_none(parse_words)

# Figures; an O or 〇 typed for a zero after a digit ("3O万元") is read as 0.
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d(?:\d|[O〇](?=[\dO〇.万元亿]))*(?:\.\d+)?"
_BIG = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿"
# an amount in words: 大写 (壹拾万元整), or everyday numerals with a unit (二十万元, 一百五十万元)
_SMALL = "〇零一二两三四五六七八九十百千万亿"
_WORDS_CORE = rf"(?:[{_BIG}]+|[{_SMALL}]*[十百千万亿][{_SMALL}]*)[元圆](?:[{_BIG}]+[角分])*[整正]?"
_VALUE = rx.compile(
    r"(?P<filler>(?:[^。;\n\d]|\d[.、](?=\D)){0,16}?)"
    rf"(?:(?P<prefix>人民币|RMB ?|CNY ?|¥)?(?P<num>{_NUMBER})(?!\d)(?![.、](?!\d))"
    r" ?(?P<mult>万亿|亿|万)?(?P<yuan>元|圆)?"
    rf"|(?:人民币)?(?:\(?大写\)?:?)?(?P<words>{_WORDS_CORE}))"
)
# A unit in brackets after the label, or a bracketed remark without figures ("（含税）").
_LABEL_UNIT = rx.compile(r"\((?P<unit>万元|元|人民币元|万|亿元)\)|\((?![^()\n]*\d)[^()\n]{1,12}\)")
# A label that ends its line (a heading or a form's label cell): its value starts the next one.
_LINE_END = rx.compile(r"[:\s|]*(?:为|是)?(?:人民币)?[:\s]*\n")
_WORDS_AFTER = rx.compile(rf" ?\((?:大写|人民币|:)*(?P<words>{_WORDS_CORE})\)")
_FIGURES_AFTER = rx.compile(rf" ?\((?:小写|人民币|:|¥)*(?P<num>{_NUMBER}) ?(?P<mult>万|亿)?元?\)")
_BARE_FILLER = rx.compile(r"^[:\s|]*(?:为|是|约|合计|共计)?[:\s|]*(?:人民币)?$")
_NO_VALUE = rx.compile(r"无|不设|没有|待定|另行|见附|详见")
# Between a label and a figure: a rate ("成交价的5%计59000元" is a commission), a unit of
# measure ("参考价每吨3150元" is a unit price) or what is left of it ("扣除保证金后的余款…元" is
# the balance), so the figure is not the labelled amount.
_NOT_THE_AMOUNT = rx.compile(
    r"[%‰]|百分之|千分之|每(?:吨|平方米|平米|㎡|m2|公斤|千克|斤|股|亩|立方|延米|克)"
    r"|余款|尾款|差额|剩余"
)
_CJK_CHAR = rx.compile(r"[\u4e00-\u9fff%‰]")
# "保留价：按评估价的80%确定为2080000元": a price set as a share of another one — the figure is
# the labelled price, the other price and the rate only say how it was set.
_SET_FROM_ANOTHER = rx.compile(
    r"[:\s]*(?:[^。;\n\d:]{0,10}?,)?(?:按|以|取|为)?"
    r"(?:评估价|评估值|评估价值|市场价|参考价|起拍价|保留价)(?:格)?的"
    r"(?:\d{1,3}(?:\.\d+)?%|百分之[一二三四五六七八九十]+)"
    r"(?:确定|计算|计|核定)?,?(?:即|为|是)?"
    # "保留价：第一次拍卖的保留价为评估价，即人民币1586400元": the same amount, said again
    r"|[:\s]*(?:[^。;\n\d:]{0,14}?)(?:为|按|以|同|即)"
    r"(?:评估价|评估值|评估价值|起拍价|保留价|参考价)(?:格)?,?(?:即|也即|也就是)"
)


def _figures(number: str) -> str:
    return number.replace("O", "0").replace("〇", "0")


def _amount_at(
    text: str, position: int, label_unit: str | None, labels: _LabelSet
) -> tuple[Decimal, int, Decimal | None, int] | None:
    """(amount, end of the amount, the 大写 amount written beside it or None, end) for the first
    amount after a label ending at ``position``; None when none follows closely."""
    at = position
    while at - position <= 24:
        match = _VALUE.match(text, at)
        if match is None:
            return None
        filler = text[position : match.start("num") if match.group("num") else match.end()]
        if (
            _NO_VALUE.search(filler)
            or labels.pattern.search(filler)
            or _NOT_THE_AMOUNT.search(filler)
        ):
            return None
        if match.group("words"):
            return _words_amount(text, match)
        found = _figures_amount(text, match, label_unit, filler)
        if found is not None:
            return found
        at = match.end()
    return None


_OPENING = rx.compile(
    # "第一号标的人民币贰拾万元…" under its label: the first lot's
    r"(?:第?[一二三四五六七八九十\d]{1,2}号(?:标的|拍品)?[:,\s]*)?"
    rf"(?:人民币|RMB|CNY)?(?:(?P<words>{_WORDS_CORE})|(?P<prefix>¥)?(?P<num>{_NUMBER})(?!\d) ?"
    r"(?P<mult>万亿|亿|万)?(?P<yuan>元|圆)?)"
)


def _amount_opening(text: str, position: int) -> tuple[Decimal, int, Decimal | None, int] | None:
    """An amount that opens the line at ``position`` (the value under a label that ended the
    line before); it must show that it is money (元, 万, ¥ or 大写), a bare number being more
    likely a lot number or a count."""
    match = _OPENING.match(text, position)
    if match is None:
        return None
    if match.group("words"):
        return _words_amount(text, match)
    if not (match.group("prefix") or match.group("mult") or match.group("yuan")):
        return None
    return _figures_amount(text, match, None, "")


def _words_amount(
    text: str, match: re.Match[str]
) -> tuple[Decimal, int, Decimal | None, int] | None:
    """A 大写 amount, with the figures written beside it in brackets when there are some."""
    value = _parse_words(match.group("words"))
    if value is None:
        return None
    end = match.end()
    after = _FIGURES_AFTER.match(text, end)
    if after:
        figures = _parse_amount(_figures(after.group("num")) + (after.group("mult") or "") + "元")
        if figures is None:
            return value, end, None, end
        return figures, after.end(), value, after.end()
    return value, end, None, end


def _figures_amount(
    text: str, match: re.Match[str], label_unit: str | None, filler: str
) -> tuple[Decimal, int, Decimal | None, int] | None:
    """An amount in figures, if it has a unit (元, 万元, ¥, a unit in the label) or stands right
    after the label's colon; with the 大写 written beside it in brackets when there is one."""
    number, mult, yuan = match.group("num"), match.group("mult"), match.group("yuan")
    end = match.end()
    if not (yuan or mult or match.group("prefix") or label_unit):
        following = text[end : end + 1]
        if not _BARE_FILLER.match(filler) or _CJK_CHAR.match(following) or following == ".":
            return None
    if not mult and label_unit in ("万元", "万"):
        mult = "万"
    elif not mult and label_unit == "亿元":
        mult = "亿"
    value = _parse_amount(_figures(number) + (mult or "") + "元")
    if value is None:
        return None
    words_value: Decimal | None = None
    after = _WORDS_AFTER.match(text, end)
    if after:
        words_value = _parse_words(after.group("words"))
        if words_value is not None:
            end = after.end()
    return value, match.end(), words_value, end


_NO_RESERVE = rx.compile(
    r"保留价(?::|为)?(?:无|没有|不设)(?!.{0,3}保留)|(?<!有)无保留价|不设保留价|没有保留价"
)
# A sentence that says a lot did not sell: its highest bid is no hammer price.
_NOT_SOLD = rx.compile(r"流拍|未达到?保留价|未成交|不成交|无人应价|撤拍|中止|低于保留价")
_NOT_WON = rx.compile(r"(?:无人|未能?|没有|不能|未有)$")
# A price of an earlier sale that failed ("第一次拍卖以起拍价120,400元流拍"): this sale's own
# price, said after it ("本次拍卖起拍价：96,320元"), comes first.
_EARLIER_SALE = rx.compile(
    r"(?:第[一二三四]次|首次|上次|前次|上一次|原)(?:拍卖|拍卖会)?[^。;]{0,20}?"
    r"(?:流拍|未成交|无人竞买|无人应价)"
)


_JOINED_LABEL = rx.compile(r"(?:及|和|与|、|/)")
_IN_YUAN = rx.compile(
    rf"\s*\([^()]{{0,30}}?(?:折合|约合|合|相当于)(?:人民币|RMB)\s*约?\s*(?P<num>{_NUMBER})\s*"
    r"(?P<mult>万)?元"
)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(
        text.rfind("。", max(0, start - 80), start), text.rfind("\n", max(0, start - 80), start)
    )
    right_candidates = [
        i for i in (text.find("。", end, end + 80), text.find("\n", end, end + 80)) if i >= 0
    ]
    return text[left + 1 : min(right_candidates) if right_candidates else end + 80]


def _money(doc: _Doc, facts: _Facts) -> None:
    labels = _labels()["money"]
    text = doc.text
    for match in labels.pattern.finditer(text):
        target = labels.owner.get(match.group(0))
        if not target:
            continue
        position = match.end()
        # "评估价及起拍价：…", "评估价/起拍价(元)：…": one amount for both
        joined = _JOINED_LABEL.match(text, position)
        also = labels.pattern.match(text, joined.end()) if joined else None
        if also is not None and labels.owner.get(also.group(0)) not in (None, target):
            position = also.end()
        else:
            also = None
        unit = _LABEL_UNIT.match(text, position)
        label_unit = None
        if unit:
            label_unit = unit.group("unit")
            position = unit.end()
        derived = _SET_FROM_ANOTHER.match(text, position)
        if derived and (
            target in ("reserve_price", "starting_price")
            # "竞买保证金为起拍价的20%,即人民币372,000元": the figure after the rate
            or (
                target == "deposit_amount"
                and ("%" in derived.group(0) or "百分之" in derived.group(0))
            )
        ):
            position = derived.end()  # the figure after "按评估价的80%确定为" is this price
        line_end = _LINE_END.match(text, position)
        if line_end is not None:
            found = _amount_opening(text, line_end.end())
        else:
            found = _amount_at(text, position, label_unit, labels)
        if found is None:
            continue
        value, value_end, words, end = found
        # "澳门元叁拾捌万元(MOP 380,000,折合人民币约347,700元)": the amount in yuan
        equivalent = _IN_YUAN.match(text, max(value_end, end))
        if equivalent is not None:
            in_yuan = _parse_amount(
                _figures(equivalent.group("num")) + (equivalent.group("mult") or "") + "元"
            )
            if in_yuan is not None:
                value, words = in_yuan, None
        if target == "hammer_price" and _NOT_SOLD.search(
            _sentence_around(text, match.start(), value_end)
        ):
            continue
        earlier = target in ("starting_price", "reserve_price") and bool(
            _EARLIER_SALE.search(_sentence_around(text, match.start(), value_end))
        )
        per_unit = _PER_UNIT.match(text, value_end) if target == "deposit_amount" else None
        if per_unit and (unit_value := _sentence_amount(per_unit)) is not None:
            # "已交保证金:10,000元(每辆5,000元)": the deposit of a lot is the one a unit
            facts.add(target, unit_value, match.start(), per_unit.end(), match.group(0))
            earlier = True
        facts.add(target, value, match.start(), value_end, match.group(0), 1 if earlier else 0)
        if also is not None:
            other = labels.owner[also.group(0)]
            facts.add(other, value, match.start(), value_end, also.group(0), 1 if earlier else 0)
        if words is not None:
            facts.add(f"{target}_words", words, match.start(), end, match.group(0))
    _sentences(doc, facts)
    for match in _NO_RESERVE.finditer(text):
        facts.add("has_reserve", False, match.start(), match.end(), "保留价")


# Prices stated in a sentence rather than after a label.
_AMOUNT = (
    rf"(?:(?P<words>{_WORDS_CORE})"
    rf"(?: ?\((?:小写|人民币|:|¥)*(?P<wnum>{_NUMBER}) ?(?P<wmult>万|亿)?元?\))?"
    rf"|(?P<prefix>人民币|¥)?(?P<num>{_NUMBER}) ?(?P<mult>万|亿)?(?P<yuan>元)?)"
)
# "以¥6,380,000.00的最高应价竞得", "以年租金12.96万元竞得", "以每年176.5万元竞得": the hammer price.
_WON_AT = rx.compile(
    r"以(?:每年|每月|年|月|总)?(?:租金|经营费|价款|总价|价格|成交价|最高应价|最高价)?(?:人民币)?"
    rf"{_AMOUNT}(?: ?\([^()\n]{{1,30}}\))?(?:的)?(?:最高应价|最高价|价格|价款|报价|总价)?"
    r"(?:竞得|成交|拍得|胜出|购得|落槌|买受|拍定|中标)"
)
# A result cell or line: "成交，007号，48,000元", "成交（12号）36万元": sold, and at what price.
_SOLD_AT = rx.compile(
    rf"(?<![未不])成交(?:,|\(| )?(?:[A-Za-z]?\d{{1,4}}号(?:牌)?)?(?:,|\)| )?{_AMOUNT}"
)
# "经评估，上述财产价值为12840000元": an appraisal told in a sentence (a ruling, a report).
_VALUED_AT = rx.compile(
    rf"经(?:[^。;]{{0,24}})?评估[^。;]{{0,40}}?价值(?:为|是|合计|共计)?(?:人民币)?{_AMOUNT}"
)
# "较9520万元的起拍价溢价44%", "以…玖拾捌万伍仟陆佰元整(¥985,600)为起拍价": a price told
# before its name.
_PRICE_AFTER_WORDS = ("起拍价", "评估价", "保留价", "底价", "评估值")
_PRICE_AFTER = rx.compile(
    rf"(?<![\d.,]){_AMOUNT}(?:的|为|作为|即为)(?:本次拍卖的|第一次拍卖的)?"
    rf"(?P<price>{'|'.join(_PRICE_AFTER_WORDS)})"
)
# "(每辆5,000元)", "(每车¥5,000.00)", "(1号车2000元)" after a total or a range
# ("1000—3000元/台"): what a unit (the first lot) comes to.
_PER_UNIT = rx.compile(
    r"(?:(?:—|-|~|～|至|到)\d[\d,.]*万?元?)?(?:/(?:辆|台|件|个|宗|套|项|车))? ?"
    r"\((?:(?:每|单)(?:辆|台|件|个|宗|套|项|车|标的|户|块|批)?|第?1号(?:车|标的|拍品|房产)?)"
    rf"[^()\d]{{0,4}}?(?:人民币)?{_AMOUNT}\)"
)
# "按每辆车人民币5000元交纳保证金", "须交纳5万元竞买保证金": the deposit told before its word.
_DEPOSIT_KIND = r"(?:竞买|竞拍|拍卖|竞投|报名)?(?:保证金|按金)"
_DEPOSIT_PAID_AT = (
    # "按每辆车5000元(、摩托车200元)交纳保证金"
    rx.compile(
        r"(?:按|以)(?:每(?:辆|台|件|个|宗|套|项|标的|户|块|批)[^\d,。;:]{0,3})?(?:人民币)?"
        rf"{_AMOUNT}(?:、[^,。;]{{1,16}}?)?(?:的标准)?(?:交纳|缴纳|交付|支付|预交|交)"
        + _DEPOSIT_KIND
    ),
    # "须交纳5万元竞买保证金", "缴纳人民币20万元保证金"
    rx.compile(rf"(?:交纳|缴纳|交付|预交)了?(?:人民币)?{_AMOUNT}(?:的)?" + _DEPOSIT_KIND),
)
# "以¥5,200,000.00起拍", "220000元起拍": the starting price.
_STARTS_WORDS = ("起拍", "起叫", "开拍")
_STARTS_AT = rx.compile(rf"(?<![\d.,]){_AMOUNT}(?:{'|'.join(_STARTS_WORDS)})")


def _sentence_amount(match: re.Match[str]) -> Decimal | None:
    if match.group("words"):
        if match.group("wnum"):
            value = _parse_amount(
                _figures(match.group("wnum")) + (match.group("wmult") or "") + "元"
            )
            if value is not None:
                return value
        return _parse_words(match.group("words"))
    if not (match.group("prefix") or match.group("mult") or match.group("yuan")):
        return None  # a bare number: a count or a lot number, not an amount
    return _parse_amount(_figures(match.group("num")) + (match.group("mult") or "") + "元")


def _sentences(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    if "以" in text:
        for match in _WON_AT.finditer(text):
            value = _sentence_amount(match)
            # "…以13.6万元竞得" says the lot was sold, whatever the sentence said before it
            # (报价后无人应价, then the hammer); only a negation of the win itself does not
            if value is None or _NOT_WON.search(text, max(0, match.start() - 4), match.start()):
                continue
            facts.add("hammer_price", value, match.start(), match.end(), "竞得", 1)
    if "评估" in text:
        for match in _VALUED_AT.finditer(text):
            value = _sentence_amount(match)
            if value is not None:
                facts.add("appraisal_value", value, match.start(), match.end(), "评估", 2)
    if "成交" in text:
        for match in _SOLD_AT.finditer(text):
            value = _sentence_amount(match)
            if value is not None:
                facts.add("hammer_price", value, match.start(), match.end(), "成交", 1)
    for match in rx.finditer_before(_STARTS_AT, text, _STARTS_WORDS):
        value = _sentence_amount(match)
        if value is not None:
            facts.add("starting_price", value, match.start(), match.end(), "起拍", 1)
    for match in rx.finditer_before(_PRICE_AFTER, text, _PRICE_AFTER_WORDS):
        value = _sentence_amount(match)
        if value is not None:
            label = match.group("price")
            facts.add(_PRICE_WORDS[label], value, match.start(), match.end(), label, 2)
    if "保证金" in text or "按金" in text:
        for pattern in _DEPOSIT_PAID_AT:
            for match in pattern.finditer(text):
                value = _sentence_amount(match)
                if value is not None:
                    facts.add("deposit_amount", value, match.start(), match.end(), "保证金", 1)


# "起拍价即评估价", "起拍价与保留价相同", "起拍价（即保留价）", "保留价等于起拍价": the two are
# one amount, so one stated gives the other.
_PRICE_WORDS = {
    "起拍价": "starting_price", "起始价": "starting_price", "保留价": "reserve_price",
    "底价": "reserve_price", "评估价": "appraisal_value", "评估值": "appraisal_value",
    "评估价值": "appraisal_value",
}  # fmt: skip
_PRICE = "|".join(sorted(_PRICE_WORDS, key=len, reverse=True))
_SAME_PRICE = rx.compile(
    rf"(?P<a>{_PRICE})(?:\(|,)?(?:即为|即|等于|就是|与|和|同)(?:本次拍卖的)?(?P<b>{_PRICE})"
    r"(?:相同|一致|相等|\))?"
)
# "以上述评估价作为各车辆的起拍价", "以评估价为起拍价": one price taken as the other.
_AS_PRICE = rx.compile(
    rf"以(?:上述|该|此|前述)?(?P<a>{_PRICE})(?:作为|为)[^,。;:]{{0,10}}?(?P<b>{_PRICE})"
)
_LISTING_LABELS = frozenset({"转让底价", "转让低价", "挂牌底价", "挂牌价格", "挂牌价"})
# Where bidding starts from the floor price (a sale that calls from the 底价).
_STARTS_FROM_FLOOR = rx.compile(
    r"(?:由|从|自)底价(?:开始)?(?:起叫|起拍|起价|竞价|叫价)|底价起拍|底价即起拍价"
)
_LISTING = rx.compile(r"挂牌|招租")
_REFERENCE_IS_START = rx.compile(
    r"参考价(?:即为|即|为|就是|作为)(?:本次拍卖的)?起拍价|以参考价(?:作为)?起拍|参考价起拍"
)
_REFERENCE_IS_APPRAISAL = rx.compile(r"参考价(?:即为|即|为|就是)(?:本次)?评估价")


def _price_roles(doc: _Doc, facts: _Facts, kind: str | None) -> None:
    """Prices the text names by another role: a listing's price (挂牌价, 转让底价) and a floor
    price where bidding starts from it are starting prices; 参考价 is the starting price when the
    text says so or states no other (else it stays the appraisal); two prices the text says
    are one amount give each other."""
    text = doc.text
    had_start = facts.first("starting_price") is not None
    listing = _LISTING.search(text) is not None
    floor_starts = _STARTS_FROM_FLOOR.search(text) is not None
    for fact in facts.ranked("reserve_price"):
        label = fact.label or ""
        if label in _LISTING_LABELS or (
            label.endswith("底价")
            and (listing or floor_starts or (kind == "announcement" and not had_start))
        ):
            facts.copy_as(fact, "starting_price")
    if "参考价" in text:
        says_start = _REFERENCE_IS_START.search(text) is not None
        says_appraisal = _REFERENCE_IS_APPRAISAL.search(text) is not None
        if says_start or not (had_start or says_appraisal):
            for fact in facts.ranked("appraisal_value"):
                if "参考价" in (fact.label or ""):
                    facts.copy_as(fact, "starting_price")
    for match in (*_SAME_PRICE.finditer(text), *_AS_PRICE.finditer(text)):
        first, second = _PRICE_WORDS[match.group("a")], _PRICE_WORDS[match.group("b")]
        if first == second:
            continue
        one, other = facts.first(first), facts.first(second)
        if one is not None and other is None:
            facts.add(second, one.value, match.start(), match.end(), match.group("b"), 2)
        elif other is not None and one is None:
            facts.add(first, other.value, match.start(), match.end(), match.group("a"), 2)


# Tables: a header row naming amount columns, then rows of cells separated by spaces, "|" or
# tabs. A row is read against the header from the left; when a cell of the row holds a space
# (a model name "奥迪A6L FV7241BCVBG") the row is shifted until every amount column holds an
# amount. A header that ends a page goes on with the first rows of the next.

_HEADER_WORDS = rx.compile(r"序号|编号|标的|名称|数量|单位|规格|型号|面积|坐落|车牌|号牌|拍品")
_CELL = rx.compile(rf"^(?:¥|人民币)?(?P<num>{_NUMBER})(?P<mult>万|亿)?元?$")
# no amount in the cell: empty, a dash, a result, or a yes/no mark (a "是否有保留价" column)
_EMPTY_CELL = rx.compile(r"^(?:—+|-+|/|无|有|是|否|设|不设|√|✓|×|流拍|撤拍|未成交|)$")
_CELL_UNIT = rx.compile(r"\((万元|元|万)\)")
_TABLE_UNIT = rx.compile(r"(?:金额|价格|价款|租金)?单位\s*[:：为]\s*(?:人民币)?(万元|元|万)")
_SEPARATORS = rx.compile(r" ?[|\t] ?")


def _cells(line: str, separator: str) -> list[str]:
    if separator == " ":
        return line.split(" ")
    return [cell.strip() for cell in _SEPARATORS.split(line.strip().strip("|"))]


def _separator(line: str) -> str:
    return "|" if "|" in line else "\t" if "\t" in line else " "


def _row_amounts(
    row: list[str], columns: dict[int, tuple[str, str | None, str]], width: int
) -> list[tuple[str, Decimal, str]] | None:
    """(fact name, amount, label) of the amount columns of ``row``, at the first alignment with
    the header where every amount column holds an amount or an empty mark and one at least an
    amount; None when there is none."""
    shifts = (
        range(0, len(row) - width + 1) if len(row) > width else range(0, len(row) - width - 1, -1)
    )
    for shift in shifts:
        found: list[tuple[str, Decimal, str]] = []
        for column, (target, unit, label) in columns.items():
            at = column + shift
            if not 0 <= at < len(row):
                found = []
                break
            amount = _CELL.match(row[at])
            if amount is None:
                if _EMPTY_CELL.match(row[at]):
                    continue
                found = []
                break
            mult = amount.group("mult") or ("万" if unit in ("万元", "万") else "")
            value = _parse_amount(_figures(amount.group("num")) + mult + "元")
            if value is None:
                found = []
                break
            found.append((target, value, label))
        if found:
            return found
    return None


def _tables(doc: _Doc, facts: _Facts) -> None:
    labels = _labels()["money"]
    pages = doc.pages
    for page_index, page in enumerate(pages):
        # A header cell holds a label. Normalising further only removes white space and turns
        # ○ into 〇 (no label has either), so the label is still in the normalised text: a
        # page whose normalised text holds none has no header.
        if labels.pattern.search(page.normalized) is None:
            continue
        lines = page.spaced_text.split("\n")
        for index, line in enumerate(lines):
            if labels.pattern.search(line) is None:  # nor can any of its cells
                continue
            separator = _separator(line)
            if len(_cells(line, separator)) < 3:
                continue
            rows = [row for row in _rows_after(pages, page_index, index, separator)
                    if not _RULE_ROW.match(row[2])]  # fmt: skip
            header = line
            if rows and _header_goes_on(rows[0][2]):
                header = f"{header}\n{rows[0][2]}"  # the PDF broke the header: it goes on
                rows = rows[1:]
            cells = _joined_cells(header, separator)
            # "拍卖结果如下(金额单位:万元/年):" over the table: the unit of every amount column
            # that does not name its own
            declared = _TABLE_UNIT.search("\n".join(lines[max(0, index - 2) : index]))
            columns: dict[int, tuple[str, str | None, str]] = {}
            for column, cell in enumerate(cells):
                match = labels.pattern.search(cell)
                if match and labels.owner.get(match.group(0)):
                    unit_match = _CELL_UNIT.search(cell)
                    unit = unit_match.group(1) if unit_match else None
                    columns[column] = (
                        labels.owner[match.group(0)],
                        unit or (declared.group(1) if declared else None),
                        match.group(0),
                    )
            if not columns or len(cells) < 3:
                continue
            if len(columns) < 2 and not _HEADER_WORDS.search(header):
                continue
            width = len(cells)
            short = 0
            for row_page, row_start, row_text, following, row in _assembled(rows, separator, width):
                if len(row) < 3:  # a cell wrapped onto a line of its own, or the table ended
                    short += 1
                    if short > 1:
                        break
                    continue
                short = 0
                if not width - 3 <= len(row) <= width + 3:
                    break
                amounts = _row_amounts(row, columns, width)
                if amounts is None:
                    continue
                not_sold = _NOT_SOLD.search(row_text + following) is not None
                where = partial(_quote_row, row_page, row_start, row_start + len(row_text))
                for target, value, label in amounts:
                    if target == "hammer_price" and not_sold:
                        continue
                    facts.add(target, value, 0, 0, label, 3, where)


def _joined_cells(text: str, separator: str) -> list[str]:
    """The cells of a row or header that may span lines (the PDF broke it): a line that ends,
    or a next line that starts, with the separator broke between cells; otherwise the break cut
    a cell, which goes on at the start of the next line."""
    parts = text.split("\n")
    cells = _cells(parts[0], separator)
    for previous, part in itertools.pairwise(parts):
        more = _cells(part, separator)
        if (
            separator == " "
            or previous.rstrip().endswith(separator)
            or part.lstrip().startswith(separator)
        ):
            cells += more
        else:
            cells = [*cells[:-1], cells[-1] + more[0], *more[1:]]
    return cells


# a row that only rules the table ("|------|:---:|", "+----+----+")
_RULE_ROW = rx.compile(r"\s*[|+]?(?:\s*:?[-—=]{2,}:?\s*[|+]?)+\s*$")


def _header_goes_on(line: str) -> bool:
    """Whether ``line``, after a header, is the rest of it (the PDF broke the header): it holds
    no figures."""
    return bool(line.strip()) and not any(char.isdigit() for char in line)


# "转让底价:57000元": a label's line of its own after a table, not the inside of a cell
_FIGURE_LINE = rx.compile(r"[\d,.]+(?:万?元)?")
_LABEL_LINE = rx.compile(r"\s*[^\s:|]{1,12}:")
# a row's number, then a cell ("3|压路机", "12 某A·12345"): a row of its own, not the rest of one
_ROW_START = rx.compile(r"^\s*\|?\s*[1-9]\d{0,2}\s*[|\t ]")


def _assembled(
    rows: list[tuple[_Page, int, str, str]], separator: str, width: int
) -> list[tuple[_Page, int, str, str, list[str]]]:
    """The table's rows with their cells, a row the PDF broke over lines (``1|挖掘机|…驾驶`` +
    ``室玻璃有裂纹|2017|1台|386,000|40,000``, or over three, the middle one inside a long
    cell) put together again: the next lines are taken while they complete the row to the
    header's width and do not start a row of their own."""
    out: list[tuple[_Page, int, str, str, list[str]]] = []
    index = 0
    while index < len(rows):
        page, start, text, following = rows[index]
        cells = _cells(text, separator)
        end = index
        while len(cells) < width and end + 1 < len(rows):
            line = rows[end + 1][2]
            bare = line.strip()
            if _ROW_START.match(line) or (
                separator not in bare
                # a figure wrapped alone, or a line inside a long cell of a ruled table (not a
                # label's line of its own after the table)
                and not _FIGURE_LINE.fullmatch(bare)
                and (separator == " " or end - index >= 3 or _LABEL_LINE.match(bare))
            ):
                break
            joined = _joined_cells(f"{text}\n{line}", separator)
            if len(joined) > width:
                break
            text, cells, end = f"{text}\n{line}", joined, end + 1
            following = rows[end][3]
        out.append((page, start, text, following, cells))
        index = end + 1
    return out


def _rows_after(
    pages: list[_Page], page_index: int, index: int, separator: str
) -> list[tuple[_Page, int, str, str]]:
    """The non-blank lines after line ``index`` of a page (at most 30), each as (page, start in
    the page's spaced text, line, the next line when it is not a row of its own: a wrapped
    cell); when the header ends its page, the next page's lines."""
    out: list[tuple[_Page, int, str, str]] = []
    page = pages[page_index]
    lines = page.spaced_text.split("\n")
    first = index + 1
    if not any(line.strip() for line in lines[first:]) and page_index + 1 < len(pages):
        page = pages[page_index + 1]
        lines = page.spaced_text.split("\n")
        first = 0
    start = sum(len(line) + 1 for line in lines[:first])
    for position in range(first, min(len(lines), first + 30)):
        line = lines[position]
        if line.strip():
            following = lines[position + 1] if position + 1 < len(lines) else ""
            wrapped = following if len(_cells(following, separator)) < 3 else ""
            out.append((page, start, line, wrapped))
        start += len(line) + 1
    return out


def _quote_row(page: _Page, start: int, end: int) -> tuple[int, str]:
    return page.number, page.spaced.quote(start, end)
