"""Decide what kind of document a text is, from the whole document: its title, issuer,
addressee, section headings, field labels and vocabulary.

:func:`classify` returns a :class:`Classification`: the kind's machine name (DESIGN.md section
3, plus a few near-miss kinds such as ``bidding_rules`` or ``suspension_notice`` that look like
an announcement or a contract and are neither), a confidence between 0 and 1, the title line it
relied on, for announcements a variant (``net_judicial``, ``judicial``, ``vehicle``,
``state_asset`` or ``social``), and the cues that decided it. It unpacks like the tuple
``(kind, confidence, title)``.

How it decides: ``rules/kinds.yaml`` lists, per kind, weighted cues — title patterns, issuer
cues, addressee lines, section headings, field labels and vocabulary. This module is a generic
scorer: it finds the title (a title-like line among the first lines, possibly after the
issuer's name or a file number, possibly split over two lines, with a trailing form number or
"(…联)" note stripped), gives the title's weight to the kind(s) whose title pattern weighs most,
adds every other cue found (each once, each category up to a cap), and picks the kind with the
highest score. The confidence grows with the evidence (a title counts more than content) and
shrinks with a small margin over the runner-up. ``unknown`` is returned when no kind has
enough evidence, when two kinds tie, or when the pseudo-kind ``unknown`` (procedures,
circulars, news) wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from .. import rx
from ..resources import data_dir, load_yaml
from ..vocabulary import DOCUMENT_KINDS
from .normalize import normalize

__all__ = ["KINDS", "Classification", "classify"]

KINDS = DOCUMENT_KINDS  # written once, in paimai_docs.vocabulary

UNKNOWN_CONFIDENCE = 0.2
TITLE_LINES = 15
MAX_TEXT = 20_000  # characters of a document that content cues look at (head and tail)
MIN_SCORE = 3.0  # less evidence than this is no evidence
MIN_CONFIDENCE = 0.3
MAX_CUES = 8


@dataclass(frozen=True)
class Classification:
    """The kind of a document, how sure we are, the title relied on, the announcement variant
    (None for other kinds) and the cues that decided it."""

    kind: str
    confidence: float
    title: str | None = None
    variant: str | None = None
    cues: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Any]:
        # ``kind, confidence, title = classify(pages)`` keeps working.
        return iter((self.kind, self.confidence, self.title))


# The rules ----------------------------------------------------------------------------------

_CATEGORIES = ("title", "issuer", "addressee", "heading", "label", "vocab")


@dataclass(frozen=True)
class _Cue:
    kind: str
    category: str
    pattern: re.Pattern[str]
    weight: float
    minimum: int
    name: str | None
    literals: tuple[str, ...] = ()  # a plain "a|b|c" vocabulary cue: found with ``in``
    needs: rx.Needs | None = None  # what every match contains (rx.needs): a quick "no"


@dataclass(frozen=True)
class _Rules:
    caps: dict[str, float]
    titles: tuple[_Cue, ...]
    content: tuple[_Cue, ...]


def _compile(category: str, pattern: str) -> re.Pattern[str]:
    if category == "label":
        # a field label at the start of a line or a cell, followed by ":" or "|"
        # (or by spaces: a form's cells; the text has no spaces between Chinese words). The
        # label comes first and the start of the cell is looked behind it: the engine then
        # tries only where a label's first character is, not at every character.
        return rx.compile(rf"(?<![^\s|])(?:{pattern})(?:\([^()\n]{{0,12}}\))?(?:\s*[:|]|\s+(?=\S))")
    if category == "heading":
        # the start of a short line, after an optional number or bracket
        return rx.compile(
            rf"^[\s\[【(一二三四五六七八九十\d、.)】\]]*(?:{pattern})[^\n:]{{0,16}}$", re.M
        )
    if category == "addressee":
        # a salutation line: "……局:" on a line of its own
        return rx.compile(rf"^[^\n:,。;]{{0,40}}(?:{pattern})(?:\([^()\n]{{0,20}}\))?:\s*$", re.M)
    return rx.compile(pattern)


def _literals(category: str, pattern: str) -> tuple[str, ...]:
    """The alternatives of a pattern that is only literal alternatives (vocabulary and issuer
    cues), which ``str.__contains__`` finds much faster than the regex engine."""
    if category not in ("vocab", "issuer"):
        return ()
    pieces = pattern.split("|")
    if all(piece and re.escape(piece) == piece for piece in pieces):
        return tuple(pieces)
    return ()


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """``rules/kinds.yaml``, compiled once."""
    data = load_yaml(data_dir("rules") / "kinds.yaml")
    caps = {str(key): float(value) for key, value in data.get("caps", {}).items()}
    titles: list[_Cue] = []
    content: list[_Cue] = []
    for kind, table in data["kinds"].items():
        if kind not in KINDS:
            raise ValueError(f"rules/kinds.yaml: unknown kind {kind!r}")
        for category, cues in table.items():
            if category not in _CATEGORIES:
                raise ValueError(f"rules/kinds.yaml: {kind}: unknown category {category!r}")
            for cue in cues:
                pattern = str(cue["p"])
                compiled = _compile(category, pattern)
                item = _Cue(
                    kind,
                    category,
                    compiled,
                    float(cue["w"]),
                    int(cue.get("min", 1)),
                    cue.get("name"),
                    _literals(category, pattern),
                    rx.needs(compiled),
                )
                (titles if category == "title" else content).append(item)
    return _Rules(caps, tuple(titles), tuple(content))


# The title ----------------------------------------------------------------------------------

_TITLE_PREFIX = rx.compile(r"^(?:项目名称|标题|公告名称|名称|文件名称|文书名称)\s*:")
_FORM_NUMBER = rx.compile(r"\s*(?:No\.?|NO\.?|№|编号:?|第)\s*[A-Za-z0-9\-]*\d[A-Za-z0-9\-]*号?\s*$")
_TRAILING = rx.compile(r"(?:\s*(?:\([^()]{0,24}\)|\[[^\[\]]{0,24}\])|[。.!\s])+$")
_LEADING = rx.compile(r"^(?:\([^()]{0,12}\)|\[[^\[\]]{0,12}\]|【[^【】]{0,12}】)")
_NOT_TITLES = frozenset({"特此公告", "特此报告", "现公告如下", "特此公示", "特此说明"})
_SENTENCE = rx.compile(r"[,;?!。]")
_LABEL_ROW = rx.compile(r"^[^:]{1,16}:")
# a file number line: 宏达拍[2026]第118号, (2025)涪拍公字第018号
_FILE_NUMBER = rx.compile(r"^[^\s]{0,12}[\[(]\d{4}[\])][^\s]{0,8}\d+号$")


def _lines(text: str, count: int) -> list[str]:
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            lines.append(line)
            if len(lines) >= count:
                break
    return lines


def _clean_title(line: str) -> str | None:
    """The title a line states, or None when the line does not look like a title."""
    line = _TITLE_PREFIX.sub("", line.strip()).strip()
    if not line or len(line) > 60 or _SENTENCE.search(line) or ":" in line:
        return None
    line = _FORM_NUMBER.sub("", line)
    line = _TRAILING.sub("", line)
    line = line.strip("“”\"'《》「」 ")
    if line in _NOT_TITLES or len(line) < 2:
        return None
    return line


def _is_body(line: str) -> bool:
    """A line of running text or a label–value row: the title, if any, came before."""
    return len(line) > 60 or bool(_SENTENCE.search(line)) or bool(_LABEL_ROW.match(line))


@dataclass(frozen=True)
class _Title:
    title: str
    weights: dict[str, tuple[float, str]]  # kind -> (weight, matched text)


def _title_weights(title: str) -> dict[str, tuple[float, str]]:
    best: dict[str, tuple[float, str]] = {}
    for cue in _rules().titles:
        match = cue.pattern.search(title)
        if match and cue.weight > best.get(cue.kind, (0.0, ""))[0]:
            best[cue.kind] = (cue.weight, match.group(0) or title)
    return best


# a title weight from which the first line that has it is the title
_SURE_TITLE = 6.0
_HEADLINE_PARTS = rx.compile(r"\s*[|｜]\s*")
_NOTED = rx.compile(r"\((?:流拍|未成交|中止|撤回|撤拍|更正|补充)\)\s*$")


def _find_title(lines: Sequence[str]) -> _Title | None:
    """The first title-like line (or pair of lines) that names a kind surely, else the one
    that names one most strongly."""
    body = 0
    best: _Title | None = None
    for index, line in enumerate(lines):
        if _is_body(line) and not _TITLE_PREFIX.match(line):
            body += 1
            if body >= 2:
                break
            continue
        if _FILE_NUMBER.match(line):
            continue
        candidates: list[str] = []
        title = _clean_title(line)
        if title is not None:
            candidates.append(_LEADING.sub("", title) or title)
            # a post's headline "拍卖结果公告|7月18日…专场圆满落槌": each part may be the title
            candidates.extend(part for part in _HEADLINE_PARTS.split(title) if part != title)
            # a note in brackets that says what the paper is: "…拍卖情况的报告(流拍)"
            noted = _NOTED.search(line)
            if noted:
                candidates.append(title + noted.group(0))
            following = lines[index + 1] if index + 1 < len(lines) else ""
            second = None
            if following and not _is_body(following) and not _FILE_NUMBER.match(following):
                second = _clean_title(following)
            if second is not None and len(title) + len(second) <= 60:
                # joined only when the pair says more than either line alone
                alone = max(_top(_title_weights(title)), _top(_title_weights(second)))
                if _top(_title_weights(title + second)) > alone:
                    candidates.append(title + second)
        for candidate in candidates:
            weights = _title_weights(candidate)
            if _top(weights) > 0 and (best is None or _top(weights) > _top(best.weights)):
                best = _Title(candidate, weights)
        if best is not None and _top(best.weights) >= _SURE_TITLE:
            return best
    # no line names a kind surely: the strongest (a page's account name "某某拍卖" above the
    # post's own title loses to it)
    return best


def _top(weights: dict[str, tuple[float, str]]) -> float:
    return max((weight for weight, _ in weights.values()), default=0.0)


# Scoring ------------------------------------------------------------------------------------


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """``len(pattern.findall(text)) >= count``, without finding the matches after the first
    ``count``."""
    return len(list(islice(pattern.finditer(text), count))) >= count


def _content_scores(
    text: str, ends: str
) -> tuple[dict[str, float], dict[str, list[tuple[float, str]]]]:
    rules = _rules()
    sums: dict[tuple[str, str], float] = {}
    scores: dict[str, float] = {}
    found: dict[str, list[tuple[float, str]]] = {}
    for cue in rules.content:
        where = ends if cue.category == "issuer" else text
        if not rx.all_found(cue.needs, where):
            continue
        if cue.minimum > 1:
            if not _at_least(cue.pattern, where, cue.minimum):
                continue
            shown = cue.name or cue.pattern.pattern
        elif cue.literals:
            literal = next((item for item in cue.literals if item in where), None)
            if literal is None:
                continue
            shown = cue.name or f"{cue.category}:{literal}"
        else:
            match = cue.pattern.search(where)
            if match is None:
                continue
            shown = cue.name or f"{cue.category}:{_shown(match.group(0))}"
        weight = cue.weight
        if weight > 0:
            key = (cue.kind, cue.category)
            cap = rules.caps.get(cue.category, math.inf)
            weight = min(weight, cap - sums.get(key, 0.0))
            if weight <= 0:
                continue
            sums[key] = sums.get(key, 0.0) + weight
        scores[cue.kind] = scores.get(cue.kind, 0.0) + weight
        found.setdefault(cue.kind, []).append((weight, shown))
    return scores, found


def _shown(matched: str) -> str:
    text = matched.strip(" \n|:")
    return text if len(text) <= 16 else text[:15] + "…"


def _confidence(title: float, content: float, runner_up: float) -> float:
    """Evidence strength (a title counts fully, content alone is discounted) times the
    separation from the runner-up (the absolute margin: kinds share much vocabulary, so a
    runner-up with some content evidence is normal)."""
    best = title + content
    if best <= 0:
        return 0.0
    if title > 0:
        strength = 1 - math.exp(-(title + 0.8 * max(content, 0.0)) / 5.3)
    else:
        strength = 0.78 * (1 - math.exp(-content / 7.0))
    margin = max(0.0, best - max(runner_up, 0.0))
    return strength * (0.5 + 0.5 * (1 - math.exp(-margin / 3.0)))


# Announcement variants ----------------------------------------------------------------------

_NET = rx.compile(
    r"网络司法拍卖|司法拍卖网络平台|网络拍卖平台|淘宝|阿里(?:资产|拍卖|巴巴)|京东(?:网络|司法|拍卖|资产|平台)"
    r"|公拍网|诉讼资产网|sf\.taobao"
    r"|融e购|网络平台|延时除外|延时的除外|网络拍卖|网拍|在线拍卖|竞价平台"
)
_COURT = rx.compile(r"人民法院|本院|执行局|执行法院")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_VEHICLE = rx.compile(
    r"车辆|轿车|汽车|机动车|客车|货车|公务车|公车|商务车|越野车|面包车|"
    rf"[{_PROVINCES}][A-Z][·・.\-]?[A-Z0-9]{{5,6}}"
)
_STATE = rx.compile(
    r"国有资产|国有产权|国有股权|行政事业单位|产权交易所|产权交易中心|产交所|挂牌|转让底价|"
    r"资产处置|公共资源交易中心.{0,20}(?:国有|资产)|e交易|国资"
)


def _variant(title: str, head: str, text: str) -> str:
    issuer = title + "\n" + head
    if _COURT.search(issuer) or _at_least(_COURT, text, 3):
        return "net_judicial" if _NET.search(text) else "judicial"
    if _VEHICLE.search(title) or _VEHICLE.search("\n".join(head.split("\n")[:3])):
        return "vehicle"
    if _STATE.search(issuer) or _at_least(_STATE, text, 2):
        return "state_asset"
    return "social"


# Entry point --------------------------------------------------------------------------------


def classify(pages: Sequence[str], *, normalized: bool = False) -> Classification:
    """Decide the kind of the document whose pages' text is ``pages`` (original or normalised;
    the text is normalised here). Returns ``unknown`` with a low confidence when nothing is
    decisive.

    ``normalized=True`` says that the pages are already what
    :func:`~paimai_docs.reading.normalize.normalize` made of them (``Page.normalized``, as the
    reader passes them): they are used as they are instead of being normalised again."""
    texts = [page if normalized else normalize(page) for page in pages if page]
    texts = [text for text in texts if text.strip()]
    if not texts:
        return Classification("unknown", 0.0)
    text = "\n".join(texts)
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 4_000] + "\n" + text[-4_000:]
    lines = _lines(texts[0], TITLE_LINES)
    head = "\n".join(lines[:6])
    tail = "\n".join(_lines("\n".join(reversed(text[-2_000:].split("\n"))), 6))
    found = _find_title(lines)
    title = found.title if found is not None else None

    content, cues = _content_scores(text, head + "\n" + tail)
    title_weight: dict[str, float] = {}
    if found is not None:
        top = max(weight for weight, _ in found.weights.values())
        for kind, (weight, matched) in found.weights.items():
            if weight >= top:  # the title speaks for its best kind(s) only
                title_weight[kind] = weight
                cues.setdefault(kind, []).append((weight, f"title:{_shown(matched)}"))
    totals = {
        kind: title_weight.get(kind, 0.0) + content.get(kind, 0.0)
        for kind in set(content) | set(title_weight)
    }
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_SCORE:
        return Classification("unknown", UNKNOWN_CONFIDENCE, title)
    kind, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = _confidence(title_weight.get(kind, 0.0), content.get(kind, 0.0), runner_up)
    if kind == "unknown" or confidence < MIN_CONFIDENCE or best - runner_up < 0.5:
        return Classification("unknown", UNKNOWN_CONFIDENCE, title)
    shown = tuple(
        name
        for weight, name in sorted(cues.get(kind, ()), key=lambda item: -item[0])[:MAX_CUES]
        if weight > 0
    )
    variant = _variant(title or "", head, text) if kind == "announcement" else None
    return Classification(kind, round(min(confidence, 0.99), 3), title, variant, shown)
