"""The reading and checking yardstick: ``shared/eval/eval_corpus.py`` on the annotated corpora
beside the repository (``shared/corpus``: real published documents; ``shared/corpus-varied``:
documents by independent writers) and on the probe sets of this repository
(``tests/cases/probes/a`` … ``q``: fictional documents written to probe the reader — courts and
state assets, firms and vehicles, tables and forms, required items in other words, platforms
and judicial case files, firms' filings and car disposals, scans and Traditional script, items
whose word appears but which are not stated, mixed sets across provinces, registers and kinds,
shapes of real published documents, new phrasings across regions and registers, kinds told
apart, pages as published on the web, in posts and papers, scans and forms filled in by hand,
Traditional script and other currencies — each with its answer key), printed as PDFs by
``shared/eval/make_pdfs.py`` first.

The floors only ever go up: raise them when the reader or the rules get better, never lower them.
Skipped when ``shared/`` is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
EVAL = SHARED / "eval"
PAIMAI = Path(sys.executable).parent / "paimai"

pytestmark = [
    pytest.mark.skipif(
        not (EVAL / "eval_corpus.py").is_file(), reason=f"no evaluation scripts at {EVAL}"
    ),
    pytest.mark.skipif(not PAIMAI.is_file(), reason=f"no paimai command beside {sys.executable}"),
]

PROBES = Path(__file__).resolve().parent / "cases" / "probes"

# corpus -> (kinds, missing-item F1, missing-item precision, facts)
FLOORS = {
    "corpus": (1.00, 0.98, 0.97, 0.97),
    "corpus-varied": (0.98, 0.98, 0.97, 0.98),
    "probes/a": (1.00, 0.90, 0.85, 0.97),
    "probes/b": (1.00, 0.97, 0.97, 0.97),
    "probes/c": (0.97, 0.97, 0.97, 0.96),
    "probes/d": (1.00, 0.88, 0.94, 0.95),
    "probes/e": (1.00, 0.88, 0.88, 0.99),
    "probes/f": (0.97, 0.97, 0.95, 0.97),
    "probes/g": (1.00, 0.95, 0.95, 0.97),
    "probes/h": (1.00, 0.87, 0.94, 0.95),
    "probes/i": (1.00, 0.92, 0.97, 0.97),
    "probes/j": (1.00, 0.95, 0.95, 0.96),
    "probes/k": (0.95, 0.90, 0.95, 0.95),
    "probes/l": (0.97, 0.92, 0.88, 0.95),
    "probes/m": (0.97, 0.90, 0.85, 0.97),
    "probes/n": (0.97, 0.90, 0.90, 0.95),
    "probes/o": (0.93, 0.93, 0.90, 0.97),
    "probes/p": (0.93, 0.90, 0.85, 0.94),
    "probes/q": (0.95, 0.80, 0.68, 0.90),
}


def _folder(name: str) -> Path:
    return PROBES / name.split("/", 1)[1] if name.startswith("probes/") else SHARED / name


_SUMMARY = re.compile(
    r"kinds \d+/\d+ = (?P<kinds>[\d.]+); missing-item F1 (?P<f1>[\d.]+) "
    r"\(P (?P<precision>[\d.]+) R [\d.]+.*facts \d+/\d+ = (?P<facts>[\d.]+)"
)


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scores(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    name = request.param
    pytest.importorskip("reportlab", reason="make_pdfs.py prints the texts with reportlab")
    pdfs = tmp_path_factory.mktemp(f"{name.replace('/', '-')}-pdf")
    subprocess.run(
        [sys.executable, str(EVAL / "make_pdfs.py"), str(_folder(name)), str(pdfs)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    run = subprocess.run(
        [
            sys.executable,
            str(EVAL / "eval_corpus.py"),
            str(PAIMAI),
            str(_folder(name) / "truth.json"),
            str(pdfs),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = run.stdout.strip().splitlines()[-1]
    match = _SUMMARY.search(summary)
    assert match, run.stdout + run.stderr
    return name, {key: float(value) for key, value in match.groupdict().items()}, run.stdout


def test_scores_stay_above_their_floors(scores: tuple) -> None:
    name, got, report = scores
    kinds, f1, precision, facts = FLOORS[name]
    assert got["kinds"] >= kinds, report
    assert got["f1"] >= f1, report
    assert got["precision"] >= precision, report
    assert got["facts"] >= facts, report
