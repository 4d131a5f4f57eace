"""Validate data against a document model and report every problem at once, each named by the
Chinese labels of the fields on its path (委托人 › 证件号码), with a stable machine code."""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from .errors import PaimaiError, UnknownKind
from .lang import say
from .models import MODELS, DocumentModel
from .models.base import LABEL_KEY

# Chinese (and English) wording for pydantic's own error types; ours are Chinese already.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("缺少必填项", "required field is missing"),
    "extra_forbidden": ("不是本文档的字段（请检查拼写）", "not a field of this document"),
    "string_type": ("应为文本", "must be text"),
    "string_too_short": ("不能为空", "must not be empty"),
    "bool_type": ("应为是/否（true 或 false）", "must be true or false"),
    "bool_parsing": ("应为是/否（true 或 false）", "must be true or false"),
    "int_type": ("应为整数", "must be a whole number"),
    "int_parsing": ("应为整数", "must be a whole number"),
    "int_from_float": ("应为整数", "must be a whole number"),
    "greater_than_equal": ("不能小于{ge}", "must be at least {ge}"),
    "greater_than": ("应大于{gt}", "must be greater than {gt}"),
    "decimal_parsing": ("应为数字", "must be a number"),
    "decimal_type": ("应为数字", "must be a number"),
    "list_type": ("应为列表", "must be a list"),
    "too_short": ("至少应有{min_length}项", "needs at least {min_length} item(s)"),
    "model_type": ("应为一组字段（对象）", "must be an object"),
    "model_attributes_type": ("应为一组字段（对象）", "must be an object"),
    "dict_type": ("应为一组字段（对象）", "must be an object"),
    "enum": ("取值应为：{expected}", "must be one of: {expected}"),
    "date_type": ("应为日期", "must be a date"),
    "date_parsing": ("日期格式不正确", "invalid date"),
    "date_from_datetime_parsing": ("日期格式不正确", "invalid date"),
    "datetime_type": ("应为日期时间", "must be a date and time"),
    "datetime_parsing": ("时间格式不正确", "invalid date and time"),
    "datetime_from_date_parsing": ("时间格式不正确", "invalid date and time"),
}


@dataclass(frozen=True)
class Problem:
    """One reason the data was refused."""

    path: tuple[str | int, ...]
    labels: tuple[str, ...]
    code: str
    message: str

    @property
    def where(self) -> str:
        return " › ".join(self.labels) if self.labels else "（整份文档）"

    def __str__(self) -> str:
        return f"{self.where}：{self.message}"


class ModelInvalid(PaimaiError, ValueError):
    """The data does not make a valid document; ``problems`` lists every reason."""

    code = "model_invalid"

    def __init__(self, model: type[BaseModel], problems: list[Problem]):
        self.model = model
        self.problems = problems
        title = getattr(model, "title", model.__name__)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{title}有{len(problems)}处问题：\n{lines}")


class DataUnreadable(PaimaiError, ValueError):
    """A data file (JSON or YAML) cannot be read or parsed."""

    code = "data_unreadable"


def read_data_file(path: Path) -> Any:
    """The data in a .json or .yaml file (a UTF-8 BOM is allowed); :class:`DataUnreadable` when
    it cannot be read or parsed, never another exception."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() in {".yaml", ".yml"}:
            import yaml

            try:
                return yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise DataUnreadable(str(exc)) from None
        return json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, DataUnreadable):
            raise
        raise DataUnreadable(str(exc)) from None


def get_model(name: str) -> type[DocumentModel]:
    """The model class registered under ``name`` (e.g. ``entrustment_contract``)."""
    try:
        return MODELS[name]
    except KeyError:
        known = "、".join(MODELS)
        raise UnknownKind(f"未知的文档类型：{name}。可用类型：{known}") from None


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation can hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return models_in(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, list, tuple, set):
        found: list[type[BaseModel]] = []
        for arg in typing.get_args(annotation):
            found.extend(models_in(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def label_path(model: type[BaseModel], path: tuple[str | int, ...], lang: str = "zh") -> list[str]:
    """Turn a pydantic error location into the Chinese labels of the fields along it."""
    labels: list[str] = []
    current: list[type[BaseModel]] = [model]
    for part in path:
        if isinstance(part, int):
            labels.append(say(f"第{part + 1}项", f"item {part + 1}", lang))
            continue
        info = next((m.model_fields[part] for m in current if part in m.model_fields), None)
        if info is None:
            if part not in {"function-after", "function-before", "function-plain"}:
                labels.append(str(part))
            continue
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        label = say(None, extra.get("x-label-en"), lang)
        labels.append(str(label or extra.get(LABEL_KEY) or info.title or part))
        current = models_in(info.annotation)
    return labels


def problems_from(model: type[BaseModel], exc: ValidationError, lang: str = "zh") -> list[Problem]:
    """Every error of ``exc`` as a :class:`Problem` with labels and a Chinese message."""
    problems = []
    for error in exc.errors(include_url=False):
        code = error["type"]
        message = error["msg"]
        if code in _MESSAGES:
            template = say(*_MESSAGES[code], lang)
            try:
                message = template.format(**(error.get("ctx") or {}))
            except (KeyError, IndexError):
                message = template
        path = tuple(error["loc"])
        problems.append(Problem(path, tuple(label_path(model, path, lang)), code, message))
    return problems


def validate(model: type[DocumentModel] | str, data: Any, lang: str = "zh") -> DocumentModel:
    """Build the model from ``data`` (a dict or a JSON string) or raise :class:`ModelInvalid`."""
    cls = get_model(model) if isinstance(model, str) else model
    try:
        if isinstance(data, (str, bytes)):
            return cls.model_validate_json(data)
        return cls.model_validate(data)
    except ValidationError as exc:
        raise ModelInvalid(cls, problems_from(cls, exc, lang)) from None


def _walk(value: Any, model: type[BaseModel] | None, path: tuple[str | int, ...]) -> Any:
    """Yield (path, model class of the root, leaf value) for every value inside ``value``."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), model, (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, model, (*path, index))
    else:
        yield path, value


def model_warnings(document: BaseModel, lang: str = "zh") -> list[Problem]:
    """Doubts that do not make the document invalid (today: ID numbers whose birthplace county
    is not in the known table — new or merged counties are real, so this is never an error)."""
    from .values.identity import ResidentId, resident_id_warnings

    problems = []
    for path, value in _walk(document, None, ()):
        if isinstance(value, ResidentId):
            for message in resident_id_warnings(value):
                labels = tuple(label_path(type(document), path, lang))
                problems.append(Problem(path, labels, "ric_unknown_birthplace", message))
    return problems
