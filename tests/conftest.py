from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# The tests keep what the package caches (validated rules, compiled patterns, parsed data files)
# in a folder of their own, not in the user's cache folder: they compile patterns no user run
# would, and a developer's cache must not decide whether they pass. Set before any test runs,
# so that the commands the tests start inherit it.
_OWN_CACHE = None if "PAIMAI_CACHE_DIR" in os.environ else tempfile.mkdtemp(prefix="paimai-test-")
if _OWN_CACHE is not None:
    os.environ["PAIMAI_CACHE_DIR"] = _OWN_CACHE


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _OWN_CACHE is not None:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


def load_example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def contract_data() -> dict[str, Any]:
    return load_example("entrustment_contract")


@pytest.fixture(autouse=True)
def _chinese_unless_asked() -> Iterator[None]:
    """``paimai --lang en`` sets the language of the run; a test that runs it must not leave
    English to the tests after it."""
    from paimai_docs.lang import set_lang

    yield
    set_lang("zh")
