"""Where the data files that ship with the package are: ``templates/``, ``rules/`` and
``examples/``. In the repository they sit at the top level; in an installed wheel they are inside
the package. Both layouts are searched, installed first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ResourceMissing

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``templates``, ``rules`` or ``examples``)."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise ResourceMissing(f"找不到随软件包发布的目录 {name}/，安装可能不完整")


def example_path(model_name: str) -> Path:
    """The shipped example data of a model, ``examples/<model_name>.json``."""
    path = data_dir("examples") / f"{model_name}.json"
    if not path.is_file():
        raise ResourceMissing(f"找不到示例文件 {path.name}")
    return path


def load_example(model_name: str) -> dict[str, Any]:
    """The shipped example data of a model, as a dict."""
    data: dict[str, Any] = json.loads(example_path(model_name).read_text(encoding="utf-8"))
    return data


def template_path(name: str) -> Path:
    """A shipped Word template, ``templates/<name>.docx``."""
    path = data_dir("templates") / f"{name}.docx"
    if not path.is_file():
        raise ResourceMissing(f"找不到模板 {path.name}")
    return path


def load_yaml(path: Path) -> Any:
    """A YAML data file, parsed safely with libyaml when PyYAML has it (ten times faster than
    the pure-Python parser: the rule files are read on every run)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def rule_files() -> list[Path]:
    """Every rule data file shipped in ``rules/`` (YAML), sorted by name."""
    return sorted(data_dir("rules").rglob("*.yaml"))
