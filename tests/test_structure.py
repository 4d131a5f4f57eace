"""The shape of the code: no import cycles (imports at module level and inside functions both
count, and importing ``a.b.c`` runs ``a.b`` too, unless the importer is in ``a.b`` itself), no
module over 800 lines, and a check that imports only what checking needs."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "paimai_docs"
MAX_LINES = 800


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module → the package modules it imports, anywhere in its code, with the packages that
    importing them runs first (``paimai_docs.models.base`` runs ``paimai_docs.models``)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    targets.append(full if full in modules else source)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                parts = target.split(".")
                for end in range(2, len(parts) + 1):  # the target and the packages above it
                    prefix = ".".join(parts[:end])
                    # (a package this module is in is being imported already: not an edge)
                    if prefix in modules and not f"{name}.".startswith(f"{prefix}."):
                        graph[name].add(prefix)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert _cycles(_imports(_modules())) == []


def test_no_module_over_800_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


CHECK_ONE = """
import json, sys
from paimai_docs.checker import check_bundle
from paimai_docs.reports import render_report
result = check_bundle(sys.argv[1])
render_report(result, "text")
print(json.dumps(sorted(sys.modules)))
"""


def test_checking_imports_only_what_checking_needs() -> None:
    """Checking a PDF does not build the document models (their labels are kept as data), nor
    load what only rendering needs (Word templates, Jinja), nor start a process pool."""
    pdf = sorted((ROOT / "examples" / "bundles" / "COM").glob("*.pdf"))[1]
    env = {**os.environ}
    for _ in range(2):  # the first run fills the cache folder, the second shows a user's run
        done = subprocess.run(
            [sys.executable, "-c", CHECK_ONE, str(pdf)],
            env=env, capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    unwanted = {
        "paimai_docs.models", "paimai_docs.render", "docxtpl", "docx", "jinja2",
        "concurrent.futures.process",
    }  # fmt: skip
    assert loaded & unwanted == set()
