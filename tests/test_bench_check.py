"""bench/bench_check.py's pieces, without timing anything: the generated one-page 拍卖公告 and
the commands it times."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("reportlab", reason="reportlab (the test extra) generates the PDF")
pdfium = pytest.importorskip("pypdfium2")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import bench_check  # noqa: E402


@pytest.fixture(scope="module")
def announcement(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench-check") / "拍卖公告.pdf"
    bench_check.make_announcement_pdf(path)
    return path


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]
    finally:
        pdf.close()


def test_the_announcement_is_one_page_with_its_title(announcement: Path) -> None:
    texts = page_texts(announcement)
    assert len(texts) == 1
    text = re.sub(r"\s+", "", texts[0])
    assert bench_check.TITLE in text
    assert bench_check.ISSUER in text
    for part in ("2026年10月16日", "¥3,600,000.00", "¥500,000.00", "13807960000"):
        assert part in text  # figures are never cut over two lines
    assert 700 <= bench_check.announcement_chars() <= 900


def test_the_announcement_is_the_same_bytes_every_time(announcement: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    bench_check.make_announcement_pdf(again)
    assert again.read_bytes() == announcement.read_bytes()


def test_the_floor_extracts_every_page(announcement: Path, tmp_path: Path) -> None:
    command = bench_check.floor_command([announcement, tmp_path])
    assert command[0] == sys.executable
    assert command[1:3] == ["-c", bench_check.FLOOR_CODE]
    assert command[3:] == [str(announcement), str(tmp_path)]
    compile(bench_check.FLOOR_CODE, "<floor>", "exec")  # valid Python, not run here


def test_the_commands_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    command = bench_check.paimai_command("check", "x.pdf")
    assert command[-2:] == ["check", "x.pdf"]
    assert Path(command[0]).name.startswith("paimai") or command[1:3] == ["-m", "paimai_docs"]
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("PAIMAI_BENCH_KEPT", "yes")
    env = bench_check.bench_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PAIMAI_BENCH_KEPT"] == "yes"


def test_only_exit_codes_of_two_or_more_fail() -> None:
    env = bench_check.bench_env()
    exit_1 = [sys.executable, "-c", "raise SystemExit(1)"]
    assert bench_check.run_once(exit_1, env, (0, 1)) >= 0
    with pytest.raises(bench_check.CommandFailed):
        bench_check.run_once([sys.executable, "-c", "raise SystemExit(2)"], env, (0, 1))
