"""Smoke test of an installed paimai-docs: check, render and plan through the command line.

CI runs it in a second virtual environment where every runtime dependency is held at its
declared lower bound (``constraints/min-versions.txt``), to prove that those bounds are true::

    python3 -m venv /tmp/venv-min
    /tmp/venv-min/bin/pip install -c constraints/min-versions.txt -e .
    /tmp/venv-min/bin/python scripts/smoke.py --constraints constraints/min-versions.txt

With ``--constraints`` it first checks that the file pins every runtime dependency to the lower
bound the package declares, and that those are the versions installed. It needs nothing but the
package's core dependencies (no test extra, no LibreOffice, no OCR).
Each step prints one line; the script exits 1 when any step failed, saying what went wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "examples" / "bundles" / "COM"
MODEL = ROOT / "examples" / "entrustment_contract.json"
# The deliberate mistakes of the COM example bundle (its README), each an error.
EXPECTED_ERRORS = {"CONTRACT-09", "ANN-01", "AMOUNT-WORDS"}
EXPECTED_KINDS = {
    "01-委托拍卖合同.pdf": "entrustment_contract",
    "02-拍卖公告.pdf": "announcement",
    "03-拍卖会前备案表.pdf": "pre_auction_filing",
    "04-拍卖笔录.pdf": "auction_transcript",
    "05-拍卖成交确认书.pdf": "sale_confirmation",
    "06-拍卖活动后期备案登记表.pdf": "post_auction_filing",
}
TIMEOUT = 300


class SmokeFailure(Exception):
    pass


def paimai(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line of the installed package (``python -m paimai_docs``)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "paimai_docs", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


def expect(condition: bool, what: str, result: subprocess.CompletedProcess[str] | None) -> None:
    if condition:
        return
    detail = ""
    if result is not None:
        detail = (
            f"\n  exit code {result.returncode}\n  stderr: {result.stderr[-3000:]}"
            f"\n  stdout: {result.stdout[:2000]}"
        )
    raise SmokeFailure(what + detail)


def smoke_check(work: Path) -> str:
    result = paimai(["check", str(BUNDLE), "--format", "json", "--today", "2026-12-20"], work)
    expect(result.returncode == 1, "check: expected exit code 1 (errors found)", result)
    report = json.loads(result.stdout)
    kinds = {d["file"]: d["kind"] for d in report["documents"]}
    expect(kinds == EXPECTED_KINDS, f"check: documents read as {kinds}", result)
    for document in report["documents"]:
        expect(
            document["pages"] > 0 and not document["pages_without_text"],
            f"check: {document['file']}: pages without text {document['pages_without_text']}",
            result,
        )
    expect(not report["problems"], f"check: problems {report['problems']}", result)
    expect(report["scope"]["code"] == "COM", f"check: scope {report['scope']}", result)
    errors = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    expect(errors == EXPECTED_ERRORS, f"check: errors {sorted(errors)}", result)
    return f"{len(kinds)} documents, errors {', '.join(sorted(errors))}"


def smoke_unreadable(work: Path) -> str:
    # A PDF cut short is a problem of that file, in our words (exit code 3), not an error.
    folder = work / "unreadable"
    folder.mkdir()
    source = BUNDLE / "02-拍卖公告.pdf"
    (folder / source.name).write_bytes(source.read_bytes()[:2000])
    result = paimai(["check", str(folder), "--format", "json"], work)
    expect(result.returncode == 3, "unreadable: expected exit code 3", result)
    expect("Traceback" not in result.stderr, "unreadable: a traceback", result)
    report = json.loads(result.stdout)
    problems = report["problems"] + [p for d in report["documents"] for p in d["problems"]]
    codes = sorted({p["code"] for p in problems})
    expect(codes == ["corrupt"], f"unreadable: problems {problems}", result)
    return f"reported as {', '.join(codes)}"


def smoke_render(work: Path) -> str:
    out = work / "合同.docx"
    result = paimai(["render", "entrustment_contract", str(MODEL), "-o", str(out)], work)
    expect(result.returncode == 0 and out.is_file(), "render: no .docx written", result)
    import docx  # python-docx, a core dependency

    document = docx.Document(str(out))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join(parts)
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    words = ["委托拍卖合同", data["consignor"]["name"], data["auctioneer"]["name"], "违约"]
    missing = [w for w in words if w not in text]
    expect(not missing, f"render: the .docx does not say {missing}", result)
    return f"{out.stat().st_size} bytes, {len(text)} characters of text"


def smoke_plan(work: Path) -> str:
    # 2026-10-09 follows the National Day holidays: deadlines around it need the 2026 calendar.
    args = ["plan", "--scope", "COM", "--auction-date", "2026-10-09", "--format", "json"]
    result = paimai(args, work)
    expect(result.returncode == 0, "plan: expected exit code 0", result)
    plan = json.loads(result.stdout)
    due = {d["rule_id"]: d["due"] for d in plan["deadlines"]}
    expect(due.get("ANN-01") == "2026-10-02", f"plan: ANN-01 due {due.get('ANN-01')}", result)
    provisional = [d["rule_id"] for d in plan["deadlines"] if d["counted"]["provisional"]]
    expect(not provisional, f"plan: provisional deadlines {provisional}", result)
    sources = {
        year: source
        for d in plan["deadlines"]
        for year, source in (d["counted"].get("calendar_sources") or {}).items()
    }
    expect(
        "2026" in sources and "chinesecalendar" in sources["2026"],
        f"plan: 2026 holidays from {sources.get('2026')}, not chinesecalendar",
        result,
    )
    for d in plan["deadlines"]:
        if d["due"]:
            dt.date.fromisoformat(d["due"])
    return f"{len(due)} deadlines, 2026 holidays from {sources['2026']}"


def smoke_provisional(work: Path) -> str:
    # Beyond the published holidays the plan is provisional, its festivals from lunar dates
    # (lunar-python): 中秋节 2031 falls on 1 October, inside ANN-01's seven days.
    args = ["plan", "--scope", "COM", "--auction-date", "2031-10-09", "--format", "json"]
    result = paimai(args, work)
    expect(result.returncode == 0, "provisional plan: expected exit code 0", result)
    plan = json.loads(result.stdout)
    ann = next((d for d in plan["deadlines"] if d["rule_id"] == "ANN-01"), None)
    expect(ann is not None and ann["counted"]["provisional"], "provisional plan: ANN-01", result)
    assert ann is not None
    holidays = ann["counted"]["provisional_holidays"]
    expect("2031:中秋节" in holidays, f"provisional plan: holidays {holidays}", result)
    return f"ANN-01 due {ann['due']}, provisional holidays {', '.join(holidays)}"


def smoke_values(work: Path) -> str:
    # Traditional script is read as Simplified (OpenCC; 批覆 from 1.4 on), in this interpreter;
    # a resident ID of an abolished county is a warning (python-stdnum's county list, 2.2).
    from paimai_docs.reading.normalize import normalize
    from paimai_docs.values.identity import resident_id_warnings

    text = normalize("拍賣公告：競買人須於2026年11月22日前繳納保證金；國有資產處置批覆")
    expected = "拍卖公告:竞买人须于2026年11月22日前缴纳保证金;国有资产处置批复"
    expect(text == expected, f"values: normalised to {text!r}", None)
    warnings = resident_id_warnings("410724197811052347")
    expect(bool(warnings), "values: no warning for an abolished county's resident ID", None)
    return text


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def smoke_versions(constraints: Path) -> str:
    """Every runtime dependency is pinned to its declared lower bound and installed at it."""
    from importlib import metadata

    pins: dict[str, str] = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[_name(name)] = version.strip()
    bounds: dict[str, str | None] = {}
    for requirement in metadata.requires("paimai-docs") or []:
        if "extra ==" in requirement:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9_.-]*)[^;]*?>=\s*([^,;\s]+)", requirement)
        plain = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9_.-]*)", requirement)
        assert plain is not None
        bounds[_name(plain.group(1))] = match.group(2) if match else None
    wrong = []
    for name, bound in sorted(bounds.items()):
        pin = pins.get(name)
        installed = metadata.version(name)
        if bound is None:
            wrong.append(f"{name} has no lower bound in pyproject.toml")
        elif pin is None:
            wrong.append(f"{name}>={bound} is not pinned in {constraints.name}")
        elif _release(pin) != _release(bound):
            wrong.append(f"{name}: pyproject.toml says >={bound}, {constraints.name} {pin}")
        elif _release(installed) != _release(pin):
            wrong.append(f"{name}: {installed} installed, not {pin}")
    wrong += [f"{name} is pinned but not a dependency" for name in sorted(set(pins) - set(bounds))]
    expect(not wrong, "versions: " + "; ".join(wrong), None)
    return f"{len(bounds)} dependencies at their lower bounds"


def _release(version: str) -> tuple[int, ...]:
    """``"2.10"`` and ``"2.10.0"`` alike: the release numbers without trailing zeros."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])]
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke test of an installed paimai-docs.")
    parser.add_argument("--constraints", type=Path, help="check the pins of this file first")
    options = parser.parse_args(argv)
    steps: list[tuple[str, Callable[[Path], str]]] = []
    if options.constraints:
        constraints = options.constraints.resolve()
        steps.append(("versions", lambda _work: smoke_versions(constraints)))
    steps += [
        ("check", smoke_check),
        ("unreadable", smoke_unreadable),
        ("render", smoke_render),
        ("plan", smoke_plan),
        ("provisional", smoke_provisional),
        ("values", smoke_values),
    ]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="paimai-smoke-") as tmp:
        for name, step in steps:
            started = time.monotonic()
            try:
                said = step(Path(tmp))
            except (
                SmokeFailure,
                subprocess.TimeoutExpired,
                ValueError,
                LookupError,
                ImportError,
            ) as exc:
                failed += 1
                print(
                    f"smoke {name}: FAILED: {type(exc).__name__}: {exc}",
                    file=sys.stderr,
                    flush=True,
                )
                continue
            print(f"smoke {name}: ok ({said}; {time.monotonic() - started:.1f} s)", flush=True)
    if failed:
        print(f"smoke: {failed} of {len(steps)} steps failed", file=sys.stderr)
        return 1
    print(f"smoke: all {len(steps)} steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
