"""Whether a read document states a required item, by what it says rather than by one label.

The vocabulary — topics (交付, 佣金, 价款…) and kinds of value (a time or period, a place, a
method, an amount, a rate…) — is data, in ``rules/vocabulary.yaml``. A required item that names
a ``topic`` and the values it ``carries`` is stated when one clause of the document speaks of the
topic and carries a value of every kind asked for. The item's own ``text`` patterns and the
model field's printed labels count as the topic too, so a form's ``交付方式：现场提取`` and a
contract's ``买受人付清价款后五日内在厂区现场提取`` are read alike, while ``交付时间：另行协商``
states nothing.

A clause is a numbered paragraph or a label's line (a paragraph longer than a few sentences is
cut into its sentences, up to ``。！？；``): lines that a PDF wrapped mid-sentence are joined
back, and a new line that starts a numbered item or a label (``第六条``, ``3.``, ``（二）``,
``付款方式：``) starts a new clause. A table's row is a clause of its own, read with the table's
first row (the columns' names, or the party a block of rows describes): rows are records, not
prose a PDF wrapped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import rx
from ..resources import data_dir, load_yaml

__all__ = [
    "Vocabulary",
    "clauses",
    "compile_patterns",
    "deferred",
    "pattern_source",
    "stated_in",
    "vocabulary",
]

_SENTENCE_END = rx.compile(r"[。!?;！？；]")
_ITEM_START = rx.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条款项章节]|\d{1,2}(?:\.\d{1,2})*[.、)]|"
    r"\(?[一二三四五六七八九十]+[)、.]|\(\d{1,2}\)|[①-⑳]|[A-Z]\d{2}\s)"
)
_LABEL_START = rx.compile(r"^\s*(?!\d{1,2}\s*:\s*\d)[^\s,。;:()]{1,14}\s*:")  # not a clock time
# a numbered heading: short, no value, no sentence ("二、拍卖时间及地点", "(三)展示")
_HEADING = rx.compile(
    r"^[^:,。;!?\d]{2,24}$|^(?:\d{1,2}|第[一二三四五六七八九十]+[条章])[.、)]?[^:,。;!?\d]{2,20}$"
)
# a line that introduces a list ("明细如下:", "包括下列标的:") and an item of a lower level
_INTRO = rx.compile(r"(?:如下|下列|以下|包括|明细)[^。;]{0,8}?[:\-—]*$|:$")
_INTRO_WIDTH = 40
_LEVELS = (
    ("article", rx.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[条款项章节]")),
    ("chinese_paren", rx.compile(r"^\s*\([一二三四五六七八九十]+\)")),
    ("chinese", rx.compile(r"^\s*[一二三四五六七八九十]+[)、.]")),
    ("paren", rx.compile(r"^\s*\(\d{1,2}\)")),
    ("arabic", rx.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.、)]")),
    ("circled", rx.compile(r"^\s*[①-⑳]")),
)


def _level(line: str) -> str:
    """The numbering a numbered line uses: an item of another numbering than the line that
    introduced a list is one of its items."""
    return next((name for name, pattern in _LEVELS if pattern.match(line)), "")


# an English gloss after a numbered Chinese heading, as bilingual contracts print them
_HEADING_GLOSS = rx.compile(r"(?<=[\u4e00-\u9fff]) ?[A-Z][A-Za-z.'/&-]*(?: [A-Za-z.'/&-]+){0,5}$")
# a line that is only a date (the one under a signature) stands alone
_DATE_LINE = rx.compile(
    r"^\s*(?:\d{4}\s*(?:年|[./-]\s*\d{1,2}(?!\d))|[〇零一二][〇零一二三四五六七八九O0]{3}年)"
    r"[^,。;]{0,20}$"  # a date, not a phone number ("0991-85326047")
)
_ALNUM_END = rx.compile(r"[0-9A-Za-z]$")
_ALNUM_START = rx.compile(r"^[0-9A-Za-z]")
_LINE_CLOSED = rx.compile(r"[。!?;》”\"]\s*$")
# A clause that puts the matter off ("另行协商", "待定") or leaves it to custom ("按行业惯例")
# states no value of it.
_DEFERRED = rx.compile(
    r"另行(?:书面)?(?:协商|约定|商定|通知|确定|商议)|另议|待定|再议|协商确定|视情况而定|惯例|行规"
    # or to later ("届时通知", "确定后电话通知")
    r"|届时(?:另行)?通知|确定后(?:另行)?(?:电话|书面)?通知|(?:预约|商定)[^,。;|]{0,10}后确定"
    # or, as the whole value of a time or place, to another paper ("拍卖地点：以拍卖公告为准")
    r"|(?:时间|地点|日期)\s*[:|\]]\s*(?:以|按|详见|见)[^,。;|]{0,16}(?:公告|须知|规则|通知|网|平台|公众号)"
    # or to what will be read out on the day ("以现场宣读为准"), or, as the whole of a time or
    # place, to a later notice ("拍卖时间、地点以法院通知为准"; not "具体日期以书面通知为准"
    # after a date given)
    r"|以[^,。;|]{0,20}(?:宣读|宣布|公众号)[^,。;|]{0,4}为准"
    r"|(?<!具体)(?:时间|地点|日期)\s*:?\s*以[^,。;|]{0,20}通知[^,。;|]{0,4}为准"
)
_MAX_CLAUSE = 400
_PARAGRAPH = 240


def pattern_source(pattern: str) -> str:
    """The regular expression of a rule's text pattern: ``re:…`` as written, plain words literal."""
    return pattern[3:] if pattern.startswith("re:") else re.escape(pattern)


@lru_cache(maxsize=4096)
def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each of a rule's text patterns compiled once (rules ask for the same few hundred on
    every document)."""
    return tuple(rx.compile(pattern_source(p)) for p in patterns)


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    return rx.compile("|".join(f"(?:{pattern_source(p)})" for p in patterns))


@dataclass(frozen=True)
class Vocabulary:
    """The topics and kinds of value of ``rules/vocabulary.yaml``, compiled."""

    values: dict[str, re.Pattern[str]]
    topics: dict[str, re.Pattern[str]]
    value_titles: dict[str, str]
    # a topic's "denied" patterns: the document says the thing does not exist ("不另行组织展示")
    denials: dict[str, re.Pattern[str]] = dataclasses.field(default_factory=dict)

    def value(self, name: str) -> re.Pattern[str]:
        return self.values[name]

    def topic(self, name: str) -> re.Pattern[str]:
        return self.topics[name]


class VocabularyError(ValueError):
    """An unknown topic or kind of value in a rule."""


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_yaml(data_dir("rules") / "vocabulary.yaml")
    values = {name: _compile(entry["patterns"]) for name, entry in data["values"].items()}
    topics = {name: _compile(entry["patterns"]) for name, entry in data["topics"].items()}
    titles = {name: str(entry.get("title", name)) for name, entry in data["values"].items()}
    denials = {
        name: _compile(entry["denied"])
        for name, entry in data["topics"].items()
        if "denied" in entry
    }
    return Vocabulary(values, topics, titles, denials)


def deferred(text: str) -> bool:
    """Whether ``text`` puts the matter off ("待定", "另行通知") instead of stating it."""
    return bool(_DEFERRED.search(text))


def check_names(topics: Sequence[str], carries: Sequence[str]) -> None:
    """Raise :class:`VocabularyError` for a topic or value name the vocabulary does not have."""
    words = vocabulary()
    unknown = [t for t in topics if t not in words.topics]
    unknown += [v for entry in carries for v in entry.split("|") if v not in words.values]
    if unknown:
        raise VocabularyError(f"词表 rules/vocabulary.yaml 中没有：{'、'.join(unknown)}")


def clauses(text: str) -> list[str]:
    """The clauses of a normalised text (see the module's docstring)."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = current[0]
            if len(current) > 1 and _ITEM_START.match(joined) and _HEADING.match(joined):
                joined += ":"  # "第四条 标的交付" over its text: the clause's label
            for line in current[1:]:
                # a wrapped CJK line joins as it is; two numbers never run together
                both = _ALNUM_END.search(joined) and _ALNUM_START.match(line)
                joined += (" " if both else "") + line
            joined = joined.strip()
            if joined:
                out.extend(_split_long(joined))
            current.clear()

    header: str | None = None  # the first row of the table being read
    heading: str | None = None  # the numbered heading of the label lines being read
    intro: str | None = None  # the numbered line that introduced the list being read
    for line in _rows_joined(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            flush()
            header = heading = intro = None
            continue
        if stripped.startswith("|") or (
            "|" in stripped and "://" not in stripped and not stripped.endswith(("。", ";"))
        ):
            # a table's row is a record of its own, read under the table's first row (the
            # columns' names, or the party a block of rows describes), not wrapped prose
            flush()
            heading = None
            if header is None:
                header = stripped
                current.append(stripped)
            else:
                current.append(_table_row(header, stripped))
            flush()
            continue
        header = None
        numbered = _ITEM_START.match(stripped)
        if numbered:  # "三、拍卖日期及地点 Sale Date & Venue": the heading without its gloss
            stripped = _HEADING_GLOSS.sub("", stripped)
        labelled = _LABEL_START.match(stripped)
        if current and (numbered or labelled or _DATE_LINE.match(stripped)):
            flush()
        if numbered and intro and _level(stripped) != _level(intro):
            # an item of a list that a line introduced ("一、标的:…明细如下" then "1.赤霞珠干红,
            # 750ml/瓶,420箱"): read with the line that introduced it
            stripped = f"{intro} {stripped}"
        elif numbered:
            intro = stripped[:_INTRO_WIDTH] if _INTRO.search(stripped) else None
        if numbered:
            heading = stripped if _HEADING.match(stripped) else None
        elif not labelled:
            heading = None  # the heading's label lines have ended
        elif heading and not current:
            # a "label: value" line under a numbered heading is read with it: "时间：9月10日"
            # under "二、拍卖时间及地点" is the auction's time, under "三、展示时间" the
            # exhibition's
            stripped = f"{heading} {stripped}"
        current.append(stripped)
        if _DATE_LINE.match(stripped):
            flush()
        if _LINE_CLOSED.search(stripped):
            flush()
    flush()
    return [piece for clause in out for piece in _split_paragraph(clause)]


def _cells(row: str) -> int:
    return len(row.strip().strip("|").split("|"))


def _rows_joined(lines: list[str]) -> list[str]:
    """The lines, with a table's row that a PDF wrapped (``| 3 | 叉车 | 电池衰`` + ``减30% |
    96,000 |``, or a row broken after a cell) joined back — a row goes on while it has fewer
    cells than the table's first row — and text run on after the row's last ``|`` set on a
    line of its own."""
    out: list[str] = []
    columns = 0  # cells of the table's first row; 0 outside a table
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line.startswith("|"):
            columns = 0
            out.append(lines[index - 1])
            continue
        while index < len(lines):
            following = lines[index].strip()
            if following.startswith("|") or "|" not in following:
                break
            if line.endswith("|") and (not columns or _cells(line) >= columns):
                break
            line += following
            index += 1
        end = line.rfind("|")
        if 0 < end < len(line) - 1:  # the row, then the text that follows the table
            out.extend([line[: end + 1], line[end + 1 :]])
        else:
            out.append(line)
        columns = columns or _cells(line[: end + 1])
    return out


_CELL_UNIT = rx.compile(r"\((万元|元)\)")
_BARE_FIGURE = rx.compile(r"\d[\d,]*(?:\.\d+)?")


_ROW_LABEL_COLUMNS = frozenset({"", "项目", "栏目", "事项", "类别", "内容", "名目", "要素", "条款"})


def _table_row(header: str, row: str) -> str:
    """A table's row as a clause, read with the table's first row. Columns of three or more
    under a row of names (no figures in it): each cell after its column's name, a bare figure
    with the unit its column names ("保留价(元):630,000元"); under a first column of row labels
    (项目, 栏目), each cell after its column's name and its row's label ("委托人住所:…").
    Otherwise (two columns of labels and values, a block of rows about one party): the row
    after the first one."""
    names = [cell.strip() for cell in header.strip("|").split("|")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    if len(names) < 3 or len(names) != len(cells) or any(c.isdigit() for c in header):
        return f"{header} {row}"
    if names[0] in _ROW_LABEL_COLUMNS:
        # the first column names the rows, the others are parties or items ("| 项目 | 委托人 |
        # 拍卖人 |" then "| 住所 | … | … |"): each cell is its column's row label
        pairs = zip(names[1:], cells[1:], strict=True)
        return " | ".join(f"{name}{cells[0]}:{cell}" for name, cell in pairs)
    read = []
    for name, cell in zip(names, cells, strict=True):
        unit = _CELL_UNIT.search(name)
        if unit and _BARE_FIGURE.fullmatch(cell):
            cell += unit.group(1)
        read.append(f"{name}:{cell}")
    return " | ".join(read)


def _split_paragraph(paragraph: str) -> list[str]:
    """A paragraph of moderate length is one clause (a contract's 条 may state the rate in one
    sentence and how it is paid in the next); a longer one is cut into its sentences."""
    if len(paragraph) <= _PARAGRAPH:
        return [paragraph]
    return _sentences(paragraph)


def _sentences(clause: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(clause):
        piece = clause[start : match.end()].strip()
        if piece:
            pieces.append(piece)
        start = match.end()
    rest = clause[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _split_long(clause: str) -> list[str]:
    if len(clause) <= _MAX_CLAUSE:
        return [clause]
    return [clause[i : i + _MAX_CLAUSE] for i in range(0, len(clause), _MAX_CLAUSE)]


_OWNER_WINDOW = 30


def stated_in(
    pieces: Sequence[str],
    topic_groups: Sequence[re.Pattern[str]],
    carries: Sequence[str],
    excluding: Sequence[str] = (),
    near: bool = False,
    not_by: Sequence[str] = (),
    by: str | None = None,
    not_of: Sequence[str] = (),
    of: str | None = None,
    denied: re.Pattern[str] | None = None,
    not_under: Sequence[str] = (),
) -> str | None:
    """The first clause that matches every topic group and carries a value of every kind in
    ``carries`` (``"method|place"``: either); None when no clause does. With ``near``, a value
    must stand in the same sentence as the first topic's word, a few words from it (in a
    contract every clause speaks of the auction; the time of the auction is the one said with
    it).

    With ``excluding`` (topic names), the first value carried must belong to the topic: the
    words just before it name the topic and none of the excluded ones (a court's contact line,
    not its supervision line: "法院监督电话：…" is not "法院电话：…").

    With ``not_under`` (topic names), a clause under one of their labels and not under the
    topic's own is not read ("四、标的交付:…付清价款之日起7日内…" is no payment of the proceeds).

    With ``not_of`` (topic names), some value carried must be said in a phrase (between commas)
    that names ``of``, or that names none of ``not_of`` and names the topic, or stands in a
    sentence that names ``of``: "报名截止时间：5月27日" is the registration's time, not the
    auction's; "展示及拍卖时间：5月28日" is both; "定于5月28日10时,假座…酒店宴会厅,举行拍卖会"
    gives the auction's place."""
    words = vocabulary()
    wanted = [[words.value(name) for name in entry.split("|")] for entry in carries]
    excluded = [words.topic(name) for name in excluding]
    others = [words.topic(name) for name in not_under]
    if denied is not None and any(
        not words.value("moment").search(_sentence_at(clause, match))
        for clause in pieces
        for match in denied.finditer(clause)
    ):
        # "本公司不另行组织展示": the document says there is none (not "展示时间：5月1日至2日,
        # 逾期不另行安排看样", which gives the exhibition and refuses another)
        return None
    for index, clause in enumerate(pieces):
        if not all(group.search(clause) for group in topic_groups):
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        if not wanted and _left_blank(clause, topic_groups[0], following):
            continue
        if others and _under(clause, others, topic_groups[0]):
            continue
        if wanted and _DEFERRED.search(clause):
            continue
        if not all(any(p.search(clause) for p in alternatives) for alternatives in wanted):
            continue
        if excluded and wanted and not _owned(clause, topic_groups[0], wanted[0], excluded):
            continue
        if near and wanted and not _near(clause, topic_groups[0], wanted[0]):
            continue
        if not_by and wanted and not _not_only_by(clause, wanted[0], not_by, by):
            continue
        if not_of and wanted and not _not_only_of(clause, topic_groups[0], wanted[0], not_of, of):
            continue
        return clause
    return None


# What a form left empty shows after its label: "九、其他约定事项:______", "其他:(以下空白)".
_BLANK = rx.compile(
    r"\s*(?::|_|＿)[\s:_＿\-—/]*(?:\((?:以下空白|此处空白|空白|无正文)\)|以下空白)?[\s_＿\-—/。]*$"
)


# a label whose whole value is a paper apart ("其他约定:详见附件三", "见双方另行签订的补充协议"):
# what it says is not in this document
_ELSEWHERE = rx.compile(
    r"\s*:?\s*(?:详见|见|参见|另见)[^,。;]{0,20}?(?:附件|附表|补充协议|另行签订|另附)[^,。;]{0,16}[。;]?\s*"
)
# a line to fill in, whatever a wrapped line put after it ("其他:______本合同自…生效")
_FILL = rx.compile(r"\s*:?\s*[_＿]{3,}")


def _left_blank(clause: str, topic: re.Pattern[str], following: str = "") -> bool:
    """Whether the clause names the topic only as a label left empty ("其他约定事项:____") or
    pointing to a paper apart ("详见附件三"), or is a numbered heading with nothing under it
    ("九、双方约定的其他事项" over blank lines, not "七、其他" over "1.…" — the ``following``
    clause)."""
    first = topic.search(clause)
    if first is None:
        return False
    tail = _LABEL_TAIL.match(clause, first.end())
    at = tail.end() if tail else first.end()
    if _BLANK.fullmatch(clause, at) or _FILL.match(clause, at) or _ELSEWHERE.fullmatch(clause, at):
        return True
    if clause[at:].strip() or not (_ITEM_START.match(clause) and _HEADING.match(clause)):
        return False
    return not (_ITEM_START.match(following) and _level(following) != _level(clause))


# the rest of a label after the topic's word ("其他约定" + "事项")
_LABEL_TAIL = rx.compile(r"(?:[^\s:,。;_＿()]{1,6}(?=[:\s]|$))?")


_PHRASE_END = rx.compile(r"[,，。!?;！？；\n]")


def _not_only_of(
    clause: str,
    topic: re.Pattern[str],
    values: Sequence[re.Pattern[str]],
    not_of: Sequence[str],
    of: str | None,
) -> bool:
    """Whether some value of ``clause`` is said in a phrase that names ``of``, or names the
    topic and none of the topics ``not_of`` (see :func:`stated_in`)."""
    words = vocabulary()
    others = [words.topic(name) for name in not_of]
    own = words.topic(of) if of else None
    label = _label_of(clause)
    if any(o.search(label) for o in others) and not (own and own.search(label)):
        return False  # "竞买保证金:…须于拍卖日前…交至本公司": the clause is the deposit's
    for pattern in values:
        for match in pattern.finditer(clause):
            start = max(0, match.start() - _PHRASE)
            before = _PHRASE_END.split(clause[start : match.start()])[-1]
            after = _PHRASE_END.split(clause[match.end() : match.end() + _PHRASE])[0]
            phrase = before + match.group(0) + after
            attached = clause[max(0, match.start() - 3) : match.start() + 1]
            if any(o.search(attached) for o in others):
                continue  # "位于…": the words the value hangs on are another's
            if own and own.search(phrase):
                return True
            if any(o.search(phrase) for o in others):
                continue
            if topic.search(phrase) or (own and own.search(_sentence_at(clause, match))):
                return True
    return False


def _label_of(clause: str) -> str:
    """The label a clause stands under ("四、标的交付" of "四、标的交付:…"), or ""."""
    colon = clause.find(":")
    return clause[:colon] if 0 < colon <= _LABEL_WIDTH else ""


def _under(clause: str, others: Sequence[re.Pattern[str]], topic: re.Pattern[str]) -> bool:
    """Whether ``clause`` stands under another topic's label and not under its own."""
    label = _label_of(clause)
    return bool(label) and any(o.search(label) for o in others) and not topic.search(label)


def _sentence_at(clause: str, match: re.Match[str]) -> str:
    start = max(0, match.start() - _PARAGRAPH)
    before = _SENTENCE_END.split(clause[start : match.start()])[-1]
    after = _SENTENCE_END.split(clause[match.end() : match.end() + _PARAGRAPH])[0]
    return before + match.group(0) + after


_PHRASE = 40
_LABEL_WIDTH = 16


def _not_only_by(
    clause: str, values: Sequence[re.Pattern[str]], not_by: Sequence[str], by: str | None
) -> bool:
    """Whether some value of ``clause`` is not said of another party alone: the words before it
    in its sentence name none of ``not_by``, or name ``by`` too ("买受人按成交价的5%支付佣金" is
    the buyer's commission; "委托人和买受人各按5%" is the consignor's too)."""
    words = vocabulary()
    others = [words.topic(name) for name in not_by]
    own = words.topic(by) if by else None
    for pattern in values:
        for match in pattern.finditer(clause):
            before = clause[max(0, match.start() - _OWNER_WINDOW) : match.start()]
            before = _SENTENCE_END.split(before)[-1]
            said = before + match.group(0)
            if not any(o.search(before) for o in others) or (own and own.search(said)):
                return True
    return False


_NEAR_WINDOW = 60  # an address in brackets may stand between a date and its 拍卖厅


def _near(clause: str, topic: re.Pattern[str], values: Sequence[re.Pattern[str]]) -> bool:
    for pattern in values:
        for match in pattern.finditer(clause):
            before = clause[max(0, match.start() - _NEAR_WINDOW) : match.start()]
            after = clause[match.end() : match.end() + _NEAR_WINDOW]
            before = _SENTENCE_END.split(before)[-1]
            after = _SENTENCE_END.split(after)[0]
            if topic.search(before) or topic.search(after):
                return True
    return False


def _owned(
    clause: str,
    topic: re.Pattern[str],
    values: Sequence[re.Pattern[str]],
    excluded: Sequence[re.Pattern[str]],
) -> bool:
    """Whether a value of ``clause`` is the topic's: the words it hangs on (from the last
    comma or space before it) name the topic and none of the excluded ones ("法院联系电话：" is
    the court's, "某某拍卖有限公司：…" under the heading "咨询与监督" the firm's); when those
    words do not name the topic, the words before the value up to ``_OWNER_WINDOW`` must name
    it and none of the excluded ones."""
    for pattern in values:
        for match in pattern.finditer(clause):
            window = clause[max(0, match.start() - _OWNER_WINDOW) : match.start()]
            label = _OWNER_SEGMENT.split(window)[-1]
            if topic.search(label):
                window = label
            if topic.search(window) and not any(e.search(window) for e in excluded):
                return True
    return False


_OWNER_SEGMENT = rx.compile(r"[,，。;；、\s]")
