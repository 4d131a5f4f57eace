"""Reading files a user wrote (profiles, holiday files, document data): parsed with the line of
every value kept, so that each problem names the file, the line and the value, in Chinese or
English, in our words (never ``[Errno 2] …``, ``Expecting value …`` or pydantic's ``Field
required``).

>>> data, lines = parse_text("year: 2027\\nsource: x\\n", "h.yaml")
>>> data["year"], lines.line(("source",))
(2027, 2)
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PaimaiError
from .lang import say

if TYPE_CHECKING:
    import yaml

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Problem:
    """One problem of a user's file: where (a field path and a line) and what, in two
    languages."""

    zh: str
    en: str
    where: str = ""
    line: int | None = None
    value: Any = None

    def text(self, lang: str = "zh") -> str:
        parts = []
        if self.line is not None:
            parts.append(say(f"第{self.line}行", f"line {self.line}", lang))
        if self.where:
            parts.append(self.where)
        head = say("，", ", ", lang).join(parts)
        body = say(self.zh, self.en, lang)
        if self.value is not None and not _mentions(f"{self.where} {body}", self.value):
            body += say(f"（值：{_show(self.value)}）", f" (value: {_show(self.value)})", lang)
        if not head:
            return body
        return head + say("：", ": ", lang) + body


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"“{value}”" if len(value) <= 60 else f"“{value[:57]}…”"
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    return str(value)


def _mentions(text: str, value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) in text


class UserFileError(PaimaiError, ValueError):
    """A file the user supplied cannot be read or does not follow its format. ``message(lang)``
    names the file and every problem; ``str()`` is the Chinese message."""

    code = "user_file_invalid"
    what = ("文件", "file")

    def __init__(self, path: str, problems: Sequence[Problem | str]) -> None:
        self.path = str(path)
        self.items = [p if isinstance(p, Problem) else Problem(p, p) for p in problems]
        super().__init__(self.message("zh"))

    @property
    def problems(self) -> list[str]:
        return [p.text("zh") for p in self.items]

    def message(self, lang: str = "zh") -> str:
        zh, en = self.what
        head = say(f"{zh} {self.path} 有误：", f"{en} {self.path} is invalid:", lang)
        return "\n".join([head, *(f"  {p.text(lang)}" for p in self.items)])


# --------------------------------------------------------------------------------------------
# Lines of values


@dataclass
class Lines:
    """The 1-based line of each value of a parsed file, by its path (``("holidays", 0,
    "dates", 1)``); a path without a line of its own gets the line of its nearest parent."""

    by_path: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Iterable[int | str]) -> int | None:
        path = tuple(loc)
        while True:
            if path in self.by_path:
                return self.by_path[path]
            if not path:
                return None
            path = path[:-1]


def _walk(node: yaml.Node, path: Loc, out: dict[Loc, int]) -> None:
    import yaml

    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark.line)
            child = (*path, name)
            _walk(value, child, out)
            out[child] = key.start_mark.line + 1  # a key's line, not its value's
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), out)


# --------------------------------------------------------------------------------------------
# Parsing


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    """The safe loader, except that a date that does not exist (``2027-02-30``) is a problem
    with its line and value, not a ``ValueError`` from deep inside PyYAML. (PyYAML is imported
    here, when a user's YAML file is first read: most runs read none.)"""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            raise _BadValue(node, "date") from None

    def integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_int(loader, node)
        except ValueError:
            raise _BadValue(node, "int") from None

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    Loader.add_constructor("tag:yaml.org,2002:int", integer)
    return Loader


class _BadValue(Exception):
    def __init__(self, node: yaml.Node, kind: str) -> None:
        self.line = node.start_mark.line + 1
        self.value = node.value
        self.kind = kind


_JSON_MESSAGES = {
    "Expecting value": ("此处应为一个值", "a value is expected here"),
    "Expecting property name enclosed in double quotes": (
        "键名应使用双引号，或多了一个逗号",
        "a key in double quotes is expected here (or a comma too many)",
    ),
    "Expecting ',' delimiter": ("缺少逗号", "a comma is missing"),
    "Expecting ':' delimiter": ("缺少冒号", "a colon is missing"),
    "Extra data": ("数据结束后还有多余的内容", "there is more after the end of the data"),
    "Unterminated string starting at": ("字符串没有结束的引号", "a string is not closed"),
    "Invalid control character at": ("字符串中有控制字符", "a control character in a string"),
    "Invalid \\escape": ("无效的转义符", "an invalid escape"),
    "Invalid \\uXXXX escape": ("无效的 \\u 转义符", "an invalid \\u escape"),
}


def read_text(path: str | os.PathLike[str], error: type[UserFileError] = UserFileError) -> str:
    """The text of a UTF-8 file (a BOM is allowed), or ``error`` in our words."""
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise error(str(p), [Problem("文件不存在", "the file does not exist")]) from None
    except IsADirectoryError:
        raise error(str(p), [Problem("这是一个文件夹，不是文件", "this is a folder")]) from None
    except PermissionError:
        raise error(str(p), [Problem("没有读取权限", "permission denied")]) from None
    except UnicodeDecodeError as exc:
        line = p.read_bytes()[: exc.start].count(b"\n") + 1
        raise error(
            str(p),
            [
                Problem(
                    "不是 UTF-8 编码的文本（请另存为 UTF-8）",
                    "not UTF-8 text (save it as UTF-8)",
                    line=line,
                )
            ],
        ) from None
    except (OSError, ValueError):
        raise error(str(p), [Problem("无法读取", "cannot be read")]) from None


def parse_text(
    text: str, path: str, *, json_format: bool | None = None,
    error: type[UserFileError] = UserFileError,
) -> tuple[Any, Lines]:  # fmt: skip
    """The data of a JSON or YAML text (JSON when ``path`` ends in ``.json`` unless
    ``json_format`` says otherwise) and the lines of its values."""
    if "\x00" in text:
        raise error(path, [Problem("含有空字符，不是文本文件", "contains NUL: not a text file")])
    is_json = path.lower().endswith(".json") if json_format is None else json_format
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            zh, en = next(
                (v for k, v in _JSON_MESSAGES.items() if exc.msg.startswith(k)),
                ("JSON 语法错误", "JSON syntax error"),
            )
            raise error(
                path, [Problem(f"JSON 语法错误：{zh}（第{exc.colno}列）",
                               f"JSON syntax error: {en} (column {exc.colno})", line=exc.lineno)]
            ) from None  # fmt: skip
        except RecursionError:
            raise error(path, [Problem("嵌套过深", "nested too deeply")]) from None
        return data, _lines_of(text)
    import yaml

    try:
        loader = _loader()(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except _BadValue as exc:
        zh, en = ("日期不存在", "no such date")
        if exc.kind != "date":
            zh, en = ("不是有效的整数", "not a whole number")
        raise error(path, [Problem(zh, en, line=exc.line, value=exc.value)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = f"（第{mark.column + 1}列）" if mark is not None else ""
        column_en = f" (column {mark.column + 1})" if mark is not None else ""
        raise error(
            path,
            [Problem(f"YAML 语法错误{column}：{_yaml_problem(exc, 'zh')}",
                     f"YAML syntax error{column_en}: {_yaml_problem(exc, 'en')}", line=line)],
        ) from None  # fmt: skip
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError):
        raise error(path, [Problem("YAML 语法错误", "YAML syntax error")]) from None
    lines = Lines()
    if node is not None:
        _walk(node, (), lines.by_path)
    return data, lines


_YAML_PROBLEMS = (
    ("mapping values are not allowed", "此处不能出现冒号（值中的冒号请加引号）",
     "a colon is not allowed here (quote a value with a colon)"),
    ("could not find expected ':'", "缺少冒号", "a colon is missing"),
    ("found character '\\t'", "不能用制表符缩进", "tabs cannot indent YAML"),
    ("found duplicate anchor", "锚点重复", "a duplicate anchor"),
    ("found undefined alias", "引用了未定义的锚点", "an undefined alias"),
    ("found unhashable key", "键不能是列表或对象", "a key cannot be a list or a mapping"),
    ("expected <block end>", "缩进不一致", "the indentation is inconsistent"),
    ("expected ',' or ']'", "列表没有闭合（缺少 ]）", "a list is not closed (a ] is missing)"),
    ("expected ',' or '}'", "对象没有闭合（缺少 }）", "a mapping is not closed (a } is missing)"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）",
     "the file ends early (a quote or bracket is not closed)"),
    ("expected a single document", "文件中有多个 YAML 文档（---）",
     "the file holds several YAML documents (---)"),
    ("could not determine a constructor", "不支持的 YAML 标签", "an unsupported YAML tag"),
)  # fmt: skip


def _yaml_problem(exc: yaml.MarkedYAMLError, lang: str) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, zh, en in _YAML_PROBLEMS:
        if needle in text:
            return say(zh, en, lang)
    return say("格式不正确", "the text is not valid YAML", lang)


def _lines_of(text: str) -> Lines:
    """Lines of a JSON text's values (JSON is YAML as far as positions go); none if PyYAML
    reads it differently."""
    import yaml

    lines = Lines()
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except Exception:  # only positions are lost
        return lines
    if node is not None:
        _walk(node, (), lines.by_path)
    return lines


def load_file(
    path: str | os.PathLike[str], error: type[UserFileError] = UserFileError
) -> tuple[Any, Lines]:
    """Read and parse a user's JSON or YAML file; ``error`` (with the file, line and value)
    for anything wrong."""
    shown = str(path)
    return parse_text(read_text(path, error), shown, error=error)


# --------------------------------------------------------------------------------------------
# pydantic's errors in our words


def where_of(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith("function-") or str(part) in {"list[...]", "dict[...]"}:
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


_PYDANTIC = {
    "missing": ("缺少此项", "missing"),
    "extra_forbidden": ("未知的键", "unknown key"),
    "int_type": ("应为整数", "must be a whole number"),
    "int_parsing": ("应为整数", "must be a whole number"),
    "int_from_float": ("应为整数", "must be a whole number"),
    "float_type": ("应为数字", "must be a number"),
    "float_parsing": ("应为数字", "must be a number"),
    "bool_type": ("应为 true 或 false", "must be true or false"),
    "bool_parsing": ("应为 true 或 false", "must be true or false"),
    "string_type": ("应为文字", "must be text"),
    "string_too_short": ("不能为空", "must not be empty"),
    "too_short": ("至少需要一项", "needs at least one entry"),
    "list_type": ("应为列表", "must be a list"),
    "tuple_type": ("应为列表", "must be a list"),
    "dict_type": ("应为键值对象", "must be a mapping of keys to values"),
    "model_type": ("应为键值对象", "must be a mapping of keys to values"),
    "model_attributes_type": ("应为键值对象", "must be a mapping of keys to values"),
    "literal_error": ("不是允许的值", "is not an allowed value"),
    "enum": ("不是允许的值", "is not an allowed value"),
    "date_type": ("应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"),
    "date_parsing": ("应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"),
    "date_from_datetime_parsing": ("应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"),
    "greater_than_equal": ("数值太小", "is too small"),
    "less_than_equal": ("数值太大", "is too large"),
    "greater_than": ("数值太小", "is too small"),
    "less_than": ("数值太大", "is too large"),
    "union_tag_invalid": ("类型不是允许的值", "has a type that is not allowed"),
}


def pydantic_problem(error: Any, lines: Lines | None = None, root: Loc = ()) -> Problem:
    """One pydantic error as a :class:`Problem`: our words, the field, the line, the value.
    A ``ValueError`` raised by our own validators carries its text as ``"中文 / English"``."""
    kind = error.get("type", "")
    loc = tuple(p for p in error.get("loc", ()) if not str(p).startswith("function-"))
    value = error.get("input")
    if kind == "value_error":
        text = str(error.get("ctx", {}).get("error", "")) or error.get("msg", "")
        zh, _, en = text.partition(" / ")
        zh, en = zh.strip(), (en or zh).strip()
    elif kind in _PYDANTIC:
        zh, en = _PYDANTIC[kind]
        if kind == "literal_error":
            allowed = error.get("ctx", {}).get("expected", "")
            if allowed:
                zh, en = f"应为 {allowed} 之一", f"must be one of {allowed}"
        elif kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
            bounds = error.get("ctx", {})
            limit = next(iter(bounds.values()), "")
            sign = {"greater_than_equal": "≥", "less_than_equal": "≤"}.get(kind, "")
            sign = sign or {"greater_than": ">", "less_than": "<"}[kind]
            zh, en = f"应 {sign} {limit}", f"must be {sign} {limit}"
    else:
        zh, en = "不符合格式", "does not fit the format"
    if kind in {"missing", "extra_forbidden"} or isinstance(value, (dict, list)):
        shown = None if kind == "missing" else (loc[-1] if loc else None)
        value = shown if kind == "extra_forbidden" else None
    return Problem(
        zh,
        en,
        where=where_of(loc) or ("（整体）" if not loc else ""),
        line=lines.line((*root, *loc)) if lines is not None else None,
        value=_plain(value),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def suggestion(word: str, candidates: Iterable[str]) -> tuple[str, str]:
    """``（是否想写 X？）`` and `` (did you mean X?)`` when one of ``candidates`` is close to
    ``word``; two empty strings otherwise."""
    import difflib

    pool = sorted({str(c) for c in candidates})
    close = difflib.get_close_matches(str(word), pool, n=1, cutoff=0.75)
    if not close:
        close = difflib.get_close_matches(str(word).upper(), pool, n=1, cutoff=0.75)
    if not close:
        return "", ""
    return f"（是否想写 {close[0]}？）", f" (did you mean {close[0]}?)"
