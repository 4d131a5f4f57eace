"""`paimai check --stage` and `--holidays`: what the packet lacks is a finding only when the
stage is named; holiday files given on the command line are used for the deadlines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paimai_docs.cli import main

BUNDLES = Path(__file__).resolve().parent.parent / "examples" / "bundles"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["check", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_without_the_stage_the_missing_document_is_listed_apart(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, report = _json(capsys, str(BUNDLES / "JUD-OFF"))
    assert not any(f["rule"] == "BUNDLE-COMPLETE" for f in report["findings"])
    assert [f["rule"] for f in report["checklist"]] == ["BUNDLE-COMPLETE"]
    assert report["stage_given"] is False


def test_with_the_stage_the_missing_document_is_a_finding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = _json(capsys, str(BUNDLES / "JUD-OFF"), "--stage", "failed")
    assert code == 1
    assert any(f["rule"] == "BUNDLE-COMPLETE" and f["item"] == 4 for f in report["findings"])
    assert report["checklist"] == [] and report["stage_given"] is True


def test_one_document_alone_says_nothing_about_the_packet(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, report = _json(capsys, str(BUNDLES / "JUD-OFF" / "01-司法拍卖公告.pdf"))
    assert report["checklist"] == []
    assert not any(f["rule"] in ("BUNDLE-COMPLETE", "NOT-CHECKED") for f in report["findings"])


def test_a_bad_holiday_file_on_the_command_line_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "holidays.yaml"
    bad.write_text("schema_version: 1\nyear: 2027\nholidays:\n  - {name: x, dates: [2027-02-30]}\n")
    code = main(["check", str(BUNDLES / "COM"), "--holidays", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and "holidays.yaml" in err


def test_render_takes_holiday_files_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "ann.json"
    assert main(["example", "announcement"]) == 0
    data.write_text(capsys.readouterr().out, encoding="utf-8")
    code = main(["render", "announcement", str(data), "-o", str(tmp_path / "a.docx"),
                 "--holidays", str(tmp_path / "missing.yaml")])  # fmt: skip
    assert code == 2 and "missing.yaml" in capsys.readouterr().err
    assert not (tmp_path / "a.docx").exists()
    assert main(["render", "announcement", str(data), "-o", str(tmp_path / "a.docx")]) == 0
