"""Regular expressions remembered between runs (paimai_docs.rx): the same pattern objects as
re.compile, a cache that survives the process, and no failure from a bad cache file."""

from __future__ import annotations

import importlib
import os
import pickle
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paimai_docs import rx

PATTERNS = [
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])",
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]",
    r"^(?:[一二三四五六七八九十]+[、.])\s*(?P<title>.+)$",
    r"[^\n\u2e80-\U0010ffff]+",
    r"保证金(?:为|:|：)?\s*(?:人民币)?(?P<amount>[\d,，.]+)\s*(?P<unit>万?元)",
]


@pytest.fixture()
def fresh_rx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """rx with an empty cache in a folder of this test's own."""
    monkeypatch.setenv("PAIMAI_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PAIMAI_NO_CACHE", raising=False)
    monkeypatch.setattr(rx, "_programs", None)
    monkeypatch.setattr(rx, "_new", 0)
    return rx


@pytest.mark.parametrize("flags", [0, re.MULTILINE, re.IGNORECASE | re.VERBOSE])
@pytest.mark.parametrize("pattern", PATTERNS)
def test_same_pattern_as_re(fresh_rx, pattern: str, flags: int) -> None:  # type: ignore[no-untyped-def]
    first = fresh_rx.compile(pattern, flags)  # compiled, and its program kept
    again = fresh_rx.compile(pattern, flags)  # built from the kept program
    expected = re.compile(pattern, flags)
    assert first == expected and again == expected
    assert again.groupindex == expected.groupindex and again.groups == expected.groups
    text = "2026 年 10 月 9 日 拍卖 保证金：20万元\n一、标的 abc"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_every_shipped_pattern_is_the_same_as_re() -> None:
    """Every pattern the package compiled while these tests ran, built from its kept program,
    equals what re.compile makes of it."""
    for module in ("paimai_docs.reading.facts", "paimai_docs.reading.classify",
                   "paimai_docs.engine.hooks", "paimai_docs.reports.common"):  # fmt: skip
        importlib.import_module(module)
    programs = rx._load()
    assert len(programs) > 100
    for key, entry in programs.items():
        if len(key) != 2:  # ("needs", pattern, flags): not a program
            continue
        pattern, flags = key
        assert rx._build(pattern, entry) == re.compile(pattern, flags), pattern


def test_kept_between_processes(tmp_path: Path) -> None:
    env = {**os.environ, "PAIMAI_CACHE_DIR": str(tmp_path)}
    env.pop("PAIMAI_NO_CACHE", None)
    code = "from paimai_docs import rx; print(rx.compile(r'[\\u4e00-\\u9fff]{2,4}公司').pattern)"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    (kept,) = tmp_path.glob("regex-*.pickle")
    with open(kept, "rb") as handle:
        programs = pickle.load(handle)
    assert ("[\\u4e00-\\u9fff]{2,4}公司", 0) in programs
    # a second process merges its own patterns with the first one's
    code2 = "from paimai_docs import rx; rx.compile(r'\\d+号')"
    subprocess.run([sys.executable, "-c", code2], env=env, check=True, capture_output=True)
    with open(kept, "rb") as handle:
        programs = pickle.load(handle)
    assert {("[\\u4e00-\\u9fff]{2,4}公司", 0), ("\\d+号", 0)} <= set(programs)


def test_a_bad_cache_file_is_not_used(fresh_rx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / fresh_rx._file_name()).write_bytes(b"not a pickle")
    assert fresh_rx.compile(r"\d{4}年") == re.compile(r"\d{4}年")


def test_a_wrong_program_is_compiled_afresh(fresh_rx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A kept program the engine refuses (another build of the interpreter) is not trusted."""
    broken = {(r"\d+元", 0): (0, array(rx._WORD, [999999, 1, 2]), 0, {}, ())}
    with open(tmp_path / fresh_rx._file_name(), "wb") as handle:
        pickle.dump(broken, handle)
    assert fresh_rx.compile(r"\d+元") == re.compile(r"\d+元")


def test_errors_are_re_errors(fresh_rx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(re.error):
        fresh_rx.compile(r"(unclosed")


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PAIMAI_CACHE_DIR": str(tmp_path), "PAIMAI_NO_CACHE": "1"}
    code = "from paimai_docs import rx; rx.compile(r'[\\u4e00-\\u9fff]+')"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    assert list(tmp_path.iterdir()) == []


def test_the_same_patterns_in_every_process(tmp_path: Path) -> None:
    """A second check, in a process with another string-hash seed, compiles nothing new: the
    patterns built from sets of labels come out in one order (ties in length broken by the text),
    so the kept programs are found instead of the cache filling with reorderings of the same
    alternation."""
    example = next((Path(__file__).parent.parent / "examples" / "bundles").rglob("*.pdf"))
    code = (
        "import sys\n"
        "from paimai_docs import rx\n"
        "from paimai_docs.checker import check_bundle\n"
        "check_bundle([sys.argv[1]])\n"
        "print(rx._new)\n"
        "rx.save()\n"
    )
    counts = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PAIMAI_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        env.pop("PAIMAI_NO_CACHE", None)
        done = subprocess.run([sys.executable, "-c", code, str(example)], env=env, check=True,
                              capture_output=True, text=True)  # fmt: skip
        counts.append(int(done.stdout.split()[-1]))
    assert counts[0] > 100 and counts[1:] == [0, 0], counts


# -- what every match contains (rx.needs, rx.may_match)

_PIECES = st.sampled_from(
    [
        "拍卖",
        "保证金",
        "评估",
        "a",
        "b",
        "ab",
        "(?:综合)?",
        "(?:拍卖|变卖)",
        "[价值]",
        r"\d+",
        "(?=公告)",
        "(?<!不)",
        "(?:中止|终止)?",
        "x{2}",
        "(?:ab){0,2}",
        "(?:ab){1,2}",
        "^",
        "$",
        r"\s*",
        ".",
        "(?:评估师|估价师|)",
        "(元)",
        "(?i:ab)",
    ]
)
_TEXT = st.text(alphabet="拍卖保证金评估价值中止终变公告不元ab AB12\nx", max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=4), min_size=1, max_size=3), _TEXT)
def test_a_text_without_what_a_pattern_needs_has_no_match(branches, text) -> None:  # type: ignore[no-untyped-def]
    pattern = re.compile("|".join("".join(pieces) for pieces in branches), re.M)
    if not rx.may_match(pattern, text):
        assert pattern.search(text) is None, (pattern.pattern, text, rx.needs(pattern))


def test_what_patterns_need() -> None:
    assert rx.needs(re.compile(r"(?:资产)?评估师|估价师|评估机构")) == (
        ("估价师", "评估师", "评估机构"),
    )
    assert rx.needs(re.compile(r"(?:中止|终止)(?:本次)?(?:拍卖|变卖)")) == (
        ("中止", "终止"), ("变卖", "拍卖"))  # fmt: skip
    assert rx.needs(re.compile(r"(?<![^\s|])(?:(?:综合)?成新率|重置(?:价|成本))")) == (
        ("成新率", "重置"),
    )
    # nothing to go by: a class, an optional or empty alternative, case-insensitive
    for pattern in (r"\d+元?", r"a|b?", r"(?:拍卖)?", r"(?i)abc", r"[拍卖]+"):
        assert rx.needs(re.compile(pattern)) is None, pattern
    assert rx.may_match(re.compile(r"\d+"), "")  # None: it may


def test_shipped_cues_never_miss_a_match() -> None:
    """The classifier's cues skipped for what they need never match the probe documents' texts
    (the shortcut only ever says no where the engine would)."""
    from paimai_docs.reading.classify import _rules
    from paimai_docs.reading.normalize import normalize

    texts = []
    for path in sorted((Path(__file__).parent / "cases" / "probes").rglob("*.txt"))[::3]:
        texts.append(normalize(path.read_text(encoding="utf-8")))
    assert texts
    checked = 0
    for cue in _rules().content + _rules().titles:
        for text in texts:
            if not rx.all_found(cue.needs, text):
                checked += 1
                assert cue.pattern.search(text) is None, (cue.pattern.pattern, text[:60])
    assert checked > 100


_AMOUNT_PIECES = [
    "12,000", "5", "万", "元", "人民币", "壹佰万元", "整", "的", "为", "作为", "起拍", "起拍价",
    "评估价", "底价", "保留价", "开拍", ",", "，", "。", "本次拍卖的", "abc", "1.5", "\n", "按",
    "以", "(", ")",
]  # fmt: skip


@given(st.lists(st.sampled_from(_AMOUNT_PIECES), max_size=40))
@settings(max_examples=400, deadline=None)
def test_searching_before_the_ends_finds_what_finditer_finds(pieces: list[str]) -> None:
    from paimai_docs.reading import facts_money as money

    text = "".join(pieces)
    for pattern, ends in (
        (money._STARTS_AT, money._STARTS_WORDS),
        (money._PRICE_AFTER, money._PRICE_AFTER_WORDS),
    ):
        found = [m.span() for m in rx.finditer_before(pattern, text, ends)]
        assert found == [m.span() for m in pattern.finditer(text)], text


def test_searching_before_the_ends_of_a_plain_pattern() -> None:
    pattern = re.compile(r"\d+(?:元|万元)起拍")
    text = "甲100元起拍，乙3万元起拍；丙起拍；丁200元起拍"
    spans = [m.group() for m in rx.finditer_before(pattern, text, ("起拍",), reach=8)]
    assert spans == ["100元起拍", "3万元起拍", "200元起拍"]
    assert list(rx.finditer_before(pattern, "没有结尾", ("起拍",))) == []
