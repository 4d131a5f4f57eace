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
from collections.abc import Iterator
from typing import Any

from .cache import load_pickle, store_pickle

__all__ = ["MAX_ENTRIES", "Needs", "all_found", "compile", "may_match", "needs"]

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
    # the last letter: the version of what is kept (bump it when _needs changes what it finds)
    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-b"
    _WORD = "I" if array("I").itemsize == _sre.CODESIZE else "L"
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _sre = None
    _TAG = ""
    _WORD = "L"

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments,
# the code as an array of machine words (a few thousand patterns load in milliseconds)
_Entry = tuple[int, "array[int]", int, dict[str, int], tuple[str | None, ...]]
# also ("needs", pattern, flags) -> the literals one of which every match contains (see needs)
_programs: dict[Any, Any] | None = None
_new = 0
_lock = threading.Lock()


def _file_name() -> str:
    return f"regex-{_TAG}.pickle"


def _load() -> dict[Any, Any]:
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
    _keep((pattern, flags), entry)
    return compiled


def _keep(key: tuple[Any, ...], value: Any) -> None:
    global _new
    with _lock:
        programs = _load()
        if len(programs) < MAX_ENTRIES:
            programs[key] = value
            _new += 1


_NO_NEEDS = ()  # kept for a pattern whose matches need no particular text

Needs = tuple[tuple[str, ...], ...]
"""Groups of literals: every match contains one literal of each group."""


def needs(pattern: re.Pattern[str]) -> Needs | None:
    """What every match of ``pattern`` contains: groups of literal strings, one of each group
    (None when the pattern does not say: a class, any character, case-insensitive …). A text
    without one of a group cannot match, which ``str.__contains__`` tells many times faster
    than the regular expression engine, whose search tries the pattern at every character
    unless the pattern starts with a literal. Found from the parsed pattern once and kept like
    the programs. ``(?:资产)?评估师|估价师`` needs ``评估师`` or ``估价师``;
    ``(?:中止|终止)(?:拍卖|变卖)`` needs ``中止`` or ``终止``, and ``拍卖`` or ``变卖``."""
    key = ("needs", pattern.pattern, pattern.flags)
    if _sre is not None:
        with _lock:
            kept = _load().get(key)
        if kept is not None:
            return kept or None
    found: Needs | None = None
    if _sre is not None and not pattern.flags & re.IGNORECASE:
        try:
            groups = _needs(_parser.parse(pattern.pattern, pattern.flags).data)
        except Exception:  # pragma: no cover - the internals changed: no shortcut
            groups = []
        found = tuple(sorted(tuple(sorted(group)) for group in set(groups))) or None
        _keep(key, found or _NO_NEEDS)
    return found


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``pattern`` cannot match anywhere in ``text`` (see :func:`needs`); True
    means only that it may."""
    return all_found(needs(pattern), text)


def all_found(groups: Needs | None, text: str) -> bool:
    """One literal of each group is in ``text`` (:func:`may_match` with the needs at hand)."""
    if groups is None:
        return True
    for group in groups:
        for item in group:
            if item in text:
                break
        else:
            return False
    return True


def finditer_before(
    pattern: re.Pattern[str], text: str, ends: tuple[str, ...], reach: int = 64
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern whose every match ends with one of
    the literals ``ends`` and starts at most ``reach`` characters before it, and which looks
    neither past its end nor further back than a lookbehind: searched only in front of each
    place an end stands. A pattern that starts with a class, an alternation or a lookbehind
    (an amount before 起拍) is otherwise tried at every character of the text; this way the
    cost follows the number of ends, not the length of the text."""
    spots = sorted({at for end in ends for at in _occurrences(text, end)})
    longest = max(map(len, ends))
    position = 0
    for spot in spots:
        if spot + longest <= position:
            continue
        match = pattern.search(text, max(position, spot - reach), spot + longest)
        if match is not None:
            yield match
            position = max(match.end(), match.start() + 1)


def _occurrences(text: str, literal: str) -> Iterator[int]:
    at = text.find(literal)
    while at >= 0:
        yield at
        at = text.find(literal, at + 1)


def _needs(items: Any) -> list[frozenset[str]]:
    """What a match of the parsed sequence ``items`` contains, as groups of literals (one of
    each): its runs of literal characters, and what its mandatory groups, repeats and
    alternations contain (an alternation: the most selective group of each alternative, all
    alternatives together). Lookarounds, anchors and classes are passed over: what they ask
    for comes in addition."""
    constants = _parser
    groups: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append(frozenset({"".join(run)}))
            run = []
        if op is constants.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            if not add_flags & re.IGNORECASE:
                groups.extend(_needs(inner.data))
        elif op is constants.BRANCH:
            best = [max(found, key=_strength) if found else None
                    for found in (_needs(branch.data) for branch in av[1])]  # fmt: skip
            if all(best):
                groups.append(frozenset().union(*best))  # type: ignore[arg-type]
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
            groups.extend(_needs(av[2].data))
    if run:
        groups.append(frozenset({"".join(run)}))
    return groups


def _strength(literals: frozenset[str]) -> tuple[int, int]:
    """The shortest literal first (a longer one is rarer), then fewer alternatives."""
    return (min(len(literal) for literal in literals), -len(literals))


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
