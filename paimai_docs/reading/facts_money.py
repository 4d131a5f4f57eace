"""Amounts: after their label, in the 大写 beside the figures, and in tables of lots."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import partial

from ..values.money import parse_amount, parse_words
from .facts_base import _Doc, _Facts, _labels, _LabelSet, _or_none, _Page

_parse_amount = _or_none(parse_amount)
_parse_words = _or_none(parse_words)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BIG = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿"
_WORDS_CORE = rf"[{_BIG}]+[元圆](?:[{_BIG}]+[角分])*[整正]?"
_VALUE = re.compile(
    r"(?P<filler>(?:[^。;\n\d]|\d[.、](?=\D)){0,16}?)"
    rf"(?:(?P<prefix>人民币|RMB|CNY|¥)?(?P<num>{_NUMBER})(?!\d)(?![.、](?!\d))"
    r" ?(?P<mult>万亿|亿|万)?(?P<yuan>元|圆)?"
    rf"|(?:人民币)?(?:\(?大写\)?:?)?(?P<words>{_WORDS_CORE}))"
)
_LABEL_UNIT = re.compile(r"\((?P<unit>万元|元|人民币元|万|亿元)\)|\([^()\n]{1,12}\)")
_WORDS_AFTER = re.compile(rf" ?\((?:大写|人民币|:)*(?P<words>{_WORDS_CORE})\)")
_FIGURES_AFTER = re.compile(rf" ?\((?:小写|人民币|:|¥)*(?P<num>{_NUMBER}) ?(?P<mult>万|亿)?元?\)")
_BARE_FILLER = re.compile(r"^[:\s]*(?:为|是|约|合计|共计)?[:\s]*(?:人民币)?$")
_NO_VALUE = re.compile(r"无|不设|没有|待定|另行|见附|详见")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff%‰]")


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
        if _NO_VALUE.search(filler) or labels.pattern.search(filler):
            return None
        if match.group("words"):
            return _words_amount(text, match)
        found = _figures_amount(text, match, label_unit, filler)
        if found is not None:
            return found
        at = match.end()
    return None


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
        figures = _parse_amount(after.group("num") + (after.group("mult") or "") + "元")
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
    value = _parse_amount(number + (mult or "") + "元")
    if value is None:
        return None
    words_value: Decimal | None = None
    after = _WORDS_AFTER.match(text, end)
    if after:
        words_value = _parse_words(after.group("words"))
        if words_value is not None:
            end = after.end()
    return value, match.end(), words_value, end


_NO_RESERVE = re.compile(
    r"保留价(?::|为)?(?:无|没有|不设)(?!.{0,3}保留)|无保留价|不设保留价|没有保留价"
)
_RESERVE_IS_START = re.compile(r"保留价(?:等于|即为|即|为|就是)起拍价")


def _money(doc: _Doc, facts: _Facts) -> None:
    labels = _labels()["money"]
    text = doc.text
    for match in labels.pattern.finditer(text):
        target = labels.owner.get(match.group(0))
        if not target:
            continue
        position = match.end()
        unit = _LABEL_UNIT.match(text, position)
        label_unit = None
        if unit:
            label_unit = unit.group("unit")
            position = unit.end()
        found = _amount_at(text, position, label_unit, labels)
        if found is None:
            continue
        value, value_end, words, end = found
        facts.add(target, value, match.start(), value_end, match.group(0))
        if words is not None:
            facts.add(f"{target}_words", words, match.start(), end, match.group(0))
    for match in _NO_RESERVE.finditer(text):
        facts.add("has_reserve", False, match.start(), match.end(), "保留价")
    starting = facts.first("starting_price")
    if starting is not None:
        for match in _RESERVE_IS_START.finditer(text):
            facts.add("reserve_price", starting.value, match.start(), match.end(), "保留价")
            break


# Tables: a header row naming amount columns, then rows of cells separated by spaces.

_HEADER_WORDS = re.compile(r"序号|编号|标的|名称|数量|单位|规格|型号|面积|坐落|车牌")
_CELL = re.compile(rf"^(?:¥)?(?P<num>{_NUMBER})(?P<mult>万|亿)?元?$")


_CELL_UNIT = re.compile(r"\((万元|元|万)\)")


def _tables(doc: _Doc, facts: _Facts) -> None:
    labels = _labels()["money"]
    for page in doc.pages:
        # A header cell holds a label. Normalising further only removes white space and turns
        # ○ into 〇 (no label has either), so the label is still in the normalised text: a
        # page whose normalised text holds none has no header.
        if labels.pattern.search(page.normalized) is None:
            continue
        lines = page.spaced_text.split("\n")
        position = 0
        starts = []
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        for index, line in enumerate(lines):
            if labels.pattern.search(line) is None:  # nor can any of its cells
                continue
            cells = line.split(" ")
            columns: dict[int, tuple[str, str | None, str]] = {}
            for column, cell in enumerate(cells):
                match = labels.pattern.search(cell)
                if match and labels.owner.get(match.group(0)):
                    unit_match = _CELL_UNIT.search(cell)
                    columns[column] = (
                        labels.owner[match.group(0)],
                        unit_match.group(1) if unit_match else None,
                        match.group(0),
                    )
            if not columns or len(cells) < 3:
                continue
            if len(columns) < 2 and not _HEADER_WORDS.search(line):
                continue
            for row_index in range(index + 1, min(len(lines), index + 31)):
                row = lines[row_index].split(" ")
                if not lines[row_index].strip():
                    continue
                if not (len(cells) - 2 <= len(row) <= len(cells) + 3) or len(row) < 2:
                    break
                shift = len(row) - len(cells)  # align from the right when counts differ
                for column, (target, unit, label) in columns.items():
                    at = column + shift if shift else column
                    if not 0 <= at < len(row):
                        continue
                    amount = _CELL.match(row[at])
                    if amount is None:
                        continue
                    mult = amount.group("mult") or ("万" if unit in ("万元", "万") else "")
                    value = _parse_amount(amount.group("num") + mult + "元")
                    if value is None:
                        continue
                    row_start = starts[row_index]
                    row_end = row_start + len(lines[row_index])
                    where = partial(_quote_row, page, row_start, row_end)
                    facts.add(target, value, 0, 0, label, 3, where)


def _quote_row(page: _Page, start: int, end: int) -> tuple[int, str]:
    return page.number, page.spaced.quote(start, end)
