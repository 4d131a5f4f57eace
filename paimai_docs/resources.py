"""Where the data files that ship with the package are: ``templates/``, ``rules/`` and
``examples/``. In the repository they sit at the top level; in an installed wheel they are inside
the package. Both layouts are searched, installed first."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .cache import load_pickle, store_pickle
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
    """A YAML data file of ours, parsed safely with libyaml when PyYAML has it (ten times faster
    than the pure-Python parser). What a file parses to is kept in the user's cache folder under
    the hash of its bytes (:mod:`.cache`): reading the kept data back is faster still, and a
    check need not import PyYAML at all."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:24]
    name = f"yaml-{path.parent.name}-{path.stem}@"  # no file name of ours has an @
    kept = load_pickle(f"{name}{digest}.pickle")
    if kept is not None:
        return kept[0]
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    parsed = yaml.load(data.decode("utf-8"), Loader=loader)
    store_pickle(f"{name}{digest}.pickle", (parsed,), replaces=name)
    return parsed


def rule_files() -> list[Path]:
    """Every rule data file shipped in ``rules/`` (YAML), sorted by name."""
    return sorted(data_dir("rules").rglob("*.yaml"))
