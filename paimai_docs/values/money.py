"""Money: exact amounts in yuan (人民币元), their 大写 form, and parsing of amounts as written.

An amount is a :class:`decimal.Decimal` quantized to exactly two places (分). Nothing here does
float arithmetic: a ``float`` argument is converted through its ``repr`` (``0.1`` is
``Decimal('0.1')``), and a float whose ``repr`` has more than 15 significant digits is refused,
because a float cannot carry more than 15 decimal digits faithfully.

Supported range: ``0 <= amount < 10**16`` yuan (the 大写 units go up to 仟万亿).

大写 conventions (中国人民银行《正确填写票据和结算凭证的基本规定》), as written by :func:`to_words`:

* digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分; ``prefix=True`` prepends 人民币;
* a leading 拾 is written 壹拾 (壹拾万元整, never 拾万元整);
* every run of zero digits between two non-zero digits is written as one 零, including the runs
  the rules make optional (万位 or 元位 zero before a non-zero 千位 or 角位): 壹拾万零贰佰元整,
  壹仟陆佰捌拾元零叁角贰分, 壹拾元零伍角整, 壹佰元零伍分;
* 整 follows 元 when there are no 角 and 分, and also follows 角 when there is no 分 (the rules
  allow it there; we always write it): 壹拾元零伍角整, 伍角整; never after 分;
* amounts below one yuan have no 元 part: 伍分, 伍角整, 壹角伍分; zero is 零元整.

:func:`parse_words` reads these back, and also the variants clerks write: 圆, 正, 拾 without 壹,
lowercase numerals (一二三, 十百千, 两, 〇), the optional 零 left out, 整 left out, and
prefixes such as 人民币（大写）：. It refuses a 零 that stands for no zero digit, a 零 left out
where the rules require it (壹佰元伍分), and colloquial abbreviations whose value is ambiguous
(壹佰伍元: 105 or 150?).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import TYPE_CHECKING, Annotated, Any

from paimai_docs.errors import InvalidFormat, InvalidValue

from .. import rx

if TYPE_CHECKING:  # pydantic is imported when a model first asks for the schema, not before
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import core_schema

__all__ = [
    "MAX_AMOUNT",
    "MONEY_PATTERN",
    "MalformedMoney",
    "Money",
    "MoneyOutOfRange",
    "MoneyTooPrecise",
    "NegativeMoney",
    "UnsupportedMoneyType",
    "format_amount",
    "format_figures",
    "parse_amount",
    "parse_words",
    "to_decimal",
    "to_words",
]

CENT = Decimal("0.01")
#: Amounts must be strictly below this bound (10^16 yuan).
MAX_AMOUNT = Decimal(10) ** 16
# Enough precision for every operation below on amounts < 10^16 with two places: none rounds.
_CTX = Context(prec=40)
# A float carries at most 15 decimal significant digits faithfully (DBL_DIG).
_FLOAT_DIGITS = 15


class UnsupportedMoneyType(InvalidValue):
    """The value is not of a type that can hold an amount (bool, None, bytes, list, ...)."""

    code = "money_type"


class MalformedMoney(InvalidFormat):
    """The text or number is not an amount (not a number, unreadable 大写, NaN, Infinity)."""

    code = "money_format"


class NegativeMoney(InvalidValue):
    """The amount is below zero."""

    code = "money_negative"


class MoneyTooPrecise(InvalidValue):
    """The amount has a non-zero digit below the 分 (or is a float with too many digits)."""

    code = "money_precision"


class MoneyOutOfRange(InvalidValue):
    """The amount is 10^16 yuan or more."""

    code = "money_range"


# --------------------------------------------------------------------------------------------
# Decimal conversion


def _float_to_decimal(value: float) -> Decimal | None:
    """``Decimal(repr(value))``, or None when the float has more than 15 significant digits.

    NaN and infinities come back as the corresponding Decimal specials.
    """
    dec = Decimal(repr(value))
    if dec.is_finite() and dec != 0:
        digits = dec.normalize(_CTX).as_tuple().digits
        if len(digits) > _FLOAT_DIGITS:
            return None
    return dec


def _has_places_beyond(dec: Decimal, places: int) -> bool:
    """Whether the finite ``dec`` has a non-zero digit after ``places`` decimal places (exact)."""
    _, digits, exponent = dec.as_tuple()
    assert isinstance(exponent, int)
    extra = -places - exponent
    if extra <= 0:
        return False
    return any(digits[-extra:])


def _finish(dec: Decimal) -> Decimal:
    """Check a Decimal against the money rules and quantize it to 分."""
    if dec.is_nan():
        raise MalformedMoney("金额不是有效的数字")
    if dec.is_infinite():
        raise MalformedMoney("金额必须是有限的数字")
    if dec < 0:
        raise NegativeMoney("金额不能为负数")
    if dec >= MAX_AMOUNT:
        raise MoneyOutOfRange("金额过大：必须小于一亿亿元（10^16 元）")
    if _has_places_beyond(dec, 2):
        raise MoneyTooPrecise("金额最多精确到分（两位小数）")
    return dec.copy_abs().quantize(CENT, context=_CTX)  # copy_abs turns -0 into 0


def to_decimal(value: object) -> Decimal:
    """Convert ``value`` to an amount in yuan: a Decimal with exactly two places.

    Accepts Decimal, int, float (through ``repr``; at most 15 significant digits) and str (any
    form :func:`parse_amount` reads, including 大写). Refuses bool, NaN, Infinity, negative
    amounts, digits below the 分 (``1.005``; ``1.500`` is fine) and amounts of 10^16 yuan or more.

    Raises:
        UnsupportedMoneyType: wrong type (code ``money_type``).
        MalformedMoney: unreadable text, NaN or Infinity (``money_format``).
        NegativeMoney: below zero (``money_negative``).
        MoneyTooPrecise: finer than 分 (``money_precision``).
        MoneyOutOfRange: 10^16 or more (``money_range``).
    """
    if isinstance(value, bool):
        raise UnsupportedMoneyType("金额不能是布尔值")
    if isinstance(value, Decimal):
        return _finish(value)
    if isinstance(value, int):
        return _finish(Decimal(value))
    if isinstance(value, float):
        dec = _float_to_decimal(value)
        if dec is None:
            raise MoneyTooPrecise("浮点数超过15位有效数字，无法精确表示金额；请用字符串或 Decimal")
        return _finish(dec)
    if isinstance(value, str):
        return parse_amount(value)
    raise UnsupportedMoneyType(f"金额的类型不受支持：{type(value).__name__}")


# --------------------------------------------------------------------------------------------
# 大写 (words)

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_CENT_UNITS = {-1: "角", -2: "分"}


def to_words(amount: object, *, prefix: bool = True) -> str:
    """Write ``amount`` in 大写 as on contracts and bank forms, e.g. 人民币壹拾万零贰佰元整.

    ``amount`` goes through :func:`to_decimal` first. See the module docstring for the
    conventions (零 for every inner zero run, 整 after 元 and after 角, no 元 below one yuan).
    """
    cents = int(to_decimal(amount).scaleb(2, _CTX))
    head = "人民币" if prefix else ""
    if cents == 0:
        return head + "零元整"
    yuan = cents // 100
    fen = cents % 10
    digits = str(cents)
    top = len(digits) - 3  # power of ten of the first digit; -1 for 角, -2 for 分
    out: list[str] = []
    zero_pending = False
    seen = False
    for index, char in enumerate(digits):
        pos = top - index
        digit = int(char)
        if digit == 0:
            zero_pending = seen
        else:
            if zero_pending:
                out.append("零")
                zero_pending = False
            seen = True
            out.append(_DIGITS[digit] + (_SMALL_UNITS[pos % 4] if pos >= 0 else _CENT_UNITS[pos]))
        # Big units close a group as soon as its last digit is written.
        if pos == 12 and yuan // 10**12:
            out.append("万")
        elif pos == 8 and yuan // 10**8:
            out.append("亿")
        elif pos == 4 and (yuan // 10**4) % 10**4:
            out.append("万")
        elif pos == 0 and yuan:
            out.append("元")
    if fen == 0:
        out.append("整")
    return head + "".join(out)


class _NumeralError(Exception):
    """Internal: the Chinese numeral is malformed (callers convert to their own error)."""


# Characters after NFKC normalisation: 大写, lowercase and traditional forms.
_DIGIT_CHARS = {
    "零": 0, "〇": 0, "○": 0,
    "壹": 1, "一": 1,
    "贰": 2, "貳": 2, "二": 2, "两": 2, "兩": 2,
    "叁": 3, "參": 3, "三": 3,
    "肆": 4, "四": 4,
    "伍": 5, "五": 5,
    "陆": 6, "陸": 6, "六": 6,
    "柒": 7, "七": 7,
    "捌": 8, "八": 8,
    "玖": 9, "九": 9,
}  # fmt: skip
_SMALL_CHARS = {"拾": 1, "十": 1, "佰": 2, "百": 2, "仟": 3, "千": 3}
_BIG_CHARS = {"万": 4, "萬": 4, "亿": 8, "億": 8}
_YUAN_CHARS = frozenset("元圆圓")
_NUMERAL_CHARS = frozenset(_DIGIT_CHARS) | frozenset(_SMALL_CHARS) | frozenset(_BIG_CHARS)
_WORD_CHARS = _NUMERAL_CHARS | _YUAN_CHARS | frozenset("角分整正")


@dataclass(frozen=True)
class _Digit:
    """One non-zero digit of a numeral: value, power of ten, and whether a 零 precedes it."""

    value: int
    pos: int
    zero_before: bool


def _integer_digits(text: str) -> list[_Digit]:
    """Parse an integer numeral (< 10^16) to its non-zero digits, in the order written.

    Structure: ``[[S 万] S 亿] [S 万] [S]`` where each S is a section below 10^4 written with
    仟佰拾; 零 may stand between digits. Only the syntax is checked here; :func:`_check_zeros`
    checks the 零 rules once the absolute positions are known.
    """
    done: list[_Digit] = []  # digits already multiplied by 亿
    group: list[_Digit] = []  # digits of the current 亿 group already multiplied by 万
    section: list[_Digit] = []  # digits of the current section, pos 0..3
    yi_used = False
    wan_used = False
    zero = False
    index = 0
    while index < len(text):
        char = text[index]
        if char in _DIGIT_CHARS:
            digit = _DIGIT_CHARS[char]
            if digit == 0:
                if not (done or group or section):
                    raise _NumeralError("数字不能以“零”开头")
                zero = True
                index += 1
                continue
            nxt = text[index + 1] if index + 1 < len(text) else ""
            if nxt in _SMALL_CHARS:
                pos = _SMALL_CHARS[nxt]
                index += 2
            else:
                pos = 0
                index += 1
        elif char in _SMALL_CHARS:
            if index != 0 or _SMALL_CHARS[char] != 1:
                raise _NumeralError(f"“{char}”前缺少数字")
            digit, pos = 1, 1  # 拾万 = 壹拾万, only at the very start
            index += 1
        elif char in _BIG_CHARS:
            if zero:
                raise _NumeralError(f"“零”不能直接放在“{char}”前")
            if _BIG_CHARS[char] == 4:
                if not section or wan_used:
                    raise _NumeralError("“万”的位置不对")
                group = [_Digit(d.value, d.pos + 4, d.zero_before) for d in section]
                wan_used = True
            else:
                if not (group or section) or yi_used:
                    raise _NumeralError("“亿”的位置不对")
                done = [_Digit(d.value, d.pos + 8, d.zero_before) for d in group + section]
                group = []
                yi_used = True
                wan_used = False
            section = []
            index += 1
            continue
        else:
            raise _NumeralError(f"无法识别的字符“{char}”")
        if section and pos >= section[-1].pos:
            raise _NumeralError("数位顺序不对")
        section.append(_Digit(digit, pos, zero))
        zero = False
    if zero:
        raise _NumeralError("数字不能以“零”结尾")
    if not (done or group or section):
        raise _NumeralError("缺少数字")
    return done + group + section


def _check_zeros(digits: list[_Digit], *, leading_zero_ok: bool = False) -> None:
    """Check the 零 rules on the non-zero digits of a whole amount (integer, 角 -1, 分 -2).

    A written 零 must stand for at least one zero digit. A zero run may go unwritten only where
    the PBOC rules make its 零 optional: when the run ends at a group boundary (元位, 万位, 亿位,
    万亿位) and the next digit is at the top of the following group (角位 or a 仟位). Anywhere
    else a missing 零 is refused; this also refuses colloquial abbreviations such as 壹佰伍.
    """
    previous: _Digit | None = None
    for digit in digits:
        if previous is None:
            if digit.zero_before and not leading_zero_ok:
                raise _NumeralError("开头多了“零”")
        else:
            gap = previous.pos - digit.pos - 1
            if digit.zero_before and gap == 0:
                raise _NumeralError("多余的“零”：这里没有空位")
            if not digit.zero_before and gap > 0 and not (digit.pos == -1 or digit.pos % 4 == 3):
                raise _NumeralError("缺少“零”（或写法有歧义）")
        previous = digit


def _numeral_value(digits: list[_Digit]) -> int:
    """Integer value of digits at non-negative positions."""
    return sum(d.value * 10**d.pos for d in digits)


def _parse_integer_numeral(text: str) -> int:
    """Parse a Chinese integer numeral (大写 or lowercase) below 10^16; raise _NumeralError."""
    if text in ("零", "〇", "○"):
        return 0
    digits = _integer_digits(text)
    _check_zeros(digits)
    return _numeral_value(digits)


_WORDS_PREFIX = rx.compile(r"^(?:人民币|RMB|CNY|\(大写\)|大写|:)+", re.IGNORECASE)
_SPACE = rx.compile(r"\s+")


def _clean(text: str) -> str:
    """NFKC-normalise (full-width forms to ASCII) and drop all whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _fraction_digits(text: str) -> list[_Digit]:
    """Parse the 角/分 part, e.g. 零伍角叁分, to digits at positions -1 and -2."""
    out: list[_Digit] = []
    index = 0
    while index < len(text):
        zero = False
        if _DIGIT_CHARS.get(text[index]) == 0:
            zero = True
            index += 1
        if index + 1 >= len(text):
            raise _NumeralError("角、分的写法不对")
        digit = _DIGIT_CHARS.get(text[index])
        unit = text[index + 1]
        if not digit or unit not in "角分":
            raise _NumeralError("角、分的写法不对")
        pos = -1 if unit == "角" else -2
        if out and pos >= out[-1].pos:
            raise _NumeralError("角、分的顺序不对")
        out.append(_Digit(digit, pos, zero))
        index += 2
    return out


def _words_to_cents(text: str) -> int:
    """Parse cleaned 大写 text (prefix already removed) to an integer number of 分."""
    if text[-1:] in ("整", "正"):
        text = text[:-1]
    if not text:
        raise _NumeralError("缺少金额")
    yuan_at = [i for i, char in enumerate(text) if char in _YUAN_CHARS]
    if len(yuan_at) > 1:
        raise _NumeralError("“元”出现了不止一次")
    zero_yuan = False
    if yuan_at:
        integer_text, fraction_text = text[: yuan_at[0]], text[yuan_at[0] + 1 :]
        if not integer_text:
            raise _NumeralError("“元”前缺少数字")
    elif "角" in text or "分" in text:
        integer_text, fraction_text = "", text
    else:
        integer_text, fraction_text = text, ""
    digits: list[_Digit] = []
    if integer_text in ("零", "〇", "○"):
        zero_yuan = True
    elif integer_text:
        digits = _integer_digits(integer_text)
    digits += _fraction_digits(fraction_text)
    _check_zeros(digits, leading_zero_ok=zero_yuan)
    return sum(d.value * 10 ** (d.pos + 2) for d in digits)


def parse_words(text: str) -> Decimal:
    """Parse an amount written in 大写 (or lowercase Chinese numerals) to a Decimal.

    Accepts the prefixes 人民币, RMB, （大写）, 大写：; 元 or 圆; an optional 整/正 at the end;
    拾 without 壹 at the start; 万亿 and 亿…万 combinations up to 仟万亿; 零 written or left out
    where the rules make it optional; whitespace anywhere. Inverts :func:`to_words` exactly.

    Raises:
        MalformedMoney: anything else (code ``money_format``).
    """
    if not isinstance(text, str):
        raise MalformedMoney("大写金额必须是文本")
    cleaned = _WORDS_PREFIX.sub("", _clean(text))
    try:
        cents = _words_to_cents(cleaned)
    except _NumeralError as exc:
        raise MalformedMoney(f"无法识别的大写金额“{text.strip()}”：{exc}") from None
    return Decimal(cents).scaleb(-2, _CTX)


# --------------------------------------------------------------------------------------------
# Amounts as written in documents

_AMOUNT = rx.compile(
    r"""
    (?P<sign>[-−])?
    (?:人民币|RMB|CNY)?
    [¥]?
    (?P<sign2>[-−])?
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:
        (?P<small>[十百千])?(?P<big>万亿|万|亿)
        | (?P<alone>[百千])
    )?
    [元圆]?
    [整正]?
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)
_MULTIPLIER_POWER = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8, "万亿": 12}


def parse_amount(text: str) -> Decimal:
    """Parse an amount as written in a document to a Decimal with two places.

    Reads ``123456.78``, ``123,456.78``, ``¥123,456.78``, ``￥1,000元``, ``人民币50000元``,
    full-width digits (``１２３``), multipliers (``12.5万元`` = 125000.00, ``3亿元``, ``1.2亿``,
    ``5千元``, ``3百万``), spaces anywhere, and 大写 (delegated to :func:`parse_words`).

    Raises:
        MalformedMoney: not an amount (code ``money_format``).
        NegativeMoney, MoneyTooPrecise, MoneyOutOfRange: as :func:`to_decimal`.
    """
    if not isinstance(text, str):
        raise MalformedMoney("金额必须是文本")
    cleaned = _clean(text).replace("萬", "万").replace("億", "亿")
    if not cleaned:
        raise MalformedMoney("金额为空")
    if not any(char.isascii() and char.isdigit() for char in cleaned):
        if any(char in _WORD_CHARS for char in cleaned):
            return parse_words(text)
        raise MalformedMoney(f"无法识别的金额“{text.strip()}”")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise MalformedMoney(f"无法识别的金额“{text.strip()}”")
    number = Decimal(match["number"].replace(",", ""))
    power = 0
    if match["big"]:
        power = _MULTIPLIER_POWER[match["big"]] + _MULTIPLIER_POWER.get(match["small"] or "", 0)
    elif match["alone"]:
        power = _MULTIPLIER_POWER[match["alone"]]
    if match["sign"] and match["sign2"]:
        raise MalformedMoney(f"无法识别的金额“{text.strip()}”")
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    value = Decimal((sign, digits, exponent + power))  # exact, unlike scaleb
    if (match["sign"] or match["sign2"]) and value != 0:
        raise NegativeMoney("金额不能为负数")
    return _finish(value)


# --------------------------------------------------------------------------------------------
# Formatting


def format_amount(amount: object, locale: str = "zh_CN") -> str:
    """Format an amount with the currency sign through Babel: ``¥123,456.78`` in zh_CN."""
    from babel.numbers import format_currency  # Babel's locale data: loaded when first used

    return format_currency(to_decimal(amount), "CNY", locale=locale)


def format_figures(amount: object) -> str:
    """Format an amount as figures with grouping and two places, no sign: ``123,456.78``.

    The pattern ``#,##0.00`` of ``zh_CN`` (comma groups of three, a full stop), written out:
    the checker prints amounts in its messages, and Babel's locale data would cost it about
    30 ms to load; a test holds the two equal."""
    return f"{to_decimal(amount):,.2f}"


# --------------------------------------------------------------------------------------------
# pydantic


def _pydantic_validator(convert: Callable[[object], Decimal]) -> Callable[[object], Decimal]:
    """Wrap ``convert`` so our InvalidValue errors become PydanticCustomError with our code."""

    def validate(value: object) -> Decimal:
        try:
            return convert(value)
        except InvalidValue as exc:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError(exc.code, str(exc)) from None

    return validate


def _serializer(convert: Callable[[object], Decimal]) -> Callable[[object], str]:
    """Make a JSON serialiser: ``convert``, then fixed-point text (never exponent notation).

    Converting again means a value that skipped validation (``model_construct``, assignment) is
    checked and written in its canonical form, never silently rounded.
    """

    def serialize(value: object) -> str:
        return format(convert(value), "f")

    return serialize


MONEY_PATTERN = r"^(0|[1-9][0-9]{0,15})\.[0-9]{2}$"


class _MoneyAnnotation:
    """pydantic metadata for :data:`Money`."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            _pydantic_validator(to_decimal),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serializer(to_decimal), when_used="json"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": MONEY_PATTERN,
            "description": "人民币金额（元），两位小数的定点数字符串",
            "examples": ["123456.78", "0.00"],
        }


Money = Annotated[Decimal, _MoneyAnnotation]
"""An amount in yuan: validated by :func:`to_decimal`, serialised to JSON as ``"123456.78"``.

Validation errors carry the codes ``money_type``, ``money_format``, ``money_negative``,
``money_precision`` and ``money_range``. The JSON Schema (same in validation and serialization
mode) is the canonical string form; input may also be any form :func:`to_decimal` accepts.
"""
