"""The checking service's API contract (``paimai serve``): status codes, the schema of answers,
limits and their Chinese messages, the bearer token, and the same findings as the library."""

from __future__ import annotations

import io
import json
import tempfile
import time
import warnings
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra (FastAPI) is not installed")
pytest.importorskip("multipart", reason="python-multipart is not installed")
pytest.importorskip("httpx", reason="httpx (the test client) is not installed")

with warnings.catch_warnings():  # starlette would like httpx2 for its test client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from paimai_docs.checker import check_bundle
from paimai_docs.service.app import ServiceConfig, create_app

from .service_helpers import BUNDLES, ROOT, finding_keys, running_server, zip_of

COM = BUNDLES / "COM"
ZIP = "application/zip"


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def com_zip() -> bytes:
    return zip_of(COM)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    config = ServiceConfig(executor="local", max_upload_bytes=8 << 20, workers=2)
    with TestClient(create_app(config)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8")
    )
    return schema


def _error(response: Any, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    error: dict[str, str] = body["error"]
    return error


# -- the check


def test_zip_gives_the_findings_of_the_library(
    client: TestClient, com_zip: bytes, report_schema: dict[str, Any]
) -> None:
    import jsonschema

    response = client.post("/api/check", files=[("bundle", ("COM.zip", com_zip, ZIP))])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    report = response.json()
    jsonschema.Draft202012Validator(report_schema).validate(report)
    expected = check_bundle(COM)
    assert finding_keys(report["findings"]) == finding_keys(expected.findings)
    assert report["source"] == "COM.zip"
    assert response.headers["x-paimai-exit-code"] == str(expected.exit_code())
    errors = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    assert errors == {"CONTRACT-09", "ANN-01", "AMOUNT-WORDS"}  # examples/bundles/COM/README.md


def test_folder_and_loose_files_are_one_bundle(client: TestClient) -> None:
    files = sorted(p for p in COM.iterdir() if p.is_file())
    folder = [("bundle", (f"COM/{p.name}", p.read_bytes(), "application/pdf")) for p in files]
    response = client.post("/api/check", files=folder)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["source"] == "COM"
    assert finding_keys(report["findings"]) == finding_keys(check_bundle(COM).findings)
    loose = [("bundle", (p.name, p.read_bytes(), "application/pdf")) for p in files[:2]]
    response = client.post("/api/check", files=loose)
    assert response.status_code == 200
    assert {d["file"] for d in response.json()["documents"]} == {p.name for p in files[:2]}


def test_formats(client: TestClient, com_zip: bytes) -> None:
    upload = [("bundle", ("COM.zip", com_zip, ZIP))]
    sarif = client.post("/api/check", files=upload, headers={"Accept": "application/sarif+json"})
    assert sarif.status_code == 200
    assert sarif.headers["content-type"].startswith("application/sarif+json")
    assert sarif.json()["version"] == "2.1.0"
    html = client.post("/api/check?format=html", files=upload)
    assert html.headers["content-type"].startswith("text/html")
    assert "CONTRACT-09" in html.text and "<html" in html.text
    docx = client.post("/api/check", files=upload, data={"format": "docx"})
    assert docx.status_code == 200
    assert docx.headers["content-disposition"].startswith("attachment")
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        assert "补正" in archive.read("word/document.xml").decode("utf-8")


def test_options_scope_stage_profile_lang(client: TestClient, com_zip: bytes) -> None:
    upload = [("bundle", ("COM.zip", com_zip, ZIP))]
    report = client.post("/api/check", files=upload, data={"scope": "SOA-ADM"}).json()
    assert report["scope"]["code"] == "SOA-ADM" and report["scope"]["inferred"] is False
    expected = check_bundle(COM, scope="SOA-ADM", stage="sold")
    staged = client.post("/api/check", files=upload, data={"scope": "SOA-ADM", "stage": "sold"})
    assert finding_keys(staged.json()["findings"]) == finding_keys(expected.findings)
    assert staged.json()["stage_given"] is True
    profiled = client.post("/api/check", files=upload, data={"profile": "VEH"}).json()
    assert profiled["scope"]["profile"] == "VEH"
    english = client.post("/api/check", files=upload, data={"lang": "en"}).json()
    assert not any(_cjk(f["message"]) for f in english["findings"] if f["rule"] == "ANN-01")


@pytest.mark.parametrize(
    ("data", "word"),
    [
        ({"scope": "XYZ"}, "业务范围"),
        ({"stage": "later"}, "阶段"),
        ({"profile": "my.yaml"}, "内置配置"),
        ({"format": "pdf"}, "报告格式"),
        ({"scope": "COM", "profile": "COM"}, "只能选一个"),
        ({"today": "2026-13-01"}, "YYYY-MM-DD"),
    ],
)
def test_bad_options_are_422_in_chinese(
    client: TestClient, com_zip: bytes, data: dict[str, str], word: str
) -> None:
    response = client.post("/api/check", files=[("bundle", ("COM.zip", com_zip, ZIP))], data=data)
    error = _error(response, 422)
    assert error["code"] == "invalid_option" and word in error["message"]


def test_no_file_and_no_form(client: TestClient) -> None:
    assert _cjk(_error(client.post("/api/check", data={"scope": "COM"}), 422)["message"])
    assert _error(client.post("/api/check", content=b"{}"), 422)["code"] == "no_upload"
    broken = client.post(
        "/api/check",
        content=b"--zzz\r\nContent-Disposition: form-data\r\n\r\nx",
        headers={"Content-Type": "multipart/form-data"},  # no boundary
    )
    error = _error(broken, 422)
    assert error["code"] == "invalid_upload" and _cjk(error["message"])
    english = _error(client.post("/api/check?lang=en", data={"lang": "en"}), 422)
    assert not _cjk(english["message"])


def test_nothing_readable_is_422_with_the_readers_message(client: TestClient) -> None:
    readme = [("bundle", ("README.md", b"# hello", "text/markdown"))]
    error = _error(client.post("/api/check", files=readme), 422)
    assert error["code"] == "nothing_to_check"
    assert "没有找到可读取的文书" in error["message"] and "README.md" in error["message"]
    junk = [("bundle", ("合同.pdf", b"not a pdf at all", "application/pdf"))]
    error = _error(client.post("/api/check", files=junk), 422)
    assert error["code"] == "unreadable" and "合同.pdf" in error["message"]
    assert "/tmp" not in error["message"]


def test_zip_bomb_is_refused_and_the_server_answers_afterwards(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.pdf", b"\0" * (64 << 20))  # 64 MiB of zeros, ratio ~1000:1
    assert len(buffer.getvalue()) < 1 << 20
    response = client.post("/api/check", files=[("bundle", ("bomb.zip", buffer.getvalue(), ZIP))])
    error = _error(response, 422)
    assert "压缩炸弹" in error["message"] and "bomb.zip" in error["message"]
    assert client.get("/healthz").json()["status"] == "ok"


def test_upload_size_limit_is_413_in_chinese(com_zip: bytes) -> None:
    config = ServiceConfig(executor="local", max_upload_bytes=64 << 10, workers=1)
    with TestClient(create_app(config)) as small:
        big = [("bundle", ("COM.zip", com_zip, ZIP))]
        error = _error(small.post("/api/check", files=big), 413)
        assert error["code"] == "upload_too_large" and "上限" in error["message"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
            for _ in range(40):
                yield b"x" * 4096

        response = small.post(
            "/api/check",
            content=chunks(),
            headers={"Content-Type": "multipart/form-data; boundary=zzz"},
        )
        assert _error(response, 413)["code"] == "upload_too_large"
        assert small.get("/healthz").status_code == 200


def test_time_limit_is_504(monkeypatch: pytest.MonkeyPatch, com_zip: bytes) -> None:
    import paimai_docs.service.app as app_module

    def slow(packet: Any) -> Any:
        time.sleep(1.0)
        raise AssertionError("not reached in time")

    monkeypatch.setattr(app_module, "check_packet", slow)
    config = ServiceConfig(executor="local", timeout_seconds=0.2, workers=1)
    with TestClient(create_app(config)) as slow_client:
        response = slow_client.post("/api/check", files=[("bundle", ("COM.zip", com_zip, ZIP))])
        error = _error(response, 504)
        assert error["code"] == "timeout" and "秒" in error["message"]


def test_a_failing_worker_is_500_in_our_words(
    monkeypatch: pytest.MonkeyPatch, com_zip: bytes
) -> None:
    import paimai_docs.service.app as app_module

    def broken(packet: Any) -> Any:
        raise RuntimeError("worker lost: some library text")

    monkeypatch.setattr(app_module, "check_packet", broken)
    with TestClient(create_app(ServiceConfig(executor="local", workers=1))) as failing:
        response = failing.post("/api/check", files=[("bundle", ("COM.zip", com_zip, ZIP))])
        error = _error(response, 500)
        assert error["code"] == "internal_error" and "内部错误" in error["message"]
        assert "library text" not in error["message"]


def test_bearer_token(com_zip: bytes) -> None:
    config = ServiceConfig(executor="local", token="s3cret", workers=1)
    with TestClient(create_app(config)) as guarded:
        upload = [("bundle", ("COM.zip", com_zip, ZIP))]
        error = _error(guarded.post("/api/check", files=upload), 401)
        assert error["code"] == "unauthorized" and "令牌" in error["message"]
        wrong = {"Authorization": "Bearer nope"}
        assert guarded.post("/api/check", files=upload, headers=wrong).status_code == 401
        assert guarded.get("/api/rules").status_code == 401
        right = {"Authorization": "Bearer s3cret"}
        assert guarded.post("/api/check", files=upload, headers=right).status_code == 200
        assert guarded.get("/api/rules", headers=right).status_code == 200
        assert guarded.get("/healthz").status_code == 200  # probes need no token
        assert guarded.get("/").status_code == 200


def test_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIMAI_TOKEN", "from-env")
    monkeypatch.setenv("PAIMAI_MAX_UPLOAD", "2M")
    config = ServiceConfig.from_env(workers=1)
    assert config.token == "from-env" and config.max_upload_bytes == 2 << 20
    assert ServiceConfig.from_env(token="given").token == "given"


def test_nothing_is_kept_on_disk(client: TestClient, com_zip: bytes) -> None:
    temp = Path(tempfile.gettempdir())
    before = set(temp.glob("paimai-packet-*"))
    client.post("/api/check", files=[("bundle", ("COM.zip", com_zip, ZIP))])
    assert set(temp.glob("paimai-packet-*")) <= before


def test_uploads_kept_when_configured(tmp_path: Path, com_zip: bytes) -> None:
    config = ServiceConfig(executor="local", keep_uploads=str(tmp_path), workers=1)
    with TestClient(create_app(config)) as keeping:
        keeping.post("/api/check", files=[("bundle", ("../COM.zip", com_zip, ZIP))])
    (kept,) = tmp_path.iterdir()
    assert (kept / "COM.zip").read_bytes() == com_zip and (kept / "options.json").is_file()


# -- rules, health, description, page


def test_rules_are_those_of_the_command_line(client: TestClient) -> None:
    from paimai_docs.commands.rules import rule_as_dict
    from paimai_docs.engine import get_rule, load_rules

    listing = client.get("/api/rules").json()
    assert listing == json.loads(json.dumps([rule_as_dict(r) for r in load_rules()]))
    scoped = client.get("/api/rules", params={"scope": "VEH"}).json()
    assert 0 < len(scoped) < len(listing)
    one = client.get("/api/rules/contract-04").json()
    assert one == json.loads(json.dumps(rule_as_dict(get_rule("CONTRACT-04"))))
    error = _error(client.get("/api/rules/NO-SUCH-RULE"), 404)
    assert error["code"] == "unknown_rule" and "规则" in error["message"]
    assert _error(client.get("/api/rules", params={"scope": "X"}), 422)["code"] == "invalid_scope"


def test_health_openapi_and_unknown_paths(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/check", "/api/rules", "/api/rules/{rule_id}", "/healthz"} <= set(spec["paths"])
    body = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]
    assert "bundle" in body["multipart/form-data"]["schema"]["properties"]
    assert _cjk(_error(client.get("/no/such/page"), 404)["message"])
    assert _error(client.delete("/api/check"), 405)["code"] == "method_not_allowed"


def test_page_is_chinese_and_self_contained(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "拍卖文书检查" in html and "webkitdirectory" in html and "multiple" in html
    assert "补正通知书" in html and "正在检查" in html
    assert "http://" not in html and "https://" not in html  # no CDN: works offline


# -- a real server under load


def test_eighty_requests_at_concurrency_eight() -> None:
    """A real uvicorn server, 8 clients at once: every answer is 200 and the same report (a
    one-document packet keeps the test short; the whole COM bundle is checked above)."""
    import httpx

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(COM / "02-拍卖公告.pdf", "02-拍卖公告.pdf")
    packet = buffer.getvalue()
    config = ServiceConfig(executor="local", workers=2)
    limits = httpx.Limits(max_connections=8)
    with (
        running_server(config) as url,
        httpx.Client(base_url=url, timeout=60, limits=limits) as http,
    ):

        def one(_: int) -> tuple[int, bytes]:
            response = http.post("/api/check", files=[("bundle", ("ANN.zip", packet, ZIP))])
            return response.status_code, response.content

        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(one, range(80)))
        assert http.get("/healthz").status_code == 200
    assert [status for status, _ in answers] == [200] * 80
    assert len({body for _, body in answers}) == 1  # the same report every time
    assert "ANN-01" in {f["rule"] for f in json.loads(answers[0][1])["findings"]}


# -- the command


def test_paimai_serve_starts_and_says_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import subprocess
    import sys

    import httpx

    from .service_helpers import free_port

    paimai = [sys.executable, "-m", "paimai_docs"]
    env = {**os.environ, "PAIMAI_EXECUTOR": "", "PAIMAI_TOKEN": ""}
    port = free_port()
    server = subprocess.Popen(
        [*paimai, "serve", "--port", str(port), "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.2)
        assert health.json()["status"] == "ok"
        from paimai_docs.cli import main

        assert main(["serve", "--port", str(port)]) == 2  # before anything starts
        said = capsys.readouterr().err
        assert "端口已被占用" in said and "Traceback" not in said
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "检查服务已启动" in (server.stderr.read() if server.stderr else "")
    assert main(["serve", "--executor", "celery://x"]) == 2
    assert "无法识别的执行方式" in capsys.readouterr().err
