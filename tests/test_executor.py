"""Scale-out on Dask distributed: bundles checked on real worker processes of a LocalCluster give
the findings (and reports) of the in-process run; without Dask everything runs here."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from paimai_docs.checker import check_bundle
from paimai_docs.cli import main
from paimai_docs.commands.check import Job, run_job
from paimai_docs.executor import ExecutorError, open_executor, parse_executor
from paimai_docs.reports import render_report
from paimai_docs.service.packet import Packet, check_packet

from .service_helpers import BUNDLES, finding_keys, zip_of

EXAMPLES = sorted(p for p in BUNDLES.iterdir() if p.is_dir())


def _job(folder: Path) -> Job:
    path = str(folder)
    return Job((path,), path, None, None, "json", "zh", "error", False, None, False, False)


# -- without a cluster


def test_parse_executor() -> None:
    assert parse_executor(None).kind == "local"
    assert parse_executor("local").kind == "local"
    assert parse_executor("local-dask").kind == "local-dask"
    assert parse_executor("local-dask:3").workers == 3
    spec = parse_executor("dask://scheduler:8786")
    assert (spec.kind, spec.address) == ("dask", "tcp://scheduler:8786")
    assert parse_executor("tcp://10.0.0.5:8786").address == "tcp://10.0.0.5:8786"
    for bad in ("ray://x:1", "dask://nohost", "local-dask:0", "celery"):
        with pytest.raises(ExecutorError) as caught:
            parse_executor(bad)
        assert "无法识别的执行方式" in caught.value.message("zh")
        assert "unknown executor" in caught.value.message("en")


def test_nothing_configured_means_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAIMAI_EXECUTOR", raising=False)
    assert open_executor(None) is None
    assert open_executor("local") is None


def test_dask_absent_falls_back_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import paimai_docs.executor as executor_module

    monkeypatch.setattr(executor_module, "dask_available", lambda: False)
    said: list[str] = []
    assert open_executor("local-dask", warn=said.append) is None
    assert said and "未安装 Dask" in said[0]


def test_unreachable_scheduler_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    import paimai_docs.executor as executor_module

    from .service_helpers import free_port

    old = executor_module.CONNECT_TIMEOUT
    executor_module.CONNECT_TIMEOUT = 1.0
    try:
        code = main(
            ["check", str(BUNDLES / "COM"), "--executor", f"dask://127.0.0.1:{free_port()}"]
        )
    finally:
        executor_module.CONNECT_TIMEOUT = old
    assert code == 2
    assert "无法连接到 Dask 调度器" in capsys.readouterr().err


def test_check_result_pickles() -> None:
    result = check_bundle(BUNDLES / "COM", today=dt.date(2026, 9, 1))
    again = pickle.loads(pickle.dumps(result))
    assert again.findings == result.findings and again.documents == result.documents
    assert render_report(again, "json") == render_report(result, "json")


def test_packet_of_bytes_gives_the_findings_of_the_folder() -> None:
    answer = check_packet(Packet(files=(("COM.zip", zip_of(BUNDLES / "COM")),)))
    assert answer.status == 200
    report = json.loads(answer.report)
    assert finding_keys(report["findings"]) == finding_keys(check_bundle(BUNDLES / "COM").findings)


# -- on a LocalCluster: real worker processes


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    executor = open_executor("local-dask", workers=2)
    assert executor is not None
    try:
        yield executor
    finally:
        executor.close()


@pytest.fixture(scope="module")
def in_process() -> dict[str, list[tuple[Any, ...]]]:
    """The findings of each example bundle, checked in this process."""
    return {folder.name: finding_keys(check_bundle(folder).findings) for folder in EXAMPLES}


def test_example_bundles_on_dask_workers_match_in_process(
    cluster: Any, in_process: dict[str, list[tuple[Any, ...]]]
) -> None:
    packets = [Packet(files=((f"{f.name}.zip", zip_of(f)),)) for f in EXAMPLES]
    futures = [cluster.submit(check_packet, packet) for packet in packets]
    answers = [future.result(timeout=120) for future in futures]
    for folder, answer in zip(EXAMPLES, answers, strict=True):
        assert answer.status == 200, answer.message
        findings = json.loads(answer.report)["findings"]
        assert finding_keys(findings) == in_process[folder.name], folder.name
    # really on other processes
    pids = cluster.client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()


def test_paths_on_dask_workers_give_the_same_reports(cluster: Any) -> None:
    jobs = [_job(BUNDLES / "COM"), _job(BUNDLES / "VEH")]
    remote = list(cluster.map(run_job, jobs))
    here = [run_job(job) for job in jobs]
    assert [o.report for o in remote] == [o.report for o in here]  # byte-identical reports
    assert [o.exit_code for o in remote] == [o.exit_code for o in here]


def test_check_command_on_a_dask_scheduler(
    cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = cluster.client.scheduler.address  # tcp://127.0.0.1:PORT
    bundles = [str(BUNDLES / "COM"), str(BUNDLES / "JUD-OFF")]
    remote, here = tmp_path / "remote", tmp_path / "here"
    args = ["check", *bundles, "--format", "json", "--jobs", "2"]
    executor = address.replace("tcp://", "dask://")
    assert main([*args, "--executor", executor, "-o", str(remote)]) == 1
    assert main([*args, "-o", str(here)]) == 1
    for name in ("COM.json", "JUD-OFF.json"):
        assert (remote / name).read_bytes() == (here / name).read_bytes()
    capsys.readouterr()


def test_service_on_a_dask_scheduler(
    cluster: Any, in_process: dict[str, list[tuple[Any, ...]]]
) -> None:
    """``paimai serve --executor dask://…``: uploads go to the cluster's workers."""
    pytest.importorskip("fastapi", reason="the serve extra (FastAPI) is not installed")
    pytest.importorskip("httpx", reason="httpx (the test client) is not installed")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from paimai_docs.service.app import ServiceConfig, create_app

    address = cluster.client.scheduler.address.replace("tcp://", "dask://")
    with TestClient(create_app(ServiceConfig(executor=address, workers=1))) as client:
        assert client.get("/healthz").json()["executor"] == "dask"
        upload = [("bundle", ("VEH.zip", zip_of(BUNDLES / "VEH"), "application/zip"))]
        response = client.post("/api/check", files=upload)
        assert response.status_code == 200, response.text
        assert finding_keys(response.json()["findings"]) == in_process["VEH"]


def test_environment_names_the_executor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PAIMAI_EXECUTOR", "ray://nowhere:1")
    assert main(["check", str(BUNDLES / "COM")]) == 2
    assert "无法识别的执行方式" in capsys.readouterr().err
