"""Junk fed to every validator gives a clean validation error, never an exception of another
kind (the python-stdnum habit)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from paimai_docs.models import MODELS
from paimai_docs.models.base import Date, DateTime
from paimai_docs.models.enums import IdType, PartyType
from paimai_docs.validation import ModelInvalid, validate
from paimai_docs.values.contact import BankAccountNumber, Phone
from paimai_docs.values.identity import ResidentIdNumber, UnifiedCreditCode
from paimai_docs.values.money import Money
from paimai_docs.values.percent import Percent
from paimai_docs.values.vehicle import PlateNumber, Vin

JUNK: list[Any] = [
    None, "", "   ", "😀", "💰💰", b"123", b"\xff\xfe", "１２３", "\x00", "-1", "1e400", "NaN",
    float("nan"), float("inf"), True, 0, -5, 10**30, [], {}, [1, 2], {"a": 1}, object(),
    "a" * 10_000, "２０２６年１１月２２日", "\u200b",
]  # fmt: skip

TYPES: dict[str, Any] = {
    "money": Money,
    "percent": Percent,
    "resident_id": ResidentIdNumber,
    "credit_code": UnifiedCreditCode,
    "phone": Phone,
    "bank_account": BankAccountNumber,
    "plate": PlateNumber,
    "vin": Vin,
    "date": Date,
    "datetime": DateTime,
    "party_type": PartyType,
    "id_type": IdType,
}


@pytest.mark.parametrize("name", sorted(TYPES))
def test_junk_to_value_types(name: str) -> None:
    adapter = TypeAdapter(TYPES[name])
    for value in JUNK:
        # A clean refusal is fine; any other exception type fails the test.
        with contextlib.suppress(ValidationError):
            adapter.validate_python(value)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_junk_to_every_model_and_every_field(name: str) -> None:
    from .conftest import load_example

    example = load_example(name)
    for value in [*JUNK[:12], [], {}]:
        with pytest.raises(ModelInvalid):
            validate(name, value)  # a whole document that is junk
    for key in example:
        for value in JUNK:
            data = dict(example)
            data[key] = value
            try:
                validate(name, data)
            except ModelInvalid as exc:
                assert exc.problems and all(p.code and p.message for p in exc.problems)


def test_junk_json_text_is_refused_cleanly() -> None:
    for text in ["", "{", "[]", "null", "😀", '{"lots": 5}', "\x00"]:
        with pytest.raises(ModelInvalid):
            validate("entrustment_contract", text)


# --------------------------------------------------------------------------------------------
# Junk fed to the reader: a problem of that file, never an internal error or a crash

JUNK_FILES: list[bytes] = [
    b"",
    b"\x00",
    b"junk" * 100,
    b"%PDF-1.7\n" + b"\xff" * 200,
    b"PK\x03\x04" + b"\x00" * 100,
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    b"\xff\xd8\xff\xe0" + b"\x00" * 100,
    b"II*\x00" + b"\xff" * 100,
    b"BM" + b"\x7f" * 100,
    "拍卖公告".encode("gb18030") * 50,
]
JUNK_SUFFIXES = [".pdf", ".docx", ".doc", ".rtf", ".png", ".jpg", ".tif", ".bmp", ".xlsx", ".txt"]


def test_junk_files_are_problems_of_their_own(tmp_path: Path) -> None:
    from paimai_docs.reading import BundleReader

    for number, data in enumerate(JUNK_FILES):
        for suffix in JUNK_SUFFIXES:
            (tmp_path / f"{number:02d}{suffix}").write_bytes(data)
    # Inline: junk must be refused by the readers' own checks, not by a worker dying.
    with BundleReader(isolation="inline") as reader:
        bundle = reader.read_bundle(tmp_path)
    problems = [p for d in bundle.documents for p in d.problems] + list(bundle.problems)
    assert {p.code for p in problems} & {"internal_error", "crashed", "timeout"} == set()
    listed = {p.file for p in bundle.problems}
    assert {d.file for d in bundle.documents} | listed == {
        f"{n:02d}{s}" for n in range(len(JUNK_FILES)) for s in JUNK_SUFFIXES
    }
    for document in bundle.documents:
        if not document.pages or document.file.endswith((".png", ".jpg", ".tif", ".bmp")):
            continue
        assert all(not page.usable for page in document.pages), document.file
