"""Dates and times as Chinese documents print them.

``format_date`` gives 2026年11月22日; ``formal_date`` gives 二〇二六年十一月二十二日, the form
contracts and official letters use for the signing date. The forms are CLDR's (Babel's ``long``
date and ``HH:mm`` for ``zh_CN`` and ``en_US``), written out here because loading Babel's locale
data costs about 40 ms, more than checking a document; a test holds them equal to Babel's.
"""

from __future__ import annotations

import datetime as dt

from ..lang import say

_DIGITS = "〇一二三四五六七八九"
_WEEKDAYS_ZH = "一二三四五六日"


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def format_date(value: dt.date, lang: str = "zh") -> str:
    """``2026年11月22日`` (``November 22, 2026`` with ``lang="en"``)."""
    return say(_date_zh, _date_en, lang)(value)


def _date_zh(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _date_en(value: dt.date) -> str:
    return f"{_MONTHS_EN[value.month - 1]} {value.day}, {value.year}"


def format_date_with_weekday(value: dt.date, lang: str = "zh") -> str:
    """``2026年11月22日（星期日）`` (``Sun, Nov 22, 2026`` with ``lang="en"``)."""
    return say(_date_with_weekday_zh, _date_with_weekday_en, lang)(value)


def _date_with_weekday_zh(value: dt.date) -> str:
    return f"{_date_zh(value)}（星期{_WEEKDAYS_ZH[value.weekday()]}）"


def _date_with_weekday_en(value: dt.date) -> str:
    month = _MONTHS_EN[value.month - 1][:3]
    return f"{_WEEKDAYS_EN[value.weekday()]}, {month} {value.day}, {value.year}"


def format_datetime(value: dt.datetime, lang: str = "zh") -> str:
    """``2026年11月22日 10:00`` — the 24-hour clock, as announcements print it."""
    return f"{format_date(value.date(), lang)} {value.hour:02d}:{value.minute:02d}"


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
