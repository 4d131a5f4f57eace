"""Normalise extracted text for matching, and map what was matched back to the original.

What :func:`normalize` does, in order:

1. line breaks unified to ``\\n``; zero-width and other control characters dropped;
2. NFKC, character by character: full-width digits, letters and punctuation become ASCII
   (``２０２６`` → ``2026``, ``：`` → ``:``, ``（`` → ``(``, ``，`` → ``,``); ``。``, ``、``,
   ``《》`` and ``〇`` stay as they are;
3. dashes (—–―−…) become ``-``, ratio colons (``∶``) ``:``, the other brackets (``〔〕【】〖〗``)
   ``[]``, corner quotes (``「」『』``) curly quotes, and ``○`` between Chinese numerals ``〇``;
4. pinyin that some web exporters put after a character (``關(guān)``) is dropped;
5. Traditional → Simplified with OpenCC (``t2s``);
6. spaces that exporters insert between CJK characters, between CJK and digits, and next to
   punctuation are removed; other runs of spaces become one space (so Latin words and
   separate numbers such as two phone numbers stay apart);
7. line breaks inside a date, an amount, a phone number or a 大写 amount are joined
   (``2026年\\n11月22日``, ``1,234,\\n567.00元``, ``0752-\\n3375252``).

Evidence quotes the original text: :func:`normalize_mapped` keeps, for every character of the
normalised text, the index of the original character it came from (:class:`MappedText`), so
:meth:`MappedText.quote` can cut the sentence around a match out of the *original* (Traditional
stays Traditional, full-width stays full-width). Offsets are exact for every step above; where
OpenCC changes a line's length (it practically never does for ``t2s``), that line is converted
character by character so the offsets stay exact.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese to Simplified (OpenCC ``t2s``); other text is unchanged."""
    if not text or all(ord(char) < 0x3400 for char in text):
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
) -> tuple[str, list[int]]:
    """``pattern.sub(repl, text)`` that also rewrites ``offsets``: kept characters keep their
    offsets, replacement characters take the offset of the first replaced character."""
    parts: list[str] = []
    new_offsets: list[int] = []
    position = 0
    for match in pattern.finditer(text):
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
}


@lru_cache(maxsize=8192)
def _normalize_char(char: str) -> str:
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


_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007○◯"
_CJK_PUNCT = r"。、，；：！？“”‘’《》〈〉…·"
_NUMERAL = "〇一二三四五六七八九十"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_RING_ZERO = re.compile(rf"(?<=[{_NUMERAL}〇○])[○◯]|[○◯](?=[{_NUMERAL}○◯〇])")
_PINYIN = re.compile(rf"(?<=[{_CJK}])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
_SPACES = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r"^ +| +$", re.MULTILINE)
# Spaces that carry no meaning: between CJK characters, between CJK and digits, next to
# punctuation (full-width punctuation is ASCII by now), after a list number such as "1. ".
_INNER_SPACES = re.compile(
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
_BROKEN = re.compile(
    rf"(?<=[0-9{_NUMERAL}]年) *\n\s*(?=[0-9{_NUMERAL}])"
    rf"|(?<=[0-9{_NUMERAL}]月) *\n\s*(?=[0-9{_NUMERAL}])"
    rf"|(?<=[0-9]) *\n\s*(?=[年月日号时点分]|万元|亿元|元)"
    rf"|(?<=[{_NUMERAL}]) *\n\s*(?=[年月日])"
    rf"|(?<=[0-9]日) *\n\s*(?=(?:上午|下午|中午|晚上|凌晨)?[0-9]{{1,2}}[时点:])"
    rf"|(?<=[0-9][,.]) *\n\s*(?=[0-9])"
    rf"|(?<=[0-9]-) *\n\s*(?=[0-9])"
    rf"|(?<=[0-9]) *\n\s*(?=-[0-9])"
    rf"|(?<=[{_BIG_WORDS}]) *\n\s*(?=[{_BIG_WORDS}元圆角分整])"
)


# An amount broken across lines ("11787\n511元"): joined when the next line's digits end in
# 元 and the previous line ends in digits after a label (not a bare number, which is a table
# cell or a list number, and not a phone number).
_BROKEN_NUMBER = re.compile(r"(?<=[0-9]) *\n\s*(?=[0-9]{1,12}(?:\.[0-9]+)?(?:万元|亿元|元))")
_TRAILING_NUMBER = re.compile(r"(?:^|[^0-9,.\-])[0-9][0-9,.]*$")


def _join_number(match: re.Match[str]) -> str:
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    line = match.string[line_start : match.start()]
    if line.isdigit() or len(line) < 2 or not _TRAILING_NUMBER.search(line):
        return match.group(0)
    return ""


def normalize_mapped(text: str, *, keep_spaces: bool = False) -> MappedText:
    """Normalise ``text`` (see the module docstring) and keep the map back to it.

    ``keep_spaces=True`` stops before step 6 removes spaces (runs of spaces still become one):
    the form for reading table rows, whose cells only spaces separate."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    offsets = list(range(len(text)))
    out, offsets = _apply(text, offsets, _NEWLINES, "\n")
    out, offsets = _map_chars(out, offsets, _normalize_char)
    out, offsets = _apply(out, offsets, _PINYIN, "")
    out, offsets = _simplify(out, offsets)
    out, offsets = _apply(out, offsets, _SPACES, " ")
    out, offsets = _apply(out, offsets, _LINE_EDGES, "")
    if keep_spaces:
        return MappedText(out, tuple(offsets), text)
    out, offsets = _apply(out, offsets, _INNER_SPACES, "")
    out, offsets = _apply(out, offsets, _RING_ZERO, "〇")
    for _ in range(4):  # a join can make the next one visible ("2026\n年\n11月")
        joined, offsets = _apply(out, offsets, _BROKEN, "")
        joined, offsets = _apply(joined, offsets, _BROKEN_NUMBER, _join_number)
        if joined == out:
            break
        out = joined
    return MappedText(out, tuple(offsets), text)


def normalize(text: str) -> str:
    """Normalise ``text`` for matching (see the module docstring). Idempotent."""
    return normalize_mapped(text).text


def _simplify(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Traditional → Simplified, keeping offsets exact (line by line, character by character
    for a line whose length the conversion would change)."""
    if all(ord(char) < 0x3400 for char in text):
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
