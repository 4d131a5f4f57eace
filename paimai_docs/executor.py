"""Where checks run: in this process (the default), or on the workers of a Dask distributed
cluster when one is configured.

``--executor`` (``paimai check``, ``paimai serve``) or the environment variable
``PAIMAI_EXECUTOR`` names the executor:

==================  ==========================================================================
(nothing), local    in this process, as without any engine (``--jobs N``: N local processes)
``local-dask``      a Dask ``LocalCluster`` started for the run: real worker processes on this
                    machine, no scheduler to install (``local-dask:4`` for four workers)
``dask://H:P``      the Dask scheduler at ``H:P`` (``tcp://H:P`` too), with ``dask-worker``
                    processes started elsewhere (see ``docs/service.md``)
==================  ==========================================================================

Checking is a pure function of the bundle's bytes, so the unit of work is a picklable function
call: ``paimai check`` sends each bundle's paths (workers must see the same files: the same
machine, or a shared filesystem mounted at the same place), ``paimai serve`` sends the uploaded
bytes. Results come back as plain data (the rendered report, the exit code and the summary).

Dask is optional (the ``serve`` extra brings it). Configured but not installed, the run warns
and checks in this process, as without an engine.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from .errors import PaimaiError
from .lang import say

__all__ = [
    "ENV_EXECUTOR",
    "DaskExecutor",
    "Executor",
    "ExecutorError",
    "ExecutorSpec",
    "ThreadExecutor",
    "open_executor",
    "parse_executor",
]

ENV_EXECUTOR = "PAIMAI_EXECUTOR"
CONNECT_TIMEOUT = 10.0  # seconds to reach a remote scheduler

T = TypeVar("T")
R = TypeVar("R")


class ExecutorError(PaimaiError, ValueError):
    """An executor that cannot be used: an unknown spec, a scheduler that cannot be reached."""

    code = "executor_invalid"

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return say(self.zh, self.en, lang)


class Future(Protocol):
    """What ``submit`` returns: a ``concurrent.futures.Future`` or a Dask future."""

    def result(self, timeout: float | None = None) -> Any: ...

    def cancel(self) -> Any: ...

    def add_done_callback(self, fn: Callable[[Any], Any]) -> None: ...


class Executor(Protocol):
    name: str
    workers: int

    def submit(self, fn: Callable[..., R], /, *args: Any) -> Future: ...

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class ExecutorSpec:
    """A parsed ``--executor``: ``kind`` is ``local``, ``local-dask`` or ``dask``."""

    kind: str
    address: str | None = None
    workers: int | None = None

    def describe(self, lang: str = "zh") -> str:
        if self.kind == "dask":
            return say(f"Dask 集群 {self.address}", f"Dask cluster {self.address}", lang)
        if self.kind == "local-dask":
            return say("本机 Dask 集群", "local Dask cluster", lang)
        return say("本进程", "this process", lang)


def parse_executor(spec: str | None) -> ExecutorSpec:
    """``None``, ``""``, ``local`` → local; ``local-dask[:N]``; ``dask://host:port`` or
    ``tcp://host:port``. Raises :class:`ExecutorError` for anything else."""
    text = (spec or "").strip()
    if text.lower() in ("", "local", "none", "inline"):
        return ExecutorSpec("local")
    if text.lower().startswith("local-dask"):
        rest = text[len("local-dask") :]
        if not rest:
            return ExecutorSpec("local-dask")
        if rest.startswith(":") and rest[1:].isdigit() and int(rest[1:]) > 0:
            return ExecutorSpec("local-dask", workers=int(rest[1:]))
    for scheme in ("dask://", "tcp://", "tls://"):
        if text.lower().startswith(scheme) and len(text) > len(scheme):
            address = text[len(scheme) :]
            host, _, port = address.rpartition(":")
            if host and port.isdigit():
                prefix = "tls://" if scheme == "tls://" else "tcp://"
                return ExecutorSpec("dask", address=prefix + address)
    raise ExecutorError(
        f"无法识别的执行方式：{text}（可用：local、local-dask、local-dask:N、dask://主机:端口）",
        f"unknown executor: {text} (use local, local-dask, local-dask:N or dask://host:port)",
    )


class ThreadExecutor:
    """Checks in threads of this process (the service's default; ``paimai check`` keeps its
    own process pool for ``--jobs``)."""

    name = "local"

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="paimai")

    def submit(self, fn: Callable[..., R], /, *args: Any) -> Future:
        return self._pool.submit(fn, *args)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return self._pool.map(fn, items)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class DaskExecutor:
    """Checks on the workers of a Dask distributed cluster: a ``LocalCluster`` of ``workers``
    processes (one thread each) when ``address`` is None, else the scheduler at ``address``."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster: Any = None
        if address is None:
            self.workers = max(1, workers or os.cpu_count() or 1)
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # a free port: never clash with another cluster
                silence_logs=logging.ERROR,
            )
            self.client: Any = Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            self.client = Client(address, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[..., R], /, *args: Any) -> Future:
        future: Future = self.client.submit(fn, *args, pure=False)
        return future

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        futures = self.client.map(fn, list(items), pure=False)
        for future in futures:  # in order, as they finish
            yield future.result()

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()


def dask_available() -> bool:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        return False
    return True


def open_executor(
    spec: str | None,
    *,
    workers: int | None = None,
    warn: Callable[[str], None] | None = None,
    lang: str = "zh",
) -> DaskExecutor | None:
    """The Dask executor that ``spec`` (or ``$PAIMAI_EXECUTOR`` when ``spec`` is None) names, or
    None to check in this process: when nothing is configured, or when Dask is not installed
    (then ``warn`` is told so). Raises :class:`ExecutorError` for an unknown spec or a
    scheduler that cannot be reached."""
    if spec is None:
        spec = os.environ.get(ENV_EXECUTOR)
    parsed = parse_executor(spec)
    if parsed.kind == "local":
        return None
    if not dask_available():
        if warn is not None:
            warn(
                say(
                    '警告：未安装 Dask（pip install "paimai-docs[serve]"），改为在本进程中检查。',
                    'warning: Dask is not installed (pip install "paimai-docs[serve]"); '
                    "checking in this process.",
                    lang,
                )
            )
        return None
    try:
        return DaskExecutor(parsed.address, parsed.workers or workers)
    except RuntimeError as exc:  # a LocalCluster whose workers did not start
        if parsed.address is not None:
            raise
        raise ExecutorError(
            f"无法启动本机 Dask 集群（{type(exc).__name__}）；脚本中使用时请放在 "
            'if __name__ == "__main__": 之下',
            f"the local Dask cluster did not start ({type(exc).__name__}); in a script, start "
            'it under if __name__ == "__main__":',
        ) from None
    except (OSError, TimeoutError) as exc:  # the scheduler cannot be reached
        raise ExecutorError(
            f"无法连接到 Dask 调度器 {parsed.address}（{type(exc).__name__}）",
            f"cannot reach the Dask scheduler {parsed.address} ({type(exc).__name__})",
        ) from None
