"""``paimai check`` as clerks and trading centres use it: reports, exit codes, batches."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from paimai_docs.checker import check_bundle
from paimai_docs.cli import main
from paimai_docs.reports import render_report

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
CONTRACT = FIXTURES / "docx_sample.docx"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "案件 2026-118"
    folder.mkdir()
    shutil.copy(CONTRACT, folder / "委托拍卖合同.docx")
    return folder


def test_text_report_in_chinese(capsys: pytest.CaptureFixture[str], case_folder: Path) -> None:
    code, out, _ = run(capsys, "check", str(case_folder))
    assert code == 1
    assert "委托拍卖合同.docx — 委托拍卖合同" in out
    assert "CONTRACT-09" in out and "合同未载明违约责任" in out
    assert "依据：《中华人民共和国拍卖法》第四十四条第（八）项" in out
    assert "自动判断" in out and "共 1 份文件" in out
    assert "\033[" not in out  # no colour when piped


def test_english_report(capsys: pytest.CaptureFixture[str], case_folder: Path) -> None:
    code, out, _ = run(capsys, "check", str(case_folder), "--lang", "en")
    assert code == 1 and "liability" in out.lower() and "Scope:" in out


def test_fail_on_levels(capsys: pytest.CaptureFixture[str], case_folder: Path) -> None:
    result = check_bundle(case_folder)
    assert result.exit_code("error") == 1
    assert result.exit_code("info") == 1
    only_info = [f for f in result.findings if f.severity.value == "info"]
    assert only_info  # CONTRACT-01 always asks a person to check the seals


def test_json_is_deterministic_and_complete(
    capsys: pytest.CaptureFixture[str], case_folder: Path
) -> None:
    first = run(capsys, "check", str(case_folder), "--format", "json")[1]
    second = run(capsys, "check", str(case_folder), "--format", "json")[1]
    assert first == second
    report = json.loads(first)
    assert report["schema_version"] == 1 and report["tool"]["name"] == "paimai-docs"
    assert report["scope"]["code"] == "COM" and report["scope"]["inferred"] is True
    (document,) = report["documents"]
    for key in ("file", "kind", "kind_confidence", "pages", "pages_without_text", "facts"):
        assert key in document
    finding = next(f for f in report["findings"] if f["rule"] == "CONTRACT-09")
    for key in ("rule", "item", "severity", "file", "page", "message", "evidence", "basis",
                "needs_review"):  # fmt: skip
        assert key in finding
    assert report["summary"]["error"] >= 1


def test_explicit_scope_is_reported(capsys: pytest.CaptureFixture[str], case_folder: Path) -> None:
    _, out, _ = run(capsys, "check", str(case_folder), "--scope", "SOA-ADM", "--format", "json")
    report = json.loads(out)
    assert report["scope"] == {**report["scope"], "code": "SOA-ADM", "inferred": False}
    assert any(f["rule"] == "CONTRACT-17" for f in report["findings"])


def test_usage_errors(
    capsys: pytest.CaptureFixture[str], case_folder: Path, tmp_path: Path
) -> None:
    # a missing input cannot be read (3, as in every command); a bad option is usage (2)
    assert run(capsys, "check", str(tmp_path / "nope"))[0] == 3
    assert run(capsys, "check", str(case_folder), "--today", "2026/11/01")[0] == 2
    bad_profile = tmp_path / "profile.yaml"
    bad_profile.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(case_folder), "--profile", str(bad_profile))
    assert code == 2 and "profile.yaml" in err


def test_unreadable_input_exits_3(capsys: pytest.CaptureFixture[str], case_folder: Path) -> None:
    (case_folder / "损坏.pdf").write_bytes(b"%PDF-1.7\n garbage")
    code, out, _ = run(capsys, "check", str(case_folder))
    assert code == 3 and "无法读取" in out


def test_batch_with_a_corrupt_bundle(
    capsys: pytest.CaptureFixture[str], case_folder: Path, tmp_path: Path
) -> None:
    second = tmp_path / "second"
    shutil.copytree(case_folder, second)
    corrupt = tmp_path / "corrupt.zip"
    corrupt.write_bytes(b"PK\x03\x04 this is not a zip")
    code, out, _ = run(
        capsys, "check", str(case_folder), str(corrupt), str(second), "--jobs", "2",
        "--format", "json", "-o", str(tmp_path / "reports"),
    )  # fmt: skip
    assert code == 3
    written = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert "second.json" in written and any(name.startswith("案件") for name in written)
    lines = [line for line in out.splitlines() if line.startswith(("✓", "✗"))]
    assert len(lines) == 3 and any("corrupt.zip" in line for line in lines)


def test_output_is_never_overwritten(
    capsys: pytest.CaptureFixture[str], case_folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, "check", str(case_folder), "-o", str(target))
    assert code == 2 and target.read_text(encoding="utf-8") == "keep" and "--force" in err
    code, _, _ = run(capsys, "check", str(case_folder), "-o", str(target), "--force")
    assert code == 1 and "CONTRACT-09" in target.read_text(encoding="utf-8")


def test_personal_data_is_masked_unless_asked(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("拍卖成交确认书")
    document.add_paragraph("买受人：张伟，身份证号码：410105199202156789，联系电话：13903710088")
    path = tmp_path / "confirmation.docx"
    document.save(str(path))
    result = check_bundle(path)
    masked = str(render_report(result, "json"))
    assert "410105199202156789" not in masked and "13903710088" not in masked
    shown = str(render_report(result, "json", show_personal_data=True))
    assert "410105199202156789" in shown


def test_zip_bundle(capsys: pytest.CaptureFixture[str], case_folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "案卷.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(case_folder / "委托拍卖合同.docx", "委托拍卖合同.docx")
    code, out, _ = run(capsys, "check", str(archive))
    assert code == 1 and "CONTRACT-09" in out


def test_json_report_validates_against_the_documented_schema(
    capsys: pytest.CaptureFixture[str], case_folder: Path
) -> None:
    import jsonschema

    schema = json.loads((Path(__file__).parents[1] / "docs" / "report-schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for folder in (case_folder, FIXTURES):
        out = run(capsys, "check", str(folder), "--format", "json", "--today", "2026-12-01")[1]
        jsonschema.Draft202012Validator(schema).validate(json.loads(out))


def test_english_report_says_why_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    bundle = Path(__file__).parents[1] / "examples" / "bundles" / "SOA-ADM"
    _, out, _ = run(capsys, "check", str(bundle), "--lang", "en")
    assert "checked as a disposal of institutional state assets" in out
    assert "registered on 2026-10-10" in out and "2026年10月10日, after" not in out
