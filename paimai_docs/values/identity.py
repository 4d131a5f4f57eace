"""Resident identity card numbers (居民身份证号码) and unified social credit codes
(统一社会信用代码), validated with python-stdnum.

python-stdnum treats an unknown birthplace county as invalid; a county can be missing from its
table (new or renamed counties), so here an unknown county is a *warning*
(:func:`resident_id_warnings`), while a bad length, digit, birth date or check digit is an error.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema

from ..errors import InvalidChecksum, InvalidComponent, InvalidFormat
from ._pydantic import as_pydantic, require_text
from .masking import MaskedStr, serialize_personal


class ResidentId(MaskedStr):
    """An 18-digit resident ID number; ``repr`` shows 110105********002X."""

    keep_start = 6
    keep_end = 4


class CreditCode(MaskedStr):
    """An 18-character unified social credit code. Not personal data, but it identifies a party;
    it is shown in full (organisations publish it), so ``masked()`` returns it unchanged."""

    def masked(self) -> str:
        return str(self)


def _stdnum() -> tuple[Any, Any, Any]:
    """python-stdnum's Chinese numbers, imported when a number is first checked (the package
    imports the ``ssl`` module for its online checks: a reader that meets no number need not
    pay for it)."""
    from stdnum import exceptions
    from stdnum.cn import ric, uscc

    return ric, uscc, exceptions


def validate_resident_id(value: Any) -> ResidentId:
    """Return the compact ID number or raise ``InvalidFormat``/``InvalidChecksum``/
    ``InvalidComponent`` (impossible birth date)."""
    ric, _, stdnum_exc = _stdnum()
    number = ric.compact(require_text(value, "身份证号码")).upper()
    if (
        len(number) != 18
        or not number[:17].isdigit()
        or not (number[17].isdigit() or number[17] == "X")
    ):
        raise InvalidFormat("身份证号码应为18位：17位数字加1位数字或X")
    if number[-1] != ric.calc_check_digit(number):
        raise InvalidChecksum("身份证号码校验位错误")
    try:
        ric.get_birth_date(number)
    except stdnum_exc.ValidationError:
        raise InvalidComponent("身份证号码中的出生日期不存在") from None
    return ResidentId(number)


def resident_id_warnings(value: str) -> list[str]:
    """Doubts that do not make the number invalid: today only an unknown birthplace county."""
    ric, _, stdnum_exc = _stdnum()
    try:
        ric.get_birth_place(str(value))
    except stdnum_exc.ValidationError:
        return [
            "身份证号码前六位的行政区划代码未在已知区划表中（可能为新设或撤并的区县），请人工核对"
        ]
    return []


def validate_credit_code(value: Any) -> CreditCode:
    """Return the compact credit code or raise ``InvalidFormat``/``InvalidChecksum``."""
    _, uscc, stdnum_exc = _stdnum()
    code = uscc.compact(require_text(value, "统一社会信用代码")).upper()
    try:
        return CreditCode(uscc.validate(code))
    except stdnum_exc.InvalidChecksum:
        raise InvalidChecksum("统一社会信用代码校验位错误") from None
    except stdnum_exc.ValidationError:
        raise InvalidFormat("统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）") from None


ResidentIdNumber = Annotated[
    str,
    BeforeValidator(as_pydantic(validate_resident_id, "ric")),
    AfterValidator(ResidentId),
    PlainSerializer(serialize_personal, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "18位居民身份证号码（17位数字加校验位数字或X）",
            "examples": ["11010519491231002X"],
        }
    ),
]

UnifiedCreditCode = Annotated[
    str,
    BeforeValidator(as_pydantic(validate_credit_code, "uscc")),
    AfterValidator(CreditCode),
    PlainSerializer(serialize_personal, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "18位统一社会信用代码（数字或大写字母，不含I、O、Z、S、V）",
            "examples": ["91110000600037341L"],
        }
    ),
]
