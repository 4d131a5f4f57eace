"""Reading files in worker processes, so that what native code does with hostile input cannot
take the caller down.

A PDF whose streams inflate to gigabytes makes pdfium abort when it runs out of memory; a crafted
file may crash it or make it loop. Each file is therefore read by a worker process that
the parent can time out and kill, with its
address space limited (``RLIMIT_AS``, on platforms that have :mod:`resource`) and core dumps off.
What happens to a worker becomes a :class:`~.types.ReadProblem` of that file:

=============  ===============================================================================
``timeout``    no answer within ``Limits.timeout_seconds`` (plus ``seconds_per_page`` for each
               page read and ``ocr_seconds_per_page`` for each page sent to OCR); the worker is
               killed
``too_large``  the worker ran out of memory (a ``MemoryError``, or it died having used at least
               half of its memory limit, or was killed by the system's out-of-memory killer)
``crashed``    the worker died otherwise (a native crash)
=============  ===============================================================================

Workers are long-lived and shared by the files of a bundle (:class:`WorkerPool`): starting a
Python process with pypdfium2 costs about 50 ms, several times the cost of reading a 5-page PDF,
so one process per file would dominate the time of a bundle of small files. A worker that dies
is replaced; a worker is also retired after :data:`MAX_TASKS_PER_WORKER` files, so slow leaks in
native code cannot accumulate. Workers are started with ``python -c`` (see
:func:`worker_command`), not with :mod:`multiprocessing`, so the caller's ``__main__`` is never
re-imported and no ``if __name__ == "__main__"`` guard is needed in scripts that read bundles.

Protocol: length-prefixed frames on the worker's stdin and a private copy of its stdout (the
real stdout is pointed at stderr, so nothing that native code prints can corrupt the stream).
A frame is a JSON header and an optional binary payload (a file's bytes, for members of a zip).
Answers are JSON only; the parent never unpickles anything a worker sends. A file's pages are a
frame each, sent as they are read but flushed in chunks (``PIPE_BUFFER``); the parent's reader
thread collects them, and the frame with the file's result hands them over; when the pool is
asked to (``understand``), that frame also carries the file's kind and facts, told in the worker
from the pages it read (:mod:`.understand`; facts as typed JSON rows). While the caller works on
one file's answer, the worker that read it already reads the next file.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, NoReturn, cast

from ..errors import PaimaiError

MAX_TASKS_PER_WORKER = 500
STARTUP_TIMEOUT = 60.0  # seconds for a worker to import its libraries and say it is ready
MAX_FRAME = 1 << 30  # a larger frame from a worker is treated as a crash
PIPE_BUFFER = 1 << 16  # bytes buffered on each side of a worker's output
ENV_WORKER_STDERR = "PAIMAI_WORKER_STDERR"  # set to 1 to see what workers write to stderr

_HEADER = struct.Struct(">I")
_PAYLOAD = struct.Struct(">Q")

DocumentType = Literal["pdf", "docx", "legacy", "image"]
"""``legacy`` files (.doc …) are converted to .docx before they reach a worker (:mod:`.legacy`)."""


class WorkerStartError(PaimaiError, RuntimeError):
    """A worker process could not start (broken installation, memory limit far too low)."""

    code = "worker_start_failed"


@dataclass(frozen=True)
class ReadTask:
    """One file to read: from ``path``, or from ``data`` (a member of a zip)."""

    name: str
    type: DocumentType
    path: str | None = None
    data: bytes | None = field(default=None, repr=False)
    ocr: bool = False


# --------------------------------------------------------------------------------------------
# Frames


def write_frame(
    stream: IO[bytes], header: dict[str, Any], payload: bytes | None = None, *, flush: bool = True
) -> None:
    body = json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass")
    stream.write(_HEADER.pack(len(body)) + body + _PAYLOAD.pack(len(payload or b"")))
    if payload:
        stream.write(payload)
    if flush:
        stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = stream.read(min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: IO[bytes]) -> tuple[dict[str, Any], bytes | None] | None:
    """The next frame, or None at the end of the stream (or on a malformed frame)."""
    raw = _read_exact(stream, _HEADER.size)
    if raw is None:
        return None
    (length,) = _HEADER.unpack(raw)
    body = _read_exact(stream, length) if length <= MAX_FRAME else None
    raw = _read_exact(stream, _PAYLOAD.size) if body is not None else None
    if body is None or raw is None:
        return None
    (payload_length,) = _PAYLOAD.unpack(raw)
    payload = None
    if payload_length:
        payload = _read_exact(stream, payload_length) if payload_length <= MAX_FRAME else None
        if payload is None:
            return None
    try:
        header = json.loads(body.decode("utf-8", "surrogatepass"))
    except ValueError:
        return None
    return (header, payload) if isinstance(header, dict) else None


# --------------------------------------------------------------------------------------------
# The work itself (run in a worker, or inline)

PageRow = tuple[int, str, str, str, str]  # number, text, normalized, source, quality
ProblemRow = tuple[str, str, int | None]  # code, message, page


def _normalizer() -> Callable[[str], str]:
    try:
        from .normalize import normalize
    except ModuleNotFoundError as exc:  # until the normaliser exists
        if exc.name != f"{__package__}.normalize":
            raise
        return lambda text: text
    return normalize


def _head_tail_size(source: str | bytes) -> tuple[bytes, bytes, int]:
    from .pdf import HEAD_BYTES, TAIL_BYTES

    if isinstance(source, bytes):
        return source[:HEAD_BYTES], source[-TAIL_BYTES:], len(source)
    with open(source, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(HEAD_BYTES)
        handle.seek(max(0, size - TAIL_BYTES))
        tail = handle.read(TAIL_BYTES)
    return head, tail, size


Emit = Callable[[PageRow], None]


def _read_pdf(
    source: str | bytes, limits: Any, ocr: bool, emit: Emit, heartbeat: Callable[[int], None]
) -> list[ProblemRow]:
    from .pdf import (
        classify_quality,
        form_field_lines,
        has_form,
        open_pdf,
        pdf_is_truncated,
        precheck_pdf,
        read_pages,
    )

    head, tail, size = _head_tail_size(source)
    problem = precheck_pdf(head, size, limits.max_file_size)
    if problem is not None:
        raise problem
    ocr_page: Callable[[Any], str] | None = None
    if ocr:
        from .ocr import ocr_page as ocr_one_page

        ocr_page = ocr_one_page
    normalize = _normalizer()
    problems: list[ProblemRow] = []
    with open_pdf(source) as document:
        count = len(document)
        fields = form_field_lines(source) if has_form(document) else {}
        for raw in read_pages(
            document, max_pages=limits.max_pages, ocr_page=ocr_page, before_ocr=heartbeat
        ):
            text, quality, text_source = raw.text, raw.quality, raw.source
            lines = fields.get(raw.number)
            if lines:  # a filled form: its values are not in the page's text layer
                text = "\n".join([text.rstrip("\n"), *lines] if text.strip() else lines)
                quality = classify_quality(text)
                text_source = "text_layer" if text_source == "none" else text_source
            normalized = normalize(text) if text else ""
            emit((raw.number, text, normalized, text_source, quality))
            if raw.problem:
                problems.append((raw.problem[0], raw.problem[1], raw.number))
    if count > limits.max_pages:
        message = f"共 {count} 页，超过上限，只读取了前 {limits.max_pages} 页"
        problems.append(("too_many_pages", message, limits.max_pages + 1))
    if pdf_is_truncated(tail):
        message = "文件不完整（末尾缺少 %%EOF），可能在上传或复制时被截断，请重新导出"
        problems.append(("corrupt", message, None))
    return problems


def _read_docx(source: str | bytes, limits: Any, emit: Emit) -> list[ProblemRow]:
    from .docx import read_docx
    from .pdf import classify_quality

    normalize = _normalizer()
    for number, text in enumerate(read_docx(source, limits=limits), 1):
        emit((number, text, normalize(text), "docx", classify_quality(text)))
    return []


def _read_image(
    source: str | bytes, limits: Any, ocr: bool, emit: Emit, heartbeat: Callable[[int], None]
) -> list[ProblemRow]:
    from .images import read_image

    normalize = _normalizer()
    problems: list[ProblemRow] = []
    for raw in read_image(source, limits=limits, ocr=ocr, before_ocr=heartbeat):
        normalized = normalize(raw.text) if raw.text else ""
        emit((raw.number, raw.text, normalized, raw.source, raw.quality))
        if raw.problem:
            problems.append((raw.problem[0], raw.problem[1], raw.number))
    if not ocr:
        from .ocr import INSTALL_HINT, ocr_available

        if not ocr_available():
            message = f"图片需要 OCR 才能读取文字，请安装可选组件：{INSTALL_HINT}，并使用 --ocr"
            problems.append(("needs_ocr", message, None))
    return problems


def process_task(
    header: dict[str, Any],
    payload: bytes | None,
    *,
    emit: Emit,
    heartbeat: Callable[[int], None],
) -> dict[str, Any]:
    """Read one file as the task ``header`` says. Pages are passed to ``emit`` as they are
    read (:data:`PageRow`); the answer is a JSON-able dict with the file's ``problems``
    (:data:`ProblemRow`) and, when the file cannot be read at all, ``discard_pages``; when the
    header asks to ``understand``, also the kind and facts of the pages read (``understood``,
    :mod:`.understand`)."""
    from .archive import ArchiveProblem
    from .docx import DocxProblem
    from .images import ImageProblem
    from .limits import Limits
    from .pdf import PdfProblem

    limits = Limits(**header["limits"])
    source: str | bytes = payload if payload is not None else str(header["path"])
    rows: list[PageRow] = []
    if header.get("understand"):  # keep the pages to tell the kind and the facts at the end
        send = emit

        def emit(row: PageRow) -> None:
            rows.append(row)
            send(row)

    try:
        if header["type"] == "pdf":
            problems = _read_pdf(source, limits, bool(header.get("ocr")), emit, heartbeat)
        elif header["type"] == "image":
            problems = _read_image(source, limits, bool(header.get("ocr")), emit, heartbeat)
        else:
            problems = _read_docx(source, limits, emit)
    except (PdfProblem, DocxProblem, ArchiveProblem, ImageProblem) as exc:
        problems, failed = [(exc.code, exc.message, None)], True
    except MemoryError:
        message = "读取时内存超出上限（可能是解压炸弹或异常庞大的文件）"
        return {"problems": [("too_large", message, None)], "discard_pages": True, "recycle": True}
    except OSError as exc:
        problems, failed = [("unreadable", f"无法读取文件：{exc}", None)], True
    except Exception as exc:  # a bug of ours: report it as the file's problem, keep going
        message = f"读取时出现内部错误（{type(exc).__name__}: {exc}），请报告此问题"
        problems, failed = [("internal_error", message, None)], True
    else:
        failed = False
    answer: dict[str, Any] = {"problems": problems, "discard_pages": failed}
    if rows and not failed:
        try:
            understood = _understood(rows)
        except MemoryError:
            message = "识别文书时内存超出上限（文书异常庞大）"
            return {
                "problems": [("too_large", message, None)],
                "discard_pages": True,
                "recycle": True,
            }
        if understood is not None:
            answer["understood"] = understood
    return answer


def _understood(rows: list[PageRow]) -> dict[str, Any] | None:
    """Kind and facts of the pages read (:mod:`.understand`), or what went wrong; None when no
    page has usable text (the caller then tells nothing either)."""
    from .types import Page
    from .understand import encode_understood, understand

    pages = [Page(*row) for row in cast("list[tuple[Any, ...]]", rows)]
    if not any(page.usable for page in pages):
        return None
    try:
        return encode_understood(understand(pages))
    except MemoryError:
        raise
    except Exception as exc:  # a bug of ours: the caller reports it as the file's problem
        return {"error": f"{type(exc).__name__}: {exc}"}


def read_inline(header: dict[str, Any], payload: bytes | None) -> dict[str, Any]:
    """:func:`process_task` in this process, pages collected into the answer."""
    pages: list[PageRow] = []
    answer = process_task(header, payload, emit=pages.append, heartbeat=lambda _page: None)
    answer["pages"] = [] if answer.get("discard_pages") else pages
    return answer


# --------------------------------------------------------------------------------------------
# The worker process


def _limit_resources(memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the timeout still applies
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash must not write gigabytes
    if memory_bytes > 0:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def main(argv: list[str] | None = None) -> int:
    """Entry point of a worker process (see :func:`worker_command`); the argument is its
    memory limit in bytes, 0 for none."""
    args = sys.argv[1:] if argv is None else argv
    _limit_resources(int(args[0]) if args else 0)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=PIPE_BUFFER)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    inp = sys.stdin.buffer
    if sys.platform == "win32":  # frames are binary: no newline translation by the C runtime
        import msvcrt

        for fd in (inp.fileno(), out.fileno()):
            msvcrt.setmode(fd, os.O_BINARY)
    # Load the libraries (and the normaliser's dictionaries) before saying we are ready, so the
    # first file does not pay for it and a broken installation shows up as a start failure.
    import pypdfium2  # noqa: F401

    _normalizer()("預熱")

    def heartbeat(page: int) -> None:
        write_frame(out, {"op": "heartbeat", "page": page})

    def emit(row: PageRow) -> None:  # one frame a page: memory stays flat in the page count
        # Not flushed: pages leave in chunks of PIPE_BUFFER bytes (fewer system calls and
        # wake-ups on both sides); the result frame that ends the file flushes the rest.
        write_frame(out, {"op": "page", "page": row}, flush=False)

    write_frame(out, {"op": "ready", "pid": os.getpid()})
    while True:
        frame = read_frame(inp)
        if frame is None:
            out.flush()
            return 0
        header, payload = frame
        answer = process_task(header, payload, emit=emit, heartbeat=heartbeat)
        answer["op"] = "result"
        write_frame(out, answer)
        if answer.get("recycle"):
            return 0


# --------------------------------------------------------------------------------------------
# The pool (parent side)


def finish(code: int) -> NoReturn:
    """End a worker at once. Python's finalisation (tearing down pypdfium2, the OpenCC
    dictionaries and every module) takes tens of milliseconds that the parent would wait for
    when it closes the pool; what must outlive the process — the regular expressions compiled
    here, kept for the next run — is saved first."""
    from .. import rx

    rx.save()
    sys.stderr.flush()
    os._exit(code)


def _package_root() -> str:
    return str(Path(__file__).resolve().parent.parent.parent)


def worker_command(memory_bytes: int) -> list[str]:
    # Not "-m paimai_docs.reading._worker": the package imports this module first, and runpy
    # would then execute a second copy of it as __main__.
    entry = "from paimai_docs.reading._worker import finish, main; finish(main())"
    return [sys.executable, "-c", entry, str(memory_bytes)]


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    ready: bool = False
    task: ReadTask | None = None
    pages: list[Any] = field(default_factory=list)
    deadline: float = 0.0
    started: float = 0.0  # when its file was given to it (or, for a new worker, it was ready)
    tasks_done: int = 0
    retired: bool = False


class WorkerPool:
    """Up to ``size`` long-lived worker processes; :meth:`run` reads tasks through them.

    Use as a context manager (or call :meth:`close`): workers are stopped at the end. Not for
    use by several threads at once; give each thread its own pool.
    """

    def __init__(
        self,
        size: int,
        *,
        memory_bytes: int,
        timeout: float,
        seconds_per_ocr_page: float,
        limits: dict[str, Any],
        command: list[str] | None = None,
        seconds_per_page: float = 0.0,
        understand: bool = False,
    ) -> None:
        self.size = max(1, size)
        self.understand = understand
        self.timeout = timeout
        self.seconds_per_ocr_page = seconds_per_ocr_page
        self.seconds_per_page = seconds_per_page
        self.memory_bytes = memory_bytes
        self.limits = limits
        self.command = command or worker_command(memory_bytes)
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._events: queue.Queue[tuple[_Worker, dict[str, Any] | None]] = queue.Queue()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- workers

    def start(self) -> None:
        """Start the workers now, so that they load their libraries while the caller does
        something else (otherwise each starts with the task it is first given)."""
        while sum(not worker.retired for worker in self._all) < self.size:
            self._idle.append(self._spawn())

    def _spawn(self) -> _Worker:
        env = dict(os.environ)
        root = _package_root()
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        env.setdefault("MALLOC_ARENA_MAX", "2")  # fewer malloc arenas: less address space
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        process = subprocess.Popen(
            self.command,
            bufsize=PIPE_BUFFER,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if os.environ.get(ENV_WORKER_STDERR) else subprocess.DEVNULL,
            env=env,
            creationflags=flags,
        )
        worker = _Worker(process)
        self._all.append(worker)
        threading.Thread(target=self._listen, args=(worker,), daemon=True).start()
        return worker

    def _listen(self, worker: _Worker) -> None:
        stream = worker.process.stdout
        assert stream is not None
        while True:
            frame = read_frame(stream)
            if frame is not None and frame[0].get("op") == "page":
                # Collected here rather than handed to the pool's thread one by one (which
                # would wake it for every page); the result frame that follows hands them over.
                # Pages of a task that failed are reset by the next _send.
                worker.pages.append(frame[0].get("page"))
                continue
            self._events.put((worker, frame[0] if frame else None))
            if frame is None:
                stream.close()
                return

    def _retire(self, worker: _Worker, *, kill: bool) -> tuple[int | None, int | None]:
        """Stop a worker; its exit code and peak memory in bytes (when the platform says)."""
        worker.retired = True
        if worker in self._idle:
            self._idle.remove(worker)
        if worker in self._all:
            self._all.remove(worker)
        process = worker.process
        if not kill:
            with contextlib.suppress(OSError):
                if process.stdin is not None:
                    process.stdin.close()  # a worker ends when its input does
            with contextlib.suppress(subprocess.TimeoutExpired):
                return process.wait(timeout=5), None
        with contextlib.suppress(OSError):
            if hasattr(os, "wait4"):
                # Not Popen.kill: it polls first, which would reap the process and lose its
                # resource usage. Unreaped, the pid cannot have been reused.
                os.kill(process.pid, signal.SIGKILL)
            else:
                process.kill()
        with contextlib.suppress(OSError):
            if process.stdin is not None:
                process.stdin.close()
        return _reap(process)

    def close(self) -> None:
        """Stop every worker: end its input, give it two seconds, then kill it."""
        for worker in self._all:
            worker.retired = True
            with contextlib.suppress(OSError):
                assert worker.process.stdin is not None
                worker.process.stdin.close()
        for worker in self._all:
            try:
                worker.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait()
        self._all.clear()
        self._idle.clear()

    # -- tasks

    def _send(self, worker: _Worker, task: ReadTask) -> bool:
        header = {
            "op": "read",
            "type": task.type,
            "name": task.name,
            "path": task.path,
            "ocr": task.ocr,
            "limits": self.limits,
            "understand": self.understand,
        }
        worker.task = task
        worker.pages = []
        worker.started = time.monotonic()
        worker.deadline = worker.started + (self.timeout if worker.ready else STARTUP_TIMEOUT)
        try:
            assert worker.process.stdin is not None
            write_frame(worker.process.stdin, header, task.data)
        except (OSError, ValueError):
            return False
        return True

    def _failure(self, worker: _Worker, *, timed_out: bool) -> dict[str, Any]:
        task = worker.task
        assert task is not None
        allowed = self._deadline(worker) - worker.started
        worker.task, worker.pages = None, []
        code, rss = self._retire(worker, kill=True)
        if timed_out:
            seconds = f"{allowed:.0f}" if allowed >= 10 else f"{allowed:.1f}"
            problem = ("timeout", f"读取超时（超过 {seconds} 秒），已终止", None)
        elif _ran_out_of_memory(code, rss, self.memory_bytes):
            problem = (
                "too_large",
                "读取时内存超出上限，已终止（可能是解压炸弹或异常庞大的文件）",
                None,
            )
        else:
            problem = ("crashed", f"PDF 解析库崩溃（退出码 {code}），该文件无法读取", None)
        return {"pages": [], "problems": [problem]}

    def run(self, tasks: Iterable[ReadTask]) -> Iterator[tuple[ReadTask, dict[str, Any]]]:
        """Read the tasks, up to ``size`` at a time; yield ``(task, answer)`` as each finishes
        (in no particular order)."""
        pending = iter(tasks)
        busy: list[_Worker] = []
        exhausted = False

        def dispatch() -> Iterator[tuple[ReadTask, dict[str, Any]]]:
            """Give tasks to idle (or new) workers until all are busy or no task is left."""
            nonlocal exhausted
            while not exhausted and len(busy) < self.size:
                task = next(pending, None)
                if task is None:
                    exhausted = True
                    break
                worker = self._idle.pop() if self._idle else self._spawn()
                if not self._send(worker, task):
                    # The worker died between tasks; give the task to a fresh one.
                    self._retire(worker, kill=True)
                    worker = self._spawn()
                    if not self._send(worker, task):
                        self._check_started(worker)
                        yield task, self._failure(worker, timed_out=False)
                        continue
                busy.append(worker)

        try:
            while True:
                yield from dispatch()
                if not busy:
                    return
                now = time.monotonic()
                wait = max(0.0, min(map(self._deadline, busy)) - now)
                try:
                    event: tuple[_Worker, dict[str, Any] | None] | None
                    event = self._events.get(timeout=wait)
                except queue.Empty:
                    event = None
                if event is None:  # a deadline has passed
                    now = time.monotonic()
                    for late in [w for w in busy if self._deadline(w) <= now]:
                        if not late.ready:
                            self._retire(late, kill=True)
                            raise WorkerStartError(
                                f"读取进程未能在 {STARTUP_TIMEOUT:g} 秒内启动 / "
                                "a reader process did not start in time"
                            )
                        busy.remove(late)
                        task = late.task
                        assert task is not None
                        yield task, self._failure(late, timed_out=True)
                    continue
                worker, message = event
                if worker.retired:
                    continue
                if message is None and worker in self._idle:  # died while idle
                    self._retire(worker, kill=True)
                    continue
                if worker not in busy:
                    if message is not None and message.get("op") == "ready":  # started ahead
                        worker.ready = True
                    continue
                if message is None:  # the worker is gone
                    busy.remove(worker)
                    self._check_started(worker)
                    task = worker.task
                    assert task is not None
                    yield task, self._failure(worker, timed_out=False)
                    continue
                op = message.get("op")
                if op == "ready":
                    worker.ready = True
                    worker.started = time.monotonic()
                    worker.deadline = worker.started + self.timeout
                elif op == "heartbeat":
                    worker.deadline += self.seconds_per_ocr_page
                elif op == "result":
                    busy.remove(worker)
                    task = worker.task
                    assert task is not None
                    message["pages"] = [] if message.get("discard_pages") else worker.pages
                    worker.task, worker.pages = None, []
                    worker.tasks_done += 1
                    if message.get("recycle") or worker.tasks_done >= MAX_TASKS_PER_WORKER:
                        self._retire(worker, kill=False)
                    else:
                        self._idle.append(worker)
                    # The next file goes to the worker before the caller gets this one's
                    # answer: the worker reads while the caller works on the answer.
                    yield from dispatch()
                    yield task, message
        finally:
            for worker in busy:
                self._retire(worker, kill=True)

    def _deadline(self, worker: _Worker) -> float:
        """When a worker's file is late: its deadline, extended for each page it has sent (a
        long document is not refused for its length; pages arrive in chunks, so the extension
        may lag by a chunk's worth of pages)."""
        if not worker.ready:
            return worker.deadline
        return worker.deadline + len(worker.pages) * self.seconds_per_page

    def _check_started(self, worker: _Worker) -> None:
        if not worker.ready:
            code, _ = self._retire(worker, kill=True)
            raise WorkerStartError(
                f"读取进程未能启动（退出码 {code}）；设置环境变量 {ENV_WORKER_STDERR}=1 "
                f"可查看其错误输出 / a reader process failed to start (exit code {code})"
            )


def _reap(process: subprocess.Popen[bytes]) -> tuple[int | None, int | None]:
    """Wait for a process; its exit code and, on POSIX, its peak resident memory in bytes."""
    wait4 = getattr(os, "wait4", None)
    if wait4 is not None and process.returncode is None:
        try:
            _, status, usage = wait4(process.pid, 0)
        except ChildProcessError:
            return process.poll(), None
        process.returncode = os.waitstatus_to_exitcode(status)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
        return process.returncode, usage.ru_maxrss * scale
    return process.wait(), None


def _ran_out_of_memory(code: int | None, rss: int | None, limit: int) -> bool:
    if code == -getattr(signal, "SIGKILL", 9):  # not killed by us: the out-of-memory killer
        return True
    return bool(limit and rss is not None and rss >= limit // 2)


def limits_payload(limits: Any) -> dict[str, Any]:
    return asdict(limits)
