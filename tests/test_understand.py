"""Kind and facts told where a file is read: in the worker that read it, carried back as JSON
rows (never a pickle), or in the caller; the same documents either way."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paimai_docs.reading import BundleReader, Fact
from paimai_docs.reading._worker import ReadTask, WorkerPool, limits_payload
from paimai_docs.reading.bundle import _document
from paimai_docs.reading.limits import Limits
from paimai_docs.reading.understand import (
    decode_facts,
    decode_understood,
    encode_facts,
    encode_understood,
)
from paimai_docs.values.contact import PhoneNumber
from paimai_docs.values.identity import CreditCode

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "bundles"

values = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.dates(),
    st.datetimes(),
    st.text(max_size=30),
    st.none(),
)


@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=20),
            values,
            st.integers(1, 500),
            st.text(),
            st.one_of(st.none(), st.text()),
        ),
        max_size=8,
    )
)
def test_facts_cross_as_json_unchanged(rows: list[tuple[Any, ...]]) -> None:
    facts = [Fact(*row) for row in rows]
    decoded = decode_facts(json.loads(json.dumps(encode_facts(facts), ensure_ascii=False)))
    assert decoded == facts
    assert [type(f.value) for f in decoded] == [type(f.value) for f in facts]


def test_personal_data_keeps_its_masked_type() -> None:
    facts = [
        Fact("auctioneer_phone", PhoneNumber("13800138000"), 1, "电话：13800138000", "电话"),
        Fact("consignor_credit_code", CreditCode("91110000600037341L"), 2, "…", None),
    ]
    decoded = decode_facts(json.loads(json.dumps(encode_facts(facts))))
    assert decoded == facts
    assert type(decoded[0].value) is PhoneNumber and type(decoded[1].value) is CreditCode
    assert "13800138000" not in repr(decoded[0].value)  # still masked in repr


@pytest.mark.parametrize(
    "rows",
    [
        None,
        {"x": 1},
        [["name", ["d", "1"], 1, "e"]],  # a field short
        [["name", ["pickle", "gASV"], 1, "e", None]],  # an unknown tag
        [["name", ["m", "os.system", "rm"], 1, "e", None]],  # not one of our string types
        [["name", ["d", "not a number"], 1, "e", None]],
        [["name", ["D", "2027-02-30"], 1, "e", None]],
        [["name", ["i", True], 1, "e", None]],  # a bool is no int here
        [["name", ["s", 1], 1, "e", None]],
        [[1, ["s", "x"], 1, "e", None]],
        [["name", ["s", "x"], "1", "e", None]],
    ],
)
def test_anything_else_is_refused(rows: Any) -> None:
    with pytest.raises(ValueError):
        decode_facts(rows)


def test_a_value_without_an_encoding_is_refused() -> None:
    with pytest.raises(TypeError):
        encode_facts([Fact("x", object(), 1, "e")])


def test_an_understood_document_crosses_whole() -> None:
    understood = ("announcement", 0.9, "拍卖公告", ("title",), [Fact("x", Decimal("1.50"), 1, "e")])
    assert decode_understood(json.loads(json.dumps(encode_understood(understood)))) == understood
    with pytest.raises(ValueError):
        decode_understood({"kind": 3, "confidence": 1, "title": None, "cues": [], "facts": []})


def test_workers_and_the_caller_tell_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "材料"
    shutil.copytree(EXAMPLES / "COM", folder)
    shutil.copy(FIXTURES / "docx_sample.docx", folder / "合同.docx")
    with BundleReader(workers=2) as workers, BundleReader(isolation="inline") as inline:
        read, told_here = workers.read_bundle(folder), inline.read_bundle(folder)
    assert read == told_here
    assert sum(len(document.facts) for document in read.documents) > 20
    assert {document.kind for document in read.documents} - {"unknown"}


def _worker_with(patch: str) -> WorkerPool:
    entry = f"{patch}\nfrom paimai_docs.reading._worker import finish, main; finish(main())"
    return WorkerPool(
        1,
        memory_bytes=0,
        timeout=30,
        seconds_per_ocr_page=1,
        limits=limits_payload(Limits()),
        command=[sys.executable, "-c", entry],
        understand=True,
    )


def test_a_bug_in_the_worker_s_extractor_is_the_file_s_problem() -> None:
    patch = (
        "import paimai_docs.reading.facts as f\n"
        "def broken(*args, **kwargs): raise ZeroDivisionError('oops')\n"
        "f.extract_facts = broken"
    )
    path = str(FIXTURES / "cid_stsong_announcement.pdf")
    with _worker_with(patch) as pool:
        ((task, answer),) = list(pool.run([ReadTask("a.pdf", "pdf", path=path)]))
    document = _document(task.name, answer)
    assert [p.code for p in document.problems] == ["internal_error"]
    assert "ZeroDivisionError" in document.problems[0].message
    assert document.pages and document.kind == "unknown"  # the text is still there


def test_workers_started_ahead_are_used() -> None:
    path = str(FIXTURES / "cid_stsong_announcement.pdf")
    with _worker_with("") as pool:
        pool.start()
        pool.start()  # no more than its size
        assert len(pool._all) == 1
        answers = [answer for _, answer in pool.run([ReadTask("a.pdf", "pdf", path=path)])]
        assert len(pool._all) == 1
    assert answers[0]["pages"] and answers[0]["understood"]["kind"] == "announcement"


def test_telling_kinds_and_facts_needs_no_pydantic() -> None:
    code = (
        "import sys\n"
        "import paimai_docs.reading.understand, paimai_docs.reading.classify\n"
        "import paimai_docs.reading.facts, paimai_docs.reading._worker\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_dates_and_times_stay_apart() -> None:
    facts = [
        Fact("a", dt.date(2027, 3, 5), 1, "e"),
        Fact("b", dt.datetime(2027, 3, 5, 9, 30), 1, "e"),
    ]
    decoded = decode_facts(json.loads(json.dumps(encode_facts(facts))))
    assert [type(f.value) for f in decoded] == [dt.date, dt.datetime]
