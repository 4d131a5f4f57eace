"""``paimai explain`` and ``paimai rules``: every rule explains itself with the same sections."""

from __future__ import annotations

import json

import pytest

from paimai_docs.cli import main
from paimai_docs.engine import load_rules


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.id)
def test_every_rule_explains_itself(capsys: pytest.CaptureFixture[str], rule) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "explain", rule.id)
    assert code == 0
    for heading in ("检查什么", "为什么", "不符合的例子", "符合的例子", "如何改正", "已知局限"):
        assert f"【{heading}】" in out
    assert rule.basis in out and rule.title in out


def test_explain_is_case_insensitive_and_has_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "contract-04", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "CONTRACT-04" and data["explain"]["bad"]


def test_explain_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "explain", "CONTRACT-04")
    assert code == 0 and "How to fix:" in out and "reserve price" in out


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "explain", "NOPE-99")
    assert code == 2 and "NOPE-99" in err


def test_rules_lists_by_scope(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--scope", "SOA-ADM")
    assert code == 0 and "CONTRACT-17" in out
    code, out, _ = run(capsys, "rules", "--scope", "COM")
    assert code == 0 and "CONTRACT-17" not in out and "CONTRACT-04" in out
