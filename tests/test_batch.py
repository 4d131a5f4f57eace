"""Batch safety of ``paimai check`` (issue 12, part 8).

Many bundles checked at once with ``--jobs 4`` give the very reports that checking them one by
one gives; a batch killed while it writes its reports into ``-o DIR`` leaves no half-written
report: every file there is a complete JSON report, or a clearly named temporary file
(``.NAME.partial``), or nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paimai_docs.commands.check import Job, run_job

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = sorted(p for p in (ROOT / "examples" / "bundles").iterdir() if p.is_dir())
COPIES = 2
TODAY = "2026-12-20"
PARTIAL = re.compile(r"^\..+\.partial$")  # what check.py's _write names a report being written

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    return dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")


def _paimai(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "paimai_docs", *args],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The six example bundles, each copied COPIES times, under ``in/``."""
    root = tmp_path_factory.mktemp("batch")
    for copy in range(1, COPIES + 1):
        for bundle in BUNDLES:
            shutil.copytree(bundle, root / "in" / f"{bundle.name}-{copy}")
    return root


def _inputs(work: Path) -> list[str]:
    return sorted(f"in/{p.name}" for p in (work / "in").iterdir())


def test_parallel_batch_gives_the_reports_of_one_by_one(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _inputs(work)
    assert len(inputs) == len(BUNDLES) * COPIES
    args = ["check", *inputs, "--jobs", "4", "--format", "json", "--today", TODAY]
    result = _paimai([*args, "-o", "parallel"], work)
    assert result.returncode == 1, result.stderr  # the examples hold deliberate mistakes
    assert "Traceback" not in result.stderr
    written = sorted(p.name for p in (work / "parallel").iterdir())
    assert written == sorted(f"{Path(label).name}.json" for label in inputs)

    # One by one: each bundle checked on its own, as the command checks each of a batch.
    monkeypatch.chdir(work)
    for label in inputs:
        job = Job(
            (label,), label, None, None, "json", "zh", "error", False,
            dt.date.fromisoformat(TODAY), False, False,
        )  # fmt: skip
        outcome = run_job(job)
        assert outcome.error is None, (label, outcome.error)
        alone = json.loads(outcome.report)
        together = json.loads((work / "parallel" / f"{Path(label).name}.json").read_text("utf-8"))
        assert together == alone, label
        assert together["source"] == label
    # and the copies of a bundle agree with each other, but for where they were read from
    reports = {
        name: json.loads((work / "parallel" / f"{name}.json").read_text("utf-8"))
        for name in (Path(label).name for label in inputs)
    }
    for bundle in BUNDLES:
        first = {**reports[f"{bundle.name}-1"], "source": None}
        for copy in range(2, COPIES + 1):
            assert {**reports[f"{bundle.name}-{copy}"], "source": None} == first


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


def test_a_batch_killed_while_writing_leaves_no_half_written_report(work: Path) -> None:
    out = work / "killed"
    inputs = [f"in/{bundle.name}-1" for bundle in BUNDLES]
    args = ["check", *inputs, "--jobs", "2", "--format", "json", "--today", TODAY, "-o", "killed"]
    with open(work / "killed.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "paimai_docs", *args],
            cwd=work,
            env=_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its pool and reader workers die with it
        )
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and process.poll() is None:
                if out.is_dir() and any(out.iterdir()):
                    break
                time.sleep(0.002)
            else:
                if process.poll() is None:
                    pytest.fail("no report appeared within 300 s")
        finally:
            _kill_group(process)
    assert out.is_dir(), (work / "killed.log").read_text("utf-8", "replace")
    names = sorted(p.name for p in out.iterdir())
    assert names, "the first report was seen, then lost"
    expected = {f"{Path(label).name}.json" for label in inputs}
    for name in names:
        path = out / name
        if PARTIAL.match(name):
            assert name[1:].removesuffix(".partial") in expected, name
            continue
        assert name in expected, f"unexpected file in the output folder: {name}"
        report = json.loads(path.read_text("utf-8"))  # complete: it parses …
        assert report["summary"]["documents"] > 0, name  # … and is a whole report
        assert report["source"] == f"in/{name.removesuffix('.json')}"
