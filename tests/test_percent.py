"""Tests of paimai_docs.values.percent: rates as exact fractions 0..1."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from paimai_docs.errors import InvalidFormat, InvalidValue
from paimai_docs.values.percent import (
    PERCENT_PATTERN,
    MalformedPercent,
    NegativePercent,
    Percent,
    PercentOutOfRange,
    PercentTooPrecise,
    UnsupportedPercentType,
    format_percent,
    to_percent,
)

D = Decimal

GOOD: list[tuple[object, str]] = [
    (D("0.05"), "0.05"),
    (D("0.050000"), "0.05"),
    (D("0"), "0"),
    (D("-0"), "0"),
    (D("1"), "1"),
    (D("1.000"), "1"),
    (0, "0"),
    (1, "1"),
    (0.05, "0.05"),
    (0.125, "0.125"),
    ("0.05", "0.05"),
    (".05", "0.05"),
    ("1", "1"),
    ("5%", "0.05"),
    ("5 %", "0.05"),
    (" 5% ", "0.05"),
    ("５％", "0.05"),
    ("0.5%", "0.005"),
    ("12.25%", "0.1225"),
    ("100%", "1"),
    ("0%", "0"),
    ("-0%", "0"),
    ("0.0001%", "0.000001"),
    ("5‰", "0.005"),
    ("百分之五", "0.05"),
    ("百分之 五", "0.05"),
    ("百分之零点五", "0.005"),
    ("百分之十二点五", "0.125"),
    ("百分之一百", "1"),
    ("百分之〇点二五", "0.0025"),
    ("百分之伍", "0.05"),
    ("千分之五", "0.005"),
]


@pytest.mark.parametrize(("value", "expected"), GOOD)
def test_to_percent_accepts(value: object, expected: str) -> None:
    result = to_percent(value)
    assert isinstance(result, Decimal)
    assert str(result) == expected


BAD: list[tuple[object, type[InvalidValue], str]] = [
    ("5", PercentOutOfRange, "percent_range"),
    (5, PercentOutOfRange, "percent_range"),
    (D("1.01"), PercentOutOfRange, "percent_range"),
    (1.5, PercentOutOfRange, "percent_range"),
    ("150%", PercentOutOfRange, "percent_range"),
    ("百分之一百零一", PercentOutOfRange, "percent_range"),
    ("-5%", NegativePercent, "percent_negative"),
    ("-0.05", NegativePercent, "percent_negative"),
    (-1, NegativePercent, "percent_negative"),
    (D("-0.000001"), NegativePercent, "percent_negative"),
    ("0.0000001", PercentTooPrecise, "percent_precision"),
    ("0.00001%", PercentTooPrecise, "percent_precision"),
    (0.1 + 0.2, PercentTooPrecise, "percent_precision"),
    (1 / 3, PercentTooPrecise, "percent_precision"),
    ("abc", MalformedPercent, "percent_format"),
    ("5%%", MalformedPercent, "percent_format"),
    ("%5", MalformedPercent, "percent_format"),
    ("5 percent", MalformedPercent, "percent_format"),
    ("百分之", MalformedPercent, "percent_format"),
    ("百分之五点", MalformedPercent, "percent_format"),
    ("百分之点五", MalformedPercent, "percent_format"),
    ("百分之五点x", MalformedPercent, "percent_format"),
    ("百分之壹佰伍", MalformedPercent, "percent_format"),
    ("1e-2", MalformedPercent, "percent_format"),
    ("NaN", MalformedPercent, "percent_format"),
    (float("nan"), MalformedPercent, "percent_format"),
    (float("inf"), MalformedPercent, "percent_format"),
    (D("NaN"), MalformedPercent, "percent_format"),
    (True, UnsupportedPercentType, "percent_type"),
    (None, UnsupportedPercentType, "percent_type"),
    (b"5%", UnsupportedPercentType, "percent_type"),
    ([], UnsupportedPercentType, "percent_type"),
]


@pytest.mark.parametrize(("value", "cls", "code"), BAD)
def test_to_percent_rejects(value: object, cls: type[InvalidValue], code: str) -> None:
    with pytest.raises(cls) as info:
        to_percent(value)
    assert info.value.code == code
    if code == "percent_format":
        assert isinstance(info.value, InvalidFormat)


def test_bare_number_message_says_how_to_write_it() -> None:
    with pytest.raises(PercentOutOfRange) as info:
        to_percent("5")
    assert "5%" in str(info.value)
    assert "0.05" in str(info.value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0.05", "5%"),
        ("0.005", "0.5%"),
        ("0.1225", "12.25%"),
        ("0.05000", "5%"),
        ("1", "100%"),
        ("0", "0%"),
        ("0.000001", "0.0001%"),
        ("0.123456", "12.3456%"),
        ("5%", "5%"),
    ],
)
def test_format_percent(value: str, text: str) -> None:
    assert format_percent(value) == text


@settings(max_examples=1_000, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_format_round_trip(millionths: int) -> None:
    fraction = Decimal(millionths).scaleb(-6)
    assert to_percent(format_percent(fraction)) == fraction
    assert to_percent(str(fraction)) == fraction


@settings(max_examples=1_000, deadline=None)
@given(st.one_of(st.text(), st.text(st.sampled_from(list("百分之千点零一二五十0123456789.%‰- ")))))
def test_garbage_text_only_raises_our_errors(text: str) -> None:
    try:
        result = to_percent(text)
    except InvalidValue:
        return
    assert 0 <= result <= 1


# --------------------------------------------------------------------------------------------
# pydantic

_percent = TypeAdapter(Percent)


class _Terms(BaseModel):
    commission: Percent


JUNK: list[tuple[object, str | None]] = [
    (None, "percent_type"),
    ("", "percent_format"),
    ("   ", "percent_format"),
    ("😀", "percent_format"),
    (b"123", "percent_type"),
    ("１２３", "percent_range"),  # full-width digits read as 123: a bare number above 1
    ("５％", None),
    ([], "percent_type"),
    ({}, "percent_type"),
    (True, "percent_type"),
    (float("nan"), "percent_format"),
    ("-1", "percent_negative"),
    ("1e400", "percent_format"),
]


@pytest.mark.parametrize(("value", "code"), JUNK)
def test_junk(value: object, code: str | None) -> None:
    for function in (to_percent, format_percent):
        with contextlib.suppress(InvalidValue):
            function(value)
    if code is None:
        assert _percent.validate_python(value) == D("0.05")
        return
    with pytest.raises(ValidationError) as info:
        _percent.validate_python(value)
    assert [error["type"] for error in info.value.errors()] == [code]
    with pytest.raises(ValidationError) as info:
        _Terms.model_validate({"commission": value})
    assert info.value.errors()[0]["type"] == code


def test_pydantic_serialises_to_string() -> None:
    terms = _Terms(commission="5%")
    assert terms.commission == D("0.05")
    assert terms.model_dump() == {"commission": D("0.05")}
    assert terms.model_dump_json() == '{"commission":"0.05"}'
    assert _Terms.model_validate_json(terms.model_dump_json()) == terms
    assert _Terms.model_validate_json('{"commission": 0.05}') == terms
    assert _Terms.model_validate_json('{"commission": "百分之五"}') == terms
    assert _Terms(commission="0.0001%").model_dump_json() == '{"commission":"0.000001"}'
    with pytest.raises(ValidationError) as info:
        _Terms.model_validate_json('{"commission": 5}')
    assert info.value.errors()[0]["type"] == "percent_range"


def test_json_schema_is_stable() -> None:
    expected = {
        "type": "string",
        "pattern": PERCENT_PATTERN,
        "description": "比例：0 到 1 之间的小数（如 0.05，最多六位小数），或百分数（如 5%）",
        "examples": ["0.05", "5%", "0.5%"],
    }
    assert _percent.json_schema() == expected
    assert _percent.json_schema(mode="serialization") == expected
    for value in ("0", "1", "0.05", "0.000001", "0.123456", "1.000"):
        dumped = _percent.dump_json(D(value)).decode().strip('"')
        assert re.fullmatch(PERCENT_PATTERN, dumped), dumped


@pytest.mark.parametrize(
    "text",
    ["0", "1", "0.05", "0.050", "1.0", "0.000001", "5%", "0.5%", "12.25%", "100%", "0.0001%"],
)
def test_schema_pattern_accepts_valid_text(text: str) -> None:
    assert re.fullmatch(PERCENT_PATTERN, text)
    to_percent(text)  # and the validator agrees


@pytest.mark.parametrize(
    "text", ["5", "1.01", "0.0000001", "-0.05", "101%", "100.5%", "0.00001%", "%", ""]
)
def test_schema_pattern_refuses_invalid_text(text: str) -> None:
    assert not re.fullmatch(PERCENT_PATTERN, text)
    with pytest.raises(InvalidValue):
        to_percent(text)
