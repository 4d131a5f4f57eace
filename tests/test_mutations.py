"""Mutated PDFs (issue 12, part 8): the example bundles' PDFs with bytes flipped, cut short,
zeroed and duplicated, read and checked like a clerk's upload.

48 mutants are made from a fixed seed, so every run reads the same bytes. Whatever a mutant
does to the PDF library, the reader must answer for every file within its per-file time limit
(``Limits.timeout_seconds``, enforced by killing the worker), with no traceback: each file is
either read (pages with text) or reported as a problem of that file, in our words. Checking
the bundle and rendering its report must not fail either.
"""

from __future__ import annotations

import json
import random
import re
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from paimai_docs.checker import CheckResult, check_read_bundle
from paimai_docs.reading import Bundle, Limits, read_bundle
from paimai_docs.reports import render_report

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "examples" / "bundles").glob("*/*.pdf"))
SEED = 20261218
COUNT = 48
# The reader's limit for one file; a mutant that makes pdfium loop is killed after it.
PER_FILE_SECONDS = 10.0
# The whole read may take no longer than every file at its limit, in the worst case (it takes
# a few seconds); past this the test itself gives up, so a hang fails instead of blocking CI.
WHOLE_READ_SECONDS = 300


def _flip(data: bytearray, rng: random.Random) -> str:
    count = rng.randint(1, 64)
    for _ in range(count):
        at = rng.randrange(len(data))
        data[at] ^= rng.randint(1, 255)
    return f"flip{count}"


def _truncate(data: bytearray, rng: random.Random) -> str:
    keep = rng.choice([0, 1, 8, rng.randrange(len(data)), len(data) - rng.randint(1, 64)])
    del data[keep:]
    return f"cut{keep}"


def _zero(data: bytearray, rng: random.Random) -> str:
    length = rng.choice([16, 256, 4096, len(data) // 3])
    at = rng.randrange(max(1, len(data) - length))
    data[at : at + length] = bytes(len(data[at : at + length]))
    return f"zero{at}+{length}"


def _duplicate(data: bytearray, rng: random.Random) -> str:
    length = rng.choice([64, 1024, 16384, len(data) // 2])
    start = rng.randrange(max(1, len(data) - length))
    chunk = bytes(data[start : start + length])
    at = rng.randrange(len(data))
    times = rng.choice([1, 2, 8])
    data[at:at] = chunk * times
    return f"dup{start}+{length}x{times}@{at}"


MUTATIONS: list[Callable[[bytearray, random.Random], str]] = [_flip, _truncate, _zero, _duplicate]


def make_mutants(folder: Path) -> list[Path]:
    """COUNT mutated copies of the example PDFs in ``folder``, the same bytes on every run."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(COUNT):
        source = SOURCES[index % len(SOURCES)]
        mutate = MUTATIONS[index % len(MUTATIONS)]
        data = bytearray(source.read_bytes())
        how = mutate(data, rng)
        path = folder / f"{index:02d}-{how}-{source.parent.name}-{source.stem}.pdf"
        path.write_bytes(bytes(data))
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_mutants(tmp_path_factory.mktemp("mutants") / "bundle")


class _Hang(Exception):
    pass


def _give_up(_signum: int, _frame: object) -> None:
    raise _Hang(f"reading the mutants took longer than {WHOLE_READ_SECONDS} s")


@pytest.fixture(scope="module")
def read(mutants: list[Path]) -> Iterator[tuple[Bundle, float]]:
    previous = signal.signal(signal.SIGALRM, _give_up)
    signal.alarm(WHOLE_READ_SECONDS)
    try:
        started = time.monotonic()
        bundle = read_bundle(mutants[0].parent, limits=Limits(timeout_seconds=PER_FILE_SECONDS))
        yield bundle, time.monotonic() - started
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_mutants_are_deterministic(tmp_path: Path, mutants: list[Path]) -> None:
    again = make_mutants(tmp_path / "again")
    assert [p.name for p in again] == [p.name for p in mutants]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, mutants, strict=True))
    # every one is changed (a few cuts to the same length are alike: "", "%", "%PDF-1.6")
    assert all(
        path.read_bytes() != SOURCES[index % len(SOURCES)].read_bytes()
        for index, path in enumerate(mutants)
    )
    assert {p.name.split("-")[1].rstrip("0123456789+x@") for p in mutants} >= {
        "flip",
        "cut",
        "zero",
        "dup",
    }


_CJK = re.compile(r"[\u4e00-\u9fff]")
_PYTHON_WORDS = re.compile(r"Traceback|File \"|Error\(|Exception\(|\bline \d+|pypdfium|pdfium\.")


def _in_our_words(message: str) -> bool:
    return bool(_CJK.search(message)) and not _PYTHON_WORDS.search(message)


@pytest.fixture(scope="module")
def checked(read: tuple[Bundle, float]) -> CheckResult:
    return check_read_bundle(read[0])


def test_every_mutant_is_read_or_reported_as_its_own_problem(
    read: tuple[Bundle, float], checked: CheckResult, mutants: list[Path]
) -> None:
    """Read: a page with usable text. Reported: a problem of the file (it could not be opened,
    or a part of it), or the checker's NO-TEXT warning (pages whose text is garbage)."""
    bundle, _ = read
    documents = {document.file: document for document in bundle.documents}
    problem_files = {problem.file for problem in bundle.problems}
    no_text = {f.file for f in checked.findings if f.rule == "NO-TEXT"}
    unanswered = []
    for path in mutants:
        document = documents.get(path.name)
        if document is None:
            if path.name not in problem_files:
                unanswered.append(path.name)
            continue
        if any(page.usable for page in document.pages) or document.problems:
            continue
        if path.name not in no_text:
            unanswered.append(path.name)
    assert not unanswered, f"neither read nor reported: {unanswered}"
    problems = [*bundle.problems, *(p for d in bundle.documents for p in d.problems)]
    assert all(problem.file in {p.name for p in mutants} for problem in problems)
    internal = [(p.file, p.message) for p in problems if p.code == "internal_error"]
    assert not internal, f"bugs of ours, caught by the reader: {internal}"
    foreign = [(p.file, p.code, p.message) for p in problems if not _in_our_words(p.message)]
    assert not foreign, f"problems not in our words: {foreign}"


def test_the_mutants_are_read_within_the_time_limits(read: tuple[Bundle, float]) -> None:
    bundle, seconds = read
    timed_out = [d.file for d in bundle.documents if any(p.code == "timeout" for p in d.problems)]
    # Each file is bounded by the reader (a timed-out one is reported, not waited for), so the
    # whole bundle is bounded by every file at its limit, read by the pool's workers.
    assert seconds < COUNT * PER_FILE_SECONDS, (seconds, timed_out)
    assert len(timed_out) <= COUNT // 4, timed_out


def test_the_mutated_bundle_is_checked_and_reported(checked: CheckResult) -> None:
    result = checked
    report = json.loads(render_report(result, "json"))
    assert report["summary"]["documents"] + report["summary"]["unreadable_files"] >= 1
    for fmt in ("text", "sarif", "html"):
        assert render_report(result, fmt)
