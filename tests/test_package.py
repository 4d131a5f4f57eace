"""The package's public surface and its optional extras."""

from __future__ import annotations

import subprocess
import sys

import pytest

import paimai_docs
from paimai_docs import extras
from paimai_docs.errors import MissingExtra, PaimaiError


def test_public_names_resolve() -> None:
    for name in paimai_docs.__all__:
        assert getattr(paimai_docs, name) is not None
    with pytest.raises(AttributeError):
        paimai_docs.no_such_thing  # noqa: B018


def test_import_is_cheap() -> None:
    code = "import sys, paimai_docs; print('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_missing_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(extras.EXTRAS, "ocr", ("paimai_no_such_module", "ocr", "识别扫描页文字"))
    with pytest.raises(MissingExtra) as info:
        extras.require("ocr")
    assert 'pip install "paimai-docs[ocr]"' in str(info.value)
    assert isinstance(info.value, PaimaiError) and isinstance(info.value, ImportError)


def test_the_package_root_offers_the_public_surface() -> None:
    import pydoc

    import paimai_docs

    for name in ("check", "render", "plan", "validate", "explain", "Finding", "CheckResult"):
        value = getattr(paimai_docs, name)
        assert value.__doc__, name
    assert set(paimai_docs.__all__) <= set(dir(paimai_docs))
    page = pydoc.render_doc(paimai_docs)
    assert "__getattr__" not in page and "check_bundle(" in page
    assert paimai_docs.explain("contract-04").splitlines()[1] == "合同未载明委托人提出的保留价"


def test_the_package_is_typed() -> None:
    from pathlib import Path

    import paimai_docs

    assert (Path(paimai_docs.__file__).parent / "py.typed").is_file()
