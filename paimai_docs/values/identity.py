"""Resident identity card numbers (居民身份证号码, GB 11643-1999) and unified social credit codes
(统一社会信用代码, GB 32100-2015).

A bad length, digit, birth date or check digit is an error; the two check digits are computed
here (a few lines each, held to python-stdnum's by a test), because the reader checks every
number it meets and importing python-stdnum costs more than reading a page. The birthplace
county is looked up in python-stdnum's table; a county can be missing from it (new or renamed
counties), so an unknown county is a *warning* (:func:`resident_id_warnings`), not an error.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from ..errors import InvalidChecksum, InvalidComponent, InvalidFormat
from ._pydantic import lazy_types, personal_type, require_text
from .masking import MaskedStr


class ResidentId(MaskedStr):
    """An 18-digit resident ID number; ``repr`` shows 110105********002X."""

    keep_start = 6
    keep_end = 4


class CreditCode(MaskedStr):
    """An 18-character unified social credit code. Not personal data, but it identifies a party;
    it is shown in full (organisations publish it), so ``masked()`` returns it unchanged."""

    def masked(self) -> str:
        return str(self)


_ASCII_DIGITS = frozenset("0123456789")
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id_check_digit(number: str) -> str:
    """The 18th character of a resident ID from its first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(digit) * (2 ** (17 - index) % 11) for index, digit in enumerate(number[:17]))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def credit_code_check_digit(code: str) -> str:
    """The 18th character of a credit code from its first 17 (GB 32100-2015, modulo 31)."""
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(code, _USCC_WEIGHTS, strict=False))
    return _USCC_ALPHABET[-total % 31]


def validate_resident_id(value: Any) -> ResidentId:
    """Return the compact ID number or raise ``InvalidFormat``/``InvalidChecksum``/
    ``InvalidComponent`` (impossible birth date)."""
    number = "".join(require_text(value, "身份证号码").split()).upper()
    if (
        len(number) != 18
        or not _ASCII_DIGITS.issuperset(number[:17])
        or not (number[17] in _ASCII_DIGITS or number[17] == "X")
    ):
        raise InvalidFormat("身份证号码应为18位：17位数字加1位数字或X")
    if number[-1] != resident_id_check_digit(number):
        raise InvalidChecksum("身份证号码校验位错误")
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidComponent("身份证号码中的出生日期不存在") from None
    return ResidentId(number)


def resident_id_warnings(value: str) -> list[str]:
    """Doubts that do not make the number invalid: today only an unknown birthplace county."""
    from stdnum import exceptions
    from stdnum.cn import ric

    try:
        ric.get_birth_place(str(value))
    except exceptions.ValidationError:
        return [
            "身份证号码前六位的行政区划代码未在已知区划表中（可能为新设或撤并的区县），请人工核对"
        ]
    return []


def validate_credit_code(value: Any) -> CreditCode:
    """Return the compact credit code or raise ``InvalidFormat``/``InvalidChecksum``."""
    text = require_text(value, "统一社会信用代码")
    code = "".join(text.split()).replace("-", "").upper()
    if (
        len(code) != 18
        or not _ASCII_DIGITS.issuperset(code[:8])
        or any(c not in _USCC_ALPHABET for c in code[8:])
    ):
        raise InvalidFormat("统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）")
    if code[-1] != credit_code_check_digit(code):
        raise InvalidChecksum("统一社会信用代码校验位错误")
    return CreditCode(code)


# The pydantic field types, built (and pydantic imported) when a model first asks for them.
__getattr__ = lazy_types(
    __name__,
    {
        "ResidentIdNumber": lambda: personal_type(
            validate_resident_id,
            "ric",
            ResidentId,
            {
                "type": "string",
                "description": "18位居民身份证号码（17位数字加校验位数字或X）",
                "examples": ["11010519491231002X"],
            },
        ),
        "UnifiedCreditCode": lambda: personal_type(
            validate_credit_code,
            "uscc",
            CreditCode,
            {
                "type": "string",
                "description": "18位统一社会信用代码（数字或大写字母，不含I、O、Z、S、V）",
                "examples": ["91110000600037341L"],
            },
        ),
    },
)

if TYPE_CHECKING:
    ResidentIdNumber = Annotated[str, "a resident ID number (validate_resident_id)"]
    UnifiedCreditCode = Annotated[str, "a unified social credit code (validate_credit_code)"]
