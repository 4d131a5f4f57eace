"""Extract the facts the rules need from a document's pages, named as the model fields.

:func:`extract_facts` takes ``(page number, original text, normalised text)`` per page and
returns :class:`~paimai_docs.reading.types.Fact` objects, each with a typed value, its page, the
label it was found under and evidence quoted from the *original* text (the sentence around the
match, at most 120 characters).

Labels come from the models: every field's ``x-label`` and ``x-synonyms``
(:func:`labels_for`), plus the few reader-only phrasings listed in ``_EXTRA_LABELS`` (forms seen
in published documents that a model label would not name, such as 挂牌起始日期 for the
publication date of a trading-centre notice). A label that two target fields both claim as a
synonym is dropped; a field's own ``x-label`` beats another field's synonym.

Facts and their names (value type in brackets):

* amounts [Decimal, yuan]: ``deposit_amount``, ``appraisal_value``, ``starting_price``,
  ``reserve_price``, ``hammer_price``, ``bid_increment``; an amount that is also written in 大写
  next to the figures gives a second fact ``<name>_words`` with the 大写 value, so a rule can
  compare them. ``has_reserve`` [bool False] for "保留价：无" / "无保留价"; "保留价等于起拍价"
  copies the starting price into ``reserve_price``;
* dates and times [date or datetime]: ``auction_datetime`` (the start), ``bidding_start`` and
  ``bidding_end`` when the auction is a range (online sales), ``exhibition_start``,
  ``exhibition_end``, ``deposit_deadline``, and the document's own date named by its kind:
  ``publish_date`` (announcements), ``published_date`` (result publicity), ``signed_date``
  (contracts), ``signed_at`` (sale confirmations), ``filing_date`` (filings), ``handover_date``,
  ``sign_date`` (vehicle authorization), else ``document_date``;
* ``auction_venue`` [str];
* phones [PhoneNumber, validated]: ``court_supervision_phone``, ``court_phone``,
  ``exchange_phone``, ``auctioneer_phone`` (the auction firm's line: ``auctioneer.phone`` in the
  models), and ``contact_phone`` for a number whose owner the text does not say (platform help
  lines, unlabelled numbers); fax numbers are skipped;
* commission [Decimal fraction, 0.05 = 5%]: ``commission_rate_buyer``,
  ``commission_rate_consignor``, ``commission_rate`` (payer not stated), ``service_fee_rate``
  (a trading centre's 服务费);
* identities: ``id_number`` [ResidentId] and ``credit_code`` [CreditCode] when valid;
  ``id_number_invalid`` and ``credit_code_invalid`` [str, as written] when a number written under
  an ID or credit-code label fails its check (a rule flags these); an unlabelled 18-character
  string that fails is ignored (it is more likely an account number);
* parties [str, the name]: ``consignor``, ``auctioneer``, ``buyer``, ``bidder``, ``court_name``,
  and ``bidder_no`` [str].

Several facts may share a name (two phone lines, six auction sessions); the first of a name is
the one the text states most directly (a label or the announcing sentence) and earliest.

How the text is read: the pages' normalised text is joined; lines a PDF wrapped mid-sentence are
re-joined when the page shows a wrap width (:func:`_wrapped_breaks`); values are taken right
after their label (``保证金：15000元``,
``评估价为人民币105.6万元``, ``底价（万元）：50``), from the announcing sentence
(``定于…在…举行``), from a table whose header row names amount columns (cells separated by
spaces, read from a normalisation that keeps the spaces), or from the line under the
signature (the document's own date). Only a page that gives a fact is normalised again from its
original, to keep the map back that the evidence is quoted through; only a page whose text
holds an amount label is normalised keeping its spaces, to look for a table.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from itertools import chain
from typing import Any

from pydantic import BaseModel

from ..errors import InvalidValue
from ..models import MODELS
from ..models.base import LABEL_KEY, SYNONYMS_KEY
from ..values.contact import validate_phone
from ..values.identity import validate_credit_code, validate_resident_id
from ..values.money import parse_amount, parse_words
from ..values.percent import to_percent
from .classify import classify
from .dates import DateRange, find_ranges
from .normalize import MappedText, normalize, normalize_mapped
from .types import Fact

__all__ = ["DATE_FACT_BY_KIND", "extract_facts", "labels_for"]

# --------------------------------------------------------------------------------------------
# Labels, read from the models


def _model_types(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for argument in typing.get_args(annotation):
        yield from _model_types(argument)


@lru_cache(maxsize=1)
def _model_labels() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """field name → (its ``x-label`` values, its ``x-synonyms``), over every model and
    sub-model reachable from :data:`paimai_docs.models.MODELS`."""
    primary: dict[str, set[str]] = {}
    synonyms: dict[str, set[str]] = {}
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = list(MODELS.values())
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            stack.extend(_model_types(info.annotation))
            extra = info.json_schema_extra
            if not isinstance(extra, dict):
                continue
            label = extra.get(LABEL_KEY)
            if isinstance(label, str):
                primary.setdefault(name, set()).add(label)
            more = extra.get(SYNONYMS_KEY)
            if isinstance(more, list):
                synonyms.setdefault(name, set()).update(str(item) for item in more)
    names = set(primary) | set(synonyms)
    return {
        name: (frozenset(primary.get(name, ())), frozenset(synonyms.get(name, ())))
        for name in names
    }


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
    return "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))


# Reader-only phrasings (not labels of a model field, but how published texts write them).
_EXTRA_LABELS: dict[str, tuple[str, ...]] = {
    "deposit_amount": ("保证金标准", "竞拍保证金", "竞价保证金", "报名保证金"),
    "appraisal_value": ("评估总值", "评估价值", "市场参考价", "评估单价", "评估金额"),
    "starting_price": ("起拍金额", "起始价格", "开拍价", "起拍总价"),
    # 转让低价: the homophone misspelling of 底价, common in trading-centre postings.
    "reserve_price": ("转让底价", "转让低价", "挂牌底价", "挂牌价格", "挂牌价", "保底价"),
    "hammer_price": ("拍卖成交价", "成交总价", "竞得价", "最终成交价"),
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
    "highest_bid",
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
    return _LabelSet(owner, re.compile(f"(?:{_alternation(list(owner))})"))


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
            {"auction_datetime": ("自由竞价时间", "网络拍卖时间", "网拍时间", "竞价期间")},
        ),
        "bidding_end": _label_set({"bidding_end": ("bidding_end",)}),
        "venue": _label_set(
            {"auction_venue": ("auction_venue",)}, {"auction_venue": ("拍卖会场", "竞价地点")}
        ),
        "exhibition": _label_set(
            {"exhibition": ("exhibition_start", "exhibition_end")},
            {"exhibition": ("现场展示", "展示期", "预展期", "看样日期", "标的展示", "展示及看样")},
        ),
        "publish": _label_set(
            {"publish": ("publish_date", "announcement_publish_date", "published_date")},
            {"publish": ("挂牌起始日期", "挂牌开始日期", "挂牌日期", "发布时间", "公告时间")},
        ),
        "signed": _label_set(
            {"signed": ("signed_date", "signed_at", "sign_date")},
            {"signed": ("签订时间", "签约时间", "签字日期")},
        ),
        "filing": _label_set({"filing": ("filing_date",)}),
    }


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
            if parts:
                parts.append(_PAGE_JOIN)
                position += len(_PAGE_JOIN)
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


_LIST_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、](?!\d)"
    r"|第[一二三四五六七八九十\d]+[条章节]|[\u4e00-\u9fff]{2,10}:)"
)
_CLOSED = "。!?;:)"


_NARROW = re.compile("[^\n\u2e80-\U0010ffff]+")


def _visual_widths(text: str, lines: Sequence[str]) -> list[int]:
    """The width of each of the ``lines`` of ``text`` as printed: a CJK character (from U+2E80
    on) is two columns, any other one."""
    wide = _NARROW.sub("", text).split("\n")  # per line, its wide characters
    return [len(line) + len(chars) for line, chars in zip(lines, wide, strict=True)]


def _wrapped_breaks(text: str) -> list[int]:
    """The line breaks (indexes in ``text``) that join lines a PDF wrapped in the middle of a
    sentence. A page is wrapped when at least three of its lines reach (nearly) the same,
    longest width; such a full-width line that does not end a clause is joined to the next
    line unless that one starts a new item."""
    lines = text.split("\n")
    if len(lines) < 4:
        return []
    widths = _visual_widths(text, lines)
    lengths = sorted(widths, reverse=True)
    if lengths[0] < 40:
        return []
    width = lengths[1]  # the longest line may be an outlier (a URL, a table row)
    full = 0.88 * width
    if sum(1 for length in lengths if length >= full) < 3:
        return []
    breaks: list[int] = []
    position = 0
    for index, line in enumerate(lines[:-1]):
        position += len(line)
        if widths[index] >= full and line[-1:] not in _CLOSED:
            following = lines[index + 1]
            if following.strip() and not _LIST_START.match(following):
                breaks.append(position)
        position += 1
    return breaks


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


# --------------------------------------------------------------------------------------------
# Amounts

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


_parse_amount = _or_none(parse_amount)
_parse_words = _or_none(parse_words)
_validate_phone = _or_none(validate_phone)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BIG = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿"
_WORDS_CORE = rf"[{_BIG}]+[元圆](?:[{_BIG}]+[角分])*[整正]?"
_VALUE = re.compile(
    r"(?P<filler>(?:[^。;\n\d]|\d[.、](?=\D)){0,16}?)"
    rf"(?:(?P<prefix>人民币|RMB|CNY|¥)?(?P<num>{_NUMBER})(?!\d)(?![.、](?!\d))"
    r" ?(?P<mult>万亿|亿|万)?(?P<yuan>元|圆)?"
    rf"|(?:人民币)?(?:\(?大写\)?:?)?(?P<words>{_WORDS_CORE}))"
)
_LABEL_UNIT = re.compile(r"\((?P<unit>万元|元|人民币元|万|亿元)\)|\([^()\n]{1,12}\)")
_WORDS_AFTER = re.compile(rf" ?\((?:大写|人民币|:)*(?P<words>{_WORDS_CORE})\)")
_FIGURES_AFTER = re.compile(rf" ?\((?:小写|人民币|:|¥)*(?P<num>{_NUMBER}) ?(?P<mult>万|亿)?元?\)")
_BARE_FILLER = re.compile(r"^[:\s]*(?:为|是|约|合计|共计)?[:\s]*(?:人民币)?$")
_NO_VALUE = re.compile(r"无|不设|没有|待定|另行|见附|详见")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff%‰]")


def _amount_at(
    text: str, position: int, label_unit: str | None, labels: _LabelSet
) -> tuple[Decimal, int, Decimal | None, int] | None:
    """(amount, end of the amount, the 大写 amount written beside it or None, end) for the first
    amount after a label ending at ``position``; None when none follows closely."""
    at = position
    while at - position <= 24:
        match = _VALUE.match(text, at)
        if match is None:
            return None
        filler = text[position : match.start("num") if match.group("num") else match.end()]
        if _NO_VALUE.search(filler) or labels.pattern.search(filler):
            return None
        if match.group("words"):
            return _words_amount(text, match)
        found = _figures_amount(text, match, label_unit, filler)
        if found is not None:
            return found
        at = match.end()
    return None


def _words_amount(
    text: str, match: re.Match[str]
) -> tuple[Decimal, int, Decimal | None, int] | None:
    """A 大写 amount, with the figures written beside it in brackets when there are some."""
    value = _parse_words(match.group("words"))
    if value is None:
        return None
    end = match.end()
    after = _FIGURES_AFTER.match(text, end)
    if after:
        figures = _parse_amount(after.group("num") + (after.group("mult") or "") + "元")
        if figures is None:
            return value, end, None, end
        return figures, after.end(), value, after.end()
    return value, end, None, end


def _figures_amount(
    text: str, match: re.Match[str], label_unit: str | None, filler: str
) -> tuple[Decimal, int, Decimal | None, int] | None:
    """An amount in figures, if it has a unit (元, 万元, ¥, a unit in the label) or stands right
    after the label's colon; with the 大写 written beside it in brackets when there is one."""
    number, mult, yuan = match.group("num"), match.group("mult"), match.group("yuan")
    end = match.end()
    if not (yuan or mult or match.group("prefix") or label_unit):
        following = text[end : end + 1]
        if not _BARE_FILLER.match(filler) or _CJK_CHAR.match(following) or following == ".":
            return None
    if not mult and label_unit in ("万元", "万"):
        mult = "万"
    elif not mult and label_unit == "亿元":
        mult = "亿"
    value = _parse_amount(number + (mult or "") + "元")
    if value is None:
        return None
    words_value: Decimal | None = None
    after = _WORDS_AFTER.match(text, end)
    if after:
        words_value = _parse_words(after.group("words"))
        if words_value is not None:
            end = after.end()
    return value, match.end(), words_value, end


_NO_RESERVE = re.compile(
    r"保留价(?::|为)?(?:无|没有|不设)(?!.{0,3}保留)|无保留价|不设保留价|没有保留价"
)
_RESERVE_IS_START = re.compile(r"保留价(?:等于|即为|即|为|就是)起拍价")


def _money(doc: _Doc, facts: _Facts) -> None:
    labels = _labels()["money"]
    text = doc.text
    for match in labels.pattern.finditer(text):
        target = labels.owner.get(match.group(0))
        if not target:
            continue
        position = match.end()
        unit = _LABEL_UNIT.match(text, position)
        label_unit = None
        if unit:
            label_unit = unit.group("unit")
            position = unit.end()
        found = _amount_at(text, position, label_unit, labels)
        if found is None:
            continue
        value, value_end, words, end = found
        facts.add(target, value, match.start(), value_end, match.group(0))
        if words is not None:
            facts.add(f"{target}_words", words, match.start(), end, match.group(0))
    for match in _NO_RESERVE.finditer(text):
        facts.add("has_reserve", False, match.start(), match.end(), "保留价")
    starting = facts.first("starting_price")
    if starting is not None:
        for match in _RESERVE_IS_START.finditer(text):
            facts.add("reserve_price", starting.value, match.start(), match.end(), "保留价")
            break


# Tables: a header row naming amount columns, then rows of cells separated by spaces.

_HEADER_WORDS = re.compile(r"序号|编号|标的|名称|数量|单位|规格|型号|面积|坐落|车牌")
_CELL = re.compile(rf"^(?:¥)?(?P<num>{_NUMBER})(?P<mult>万|亿)?元?$")


_CELL_UNIT = re.compile(r"\((万元|元|万)\)")


def _tables(doc: _Doc, facts: _Facts) -> None:
    labels = _labels()["money"]
    for page in doc.pages:
        # A header cell holds a label. Normalising further only removes white space and turns
        # ○ into 〇 (no label has either), so the label is still in the normalised text: a
        # page whose normalised text holds none has no header.
        if labels.pattern.search(page.normalized) is None:
            continue
        lines = page.spaced_text.split("\n")
        position = 0
        starts = []
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        for index, line in enumerate(lines):
            if labels.pattern.search(line) is None:  # nor can any of its cells
                continue
            cells = line.split(" ")
            columns: dict[int, tuple[str, str | None, str]] = {}
            for column, cell in enumerate(cells):
                match = labels.pattern.search(cell)
                if match and labels.owner.get(match.group(0)):
                    unit_match = _CELL_UNIT.search(cell)
                    columns[column] = (
                        labels.owner[match.group(0)],
                        unit_match.group(1) if unit_match else None,
                        match.group(0),
                    )
            if not columns or len(cells) < 3:
                continue
            if len(columns) < 2 and not _HEADER_WORDS.search(line):
                continue
            for row_index in range(index + 1, min(len(lines), index + 31)):
                row = lines[row_index].split(" ")
                if not lines[row_index].strip():
                    continue
                if not (len(cells) - 2 <= len(row) <= len(cells) + 3) or len(row) < 2:
                    break
                shift = len(row) - len(cells)  # align from the right when counts differ
                for column, (target, unit, label) in columns.items():
                    at = column + shift if shift else column
                    if not 0 <= at < len(row):
                        continue
                    amount = _CELL.match(row[at])
                    if amount is None:
                        continue
                    mult = amount.group("mult") or ("万" if unit in ("万元", "万") else "")
                    value = _parse_amount(amount.group("num") + mult + "元")
                    if value is None:
                        continue
                    row_start = starts[row_index]
                    row_end = row_start + len(lines[row_index])
                    where = partial(_quote_row, page, row_start, row_end)
                    facts.add(target, value, 0, 0, label, 3, where)


def _quote_row(page: _Page, start: int, end: int) -> tuple[int, str]:
    return page.number, page.spaced.quote(start, end)


# --------------------------------------------------------------------------------------------
# Dates: auction time and place, exhibition, publication, signing, filing


DATE_FACT_BY_KIND = {
    "announcement": "publish_date",
    "result_publicity": "published_date",
    "entrustment_contract": "signed_date",
    "sale_confirmation": "signed_at",
    "pre_auction_filing": "filing_date",
    "post_auction_filing": "filing_date",
    "vehicle_handover": "handover_date",
    "vehicle_disposal_authorization": "sign_date",
}
"""The name of a document's own date (the date under its signature), by kind."""

_TRIGGER = re.compile(r"(?:定于|将于|拟于|订于|决定于|兹定于|于|在)$")
_AUCTION_VERB = re.compile(
    r"举行|进行|公开拍卖|拍卖会|公开竞价|网络拍卖|拍卖活动|开拍|依法拍卖|公开变卖|竞价活动"
)
_DEADLINE_AFTER = re.compile(r"^(?:\([^()]*\))?(?:前|之前|以前|止|截止|为止)")
_PLACE_END = (
    r"(?:上)?(?:进行|举行|公开|对|召开|依法|以|通过|举办|开展|"
    r"拍卖(?:下列|以下|如下|位于|坐落|上述|该|本)|竞价(?:下列|以下|如下|上述))"
)
_VENUE = re.compile(
    r"^(?:\([^()]{0,12}\))?(?:,)?(?:在|于)"
    rf"(?P<place>(?:[^。;,\n()]|\([^()\n]*\)){{2,80}}?){_PLACE_END}"
)
_VENUE_SENTENCE = re.compile(
    r"在(?P<place>(?:[^。;,\n()在对]|\([^()\n]*\)){2,60}?)(?:上)?"
    r"(?:举行|进行|公开)(?:公开)?(?:线上|网络|在线|现场)?(?:拍卖|竞价|变卖)"
)
_PLACE_LIKE = re.compile(
    r"(?:平台|中心|室|厅|楼|层|号|网|场|所|公司|大厦|酒店|宾馆|APP|App|app|网站|院|馆|处|局|地)$"
)
_NOT_PLACE = re.compile(r"前|后|之中|期间|时$|中$|所在地$")
_PAREN = re.compile(r"\([^()]*\)|“|”|\"")


_VENUE_VALUE = re.compile(r"(?:\([^()]*\))?:(?P<place>[^。;\n]{2,60})")
_PLACE_SPLIT = re.compile(r"[,;]")
_SHOWN_FROM_PUBLICATION = re.compile(r"(?:自|于|从)公告之日起[^。;]{0,40}?(?:展示|预展|看样)")
_DEPOSIT_DEADLINE = re.compile(r"保证金[^。\n]{0,30}?截止(?:时间|日期)?(?:为|:)?")


def _clean_place(place: str) -> str:
    return _PAREN.sub("", place).strip(" :")


def _sentence_after(text: str, position: int, limit: int = 90) -> str:
    end = position
    while end < len(text) and end - position < limit and text[end] not in "。;\n":
        end += 1
    return text[position:end]


def _emit_range(facts: _Facts, item: DateRange, label: str | None, rank: int) -> None:
    facts.add("auction_datetime", item.begin.value, item.start_index, item.end_index, label, rank)
    if item.end is not None:
        facts.add("bidding_start", item.begin.value, item.start_index, item.end_index, label, rank)
        facts.add("bidding_end", item.end.value, item.start_index, item.end_index, label, rank)


def _after_label(
    ranges: Sequence[DateRange], starts: list[int], text: str, position: int, window: int
) -> DateRange | None:
    """The first date range starting within ``window`` characters after ``position``, with no
    full stop and no other date in between."""
    index = bisect.bisect_left(starts, position)
    if index >= len(ranges):
        return None
    item = ranges[index]
    if item.start_index - position > window or "。" in text[position : item.start_index]:
        return None
    return item


def _dates(doc: _Doc, facts: _Facts, kind: str | None) -> None:
    text = doc.text
    ranges = find_ranges(text)
    starts = [item.start_index for item in ranges]
    labels = _labels()

    # Auction time from a label, then from the announcing sentence ("定于…在…举行").
    auction_labels = labels["auction_time"]
    for match in auction_labels.pattern.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 30)
        if (
            item is not None
            and ";" not in text[match.end() : item.start_index]
            and not _DEADLINE_AFTER.match(text[item.end_index : item.end_index + 6])
        ):
            _emit_range(facts, item, match.group(0), 0)
    for match in labels["bidding_end"].pattern.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 12)
        if item is not None:
            facts.add(
                "bidding_end", item.begin.value, match.start(), item.end_index, match.group(0)
            )
    for item in ranges:
        before = text[max(0, item.start_index - 4) : item.start_index]
        if ("于" not in before and "在" not in before) or not _TRIGGER.search(before):
            continue  # (every trigger ends in 于 or 在)
        after_text = text[item.end_index : item.end_index + 6]
        if _DEADLINE_AFTER.match(after_text):
            continue
        sentence = _sentence_after(text, item.end_index)
        if not _AUCTION_VERB.search(sentence):
            continue
        _emit_range(facts, item, None, 1)
        venue = _VENUE.match(sentence)
        if venue:
            place = _clean_place(venue.group("place"))
            if place:
                facts.add(
                    "auction_venue",
                    place,
                    item.start_index,
                    item.end_index + venue.end("place"),
                    None,
                    1,
                )
    for match in labels["venue"].pattern.finditer(text):
        value = _VENUE_VALUE.match(text, match.end())
        if value:
            place = _clean_place(_PLACE_SPLIT.split(value.group("place"))[0])
            if place and not find_ranges(place):
                facts.add("auction_venue", place, match.start(), value.end(), match.group(0))
    for match in _VENUE_SENTENCE.finditer(text):
        place = _clean_place(match.group("place"))
        if (
            len(place) >= 2
            and _PLACE_LIKE.search(place)
            and not _NOT_PLACE.search(place)
            and not find_ranges(place)
        ):
            facts.add("auction_venue", place, match.start(), match.end(), None, 2)

    # The document's own date: a label, else the date standing alone under the signature.
    date_name = DATE_FACT_BY_KIND.get(kind or "", "document_date")
    label_group = {
        "publish_date": "publish",
        "published_date": "publish",
        "signed_date": "signed",
        "signed_at": "signed",
        "sign_date": "signed",
        "filing_date": "filing",
    }.get(date_name)
    if label_group is not None:
        for match in labels[label_group].pattern.finditer(text):
            item = _after_label(ranges, starts, text, match.end(), 6)
            if item is not None:
                facts.add(
                    date_name, item.begin.value, match.start(), item.end_index, match.group(0)
                )
    if kind == "pre_auction_filing":
        for match in labels["publish"].pattern.finditer(text):
            item = _after_label(ranges, starts, text, match.end(), 6)
            if item is not None:
                facts.add(
                    "announcement_publish_date",
                    item.begin.value,
                    match.start(),
                    item.end_index,
                    match.group(0),
                )
    closing = _closing_date(text, ranges)
    if closing is not None:
        facts.add(date_name, closing.begin.value, closing.start_index, closing.end_index, None, 1)

    # Exhibition period.
    end_labels = _exhibition_end_labels()
    for match in labels["exhibition"].pattern.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 14)
        if item is None:
            continue
        if item.end is None and match.group(0) in end_labels:
            # "展示结束日期：…" on its own line is the end of the exhibition, not its start.
            day = item.begin.day
            facts.add("exhibition_end", day, match.start(), item.end_index, match.group(0))
            continue
        facts.add("exhibition_start", item.begin.day, match.start(), item.end_index, match.group(0))
        if item.end is not None:
            facts.add("exhibition_end", item.end.day, match.start(), item.end_index, match.group(0))
    published = facts.first("publish_date")
    if published is not None:
        for match in _SHOWN_FROM_PUBLICATION.finditer(text):
            day = published.value
            day = day.date() if isinstance(day, dt.datetime) else day
            facts.add("exhibition_start", day, match.start(), match.end(), "公告之日", 1)

    # Deposit deadline.
    for match in _DEPOSIT_DEADLINE.finditer(text):
        item = _after_label(ranges, starts, text, match.end(), 4)
        if item is not None:
            facts.add("deposit_deadline", item.begin.value, match.start(), item.end_index)


_CLOSING_LINE = re.compile(
    r"^(?:特此公告[。.]?|特此报告[。.]?)?"
    r"(?:[\u4e00-\u9fff()]{2,30}(?:公司|法院|中心|交易所|拍卖行|局|委员会|所))?"
    r"(?:(?:日期|签订日期|签署日期|公告日期|发布日期|填报日期|时间)[::]?)?"
    r"(?P<date>.+?)(?:\(?(?:盖章|签章|公章)\)?)?[。.]?$"
)


def _closing_date(text: str, ranges: Sequence[DateRange]) -> DateRange | None:
    """The last date that stands alone on its line (after an optional signature or label; two
    parties' dates side by side count as one line of dates) in the second half of the text."""
    by_start = {item.start_index: item for item in ranges}
    half = len(text) // 2
    seen = -1
    # Only a line on which a date starts can qualify: those lines, last first.
    for candidate in reversed(ranges):
        start = text.rfind("\n", 0, candidate.start_index) + 1
        if start == seen:
            continue
        seen = start
        if start < half:
            break
        finish = text.find("\n", candidate.start_index)
        line = text[start : len(text) if finish < 0 else finish]
        stripped = line.strip()
        if not stripped or len(stripped) > 60:
            continue
        match = _CLOSING_LINE.match(stripped)
        if not match:
            continue
        offset = start + (len(line) - len(line.lstrip())) + match.start("date")
        end = offset + len(match.group("date"))
        last: DateRange | None = None
        while offset < end:
            item = by_start.get(offset)
            if item is None or item.end is not None or item.end_index > end:
                last = None
                break
            last = item
            offset = item.end_index
            while offset < end and text[offset] == " ":
                offset += 1
        if last is not None:
            return last
    return None


# --------------------------------------------------------------------------------------------
# Phones

_PHONE = re.compile(
    r"(?<![\d\-/.A-Za-z])"
    r"(?P<phone>(?:\(0\d{2,3}\)|0\d{2,3}) ?- ?\d{7,8}|\(0\d{2,3}\)\d{7,8}"
    r"|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4}|0\d{9,11}|12368|12345)"
    r"(?P<ext>(?:转|-)\d{1,5})?"
    r"(?![\d.,]*\d|元|万|[A-Za-z/])"
)
_PHONE_WORD = re.compile(r"电话|手机|联系|热线|tel|Tel|TEL|咨询")
_FAX = re.compile(r"传真[^\d]{0,4}$")
_PHONE_OWNERS = (
    ("court_supervision_phone", re.compile(r"监督|举报|投诉")),
    ("contact_phone", re.compile(r"技术|淘宝|京东|阿里|客服|平台管理员|网站")),
    ("court_phone", re.compile(r"法院|本院|法官|执行局|审判|执行员|书记员")),
    ("exchange_phone", re.compile(r"交易中心|交易所|产交所|公共资源")),
    (
        "auctioneer_phone",
        re.compile(r"拍卖公司|拍卖行|拍卖有限|拍卖人|我公司|本公司|拍卖企业|拍卖机构"),
    ),
)
_AFTER_OWNER = re.compile(r" ?\((?P<who>[^()]{1,12})\)")
_ORG_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}:)?[\u4e00-\u9fff]{2,30}?(?:(?P<court>人民法院)"
    r"|(?P<exchange>产权交易所|产权交易中心|公共资源交易中心|交易所|产交所)"
    r"|(?P<auctioneer>拍卖(?:有限|股份有限)?(?:责任)?公司|拍卖行(?:有限公司)?))$"
)
_SELF_REFERENCE = (
    ("auctioneer", re.compile(r"我公司|本公司|我司")),
    ("court", re.compile(r"本院|我院")),
    ("exchange", re.compile(r"本所|本中心|产交所")),
)


def _edge_lines(text: str, last: int, first: int) -> list[str]:
    """``lines[-last:][::-1] + lines[:first]`` for the non-blank ``lines`` of ``text``, found
    from both ends without splitting the whole text."""
    tail: list[str] = []
    end = len(text)
    while len(tail) < last and end >= 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            tail.append(text[start:end])
        end = start - 1
    head: list[str] = []
    start = 0
    while len(head) < first and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            head.append(text[start:end])
        start = end + 1
    return tail + head


def _issuer(text: str) -> str | None:
    """Who issues the document — ``court``, ``exchange`` or ``auctioneer``: the organisation
    that signs it (a line that is only its name, last lines first, then the first lines), else
    how the text refers to itself (我公司, 本院, 本所)."""
    for line in _edge_lines(text, 8, 6):
        match = _ORG_LINE.match(_PAREN.sub("", line).strip())
        if match:
            return match.lastgroup
    counts = [(len(pattern.findall(text)), who) for who, pattern in _SELF_REFERENCE]
    best = max(counts)
    return best[1] if best[0] else None


_PHONE_LABEL = re.compile(
    r"[\u4e00-\u9fff]{0,10}(?:电话|手机|热线|咨询人|咨询|监督|举报|联系人|联系方式|管理|支持|"
    r"Tel|TEL|tel)(?:电话|号码)?"
)


def _phone_label(context: str) -> str | None:
    """The label a phone number stands under: the last phone-ish words before it."""
    found = list(_PHONE_LABEL.finditer(context))
    if found:
        return found[-1].group(0)
    tail = re.split(r"[,:;\s]", re.sub(r"[\d\-\s()]+$", "", context))[-1]
    return tail[-12:] or None


# Where a number can start (what every alternative of _PHONE needs there): after no digit,
# letter or - / . comes "(0", "0dd", "1" and a mobile's or 12368's or 12345's digits, or "400"
# or "800". A single character is consumed, so ``re`` skips quickly to the next candidate.
_PHONE_STARTS = re.compile(
    r"[\d(](?<![\d\-/.A-Za-z][\d(])"
    r"(?:(?<=\()(?=0)|(?<=0)(?=\d\d)|(?<=1)(?=[3-9]\d{9}|2368|2345)|(?<=[48])(?=00))"
)


def _phone_matches(text: str) -> Iterator[re.Match[str]]:
    """``_PHONE.finditer(text)``, tried only where a number can start (the pattern begins with
    a lookbehind, so ``re`` would try it at every character)."""
    position = 0
    while (candidate := _PHONE_STARTS.search(text, position)) is not None:
        match = _PHONE.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
        else:
            yield match
            position = match.end()


def _phones(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    issuer = _issuer(text)
    default = {
        "court": "court_phone",
        "exchange": "exchange_phone",
        "auctioneer": "auctioneer_phone",
    }.get(issuer or "", "contact_phone")
    recorded: set[tuple[str, str]] = set()  # (name, number) already given to facts.add
    for match in _phone_matches(text):
        raw = match.group("phone")
        start = match.start()
        # The clause before the number, at most 30 characters (no search further back).
        near = max(0, start - 31)
        line_start = max(text.rfind("\n", near, start), text.rfind("。", near, start), -1) + 1
        line_start = max(line_start, text.rfind(";", near, start) + 1, start - 30)
        context = text[line_start:start]
        if _FAX.search(context):
            continue
        if raw.isdigit() and raw.startswith("0") and not _PHONE_WORD.search(context):
            continue  # a bare 0xxxxxxxxxx without a phone label may be any number
        phone = _validate_phone(raw + (match.group("ext") or "").replace("-", "转"))
        if phone is None:
            continue
        after = _AFTER_OWNER.match(text, match.end())
        clue = context + (after.group("who") if after else "")
        name = default
        for owner, pattern in _PHONE_OWNERS:
            if pattern.search(clue):
                name = owner
                break
        if (name, phone) in recorded:
            continue  # the same number under the same name: add would drop it
        recorded.add((name, phone))
        facts.add(name, phone, start, match.end(), _phone_label(context))


# --------------------------------------------------------------------------------------------
# Commission

_PERCENT = re.compile(
    r"(?P<p>\d+(?:\.\d+)?) ?[%‰]|百分之[零一二三四五六七八九十点]+"
    r"|千分之[零一二三四五六七八九十点]+"
)
_BUYER = re.compile(r"买受人|竞得人|受让方|买方|承租人|中标人")
_CONSIGNOR = re.compile(r"委托人|委托方|出卖人|转让方|出租人|甲方")
_CHARGED = re.compile(
    r"^[^,]{0,6}?向(?:(?P<buyer>买受人|竞得人|受让方|买方|承租人)|委托人|委托方|出卖人|转让方)"
    r"(?:收取|计收|加收)"
)
_PAY = re.compile(r"支付|收取|交纳|缴纳|付给|给付|承担")


_SENTENCE = re.compile(r"[^。;\n]+")
_CLAUSES = re.compile(r"(,)")


def _commission(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    if "佣金" not in text and "服务费" not in text:
        return
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group(0)
        if "佣金" not in body and "服务费" not in body:
            continue
        base = sentence.start()
        fee_word = "佣金" if "佣金" in body else "服务费"
        fee_at = body.find(fee_word)
        clause_start = 0
        for clause in _CLAUSES.split(body):
            if clause == ",":
                clause_start += 1
                continue
            percent = _PERCENT.search(clause)
            if percent is not None and (
                fee_word in clause or (fee_at < clause_start and _PAY.search(clause))
            ):
                try:
                    rate = to_percent(percent.group(0))
                except InvalidValue:
                    rate = None
                if rate is not None and 0 < rate < 1:
                    head = body[max(0, clause_start - 120) : clause_start + percent.start()]
                    clause_head = clause[: percent.start()]
                    buyer = _BUYER.search(clause_head) or (
                        None if _CONSIGNOR.search(clause_head) else _BUYER.search(head)
                    )
                    consignor = _CONSIGNOR.search(clause_head) or (
                        None if buyer else _CONSIGNOR.search(head)
                    )
                    charged = _CHARGED.search(clause[percent.end() :])
                    if fee_word == "服务费":
                        name = "service_fee_rate"
                    elif charged:  # "按成交价的5%向买受人收取": the one charged pays
                        name = (
                            "commission_rate_buyer"
                            if charged.group("buyer")
                            else "commission_rate_consignor"
                        )
                    elif buyer and (not consignor or buyer.start() < consignor.start()):
                        name = "commission_rate_buyer"
                    elif consignor:
                        name = "commission_rate_consignor"
                    else:
                        name = "commission_rate"
                    start = base + clause_start + percent.start()
                    facts.add(name, rate, start, start + len(percent.group(0)), fee_word)
            clause_start += len(clause)


# --------------------------------------------------------------------------------------------
# Identities and parties

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?P<id>\d{17}[\dXx])(?![0-9A-Za-z])")
_CREDIT = re.compile(
    r"(?<![0-9A-Za-z])(?P<code>[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10})(?![0-9A-Za-z])"
)
_ID_LABEL = re.compile(r"身份证|证件号|公民身份号码|身份号码|证件号码")
_CREDIT_LABEL = re.compile(r"信用代码|社会信用|组织机构代码|营业执照|注册号")
_ACCOUNT_LABEL = re.compile(r"账号|帐号|账户|帐户|卡号")


# Both numbers are 18 digits or capitals (and x) in a row; most documents have none.
_ID_OR_CODE = re.compile(r"[\dA-Zx][\dA-Zx]{17}")


def _identities(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    if _ID_OR_CODE.search(text) is None:
        return
    for match in _ID_NUMBER.finditer(text):
        context = text[max(0, match.start() - 20) : match.start()]
        if _ACCOUNT_LABEL.search(context[-10:]):
            continue
        number = match.group("id")
        try:
            facts.add(
                "id_number",
                validate_resident_id(number),
                match.start(),
                match.end(),
                _label_in(context, _ID_LABEL),
            )
        except InvalidValue:
            if _ID_LABEL.search(context):
                facts.add(
                    "id_number_invalid",
                    number,
                    match.start(),
                    match.end(),
                    _label_in(context, _ID_LABEL),
                )
    for match in _CREDIT.finditer(text):
        code = match.group("code")
        if code.isdigit():
            continue  # 18 digits: a resident ID or an account, handled above
        context = text[max(0, match.start() - 20) : match.start()]
        try:
            facts.add(
                "credit_code",
                validate_credit_code(code),
                match.start(),
                match.end(),
                _label_in(context, _CREDIT_LABEL),
            )
        except InvalidValue:
            if _CREDIT_LABEL.search(context):
                facts.add(
                    "credit_code_invalid",
                    code,
                    match.start(),
                    match.end(),
                    _label_in(context, _CREDIT_LABEL),
                )


def _label_in(context: str, pattern: re.Pattern[str]) -> str | None:
    found = list(pattern.finditer(context))
    return found[-1].group(0) if found else None


_PARTY_TARGETS = {
    "consignor": ("consignor",),
    "auctioneer": ("auctioneer", "auction_company", "auction_firm"),
    "buyer": ("buyer", "buyer_name"),
    "bidder": ("bidder",),
    "court_name": ("court_name", "court"),
}
_PARTY_EXTRAS = {
    "consignor": ("委托方", "委托单位"),
    "auctioneer": ("拍卖企业", "拍卖方", "拍卖机构"),
}
_ROLE_IN_PAREN = re.compile(
    r"\((?:(?P<role>委托人|委托方|拍卖人|拍卖方|买受人|竞买人|出卖人)|[^()\n]{1,8})\)"
)
_ROLE_TARGET = {
    "委托人": "consignor", "委托方": "consignor", "出卖人": "consignor",
    "拍卖人": "auctioneer", "拍卖方": "auctioneer", "买受人": "buyer", "竞买人": "bidder",
}  # fmt: skip
_ORG_SUFFIX = re.compile(
    r"(?:公司|法院|中心|交易所|局|厅|委员会|银行|支行|分行|社|院|集团|合作社|事务所|管理处|"
    r"商行|厂|店|协会|学校|大学|医院|政府|办事处|部|站|队|所|拍卖行)$"
)
_PERSON = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:·[\u4e00-\u9fff]{1,8})?$")
_NOT_A_NAME = re.compile(
    r"人$|方$|委托|拍卖|见|详|略|签字|盖章|填写|无$|本人|某|户名|账号|帐号|地址|电话|名称|姓名|"
    r"信息|开户|签名|日期|成功|网上|应当|必须|保证|承担|负责"
)


_PRONOUN = re.compile(r"^(?:贵|本|我|该|其|上述|原)(?:院|公司|司|所|中心|局|单位|行)$")


def _looks_like_name(name: str) -> bool:
    if not 2 <= len(name) <= 40 or "的" in name or _PRONOUN.match(name):
        return False
    if _ORG_SUFFIX.search(name):
        return True
    return bool(_PERSON.match(name)) and not _NOT_A_NAME.search(name)


_NAME_VALUE = re.compile(r"[^:\n,;。()]{0,4}?:(?P<name>[^\n,;。:]{2,60})")
_ENTRUSTED_BY = re.compile(r"受(?P<name>[^,。;\n受]{2,40}?)(?:的)?委托")
_COURT_ISSUER = re.compile(
    r"(?<![《\u4e00-\u9fff])(?:在|于|由|向|经|受|据)?(?P<name>[\u4e00-\u9fff]{2,20}人民法院)(?:将于|定于|拟于|于|关于|在)"
)
_WINNING_BIDDER = re.compile(
    r"(?:竞买人|买受人|用户姓名|用户)(?::)?(?P<name>[\u4e00-\u9fff·]{2,8}?)"
    r",?(?:竞买号|通过竞买号|以最高应价)"
)
_BIDDER_NO = re.compile(r"竞买号(?:牌|码)?(?::|为)?(?P<no>[A-Za-z0-9]{2,12})")
_AUCTION_FIRM_LINE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff()]{2,30}(?:拍卖(?:有限|股份有限)?(?:责任)?公司|拍卖行(?:有限公司)?))$"
)


@lru_cache(maxsize=1)
def _party_labels() -> _LabelSet:
    owner = labels_for(_PARTY_TARGETS, _PARTY_EXTRAS, _GENERIC | {"法院", "人民法院"})
    return _LabelSet(owner, re.compile(f"(?:{_alternation(list(owner))})"))


def _parties(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    labels = _party_labels()
    owner = labels.owner
    for match in labels.pattern.finditer(text):
        target = owner[match.group(0)]
        position = match.end()
        role = _ROLE_IN_PAREN.match(text, position)
        if role:
            if role.group("role"):
                target = _ROLE_TARGET[role.group("role")]
            position = role.end()
        value = _NAME_VALUE.match(text, position)
        if value is None:
            continue
        name = _PAREN.sub("", value.group("name")).strip()
        if _looks_like_name(name):
            facts.add(target, name, match.start(), value.end(), match.group(0))
    for match in _ENTRUSTED_BY.finditer(text):
        name = _clean_place(match.group("name"))
        if _looks_like_name(name) and _ORG_SUFFIX.search(name):
            facts.add("consignor", name, match.start(), match.end(), "受…委托", 1)
    for match in _COURT_ISSUER.finditer(text) if "人民法院" in text else ():
        facts.add("court_name", match.group("name"), match.start(), match.end("name"), None, 1)
    for match in _WINNING_BIDDER.finditer(text):
        name = match.group("name")
        if _looks_like_name(name):
            facts.add("buyer", name, match.start(), match.end(), "竞得", 1)
    for match in _BIDDER_NO.finditer(text):
        facts.add("bidder_no", match.group("no"), match.start(), match.end(), "竞买号")
    for line in reversed(list(_edge_lines(text, 8, 0))):
        line = line.strip()
        firm = _AUCTION_FIRM_LINE.match(line)
        if firm:
            start = text.rfind(line)
            facts.add(
                "auctioneer", _PAREN.sub("", firm.group("name")), start, start + len(line), None, 2
            )


# --------------------------------------------------------------------------------------------
# Entry point


def extract_facts(pages: Sequence[tuple[int, str, str]], kind: str | None = None) -> list[Fact]:
    """The facts of one document. ``pages`` holds ``(page number, original text, normalised
    text)`` per page, the normalised text being what
    :func:`~paimai_docs.reading.normalize.normalize` makes of the original (``Page.normalized``
    of the reader's pages); the facts are found in it, and the original of a page that gives a
    fact is normalised again with the map back, for the evidence. (Should the two not agree,
    that page's evidence is quoted from its normalised text, as for a page without original
    text.) ``kind`` (a :data:`~paimai_docs.reading.classify.KINDS` name) decides what the
    document's own date is called; when None it is classified here."""
    doc = _Doc.build(pages)
    if kind is None:
        kind = classify([page.text for page in doc.pages]).kind
    facts = _Facts(doc)
    _money(doc, facts)
    _tables(doc, facts)
    _dates(doc, facts, kind)
    _phones(doc, facts)
    _commission(doc, facts)
    _identities(doc, facts)
    _parties(doc, facts)
    return facts.result()
