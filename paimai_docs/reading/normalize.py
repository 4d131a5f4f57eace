"""Normalise extracted text for matching, and map what was matched back to the original.

What :func:`normalize` does, in order:

1. line breaks unified to ``\\n``; zero-width and other control characters dropped;
2. NFKC, character by character: full-width digits, letters and punctuation become ASCII
   (``２０２６`` → ``2026``, ``：`` → ``:``, ``（`` → ``(``, ``，`` → ``,``); ``。``, ``、``,
   ``《》`` and ``〇`` stay as they are;
3. dashes (—–―−…) become ``-``, ratio colons (``∶``) ``:``, the other brackets (``〔〕【】〖〗``)
   ``[]``, corner quotes (``「」『』``) curly quotes, and ``○`` between Chinese numerals ``〇``;
   the vertical lines of a box-drawn table (``│``) become ``|``, its rules and corners go;
4. pinyin that some web exporters put after a character (``關(guān)``) is dropped;
5. Traditional → Simplified with OpenCC (``t2s``); then what OCR misreads in figures: ``O``
   inside a number (``2O27`` → ``2027``, ``二O二七`` → ``二〇二七``), ``曰`` for the 日 of a date
   and ``兀`` for the 元 of an amount (and ``柏卖`` for 拍卖); the short rules around what a
   hand filled in on a form (``人民币＿68万＿元`` → ``人民币68万元``; a longer empty rule stays);
6. an English gloss between a Chinese label and its colon is dropped (``地址 Address:`` →
   ``地址:``); spaces that exporters insert between CJK characters, between CJK and digits, and
   next to punctuation are removed; other runs of spaces become one space (so Latin words and
   separate numbers such as two phone numbers stay apart);
7. line breaks inside a date, an amount, a phone number or a 大写 amount are joined
   (``2026年\\n11月22日``, ``1,234,\\n567.00元``, ``0752-\\n3375252``).

Evidence quotes the original text: :func:`normalize_mapped` keeps, for every character of the
normalised text, the index of the original character it came from (:class:`MappedText`), so
:meth:`MappedText.quote` can cut the sentence around a match out of the *original* (Traditional
stays Traditional, full-width stays full-width). Offsets are exact for every step above; where
OpenCC changes a line's length (it practically never does for ``t2s``), that line is converted
character by character so the offsets stay exact.

:func:`normalize` gives the same text as ``normalize_mapped(text).text`` at a fraction of the
cost (about 0.07 ms for a page of 1 500 characters, a tenth of the mapped form): it replaces the
few characters that change with ``str.replace`` rather than mapping every character, skips a
step whose pattern cannot match (no space, no ``(``, no ``○``), and tries the patterns that
begin with a lookbehind only where a match can start (:func:`_matches`). The reader normalises
every page; the map back is made only for the pages that give a fact.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import rx
from ..errors import MissingExtra

__all__ = ["MappedText", "normalize", "normalize_mapped", "to_simplified"]

# --------------------------------------------------------------------------------------------
# OpenCC, created once and lazily (it loads its dictionaries on construction)

_converter: Any = None
_converter_lock = threading.Lock()


def _opencc() -> Any:
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                try:
                    import opencc
                except ImportError:  # pragma: no cover - a declared dependency
                    raise MissingExtra("繁体转简体需要 OpenCC：pip install opencc") from None
                # The official binding takes "t2s" (1.1.7+) or "t2s.json"; the pure-Python
                # reimplementation takes "t2s".
                try:
                    converter = opencc.OpenCC("t2s")
                except Exception:
                    converter = opencc.OpenCC("t2s.json")
                _converter = converter
    return _converter


# A character OpenCC may change: none below U+3400 (CJK Extension A) is in its tables.
_HAN_OR_ABOVE = rx.compile("[\u3400-\U0010ffff]")


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese to Simplified (OpenCC ``t2s``); other text is unchanged."""
    if not text or _HAN_OR_ABOVE.search(text) is None:
        return text
    return str(_opencc().convert(text))


# --------------------------------------------------------------------------------------------
# Text with a map back to the original


@dataclass(frozen=True)
class MappedText:
    """Normalised ``text`` and, for each of its characters, the index in ``original`` of the
    character it came from (``offsets[i]``; inserted characters share their anchor's index)."""

    text: str
    offsets: tuple[int, ...]
    original: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` came from."""
        if not self.offsets or start >= end:
            anchor = self.offsets[min(start, len(self.offsets) - 1)] if self.offsets else 0
            return anchor, anchor
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start + 1, min(end, len(self.offsets)))
        return self.offsets[start], self.offsets[end - 1] + 1

    @classmethod
    def identity(cls, text: str) -> MappedText:
        """``text`` mapped onto itself (for text that has no other original)."""
        return cls(text, tuple(range(len(text))), text)

    def sub(
        self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]
    ) -> MappedText:
        """``pattern.sub(repl, text)`` with the offsets kept."""
        text, offsets = _apply(self.text, list(self.offsets), pattern, repl)
        return MappedText(text, tuple(offsets), self.original)

    def quote(self, start: int, end: int, limit: int = 120) -> str:
        """The original sentence around ``text[start:end]``, at most ``limit`` characters, with
        its whitespace collapsed (evidence for a finding)."""
        begin, finish = self.original_span(start, end)
        return quote_around(self.original, begin, finish, limit)


_SENTENCE_END = "。；;！？!?\n"


def quote_around(text: str, start: int, end: int, limit: int = 120) -> str:
    """The sentence of ``text`` that contains ``text[start:end]``, cut to ``limit`` characters
    around the span when longer, whitespace collapsed."""
    left = start
    while left > 0 and text[left - 1] not in _SENTENCE_END and start - left < limit:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _SENTENCE_END and right - end < limit:
        right += 1
    if right < len(text) and text[right] in "。；;！？!?":
        right += 1  # keep the sentence's own full stop
    if right - left > limit:
        spare = max(0, limit - (end - start))
        left = max(left, start - spare // 2)
        right = min(right, left + max(limit, end - start))
    return re.sub(r"\s+", " ", text[left:right]).strip()


def _apply(
    text: str,
    offsets: list[int],
    pattern: re.Pattern[str],
    repl: str | Callable[[re.Match[str]], str],
    matches: Iterable[re.Match[str]] | None = None,
) -> tuple[str, list[int]]:
    """``pattern.sub(repl, text)`` that also rewrites ``offsets``: kept characters keep their
    offsets, replacement characters take the offset of the first replaced character.
    ``matches`` (default ``pattern.finditer(text)``) are the matches to replace."""
    parts: list[str] = []
    new_offsets: list[int] = []
    position = 0
    for match in pattern.finditer(text) if matches is None else matches:
        start, end = match.span()
        parts.append(text[position:start])
        new_offsets.extend(offsets[position:start])
        replacement = repl if isinstance(repl, str) else repl(match)
        if replacement:
            anchor = offsets[min(start, len(offsets) - 1)] if offsets else 0
            parts.append(replacement)
            new_offsets.extend([anchor] * len(replacement))
        position = end
    if position == 0 and not parts:
        return text, offsets
    parts.append(text[position:])
    new_offsets.extend(offsets[position:])
    return "".join(parts), new_offsets


def _map_chars(
    text: str, offsets: list[int], convert: Callable[[str], str]
) -> tuple[str, list[int]]:
    """Apply ``convert`` to each character; every output character keeps the input's offset."""
    if convert is _normalize_char:  # the table knows which characters change, and how
        changes = _changes(text)
        if changes is not None:
            others = {}
            for char, value in changes:
                if len(value) == 1:  # one character for one: the offsets stay
                    text = text.replace(char, value)
                else:
                    others[char] = value
            if not others:
                return text, offsets
            pattern = rx.compile("[" + "".join(map(re.escape, others)) + "]")
            return _apply(text, offsets, pattern, lambda match: others[match.group()])
    parts: list[str] = []
    new_offsets: list[int] = []
    for char, offset in zip(text, offsets, strict=True):
        out = convert(char)
        parts.append(out)
        new_offsets.extend([offset] * len(out))
    return "".join(parts), new_offsets


# --------------------------------------------------------------------------------------------
# Character tables

_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_CHAR_MAP = {
    **dict.fromkeys("‐‑‒–—―−﹘﹣⁃", "-"),
    **dict.fromkeys("∶﹕︓", ":"),
    **dict.fromkeys("〔【〖［｛", "["),
    **dict.fromkeys("〕】〗］｝", "]"),
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "\u3000": " ",
    "\t": " ",
    "\u00a0": " ",
    # a table drawn with box-drawing characters (text exported from Word or a terminal): its
    # vertical lines are cell bars, its rules and corners go
    **dict.fromkeys(map(chr, range(0x2500, 0x2580)), ""),
    **dict.fromkeys("│┃║┆┇┊┋╎╏", "|"),
}


@lru_cache(maxsize=8192)
def _normalize_char(char: str) -> str:
    """What step 2 and 3 of the module docstring make of one character."""
    if char in _DROP:
        return ""
    if char == "\n":
        return char
    mapped = _CHAR_MAP.get(char)
    if mapped is not None:
        return mapped
    if unicodedata.category(char) == "Cc":
        return " " if char in "\x0b\x0c" else ""
    out = unicodedata.normalize("NFKC", char)
    return "".join(_CHAR_MAP.get(c, c) for c in out)


class _CharTable(dict[int, str | int]):
    """code point → :func:`_normalize_char` of it, for :meth:`str.translate`: the code point
    itself when the character stays, else its replacement (``""`` drops it). Filled as
    characters are met; one ``translate`` then does in C what a loop over the characters did."""

    def __missing__(self, code: int) -> str | int:
        char = chr(code)
        out = _normalize_char(char)
        value: str | int = code if out == char else out
        if len(self) < _CHAR_TABLE_SIZE:
            self[code] = value
        return value


_CHAR_TABLE_SIZE = 1 << 16
_CHAR_TABLE = _CharTable()


# Characters that step 2 and 3 leave as they are, in ranges a regular expression skips quickly:
# line breaks, printable ASCII, the CJK Unified Ideographs and common Chinese punctuation.
_KEPT = "\n -~\u4e00-\u9fff。、《》〇“”‘’·"
_MAYBE_CHANGED = rx.compile(f"[^{_KEPT}]")


def _changes(text: str) -> list[tuple[str, str]] | None:
    """The characters of ``text`` that steps 2 and 3 change, each with what it becomes; None
    when replacing them one after the other would not give what ``translate`` gives (a
    replacement holds a character that is replaced too)."""
    found = _MAYBE_CHANGED.findall(text)
    if not found:
        return []
    distinct = set(found)
    changes = []
    for char in distinct:
        value = _CHAR_TABLE[ord(char)]
        if isinstance(value, str):
            changes.append((char, value))
    if any(char in distinct for _, value in changes for char in value):
        return None
    return changes


def _translate(text: str) -> str:
    """``text.translate(_CHAR_TABLE)``: the characters that change, replaced one by one (a text
    has few different ones, and ``translate`` costs as much for every character it keeps)."""
    changes = _changes(text)
    if changes is None:
        return text.translate(_CHAR_TABLE)
    for char, value in changes:
        text = text.replace(char, value)
    return text


_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007○◯"
_CJK_PUNCT = r"。、，；：！？“”‘’《》〈〉…·"
_NUMERAL = "〇一二三四五六七八九十"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

_NEWLINES = rx.compile(r"\r\n?|[\u2028\u2029\x85]")
_RING_ZERO = rx.compile(rf"(?<=[{_NUMERAL}〇○])[○◯]|[○◯](?=[{_NUMERAL}○◯〇])")
_PINYIN = rx.compile(rf"(?<=[{_CJK}])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
_SPACES = rx.compile(r" {2,}")
# What OCR misreads in figures, dates and amounts (a scan's text): O for 0 inside a number
# ("2O27", "1,95O,OOO"), 曰 for the 日 of a date, 兀 for the 元 of an amount. Each keeps the
# text's length.
_OCR_ZERO = rx.compile(r"(?<=[0-9,.])[Oo]+(?![A-Za-z])|(?<![A-Za-z])[Oo]+(?=[0-9])")
_OCR_RING = rx.compile(r"(?<=[一二三四五六七八九〇])[Oo]+(?=[一二三四五六七八九〇年])")
_OCR_DAY = rx.compile(r"(?<=[0-9〇一二三四五六七八九十])曰")
_OCR_YUAN = rx.compile(r"(?<=[0-9万仟佰拾零壹贰叁肆伍陆柒捌玖亿])兀")
_OCR_AUCTION = rx.compile(r"柏(?=卖)")  # 柏卖 is no word: 拍卖 misread
# The short rules around what a hand filled in on a printed form ("人民币＿68万＿元",
# "＿2027＿年＿5＿月"): dropped, so the value meets its label and its unit. A rule of three or
# more left empty ("其他约定：＿＿＿＿") stays: it says nothing was filled in.
_FILLED = rx.compile(
    r"(?<=[\u3400-\u9fff0-9%:)])_{1,2}(?![_A-Za-z\s])|(?<![_A-Za-z\s])_{1,2}(?=[\u3400-\u9fff0-9(])"
)


def _each_as(char: str) -> Callable[[re.Match[str]], str]:
    """A replacement that puts ``char`` for every character matched (the length is kept)."""
    return lambda match: char * len(match.group(0))


_O_STARTS = rx.compile("[Oo]")
# (pattern, replacement, where a match can start: each fix is tried only there, see _matches)
_OCR_FIXES: tuple[tuple[re.Pattern[str], Any, re.Pattern[str]], ...] = (
    (_OCR_ZERO, _each_as("0"), _O_STARTS),
    (_OCR_RING, _each_as("〇"), _O_STARTS),
    (_OCR_DAY, "日", rx.compile("曰")),
    (_OCR_YUAN, "元", rx.compile("兀")),
    (_OCR_AUCTION, "拍", rx.compile("柏")),
    (_FILLED, "", rx.compile("_")),
)
_LINE_EDGES = rx.compile(r"^ +| +$", re.MULTILINE)
# An English gloss between a Chinese label and its colon, as bilingual forms print them
# ("地址 Address:", "合同编号 Agreement No.:"): dropped, so that the label meets its value. It
# begins with a capital letter (an address "http://" or a lower-case word stays).
_GLOSS = rx.compile(
    rf"(?:(?<=[{_CJK}] )|(?<=[{_CJK}]))[A-Z][A-Za-z.'/&-]*(?: [A-Za-z.'/&-]+){{0,5}}(?= ?:(?!//))"
)
_CAPITAL_STARTS = rx.compile("[A-Z]")
# Spaces that carry no meaning: between CJK characters, between CJK and digits, next to
# punctuation (full-width punctuation is ASCII by now), after a list number such as "1. ".
_INNER_SPACES = rx.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}]) +(?=[{_CJK}{_CJK_PUNCT}0-9])"
    rf"|(?<=[0-9]) +(?=[{_CJK}{_CJK_PUNCT}%])"
    rf"|(?<=[0-9{_CJK}{_CJK_PUNCT}]) +(?=[,.:;!?)\]%])"
    rf"|(?<=[(\[:;,]) +(?=[{_CJK}0-9])"
    rf"|(?<=[:;,]) +(?=[{_CJK}{_CJK_PUNCT}])"
    rf"|(?<=[0-9]\.) +(?=[{_CJK}])"
    rf"|(?<=[¥$]) +(?=[0-9])"
    r"|(?<=[0-9]) +(?=- ?[0-9])|(?:(?<=[0-9]-)|(?<=[0-9] -)) +(?=[0-9])"
)
_BIG_WORDS = "壹贰叁肆伍陆柒捌玖拾佰仟万亿零"
# Line breaks inside a date, time, amount or phone number.
_BROKEN = rx.compile(
    rf"(?<=[0-9{_NUMERAL}]年) *\n\s*(?=[0-9{_NUMERAL}])"
    rf"|(?<=[0-9{_NUMERAL}]月) *\n\s*(?=[0-9{_NUMERAL}])"
    rf"|(?<=[0-9]) *\n\s*(?=[年月日号时点分]|万元|亿元|元)"
    rf"|(?<=[{_NUMERAL}]) *\n\s*(?=[年月日])"
    rf"|(?<=[0-9]日) *\n\s*(?=(?:上午|下午|中午|晚上|凌晨)?[0-9]{{1,2}}[时点:])"
    rf"|(?<=[0-9][,.]) *\n\s*(?=[0-9])"
    rf"|(?<=[0-9]-) *\n\s*(?=[0-9])"
    rf"|(?<=[0-9]) *\n\s*(?=-[0-9])"
    rf"|(?<=[0-9]) *\n\s*(?=,[0-9]{{3}})"  # a figure broken before its thousands separator
    rf"|(?<=[0-9]) *\n\s*(?=[0-9]{{1,2}}[日号])"  # a day broken in its figures (5月2 / 2日)
    rf"|(?<=[{_BIG_WORDS}]) *\n\s*(?=[{_BIG_WORDS}元圆角分整])"
)


# An amount broken across lines ("11787\n511元"): joined when the next line's digits end in
# 元 and the previous line ends in digits after a label (not a bare number, which is a table
# cell or a list number, and not a phone number).
_BROKEN_NUMBER = rx.compile(r"(?<=[0-9]) *\n\s*(?=[0-9][0-9,]{0,14}(?:\.[0-9]+)?(?:万元|亿元|元))")
_TRAILING_NUMBER = rx.compile(r"(?:^|[^0-9,.\-])[0-9][0-9,.]*$")


def _join_number(match: re.Match[str]) -> str:
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    line = match.string[line_start : match.start()]
    if line.isdigit() or len(line) < 2 or not _TRAILING_NUMBER.search(line):
        return match.group(0)
    return ""


# Where a match can start of a pattern whose every alternative consumes a space (or a space or
# a line break) first, after zero-width lookbehinds. Searched position by position, such a
# pattern tries each of its alternatives at every character; matched only where it can start
# it is several times faster and finds the same matches (see _matches).
_SPACE_STARTS = rx.compile(" ")
_BREAK_STARTS = rx.compile("[ \n]")
_PAREN_STARTS = rx.compile(r"\(")


def _matches(
    pattern: re.Pattern[str], text: str, starts: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches are never empty and can only start
    where ``starts`` matches: the same matches, tried only there. (``pattern.match(text, pos)``
    sees the text before ``pos``, so lookbehinds work as in a search.)"""
    position = 0
    while (candidate := starts.search(text, position)) is not None:
        match = pattern.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
        else:
            yield match
            position = match.end()


def normalize_mapped(text: str, *, keep_spaces: bool = False) -> MappedText:
    """Normalise ``text`` (see the module docstring) and keep the map back to it.

    ``keep_spaces=True`` stops before step 6 removes spaces (runs of spaces still become one):
    the form for reading table rows, whose cells only spaces separate."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    # The steps of normalize, with the offsets: change both or neither (their texts must agree;
    # a fact's evidence is found by normalising the original again).
    offsets = list(range(len(text)))
    out = text
    if _has_newline_variant(out):
        out, offsets = _apply(out, offsets, _NEWLINES, "\n")
    out, offsets = _map_chars(out, offsets, _normalize_char)
    if "(" in out:
        matches = _matches(_PINYIN, out, _PAREN_STARTS)
        out, offsets = _apply(out, offsets, _PINYIN, "", matches)
    out, offsets = _simplify(out, offsets)
    for pattern, repl, starts in _OCR_FIXES:
        out, offsets = _apply(out, offsets, pattern, repl, _matches(pattern, out, starts))
    if "  " in out:
        out, offsets = _apply(out, offsets, _SPACES, " ")
    if " " in out:
        matches = _matches(_LINE_EDGES, out, _SPACE_STARTS)
        out, offsets = _apply(out, offsets, _LINE_EDGES, "", matches)
    if ":" in out:
        matches = _matches(_GLOSS, out, _CAPITAL_STARTS)
        out, offsets = _apply(out, offsets, _GLOSS, "", matches)
    if keep_spaces:
        return MappedText(out, tuple(offsets), text)
    if " " in out:
        matches = _matches(_INNER_SPACES, out, _SPACE_STARTS)
        out, offsets = _apply(out, offsets, _INNER_SPACES, "", matches)
    if "○" in out or "◯" in out:
        out, offsets = _apply(out, offsets, _RING_ZERO, "〇")
    for _ in range(4):  # a join can make the next one visible ("2026\n年\n11月")
        if "\n" not in out:
            break
        matches = _matches(_BROKEN, out, _BREAK_STARTS)
        joined, offsets = _apply(out, offsets, _BROKEN, "", matches)
        matches = _matches(_BROKEN_NUMBER, joined, _BREAK_STARTS)
        joined, offsets = _apply(joined, offsets, _BROKEN_NUMBER, _join_number, matches)
        if joined == out:
            break
        out = joined
    return MappedText(out, tuple(offsets), text)


def normalize(text: str, *, keep_spaces: bool = False) -> str:
    """Normalise ``text`` for matching (see the module docstring). Idempotent.

    The same text as ``normalize_mapped(text, keep_spaces=keep_spaces).text``, without building
    the map (several times faster)."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    # The steps of normalize_mapped, without the offsets: change both or neither.
    out = text
    if _has_newline_variant(out):
        out = _NEWLINES.sub("\n", out)
    out = _translate(out)
    if "(" in out:
        out = _replace(out, _matches(_PINYIN, out, _PAREN_STARTS), "")
    out = _simplify_text(out)
    for pattern, repl, starts in _OCR_FIXES:
        out = _replace(out, _matches(pattern, out, starts), repl)
    if "  " in out:
        out = _SPACES.sub(" ", out)
    if " " in out:
        out = _replace(out, _matches(_LINE_EDGES, out, _SPACE_STARTS), "")
    if ":" in out:
        out = _replace(out, _matches(_GLOSS, out, _CAPITAL_STARTS), "")
    if keep_spaces:
        return out
    if " " in out:
        out = _replace(out, _matches(_INNER_SPACES, out, _SPACE_STARTS), "")
    if "○" in out or "◯" in out:
        out = _RING_ZERO.sub("〇", out)
    for _ in range(4):
        if "\n" not in out:
            break
        joined = _replace(out, _matches(_BROKEN, out, _BREAK_STARTS), "")
        joined = _replace(joined, _matches(_BROKEN_NUMBER, joined, _BREAK_STARTS), _join_number)
        if joined == out:
            break
        out = joined
    return out


def _has_newline_variant(text: str) -> bool:
    return "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text


def _replace(
    text: str, matches: Iterable[re.Match[str]], repl: str | Callable[[re.Match[str]], str]
) -> str:
    """The text of :func:`_apply` without the offsets."""
    parts: list[str] = []
    position = 0
    for match in matches:
        parts.append(text[position : match.start()])
        parts.append(repl if isinstance(repl, str) else repl(match))
        position = match.end()
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _simplify_text(text: str) -> str:
    """The text of :func:`_simplify` without the offsets."""
    if _HAN_OR_ABOVE.search(text) is None:
        return text
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        simple = to_simplified(line)
        if len(simple) != len(line):
            simple = "".join(to_simplified(char) for char in line)
        lines.append(simple)
    return "\n".join(lines)


def _simplify(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Traditional → Simplified, keeping offsets exact (line by line, character by character
    for a line whose length the conversion would change)."""
    if _HAN_OR_ABOVE.search(text) is None:
        return text, offsets
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted, offsets
    parts: list[str] = []
    new_offsets: list[int] = []
    position = 0
    for line in text.split("\n"):
        line_offsets = offsets[position : position + len(line)]
        simple = to_simplified(line)
        if len(simple) != len(line):
            simple, line_offsets = _map_chars(line, line_offsets, to_simplified)
        parts.append(simple)
        new_offsets.extend(line_offsets)
        position += len(line)
        if position < len(text):
            parts.append("\n")
            new_offsets.append(offsets[position])
            position += 1
    return "".join(parts), new_offsets
