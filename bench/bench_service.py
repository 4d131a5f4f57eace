"""Load test of the checking service (``paimai serve``): N uploads of an example bundle at a
given concurrency against a server on 127.0.0.1, once checking in the server's threads and once
on Dask workers (``--executor local-dask:1`` and ``local-dask:2``), to show the scaling.

    pip install -e ".[serve,test]"
    python bench/bench_service.py                 # 200 uploads of examples/bundles/COM, 8 at once
    python bench/bench_service.py --requests 50 --concurrency 4 --bundle examples/bundles/VEH
    python bench/bench_service.py --executors local local-dask:2

Each configuration starts its own server process (``paimai serve --port P``), waits for
``/healthz``, sends a few untimed warm-up uploads (workers start, rules load), then the timed
ones. It reports errors (any answer other than 200 with the expected findings), throughput and
latency (median, p95, max). Traffic goes to the loopback interface only; the run is bounded by
the number of requests and a time limit per request.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def zip_of(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(executor: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    paimai = Path(sys.executable).with_name("paimai")
    command = [str(paimai), "serve", "--port", str(port), "--workers", str(workers)]
    if executor != "local":
        command += ["--executor", executor]
    env = {**os.environ, "PAIMAI_EXECUTOR": ""}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_ready(
    url: str, server: subprocess.Popen[bytes], seconds: float = 120
) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            answer = httpx.get(url + "/healthz", timeout=2)
            if answer.status_code == 200:
                health: dict[str, object] = answer.json()
                return health
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz in time")


def run(url: str, payload: bytes, name: str, requests: int, concurrency: int,
        expected: int) -> dict[str, float]:  # fmt: skip
    failures: list[str] = []

    def one(_: int) -> tuple[float, bool]:  # an error: not 200, or other findings
        with httpx.Client(base_url=url, timeout=120) as client:
            started = time.perf_counter()
            response = client.post(
                "/api/check", files=[("bundle", (name, payload, "application/zip"))]
            )
            elapsed = time.perf_counter() - started
            ok = response.status_code == 200 and len(response.json()["findings"]) == expected
            if not ok and not failures:
                failures.append(f"{response.status_code} {response.text[:300]}")
            return elapsed, ok

    with httpx.Client(base_url=url, timeout=120) as client:  # what this server answers
        first = client.post("/api/check", files=[("bundle", (name, payload, "application/zip"))])
        if first.status_code != 200:
            raise SystemExit(f"the server answered {first.status_code}: {first.text[:300]}")
        if len(first.json()["findings"]) != expected:  # the rules changed since we counted
            expected = len(first.json()["findings"])
    with ThreadPoolExecutor(max_workers=concurrency) as pool:  # warm-up, untimed
        list(pool.map(one, range(concurrency * 2)))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    latencies = sorted(r[0] for r in results)
    if failures:
        print("first error:", failures[0], file=sys.stderr)
    return {
        "requests": requests,
        "errors": sum(1 for r in results if not r[1]),
        "seconds": wall,
        "throughput": requests / wall,
        "p50": statistics.median(latencies),
        "p95": latencies[max(0, round(0.95 * len(latencies)) - 1)],
        "max": latencies[-1],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bundle", default=str(ROOT / "examples" / "bundles" / "COM"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="the server's checking threads")
    parser.add_argument("--executors", nargs="+", default=["local", "local-dask:1", "local-dask:2"])
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    folder = Path(args.bundle)
    payload = zip_of(folder)
    from paimai_docs.checker import check_bundle

    expected = len(check_bundle(folder).findings)
    print(
        f"bundle {folder.name}: {len(payload) / 1024:.0f} KiB zipped, {expected} findings; "
        f"{args.requests} uploads, {args.concurrency} at once, {os.cpu_count()} CPUs"
    )
    print(f"{'executor':<14} {'errors':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    table = {}
    for executor in args.executors:
        port = free_port()
        server = start_server(executor, port, args.workers)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_ready(url, server)
            result = run(
                url, payload, f"{folder.name}.zip", args.requests, args.concurrency, expected
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        table[executor] = result
        ms = {key: f"{result[key] * 1000:>8.0f}" for key in ("p50", "p95", "max")}
        print(
            f"{executor:<14} {result['errors']:>6} {result['throughput']:>7.1f} "
            f"{ms['p50']} {ms['p95']} {ms['max']}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=2), encoding="utf-8")
    return 1 if any(r["errors"] for r in table.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
