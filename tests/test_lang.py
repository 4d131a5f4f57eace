"""The output language is chosen in one place, :mod:`paimai_docs.lang`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from paimai_docs import lang as lang_module
from paimai_docs.lang import DEFAULT, LANGS, current_lang, resolve, say, set_lang

PACKAGE = Path(lang_module.__file__).resolve().parent
ROOT = PACKAGE.parent

# The module that defines the choice; it alone may compare a value to "en".
HOME = "paimai_docs/lang.py"

LANGUAGE_LITERALS = {"en", "zh"}


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = current_lang()
    yield
    set_lang(before)


@pytest.mark.parametrize("value", ["en", "EN", "En", "en-US", "en_GB", " en "])
def test_resolve_english(value: str) -> None:
    assert resolve(value) == "en"


@pytest.mark.parametrize("value", ["zh", "ZH", "zh-CN", "fr", "", "eng", "english", "e"])
def test_resolve_anything_else_is_chinese(value: str) -> None:
    assert resolve(value) == "zh"


def test_resolve_none_is_the_language_of_this_run() -> None:
    set_lang("en")
    assert resolve(None) == "en"
    set_lang("zh")
    assert resolve(None) == "zh"


def test_defaults() -> None:
    assert DEFAULT == "zh"
    assert LANGS == ("zh", "en")


def test_say_picks_by_the_given_language() -> None:
    assert say("中文", "English", "en") == "English"
    assert say("中文", "English", "EN") == "English"
    assert say("中文", "English", "en-US") == "English"
    assert say("中文", "English", "zh") == "中文"
    assert say("中文", "English", "fr") == "中文"


def test_say_is_generic() -> None:
    assert say(("一", "二"), ("one", "two"), "en") == ("one", "two")
    assert say(len, str, "zh") is len
    assert say("、", ", ", "en") == ", "


def test_say_without_a_language_follows_set_lang() -> None:
    set_lang("en")
    assert current_lang() == "en"
    assert say("中文", "English") == "English"
    assert say("中文", "English", "zh") == "中文"  # an explicit language wins
    set_lang("zh")
    assert current_lang() == "zh"
    assert say("中文", "English") == "中文"


@pytest.mark.parametrize("value", [None, "fr", "", "zh-TW"])
def test_set_lang_unknown_is_chinese(value: str | None) -> None:
    set_lang("en")
    set_lang(value)
    assert current_lang() == "zh"


@pytest.mark.parametrize("value", ["EN", "en-US", "en_GB"])
def test_set_lang_english_spellings(value: str) -> None:
    set_lang(value)
    assert current_lang() == "en"


def _is_language_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in LANGUAGE_LITERALS
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_is_language_literal(element) for element in node.elts)
    return False


def language_comparisons(source: str, filename: str = "<source>") -> list[int]:
    """Lines of comparisons (``==``, ``!=``, ``in``, ``not in``) with "en" or "zh" on a side."""
    lines = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Compare):
            continue
        if not any(isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in node.ops):
            continue
        if any(_is_language_literal(side) for side in (node.left, *node.comparators)):
            lines.append(node.lineno)
    return lines


def test_the_detector_finds_comparisons() -> None:
    source = (
        'a = lang == "en"\n'
        'b = "zh" != lang\n'
        'c = lang in ("en", "fr")\n'
        'd = lang not in {"zh"}\n'
        'e = x if lang == "en" else y\n'
        'f = lang == "fr"\n'
        'g = say("zh", "en")\n'
    )
    assert language_comparisons(source) == [1, 2, 3, 4, 5]


def test_no_module_compares_a_language_to_a_literal() -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == HOME:
            continue
        for line in language_comparisons(path.read_text(encoding="utf-8"), relative):
            offences.append(f"{relative}:{line}")
    assert not offences, (
        "choose the language with paimai_docs.lang.say (or resolve), not by comparing it to "
        "a literal: " + ", ".join(offences)
    )


@pytest.mark.parametrize("value", ["en", "EN", "en-US", "en_GB"])
def test_cli_lang_spellings_of_english(capsys: pytest.CaptureFixture[str], value: str) -> None:
    from paimai_docs.cli import language_of, main

    assert language_of(["--lang", value, "rules"]) == "en"
    assert language_of([f"--lang={value}", "rules"]) == "en"
    assert main(["--lang", value, "rules"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("rule(s)")
    assert "条规则" not in out


def test_cli_lang_unknown_is_refused_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    from paimai_docs.cli import language_of, main

    assert language_of(["--lang", "fr", "rules"]) == "zh"
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "fr", "rules"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "fr" in err and "错误" in err


SERVICE_ANSWERS = [
    ("", "没有这个地址"),
    ("?lang=EN", "no such address"),
    ("?lang=en-US", "no such address"),
    ("?lang=fr", "没有这个地址"),
]


@pytest.mark.parametrize(("query", "message"), SERVICE_ANSWERS)
def test_service_lang_spellings(query: str, message: str) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from paimai_docs.service.app import ServiceConfig, create_app

    with TestClient(create_app(ServiceConfig())) as client:
        answer = client.get("/no-such-page" + query)
    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == message
