"""What the service's tests share: example bundles as uploads, and a real uvicorn server on a
free port of the loopback interface, started in a thread."""

from __future__ import annotations

import contextlib
import io
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "examples" / "bundles"


def zip_of(folder: Path, *, top: str | None = None) -> bytes:
    """The files of ``folder`` as a .zip, at its root or under ``top/``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                archive.write(path, f"{top}/{name}" if top else name)
    return buffer.getvalue()


def finding_keys(findings: Any) -> list[tuple[Any, ...]]:
    """Findings (JSON dicts or Finding objects) as comparable tuples."""
    keys = []
    for f in findings:
        data = f if isinstance(f, dict) else f.to_dict("zh")
        keys.append(
            (data["rule"], data["item"], data["severity"], data["file"], data["page"],
             data["message"])
        )  # fmt: skip
    return sorted(keys, key=repr)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def running_server(config: Any) -> Iterator[str]:
    """A uvicorn server with the service's app on 127.0.0.1; yields its base URL."""
    import uvicorn

    from paimai_docs.service.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config), host="127.0.0.1", port=port, log_level="warning",
            access_log=False, lifespan="on",
        )
    )  # fmt: skip
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
