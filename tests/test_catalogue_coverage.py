"""Every requirement of the rules catalogue is either a rule or listed, with its reason, in
rules/unchecked.yaml (what `paimai rules --unchecked` prints); never both, never neither."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.engine.registry import unchecked_requirements

CATALOGUE = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "RULES_CATALOGUE.md"
)


def _catalogue_ids() -> set[str]:
    text = CATALOGUE.read_text(encoding="utf-8").split("\n## 2.")[0]
    ids = re.findall(r"^\| ([A-Z]+-[A-Z]*\d+[a-z]?) \|", text, re.MULTILINE)
    return {i for i in ids if not i.startswith(("DATE-", "CONFLICT-"))}


def test_an_unchecked_requirement_is_not_also_a_rule_and_gives_a_reason() -> None:
    rules = {rule.id for rule in load_rules()}
    for entry in unchecked_requirements():
        assert entry.id not in rules, f"{entry.id} is a rule: remove it from rules/unchecked.yaml"
        assert entry.reason.strip()


@pytest.mark.skipif(not CATALOGUE.is_file(), reason=f"no catalogue at {CATALOGUE}")
def test_every_catalogue_requirement_is_a_rule_or_says_why_not() -> None:
    rules = {rule.id for rule in load_rules()}
    unchecked = {entry.id for entry in unchecked_requirements()}
    assert _catalogue_ids() - rules - unchecked == set()
    assert unchecked - _catalogue_ids() == set()


def test_rules_unchecked_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    from paimai_docs.cli import main

    assert main(["rules", "--unchecked"]) == 0
    out = capsys.readouterr().out
    first = unchecked_requirements()[0]
    assert first.id in out and first.reason in out
