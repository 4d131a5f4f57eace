"""A bundle of one small file is read in this process (starting a worker costs more than
reading it); anything else — several files, a zip, a PDF whose streams would inflate beyond
bounds, OCR — is read by worker processes."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import pytest

from paimai_docs.reading import bundle as bundle_module
from paimai_docs.reading import read_bundle
from paimai_docs.reading.limits import Limits
from paimai_docs.reading.pdf import inflates_within

ROOT = Path(__file__).resolve().parent.parent
COM = ROOT / "examples" / "bundles" / "COM"


class _Started(Exception):
    pass


@pytest.fixture()
def workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the worker pools started; each still works."""
    started: list[int] = []
    real = bundle_module.WorkerPool

    def counting(*args: Any, **kwargs: Any) -> Any:
        started.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(bundle_module, "WorkerPool", counting)
    return started


def test_one_small_pdf_is_read_here(workers: list[int]) -> None:
    pdf = sorted(COM.glob("*.pdf"))[0]
    read = read_bundle(pdf)
    assert workers == []
    (document,) = read.documents
    assert document.kind == "entrustment_contract" and document.pages


def test_the_same_document_either_way(workers: list[int]) -> None:
    pdf = sorted(COM.glob("*.pdf"))[1]
    inline = read_bundle(pdf)
    isolated = read_bundle(pdf, limits=Limits(inline_max_bytes=0))  # turned off: a worker
    assert workers == [1]
    assert inline == isolated


def test_several_files_go_to_workers(workers: list[int]) -> None:
    read = read_bundle(sorted(COM.glob("*.pdf"))[:2])
    assert workers == [1] and len(read.documents) == 2


def test_a_folder_of_one_file_is_read_here(workers: list[int], tmp_path: Path) -> None:
    pdf = sorted(COM.glob("*.pdf"))[0]
    (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    read_bundle(tmp_path)
    assert workers == []


def test_a_file_above_the_size_goes_to_a_worker(workers: list[int]) -> None:
    pdf = sorted(COM.glob("*.pdf"))[0]
    read_bundle(pdf, limits=Limits(inline_max_bytes=pdf.stat().st_size - 1))
    assert workers == [1]


def _bomb(inflated: int) -> bytes:
    body = zlib.compress(b"\0" * inflated, 9)
    return (
        b"%PDF-1.4\n1 0 obj\n<</Length " + str(len(body)).encode() + b"/Filter/FlateDecode>>\n"
        b"stream\n" + body + b"\nendstream\nendobj\ntrailer<<>>\n%%EOF\n"
    )


def test_a_pdf_that_inflates_beyond_bounds_goes_to_a_worker(
    workers: list[int], tmp_path: Path
) -> None:
    bomb = tmp_path / "炸弹.pdf"
    bomb.write_bytes(_bomb(8 << 20))
    read = read_bundle(bomb, limits=Limits(inline_max_inflated_bytes=1 << 20))
    assert workers == [1]
    (document,) = read.documents
    assert document.problems  # not a readable PDF, said as a problem, not a crash


def test_inflated_size_is_bounded() -> None:
    assert inflates_within(_bomb(4 << 20), 5 << 20)
    assert not inflates_within(_bomb(4 << 20), 3 << 20)
    # two streams count together; "endstream" is not the start of a stream
    two = _bomb(2 << 20) + _bomb(2 << 20)
    assert inflates_within(two, 4 << 20) and not inflates_within(two, (4 << 20) - 1)
    # a stream that is not Flate counts as its length
    raw = b"1 0 obj<</Length 5>>stream\nhello\nendstream endobj"
    assert inflates_within(raw, 10) and not inflates_within(raw, 3)
