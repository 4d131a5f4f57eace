"""The ``paimai`` command as a user meets it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paimai_docs import __version__
from paimai_docs.cli import main
from paimai_docs.models import MODELS

from .conftest import EXAMPLES, load_example


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own --help/--version/usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("schema", "example", "validate", "kinds"):
        assert command in out
    assert "拍卖" in out


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2 and "用法" in out


def test_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kinds")
    assert code == 0
    assert all(name in out for name in MODELS) and "委托拍卖合同" in out


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "entrustment_contract")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "委托拍卖合同"
    assert "consignor" in schema["required"]


def test_schema_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "schema", "contract")
    assert code == 2 and "entrustment_contract" in err


@pytest.mark.parametrize("name", sorted(MODELS))
def test_example_prints_a_valid_document(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "example", name)
    assert code == 0
    from paimai_docs.validation import validate

    assert validate(name, json.loads(out)) == validate(name, load_example(name))


def test_validate_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(EXAMPLES))
    assert code == 0
    assert f"共 {len(MODELS)} 个文件，{len(MODELS)} 个有效" in out


def test_validate_reports_problems_by_label(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = load_example("entrustment_contract")
    del data["lots"][0]["reserve_price"]
    data["deposit_amount"] = "-1"
    path = tmp_path / "entrustment_contract.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "拍卖标的 › 第1项 › 保留价：缺少必填项" in out
    assert "保证金：金额不能为负数" in out
    code, out, _ = run(capsys, "validate", "--format", "json", str(path))
    report = json.loads(out)
    assert code == 1 and not report["results"][0]["valid"]
    assert {p["code"] for p in report["results"][0]["problems"]} == {"missing", "money_negative"}


def test_validate_yaml_and_explicit_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import yaml

    path = tmp_path / "my contract.yaml"
    path.write_text(yaml.safe_dump(load_example("entrustment_contract"), allow_unicode=True))
    code, out, _ = run(capsys, "validate", "--kind", "entrustment_contract", str(path))
    assert code == 0, out


def test_validate_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "announcement.json"
    path.write_bytes(b"\xff\xfe\x00garbage{")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 3 and "无法读取" in out
    code, out, _ = run(capsys, "validate", str(tmp_path / "missing.json"))
    assert code == 2  # the file name is no model name: a usage error, said as such


def test_english_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "validate", str(EXAMPLES / "announcement.json"))
    assert code == 0 and "valid" in out and "Auction announcement" in out


def test_output_file_is_never_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "schema.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "schema", "announcement", "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(capsys, "schema", "announcement", "-o", str(target), "--force")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["title"] == "拍卖公告"


def test_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paimai_docs", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_gbk_console_does_not_crash() -> None:
    # A Windows console with a Chinese locale: characters outside GBK must not raise.
    result = subprocess.run(
        [sys.executable, "-m", "paimai_docs", "kinds"],
        capture_output=True,
        env={"PYTHONIOENCODING": "gbk", "PATH": ""},
    )
    assert result.returncode == 0
    assert "委托拍卖合同".encode("gbk") in result.stdout


def test_validate_broken_yaml_is_unreadable_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "announcement.yaml"
    path.write_text("a: [1\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 3 and "无法读取" in out


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["--lang", "en", "--help"]])
def test_version_and_help_import_no_command_implementation(argv: list[str]) -> None:
    """Commands are listed from paimai_docs.commands.COMMANDS; none of their modules (nor the
    models, the engine or the reader) is imported to print the version or the help."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from paimai_docs.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "from paimai_docs.commands import COMMANDS\n"
        "commands = {'paimai_docs.commands.' + m for m, _ in COMMANDS.values()}\n"
        "heavy = [m for m in sys.modules if m in commands or m.startswith(('paimai_docs.models', "
        "'paimai_docs.engine', 'paimai_docs.reading', 'pydantic'))]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in run.stderr, run.stderr


def test_a_command_registers_its_full_options_when_it_runs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--help"])
    assert exit_info.value.code == 0
    assert "--stage" in capsys.readouterr().out


def test_the_command_ends_at_once_with_everything_written(tmp_path: Path) -> None:
    """``paimai`` (and ``python -m paimai_docs``) skip Python's finalisation: the exit code, the
    whole report through a pipe and the patterns kept for the next run are all there."""
    import os

    root = Path(__file__).resolve().parent.parent
    pdf = sorted((root / "examples" / "bundles" / "COM").glob("*.pdf"))[0]
    env = {**os.environ, "PAIMAI_CACHE_DIR": str(tmp_path)}
    env.pop("PAIMAI_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "paimai_docs", "check", str(pdf), "--format", "json"],
        capture_output=True, text=True, env=env, cwd=root,
    )  # fmt: skip
    assert done.returncode == 1  # the contract has findings at error level
    report = json.loads(done.stdout)
    assert report["documents"] and report["findings"]
    assert list(tmp_path.glob("regex-*.pickle"))
