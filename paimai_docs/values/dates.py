"""Dates and times as Chinese documents print them, through Babel for ``zh_CN``.

``format_date`` gives 2026年11月22日; ``formal_date`` gives 二〇二六年十一月二十二日, the form
contracts and official letters use for the signing date.
"""

from __future__ import annotations

import datetime as dt

from ..lang import say

_DIGITS = "〇一二三四五六七八九"
_WEEKDAYS_ZH = "一二三四五六日"


def _locale(lang: str) -> str:
    return say("zh_CN", "en_US", lang)


def _babel_format_date(value: dt.date, format: str, locale: str) -> str:
    from babel.dates import format_date  # Babel's locale data: loaded when first used

    return str(format_date(value, format, locale=locale))


def _babel_format_time(value: dt.datetime, format: str, locale: str) -> str:
    from babel.dates import format_time

    return str(format_time(value, format, locale=locale))


def format_date(value: dt.date, lang: str = "zh") -> str:
    """``2026年11月22日`` (``November 22, 2026`` with ``lang="en"``)."""
    return _babel_format_date(value, "long", locale=_locale(lang))


def format_date_with_weekday(value: dt.date, lang: str = "zh") -> str:
    """``2026年11月22日（星期日）``."""
    return say(_date_with_weekday_zh, _date_with_weekday_en, lang)(value)


def _date_with_weekday_zh(value: dt.date) -> str:
    return f"{format_date(value)}（星期{_WEEKDAYS_ZH[value.weekday()]}）"


def _date_with_weekday_en(value: dt.date) -> str:
    return _babel_format_date(value, "EEE, MMM d, y", locale="en_US")


def format_datetime(value: dt.datetime, lang: str = "zh") -> str:
    """``2026年11月22日 10:00`` — the 24-hour clock, as announcements print it."""
    time = _babel_format_time(value, "HH:mm", locale=_locale(lang))
    return f"{format_date(value.date(), lang)} {time}"


def _small_number(n: int) -> str:
    """1..31 in Chinese numerals as dates write them: 十, 十一, 二十, 二十二, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def formal_date(value: dt.date) -> str:
    """``二〇二六年十一月二十二日``: the year digit by digit with 〇, month and day as numbers."""
    year = "".join(_DIGITS[int(d)] for d in f"{value.year:04d}")
    return f"{year}年{_small_number(value.month)}月{_small_number(value.day)}日"
