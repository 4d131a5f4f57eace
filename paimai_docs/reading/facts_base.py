"""The reader's common parts: labels read from the models, the document (pages joined, with the
way back to each page's original) and the collected facts."""

from __future__ import annotations

import bisect
import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

from .. import rx
from ..errors import InvalidValue
from ..model_index import model_index
from .normalize import MappedText, normalize, normalize_mapped
from .types import Fact

# --------------------------------------------------------------------------------------------
# Labels, read from the models


def _model_labels() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """field name → (its ``x-label`` values, its ``x-synonyms``), over every model and
    sub-model (:mod:`paimai_docs.model_index`)."""
    return model_index().names


def labels_for(
    targets: Mapping[str, Sequence[str]],
    extras: Mapping[str, Sequence[str]] | None = None,
    exclude: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """label → target fact name, for ``targets`` (fact name → the model fields whose labels it
    takes). A field's own label wins over another's synonym; a synonym two targets claim is
    dropped; ``extras`` (reader-only labels) are added last; ``exclude`` is removed."""
    table = _model_labels()
    owner: dict[str, str] = {}
    strong: set[str] = set()
    ambiguous: set[str] = set()
    for target, sources in targets.items():
        for source in sources:
            for label in table.get(source, (frozenset(), frozenset()))[0]:
                if label in strong and owner[label] != target:
                    ambiguous.add(label)
                owner[label] = target
                strong.add(label)
    for target, sources in targets.items():
        for source in sources:
            for label in table.get(source, (frozenset(), frozenset()))[1]:
                if label in strong:
                    continue
                if label in owner and owner[label] != target:
                    ambiguous.add(label)
                owner.setdefault(label, target)
    for label in ambiguous - strong:
        owner.pop(label, None)
    for target, labels in (extras or {}).items():
        for label in labels:
            owner[label] = target
    return {label: target for label, target in owner.items() if label not in exclude}


def _alternation(labels: Sequence[str]) -> str:
    # longest first (the engine takes the first alternative that matches); one order in every
    # process, whatever the hash seed, so that the compiled pattern is found in the cache (.rx)
    ordered = sorted(set(labels), key=lambda label: (-len(label), label))
    return "|".join(re.escape(label) for label in ordered)


# Reader-only phrasings (not labels of a model field, but how published texts write them).
_EXTRA_LABELS: dict[str, tuple[str, ...]] = {
    # 按金: the deposit in Hong Kong and Macao usage (競投按金).
    "deposit_amount": (
        "保证金标准",
        "竞拍保证金",
        "竞价保证金",
        "报名保证金",
        "按金",
        "竞投按金",
        "已付保证金",
        "已交保证金",
        "已缴保证金",
        "已交纳保证金",
    ),
    "appraisal_value": (
        "评估总值",
        "评估价值",
        "市场参考价",
        "评估单价",
        "评估金额",
        "市场价值",
        "估价结果",
        "评估结果",
    ),
    # 变卖价: the price a sale after failed auctions (变卖) starts from.
    "starting_price": (
        "起拍金额",
        "起始价格",
        "起始价",
        "开拍价",
        "起拍总价",
        "起叫价",
        "变卖价",
        "变卖价格",
        # a lease's or a use right's sale starts from a rent
        "起始年租金",
        "起拍年租金",
        "起始租金",
        "起拍租金",
    ),
    # A listing's price (挂牌价, 转让底价) is both its floor and where bidding starts: read as
    # reserve_price here and copied to starting_price (facts_money._price_roles).
    # 转让低价: the homophone misspelling of 底价, common in trading-centre postings.
    "reserve_price": (
        "转让底价",
        "转让低价",
        "挂牌底价",
        "挂牌价格",
        "挂牌价",
        "保底价",
        "最低成交价",
    ),
    # 最高应价 with an amount is the price the hammer fell at (a lot that did not sell is left
    # out: facts_money._NOT_SOLD).
    "hammer_price": (
        "拍卖成交价",
        "成交总价",
        "竞得价",
        "最终成交价",
        "成交年租金",
        "成交租金",
        "最高应价",
    ),
    # The previous round's prices (re-auctions): never the current reserve or starting price.
    "previous_reserve_price": ("前次保留价", "上次保留价", "上一次保留价", "原保留价"),
    "previous_starting_price": ("前次起拍价", "上次起拍价", "上一次起拍价", "原起拍价"),
}
_MONEY_TARGETS = {
    "deposit_amount": ("deposit_amount",),
    "appraisal_value": ("appraisal_value",),
    "starting_price": ("starting_price",),
    "reserve_price": ("reserve_price", "reserve_or_floor"),
    "hammer_price": ("hammer_price", "transaction_price"),
    "bid_increment": ("bid_increment", "increment"),
    "previous_reserve_price": (),
    "previous_starting_price": (),
}
# Labels of other money fields: matched so that "保证金充抵" is not read as "保证金".
_MONEY_BLOCKERS = (
    "deposit_applied", "commission_amount", "total_amount", "balance_due", "amount",
)  # fmt: skip
# Deposits that are not the bidding deposit (lease and performance deposits).
_OTHER_DEPOSITS = ("履约保证金", "结构保证金", "质量保证金", "过户保证金", "押金", "承租押金")
_GENERIC = frozenset(
    {"日期", "编号", "名称", "标的", "结果", "账户", "合计", "总计", "大写", "余款", "时间",
     "结束时间", "报价", "出价", "应价", "平台", "网站", "媒体", "报纸", "类型", "责任"}
)  # fmt: skip


@dataclass(frozen=True)
class _LabelSet:
    owner: dict[str, str]
    pattern: re.Pattern[str]


def _label_set(
    targets: Mapping[str, Sequence[str]],
    extras: Mapping[str, Sequence[str]] | None = None,
    blockers: Sequence[str] = (),
) -> _LabelSet:
    owner = labels_for(targets, extras, _GENERIC)
    table = _model_labels()
    for source in blockers:
        primary, synonyms = table.get(source, (frozenset(), frozenset()))
        for label in primary | synonyms:
            if label not in owner and label not in _GENERIC:
                owner[label] = ""
    if blockers:
        for label in _OTHER_DEPOSITS:
            owner.setdefault(label, "")
    return _LabelSet(owner, rx.compile(f"(?:{_alternation(list(owner))})"))


@lru_cache(maxsize=1)
def _exhibition_end_labels() -> frozenset[str]:
    """Labels that name the end of the exhibition alone (the model's ``exhibition_end``)."""
    primary, synonyms = _model_labels().get("exhibition_end", (frozenset(), frozenset()))
    starts = _model_labels().get("exhibition_start", (frozenset(), frozenset()))
    return frozenset((primary | synonyms) - (starts[0] | starts[1]))


@lru_cache(maxsize=1)
def _labels() -> dict[str, _LabelSet]:
    return {
        "money": _label_set(_MONEY_TARGETS, _EXTRA_LABELS, _MONEY_BLOCKERS),
        "auction_time": _label_set(
            {"auction_datetime": ("auction_datetime", "bidding_start")},
            {
                "auction_datetime": (
                    "自由竞价时间", "网络拍卖时间", "网拍时间", "竞价期间", "竞价开始时间",
                    "开拍日期", "开拍时间", "拍卖开始时间", "拍卖会开始时间", "拍卖会日期",
                    "竞价日期", "举槌时间", "举槌日期", "开槌时间", "开槌日期",
                )
            },
        ),
        "bidding_end": _label_set({"bidding_end": ("bidding_end",)}),
        "venue": _label_set(
            {"auction_venue": ("auction_venue",)},
            {"auction_venue": ("拍卖会场", "竞价地点", "拍卖场所", "举槌地点", "举槌场所")},
        ),
        "exhibition": _label_set(
            {"exhibition": ("exhibition_start", "exhibition_end")},
            {"exhibition": ("现场展示", "展示期", "预展期", "看样日期", "标的展示", "展示及看样")},
        ),
        "publish": _label_set(
            {"publish": ("publish_date", "announcement_publish_date", "published_date")},
            {
                "publish": (
                    "挂牌起始日期", "挂牌开始日期", "挂牌日期", "发布时间", "公告时间",
                    "公示发布时间", "公示时间",
                )
            },
        ),
        "signed": _label_set(
            {"signed": ("signed_date", "signed_at", "sign_date", "handover_date")},
            {"signed": ("签订时间", "签约时间", "签字日期")},
        ),
        "filing": _label_set(
            {"filing": ("filing_date",)},
            {
                "filing": (
                    "提交时间", "提交日期", "申报日期", "报送日期", "填表日期", "填报时间",
                    "备案时间", "申请日期", "报备时间",
                )
            },
        ),
        # The date a report, a letter or a form bears (kinds without a model date of their own).
        "report": _label_set(
            {},
            {
                "report": (
                    "报告日期", "报告时间", "出具日期", "出具时间", "落款日期", "签发日期",
                    "制表日期", "填表日期", "填报日期", "提交时间", "提交日期", "申请日期",
                    "签订日期", "签署日期", "确认时间", "确认日期", "记录日期",
                )
            },
        ),
        "registered": _label_set({}, {"registered": ("登记日期", "登记时间", "报名日期")}),
    }  # fmt: skip


# --------------------------------------------------------------------------------------------
# The document: pages' normalised text joined, with the way back to each page's original

_PAGE_JOIN = "\n\n"


@dataclass
class _Page:
    """One page. ``text`` is its normalised text with the lines a PDF wrapped joined (what is
    matched); ``breaks`` are the indexes in ``normalized`` of the line breaks that joining
    removed. The map back to the original (for evidence) and the normalisation that keeps the
    spaces (for tables) are made only for the pages that need them."""

    number: int
    original: str
    normalized: str
    text: str
    breaks: tuple[int, ...]
    start: int
    _mapped: MappedText | None = None
    _spaced_text: str | None = None
    _spaced: MappedText | None = None

    @property
    def mapped(self) -> MappedText:
        """``text`` with the map back to ``original``."""
        if self._mapped is None:
            full = MappedText.identity(self.normalized)
            if self.original:
                mapped = normalize_mapped(self.original)
                if mapped.text == self.normalized:  # (see extract_facts when not)
                    full = mapped
            offsets = full.offsets
            if self.breaks:
                offsets = tuple(chain.from_iterable(_without(offsets, self.breaks)))
            self._mapped = MappedText(self.text, offsets, full.original)
        return self._mapped

    @property
    def spaced_text(self) -> str:
        """The page normalised without removing spaces (table cells stay apart)."""
        if self._spaced_text is None:
            self._spaced_text = (
                normalize(self.original, keep_spaces=True) if self.original else self.normalized
            )
        return self._spaced_text

    @property
    def spaced(self) -> MappedText:
        """``spaced_text`` with the map back to ``original``."""
        if self._spaced is None:
            if self.original:
                self._spaced = normalize_mapped(self.original, keep_spaces=True)
            else:
                self._spaced = MappedText.identity(self.normalized)
        return self._spaced


# OCR reads 1 as l or I and 0 as O inside figures ("l00万元", "l50,000", "2O26"): put back, one
# character for one (the offsets into the text do not move).
_DIGIT_TYPO = rx.compile(
    r"(?<![A-Za-z])[lI](?=\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|万))"
    r"|(?<=\d)[lIO](?=\d)|(?<=\d,)[lIO](?=\d\d)"
)


def _digit_typos(text: str) -> str:
    if "l" not in text and "I" not in text and "O" not in text:
        return text
    return _DIGIT_TYPO.sub(lambda match: "0" if match.group(0) == "O" else "1", text)


@dataclass
class _Doc:
    text: str
    pages: list[_Page]
    starts: list[int]

    @classmethod
    def build(cls, pages: Sequence[tuple[int, str, str]]) -> _Doc:
        parts: list[str] = []
        built: list[_Page] = []
        position = 0
        for number, original, normalized in pages:
            normalized = normalized or ""
            breaks = _wrapped_breaks(normalized)
            text = "".join(_without(normalized, breaks)) if breaks else normalized
            text = _digit_typos(text)
            if parts:
                # a sentence the page break cut goes on; otherwise pages stay apart
                join = "" if _runs_on(built[-1].normalized, text) else _PAGE_JOIN
                parts.append(join)
                position += len(join)
            built.append(_Page(number, original, normalized, text, tuple(breaks), position))
            parts.append(text)
            position += len(text)
        return cls("".join(parts), built, [page.start for page in built])

    def locate(self, start: int, end: int) -> tuple[int, str]:
        """(page number, original-text evidence) for ``text[start:end]``."""
        if not self.pages:
            return 0, ""
        index = max(0, bisect.bisect_right(self.starts, start) - 1)
        page = self.pages[index]
        local_start = max(0, start - page.start)
        local_end = min(len(page.text), max(local_start + 1, end - page.start))
        return page.number, page.mapped.quote(local_start, local_end)


_S = typing.TypeVar("_S", str, tuple[int, ...])


def _without(items: _S, indexes: Sequence[int]) -> Iterator[_S]:
    """The runs of ``items`` between the (ascending) ``indexes``, which are left out."""
    position = 0
    for index in indexes:
        yield items[position:index]
        position = index + 1
    yield items[position:]


_LABEL_ENDS = (
    "时间|日期|地点|地址|名称|电话|金额|数额|方式|期限|编号|号码|说明|事项|条件|账户|账号|情况"
    "|保证金|佣金|标准|截止|联系人|价格|价款|费用|手续|资格|要求|幅度|面积|用途|现状|结果"
)
_LIST_START = rx.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、](?!\d)"
    r"|第[一二三四五六七八九十\d]+[条章节]|[\u4e00-\u9fff]{2,8}:"
    # a longer label ends in a label's word; "心三楼拍卖厅公开拍卖:" is a wrapped sentence, and
    # so is "位账户转入我司账户:" (money moving into an account is said, not labelled)
    rf"|(?![^:]{{0,8}}(?:转入|汇入|存入|划入|转至|汇至|付至|交至|打入))"
    rf"[\u4e00-\u9fff]{{1,8}}(?:{_LABEL_ENDS}):)"
)
_CLOSED = "。!?;:"  # not ")": a full line that ends a remark in brackets goes on (…(含税)\n为…)


# Narrow when printed: what is not CJK, except the punctuation of Chinese text, which was
# full-width before normalisation made it ASCII (",", ":", "(" were "，", "：", "（")
_NARROW = rx.compile("[^\n\u2e80-\U0010ffff,;:()!?]+")


def _visual_widths(text: str, lines: Sequence[str]) -> list[int]:
    """The width of each of the ``lines`` of ``text`` as printed: a CJK character (from U+2E80
    on) or Chinese punctuation is two columns, any other one."""
    wide = _NARROW.sub("", text).split("\n")  # per line, its wide characters
    return [len(line) + len(chars) for line, chars in zip(lines, wide, strict=True)]


def _full_width(lines: list[str], widths: list[int]) -> float | None:
    """The width from which a line of a wrapped page is full, or None when the page is not
    wrapped: at least three of its lines reach (nearly) the same, longest width."""
    if len(lines) < 4:
        return None
    lengths = sorted(widths, reverse=True)
    if lengths[0] < 40:
        return None
    full = 0.88 * lengths[1]  # the longest line may be an outlier (a URL, a table row)
    # Lines the normaliser joined (a figure broken between them) and table rows are wider than
    # any printed line: when most full lines are narrower, their width is the page's.
    buckets: dict[int, list[int]] = {}
    for length in lengths:
        if length >= 40:
            buckets.setdefault(length // 4, []).append(length)
    common = max(buckets.values(), key=lambda group: (len(group), group[0]))
    if len(common) >= 3 and 0.88 * max(common) < full:
        full = 0.88 * max(common)
    if sum(1 for length in lengths if length >= full) < 3:
        return None
    return full


def _goes_on(line: str, following: str) -> bool:
    """Whether a full line ``line`` is continued by ``following``: it does not end a clause,
    and the next line starts no new item (unless the break cut a label: ``本次拍卖起`` +
    ``拍价：96,320元``) and does not put figures against figures (a phone number, then the date
    under it: joined, they would read as one number)."""
    return (
        line[-1:] not in _CLOSED
        and bool(following.strip())
        and (not _LIST_START.match(following) or _label_cut(line, following))
        and not (line[-1:].isascii() and line[-1:].isalnum() and following[:1].isdigit())
        and not (line.endswith("|") and following.lstrip().startswith("|"))  # two table rows
        and not ("|" in line and _NUMBERED_ROW.match(following))  # a table's next row
        and not (len(following) <= 40 and _DATED_LINE.search(following))  # a signature's line
    )


# a table's row that starts with its number ("1|挖掘机|…", "| 2 | 叉车 |"): never the rest of
# the line before it (a header, or the row before, that filled the printed width)
_NUMBERED_ROW = rx.compile(r"\s*\|?\s*[1-9]\d{0,2}\s*\|")
# a short line that ends in a date: a signature's or a dateline, never the rest of a sentence
_DATED_LINE = rx.compile(
    r"(?:\d{4}[年./-]\d{1,2}[月./-]\d{1,2}日?|[〇零一二三四五六七八九O0]{4}年"
    r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$"
)


def _label_cut(line: str, following: str) -> bool:
    """Whether the end of ``line`` and the start of ``following`` up to its colon are one
    known label cut in two (``起`` + ``拍价:``)."""
    colon = following.find(":", 0, 12)
    if colon < 1:
        return False
    head = following[:colon]
    return any(line[-k:] + head in _all_labels() for k in (1, 2, 3) if len(line) >= k)


@lru_cache(maxsize=1)
def _all_labels() -> frozenset[str]:
    return frozenset(label for labels in _labels().values() for label in labels.owner)


def unwrapped(text: str) -> str:
    """A page's normalised ``text`` with the line breaks a PDF made inside sentences removed
    (see :func:`_wrapped_breaks`): what the fact extractor reads, and what the rules read a
    document's clauses from."""
    breaks = _wrapped_breaks(text)
    return "".join(_without(text, breaks)) if breaks else text


def _wrapped_breaks(text: str) -> list[int]:
    """The line breaks (indexes in ``text``) that join lines a PDF wrapped in the middle of a
    sentence: a full line of a wrapped page that goes on in the next one."""
    lines = text.split("\n")
    widths = _visual_widths(text, lines)
    full = _full_width(lines, widths)
    if full is None:
        return []
    breaks: list[int] = []
    position = 0
    for index, line in enumerate(lines[:-1]):
        position += len(line)
        if widths[index] >= full and _goes_on(line, lines[index + 1]):
            breaks.append(position)
        position += 1
    return breaks


def _runs_on(page: str, following: str) -> bool:
    """Whether the last line of a wrapped page is full and goes on on the next page (a
    sentence, or an amount, cut by the page break)."""
    lines = page.split("\n")
    if not lines or not lines[-1].strip():
        return False
    widths = _visual_widths(page, lines)
    full = _full_width(lines, widths)
    return full is not None and widths[-1] >= full and _goes_on(lines[-1], following)


# --------------------------------------------------------------------------------------------
# Collecting


@dataclass
class _Facts:
    doc: _Doc
    items: list[tuple[int, int, Fact]] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def add(
        self,
        name: str,
        value: Any,
        start: int,
        end: int,
        label: str | None = None,
        rank: int = 0,
        where: Callable[[], tuple[int, str]] | None = None,
    ) -> None:
        """Record a fact found at ``doc.text[start:end]`` (or where ``where()`` says: page and
        evidence); a second fact with the same name and value is dropped."""
        key = (name, repr(value))
        if key in self.seen:
            return
        self.seen.add(key)
        page, evidence = where() if where is not None else self.doc.locate(start, end)
        self.items.append((rank, len(self.items), Fact(name, value, page, evidence, label)))

    def copy_as(self, fact: Fact, name: str, rank: int = 2) -> None:
        """Record ``fact``'s value, page, evidence and label again under ``name`` (a price that
        the text says is also another one); dropped if that name already has that value."""
        key = (name, repr(fact.value))
        if key in self.seen:
            return
        self.seen.add(key)
        copied = Fact(name, fact.value, fact.page, fact.evidence, fact.label)
        self.items.append((rank, len(self.items), copied))

    def ranked(self, name: str) -> list[Fact]:
        """The facts of ``name``, best first."""
        return [
            fact
            for _, _, fact in sorted(
                (rank, order, fact) for rank, order, fact in self.items if fact.name == name
            )
        ]

    def first(self, name: str) -> Fact | None:
        ranked = sorted(
            (rank, order, fact) for rank, order, fact in self.items if fact.name == name
        )
        return ranked[0][2] if ranked else None

    def result(self) -> list[Fact]:
        # Stable: by name's first appearance, then by rank (label or sentence before inference).
        order: dict[str, int] = {}
        for _, position, fact in self.items:
            order.setdefault(fact.name, position)
        return [
            fact
            for _, _, _, fact in sorted(
                (order[fact.name], rank, position, fact) for rank, position, fact in self.items
            )
        ]


_V = typing.TypeVar("_V")


def _or_none(convert: Callable[[str], _V]) -> Callable[[str], _V | None]:
    """``convert(text)``, or None when it raises InvalidValue; remembered per text (the same
    amounts and phone numbers recur on a document's pages)."""

    @lru_cache(maxsize=4096)
    def converted(text: str) -> _V | None:
        try:
            return convert(text)
        except InvalidValue:
            return None

    return converted


_PAREN = rx.compile(r"\([^()]*\)|“|”|\"")


# What follows 在 but is no place: the event itself (在拍卖会上), or a firm that hosted it (在某某
# 拍卖有限公司举行的…: the company, not its saleroom).
_NOT_A_PLACE = rx.compile(
    r"^(?:本次|该次|此次|本场|该)?(?:拍卖会|拍卖|竞价会|专场)(?:上|中|现场)?$"
    r"|^[^\n]{2,40}(?:有限责任公司|股份有限公司|有限公司|公司)$"
    # a reference or a deferral in the place of a place ("以法院通知为准", "另行通知")
    r"|^(?:以|按|详见|见|另行|待定|届时)"
)


def _clean_place(place: str) -> str:
    """The place, without remarks in brackets; empty when it is no place at all."""
    cleaned = _PAREN.sub("", place).strip(" :")
    return "" if _NOT_A_PLACE.match(cleaned) else cleaned
