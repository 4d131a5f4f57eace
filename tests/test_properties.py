"""Property tests of everything that parses untrusted text (issue 12, part 7).

Each parser is fed arbitrary text and text built from the domain's own pieces (CJK, digits,
punctuation, the words of ``rules/vocabulary.yaml`` and ``rules/kinds.yaml``, dates and amounts
as documents write them), so that the deep paths are reached. Whatever comes in, a parser
returns or raises only its module's documented errors, and each call stays within a time bound
(hypothesis ``deadline``). The runs are derandomised, so CI sees the same examples every time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from paimai_docs.engine.meaning import clauses, deferred, stated_in, vocabulary
from paimai_docs.errors import InvalidValue
from paimai_docs.reading.classify import KINDS, classify
from paimai_docs.reading.dates import (
    DateHit,
    chinese_number,
    find_dates,
    find_ranges,
    parse_date,
    parse_time,
)
from paimai_docs.reading.facts import extract_facts
from paimai_docs.reading.normalize import normalize, normalize_mapped
from paimai_docs.resources import data_dir
from paimai_docs.values.money import (
    MalformedMoney,
    MoneyOutOfRange,
    MoneyTooPrecise,
    NegativeMoney,
    parse_amount,
    parse_words,
)

F = TypeVar("F", bound=Callable[..., Any])

# A call that takes longer than this on the CI machine (2 CPUs, shared) is a hang in the making:
# the parsers are linear-ish and take milliseconds on a page of text.
DEADLINE = dt.timedelta(seconds=2)


def fuzz(max_examples: int = 150) -> Callable[[F], F]:
    """The settings of every property here: modest, derandomised, with a per-call deadline."""
    return settings(
        max_examples=max_examples,
        deadline=DEADLINE,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --------------------------------------------------------------------------------------------
# Strategies: arbitrary text, and text made of the domain's pieces


def _domain_words() -> list[str]:
    """Chinese words of the rules' vocabulary and of the classifier's cues."""
    words: set[str] = set()
    for name in ("vocabulary.yaml", "kinds.yaml"):
        text = (data_dir("rules") / name).read_text(encoding="utf-8")
        words.update(re.findall(r"[\u4e00-\u9fff]{2,10}", text))
    return sorted(words)


WORDS = _domain_words()
PIECES = [
    # dates and times as documents write them
    "2026年", "11月", "22日", "2026-11-22", "2026/1/5", "2026.12.18", "8.4日", "二〇二六年",
    "十一月二十二日", "○", "〇", "号", "上午", "下午", "晚上", "中午", "10时", "10:00", "24:00",
    "10点半", "十时", "(星期日)", "至", "到", "起", "止", "自", "~", "-", "—",
    # amounts
    "¥", "￥", "人民币", "RMB", "元", "圆", "整", "正", "万元", "亿", "萬", "億", "角", "分",
    "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟", "万", "零", "大写",
    "(大写)", "12.5", "1,000", "123,456.78", "0", "00", "-", "−", "%", "5%", "百分之五",
    # punctuation, full-width and ASCII, and layout
    "：", ":", "，", ",", "。", "；", ";", "（", "）", "(", ")", "【", "】", "《", "》", "“", "”",
    "\n", "\n\n", " ", "\u3000", "\t", "\r\n", "\x0c", "、", "第一条", "一、", "(二)", "3.",
    # the domain's phrases
    "拍卖公告", "委托拍卖合同", "拍卖成交确认书", "拍卖笔录", "保证金", "起拍价", "保留价",
    "评估价", "佣金", "买受人", "竞买人", "委托人", "拍卖人", "拍卖会", "另行协商", "待定",
    "交付", "电话", "0373-3512345", "13800138000", "110105194912310021",
    "91410702MA44P8QK1L", "拍賣", "號", "河阳市宏达拍卖有限公司", "法院", "执行局",
]  # fmt: skip

arbitrary_text = st.text(max_size=400)
cjk_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("0123456789０１２３４５６７８９.,:;()-/年月日时分元万亿至 \n。，：；（）"),
    ),
    max_size=400,
)
domain_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS), st.text(max_size=3)),
    max_size=80,
).map("".join)
any_text = st.one_of(arbitrary_text, cjk_text, domain_text)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load what the parsers read once (rule files, compiled patterns), outside the deadline."""
    text = "拍卖公告\n2026年11月22日上午10时至11月23日止，保证金¥1,000元（大写：壹仟元整）"
    extract_facts([(1, text, normalize(text))])
    stated_in(clauses(normalize(text)), [vocabulary().topic(_TOPICS[0])], [_VALUES[0]])


_TOPICS = sorted(vocabulary().topics)
_VALUES = sorted(vocabulary().values)


# --------------------------------------------------------------------------------------------
# Normalisation


@fuzz(200)
@given(any_text)
def test_normalize_is_total_and_idempotent(text: str) -> None:
    once = normalize(text)
    assert isinstance(once, str)
    assert normalize(once) == once
    assert isinstance(normalize(text, keep_spaces=True), str)


@fuzz(200)
@given(any_text, st.booleans())
def test_normalize_mapped_agrees_with_normalize_and_maps_into_the_original(
    text: str, keep_spaces: bool
) -> None:
    mapped = normalize_mapped(text, keep_spaces=keep_spaces)
    assert mapped.text == normalize(text, keep_spaces=keep_spaces)
    assert mapped.original == text
    assert len(mapped.offsets) == len(mapped.text)
    assert all(0 <= offset < max(len(text), 1) for offset in mapped.offsets)
    if mapped.text:
        start, end = mapped.original_span(0, len(mapped.text))
        assert 0 <= start <= end <= len(text)
        assert isinstance(mapped.quote(0, len(mapped.text)), str)


def test_normalize_refuses_what_is_not_text() -> None:
    for function in (normalize, normalize_mapped):
        with pytest.raises(TypeError):
            function(b"bytes")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Dates


def _check_hit(hit: DateHit, text: str) -> None:
    assert isinstance(hit.value, dt.date)
    assert 0 <= hit.start <= hit.end <= len(text)


@fuzz(200)
@given(any_text, st.one_of(st.none(), st.integers(min_value=1, max_value=9999)))
def test_dates_are_found_without_errors(text: str, default_year: int | None) -> None:
    for source in (text, normalize(text)):
        for item in find_ranges(source, default_year=default_year):
            _check_hit(item.begin, source)
            if item.end is not None:
                _check_hit(item.end, source)
                assert item.begin.day <= item.end.day
        for hit in find_dates(source, default_year=default_year):
            _check_hit(hit, source)
        value = parse_date(source, default_year=default_year)
        assert value is None or isinstance(value, dt.date)
        time = parse_time(source)
        assert time is None or isinstance(time, dt.time)


@fuzz(150)
@given(
    st.one_of(st.text(alphabet="〇○O0零一二两三四五六七八九十百千万", max_size=12), arbitrary_text)
)
@example("²")  # a digit to str.isdigit that int() refuses: was a ValueError
@example("٢٢")  # other scripts' decimal digits are numbers
def test_chinese_numbers_are_read_or_refused_with_none(text: str) -> None:
    value = chinese_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


# --------------------------------------------------------------------------------------------
# Amounts and 大写

MONEY_ERRORS = (MalformedMoney, NegativeMoney, MoneyTooPrecise, MoneyOutOfRange)
words_text = st.lists(
    st.sampled_from(list("壹贰叁肆伍陆柒捌玖拾佰仟万亿零元圆角分整正一二三四五六七八九十百千两")),
    max_size=30,
).map("".join)
amount_text = st.one_of(
    any_text,
    words_text,
    st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["", "¥", "￥", "人民币", "RMB", "-", "−"]),
        st.one_of(
            st.decimals(allow_nan=True, allow_infinity=True).map(str),
            st.integers().map(str),
            st.from_regex(r"\d{1,3}(,\d{3}){0,6}(\.\d{0,4})?", fullmatch=True),
        ),
        st.sampled_from(["", "十", "百", "千", "万", "亿", "万亿", "千万"]),
        st.sampled_from(["", "元", "圆", "元整", "正"]),
    ),
)


@fuzz(200)
@given(amount_text)
def test_amounts_parse_or_raise_money_errors(text: str) -> None:
    try:
        value = parse_amount(text)
    except MONEY_ERRORS as exc:
        assert isinstance(exc, InvalidValue)
        assert str(exc)
    else:
        assert isinstance(value, Decimal)
        assert value.is_finite() and value >= 0
        assert value == value.quantize(Decimal("0.01"))


@fuzz(200)
@given(st.one_of(words_text, any_text))
def test_words_parse_or_raise_malformed_money(text: str) -> None:
    try:
        value = parse_words(text)
    except MalformedMoney as exc:
        assert str(exc)
    else:
        assert isinstance(value, Decimal)
        assert value >= 0


# --------------------------------------------------------------------------------------------
# Kinds and facts

pages = st.lists(any_text, min_size=0, max_size=3)


@fuzz(120)
@given(pages, st.booleans())
def test_classify_always_answers_with_a_kind(texts: list[str], normalized: bool) -> None:
    if normalized:
        texts = [normalize(text) for text in texts]
    result = classify(texts, normalized=normalized)
    assert result.kind == "unknown" or result.kind in KINDS
    assert 0.0 <= result.confidence <= 1.0


@fuzz(100)
@given(pages, st.sampled_from([None, "unknown", *sorted(KINDS)]))
def test_facts_are_extracted_without_errors(texts: list[str], kind: str | None) -> None:
    rows = [(number, text, normalize(text)) for number, text in enumerate(texts, start=1)]
    for fact in extract_facts(rows, kind):
        assert 1 <= fact.page <= len(texts)
        assert isinstance(fact.name, str) and fact.name
        assert isinstance(fact.evidence, str)


@fuzz(60)
@given(any_text, any_text)
def test_facts_survive_pages_whose_original_and_normalised_text_disagree(
    original: str, other: str
) -> None:
    extract_facts([(1, original, normalize(other))])


# --------------------------------------------------------------------------------------------
# Required items by meaning


@fuzz(150)
@given(
    any_text,
    st.lists(st.sampled_from(_TOPICS), min_size=1, max_size=2),
    st.lists(st.lists(st.sampled_from(_VALUES), min_size=1, max_size=2).map("|".join), max_size=2),
    st.lists(st.sampled_from(_TOPICS), max_size=2),
)
def test_required_items_are_found_or_not_without_errors(
    text: str, topics: list[str], carries: list[str], excluding: list[str]
) -> None:
    normal = normalize(text)
    pieces = clauses(normal)
    assert all(isinstance(piece, str) and piece.strip() == piece and piece for piece in pieces)
    groups = [vocabulary().topic(name) for name in topics]
    found = stated_in(pieces, groups, carries, excluding)
    assert found is None or found in pieces
    assert isinstance(deferred(normal), bool)
