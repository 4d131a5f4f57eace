"""Regular expressions compiled once per machine, not once per run.

The reader, the classifier and the rules use some 600 regular expressions, many with classes of
Chinese characters (``[\\u4e00-\\u9fff]``). Python compiles a pattern in pure Python, and a class
that spans thousands of characters costs a millisecond or more: together about 0.2 s on every
``paimai check``, more than reading a one-page PDF. :func:`compile` is :func:`re.compile` with a
memory: the first run compiles as usual and keeps each pattern's compiled program in the cache
folder (:mod:`.cache`); later runs build the pattern object from the kept program, in
microseconds. The objects are the same — ``rx.compile(p) == re.compile(p)`` (a pattern compares
equal when its text, flags and program are equal; a test holds every shipped pattern to this).

The program is the input of ``_sre.compile``, which is internal to CPython and may change with
its version: the cache is keyed by the interpreter's version and the engine's magic number, and
anything unexpected (another interpreter, a changed internal) falls back to :func:`re.compile`.
The file holds at most :data:`MAX_ENTRIES` patterns; it is written when the process ends, merged
with what other processes wrote meanwhile.
"""

from __future__ import annotations

import atexit
import importlib
import re
import sys
import threading
from array import array
from typing import Any

from .cache import load_pickle, store_pickle

__all__ = ["MAX_ENTRIES", "compile"]

MAX_ENTRIES = 5000

_sre: Any
_compiler: Any
_parser: Any
try:  # CPython's regular expression engine and compiler (re._compiler: 3.11 and later)
    _sre = importlib.import_module("_sre")
    try:
        _compiler = importlib.import_module("re._compiler")
        _parser = importlib.import_module("re._parser")
    except ModuleNotFoundError:  # Python 3.10
        _compiler = importlib.import_module("sre_compile")
        _parser = importlib.import_module("sre_parse")
    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-a"
    _WORD = "I" if array("I").itemsize == _sre.CODESIZE else "L"
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _sre = None
    _TAG = ""
    _WORD = "L"

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments,
# the code as an array of machine words (a few thousand patterns load in milliseconds)
_Entry = tuple[int, "array[int]", int, dict[str, int], tuple[str | None, ...]]
_programs: dict[tuple[str, int], _Entry] | None = None
_new = 0
_lock = threading.Lock()


def _file_name() -> str:
    return f"regex-{_TAG}.pickle"


def _load() -> dict[tuple[str, int], _Entry]:
    global _programs
    if _programs is None:
        loaded = load_pickle(_file_name()) if _sre is not None else None
        _programs = loaded if isinstance(loaded, dict) else {}
    return _programs


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    compiled: re.Pattern[str] = _sre.compile(
        pattern, flags, code.tolist(), groups, groupindex, indexgroup
    )
    return compiled


def _program(pattern: str, flags: int) -> _Entry:
    """What :func:`re._compiler.compile` hands to ``_sre.compile`` (the same steps)."""
    parsed = _parser.parse(pattern, flags)
    code = array(_WORD, _compiler._code(parsed, flags))
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))  # fmt: skip


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """:func:`re.compile`, remembered between runs (see the module doc)."""
    global _new
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    with _lock:
        programs = _load()
        entry = programs.get((pattern, flags))
    if entry is not None:
        try:
            return _build(pattern, entry)
        except Exception:  # a program this interpreter does not take: compile afresh
            pass
    try:
        entry = _program(pattern, flags)
        compiled = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # pragma: no cover - the internals changed: the public way
        return re.compile(pattern, flags)
    with _lock:
        if len(programs) < MAX_ENTRIES:
            programs[(pattern, flags)] = entry
            _new += 1
    return compiled


@atexit.register
def save() -> None:
    """Keep what this process compiled, with what other processes kept meanwhile (done at
    exit; a process that ends with ``os._exit`` calls it first)."""
    global _new
    if not _new or _programs is None:
        return
    _new = 0
    merged: dict[tuple[str, int], Any] = {}
    on_disk = load_pickle(_file_name())
    if isinstance(on_disk, dict):
        merged.update(on_disk)
    merged.update(_programs)
    if len(merged) > MAX_ENTRIES:  # the oldest first: keep the newest
        merged = dict(list(merged.items())[-MAX_ENTRIES:])
    store_pickle(_file_name(), merged, replaces=f"regex-{sys.implementation.cache_tag}-")
