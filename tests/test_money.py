"""Tests of paimai_docs.values.money: exact amounts, 大写, parsing, formatting, pydantic type."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import PydanticSerializationError

from paimai_docs.errors import InvalidFormat, InvalidValue
from paimai_docs.values.money import (
    MONEY_PATTERN,
    MalformedMoney,
    Money,
    MoneyOutOfRange,
    MoneyTooPrecise,
    NegativeMoney,
    UnsupportedMoneyType,
    format_amount,
    format_figures,
    parse_amount,
    parse_words,
    to_decimal,
    to_words,
)

D = Decimal

# --------------------------------------------------------------------------------------------
# to_words / parse_words: the canonical table (to_words writes it, parse_words reads it back)

WORDS = [
    ("0", "零元整"),
    ("0.01", "壹分"),
    ("0.05", "伍分"),
    ("0.10", "壹角整"),
    ("0.15", "壹角伍分"),
    ("0.50", "伍角整"),
    ("1.00", "壹元整"),
    ("1.05", "壹元零伍分"),
    ("1.50", "壹元伍角整"),
    ("10", "壹拾元整"),
    ("10.50", "壹拾元零伍角整"),  # 元位 zero before 角: we write the optional 零
    ("11", "壹拾壹元整"),
    ("15.5", "壹拾伍元伍角整"),
    ("20", "贰拾元整"),
    ("100", "壹佰元整"),
    ("100.05", "壹佰元零伍分"),  # PBOC rule 4: 零 is required here
    ("110", "壹佰壹拾元整"),
    ("325.04", "叁佰贰拾伍元零肆分"),  # PBOC example
    ("1001", "壹仟零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("1409.50", "壹仟肆佰零玖元伍角整"),  # PBOC example (plus our 整 after 角)
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),  # PBOC example, first form
    ("6007.14", "陆仟零柒元壹角肆分"),  # PBOC example
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),  # PBOC example
    ("100200", "壹拾万零贰佰元整"),
    ("107000.53", "壹拾万零柒仟元零伍角叁分"),  # PBOC example, both optional 零 written
    ("120000", "壹拾贰万元整"),
    ("1001000", "壹佰万零壹仟元整"),
    ("1100000.50", "壹佰壹拾万元零伍角整"),
    ("10001000", "壹仟万零壹仟元整"),
    ("100000000", "壹亿元整"),
    ("100010000", "壹亿零壹万元整"),
    ("150000000", "壹亿伍仟万元整"),
    ("1000000001", "壹拾亿零壹元整"),
    ("1010000000", "壹拾亿零壹仟万元整"),
    ("123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"),
    ("1000000000000", "壹万亿元整"),
    ("1000000000001", "壹万亿零壹元整"),
    ("12340000000000", "壹拾贰万叁仟肆佰亿元整"),
    ("99999999999999.99", "玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("1234000056780000", "壹仟贰佰叁拾肆万亿零伍仟陆佰柒拾捌万元整"),
    (
        "9999999999999999.99",
        "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
]


@pytest.mark.parametrize(("amount", "words"), WORDS)
def test_to_words_table(amount: str, words: str) -> None:
    assert to_words(D(amount), prefix=False) == words
    assert to_words(D(amount)) == "人民币" + words


@pytest.mark.parametrize(("amount", "words"), WORDS)
def test_parse_words_table(amount: str, words: str) -> None:
    assert parse_words(words) == D(amount)
    assert parse_words("人民币" + words) == D(amount)
    assert str(parse_words(words)) == str(D(amount).quantize(D("0.01")))


def test_to_words_accepts_what_to_decimal_accepts() -> None:
    assert to_words(10) == "人民币壹拾元整"
    assert to_words("12.5万元", prefix=False) == "壹拾贰万伍仟元整"
    assert to_words(0.1, prefix=False) == "壹角整"
    with pytest.raises(NegativeMoney):
        to_words(-1)


# Variants clerks write, all accepted.
WORD_VARIANTS = [
    ("人民币（大写）：壹拾贰万元整", "120000"),
    ("人民币(大写):壹拾贰万元整", "120000"),
    ("大写：壹拾贰万元整", "120000"),
    ("（大写）人民币壹万元整", "10000"),
    ("RMB壹万元整", "10000"),
    ("rmb 壹万元整", "10000"),
    ("壹万圆整", "10000"),
    ("壹万圆正", "10000"),
    ("壹万元", "10000"),  # 整 left out
    ("壹拾元伍角", "10.50"),  # 零 optional (元位), 整 after 角 optional
    ("壹拾元零伍角", "10.50"),
    ("壹仟陆佰捌拾元叁角贰分", "1680.32"),  # PBOC second form
    ("壹拾万柒仟元零伍角叁分", "107000.53"),  # PBOC first form
    ("壹拾万零柒仟元伍角叁分", "107000.53"),  # PBOC second form
    ("壹拾万柒仟元伍角叁分", "107000.53"),  # cn2an's form
    ("壹仟万壹仟元整", "10001000"),
    ("拾万元", "100000"),  # 拾 without 壹 at the start
    ("拾元", "10"),
    ("拾伍元", "15"),
    ("拾万亿元", "10000000000000"),
    ("壹万亿零壹元", "1000000000001"),
    ("伍仟万亿元", "5000000000000000"),
    ("壹拾亿零壹仟万元", "1010000000"),
    ("壹 万 零 伍 佰 元 整", "10500"),
    ("  壹万元整\n", "10000"),
    ("一万零五百元", "10500"),
    ("十万元", "100000"),
    ("两千元", "2000"),
    ("两万两千元", "22000"),
    ("一百二十元五角", "120.50"),
    ("一千〇五元", "1005"),
    ("一亿零五百万元", "105000000"),
    ("三元五角六分", "3.56"),
    ("贰拾元整", "20"),
    ("貳拾圓整", "20"),  # traditional characters
    ("伍分整", "0.05"),  # 整 after 分 is wrong but unambiguous
    ("零元伍角", "0.50"),
    ("零元", "0"),
    ("零元零伍分", "0.05"),
    ("壹拾贰万", "120000"),  # no 元 at all: an integer amount
]


@pytest.mark.parametrize(("text", "amount"), WORD_VARIANTS)
def test_parse_words_variants(text: str, amount: str) -> None:
    assert parse_words(text) == D(amount)


BAD_WORDS = [
    "",
    "   ",
    "人民币",
    "整",
    "元整",
    "元",
    "壹佰伍元",  # colloquial 一百五: ambiguous
    "壹万伍",  # colloquial 一万五
    "壹仟伍元",
    "壹亿伍万元",  # 零 required (千万位..十万位 zero, 万位 not zero)
    "壹佰元伍分",  # PBOC rule 4: 零 required before 分
    "壹仟零伍佰元",  # 零 that stands for no zero digit
    "壹元零伍角",  # same
    "零壹佰元",
    "壹佰零元",
    "壹零万元",
    "壹贰元",
    "佰元",
    "壹拾拾元",
    "伍佰伍佰元",
    "壹万贰万元",
    "壹亿壹亿元",
    "壹亿万元",
    "万元",
    "壹佰拾伍元",  # 拾 without digit only at the very start
    "壹元伍",  # 一块五
    "壹元整伍角",
    "壹元伍分伍角",
    "壹元伍角伍角",
    "壹元元",
    "零角伍分",
    "伍角零",
    "壹元零角伍分",
    "壹万元整整",
    "十二点五元",
    "abc",
    "123元",
    "😀",
    "壹万元😀",
    "负壹元",
    "壹万亿亿元",
]


@pytest.mark.parametrize("text", BAD_WORDS)
def test_parse_words_rejects(text: str) -> None:
    with pytest.raises(MalformedMoney) as info:
        parse_words(text)
    assert info.value.code == "money_format"
    assert isinstance(info.value, InvalidFormat)


@pytest.mark.parametrize("junk", [None, b"123", 123, [], {}, 1.5])
def test_parse_words_rejects_non_text(junk: object) -> None:
    with pytest.raises(MalformedMoney):
        parse_words(junk)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# parse_amount

AMOUNTS = [
    ("123456.78", "123456.78"),
    ("123,456.78", "123456.78"),
    ("¥123,456.78", "123456.78"),
    ("￥1,000元", "1000"),
    ("￥1,000元整", "1000"),
    ("人民币50000元", "50000"),
    ("RMB 1,000.00", "1000"),
    ("１２３", "123"),
    ("１２３．４５元", "123.45"),
    ("１，２３４", "1234"),
    ("12.5万元", "125000"),
    ("12.5 万元", "125000"),
    ("3亿元", "300000000"),
    ("1.2亿", "120000000"),
    ("120万", "1200000"),
    ("120萬", "1200000"),
    ("5千元", "5000"),
    ("3百万元", "3000000"),
    ("2千万", "20000000"),
    ("1万亿", "1000000000000"),
    ("1.23456万", "12345.6"),
    ("0.01万", "100"),
    ("壹拾贰万元整", "120000"),
    ("人民币壹拾贰万元整", "120000"),
    ("一万元", "10000"),
    ("1 234 567.89", "1234567.89"),
    (" ¥ 1,000 ", "1000"),
    ("0", "0"),
    ("0.00", "0"),
    ("1.500", "1.50"),
    ("007", "7"),
    ("9999999999999999.99", "9999999999999999.99"),
]


@pytest.mark.parametrize(("text", "amount"), AMOUNTS)
def test_parse_amount_table(text: str, amount: str) -> None:
    result = parse_amount(text)
    assert result == D(amount)
    assert result.as_tuple().exponent == -2


BAD_AMOUNTS = [
    ("", "money_format"),
    ("   ", "money_format"),
    ("abc", "money_format"),
    ("12a", "money_format"),
    ("123,45", "money_format"),
    ("1,2345", "money_format"),
    ("1..2", "money_format"),
    (".5", "money_format"),
    ("1e3", "money_format"),
    ("1e400", "money_format"),
    ("NaN", "money_format"),
    ("Infinity", "money_format"),
    ("$100", "money_format"),
    ("1万2千", "money_format"),
    ("5十元", "money_format"),
    ("٣", "money_format"),  # Arabic-Indic digit: not a document amount
    ("-1", "money_negative"),
    ("-¥1,000", "money_negative"),
    ("¥-1,000", "money_negative"),
    ("1.005", "money_precision"),
    ("1.2345678万", "money_precision"),
    ("10000000000000000", "money_range"),
    ("1亿亿", "money_format"),
    ("1万万亿", "money_format"),
    ("10000万亿", "money_range"),
]


@pytest.mark.parametrize(("text", "code"), BAD_AMOUNTS)
def test_parse_amount_rejects(text: str, code: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_amount(text)
    assert info.value.code == code
    if code == "money_format":
        assert isinstance(info.value, InvalidFormat)


def test_parse_amount_minus_zero_is_zero() -> None:
    assert parse_amount("-0") == D("0.00")
    assert not parse_amount("-0").is_signed()


# --------------------------------------------------------------------------------------------
# to_decimal

GOOD_VALUES: list[tuple[object, str]] = [
    (D("1.5"), "1.50"),
    (D("1.500"), "1.50"),
    (D("1E+3"), "1000.00"),
    (D("-0"), "0.00"),
    (0, "0.00"),
    (123, "123.00"),
    (0.1, "0.10"),
    (1.5, "1.50"),
    (1e15, "1000000000000000.00"),
    (123456789012.34, "123456789012.34"),
    ("１２３", "123.00"),
    ("12.5万元", "125000.00"),
]


@pytest.mark.parametrize(("value", "expected"), GOOD_VALUES)
def test_to_decimal_accepts(value: object, expected: str) -> None:
    result = to_decimal(value)
    assert isinstance(result, Decimal)
    assert str(result) == expected


BAD_VALUES: list[tuple[object, type[InvalidValue], str]] = [
    (True, UnsupportedMoneyType, "money_type"),
    (False, UnsupportedMoneyType, "money_type"),
    (None, UnsupportedMoneyType, "money_type"),
    (b"123", UnsupportedMoneyType, "money_type"),
    ([], UnsupportedMoneyType, "money_type"),
    ({}, UnsupportedMoneyType, "money_type"),
    (1 + 2j, UnsupportedMoneyType, "money_type"),
    (float("nan"), MalformedMoney, "money_format"),
    (float("inf"), MalformedMoney, "money_format"),
    (float("-inf"), MalformedMoney, "money_format"),
    (D("NaN"), MalformedMoney, "money_format"),
    (D("sNaN"), MalformedMoney, "money_format"),
    (D("Infinity"), MalformedMoney, "money_format"),
    (-1, NegativeMoney, "money_negative"),
    (D("-0.01"), NegativeMoney, "money_negative"),
    (-0.5, NegativeMoney, "money_negative"),
    (D("1.005"), MoneyTooPrecise, "money_precision"),
    (1.005, MoneyTooPrecise, "money_precision"),
    (0.1 + 0.2, MoneyTooPrecise, "money_precision"),  # 0.30000000000000004
    (1234567890123456.0, MoneyTooPrecise, "money_precision"),  # 16 digits: not exact as float
    (D("0.0000000000000000000000000000000000000000001"), MoneyTooPrecise, "money_precision"),
    (10**16, MoneyOutOfRange, "money_range"),
    (D("1E+400"), MoneyOutOfRange, "money_range"),
    pytest.param(10**5000, MoneyOutOfRange, "money_range", id="int-5001-digits"),  # type: ignore[list-item]
    (1e300, MoneyOutOfRange, "money_range"),
]


@pytest.mark.parametrize(("value", "cls", "code"), BAD_VALUES)
def test_to_decimal_rejects(value: object, cls: type[InvalidValue], code: str) -> None:
    with pytest.raises(cls) as info:
        to_decimal(value)
    assert info.value.code == code
    assert re.search(r"[\u4e00-\u9fff]", str(info.value)), "messages are in Chinese"


def test_messages() -> None:
    with pytest.raises(NegativeMoney, match="金额不能为负数"):
        to_decimal(-1)
    with pytest.raises(MoneyTooPrecise, match="金额最多精确到分（两位小数）"):
        to_decimal("1.005")


def test_to_decimal_long_trailing_zeros_are_exact() -> None:
    assert to_decimal(D("1." + "0" * 60)) == D("1.00")
    assert to_decimal("12345678901234.5" + "0" * 60) == D("12345678901234.50")
    with pytest.raises(MoneyTooPrecise):
        to_decimal("1." + "0" * 60 + "1")
    with pytest.raises(MoneyTooPrecise):
        to_decimal("1." + "0" * 60 + "1万")


# --------------------------------------------------------------------------------------------
# Formatting


def test_format_amount() -> None:
    assert format_amount(D("123456.78")) == "¥123,456.78"
    assert format_amount(0) == "¥0.00"
    assert format_amount("9999999999999999.99") == "¥9,999,999,999,999,999.99"
    assert format_amount(1000, locale="en_US") == "CN¥1,000.00"
    assert format_figures(D("123456.78")) == "123,456.78"
    assert format_figures(5) == "5.00"
    with pytest.raises(NegativeMoney):
        format_amount(-1)


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=D("9999999999999999.99"), places=2))
def test_format_figures_is_babels_pattern(value: D) -> None:
    from babel.numbers import format_decimal

    assert format_figures(value) == format_decimal(value, format="#,##0.00", locale="zh_CN")


# --------------------------------------------------------------------------------------------
# Properties


def _sparse(bits: int) -> int:
    """Map an integer below 16**14 to 14 decimal digits, each 0 with probability 7/16.

    Uniform integers almost never have runs of zero digits, where the 零 rules live; one integer
    draw mapped nibble by nibble is much cheaper for hypothesis than a list of digit draws.
    """
    cents = 0
    for place in range(14):
        nibble = (bits >> (4 * place)) & 15
        cents += (0 if nibble < 7 else nibble - 6) * 10**place
    return cents


#: Integer numbers of 分 for amounts 0 <= x <= 10^12 yuan: uniform, and rich in zero runs.
_cents_to_1e12 = st.one_of(
    st.integers(min_value=0, max_value=10**14),
    st.integers(min_value=0, max_value=16**14 - 1).map(_sparse),
)


def _from_cents(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _normalise_ours_to_cn2an(words: str) -> str:
    """Rewrite to_words output into cn2an's conventions; each rewrite is a PBOC-allowed option.

    1. 整 after 角: the rules say it *may* be left out after 角 (在"角"之后可以不写"整"); we write
       it, cn2an does not.
    2. 零 at a group boundary: where the 元位 is zero and the 角位 is not, or the 万位/亿位 is zero
       and the following 仟位 is not, rule (3) allows one 零 or none (¥1,680.32 ->
       壹仟陆佰捌拾元零叁角贰分 or 壹仟陆佰捌拾元叁角贰分; ¥107,000.53 -> 壹拾万柒仟元零伍角叁分
       or 壹拾万零柒仟元伍角叁分). We always write it, cn2an never does (it applies the same
       choice after 亿 as after 万).
    No other difference was found: in particular cn2an writes every 零 that the rules require.
    """
    words = re.sub(r"角整$", "角", words)
    words = re.sub(r"元零(?=[壹贰叁肆伍陆柒捌玖]角)", "元", words)
    return re.sub(r"([万亿])零(?=[壹贰叁肆伍陆柒捌玖]仟)", r"\1", words)


@settings(max_examples=10_000, deadline=None)
@given(_cents_to_1e12)
def test_words_round_trip_and_cn2an_oracle(cents: int) -> None:
    amount = _from_cents(cents)
    words = to_words(amount, prefix=False)
    assert parse_words(words) == amount
    oracle = cn2an.an2cn(str(amount), "rmb")
    assert _normalise_ours_to_cn2an(words) == oracle
    # cn2an's form (which omits the optional 零 and 整) is PBOC-valid, so we read it too.
    assert parse_words(oracle) == amount


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_words_round_trip_full_range(cents: int) -> None:
    amount = _from_cents(cents)
    assert parse_words(to_words(amount)) == amount


@settings(max_examples=1_000, deadline=None)
@given(_cents_to_1e12)
def test_figures_round_trip(cents: int) -> None:
    amount = _from_cents(cents)
    figures = format_figures(amount)
    assert parse_amount(figures) == amount
    assert parse_amount("¥" + figures) == amount
    assert parse_amount("￥" + figures + "元") == amount
    assert parse_amount("人民币" + figures + "元") == amount
    assert parse_amount(format_amount(amount)) == amount
    assert parse_amount(str(amount)) == amount
    assert to_decimal(str(amount)) == amount


_word_alphabet = st.sampled_from(
    list("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正一二两十百千〇人民币大写（）：")
    + list("() 0123456789.,¥%")
)


@settings(max_examples=2_000, deadline=None)
@given(st.one_of(st.text(), st.text(_word_alphabet, max_size=20)))
def test_garbage_text_only_raises_our_errors(text: str) -> None:
    for parse in (parse_words, parse_amount, to_decimal):
        try:
            result = parse(text)
        except InvalidValue:
            continue
        assert isinstance(result, Decimal)
        assert 0 <= result < 10**16
        assert result.as_tuple().exponent == -2


@settings(max_examples=1_000, deadline=None)
@given(st.text(_word_alphabet, max_size=20))
def test_accepted_words_are_canonical_after_a_round_trip(text: str) -> None:
    """Whatever parse_words accepts, to_words writes the same amount back."""
    try:
        amount = parse_words(text)
    except MalformedMoney:
        return
    assert parse_words(to_words(amount)) == amount


# --------------------------------------------------------------------------------------------
# pydantic

_money = TypeAdapter(Money)


class _Lot(BaseModel):
    price: Money
    deposit: Money | None = None


JUNK: list[tuple[object, str | None]] = [
    # (value, expected error code or None when valid)
    (None, "money_type"),
    ("", "money_format"),
    ("   ", "money_format"),
    ("😀", "money_format"),
    (b"123", "money_type"),
    ("１２３", None),  # full-width digits are a valid amount
    ([], "money_type"),
    ({}, "money_type"),
    (True, "money_type"),
    (float("nan"), "money_format"),
    ("-1", "money_negative"),
    ("1e400", "money_format"),
    (object(), "money_type"),
    ("{x}", "money_format"),  # braces in the message must not break the error template
]


@pytest.mark.parametrize(("value", "code"), JUNK)
def test_junk_through_every_entry_point(value: object, code: str | None) -> None:
    # The plain functions raise only our InvalidValue family.
    functions: list[Callable[[Any], object]] = [
        to_decimal,
        parse_amount,
        parse_words,
        to_words,
        format_amount,
        format_figures,
    ]
    for function in functions:
        with contextlib.suppress(InvalidValue):
            function(value)
    # The pydantic type raises only ValidationError, with our code.
    if code is None:
        assert _money.validate_python(value) == D("123.00")
        return
    with pytest.raises(ValidationError) as info:
        _money.validate_python(value)
    errors = info.value.errors()
    assert [error["type"] for error in errors] == [code]
    with pytest.raises(ValidationError) as info:
        _Lot.model_validate({"price": value})
    assert info.value.errors()[0]["type"] == code
    assert info.value.errors()[0]["loc"] == ("price",)


def test_junk_codes_for_plain_functions() -> None:
    with pytest.raises(UnsupportedMoneyType):
        to_decimal(None)
    with pytest.raises(MalformedMoney):
        parse_amount(None)  # type: ignore[arg-type]
    assert to_decimal("１２３") == D("123.00")


@pytest.mark.parametrize(
    ("value", "code"),
    [("1.005", "money_precision"), (-5, "money_negative"), (10**16, "money_range")],
)
def test_pydantic_codes(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        _money.validate_python(value)
    assert info.value.errors()[0]["type"] == code


def test_pydantic_serialises_to_exact_string() -> None:
    lot = _Lot(price="12.5万元", deposit=D("0.1"))
    assert lot.price == D("125000.00")
    assert lot.model_dump() == {"price": D("125000.00"), "deposit": D("0.10")}
    assert lot.model_dump(mode="json") == {"price": "125000.00", "deposit": "0.10"}
    assert lot.model_dump_json() == '{"price":"125000.00","deposit":"0.10"}'
    assert _Lot.model_validate_json(lot.model_dump_json()) == lot
    big = _Lot(price=D("9999999999999999.99"))
    assert _Lot.model_validate_json(big.model_dump_json()).price == D("9999999999999999.99")
    assert _money.dump_json(D("1E+3")) == b'"1000.00"'


def test_pydantic_json_numbers() -> None:
    assert _Lot.model_validate_json('{"price": 123456.78}').price == D("123456.78")
    assert _Lot.model_validate_json('{"price": 100}').price == D("100.00")
    # A JSON number with more digits than a float keeps is refused, not silently rounded.
    with pytest.raises(ValidationError) as info:
        _Lot.model_validate_json('{"price": 1234567890123456.78}')
    assert info.value.errors()[0]["type"] == "money_precision"


def test_json_schema_is_stable() -> None:
    expected = {
        "type": "string",
        "pattern": MONEY_PATTERN,
        "description": "人民币金额（元），两位小数的定点数字符串",
        "examples": ["123456.78", "0.00"],
    }
    assert _money.json_schema() == expected
    assert _money.json_schema(mode="serialization") == expected
    schema = _Lot.model_json_schema()
    assert schema["properties"]["price"]["pattern"] == MONEY_PATTERN
    for amount in ("0", "0.01", "123456.78", "9999999999999999.99"):
        assert re.fullmatch(MONEY_PATTERN, _money.dump_json(D(amount)).decode().strip('"'))
    assert not re.fullmatch(MONEY_PATTERN, "01.00")
    assert not re.fullmatch(MONEY_PATTERN, "10000000000000000.00")


def test_serialisation_checks_values_that_skipped_validation() -> None:
    assert _Lot.model_construct(price=D("5")).model_dump_json() == '{"price":"5.00","deposit":null}'
    with pytest.raises(PydanticSerializationError):
        _Lot.model_construct(price=D("1.005")).model_dump_json()
