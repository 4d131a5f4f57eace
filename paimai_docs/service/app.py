"""The checking service: a FastAPI application (``create_app``) served by uvicorn.

=========================  ===================================================================
``GET /``                  the upload page (Chinese; plain HTML and JavaScript from the package)
``POST /api/check``        multipart ``bundle`` (a .zip or several files) and the options of
                           ``paimai check``; answers its report (JSON by default)
``GET /api/rules``         the rules (``paimai rules --format json``), ``?scope=`` filters
``GET /api/rules/{id}``    one rule (``paimai explain ID --format json``)
``GET /healthz``           liveness
``GET /openapi.json``      the OpenAPI description
=========================  ===================================================================

Errors are JSON ``{"error": {"code": …, "message": …}}`` in Chinese (English with
``lang=en``). Checking runs in worker threads or on Dask workers (:mod:`paimai_docs.executor`),
never on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import json
import os
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..executor import ENV_EXECUTOR, ThreadExecutor, open_executor
from ..lang import DEFAULT, Lang, resolve, say
from .packet import Answer, Packet, check_packet, close_readers

__all__ = ["ServiceConfig", "create_app"]

MiB = 1 << 20
ENV_TOKEN = "PAIMAI_TOKEN"
ENV_MAX_UPLOAD = "PAIMAI_MAX_UPLOAD"
ENV_TIMEOUT = "PAIMAI_TIMEOUT"
ENV_KEEP_UPLOADS = "PAIMAI_KEEP_UPLOADS"
ENV_WORKERS = "PAIMAI_SERVE_WORKERS"

FORMATS = ("json", "sarif", "html", "docx", "text")
STAGES = ("before", "after", "failed", "sold")
MEDIA_TYPES = {
    "json": "application/json",
    "sarif": "application/sarif+json",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text": "text/plain; charset=utf-8",
}
DOWNLOAD_NAMES = {
    "json": ("检查报告.json", "report.json"),
    "sarif": ("检查报告.sarif", "report.sarif"),
    "html": ("检查报告.html", "report.html"),
    "docx": ("补正通知书.docx", "notice.docx"),
    "text": ("检查报告.txt", "report.txt"),
}


@dataclass
class ServiceConfig:
    """The service's settings; :meth:`from_env` reads the ``PAIMAI_*`` variables."""

    max_upload_bytes: int = 50 * MiB
    timeout_seconds: float = 120.0
    token: str | None = None
    executor: str | None = None  # None: $PAIMAI_EXECUTOR, else threads of this process
    workers: int = field(default_factory=lambda: max(2, os.cpu_count() or 1))
    keep_uploads: str | None = None  # a folder to keep every upload in (off by default)
    max_files: int = 1000

    @classmethod
    def from_env(cls, **given: Any) -> ServiceConfig:
        """Options given (not None) win over the environment, the environment over defaults."""
        from ..reading.limits import parse_size

        values: dict[str, Any] = {}
        env = os.environ
        if env.get(ENV_TOKEN):
            values["token"] = env[ENV_TOKEN]
        if env.get(ENV_MAX_UPLOAD):
            values["max_upload_bytes"] = parse_size(env[ENV_MAX_UPLOAD])
        if env.get(ENV_TIMEOUT):
            values["timeout_seconds"] = float(env[ENV_TIMEOUT])
        if env.get(ENV_KEEP_UPLOADS):
            values["keep_uploads"] = env[ENV_KEEP_UPLOADS]
        if env.get(ENV_WORKERS):
            values["workers"] = int(env[ENV_WORKERS])
        if env.get(ENV_EXECUTOR):
            values["executor"] = env[ENV_EXECUTOR]
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)


class ServiceError(Exception):
    """An answer other than 200, with our code and message."""

    def __init__(
        self, status: int, code: str, zh: str, en: str | None = None, lang: str | None = None
    ) -> None:
        super().__init__(code)
        self.lang = lang
        self.status = status
        self.code = code
        self.zh = zh
        self.en = en or zh


class UploadTooLarge(Exception):
    pass


def _lang(value: str | None) -> Lang:
    """A request's ``lang`` (query parameter or form field); Chinese when it is not given."""
    return resolve(value or DEFAULT)


def _lang_of(request: Request) -> Lang:
    return _lang(request.query_params.get("lang"))


def error_response(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers or None
    )


def _size_text(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n / 1024:.0f} KB"


def _too_large(limit: int, lang: str) -> JSONResponse:
    return error_response(
        413,
        "upload_too_large",
        say(
            f"上传的材料超过 {_size_text(limit)} 的上限，请分批上传或联系管理员调整上限",
            f"the upload exceeds the limit of {_size_text(limit)}; upload it in parts",
            lang,
        ),
    )


ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


class UploadLimit:
    """Refuse a request body above ``limit`` bytes with 413: at once when Content-Length says
    so, else as soon as the bytes received pass the limit (a chunked upload)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT"):
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        lang = _lang(query.get("lang", [None])[0])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(self.limit, lang)(scope, receive, send)
            return
        received = 0

        async def limited() -> Any:
            nonlocal received
            message = await receive()
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise UploadTooLarge()
            return message

        started = False

        async def tracked(message: Any) -> None:
            nonlocal started
            if message.get("type") == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracked)
        except UploadTooLarge:
            if not started:
                await _too_large(self.limit, lang)(scope, receive, send)


def _page() -> str:
    return resources.files(__package__).joinpath("static/index.html").read_text(encoding="utf-8")


def _rule_dicts(scope: str | None = None) -> list[dict[str, object]]:
    from ..engine import load_rules
    from ..engine.explain import rule_as_dict

    return [rule_as_dict(r) for r in load_rules() if scope is None or r.applies_to(scope)]


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    """The service's application. ``config`` defaults to :meth:`ServiceConfig.from_env`."""
    config = config or ServiceConfig.from_env()
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        remote = open_executor(
            config.executor or "local",
            workers=config.workers,
            warn=lambda text: print(text, file=sys.stderr),
        )
        state["executor"] = remote or ThreadExecutor(config.workers)
        # Packets waiting for a thread or a worker: a cluster queues them itself.
        slots = config.workers * 4 if remote is None else max(256, remote.workers * 4)
        state["slots"] = asyncio.Semaphore(slots)
        try:
            yield
        finally:
            state["executor"].close()
            close_readers()

    app = FastAPI(
        title="paimai-docs 拍卖文书检查服务",
        description=(
            "上传案卷（.zip、文件夹中的文件或若干 PDF/.docx），得到与 `paimai check` 相同的检查"
            '报告。错误答复为 `{"error": {"code": …, "message": …}}`。'
        ),
        version=__version__,
        docs_url=None,  # the Swagger and ReDoc pages load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(UploadLimit, limit=config.max_upload_bytes)
    app.state.config = config

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        message = say(exc.zh, exc.en, exc.lang or _lang_of(request))
        return error_response(exc.status, exc.code, message, **headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        texts = {
            404: ("not_found", "没有这个地址", "no such address"),
            405: ("method_not_allowed", "不支持这种请求方法", "method not allowed"),
        }
        code, zh, english = texts.get(exc.status_code, ("http_error", "请求有误", "bad request"))
        return error_response(exc.status_code, code, say(zh, english, _lang_of(request)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(
            422,
            "invalid_request",
            say("请求参数有误", "request parameters are invalid", _lang_of(request)),
        )

    def authorize(request: Request) -> None:
        if not config.token:
            return
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), config.token.encode()
        ):
            raise ServiceError(
                401,
                "unauthorized",
                "需要有效的访问令牌（请求头 Authorization: Bearer 令牌）",
                "a valid token is needed (header Authorization: Bearer TOKEN)",
            )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(_page())

    @app.get("/healthz", summary="存活检查 / liveness")
    async def healthz() -> dict[str, Any]:
        executor = state.get("executor")
        return {
            "status": "ok",
            "version": __version__,
            "executor": getattr(executor, "name", "local"),
            "workers": getattr(executor, "workers", 0),
        }

    @app.get("/api/rules", summary="规则列表 / the rules (paimai rules --format json)")
    async def rules(request: Request, scope: str | None = None) -> JSONResponse:
        authorize(request)
        from ..vocabulary import SCOPES

        if scope is not None and scope not in SCOPES:
            raise ServiceError(
                422, "invalid_scope", f"未知的业务范围：{scope}（可选：{'、'.join(SCOPES)}）",
                f"unknown scope: {scope} (one of {', '.join(SCOPES)})",
            )  # fmt: skip
        return JSONResponse(_rule_dicts(scope))

    @app.get("/api/rules/{rule_id}", summary="一条规则 / one rule (paimai explain ID)")
    async def rule(request: Request, rule_id: str) -> JSONResponse:
        authorize(request)
        from ..engine import get_rule
        from ..engine.explain import rule_as_dict
        from ..engine.spec import RuleFileError

        try:
            found = get_rule(rule_id.upper())
        except RuleFileError:
            raise ServiceError(
                404, "unknown_rule", f"未知的规则编号：{rule_id}", f"unknown rule: {rule_id}"
            ) from None
        return JSONResponse(rule_as_dict(found))

    @app.post(
        "/api/check",
        summary="检查一个案卷 / check a bundle",
        description=(
            "multipart/form-data：`bundle` 为一个 .zip 或若干文件（可重复）；可选 `scope`、"
            "`stage`、`profile`（内置配置编号）、`lang`（zh/en）、`format`（json/sarif/html/docx/"
            "text，也可放在查询参数中；`Accept: application/sarif+json` 得到 SARIF）、`today`、"
            "`addressee`（补正通知书的收件单位）。答复与 `paimai check --format …` 相同；"
            "响应头 `X-Paimai-Exit-Code` 为命令行的退出码。"
        ),
        responses={
            200: {
                "description": "检查报告（默认 JSON，见 docs/report-schema.json）",
                "content": {m.split(";")[0]: {} for m in MEDIA_TYPES.values()},
            },
            401: {"description": "缺少或错误的访问令牌"},
            413: {"description": "上传的材料超过上限"},
            422: {"description": "选项有误，或上传的材料中没有可读取的文书"},
            504: {"description": "检查超时"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["bundle"],
                            "properties": {
                                "bundle": {
                                    "type": "array",
                                    "items": {"type": "string", "format": "binary"},
                                },
                                "scope": {"type": "string", "enum": list(_scopes())},
                                "stage": {"type": "string", "enum": list(STAGES)},
                                "profile": {"type": "string", "enum": list(_profiles())},
                                "lang": {"type": "string", "enum": ["zh", "en"]},
                                "format": {"type": "string", "enum": list(FORMATS)},
                                "today": {"type": "string", "format": "date"},
                                "addressee": {"type": "string"},
                            },
                        }
                    }
                },
            }
        },
    )
    async def check(request: Request) -> Response:
        authorize(request)
        lang = _lang_of(request)
        try:
            form = await request.form(max_files=config.max_files, max_fields=50)
        except UploadTooLarge:
            return _too_large(config.max_upload_bytes, lang)
        except Exception:  # a body that is no multipart form: our words, not the parser's
            raise ServiceError(
                422, "invalid_upload", "上传的内容无法解析，应为 multipart/form-data 表单",
                "the upload cannot be parsed; send multipart/form-data",
            ) from None  # fmt: skip
        try:
            packet = await _packet(request, form, lang)
        finally:
            await form.close()
        if config.keep_uploads:
            _keep(Path(config.keep_uploads), packet)
        answer = await _run(packet)
        if answer.status != 200:
            return error_response(answer.status, answer.error_code or "error", answer.message or "")
        zh_name, en_name = DOWNLOAD_NAMES[packet.fmt]
        name = say(zh_name, en_name, packet.lang)
        headers = {
            "X-Paimai-Exit-Code": str(answer.exit_code),
            "Content-Disposition": f"inline; filename=\"{en_name}\"; filename*=UTF-8''"
            + quote(name),
        }
        if packet.fmt == "docx":
            headers["Content-Disposition"] = headers["Content-Disposition"].replace(
                "inline", "attachment", 1
            )
        return Response(answer.report, media_type=MEDIA_TYPES[packet.fmt], headers=headers)

    async def _packet(request: Request, form: Any, lang: str) -> Packet:
        def field_value(name: str) -> str | None:
            value = form.get(name)
            if value is None:
                value = request.query_params.get(name)
            if isinstance(value, UploadFile):
                return None
            return value.strip() or None if isinstance(value, str) else None

        given = field_value("lang")  # a form field, else the query parameter
        if given:
            lang = _lang(given)
        fmt = field_value("format")
        if fmt is None:
            accept = request.headers.get("accept", "")
            fmt = next(
                (f for f in ("sarif", "docx") if MEDIA_TYPES[f].split(";")[0] in accept), "json"
            )
        scope, stage, profile = field_value("scope"), field_value("stage"), field_value("profile")
        problems = []
        if fmt not in FORMATS:
            problems.append(
                (
                    f"报告格式 {fmt} 不可用（可选：{'、'.join(FORMATS)}）",
                    f"format {fmt} is not available ({', '.join(FORMATS)})",
                )
            )
        if scope is not None and scope not in _scopes():
            problems.append(
                (
                    f"未知的业务范围：{scope}（可选：{'、'.join(_scopes())}）",
                    f"unknown scope: {scope} (one of {', '.join(_scopes())})",
                )
            )
        if stage is not None and stage not in STAGES:
            problems.append(
                (
                    f"未知的阶段：{stage}（可选：{'、'.join(STAGES)}）",
                    f"unknown stage: {stage} (one of {', '.join(STAGES)})",
                )
            )
        if profile is not None and profile not in _profiles():
            problems.append(
                (
                    f"未知的内置配置：{profile}（可选：{'、'.join(_profiles())}）",
                    f"unknown built-in profile: {profile}",
                )
            )
        if scope is not None and profile is not None:
            problems.append(("scope 与 profile 只能选一个", "use scope or profile, not both"))
        today = None
        if field_value("today"):
            try:
                today = dt.date.fromisoformat(field_value("today") or "")
            except ValueError:
                problems.append(("today 应为 YYYY-MM-DD", "today must be YYYY-MM-DD"))
        if problems:
            raise ServiceError(
                422, "invalid_option", "；".join(p[0] for p in problems),
                "; ".join(p[1] for p in problems), lang=lang,
            )  # fmt: skip
        uploads = [f for f in form.getlist("bundle") if isinstance(f, UploadFile)]
        if not uploads:
            raise ServiceError(
                422, "no_upload", "没有收到文件：请在表单字段 bundle 中上传 .zip 或文书文件",
                "no file received: upload a .zip or documents in the form field bundle", lang=lang,
            )  # fmt: skip
        files = []
        for upload in uploads:
            files.append((upload.filename or "upload", await upload.read()))
        options: dict[str, Any] = {}
        if field_value("addressee"):
            options["addressee"] = field_value("addressee")
        return Packet(
            files=tuple(files), scope=scope, profile=profile, stage=stage, lang=lang,
            fmt=fmt, today=today, options=options,
        )  # fmt: skip

    async def _run(packet: Packet) -> Answer:
        executor = state["executor"]
        async with state["slots"]:
            future = executor.submit(check_packet, packet)
            loop = asyncio.get_running_loop()
            finished = loop.create_future()

            def wake(_: Any) -> None:  # called in a thread of the pool or of Dask's client
                loop.call_soon_threadsafe(
                    lambda: None if finished.done() else finished.set_result(None)
                )

            # No thread waits for a packet: many can be out on a cluster at once.
            future.add_done_callback(wake)
            try:
                await asyncio.wait_for(finished, config.timeout_seconds)
                answer: Answer = await asyncio.to_thread(future.result, config.timeout_seconds)
            except (FutureTimeout, TimeoutError, asyncio.TimeoutError):
                future.cancel()
                seconds = f"{config.timeout_seconds:g}"
                return Answer(
                    504, error_code="timeout",
                    message=say(f"检查超过 {seconds} 秒未完成，已放弃；请分批上传或联系管理员",
                                f"the check took longer than {seconds} s and was given up",
                                packet.lang),
                )  # fmt: skip
            except Exception as exc:  # a worker that died, a lost cluster: our words
                name = type(exc).__name__
                return Answer(
                    500, error_code="internal_error",
                    message=say(f"内部错误（{name}），未能完成检查，请稍后重试",
                                f"internal error ({name}); the check did not finish",
                                packet.lang),
                )  # fmt: skip
        return answer

    return app


def _scopes() -> tuple[str, ...]:
    from ..vocabulary import SCOPES

    return tuple(SCOPES)


def _profiles() -> tuple[str, ...]:
    from ..engine.profiles import builtin_profiles

    return tuple(builtin_profiles())


def _keep(folder: Path, packet: Packet) -> None:
    """Keep the upload (only when the deployment asks for it: ``--keep-uploads``)."""
    from .packet import safe_name

    target = folder / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}"
    for index, (name, data) in enumerate(packet.files, start=1):
        path = target / safe_name(name, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (target / "options.json").write_text(
        json.dumps(
            {"scope": packet.scope, "profile": packet.profile, "stage": packet.stage,
             "lang": packet.lang, "format": packet.fmt},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )  # fmt: skip
