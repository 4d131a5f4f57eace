"""A small checked bundle for the report writers' tests: three documents read from text, findings
of every severity (with page numbers, an item number, a needs-review finding, a deadline with
its counting and due date, evidence with an ID and a phone number) and one unreadable file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from paimai_docs.checker import CheckResult, check_read_bundle
from paimai_docs.reading.facts import extract_facts
from paimai_docs.reading.normalize import normalize
from paimai_docs.reading.types import Bundle, Document, Page, ReadProblem

TODAY = dt.date(2026, 9, 28)
SOURCE = "报送材料/2026-112"
ID_NUMBER = "110101199003071234"  # fails the checksum: ID-CHECKSUM quotes it as evidence
PHONE = "13912345678"
UNREADABLE = "报价单.pdf"

CONTRACT = (
    "委托拍卖合同\n"
    "委托人：杭州某某机械有限公司，住所：杭州市余杭区良渚街道1号。\n"
    "拍卖人：浙江某某拍卖有限公司，住所：杭州市西湖区文三路100号。\n"
    "第一条 拍卖标的：二手数控机床，规格型号CK6140，数量3台，质量：九成新，可正常使用。\n"
    "第二条 保留价：人民币捌万元整（¥80,000.00）。\n"
    "第三条 拍卖时间：2026年12月18日上午10时；拍卖地点：杭州市西湖区文三路100号拍卖厅。\n",
    "第四条 标的交付时间：成交后十日内；交付方式：买受人自提。\n"
    "第五条 佣金：委托人按成交价的5%支付佣金，买受人按成交价的5%支付佣金；"
    "佣金支付方式：银行转账；佣金支付期限：成交之日起五日内。\n"
    "第六条 价款支付方式：银行转账；价款支付期限：成交之日起七日内。\n"
    "第七条 违约责任：任何一方违约的，应赔偿对方因此造成的损失。\n"
    "第八条 拍卖未成交的，委托人按约定支付费用；中止或者终止拍卖的，过错方承担损失赔偿责任。\n"
    "第九条 双方约定的其他事项：无。\n签订日期：2026年11月20日\n",
)
ANNOUNCEMENT = (
    "拍卖公告\n受委托，本公司定于2026年12月18日上午10时在杭州市西湖区文三路100号拍卖厅"
    "举行拍卖会。\n拍卖标的：二手设备一批。\n"
    "展示时间：2026年12月14日至16日；展示地点：委托人厂区。\n",
    "竞买手续：竞买人须持身份证件报名并交纳保证金。联系人：张三，电话13812345678。\n"
    "发布日期：2026年12月12日\n",
)
REGISTRATION = (
    f"竞买人登记表\n竞买人：李四\n身份证号码：{ID_NUMBER}，联系电话：{PHONE}\n竞买号牌：8号\n",
    "",  # a scanned page: no text layer
)


def read_document(
    file: str, kind: str, pages: Sequence[str], *, without_text: Sequence[int] = ()
) -> Document:
    """A document as the reader would return it for these page texts."""
    read = []
    for number, text in enumerate(pages, start=1):
        usable = number not in without_text
        read.append(
            Page(
                number=number,
                text=text if usable else "",
                normalized=normalize(text) if usable else "",
                source="text_layer",
                quality="ok" if usable else "empty",
            )
        )
    facts = extract_facts([(p.number, p.text, p.normalized) for p in read if p.usable], kind)
    return Document(
        file=file,
        kind=kind,
        kind_confidence=0.95,
        pages=tuple(read),
        facts=tuple(facts),
    )


@lru_cache(maxsize=1)
def sample_result() -> CheckResult:
    """Findings (COM, before the auction): CONTRACT-01 (info, needs review), ANN-01 (error, page
    2, counting and due 2026-12-11), ANN-03 (error), ID-CHECKSUM (error, page 1, evidence with
    the ID and phone numbers), NO-TEXT (warning, page 2, needs review), BUNDLE-COMPLETE item 3
    (error, no file)."""
    documents = (
        read_document("委托拍卖合同.docx", "entrustment_contract", CONTRACT),
        read_document("公告/拍卖公告.pdf", "announcement", ANNOUNCEMENT),
        read_document("竞买人登记表.pdf", "bidder_registration", REGISTRATION, without_text=[2]),
    )
    problems = (ReadProblem("encrypted", "文件已加密，需要密码才能打开", UNREADABLE),)
    bundle = Bundle(source=SOURCE, documents=documents, problems=problems)
    return check_read_bundle(bundle, scope="COM", stage="before", today=TODAY)
