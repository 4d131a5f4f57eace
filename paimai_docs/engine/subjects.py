"""What a rule looks at: a *subject* is one document seen through its facts. A model yields exact
facts; a read PDF yields extracted facts and its text. Rules ask the same questions of both."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .. import rx
from ..lang import say
from ..model_index import document_kinds, field_labels
from ..reading.facts_base import unwrapped
from ..reading.types import Document
from ..resources import load_yaml
from .meaning import (
    clauses,
    compile_patterns,
    deferred,
    pattern_source,
    stated_in,
    vocabulary,
)
from .spec import RequiredItem


@dataclass(frozen=True)
class FactValue:
    """A value and where it was found (``page``/``evidence`` are None for a model)."""

    value: Any
    path: str
    page: int | None = None
    evidence: str | None = None
    file: str | None = None  # set when the fact comes from one document of a bundle


def _leaf(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _strip_indices(path: str) -> str:
    """``lots.0.reserve_price`` -> ``lots.reserve_price``."""
    return ".".join(p for p in path.split(".") if not p.isdigit())


def _walk(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
        for index, element in enumerate(value):
            yield from _walk(element, (*path, index))
    else:
        yield path, value


@functools.lru_cache(maxsize=1)
def reader_fact_labels() -> dict[str, dict[str, str]]:
    """``rules/facts.yaml``: the labels of facts no model has as a field (name -> zh, en)."""

    from ..resources import data_dir

    data = load_yaml(data_dir("rules") / "facts.yaml")
    facts: dict[str, dict[str, str]] = data["facts"]
    return facts


@functools.lru_cache(maxsize=256)
def any_field_label(kind: str, path: str, lang: str = "zh") -> str | None:
    """The printed label of a field, from the models of ``kind`` first, else from any model that
    has a field of that name (a date another kind of document states), else from
    ``rules/facts.yaml``; None when none has. English only from ``rules/facts.yaml``."""
    own = reader_fact_labels().get(_leaf(path))
    english = own["en"] if own else None  # the models' labels are Chinese only
    return say(_chinese_field_label(kind, path, own), english, lang)


def _chinese_field_label(kind: str, path: str, own: dict[str, str] | None) -> str | None:
    for candidate in (kind, *document_kinds()):
        labels = field_labels(candidate, path) or field_labels(candidate, _leaf(path))
        if labels:
            return labels[0]
    return own["zh"] if own else None


class Subject:
    """Base: a document's kind, file and facts."""

    kind: str
    file: str | None

    def values(self, name: str) -> list[FactValue]:
        raise NotImplementedError

    def missing(self, item: RequiredItem) -> list[str] | None:
        """None when ``item`` is stated; otherwise the places it is missing from (``[""]`` for
        the whole document, or list positions such as ``["第2项"]``)."""
        raise NotImplementedError

    def first(self, name: str) -> FactValue | None:
        found = self.values(name)
        return found[0] if found else None

    def flag(self, name: str) -> bool | None:
        """A yes/no fact, or None when the document does not say."""
        fact = self.first(name)
        return bool(fact.value) if fact is not None and fact.value is not None else None

    @property
    def pages(self) -> Sequence[tuple[int, str, str]]:
        """(page number, original text, normalised text) — empty for a model."""
        return ()

    def find_text(self, patterns: Sequence[str]) -> FactValue | None:
        """Where the text shows one of ``patterns`` (a model has no text)."""
        return None

    def values_ending(self, suffix: str) -> list[FactValue]:
        """Facts whose name ends with ``suffix`` (a read document's ``*_words`` amounts);
        ``path`` holds the fact's name."""
        return []

    def near_miss(self, item: RequiredItem) -> FactValue | None:
        """Where the text comes closest to stating a missing ``item``: the first line that names
        it (its label) or speaks of its topic without the value it needs — to quote beside the
        finding. None for a model, or when nothing comes close."""
        return None


@dataclass
class ModelSubject(Subject):
    """A document model: every field is an exact fact."""

    model: BaseModel
    file: str | None = None
    kind: str = ""
    _facts: list[FactValue] = field(default_factory=list, init=False, repr=False)

    _by_path: dict[str, list[FactValue]] = field(default_factory=dict, init=False, repr=False)
    _by_leaf: dict[str, list[FactValue]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.kind = self.kind or getattr(self.model, "document_kind", "unknown")
        for path, value in _walk(self.model, ()):
            if value is None:
                continue
            fact = FactValue(value, ".".join(map(str, path)))
            self._facts.append(fact)
            # looked up by every rule: indexed once, by path without indices and by field name
            self._by_path.setdefault(_strip_indices(fact.path), []).append(fact)
            self._by_leaf.setdefault(_leaf(fact.path), []).append(fact)

    def values(self, name: str) -> list[FactValue]:
        exact = self._by_path.get(name, [])
        if exact or "." in name:
            return list(exact)
        return list(self._by_leaf.get(name, []))

    @property
    def facts(self) -> list[FactValue]:
        return self._facts

    def missing(self, item: RequiredItem) -> list[str] | None:
        if item.field is None:
            return None
        gaps: list[str] = []
        self._find_gaps(self.model, item.field.split("."), "", gaps)
        return gaps or None

    def _find_gaps(self, obj: Any, parts: list[str], where: str, gaps: list[str]) -> None:
        if isinstance(obj, list):
            for index, element in enumerate(obj):
                self._find_gaps(element, parts, f"{where}第{index + 1}项", gaps)
            return
        if not isinstance(obj, BaseModel):
            return
        name, rest = parts[0], parts[1:]
        if name not in type(obj).model_fields:
            return  # this model has no such field: nothing to require here
        value = getattr(obj, name)
        explicit = name in obj.model_fields_set
        if rest:
            if value is None:
                gaps.append(where)
            else:
                self._find_gaps(value, rest, where, gaps)
            return
        required_nullable = type(obj).model_fields[name].is_required()
        stated = explicit if required_nullable and value is None else value not in (None, "", [])
        if not stated:
            gaps.append(where)


@dataclass
class DocumentSubject(Subject):
    """A read document: extracted facts plus its text for label look-ups."""

    document: Document
    kind: str = ""
    file: str | None = None

    def __post_init__(self) -> None:
        self.kind = self.kind or self.document.kind
        self.file = self.file or self.document.file

    def values(self, name: str) -> list[FactValue]:
        leaf = _leaf(name)
        return [
            FactValue(fact.value, fact.name, fact.page, fact.evidence)
            for fact in self.document.facts
            if fact.name in (name, leaf)
        ]

    @property
    def pages(self) -> Sequence[tuple[int, str, str]]:
        return [(p.number, p.text, p.normalized) for p in self.document.pages if p.usable]

    def values_ending(self, suffix: str) -> list[FactValue]:
        return [
            FactValue(fact.value, fact.name, fact.page, fact.evidence)
            for fact in self.document.facts
            if fact.name.endswith(suffix)
        ]

    def find_text(self, patterns: Sequence[str]) -> FactValue | None:
        """The first page line where one of ``patterns`` occurs (patterns are plain text or
        ``re:`` regular expressions), matched on the normalised text."""
        compiled = compile_patterns(tuple(patterns))
        for number, _original, normalized in self.pages:
            for pattern in compiled:
                match = pattern.search(normalized)
                if match:
                    start = normalized.rfind("\n", 0, match.start()) + 1
                    end = normalized.find("\n", match.end())
                    line = normalized[start : end if end != -1 else None].strip()
                    return FactValue(match.group(0), "text", number, line[:120])
        return None

    def missing(self, item: RequiredItem) -> list[str] | None:
        fields = [name for name in (item.field, *item.also) if name is not None]
        if any(
            not (isinstance(f.value, str) and deferred(f.value))
            for name in fields
            for f in self.values(name)
        ):
            return None  # the reader found it ("拍卖地点：待定" states no place)
        labels = list(item.text)
        if fields and (not labels or item.carries):
            # the model's printed labels; a value carried makes a bare label count for nothing
            for name in fields:
                printed = field_labels(self.kind, name)
                labels += [label for label in printed if label not in labels]
        if not labels and not item.topic:
            labels = [item.label]
        if not item.topic and not item.carries:
            return None if self.find_text(labels) else [""]
        return None if self.states(item, tuple(labels)) else [""]

    def near_miss(self, item: RequiredItem) -> FactValue | None:
        labels = [item.label, *(p for p in item.text if not p.startswith("re:"))]
        if item.field is not None:
            labels += field_labels(self.kind, item.field)
        found = self.find_text(list(dict.fromkeys(labels)))
        if found is None and item.topic:
            found = self.find_text([f"re:{vocabulary().topic(item.topic[0]).pattern}"])
        return found

    def states(self, item: RequiredItem, labels: tuple[str, ...]) -> str | None:
        """The clause that states ``item`` by meaning (:mod:`.meaning`), or None."""
        groups = _topic_groups(item.topic, labels)
        denied = vocabulary().denials.get(item.topic[0]) if item.topic else None
        return stated_in(
            self.clauses, groups, item.carries, item.excluding, item.near, item.not_by, item.by,
            item.not_of, item.of, denied, item.not_under,
        )  # fmt: skip

    @functools.cached_property
    def clauses(self) -> list[str]:
        # read as the fact extractor reads a page: the lines a PDF wrapped joined again
        return [
            clause for _n, _o, normalized in self.pages for clause in clauses(unwrapped(normalized))
        ]


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


@dataclass
class BundleSubject(Subject):
    """All documents of a bundle seen as one, for requirements about the bundle rather than one
    document (the trading centre's dossier, the pack handed in before the sale): a fact or a
    text is stated when any document states it."""

    members: Sequence[DocumentSubject]
    stage: str | None = None  # before, after, failed or sold: a fact named "stage"
    kind: str = "bundle"
    file: str | None = None

    def values(self, name: str) -> list[FactValue]:
        if name == "stage":
            return [FactValue(self.stage, "stage")] if self.stage else []
        return [
            dataclasses.replace(fact, file=member.file)
            for member in self.members
            for fact in member.values(name)
        ]

    @property
    def pages(self) -> Sequence[tuple[int, str, str]]:
        return [page for member in self.members for page in member.pages]

    def find_text(self, patterns: Sequence[str]) -> FactValue | None:
        for member in self.members:
            found = member.find_text(patterns)
            if found is not None:
                return dataclasses.replace(found, file=member.file)
        return None

    def missing(self, item: RequiredItem) -> list[str] | None:
        if any(member.missing(item) is None for member in self.members):
            return None
        return [""]


@functools.lru_cache(maxsize=512)
def _topic_groups(topics: tuple[str, ...], labels: tuple[str, ...]) -> list[re.Pattern[str]]:
    """One pattern per topic a clause must speak of; the first also accepts the labels."""
    words = vocabulary()
    label_part = "|".join(pattern_source(p) for p in labels)
    if not topics:
        return [rx.compile(label_part)]
    first = words.topic(topics[0]).pattern + (f"|{label_part}" if label_part else "")
    return [rx.compile(first), *(words.topic(name) for name in topics[1:])]
