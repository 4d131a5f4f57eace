"""The manifest of a bundle: what its files are when they cannot be read (see
:mod:`.bundle`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from .. import rx
from .archive import ArchiveProblem

__all__ = ["MANIFEST_NAMES", "MAX_MANIFEST_BYTES", "ManifestEntry", "parse_manifest"]

MAX_MANIFEST_BYTES = 1 << 20
MANIFEST_NAMES = (
    "paimai.json",
    "paimai.yaml",
    "paimai.yml",
    "manifest.json",
    "manifest.yaml",
    "manifest.yml",
)


@dataclass(frozen=True)
class ManifestEntry:
    kind: str | None
    facts: dict[str, Any]


_ISO_DATE = rx.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = rx.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")
_FACT_NAME = rx.compile(r"^[a-z][a-z0-9_]*$")


def _known_kinds() -> set[str]:
    try:
        from .classify import KINDS
    except ImportError:
        from ..model_index import document_kinds

        return set(document_kinds()) | {"unknown"}
    return set(KINDS) | {"unknown"}


def _fact_value(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str):
        text = value.strip()
        with contextlib.suppress(ValueError):
            if _ISO_DATE.match(text):
                return dt.date.fromisoformat(text)
            if _ISO_DATETIME.match(text):
                return dt.datetime.fromisoformat(text.replace(" ", "T"))
        return value
    if isinstance(value, (int, bool, Decimal, dt.date)) or value is None:
        return value
    raise ValueError("事实的值只能是文字、数字、日期或布尔值")


def _load_yaml(text: str) -> Any:
    import yaml

    class _NoAliases(yaml.SafeLoader):
        """Aliases can make a small file expand enormously; a manifest has no use for them."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases are not allowed in a manifest")
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=_NoAliases)  # a SafeLoader subclass


def parse_manifest(data: bytes, name: str, base: str = "") -> dict[str, ManifestEntry]:
    """Parse a manifest's bytes; keys are resolved against ``base`` (the manifest's folder).
    Raises :class:`ArchiveProblem` (``manifest_invalid``)."""

    def invalid(reason: str) -> ArchiveProblem:
        return ArchiveProblem("manifest_invalid", f"清单文件 {name} 无效：{reason}")

    if len(data) > MAX_MANIFEST_BYTES:
        raise invalid("文件过大")
    try:
        text = data.decode("utf-8-sig")
        if name.lower().endswith(".json"):
            content = json.loads(text, parse_float=Decimal)
        else:
            content = _load_yaml(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise invalid(f"无法解析（{exc}）") from None
    except Exception as exc:  # yaml.YAMLError and its relatives
        raise invalid(f"无法解析（{type(exc).__name__}）") from None
    if not isinstance(content, dict) or not isinstance(content.get("files"), dict):
        raise invalid('缺少 "files" 对象')
    kinds = _known_kinds()
    entries: dict[str, ManifestEntry] = {}
    for key, spec in content["files"].items():
        if not isinstance(key, str) or not isinstance(spec, dict):
            raise invalid(f"条目 {key!r} 应为对象")
        kind = spec.get("kind")
        if kind is not None and kind not in kinds:
            raise invalid(f"条目 {key} 的 kind {kind!r} 不是已知的文书类型")
        facts = spec.get("facts") or {}
        if not isinstance(facts, dict):
            raise invalid(f"条目 {key} 的 facts 应为对象")
        values: dict[str, Any] = {}
        for fact, value in facts.items():
            if not isinstance(fact, str) or not _FACT_NAME.match(fact):
                raise invalid(f"条目 {key} 的事实名 {fact!r} 应为小写英文标识符")
            try:
                values[fact] = _fact_value(value)
            except ValueError as exc:
                raise invalid(f"条目 {key} 的事实 {fact}：{exc}") from None
        path = str(PurePosixPath(unicodedata.normalize("NFC", key.replace("\\", "/"))))
        entries[base + path] = ManifestEntry(kind, values)
    return entries
