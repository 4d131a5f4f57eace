"""The language of what users read: Chinese by default, English on request.

Everything that words a message for a user chooses between its Chinese and its English text in
one way, :func:`say`; the language itself is given by the caller (``lang="en"``), or else it is
the language of this run, which the ``paimai`` command sets once from ``--lang``
(:func:`set_lang`). A value that is not a known language means Chinese (:func:`resolve`).

>>> say("找不到文件", "file not found", "en")
'file not found'
>>> say("、", ", ")
'、'
"""

from __future__ import annotations

from typing import Literal, TypeVar

__all__ = [
    "DEFAULT", "LANGS", "Lang", "current_lang", "lang_option", "resolve", "say", "set_lang",
]  # fmt: skip

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT: Lang = "zh"

T = TypeVar("T")

_current: list[Lang] = [DEFAULT]


def resolve(lang: str | None) -> Lang:
    """``"en"`` (also ``"EN"``, ``"en-US"``, ``"en_GB"``) is English; anything else, and None,
    the language of this run."""
    if lang is None:
        return _current[0]
    return "en" if lang.strip().lower().replace("_", "-").split("-")[0] == "en" else "zh"


def set_lang(lang: str | None) -> None:
    """The language of this run (set by the ``paimai`` entry point from ``--lang``)."""
    _current[0] = "en" if lang is not None and resolve(lang) == "en" else "zh"


def current_lang() -> Lang:
    return _current[0]


def say(zh: T, en: T, lang: str | None = None) -> T:
    """``zh`` or ``en``, as ``lang`` (or the language of this run) says."""
    return en if resolve(lang) == "en" else zh


def lang_option(value: str) -> str:
    """The ``--lang`` value: a spelling of a known language (``EN``, ``en-US``, ``zh_CN``) as
    that language, as the command line reads it; anything else as given, for argparse to
    refuse with its list of choices."""
    primary = value.strip().lower().replace("_", "-").split("-")[0]
    return resolve(value) if primary in LANGS else value
