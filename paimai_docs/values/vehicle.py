"""Vehicle identifiers: plate numbers (号牌号码, GA 36) and VINs (车辆识别代号) with the ISO 3779
check digit that GB 16735 makes mandatory for vehicles registered in China."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from .. import rx
from ..errors import InvalidChecksum, InvalidFormat
from ._pydantic import as_pydantic, require_text

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O on plates
_PLATE_SEPARATORS = rx.compile(r"[\s·•.\-－]")
_ORDINARY = rx.compile(
    rf"^[{PROVINCES}][{_LETTERS}][{_LETTERS}0-9]{{4}}[{_LETTERS}0-9挂学警领港澳试超]$"
)
# New-energy plates: six characters after the issuing letter; small cars start with D/F (or
# A-K in the 2021 extension), large vehicles end with D/F.
_NEW_ENERGY = rx.compile(
    rf"^[{PROVINCES}][{_LETTERS}](?:[A-HJK][{_LETTERS}0-9]\d{{4}}|\d{{5}}[DF])$"
)
_EMBASSY = rx.compile(r"^使\d{6}$|^\d{6}使$")
_MILITARY_LIKE = rx.compile(r"^WJ\d{2}\d{5}$")


def validate_plate(value: Any) -> str:
    """Normalise a plate number (removing the dot and spaces): ``豫G·12345`` -> ``豫G12345``."""
    text = _PLATE_SEPARATORS.sub("", require_text(value, "号牌号码")).upper()
    if _ORDINARY.match(text) or _NEW_ENERGY.match(text) or _EMBASSY.match(text):
        return text
    if _MILITARY_LIKE.match(text):
        return text
    raise InvalidFormat("号牌号码格式不正确，例如 豫G12345 或新能源 豫GD12345")


_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_SHAPE = rx.compile(r"^[A-HJ-NPR-Z0-9]{17}$")


def vin_check_digit(vin: str) -> str:
    """The ISO 3779 / GB 16735 check character for position 9 of ``vin``."""
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def validate_vin(value: Any) -> str:
    """Return the VIN in upper case or raise ``InvalidFormat``/``InvalidChecksum``."""
    vin = re.sub(r"[\s\-]", "", require_text(value, "车辆识别代号")).upper()
    if not _VIN_SHAPE.match(vin):
        raise InvalidFormat("车辆识别代号应为17位字母或数字（不含I、O、Q）")
    if vin[8] != vin_check_digit(vin):
        raise InvalidChecksum("车辆识别代号第9位校验位错误")
    return vin


PlateNumber = Annotated[
    str,
    BeforeValidator(as_pydantic(validate_plate, "plate")),
    WithJsonSchema({"type": "string", "examples": ["豫G12345", "豫GD12345"]}),
]
Vin = Annotated[
    str,
    BeforeValidator(as_pydantic(validate_vin, "vin")),
    WithJsonSchema({"type": "string", "pattern": "^[A-HJ-NPR-Z0-9]{17}$"}),
]
