"""Chinese phone numbers (mobile, landline with area code, national service numbers) and bank
account numbers. Both are personal data: masked in ``repr`` and in output unless asked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any

from .. import rx
from ..errors import InvalidFormat
from ._pydantic import lazy_types, personal_type, require_text
from .masking import MaskedStr

_SEPARATORS = rx.compile(r"[\s\-－—–()（）.·]")
_MOBILE = rx.compile(r"^1[3-9]\d{9}$")
# Area codes: 010 and 02X are three digits, the rest four (0xxx); local numbers 7 or 8 digits.
_LANDLINE = rx.compile(r"^(?P<area>010|02\d|0[3-9]\d{2})(?P<local>[2-9]\d{6,7})$")
_SERVICE = rx.compile(r"^(?P<prefix>400|800)(?P<rest>\d{7})$")
_SHORT = rx.compile(r"^(12\d{3}|95\d{3,4}|96\d{3,4})$")  # 12368 court line, 12345 hotline, 95xxx
_EXTENSION = rx.compile(r"(?:转|ext\.?|x|分机)\s*(\d{1,6})$", re.IGNORECASE)


class PhoneNumber(MaskedStr):
    """A normalised phone number: ``13800138000``, ``0373-3512345``, ``400-1234567``, ``12368``."""

    keep_start = 3
    keep_end = 4

    @property
    def kind(self) -> str:
        """``mobile``, ``landline``, ``service`` or ``short``."""
        text = str(self)
        if _MOBILE.match(text):
            return "mobile"
        if text.startswith(("400-", "800-")):
            return "service"
        if "-" in text:
            return "landline"
        return "short"

    def masked(self) -> str:
        text = str(self)
        if self.kind == "short":
            return text  # public hotlines
        if self.kind == "landline":
            area, _, rest = text.partition("-")
            local, sep, extension = rest.partition("转")
            return f"{area}-{local[:2]}{'*' * (len(local) - 4)}{local[-2:]}{sep}{extension}"
        return super().masked()


def validate_phone(value: Any) -> PhoneNumber:
    """Normalise a mobile, landline (with area code), 400/800 or short service number."""
    text = require_text(value, "电话号码")
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension, text = match.group(1), text[: match.start()]
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit():
        raise InvalidFormat("电话号码只能包含数字、空格、短横线和区号括号")
    suffix = f"转{extension}" if extension else ""
    if _MOBILE.match(digits):
        return PhoneNumber(digits)
    if landline := _LANDLINE.match(digits):
        return PhoneNumber(f"{landline['area']}-{landline['local']}{suffix}")
    if service := _SERVICE.match(digits):
        return PhoneNumber(f"{service['prefix']}-{service['rest']}{suffix}")
    if _SHORT.match(digits):
        return PhoneNumber(digits)
    if len(digits) in (7, 8) and digits[0] != "0":
        raise InvalidFormat("固定电话须带区号，例如 0373-3512345")
    raise InvalidFormat("电话号码格式不正确：手机号为1开头的11位数字，固定电话为区号加7或8位号码")


class BankAccount(MaskedStr):
    """A bank account or card number (digits only, 8–30 long). Masked: 6222********1234."""

    keep_start = 4
    keep_end = 4


def validate_bank_account(value: Any) -> BankAccount:
    text = _SEPARATORS.sub("", require_text(value, "银行账号"))
    if not text.isdigit() or not 8 <= len(text) <= 30:
        raise InvalidFormat("银行账号应为8至30位数字")
    return BankAccount(text)


# The pydantic field types, built (and pydantic imported) when a model first asks for them.
__getattr__ = lazy_types(
    __name__,
    {
        "Phone": lambda: personal_type(
            validate_phone,
            "phone",
            PhoneNumber,
            {"type": "string", "examples": ["13800138000", "0373-3512345"]},
        ),
        "BankAccountNumber": lambda: personal_type(
            validate_bank_account,
            "bank_account",
            BankAccount,
            {
                "type": "string",
                "description": "8至30位数字，可含空格或短横线",
                "examples": ["6222 0217 0600 1234 567"],
            },
        ),
    },
)

if TYPE_CHECKING:
    Phone = Annotated[str, "a phone number (validate_phone)"]
    BankAccountNumber = Annotated[str, "a bank account number (validate_bank_account)"]
