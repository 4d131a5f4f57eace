"""Percentages such as commission rates (佣金比例), kept as exact fractions between 0 and 1.

A rate is a :class:`decimal.Decimal` fraction: 5% is ``Decimal('0.05')``. It is stored with at
most six decimal places (0.0001%) and without trailing zeros (``Decimal('0.05')``, ``Decimal('1')``,
``Decimal('0')``); more places are refused, never rounded.

Text may carry a percent sign (``5%``, ``5 %``, ``５％``, ``0.5%``), a per-mille sign (``5‰``), or
be written in words (``百分之五``, ``百分之零点五``, ``千分之五``). A bare number is a fraction
(``0.05``), so a bare number above 1 (``5``) is refused: write ``5%`` or ``0.05``. A bare ``1`` is
accepted and means 100%.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Context, Decimal
from typing import TYPE_CHECKING, Annotated, Any

from paimai_docs import rx
from paimai_docs.errors import InvalidFormat, InvalidValue
from paimai_docs.values.money import (
    _DIGIT_CHARS,
    _float_to_decimal,
    _has_places_beyond,
    _NumeralError,
    _parse_integer_numeral,
    _pydantic_validator,
    _serializer,
)

if TYPE_CHECKING:  # pydantic is imported when a model first asks for the schema, not before
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import core_schema

__all__ = [
    "PERCENT_PATTERN",
    "MalformedPercent",
    "NegativePercent",
    "Percent",
    "PercentOutOfRange",
    "PercentTooPrecise",
    "UnsupportedPercentType",
    "format_percent",
    "to_percent",
]

#: Most decimal places a stored fraction may have (0.000001 = 0.0001%).
PLACES = 6
_CTX = Context(prec=40)


class UnsupportedPercentType(InvalidValue):
    """The value is not of a type that can hold a percentage (bool, None, bytes, list, ...)."""

    code = "percent_type"


class MalformedPercent(InvalidFormat):
    """The text is not a percentage, or the number is NaN or infinite."""

    code = "percent_format"


class NegativePercent(InvalidValue):
    """The percentage is below zero."""

    code = "percent_negative"


class PercentOutOfRange(InvalidValue):
    """The fraction is above 1 (100%), e.g. a bare ``5`` meant as 5%."""

    code = "percent_range"


class PercentTooPrecise(InvalidValue):
    """The fraction has more than six decimal places."""

    code = "percent_precision"


def _shift(value: Decimal, places: int) -> Decimal:
    """``value / 10**places``, exactly (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent - places))


def _finish(value: Decimal, *, bare: bool) -> Decimal:
    """Check a fraction and return it normalised; ``bare`` is true when no % sign was given."""
    if not value.is_finite():
        raise MalformedPercent("比例必须是有限的数字")
    if value < 0:
        raise NegativePercent("比例不能为负数")
    if value > 1:
        if bare:
            raise PercentOutOfRange(
                f"比例 {value} 大于 1：百分比请写成“{value}%”，或写成小数（如 5% 写 0.05）"
            )
        raise PercentOutOfRange("比例不能超过 100%")
    if _has_places_beyond(value, PLACES):
        raise PercentTooPrecise("比例最多保留六位小数（即 0.0001%）")
    return value.copy_abs().normalize(_CTX)  # copy_abs turns -0 into 0


_NUMBER = rx.compile(r"(?P<sign>[-−])?(?P<number>\d+(?:\.\d+)?|\.\d+)(?P<sign_mark>%|‰)?", re.ASCII)
_WORDS = rx.compile(r"(?P<kind>百分之|千分之)(?P<integer>[^点]+)(?:点(?P<decimals>.+))?")
_SPACE = rx.compile(r"\s+")


def _words_number(integer: str, decimals: str | None) -> Decimal:
    """A Chinese number such as 十二点五 (integer part and the digits after 点)."""
    try:
        whole = _parse_integer_numeral(integer)
    except _NumeralError as exc:
        raise MalformedPercent(f"无法识别的数字“{integer}”：{exc}") from None
    if decimals is None:
        return Decimal(whole)
    places = []
    for char in decimals:
        if char not in _DIGIT_CHARS:
            raise MalformedPercent(f"无法识别的小数“{decimals}”")
        places.append(str(_DIGIT_CHARS[char]))
    return Decimal(f"{whole}.{''.join(places)}")


def _parse_text(text: str) -> Decimal:
    cleaned = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    match = _NUMBER.fullmatch(cleaned)
    if match is not None:
        value = Decimal(match["number"])
        if match["sign"] and value != 0:
            raise NegativePercent("比例不能为负数")
        mark = match["sign_mark"]
        if mark is None:
            return _finish(value, bare=True)
        return _finish(_shift(value, 2 if mark == "%" else 3), bare=False)
    words = _WORDS.fullmatch(cleaned)
    if words is not None:
        value = _words_number(words["integer"], words["decimals"])
        return _finish(_shift(value, 2 if words["kind"] == "百分之" else 3), bare=False)
    raise MalformedPercent(f"无法识别的比例“{text.strip()}”：请写成“5%”或 0.05")


def to_percent(value: object) -> Decimal:
    """Convert ``value`` to a fraction between 0 and 1 (5% -> ``Decimal('0.05')``).

    Accepts Decimal, int, float (through ``repr``) and str: ``"0.05"``, ``"5%"``, ``"5 %"``,
    ``"５％"``, ``"0.5%"``, ``"5‰"``, ``"百分之五"``, ``"百分之零点五"``. A bare number above 1 is
    refused (write ``"5%"`` or ``0.05``).

    Raises:
        UnsupportedPercentType: wrong type (code ``percent_type``).
        MalformedPercent: unreadable text, NaN or Infinity (``percent_format``).
        NegativePercent: below zero (``percent_negative``).
        PercentOutOfRange: above 1 / 100% (``percent_range``).
        PercentTooPrecise: more than six decimal places (``percent_precision``).
    """
    if isinstance(value, bool):
        raise UnsupportedPercentType("比例不能是布尔值")
    if isinstance(value, Decimal):
        return _finish(value, bare=True)
    if isinstance(value, int):
        return _finish(Decimal(value), bare=True)
    if isinstance(value, float):
        dec = _float_to_decimal(value)
        if dec is None:
            raise PercentTooPrecise("浮点数超过15位有效数字，无法精确表示比例；请用字符串")
        return _finish(dec, bare=True)
    if isinstance(value, str):
        return _parse_text(value)
    raise UnsupportedPercentType(f"比例的类型不受支持：{type(value).__name__}")


def format_percent(value: object, locale: str = "zh_CN") -> str:
    """Format a fraction as a percentage without trailing zeros: ``5%``, ``0.5%``, ``12.25%``."""
    from babel.numbers import format_percent  # Babel's locale data: loaded when first used

    return format_percent(to_percent(value), format="#,##0.####%", locale=locale)


#: JSON Schema pattern (the same in validation and serialization mode): a fraction with at most
#: six places (``"0.05"``, what serialisation writes) or a percentage with at most four places
#: (``"5%"``, ``"0.5%"``, the way people write rates in JSON files). It does not spell out every
#: form the validator reads (百分之五, ５％, 5‰, spaces).
PERCENT_PATTERN = (
    r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?"
    r"|(100(\.0{1,4})?|[1-9]?[0-9](\.[0-9]{1,4})?)%)$"
)


class _PercentAnnotation:
    """pydantic metadata for :data:`Percent`."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            _pydantic_validator(to_percent),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serializer(to_percent), when_used="json"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": PERCENT_PATTERN,
            "description": "比例：0 到 1 之间的小数（如 0.05，最多六位小数），或百分数（如 5%）",
            "examples": ["0.05", "5%", "0.5%"],
        }


Percent = Annotated[Decimal, _PercentAnnotation]
"""A fraction 0..1 validated by :func:`to_percent`, serialised to JSON as ``"0.05"``.

Validation errors carry the codes ``percent_type``, ``percent_format``, ``percent_negative``,
``percent_range`` and ``percent_precision``.
"""
