"""Normalisation of extracted text, and the map back to the original for evidence."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paimai_docs.reading.normalize import (
    MappedText,
    normalize,
    normalize_mapped,
    quote_around,
    to_simplified,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # full-width digits, letters and punctuation → ASCII
        ("２０２６年１１月２２日", "2026年11月22日"),
        ("保证金：１５，０００元（人民币）", "保证金:15,000元(人民币)"),
        ("ＡＢＣ１２３", "ABC123"),
        ("１０∶００", "10:00"),
        # 〇 stays; ○ between Chinese numerals becomes 〇
        ("二〇二六年", "二〇二六年"),
        ("二○一八年三月", "二〇一八年三月"),
        ("○", "○"),
        # dashes, brackets, corner quotes
        ("0752—3375252", "0752-3375252"),
        ("法释〔2016〕18号【公告】", "法释[2016]18号[公告]"),
        ("「中拍平台」", "“中拍平台”"),
        # spaces exporters insert between CJK characters and digits
        ("拍 卖 公 告", "拍卖公告"),
        ("定于 2026 年 11 月 22 日 上午 10 时", "定于2026年11月22日上午10时"),
        ("成交价的 2 %", "成交价的2%"),
        ("拍卖人  ： 国傲拍卖有限公司", "拍卖人:国傲拍卖有限公司"),
        ("截止时间 2017年7月13日 17:00 ，按", "截止时间2017年7月13日17:00,按"),
        ("\u3000\u3000全角空格缩进", "全角空格缩进"),
        # spaces that separate things stay (one)
        ("Hello  world", "Hello world"),
        ("电话: 18372337683   16671725559", "电话:18372337683 16671725559"),
        ("2018-05-14 10:43:30", "2018-05-14 10:43:30"),
        ("www.example.com 电话", "www.example.com 电话"),
        # line breaks inside dates, amounts and phone numbers are joined
        ("2026年\n11月22日", "2026年11月22日"),
        ("2026\n年11月\n22日", "2026年11月22日"),
        ("二〇一八年\n三月二十一日", "二〇一八年三月二十一日"),
        ("2026年11月22日\n上午10时", "2026年11月22日上午10时"),
        ("1,234,\n567.00元", "1,234,567.00元"),
        ("起拍价11787\n511元", "起拍价11787511元"),
        ("105.6\n万元", "105.6万元"),
        ("0752-\n3375252", "0752-3375252"),
        ("壹拾万\n元整", "壹拾万元整"),
        # ... but not between separate lines
        ("第一条\n第二条", "第一条\n第二条"),
        ("2026年11月22日\n二、展示", "2026年11月22日\n二、展示"),
        ("序号 1\n2 草包", "序号1\n2草包"),
        ("电话:0371-65656565\n2023年6月10日", "电话:0371-65656565\n2023年6月10日"),
        ("电话:0371-65656565\n200元", "电话:0371-65656565\n200元"),
        ("1\n200元", "1\n200元"),
        # line endings, zero-width characters
        ("甲\r\n乙\r丙", "甲\n乙\n丙"),
        ("拍\u200b卖\ufeff", "拍卖"),
        # Traditional → Simplified
        ("拍賣公告", "拍卖公告"),
        ("競買保證金：人民幣伍仟元整", "竞买保证金:人民币伍仟元整"),
        # pinyin some web exporters put after characters
        ("關(guān)於處置車輛", "关于处置车辆"),
        ("(2026)豫0702执123号", "(2026)豫0702执123号"),
        # a box-drawn table: vertical lines become bars, rules and corners go
        ("┌──┬──┐\n│拍卖时间│2027年9月12日│\n├──┼──┤", "\n|拍卖时间|2027年9月12日|\n"),
        # an English gloss between a Chinese label and its colon (bilingual forms)
        ("地址 Address：香港九龍彌敦道1號", "地址:香港九龙弥敦道1号"),
        ("合同編號 Agreement No.：HK-0158", "合同编号:HK-0158"),
        ("委託方Consignor：陳大文", "委托方:陈大文"),
        ("車型 Model X：電動車", "车型:电动车"),
        # ... not an address, a lower-case word or a gloss without a colon
        ("网址 http://example.com", "网址 http://example.com"),
        ("邮箱 email: a@b.cn", "邮箱 email: a@b.cn"),
        ("品牌 Rolex 手表", "品牌 Rolex 手表"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_to_simplified() -> None:
    assert to_simplified("車輛處置授權書") == "车辆处置授权书"
    assert to_simplified("") == ""
    assert to_simplified("ABC 123") == "ABC 123"
    assert to_simplified("拍卖公告") == "拍卖公告"


def test_evidence_quotes_the_original_traditional_text() -> None:
    original = "一、拍賣標的：別克轎車\n二、起拍價：人民幣壹拾貳萬元整。三、其他"
    mapped = normalize_mapped(original)
    start = mapped.text.index("起拍价")
    end = mapped.text.index("整") + 1
    assert mapped.quote(start, end) == "二、起拍價：人民幣壹拾貳萬元整。"
    assert original[slice(*mapped.original_span(start, end))] == "起拍價：人民幣壹拾貳萬元整"


def test_evidence_of_a_spaced_export_keeps_its_spacing_collapsed() -> None:
    original = "咨询 电话 ： ０３７３ － ３５１２３４５\n下一行"
    mapped = normalize_mapped(original)
    assert mapped.text.startswith("咨询电话:0373-3512345")
    start = mapped.text.index("0373")
    assert mapped.quote(start, start + 12) == "咨询 电话 ： ０３７３ － ３５１２３４５"


def test_keep_spaces_leaves_table_cells_apart() -> None:
    mapped = normalize_mapped(
        "序号　标的名称　评估价（万元）\n1  平原路房产  150", keep_spaces=True
    )
    assert mapped.text == "序号 标的名称 评估价(万元)\n1 平原路房产 150"


def test_quote_is_cut_to_the_limit_around_the_match() -> None:
    text = "甲" * 300 + "保证金10000元" + "乙" * 300
    start = text.index("保证金")
    quoted = quote_around(text, start, start + 9, limit=40)
    assert "保证金10000元" in quoted
    assert len(quoted) <= 40


def test_identity_map() -> None:
    mapped = MappedText.identity("abc")
    assert mapped.offsets == (0, 1, 2)
    assert mapped.quote(0, 1) == "abc"


def test_converter_is_shared_across_threads() -> None:
    results: list[str] = []

    def work() -> None:
        results.append(normalize("拍賣公告：二〇二六年十一月二十二日"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["拍卖公告:二〇二六年十一月二十二日"] * 8


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("拍賣公告保证金元万年月日时〇○一二十 \n\t　0123456789０１２:：,，.。-—()（）ab")
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_offsets_point_into_the_original(text: str) -> None:
    mapped = normalize_mapped(text)
    assert len(mapped.offsets) == len(mapped.text)
    assert all(0 <= offset < max(1, len(text)) for offset in mapped.offsets)
    assert list(mapped.offsets) == sorted(mapped.offsets)


def test_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        normalize_mapped(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("拍卖日期：2O27年4月15曰", "拍卖日期:2027年4月15日"),
        ("成交价：¥1,95O,OOO兀", "成交价:¥1,950,000元"),
        ("二O二七年三月五曰", "二〇二七年三月五日"),
        ("保证金：人民币伍万兀整", "保证金:人民币伍万元整"),
        ("依法公开柏卖以下标的", "依法公开拍卖以下标的"),
        # words that only look like it stay
        ("ISO9001认证 COVID-19 No.2 Office", "ISO9001认证 COVID-19 No.2 Office"),
        ("曰期与兀旦", "曰期与兀旦"),
    ],
)
def test_what_ocr_misreads_in_figures_is_read_back(scanned: str, read: str) -> None:
    assert normalize(scanned) == read
    mapped = normalize_mapped(scanned)
    assert mapped.text == read
    assert mapped.quote(0, len(mapped.text)) == scanned  # evidence quotes the scan as it is


@pytest.mark.parametrize(
    ("form", "read"),
    [
        (
            "保留价：人民币＿68万＿元（大写：＿陆拾捌万＿元整）",
            "保留价:人民币68万元(大写:陆拾捌万元整)",
        ),
        ("拍卖时间：＿2027＿年＿5＿月＿20＿日＿上午9:30＿", "拍卖时间:2027年5月20日上午9:30"),
        ("甲方按成交价的＿3＿%支付佣金", "甲方按成交价的3%支付佣金"),
        ("其他约定：＿＿＿＿＿＿", "其他约定:______"),  # left empty: stays
        ("li_ming@example.com file_2027", "li_ming@example.com file_2027"),
    ],
)
def test_the_rules_around_what_a_hand_filled_in_go(form: str, read: str) -> None:
    assert normalize(form) == read == normalize_mapped(form).text
    assert normalize(read) == read
