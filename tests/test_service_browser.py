"""The upload page in a real browser: headless Chromium (the system's /usr/bin/chromium, driven
by Playwright's Python package; never ``playwright install``) uploads the COM example, shows its
findings and the HTML report, and downloads the 补正通知书."""

from __future__ import annotations

import base64
import io
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra (FastAPI) is not installed")
pytest.importorskip("uvicorn", reason="the serve extra (uvicorn) is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from paimai_docs.service.app import ServiceConfig  # noqa: E402

from .service_helpers import BUNDLES, running_server, zip_of  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("PAIMAI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ERRORS = {"CONTRACT-09", "ANN-01", "AMOUNT-WORDS"}  # examples/bundles/COM/README.md


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server(ServiceConfig(executor="local", workers=2)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"Chromium is not installed ({CHROMIUM}); apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=CHROMIUM, args=ARGS, headless=True
            )
        except Exception as exc:  # a Chromium the driver cannot talk to
            pytest.skip(f"Chromium did not start under Playwright: {type(exc).__name__}")
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server + "/")
    try:
        yield page
    finally:
        context.close()


def _rules_shown(page: Any) -> set[str]:
    rows = page.locator("tr.finding")
    return {rows.nth(i).get_attribute("data-rule") for i in range(rows.count())}


def test_upload_zip_see_findings_and_download_the_notice(page: Any, tmp_path: Path) -> None:
    bundle = tmp_path / "COM.zip"
    bundle.write_bytes(zip_of(BUNDLES / "COM"))
    assert "拍卖文书检查" in page.title()
    page.set_input_files("#files", str(bundle))
    page.wait_for_selector("tr.finding")
    assert _rules_shown(page) >= ERRORS
    assert "错误 3" in page.inner_text("#summary")
    # the same HTML report as paimai check --format html, embedded
    page.wait_for_function("document.getElementById('report').srcdoc.length > 0")
    frame = page.frame_locator("#report")
    assert frame.locator("text=ANN-01").first.is_visible()
    assert "检查完成" in page.inner_text("#status")
    with page.expect_download() as download_info:
        page.click("#download-docx")
    download = download_info.value
    assert download.suggested_filename == "补正通知书.docx"
    saved = tmp_path / "notice.docx"
    download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        text = archive.read("word/document.xml").decode("utf-8")
    assert "补正" in text
    with page.expect_download() as json_info:
        page.click("#download-json")
    json_file = tmp_path / "report.json"
    json_info.value.save_as(json_file)
    assert '"ANN-01"' in json_file.read_text(encoding="utf-8")


def test_drop_files_and_see_an_error_in_chinese(page: Any) -> None:
    """Drag and drop: a DataTransfer with the COM PDFs dropped on the drop zone; then a file
    that is no document, whose message the page shows."""
    files = sorted(p for p in (BUNDLES / "COM").iterdir() if p.suffix == ".pdf")
    payload = [{"name": p.name, "data": base64.b64encode(p.read_bytes()).decode()} for p in files]
    script = """(items) => {
        const transfer = new DataTransfer();
        for (const item of items) {
            const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
            transfer.items.add(new File([bytes], item.name,
                                        {type: item.type || "application/pdf"}));
        }
        return transfer;
    }"""
    transfer = page.evaluate_handle(script, payload)
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("tr.finding")
    assert _rules_shown(page) >= ERRORS
    junk = page.evaluate_handle(script, [{"name": "说明.txt", "data": "aGVsbG8=",
                                          "type": "text/plain"}])  # fmt: skip
    page.dispatch_event("#drop", "drop", {"dataTransfer": junk})
    page.wait_for_selector(".error-box")
    assert "没有找到可读取的文书" in page.inner_text(".error-box")


def test_upload_progress_is_shown(page: Any) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("01.pdf", (BUNDLES / "COM" / "02-拍卖公告.pdf").read_bytes())
    page.evaluate(
        """() => { window.seen = [];
            new MutationObserver(() => window.seen.push(document.getElementById('status')
                .innerText)).observe(document.getElementById('status'),
                {childList: true, subtree: true, characterData: true}); }"""
    )
    page.set_input_files(
        "#files", files=[{"name": "one.zip", "mimeType": "application/zip",
                          "buffer": buffer.getvalue()}],
    )  # fmt: skip
    page.wait_for_selector("tr.finding")
    seen = " ".join(page.evaluate("window.seen"))
    assert "正在上传" in seen and "正在检查" in seen
