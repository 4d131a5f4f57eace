"""The types a template's values can have, derived from the pydantic model, so that every name and
attribute chain a template uses can be resolved (through sub-models, lists and loop variables)."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

# ------------------------------------------------------------------------------------------
# Types the template's values can have


class _T:
    """A value's type as far as the linter knows it."""


@dataclass(frozen=True)
class _Any(_T):
    pass


ANY = _Any()


@dataclass(frozen=True)
class _Scalar(_T):
    cls: type


@dataclass(frozen=True)
class _Model(_T):
    cls: type[BaseModel]
    paths: frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class _List(_T):
    item: _T


@dataclass(frozen=True)
class _Tuple(_T):
    items: tuple[_T, ...]


@dataclass(frozen=True)
class _Union(_T):
    options: tuple[_T, ...]


@dataclass(frozen=True)
class _Loop(_T):
    pass


_LOOP_ATTRS = {
    "index": int, "index0": int, "revindex": int, "revindex0": int, "first": bool,
    "last": bool, "length": int, "depth": int, "depth0": int, "cycle": None,
    "previtem": None, "nextitem": None, "changed": None,
}  # fmt: skip
_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace"}


def _merge(a: _T, b: _T) -> _T | None:
    """``a`` and ``b`` as one type, or None when they stay apart (in a union)."""
    if a == b:
        return a
    if isinstance(a, _Any) or isinstance(b, _Any):
        return ANY
    if isinstance(a, _Model) and isinstance(b, _Model) and a.cls is b.cls:
        return _Model(a.cls, a.paths | b.paths)
    if isinstance(a, _List) and isinstance(b, _List):
        return _List(_join(a.item, b.item))
    if isinstance(a, _Tuple) and isinstance(b, _Tuple) and len(a.items) == len(b.items):
        return _Tuple(tuple(_join(x, y) for x, y in zip(a.items, b.items, strict=True)))
    return None


def _join(a: _T, b: _T) -> _T:
    """The type of a value that is either ``a`` or ``b``."""
    merged = _merge(a, b)
    if merged is not None:
        return merged
    options: list[_T] = []
    for option in (a, b):
        for item in option.options if isinstance(option, _Union) else (option,):
            for i, known in enumerate(options):
                one = _merge(known, item)
                if one is not None:
                    options[i] = one
                    break
            else:
                options.append(item)
    return options[0] if len(options) == 1 else _Union(tuple(options))


def _from_annotation(annotation: Any, path: tuple[str, ...]) -> _T:
    """The linter's type of a field annotated ``annotation`` reached along ``path``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _from_annotation(typing.get_args(annotation)[0], path)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        result: _T | None = None
        for option in options:
            t = _from_annotation(option, path)
            result = t if result is None else _join(result, t)
        return result or ANY
    if origin in (list, tuple, set, frozenset, Sequence):
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        item = _from_annotation(args[0], (*path, "[]")) if args else ANY
        return _List(item)
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return _Model(annotation, frozenset([path]))
        return _Scalar(annotation)
    return ANY


# Filters that format a value; the rest of the filters are typed in _Checker._filter.
_FORMATTERS = {
    "money", "figures", "money_words", "cn_date", "formal_date", "cn_datetime", "percent",
    "yesno", "label", "number", "docref", "string", "e", "escape", "forceescape", "safe",
    "format", "replace", "trim", "upper", "lower", "title", "capitalize", "truncate", "wordwrap",
    "center", "indent", "striptags", "urlencode", "urlize", "tojson", "filesizeformat", "pprint",
    "xmlattr", "join",
}  # fmt: skip
_SAME = {"list", "sort", "reverse", "unique", "select", "reject", "batch", "slice"}
_ITEM = {"first", "last", "random", "min", "max"}
_NUMBER = {"length", "count", "wordcount", "int", "float", "abs", "round", "sum"}


def _models(annotation: Any) -> list[type[BaseModel]]:
    t = _from_annotation(annotation, ())
    found: list[type[BaseModel]] = []
    stack = [t]
    while stack:
        current = stack.pop()
        if isinstance(current, _Model):
            found.append(current.cls)
        elif isinstance(current, _List):
            stack.append(current.item)
        elif isinstance(current, _Union):
            stack.extend(current.options)
    return found


def _dotted(path: Sequence[str]) -> str:
    text = ""
    for part in path:
        text += "[]" if part == "[]" else (f".{part}" if text else part)
    return text


def _describe_type(t: _T) -> tuple[str, str]:
    if isinstance(t, _Scalar):
        cls = t.cls
        if issubclass(cls, bool):
            return "是/否值", "a yes/no value"
        if issubclass(cls, Enum):
            return "选项值", "a choice"
        if issubclass(cls, (int, float, Decimal)):
            return "数值", "a number"
        if issubclass(cls, str):
            return "文本", "text"
        return "日期或其他值", "a date or other value"
    if isinstance(t, _List):
        return "列表", "a list"
    if isinstance(t, _Tuple):
        return "一组值", "a tuple"
    return "值", "a value"
