"""What checking needs to know of the document models, as plain data: each model's document
kind and printed title, and the printed label and synonyms of every field.

The labels are written once, on the models' fields (``x-label``, ``x-synonyms``); the reader
finds facts by them and the rules name missing items with them. Importing the models means
building some sixty pydantic classes (about 0.1 s), which a check of one document should not pay
for: the index is built from the models once and kept in the user's cache folder
(:mod:`.cache`) under the hash of the models' source files, so a change to a model is seen on
the next run.

>>> field_labels("entrustment_contract", "auctioneer.name")          # doctest: +SKIP
('拍卖人', '受托人', '乙方')
"""

from __future__ import annotations

import functools
import hashlib
import sys
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import load_pickle, store_pickle

__all__ = ["ModelIndex", "document_kinds", "document_titles", "field_labels", "model_index"]

_MAX_DEPTH = 6  # sub-models nest two or three levels; deeper is a cycle


@dataclass(frozen=True)
class ModelIndex:
    """``models``: (document kind, printed title) of every model, in the order of
    :data:`paimai_docs.models.MODELS` (the first model of a kind is its plain form);
    ``paths``: kind → dotted field path (``auctioneer.name``, list positions left out) → the
    field's label and synonyms, over the models of that kind; ``names``: field name → (its
    labels, its synonyms) over every model and sub-model."""

    models: tuple[tuple[str, str], ...]
    paths: dict[str, dict[str, tuple[str, ...]]]
    names: dict[str, tuple[frozenset[str], frozenset[str]]]


def _inner_models(annotation: Any) -> list[type]:
    """The pydantic models an annotation can hold (through Optional, list, Annotated)."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type] = []
    for argument in typing.get_args(annotation):
        found.extend(_inner_models(argument))
    return found


def _labels_of(info: Any) -> tuple[list[str], list[str]]:
    from .models.base import LABEL_KEY, SYNONYMS_KEY

    extra = info.json_schema_extra
    if not isinstance(extra, dict):
        return [], []
    label = extra.get(LABEL_KEY)
    more = extra.get(SYNONYMS_KEY)
    return (
        [label] if isinstance(label, str) and label else [],
        [str(item) for item in more if item] if isinstance(more, list) else [],
    )


def build_index() -> ModelIndex:
    """The index, from the models themselves."""
    from .models import MODELS

    paths: dict[str, dict[str, list[str]]] = {}

    def walk(kind: str, model: Any, prefix: str, depth: int) -> None:
        for name, info in model.model_fields.items():
            path = f"{prefix}{name}"
            primary, synonyms = _labels_of(info)
            collected = paths.setdefault(kind, {}).setdefault(path, [])
            collected.extend(label for label in primary + synonyms if label not in collected)
            inner = _inner_models(info.annotation)
            if inner and depth < _MAX_DEPTH:  # a path goes on through the field's first model
                walk(kind, inner[0], f"{path}.", depth + 1)

    for model in MODELS.values():
        walk(model.document_kind, model, "", 0)

    primary_of: dict[str, set[str]] = {}
    synonyms_of: dict[str, set[str]] = {}
    seen: set[Any] = set()
    stack: list[Any] = list(MODELS.values())
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            stack.extend(_inner_models(info.annotation))
            primary, synonyms = _labels_of(info)
            if primary:
                primary_of.setdefault(name, set()).update(primary)
            if synonyms:
                synonyms_of.setdefault(name, set()).update(synonyms)
    return ModelIndex(
        models=tuple((model.document_kind, model.title) for model in MODELS.values()),
        paths={
            kind: {path: tuple(labels) for path, labels in table.items() if labels}
            for kind, table in paths.items()
        },
        names={
            name: (frozenset(primary_of.get(name, ())), frozenset(synonyms_of.get(name, ())))
            for name in set(primary_of) | set(synonyms_of)
        },
    )


def _source_key() -> str:
    from ._version import __version__

    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}".encode())
    for path in sorted((Path(__file__).parent / "models").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def model_index() -> ModelIndex:
    """The index: kept from an earlier run of the same models, else built and kept."""
    name = f"models-{_source_key()}.pickle"
    kept = load_pickle(name)
    if isinstance(kept, ModelIndex):
        return kept
    index = build_index()
    store_pickle(name, index, replaces="models-")
    return index


@functools.lru_cache(maxsize=1024)
def field_labels(kind: str, path: str) -> tuple[str, ...]:
    """The printed label and synonyms of a model field (``lots.reserve_price``, list positions
    left out) over the models of ``kind``; empty when no model of that kind has the field."""
    return model_index().paths.get(kind, {}).get(path, ())


def document_kinds() -> tuple[str, ...]:
    """The document kinds that have a model, sorted."""
    return tuple(sorted({kind for kind, _ in model_index().models}))


def document_titles() -> dict[str, str]:
    """kind → the printed title of its first model (拍卖公告 for every kind of announcement's
    plain form)."""
    titles: dict[str, str] = {}
    for kind, title in model_index().models:
        titles.setdefault(kind, title)
    return titles
