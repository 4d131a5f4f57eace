"""The documentation site: scripts/build_docs.py generates one page per rule from the rule data,
and ``mkdocs build --strict`` builds the site (no broken link, no page left out)."""

from __future__ import annotations

import html
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.engine.registry import unchecked_requirements

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_docs.py"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None,
    reason="mkdocs is not installed (it comes with the test extra: pip install -e '.[test]')",
)


def _text(page: Path) -> str:
    """A built page's visible text: tags removed, entities decoded, whitespace folded."""
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(body))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--site", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _script():  # scripts/ is not a package: load build_docs.py by its path
    spec = importlib.util.spec_from_file_location("build_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_pages_one_per_rule(tmp_path: Path) -> None:
    _script().write_pages(tmp_path)
    rules = load_rules()
    pages = {p.stem for p in (tmp_path / "rules").glob("*.md")}
    assert pages == {r.id for r in rules} | {"index", "unchecked"}
    contract = (tmp_path / "rules" / "CONTRACT-04.md").read_text(encoding="utf-8")
    assert contract.startswith("---\n")
    assert "# CONTRACT-04 · " in contract
    # nothing generated is written into docs/
    assert not (ROOT / "docs" / "rules").exists()


def test_one_html_page_per_rule_with_id_title_and_basis(site: Path) -> None:
    for rule in load_rules():
        page = site / "rules" / f"{rule.id}.html"
        assert page.is_file(), rule.id
        shown = _text(page)
        for expected in (rule.id, rule.title, rule.title_en, rule.basis, rule.explain.bad):
            assert re.sub(r"\s+", " ", expected) in shown, (rule.id, expected)


def test_index_links_every_rule(site: Path) -> None:
    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([A-Z][A-Z0-9-]+)\.html"', index))
    assert links == {rule.id for rule in load_rules()}


def test_unchecked_requirements_are_listed_with_their_reason(site: Path) -> None:
    shown = _text(site / "rules" / "unchecked.html")
    for entry in unchecked_requirements():
        assert entry.id in shown
        assert re.sub(r"\s+", " ", entry.reason) in shown, entry.id


def test_written_pages_are_in_the_site(site: Path) -> None:
    # the messages of `paimai plan` and `paimai calendar` point users to docs/deadlines.md
    for name in ("index", "checking", "rules", "deadlines", "models", "service", "report-schema"):
        assert (site / f"{name}.html").is_file(), name
    assert (site / "report-schema.json").is_file()
    assert "期限与节假日" in _text(site / "deadlines.html")
