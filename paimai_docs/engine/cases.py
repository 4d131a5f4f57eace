"""Run a rule's passing and failing cases (the rule file's ``passing``/``failing`` lists): an
example from ``examples/`` with some values changed or removed, checked under a scope."""

from __future__ import annotations

import copy
from typing import Any

from ..reading.types import Document, Page
from ..resources import load_example
from .engine import check_data, check_documents
from .findings import Finding
from .profiles import Profile, profile_from_data
from .spec import Case, Rule


def _parts(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in path.split(".")]


def _set(data: Any, path: str, value: Any) -> None:
    *head, last = _parts(path)
    for part in head:
        data = data[part]
    data[last] = value


def _remove(data: Any, path: str) -> None:
    *head, last = _parts(path)
    for part in head:
        data = data[part]
    del data[last]


def case_data(case: Case) -> dict[str, Any]:
    """The example data with the case's changes applied."""
    assert case.example is not None
    data = copy.deepcopy(load_example(case.example))
    for path, value in case.set.items():
        _set(data, path, value)
    for path in case.remove:
        _remove(data, path)
    return data


def case_documents(case: Case) -> list[Document]:
    """The case's documents, read as the reader reads text: normalised, facts extracted."""
    from ..reading.facts import extract_facts
    from ..reading.normalize import normalize

    documents = []
    for given in case.documents:
        pages = []
        for number, text in enumerate(given.pages, start=1):
            usable = number not in given.unreadable_pages
            pages.append(
                Page(
                    number=number,
                    text=text if usable else "",
                    normalized=normalize(text) if usable else "",
                    source="text_layer",
                    quality="ok" if usable else "empty",
                )
            )
        facts = extract_facts(
            [(p.number, p.text, p.normalized) for p in pages if p.usable], given.kind
        )
        documents.append(
            Document(
                file=given.file,
                kind=given.kind,
                kind_confidence=1.0,
                pages=tuple(pages),
                facts=tuple(facts),
            )
        )
    return documents


def run_case(rule: Rule, case: Case) -> list[Finding]:
    """The findings of ``rule`` (and only of it) on the case."""
    scope = case.scope or (rule.scopes[0] if rule.scopes[0] != "ALL" else "COM")
    profile: Profile | str = scope
    if case.profile is not None:
        profile = profile_from_data({"title": f"{rule.id} 用例配置", **case.profile})
    if case.example is not None:
        _model, findings = check_data(case.example, case_data(case), profile)
    else:
        findings = check_documents(case_documents(case), profile, stage=case.stage)
    return [f for f in findings if f.rule == rule.id]
