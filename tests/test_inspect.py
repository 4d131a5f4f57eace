"""``paimai inspect`` and the masking of personal numbers in what it shows."""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import shutil
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest

from paimai_docs.commands import inspect
from paimai_docs.reading import Fact
from paimai_docs.reading.ocr import ocr_available
from paimai_docs.reading.privacy import mask_text

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
DOCUMENT_KEYS = {"file", "kind", "kind_confidence", "pages", "pages_without_text", "facts"}


def parser() -> argparse.ArgumentParser:
    """The main parser as the CLI builds it: a global --lang, then subcommands."""
    main = argparse.ArgumentParser(prog="paimai")
    main.add_argument("--lang", choices=("zh", "en"), default="zh")
    inspect.register(main.add_subparsers(dest="command"))
    return main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    try:
        args = parser().parse_args([str(arg) for arg in argv])
        code = args.func(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def stub_facts(monkeypatch: pytest.MonkeyPatch, facts: list[Fact]) -> None:
    name = "paimai_docs.reading.facts"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError:
        module = types.ModuleType(name)
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(module, "extract_facts", lambda pages, **_: list(facts), raising=False)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    root = tmp_path / "材料"
    root.mkdir()
    shutil.copy(FIXTURES / "cid_stsong_announcement.pdf", root / "公告.pdf")
    shutil.copy(FIXTURES / "scanned_mixed.pdf", root / "确认书.pdf")
    shutil.copy(FIXTURES / "docx_sample.docx", root / "合同.docx")
    return root


PHONE_FACT = Fact(
    "auctioneer_phone", "13800138000", 1, "联系电话：0373-3512345，13800138000", "联系电话"
)


def test_json_shape(capsys: pytest.CaptureFixture[str], bundle: Path) -> None:
    code, out, _ = run(capsys, "inspect", bundle, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "paimai-docs" and report["tool"]["version"]
    assert report["problems"] == []
    assert [d["file"] for d in report["documents"]] == ["公告.pdf", "合同.docx", "确认书.pdf"]
    for document in report["documents"]:
        assert set(document) >= DOCUMENT_KEYS
        assert all({"number", "source", "quality"} <= set(p) for p in document["page_details"])
    scanned = report["documents"][2]
    assert scanned["pages"] == 2 and scanned["pages_without_text"] == [2]
    assert [p["source"] for p in scanned["page_details"]] == ["text_layer", "none"]
    assert report["summary"]["pages_without_text"] == 1


def test_json_is_deterministic(capsys: pytest.CaptureFixture[str], bundle: Path) -> None:
    first = run(capsys, "inspect", bundle, "--format", "json")[1]
    second = run(capsys, "inspect", bundle, "--format", "json")[1]
    assert first == second


def test_input_is_not_modified(capsys: pytest.CaptureFixture[str], bundle: Path) -> None:
    def state() -> dict[str, tuple[str, int]]:
        return {
            p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(bundle.iterdir())
        }

    before = state()
    run(capsys, "inspect", bundle, "--format", "json")
    run(capsys, "inspect", bundle)
    assert state() == before


def test_personal_data_is_masked_unless_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stub_facts(monkeypatch, [PHONE_FACT, Fact("deposit_amount", Decimal("200000.00"), 1, "x")])
    path = FIXTURES / "cid_stsong_announcement.pdf"
    _, out, _ = run(capsys, "inspect", path, "--format", "json")
    phone, amount = json.loads(out)["documents"][0]["facts"]
    assert phone["value"] == "138****8000"
    assert phone["evidence"] == "联系电话：0373-35***45，138****8000"
    assert amount["value"] == "200000.00"
    _, out, _ = run(capsys, "inspect", path, "--format", "json", "--show-personal-data")
    phone = json.loads(out)["documents"][0]["facts"][0]
    assert phone["value"] == "13800138000" and "0373-3512345" in phone["evidence"]
    _, text, _ = run(capsys, "inspect", path)
    assert "138****8000" in text and "13800138000" not in text


def test_text_report_in_chinese(capsys: pytest.CaptureFixture[str], bundle: Path) -> None:
    code, out, _ = run(capsys, "inspect", bundle)
    assert code == 0
    assert "确认书.pdf" in out and "文书类型：" in out
    assert "无可用文字：第 2 页（无文字层，可能是扫描件）" in out
    assert out.rstrip().endswith("共 3 个文件，0 个无法读取，1 页无可用文字，另有 0 个读取问题")


def test_text_report_in_english(capsys: pytest.CaptureFixture[str], bundle: Path) -> None:
    code, out, _ = run(capsys, "--lang", "en", "inspect", bundle)
    assert code == 0
    assert "kind: " in out and "no usable text: p. 2 (no text layer (a scan?))" in out
    assert "3 documents, 0 unreadable, 1 page without usable text, 0 other problems" in out


def test_unreadable_input_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "inspect", FIXTURES / "broken_encrypted.pdf")
    assert code == 3
    assert "文件已加密" in out and "[encrypted]" not in out  # our words, not the code
    code, out, _ = run(capsys, "inspect", tmp_path / "missing.pdf", "--format", "json")
    assert code == 3
    assert [p["code"] for p in json.loads(out)["problems"]] == ["not_found"]
    code, out, _ = run(capsys, "--lang", "en", "inspect", FIXTURES / "zip_unsafe_paths.zip")
    assert code == 3
    assert "Not read:" in out and "zip path escapes the archive" in out
    assert "symbolic link in zip" in out and "zip_symlink" not in out


def test_every_broken_fixture_exits_3_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = sorted(p for p in FIXTURES.glob("broken_*") if "bomb" not in p.name)
    code, out, err = run(capsys, "inspect", *broken, "--format", "json")
    assert code == 3 and err == ""
    report = json.loads(out)
    assert len(report["documents"]) == len(broken)
    assert all(d["problems"] or d["file"].endswith("nesting.pdf") for d in report["documents"])


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "inspect")[0] == 2
    assert run(capsys, "inspect", "x.pdf", "--format", "xml")[0] == 2


@pytest.mark.skipif(ocr_available(), reason="the ocr extra is installed")
def test_ocr_without_the_extra_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "inspect", FIXTURES / "scanned_mixed.pdf", "--ocr")
    assert code == 2 and 'pip install "paimai-docs[ocr]"' in err


def test_page_ranges() -> None:
    assert inspect.page_ranges([]) == ""
    assert inspect.page_ranges([3]) == "3"
    assert inspect.page_ranges([5, 1, 2, 3, 7, 8]) == "1–3, 5, 7–8"


# --------------------------------------------------------------------------------------------
# Masking


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("身份证号：110105194912310029。", "身份证号：110105********0029。"),
        ("11010519491231002X", "110105********002X"),
        ("手机13800138000", "手机138****8000"),
        ("手机 138-0013-8000", "手机 138-****-8000"),
        ("+86 138 0013 8000", "+86 138 **** 8000"),
        ("１３８００１３８０００", "１３８****８０００"),  # full-width digits
        ("电话：0373-3512345", "电话：0373-35***45"),
        ("电话：(010)87654321", "电话：(010)87****21"),
        ("账号：6222020200001234567", "账号：6222***********4567"),
        ("账号：6222 0202 0000 1234 567", "账号：6222 **** **** ***4 567"),
        ("2026年10月9日，保证金200,000.00元，监督电话12368", None),
        ("第2026-0012号，邮编453000", None),
    ],
)
def test_mask_text(text: str, masked: str | None) -> None:
    assert mask_text(text) == (text if masked is None else masked)


def test_facts_are_shown_by_their_labels_and_values_as_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = [
        Fact("has_reserve", False, 1, "无保留价"),
        Fact("commission_rate_buyer", Decimal("0.05"), 1, "佣金5%"),
        Fact("deposit_amount", Decimal("200000.00"), 1, "保证金20万元"),
    ]
    stub_facts(monkeypatch, facts)
    path = FIXTURES / "cid_stsong_announcement.pdf"
    _, out, _ = run(capsys, "inspect", path)
    assert "设有保留价：否" in out and "买受人支付佣金比例：5%" in out
    assert "200,000.00元" in out and "has_reserve" not in out and "False" not in out
    _, out, _ = run(capsys, "--lang", "en", "inspect", path)
    assert "reserve price set: no" in out and "CNY 200,000.00" in out
    assert "1 document," in out
    _, out, _ = run(capsys, "inspect", path, "--format", "json")
    values = {f["name"]: f["value"] for f in json.loads(out)["documents"][0]["facts"]}
    assert values["has_reserve"] is False and values["commission_rate_buyer"] == "0.05"
