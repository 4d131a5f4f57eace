"""What a document is and what it says, from its read pages: its kind (the classifier) and its
facts (the fact extractor).

This runs where the pages were read: in the worker process that read the file (so that the
caller, which checks the bundle, does not wait for it, and so that a pathological text is
bounded by the worker's time limit like a pathological file), or in the calling process when
the file was read there. A worker's answer is JSON, never a pickle (:mod:`._worker`), so facts
cross as plain rows with their values tagged by type (:func:`encode_facts`), and are turned back
only into the types the fact extractor gives (:func:`decode_facts`); anything else is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from .types import Fact, Page

Understood = tuple[str, float, "str | None", tuple[str, ...], list[Fact]]
"""kind, confidence, title, the cues that decided the kind, facts."""


@functools.lru_cache(maxsize=16)
def _takes(function: Callable[..., Any], name: str) -> bool:
    """Whether ``function`` takes the argument ``name`` (a replacement of the classifier or the
    fact extractor, such as a test's stub, may take the pages only)."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters or any(p.kind is p.VAR_KEYWORD for p in parameters.values())


def classify_pages(texts: list[str]) -> tuple[str, float, str | None, tuple[str, ...]]:
    """The kind of a document from its pages' normalised text (``Page.normalized``): kind,
    confidence, title and the cues that decided it (none from a classifier that gives none)."""
    from .classify import classify

    # the text is normalised already: not again (a stub of a test may take the pages only)
    takes = _takes(classify, "normalized")
    result = classify(texts, normalized=True) if takes else classify(texts)
    kind, confidence, title = result
    cues = tuple(str(cue) for cue in getattr(result, "cues", ()))
    return kind, float(confidence), title, cues


def facts_of(pages: list[tuple[int, str, str]], kind: str | None = None) -> list[Fact]:
    """The facts of a document; ``kind`` (when known) spares the extractor classifying it."""
    from .facts import extract_facts

    if kind is not None and _takes(extract_facts, "kind"):
        return list(extract_facts(pages, kind=kind))
    return list(extract_facts(pages))


def understand(pages: Sequence[Page]) -> Understood:
    """Kind and facts of a document whose pages have been read; the facts come from the usable
    pages only. Raises whatever the classifier or the extractor raises (a bug of ours)."""
    kind, confidence, title, cues = classify_pages([page.normalized for page in pages])
    usable = [(page.number, page.text, page.normalized) for page in pages if page.usable]
    return kind, confidence, title, cues, facts_of(usable, kind)


# --------------------------------------------------------------------------------------------
# Facts as JSON


def _masked_types() -> dict[str, type[str]]:
    """The string types of personal data a fact can hold, by name (imported when a worker's
    answer holds one: they come with the value types' validators)."""
    from ..values.contact import BankAccount, PhoneNumber
    from ..values.identity import CreditCode, ResidentId

    return {cls.__name__: cls for cls in (PhoneNumber, BankAccount, CreditCode, ResidentId)}


def _encode(value: Any) -> list[Any]:
    # bool before int (a bool is an int), datetime before date (a datetime is a date)
    if isinstance(value, bool):
        return ["b", value]
    if isinstance(value, int):
        return ["i", value]
    if isinstance(value, Decimal):
        return ["d", str(value)]
    if isinstance(value, dt.datetime):
        return ["T", value.isoformat()]
    if isinstance(value, dt.date):
        return ["D", value.isoformat()]
    if isinstance(value, str):
        return ["s", str(value)] if type(value) is str else ["m", type(value).__name__, str(value)]
    if value is None:
        return ["n"]
    raise TypeError(f"a fact's value of type {type(value).__name__} has no encoding")


def _decode(row: Any) -> Any:
    if not isinstance(row, list) or not row or not isinstance(row[0], str):
        raise ValueError(f"not an encoded value: {row!r}")
    tag, args = row[0], row[1:]
    if tag == "n" and not args:
        return None
    if len(args) == 1:
        (arg,) = args
        if tag == "b" and isinstance(arg, bool):
            return arg
        if tag == "i" and isinstance(arg, int) and not isinstance(arg, bool):
            return arg
        if isinstance(arg, str):
            try:
                if tag == "d":
                    return Decimal(arg)
                if tag == "T":
                    return dt.datetime.fromisoformat(arg)
                if tag == "D":
                    return dt.date.fromisoformat(arg)
            except (ValueError, InvalidOperation) as exc:
                raise ValueError(f"not an encoded value: {row!r}") from exc
            if tag == "s":
                return arg
    if tag == "m" and len(args) == 2 and all(isinstance(arg, str) for arg in args):
        cls = _masked_types().get(args[0])
        if cls is not None:
            return cls(args[1])
    raise ValueError(f"not an encoded value: {row!r}")


def encode_facts(facts: Sequence[Fact]) -> list[list[Any]]:
    """Facts as JSON-able rows: ``[name, value, page, evidence, label]`` with the value tagged
    by its type. Raises TypeError for a value the extractor never gives."""
    return [[f.name, _encode(f.value), f.page, f.evidence, f.label] for f in facts]


def decode_facts(rows: Any) -> list[Fact]:
    """The facts of :func:`encode_facts`' rows; ValueError for anything else."""
    if not isinstance(rows, list):
        raise ValueError("facts must be a list of rows")
    facts = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 5):
            raise ValueError(f"not a fact row: {row!r}")
        name, value, page, evidence, label = row
        if not (
            isinstance(name, str)
            and isinstance(page, int)
            and isinstance(evidence, str)
            and (label is None or isinstance(label, str))
        ):
            raise ValueError(f"not a fact row: {row!r}")
        facts.append(Fact(name, _decode(value), page, evidence, label))
    return facts


def encode_understood(understood: Understood) -> dict[str, Any]:
    kind, confidence, title, cues, facts = understood
    return {
        "kind": kind,
        "confidence": confidence,
        "title": title,
        "cues": list(cues),
        "facts": encode_facts(facts),
    }


def decode_understood(data: Any) -> Understood:
    """What :func:`encode_understood` wrote; ValueError when it is not that."""
    if not isinstance(data, dict):
        raise ValueError("not an understood document")
    kind, confidence, title, cues = (
        data.get(key) for key in ("kind", "confidence", "title", "cues")
    )
    if not (
        isinstance(kind, str)
        and isinstance(confidence, (int, float))
        and (title is None or isinstance(title, str))
        and isinstance(cues, list)
        and all(isinstance(cue, str) for cue in cues)
    ):
        raise ValueError("not an understood document")
    return kind, float(confidence), title, tuple(cues), decode_facts(data.get("facts"))
