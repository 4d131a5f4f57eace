"""The built wheel carries the data files: templates, rules and examples load from a fresh venv
in which only the wheel is installed (no repository on the path)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import paimai_docs
from paimai_docs import resources
assert "site-packages" in paimai_docs.__file__, paimai_docs.__file__
templates = sorted(resources.data_dir("templates").glob("*.docx"))
rules = resources.rule_files()
example = resources.load_example("entrustment_contract")
print(json.dumps({
    "package": paimai_docs.__file__,
    "template": str(templates[0]) if templates else None,
    "template_bytes": templates[0].read_bytes()[:2].decode() if templates else None,
    "rules": [r.name for r in rules],
    "rule_text": next(r for r in rules if r.name == "checklists.yaml").read_text(encoding="utf-8"),
    "example_title": example["lots"][0]["name"],
}, ensure_ascii=False))
"""


@pytest.mark.slow
def test_wheel_installs_with_its_data_files(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = dist.glob("paimai_docs-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    # Run outside the repository so nothing but the installed wheel can be imported.
    result = subprocess.run(
        [str(python), "-I", "-c", PROBE], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    import json

    found = json.loads(result.stdout)
    assert str(env_dir) in found["package"]
    assert found["template"] and found["template"].endswith(".docx")
    assert found["template_bytes"] == "PK"  # a real zip container, i.e. a .docx
    assert "checklists.yaml" in found["rules"]
    assert "FAILED-REPORT" in found["rule_text"]
    assert found["example_title"] == "数控车床"
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.rsplit("/", 1)[-1] for n in names if n.startswith("paimai_docs/examples/")}
    assert shipped == {p.name for p in (ROOT / "examples").glob("*.json")}  # every model's data
    assert not [n for n in names if "/bundles/" in n]  # the example case folders stay out
    assert "paimai_docs/py.typed" in names
