"""``paimai serve``: the checking service (web page and HTTP API), see ``docs/service.md``.

Needs the ``serve`` extra (FastAPI, uvicorn, python-multipart; Dask for scale-out).
"""

from __future__ import annotations

import argparse
import sys

from paimai_docs.commands import command_help

from ..exitcodes import ExitCode
from ..lang import say
from ._common import lang_of


def _missing_extra(lang: str) -> str:
    return say(
        '网页服务需要安装可选组件：pip install "paimai-docs[serve]"',
        'the service needs an optional extra: pip install "paimai-docs[serve]"',
        lang,
    )


def _cannot_listen(host: str, port: int, lang: str) -> str | None:
    """Why the service could not listen on host:port (in use, not an address here), or None."""
    import errno
    import socket

    from ._common import os_error_text

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        if getattr(exc, "errno", None) == errno.EADDRINUSE:
            return say("端口已被占用", "the port is in use", lang)
        if getattr(exc, "errno", None) == errno.EADDRNOTAVAIL:
            return say("不是本机的地址", "not an address of this machine", lang)
        return os_error_text(exc, lang)
    return None


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        import uvicorn

        from ..service.app import ServiceConfig, create_app
    except ImportError:
        print(_missing_extra(lang), file=sys.stderr)
        return ExitCode.USAGE
    from ..errors import PaimaiError
    from ..executor import ExecutorError, open_executor, parse_executor
    from ..reading.limits import parse_size

    try:
        max_upload = parse_size(args.max_upload) if args.max_upload else None
        config = ServiceConfig.from_env(
            max_upload_bytes=max_upload,
            timeout_seconds=args.timeout,
            token=args.token,
            executor=args.executor,
            workers=args.workers,
            keep_uploads=args.keep_uploads,
        )
        parse_executor(config.executor)  # an unknown spec is a usage error, said before start
    except ExecutorError as exc:
        print(exc.message(lang), file=sys.stderr)
        return ExitCode.USAGE
    except (PaimaiError, ValueError):
        print(
            say(
                "选项或环境变量有误（--max-upload 如 50M；--timeout、--workers 为数字）",
                "a bad option or environment variable (--max-upload like 50M; --timeout and "
                "--workers are numbers)",
                lang,
            ),
            file=sys.stderr,
        )
        return ExitCode.USAGE
    if parse_executor(config.executor).kind == "dask":  # a wrong address fails now, not later
        try:
            probe = open_executor(
                config.executor, workers=config.workers, lang=lang,
                warn=lambda text: print(text, file=sys.stderr),
            )  # fmt: skip
        except ExecutorError as exc:
            print(exc.message(lang), file=sys.stderr)
            return ExitCode.USAGE
        if probe is not None:
            probe.close()
    problem = _cannot_listen(args.host, args.port, lang)
    if problem is not None:
        print(
            say(f"无法在 {args.host}:{args.port} 上监听（{problem}）",
                f"cannot listen on {args.host}:{args.port} ({problem})", lang),
            file=sys.stderr,
        )  # fmt: skip
        return ExitCode.USAGE
    where = f"http://{args.host}:{args.port}/"
    started = say(
        f"检查服务已启动：{where}（Ctrl+C 停止）", f"serving on {where} (Ctrl+C stops)", lang
    )
    print(started, file=sys.stderr)
    uvicorn.run(
        create_app(config), host=args.host, port=args.port, log_level="warning",
        access_log=False,
    )  # fmt: skip
    return ExitCode.OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = subparsers.add_parser(
        "serve",
        help=command_help("serve"),
        description="启动检查服务：网页上传案卷、查看报告、下载补正通知书；接口 POST /api/check。",
    )
    serve.add_argument("--host", default="127.0.0.1", help="监听地址，默认 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="端口，默认 8000")
    serve.add_argument("--token", help="访问令牌（也可用环境变量 PAIMAI_TOKEN）")
    serve.add_argument(
        "--max-upload", help="上传大小上限，如 50M（默认 50M，环境变量 PAIMAI_MAX_UPLOAD）"
    )
    serve.add_argument(
        "--timeout", type=float, help="每个案卷的检查时限（秒，默认 120，环境变量 PAIMAI_TIMEOUT）"
    )
    serve.add_argument("--workers", type=int, help="本机同时检查的案卷数（默认 CPU 数，至少 2）")
    serve.add_argument(
        "--executor",
        help="在 Dask 集群上检查：local-dask 或 dask://主机:端口（环境变量 PAIMAI_EXECUTOR）",
    )
    serve.add_argument(
        "--keep-uploads",
        metavar="DIR",
        help="把每次上传的材料保存到该目录（默认不保存，答复后即删除）",
    )
    serve.set_defaults(func=run)
