"""Masking of personal numbers in free text (evidence quoted from a document, fact values).

:func:`mask_text` hides resident ID numbers, mobile and landline phone numbers and bank account
numbers wherever they occur in a string, keeping a few digits at each end so a reader can still
tell two numbers apart. It works on full-width digits too (``\\d`` matches every decimal digit).

The same numbers held in typed model values are masked by
:mod:`paimai_docs.values.masking`; this module is for text read from submitted files.
"""

from __future__ import annotations

import re

from .. import rx

MASK = "*"

_ASCII_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ＋－（）", "0123456789Xx+-()")

# Order matters: the longest, most specific shapes first, so an 18-digit ID is not also taken for
# an account number and an account number is not cut into phone numbers.
_RESIDENT_ID = rx.compile(r"(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?![\dXx])")
# 12–30 digits, possibly written in groups of 3–6 separated by single spaces or hyphens
# (6222 0202 0000 1234 567).
_ACCOUNT = rx.compile(r"(?<![\d\w])\d{3,6}(?:[ \-]\d{3,6}){2,7}(?![\d])|(?<!\d)\d{12,30}(?!\d)")
_MOBILE = rx.compile(r"(?<!\d)(?:\+?86[ \-]?)?(1[3-9]\d)[ \-]?(\d{4})[ \-]?(\d{4})(?!\d)")
# 0 + 2–3 digit area code, optional bracket or separator, 7–8 digit local number.
_LANDLINE = rx.compile(r"(?<!\d)([(（]?0\d{2,3}[)）]?)([ \-－—]?)(\d{3,4})[ \-]?(\d{4})(?!\d)")


def _mask_digits(text: str, keep_start: int, keep_end: int) -> str:
    """Replace the digits of ``text`` except the first ``keep_start`` and last ``keep_end``;
    separators stay where they are."""
    positions = [i for i, char in enumerate(text) if char.isdigit()]
    hidden = set(positions[keep_start : len(positions) - keep_end])
    return "".join(MASK if i in hidden else char for i, char in enumerate(text))


def _id(match: re.Match[str]) -> str:
    return match.group(1) + MASK * 8 + match.group(3)


def _account(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(char.isdigit() for char in text)
    if not 12 <= digits <= 30:
        return text
    return _mask_digits(text, 4, 4)


def _mobile(match: re.Match[str]) -> str:
    split = match.start(1) - match.start(0)  # keep a +86 prefix as written
    return match.group(0)[:split] + _mask_digits(match.group(0)[split:], 3, 4)


def _landline(match: re.Match[str]) -> str:
    split = match.start(3) - match.start(0)  # the area code stays readable
    return match.group(0)[:split] + _mask_digits(match.group(0)[split:], 2, 2)


def mask_text(text: str) -> str:
    """Mask 18-digit resident IDs (keep the first 6 and last 4), 11-digit mobiles (keep 3 + 4),
    landlines with an area code (keep the area code and 2 + 2 of the local number) and bank
    account numbers of 12–30 digits (keep 4 + 4).

    >>> mask_text("身份证号：110105194912310029，电话 13800138000")
    '身份证号：110105********0029，电话 138****8000'
    """
    # Match on a copy with full-width digits made ASCII (same length), then carry the masks over
    # to the original, so ２０２５ and 2025 are treated alike and the text keeps its own digits.
    shadow = text.translate(_ASCII_DIGITS)
    masked = _RESIDENT_ID.sub(_id, shadow)
    masked = _ACCOUNT.sub(_account, masked)
    masked = _MOBILE.sub(_mobile, masked)
    masked = _LANDLINE.sub(_landline, masked)
    if masked == shadow:
        return text
    return "".join(
        MASK if new == MASK and old != MASK else orig
        for orig, old, new in zip(text, shadow, masked, strict=True)
    )
