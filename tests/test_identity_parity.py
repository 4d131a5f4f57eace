"""Our check digits of resident IDs (GB 11643) and credit codes (GB 32100) are python-stdnum's:
the same digit for any number, the same verdict for any 18 characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import exceptions
from stdnum.cn import ric, uscc

from paimai_docs.errors import InvalidValue
from paimai_docs.values.identity import (
    credit_code_check_digit,
    resident_id_check_digit,
    validate_credit_code,
    validate_resident_id,
)

DIGITS = "0123456789"
USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@settings(max_examples=500)
@given(st.text(DIGITS, min_size=17, max_size=17))
def test_resident_id_check_digit(first17: str) -> None:
    assert resident_id_check_digit(first17) == ric.calc_check_digit(first17 + "0")


@settings(max_examples=500)
@given(st.text(DIGITS, min_size=8, max_size=8), st.text(USCC, min_size=9, max_size=9))
def test_credit_code_check_digit(head: str, tail: str) -> None:
    assert credit_code_check_digit(head + tail) == uscc.calc_check_digit(head + tail)


def _stdnum_accepts_credit_code(code: str) -> bool:
    try:
        uscc.validate(code)
    except exceptions.ValidationError:
        return False
    return True


def _ours_accepts(validate: object, value: str) -> bool:
    try:
        validate(value)  # type: ignore[operator]
    except InvalidValue:
        return False
    return True


@settings(max_examples=800)
@given(st.text(USCC + "IOZSV-a ", min_size=16, max_size=20))
def test_credit_code_verdicts(code: str) -> None:
    # a valid check digit is rare among random strings: give every other one its right digit
    if (
        len(code) == 18
        and all(c in DIGITS for c in code[:8])
        and all(c in USCC for c in code[8:17])
    ):
        code = code[:17] + uscc.calc_check_digit(code[:17])
    assert _ours_accepts(validate_credit_code, code) == _stdnum_accepts_credit_code(code.upper())


def _stdnum_accepts_resident_id(number: str) -> bool:
    """stdnum's verdict without the county (which is a warning here, not an error)."""
    number = ric.compact(number)
    if len(number) != 18 or not number[:17].isdigit() or not number[:17].isascii():
        return False
    if number[-1] != ric.calc_check_digit(number):
        return False
    try:
        ric.get_birth_date(number)
    except exceptions.ValidationError:
        return False
    return True


@settings(max_examples=800)
@given(
    st.text(DIGITS, min_size=6, max_size=6),
    st.dates(),
    st.text(DIGITS, min_size=3, max_size=3),
    st.booleans(),
    st.booleans(),
)
def test_resident_id_verdicts(
    place: str, born: object, serial: str, right_digit: bool, bad_date: bool
) -> None:
    birth = "20230230" if bad_date else f"{born:%Y%m%d}"
    first17 = place + birth + serial
    last = ric.calc_check_digit(first17 + "0")
    number = first17 + (last if right_digit else ("0" if last != "0" else "1"))
    assert _ours_accepts(validate_resident_id, number) == _stdnum_accepts_resident_id(number)


@pytest.mark.parametrize(
    "value", ["11010519491231002X", "11010519491231002x", "110105 19491231 002X"]
)
def test_known_resident_id(value: str) -> None:
    assert str(validate_resident_id(value)) == "11010519491231002X"


def test_known_credit_code() -> None:
    assert str(validate_credit_code("91350100M000100Y43")) == "91350100M000100Y43"
    assert str(validate_credit_code("91350100-M000100Y4-3")) == "91350100M000100Y43"
