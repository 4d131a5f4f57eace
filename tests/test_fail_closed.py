"""Fail closed, never a traceback (issue 12): nothing to check is an error, one exit-code table,
a closed pipe ends quietly, output suffixes fit --format, argparse speaks Chinese, engine
findings obey the profile."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from paimai_docs import exitcodes
from paimai_docs.cli import main
from paimai_docs.engine import check_documents, load_profile
from paimai_docs.engine.profiles import profile_from_data
from paimai_docs.exitcodes import ExitCode

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
CONTRACT = FIXTURES / "docx_sample.docx"
SCANNED = FIXTURES / "scanned_mixed.pdf"
ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return int(code), out, err


# -- 1. nothing to check ---------------------------------------------------------------------


@pytest.fixture
def readme_only(tmp_path: Path) -> Path:
    folder = tmp_path / "材料"
    folder.mkdir()
    (folder / "README.md").write_text("说明", encoding="utf-8")
    return folder


def test_empty_folder_is_nothing_to_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "check", str(empty))
    assert code == ExitCode.UNREADABLE == 3
    assert "没有找到可读取的文书" in err and "错误 0" not in out + err


def test_readme_only_names_what_was_found(
    capsys: pytest.CaptureFixture[str], readme_only: Path
) -> None:
    code, _, err = run(capsys, "check", str(readme_only))
    assert code == 3
    assert "找到 1 个文件，均不是可读取的文书（README.md）" in err
    code, _, err = run(capsys, "--lang", "en", "check", str(readme_only))
    assert code == 3 and "no readable document found" in err and "README.md" in err


def test_nothing_to_check_writes_no_notice(
    capsys: pytest.CaptureFixture[str], readme_only: Path, tmp_path: Path
) -> None:
    target = tmp_path / "x.docx"
    code, _, err = run(capsys, "check", str(readme_only), "--format", "docx", "-o", str(target))
    assert code == 3 and not target.exists() and "没有找到可读取的文书" in err


def test_empty_zip_is_nothing_to_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archive = tmp_path / "empty.zip"
    zipfile.ZipFile(archive, "w").close()
    code, out, err = run(capsys, "check", str(archive), "--format", "json")
    assert code == 3 and out == "" and "没有找到可读取的文书" in err


def test_inspect_empty_folder_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "inspect", str(tmp_path))
    assert code == 3 and out == "" and "没有找到可读取的文书" in err


def test_a_real_document_still_checks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(CONTRACT, folder / "合同.docx")
    (folder / "README.md").write_text("x", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(folder))
    assert code == 1 and "CONTRACT-09" in out


# -- 4. one exit-code table ------------------------------------------------------------------


def test_exit_code_table_is_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and exitcodes.table("zh") in out
    code, out, _ = run(capsys, "--lang", "en", "check", "--help")
    assert code == 0 and exitcodes.table("en") in out


def test_no_module_defines_its_own_exit_codes() -> None:
    sources = [p for p in (ROOT / "paimai_docs").rglob("*.py") if p.name != "exitcodes.py"]
    own = [p.name for p in sources if "EXIT_OK" in p.read_text(encoding="utf-8")]
    assert own in ([], ["checker.py"])  # checker.py is another engineer's file (see report)


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{missing}"],
        ["inspect", "{missing}"],
        ["validate", "{missing}", "--kind", "announcement"],
        ["render", "announcement", "{missing}", "-o", "{out}"],
    ],
)
def test_a_missing_input_is_exit_3_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    values = {"missing": str(tmp_path / "nope.json"), "out": str(tmp_path / "o.docx")}
    code, _, _ = run(capsys, *(a.format(**values) for a in argv))
    assert code == ExitCode.UNREADABLE


# -- 5. closed pipe --------------------------------------------------------------------------


def test_closed_pipe_ends_quietly() -> None:
    command = f"{sys.executable} -m paimai_docs rules | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 1


# -- 6. output suffix ------------------------------------------------------------------------


def test_output_suffix_must_fit_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(CONTRACT, folder / "合同.docx")
    target = tmp_path / "notice.pdf"
    code, _, err = run(capsys, "check", str(folder), "--format", "docx", "-o", str(target))
    assert code == 2 and not target.exists()
    assert ".pdf" in err and "--format docx" in err and ".docx" in err
    code, _, err = run(
        capsys, "plan", "--scope", "COM", "--auction-date", "2026-10-09", "--format", "ics",
        "-o", str(tmp_path / "plan.json"),
    )  # fmt: skip
    assert code == 2 and "--format ics" in err


# -- 7. argparse in Chinese, no library text -------------------------------------------------


def test_argparse_speaks_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check")
    assert code == 2 and "缺少必需的参数" in err and "用法" in err
    code, _, err = run(capsys, "check", "x", "--format", "xml")
    assert code == 2 and "无效的选择" in err
    code, _, err = run(capsys, "--lang", "en", "check")
    assert code == 2 and "the following arguments are required" in err
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "选项" in out and "显示本帮助并退出" in out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.json", b'{"a": 1,}'),
        ("empty.json", b""),
        ("latin.json", b"\xff\xfe\x00"),
        ("broken.yaml", b"a: [1\n"),
        ("date.yaml", b"auction_date: 2027-02-30\n"),
    ],
)
def test_no_library_text_for_bad_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out_file = str(tmp_path / "o.docx")
    for argv in (["validate", str(path), "--kind", "announcement"],
                 ["render", "announcement", str(path), "-o", out_file]):  # fmt: skip
        code, out, err = run(capsys, *argv)
        text = out + err
        assert code == 3, text
        for leak in ("Errno", "codec", "Expecting", "Traceback", "Field required", "day is out"):
            assert leak not in text


# -- 3. engine-emitted findings obey the profile ---------------------------------------------


def _scanned_findings(profile: object) -> list[object]:
    from paimai_docs.reading import read_bundle

    bundle = read_bundle([str(SCANNED)])
    return check_documents(bundle.documents, profile)  # type: ignore[arg-type]


def test_no_text_follows_the_profile() -> None:
    base = [f for f in _scanned_findings(load_profile("COM")) if f.rule == "NO-TEXT"]
    assert base and base[0].severity.value == "warning" and base[0].needs_review
    ignored = profile_from_data({"title": "t", "extends": "COM", "ignore": ["NO-TEXT"]})
    assert not [f for f in _scanned_findings(ignored) if f.rule == "NO-TEXT"]
    graded = profile_from_data({"title": "t", "extends": "COM", "severity": {"NO-TEXT": "error"}})
    assert {f.severity.value for f in _scanned_findings(graded) if f.rule == "NO-TEXT"} == {"error"}


def test_profile_override_follows_the_rule_data() -> None:
    from paimai_docs.engine import check_model
    from paimai_docs.resources import load_example
    from paimai_docs.validation import validate

    model = validate("announcement", load_example("announcement"))
    profile = profile_from_data(
        {"title": "t", "extends": "COM", "rule_params": {"ANN-01": {"lead_days": 5}},
         "severity": {"PROFILE-OVERRIDE": "error"}}
    )  # fmt: skip
    notices = [f for f in check_model(model, profile) if f.rule == "PROFILE-OVERRIDE"]
    assert len(notices) == 1 and notices[0].severity.value == "error"
    assert "ANN-01" in notices[0].message and "lead_days" in notices[0].message


def test_model_invalid_can_be_regraded() -> None:
    from paimai_docs.engine import check_data

    profile = profile_from_data(
        {"title": "t", "extends": "COM", "severity": {"MODEL-INVALID": "warning"}}
    )
    _model, findings = check_data("announcement", {"seal": True}, profile)
    invalid = [f for f in findings if f.rule == "MODEL-INVALID"]
    assert invalid and {f.severity.value for f in invalid} == {"warning"}
