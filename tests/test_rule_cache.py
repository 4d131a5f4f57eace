"""The validated rules are cached in the user's cache folder under the hash of the rule files:
the same rules come back, a changed file is read afresh, and the cache can be turned off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paimai_docs.engine import registry
from paimai_docs.resources import data_dir


def _fresh(folder: Path) -> tuple[object, ...]:
    registry._load_rules_from.cache_clear()
    return registry.load_rules(folder)


def test_cached_rules_are_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIMAI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PAIMAI_NO_CACHE", raising=False)
    folder = tmp_path / "catalogue"
    shutil.copytree(data_dir("rules") / "catalogue", folder)
    first = _fresh(folder)
    assert list((tmp_path / "cache").glob("rules-*.pickle"))
    assert _fresh(folder) == first  # read from the cache

    own = folder / "own.yaml"
    own.write_text(
        own.read_text(encoding="utf-8").replace(
            "title: 文书页面没有可读取的文字", "title: 文书页面没有文字"
        ),
        encoding="utf-8",
    )
    changed = {rule.id: rule for rule in _fresh(folder)}  # type: ignore[attr-defined]
    assert changed["NO-TEXT"].title == "文书页面没有文字"
    # the new version replaced the old one: the folder does not grow with every change
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 1
    registry._load_rules_from.cache_clear()


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIMAI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PAIMAI_NO_CACHE", "1")
    folder = tmp_path / "catalogue"
    shutil.copytree(data_dir("rules") / "catalogue", folder)
    assert _fresh(folder)
    assert not (tmp_path / "cache").exists()
    registry._load_rules_from.cache_clear()


def test_an_unwritable_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PAIMAI_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.delenv("PAIMAI_NO_CACHE", raising=False)
    folder = tmp_path / "catalogue"
    shutil.copytree(data_dir("rules") / "catalogue", folder)
    assert _fresh(folder)
    registry._load_rules_from.cache_clear()
