"""Build the example case folders in examples/bundles/<SCOPE>/, one per scope.

    python scripts/make_example_bundles.py [--only COM] [--no-verify]

Each folder is a case as a clerk would hand it in: PDFs named ``01-委托拍卖合同.pdf`` …, rendered
from the shipped example data (examples/*.json, adapted here so that the documents of one folder
belong to one case) through our own Word templates and LibreOffice, plus a README.md that says
what the case is, at which stage it is, and which mistakes were put in on purpose (rule ID, item,
file and page). Apart from those mistakes the folder is clean: ``paimai check`` on it reports the
deliberate mistakes and the prompts that always need a person (signatures, seals), nothing else.

Two documents have no template of ours: the trading centre's entry application (with the
promise letter and the power of attorney, one page each) and a court's service receipt; their
text is written here and laid out with python-docx.

Needs LibreOffice and a CJK font (``paimai_docs.pdf.check_pdf_tools``). To keep the folders small,
every font of a document is set to WenQuanYi Zen Hei before conversion when that font is installed
(one embedded subset per PDF instead of three); otherwise the templates' own fonts are used and
the PDFs are larger. The output is deterministic: the PDFs' creation date and file ID are fixed,
so running the script again changes no byte unless the data, the templates or the fonts change.
Only ``examples/bundles/<SCOPE>/`` is written; stale ``NN-*.pdf`` files there are removed.

After building, each folder is checked with ``paimai_docs.checker.check_bundle`` and the findings
are compared with the intended mistakes (``--no-verify`` skips this); a difference is printed and
the exit code is 1.
"""

from __future__ import annotations

import argparse
import copy
import functools
import hashlib
import io
import json
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OUT = EXAMPLES / "bundles"
COMPACT_FONT = "WenQuanYi Zen Hei"
FIXED_PDF_DATE = b"20260101000000"

# --------------------------------------------------------------------------------------------
# What a bundle is made of


@dataclass
class Rendered:
    """A document rendered from model data through our template; ``edit`` changes the .docx
    afterwards (python-docx), for mistakes the model would not accept."""

    file: str  # without .pdf
    model: str
    data: dict[str, Any]
    edit: Callable[[Any], None] | None = None


@dataclass
class Plain:
    """A short document without a template of ours: a title and paragraphs, page by page."""

    file: str
    pages: list[tuple[str, list[str]]]
    title: str = ""


@dataclass
class Mistake:
    """A deliberate mistake: the rule and item the checker reports, the file it is in (None
    for the bundle as a whole), the text that marks its page (None: no page), and what is wrong,
    in Chinese and in English."""

    rule: str
    item: int | None
    file: str | None
    anchor: str | None
    zh: str
    en: str
    page_note: str | None = None  # shown instead of a page, e.g. "第八条整条缺失"


@dataclass(frozen=True)
class Review:
    """A prompt the checker always gives for a document of this kind: something only a person
    can check (signatures, seals). Not a mistake."""

    rule: str
    item: int | None
    zh: str
    en: str


SIGNATURES = Review(
    "CONTRACT-01", None, "合同是否经委托人、拍卖人签字或盖章", "both parties signed the contract"
)
AUTHORIZATION_SIGNED = Review(
    "AUTH-04",
    None,
    "授权书是否由抵押人、共有人亲笔签字并写明日期",
    "the mortgagor and the co-owner signed and dated the authorization by hand",
)


@dataclass
class Bundle:
    scope: str
    scope_title: str
    case_zh: str
    case_en: str
    stage: str  # before, after, failed, sold (as the checker infers it)
    stage_zh: str
    documents: list[Rendered | Plain]
    mistakes: list[Mistake]
    reviews: list[Review] = field(default_factory=list)  # prompts that always appear


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


# Parties shared by several cases (all fictional; ID numbers pass their check digits).
HONGDA = example("announcement")["auctioneer"]
AGRI_STATION = example("result_publicity")["disposing_unit"]
ASSET_COMPANY = example("vehicle_handover")["receiving_company"]
COURT = example("net_judicial_announcement")["auctioneer"]


def party(name: str, domicile: str, code: str, representative: str, phone: str) -> dict[str, Any]:
    return {
        "party_type": "legal_person",
        "name": name,
        "domicile": domicile,
        "id_type": "credit_code",
        "id_number": code,
        "legal_representative": representative,
        "phone": phone,
    }


def person(name: str, domicile: str, id_number: str, phone: str) -> dict[str, Any]:
    return {
        "party_type": "natural_person",
        "name": name,
        "domicile": domicile,
        "id_type": "resident_id",
        "id_number": id_number,
        "phone": phone,
    }


def doc(title: str, copies: int = 1, originals: int = 0, sealed: bool = True) -> dict[str, Any]:
    return {"title": title, "originals": originals, "copies": copies, "sealed": sealed}


def contract_terms() -> dict[str, Any]:
    """The clauses of the example contract that every case keeps as they are."""
    base = example("entrustment_contract")
    keys = (
        "commission_payment_method", "commission_payment_deadline", "proceeds_payment_method",
        "proceeds_payment_deadline", "breach_liability", "unsold_arrangement",
        "suspension_termination_compensation", "withdrawal_fee", "other_terms",
    )  # fmt: skip
    return {key: base[key] for key in keys}


# --------------------------------------------------------------------------------------------
# .docx edits (python-docx) for mistakes a model cannot hold


def _delete(paragraph: Any) -> None:
    element = paragraph._element
    element.getparent().remove(element)


def _renumber(document: Any, old: str, new: str) -> None:
    for paragraph in document.paragraphs:
        if paragraph.text.strip().startswith(old):
            for run in paragraph.runs:
                if old in run.text:
                    run.text = run.text.replace(old, new, 1)
                    break
            else:
                raise RuntimeError(f"条款编号“{old}”不在一个文字段中，无法改为“{new}”")


def drop_breach_clause(document: Any) -> None:
    """The contract lost its 违约责任 article (an old company form without it): delete the
    heading and the clause and number the articles after it one lower."""
    doomed = [
        p
        for p in document.paragraphs
        if p.text.strip().startswith("第八条") or p.text.strip().startswith("违约责任：")
    ]
    if len(doomed) != 2:
        raise RuntimeError(f"合同中没有找到第八条违约责任（找到 {len(doomed)} 段）")
    for paragraph in doomed:
        _delete(paragraph)
    _renumber(document, "第九条", "第八条")
    _renumber(document, "第十条", "第九条")


# --------------------------------------------------------------------------------------------
# The six cases


def com() -> Bundle:
    """Social auction, sold: the shipped examples already form one case (恒信机械's idle
    machines); the announcement came out late, the contract has no breach clause and the
    sale confirmation's total in words is wrong."""
    contract = example("entrustment_contract")
    announcement = example("announcement")
    announcement["publish_date"] = "2026-12-13"
    pre_filing = example("pre_auction_filing")
    pre_filing.update(
        announcement_publish_date="2026-12-13",
        newspaper_copy=doc("河阳日报2026年12月13日第6版"),
        filing_date="2026-12-14",
    )
    confirmation = example("sale_confirmation")
    confirmation["total_amount_words"] = "捌万玖仟元整（¥89,250.00）"
    return Bundle(
        scope="COM",
        scope_title="社会拍卖",
        case_zh=(
            "河阳市恒信机械制造有限公司委托河阳市宏达拍卖有限公司拍卖闲置设备：1号标的数控车床"
            "2台（保留价8万元），2号标的叉车1辆（无保留价）。拍卖会于2026年12月18日10时在宏达大厦"
            "6层拍卖厅举行，1号标的由008号竞买人张伟以8.5万元竞得，2号标的无人应价。"
        ),
        case_en=(
            "A manufacturer has Hongda Auction Co. sell two idle CNC lathes and a forklift on "
            "18 December 2026; the lathes sell for CNY 85,000, the forklift draws no bid."
        ),
        stage="sold",
        stage_zh="成交（拍卖会后：已签成交确认书、办理后期备案）",
        documents=[
            Rendered("01-委托拍卖合同", "entrustment_contract", contract, drop_breach_clause),
            Rendered("02-拍卖公告", "announcement", announcement),
            Rendered("03-拍卖会前备案表", "pre_auction_filing", pre_filing),
            Rendered("04-拍卖笔录", "auction_transcript", example("auction_transcript")),
            Rendered("05-拍卖成交确认书", "sale_confirmation", confirmation),
            Rendered(
                "06-拍卖活动后期备案登记表", "post_auction_filing", example("post_auction_filing")
            ),
        ],
        mistakes=[
            Mistake(
                rule="CONTRACT-09",
                item=None,
                file="01-委托拍卖合同",
                anchor="第八条双方约定的其他事项",
                zh=(
                    "合同没有违约责任条款：第七条之后直接是“双方约定的其他事项”（用了缺这一条的旧合同"
                    "范本），拍卖法第四十四条第（八）项要求写明违约责任。"
                ),
                en="The contract has no liability-for-breach article (an old form): art. 44(8).",
                page_note="第七条之后，整条缺失",
            ),
            Mistake(
                rule="ANN-01",
                item=None,
                file="02-拍卖公告",
                anchor="公告发布日期",
                zh=(
                    "公告于2026年12月13日发布，拍卖日为12月18日，只提前5日；最迟应于12月11日发布"
                    "（拍卖法第四十五条，七日）。会前备案表上的公告发布日期同样是12月13日。"
                ),
                en="Announced on 13 Dec for an auction on 18 Dec: 5 days, the law wants 7.",
            ),
            Mistake(
                rule="AMOUNT-WORDS",
                item=None,
                file="05-拍卖成交确认书",
                anchor="合计（大写）",
                zh="合计¥89,250.00，“合计（大写）”一栏却写成“捌万玖仟元整”，漏了贰佰伍拾元。",
                en="The total is CNY 89,250.00 but the amount in words says 89,000.",
            ),
        ],
        reviews=[SIGNATURES],
    )


def jud_off() -> Bundle:
    """Court-entrusted live auction that failed: a flat announced 12 days ahead (15 needed for
    immovables), a deposit under 5% of the appraisal, and no post-auction filing."""
    announcement = example("judicial_announcement")
    venue = "河阳市产权交易中心三楼拍卖大厅"
    announcement.update(
        auction_venue=venue,
        publish_date="2026-12-16",
        court_approval_date="2026-12-14",
        deposit_amount="50000.00",
        deposit_payment_method=(
            "于2026年12月25日16时前转入河阳市产权交易中心保证金专户（以到账为准），不收现金"
        ),
        registration_procedure=(
            "竞买人须于2026年12月25日16时前凭有效身份证件到河阳市产权交易中心办理竞买登记手续，"
            "签署竞买协议，保证金以到账为准"
        ),
        media=["河阳日报", "河阳市产权交易中心网站"],
    )
    pre_filing = example("pre_auction_filing")
    pre_filing.update(
        auction_session_name="红旗区胜利路16号院住宅司法拍卖会",
        auction_datetime="2026-12-28T09:30:00",
        auction_venue=venue,
        announcement_publish_date="2026-12-16",
        newspaper_copy=doc("河阳日报2026年12月16日第5版"),
        exhibition_start="2026-12-22",
        exhibition_end="2026-12-23",
        entrustment_contract_copy=doc("河阳市红旗区人民法院委托拍卖函（2026）豫0702执1234号"),
        filing_date="2026-12-18",
    )
    report = example("failed_auction_report")
    report.update(
        auction_venue=venue,
        distribution=["河阳市红旗区人民法院", "河阳市产权交易中心", "本公司总办"],
    )
    return Bundle(
        scope="JUD-OFF",
        scope_title="司法委托拍卖（现场）",
        case_zh=(
            "河阳市红旗区人民法院委托河阳市宏达拍卖有限公司拍卖被执行人的住宅一套（红旗区胜利路"
            "16号院3号楼2单元502室，评估价105.6万元，第一次拍卖保留价即评估价）。拍卖会于2026年"
            "12月28日9时30分在河阳市产权交易中心举行，2名竞买人登记，最高应价98万元未达保留价，"
            "流拍。"
        ),
        case_en=(
            "A court has Hongda sell a debtor's flat (appraised CNY 1,056,000) on 28 December "
            "2026; the best bid stays under the reserve and the auction fails."
        ),
        stage="failed",
        stage_zh="流拍（拍卖会后，已出流拍报告）",
        documents=[
            Rendered("01-司法拍卖公告", "judicial_announcement", announcement),
            Rendered("02-拍卖会前备案表", "pre_auction_filing", pre_filing),
            Rendered("03-流拍报告", "failed_auction_report", report),
        ],
        mistakes=[
            Mistake(
                rule="ANN-J01",
                item=None,
                file="01-司法拍卖公告",
                anchor="公告发布日期",
                zh=(
                    "标的是不动产，公告应在拍卖十五日前发布（最迟12月13日），实际12月16日才发布，只提前"
                    "12日；拍卖法的七日已满足，所以 ANN-01 不报。"
                ),
                en="A flat must be announced 15 days ahead (by 13 Dec); this one on 16 Dec.",
            ),
            Mistake(
                rule="DEP-J01",
                item=None,
                file="01-司法拍卖公告",
                anchor="保证金数额",
                zh="保证金5万元，低于评估价105.6万元的5%（52,800元）。",
                en="The deposit of CNY 50,000 is below 5% of the appraisal (CNY 52,800).",
            ),
            Mistake(
                rule="BUNDLE-COMPLETE",
                item=4,
                file=None,
                anchor=None,
                zh=(
                    "流拍的材料中没有拍卖活动后期备案登记表（流拍报告写明附事后备案表，但材料里没有）；"
                    "清单为公告、会前备案表、流拍报告、后期备案表，缺第4项。"
                ),
                en="The failed-auction bundle has no post-auction filing (item 4 of the list).",
            ),
        ],
    )


def jud_net() -> Bundle:
    """Online judicial sale of a car, sold: announced 10 days ahead (15 needed), the parties were
    told one day before the announcement (3 needed), and the deposit is 24% of the start."""
    announcement = example("net_judicial_announcement")
    announcement.update(
        auction_datetime="2026-11-16T10:00:00",
        bidding_start="2026-11-16T10:00:00",
        bidding_end="2026-11-17T10:00:00",
        publish_date="2026-11-06",
        deposit_amount="10000.00",
    )
    announcement["publicity_items"].update(
        time_price_and_rules=(
            "2026年11月16日10时至11月17日10时（延时除外），起拍价41600元，增价幅度500元"
        ),
        notice_status="已于2026年11月5日通知申请执行人及被执行人",
    )
    lot = copy.deepcopy(announcement["lots"][0])
    confirmation = {
        "confirmation_no": "（2026）豫0702执1235号-CJ01",
        "auctioneer": COURT,
        "buyer": person(
            "李明", "河南省河阳市红旗区胜利路28号", "410105199008175214", "13703731234"
        ),
        "bidder_no": "A7386",
        "auction_session": {
            "name": "河阳市红旗区人民法院网络司法拍卖（一拍）",
            "datetime": "2026-11-16T10:00:00",
            "venue": "人民法院诉讼资产网",
        },
        "lot": lot,
        "hammer_price": "50600.00",
        "commission_rate": "0%",
        "commission_amount": "0.00",
        "total_amount": "50600.00",
        "total_amount_words": "人民币伍万零陆佰元整",
        "deposit_applied": "10000.00",
        "balance_due": "40600.00",
        "payment_deadline": "2026-11-27",
        "payment_account": "河阳市红旗区人民法院执行款专户",
        "pickup_place": "法院指定停车场",
        "default_clause": (
            "买受人未按期缴纳余款的，视为悔拍，交纳的保证金不予退还，依次用于支付拍卖产生的费用"
            "损失、弥补重新拍卖价款低于原拍卖价款的差价"
        ),
        "signed_at": "2026-11-17T10:05:00",
        "online_public": True,
    }
    return Bundle(
        scope="JUD-NET",
        scope_title="网络司法拍卖",
        case_zh=(
            "河阳市红旗区人民法院在人民法院诉讼资产网拍卖被执行人孙海涛的小型轿车一辆（豫G12345，"
            "评估价5.2万元，起拍价4.16万元）。竞价时间2026年11月16日10时至17日10时，竞买号A7386的"
            "李明以50,600元竞得。"
        ),
        case_en=(
            "A court sells a debtor's car on an online judicial platform (16–17 November 2026; "
            "appraised CNY 52,000, start CNY 41,600); it sells for CNY 50,600."
        ),
        stage="sold",
        stage_zh="成交（竞价结束，已生成成交确认书）",
        documents=[
            Rendered("01-网络司法拍卖公告", "net_judicial_announcement", announcement),
            Plain(
                "02-送达回证（被执行人）",
                [
                    (
                        "送达回证",
                        [
                            "河阳市红旗区人民法院",
                            "案号：（2026）豫0702执1235号",
                            "送达文书：网络司法拍卖通知书",
                            "受送达人：孙海涛（被执行人）",
                            "送达地址：河南省河阳市红旗区新华街5号",
                            "送达方式：直接送达",
                            "受送达人签收：孙海涛",
                            "签收日期：2026年11月5日",
                            "送达人：王磊、赵敏",
                        ],
                    )
                ],
            ),
            Rendered("03-成交确认书", "sale_confirmation", confirmation),
        ],
        mistakes=[
            Mistake(
                rule="ANN-N01",
                item=None,
                file="01-网络司法拍卖公告",
                anchor="公告发布日期",
                zh=(
                    "拍卖动产，网络司法拍卖应在拍卖十五日前公告（最迟11月1日），实际11月6日才发布，"
                    "只提前10日。"
                ),
                en="Movables go online 15 days ahead (by 1 Nov); the notice came out on 6 Nov.",
            ),
            Mistake(
                rule="NOTICE-N01",
                item=None,
                file="02-送达回证（被执行人）",
                anchor="签收日期",
                zh=(
                    "应在公告发布三日前（最迟11月3日）通知当事人，被执行人11月5日才签收拍卖通知书，"
                    "只提前1日（公告“通知情况”一栏也写明11月5日才通知）。"
                ),
                en="The parties must be told 3 days before the announcement (by 3 Nov): 5 Nov.",
            ),
            Mistake(
                rule="DEP-N01",
                item=None,
                file="01-网络司法拍卖公告",
                anchor="保证金：",
                zh="保证金1万元，是起拍价41,600元的24%，超过20%的上限（应在2,080元至8,320元之间）。",
                en="The deposit of CNY 10,000 is 24% of the start; 5–20% is allowed.",
            ),
        ],
    )


def soa_adm() -> Bundle:
    """State assets of an institution through the trading centre, sold, with the result
    publicity: a bidder registered after the announcement period, the reserve-price notice is
    missing from the post-sale pack, and the publicity runs 3 working days instead of 5."""
    announcement = example("state_asset_announcement")
    state_lot = announcement["lots"][0]
    appraisal = doc("资产评估报告（正信评报字〔2026〕第0912号）")
    contract = {
        "contract_no": "HD-WT-2026-096",
        "consignor": AGRI_STATION,
        "auctioneer": HONGDA,
        "auctioneer_licence_no": "豫商拍许字第4107026号",
        "public_auction_qualification": doc("公物拍卖资格证书复印件"),
        "business_licence_copy": doc("营业执照复印件"),
        "legal_rep_id_copy": doc("法定代表人身份证复印件"),
        "lots": [{**state_lot, "appraisal_report": appraisal}],
        "auction_datetime": announcement["auction_datetime"],
        "auction_venue": announcement["auction_venue"],
        "lot_delivery_time": "买受人付清全部价款及佣金后7日内",
        "lot_delivery_method": "买受人持拍卖成交确认书到委托人院内仓库提取，运输费用由买受人承担",
        "commission_rate_consignor": "0%",
        "commission_rate_buyer": "5%",
        **{k: v for k, v in contract_terms().items() if k not in ("withdrawal_fee",)},
        "is_state_asset": True,
        "disposal_approval_ref": doc("资产处置批准文件（河财资〔2026〕118号）"),
        "deposit_amount": "3000.00",
        "signed_date": "2026-09-18",
        "signed_place": "河阳市红旗区",
    }
    late_bidder = {
        "bidder_no": "006",
        "bidder": party(
            "河阳市鑫达物资回收有限公司",
            "河南省河阳市红旗区东环路15号",
            "91410700MA45RY8K1X",
            "孙建华",
            "0373-3621188",
        ),
        "full_civil_capacity": True,
        "special_qualification": doc("废弃电器电子产品处理资格证书复印件"),
        "meets_announced_conditions": True,
        "lots_of_interest": ["1号标的 办公设备一批"],
        "deposit_amount": "3000.00",
        "deposit_paid_at": "2026-10-10T09:50:00",
        "deposit_voucher_no": "HD-BZJ-2026-1006",
        "payee_account": "河阳市宏达拍卖有限公司保证金专户",
        "registration_datetime": "2026-10-10T10:20:00",
        "rules_acknowledged": True,
        "defects_acknowledged": True,
    }
    bids = [
        ("003", "18500.00", "09:36"), ("006", "19000.00", "09:37"), ("008", "20000.00", "09:39"),
        ("003", "21000.00", "09:41"), ("008", "22000.00", "09:43"), ("006", "22500.00", "09:45"),
        ("008", "23500.00", "09:47"),
    ]  # fmt: skip
    transcript = {
        "auction_session_name": "河阳市农业技术推广站报废办公设备拍卖会",
        "auction_datetime": announcement["auction_datetime"],
        "auction_venue": announcement["auction_venue"],
        "auctioneer_name": "周晓峰",
        "auctioneer_cert_no": "0410086",
        "recorder_name": "李娜",
        "rules_announced": True,
        "commission_seat_announced": False,
        "lots": [
            {
                "lot_no": "1",
                "name": state_lot["name"],
                "has_reserve": True,
                "starting_price": "18500.00",
                "increment": "500.00",
                "bids": [
                    {"bidder_no": no, "amount": amount, "time": f"2026-10-13T{time}:00"}
                    for no, amount, time in bids
                ],
                "highest_bid": "23500.00",
                "result": "sold",
                "hammer_time": "2026-10-13T09:48:00",
                "buyer_bidder_no": "008",
                "buyer_signed": True,
            }
        ],
        "objections_incidents": ["无异议"],
        "auctioneer_signed": True,
        "recorder_signed": True,
    }
    buyer = party(
        "河阳市绿环再生资源回收有限公司", "河南省河阳市红旗区环城东路58号",
        "91410700MA4BQ2XW32", "钱卫东", "0373-3697766",
    )  # fmt: skip
    confirmation = {
        "confirmation_no": "HD-CJ-2026-096-01",
        "auctioneer": HONGDA,
        "buyer": buyer,
        "bidder_no": "008",
        "auction_session": {
            "name": transcript["auction_session_name"],
            "datetime": announcement["auction_datetime"],
            "venue": announcement["auction_venue"],
        },
        "lot": {k: v for k, v in state_lot.items() if k not in ("reserve_price",)},
        "hammer_price": "23500.00",
        "commission_rate": "5%",
        "commission_amount": "1175.00",
        "total_amount": "24675.00",
        "total_amount_words": "人民币贰万肆仟陆佰柒拾伍元整",
        "deposit_applied": "3000.00",
        "balance_due": "21675.00",
        "payment_deadline": "2026-10-16",
        "payment_account": "河阳市宏达拍卖有限公司，中国工商银行河阳平原路支行",
        "pickup_place": "河阳市农业技术推广站院内仓库",
        "pickup_deadline": "2026-10-23",
        "default_clause": example("sale_confirmation")["default_clause"],
        "signed_at": "2026-10-13T10:20:00",
        "parts": 4,
    }
    publicity = example("result_publicity")
    publicity.update(
        buyer_name=buyer["name"], transaction_price="23500.00", publicity_end="2026-10-20"
    )
    station = AGRI_STATION["name"]
    application = Plain(
        "01-进场交易申请资料",
        [
            (
                "行政事业单位国有资产处置进场交易申请书",
                [
                    "河阳市公共资源交易中心：",
                    f"我单位（{station}）经河阳市财政局批准（河财资〔2026〕118号），拟将报废办公"
                    "设备一批（台式计算机42台、打印机15台）通过拍卖方式公开处置，评估结果为人民币"
                    "18500元（河财评备〔2026〕076号），现申请进场交易。",
                    "拍卖机构：河阳市宏达拍卖有限公司",
                    "项目联系人：刘红梅，联系电话：0373-3051234",
                    "随附材料：进场交易通知单原件（河财进〔2026〕第0921号）、资产处置批准文件原件、"
                    "资产评估报告原件、委托拍卖合同原件、拍卖公告原件、承诺书、授权委托书。",
                    f"申请单位（盖章）：{station}",
                    "2026年9月21日",
                ],
            ),
            (
                "承诺书",
                [
                    "河阳市公共资源交易中心：",
                    "我单位承诺：所提交的进场交易资料真实、合法、完整、有效，处置资产权属清晰，"
                    "如有虚假，由我单位承担全部责任。",
                    f"承诺单位（盖章）：{station}",
                    "2026年9月21日",
                ],
            ),
            (
                "授权委托书",
                [
                    "河阳市公共资源交易中心：",
                    f"兹委托我单位职工周文斌（身份证号码：410702198503124325）代表{station}办理"
                    "报废办公设备进场交易的申请、资料提交和结果确认等事宜。",
                    "委托期限：2026年9月21日至2026年11月30日。",
                    f"委托单位（盖章）：{station}",
                    "法定代表人（签字）：刘红梅",
                    "2026年9月21日",
                ],
            ),
        ],
    )
    return Bundle(
        scope="SOA-ADM",
        scope_title="行政事业单位国有资产处置",
        case_zh=(
            "河阳市农业技术推广站经财政局批准，通过河阳市公共资源交易中心委托河阳市宏达拍卖有限公司"
            "拍卖报废办公设备一批（评估结果及保留价18,500元）。公告期2026年9月25日至10月9日，"
            "拍卖会10月13日举行，008号河阳市绿环再生资源回收有限公司以23,500元竞得，"
            "10月15日发布交易结果公示。"
        ),
        case_en=(
            "A public institution disposes of scrapped office equipment through the trading "
            "centre (appraisal and reserve CNY 18,500); sold on 13 October 2026 for CNY 23,500, "
            "result published on 15 October."
        ),
        stage="sold",
        stage_zh="成交（已签成交确认书并发布交易结果公示）",
        documents=[
            application,
            Rendered("02-委托拍卖合同", "entrustment_contract", contract),
            Rendered("03-国有资产处置拍卖公告", "state_asset_announcement", announcement),
            Rendered("04-竞买人登记表（006号）", "bidder_registration", late_bidder),
            Rendered("05-拍卖笔录", "auction_transcript", transcript),
            Rendered("06-拍卖成交确认书", "sale_confirmation", confirmation),
            Rendered("07-交易结果公示", "result_publicity", publicity),
        ],
        mistakes=[
            Mistake(
                rule="ANN-S06",
                item=None,
                file="04-竞买人登记表（006号）",
                anchor="登记时间",
                zh=(
                    "公告期于10月9日截止，006号竞买人10月10日（调休上班的星期六）才办理竞买登记，"
                    "拍卖机构不应再受理。"
                ),
                en="Bidder 006 registered on 10 Oct, after the announcement period ended on 9 Oct.",
            ),
            Mistake(
                rule="FILE-13",
                item=1,
                file=None,
                anchor=None,
                zh=(
                    "拍卖后应在2个工作日内向交易中心提交的材料中没有拍卖底价通知单（保留价通知单）"
                    "原件。"
                ),
                en="The post-sale pack for the trading centre lacks the reserve-price notice.",
            ),
            Mistake(
                rule="POST-S01",
                item=3,
                file="07-交易结果公示",
                anchor="公示期截止",
                zh=(
                    "公示10月15日发布、10月20日截止，只有3个工作日；应至少公示5个工作日，"
                    "截止日不得早于10月22日。"
                ),
                en="The result is displayed 15–20 Oct, 3 working days; 5 are required (to 22 Oct).",
            ),
        ],
        reviews=[SIGNATURES],
    )


def soa_ent() -> Bundle:
    """Enterprise state assets, sold: the reserve is below the appraisal, the lot is shown for
    one day only, and the transcript is missing."""
    consignor = party(
        "河阳市交通建设投资集团有限公司", "河南省河阳市红旗区建设路2号",
        "91410700MA9GTK2E7W", "郑国栋", "0373-3055678",
    )  # fmt: skip
    lot = {
        "lot_no": "1",
        "name": "沥青混合料搅拌设备",
        "specification": "西筑LB2000型，额定产量160吨/小时",
        "quantity": "1",
        "unit": "套",
        "quality_condition": "2015年购置，2023年起停用，主机完好，需拆除后运走",
        "property_class": "movable",
        "provenance": "河阳市交通建设投资集团有限公司自有设备（企业国有资产）",
        "known_defects": ["除尘布袋需更换", "控制系统软件版本较旧"],
        "approval_docs": [
            doc("河阳市国资委《关于同意转让闲置沥青搅拌设备的批复》河国资产权〔2026〕45号")
        ],
        "appraisal_value": "1350000.00",
        "appraisal_report": doc("资产评估报告（正信评报字〔2026〕第1107号）"),
        "starting_price": "1200000.00",
        "bid_increment": "10000.00",
    }
    auction = "2026-11-26T10:00:00"
    venue = "河阳市产权交易中心二楼拍卖厅"
    contract = {
        "contract_no": "HD-WT-2026-131",
        "consignor": consignor,
        "auctioneer": HONGDA,
        "auctioneer_licence_no": "豫商拍许字第4107026号",
        "lots": [{**lot, "reserve_price": "1200000.00"}],
        "auction_datetime": auction,
        "auction_venue": venue,
        "lot_delivery_time": "买受人付清全部价款及佣金后30日内",
        "lot_delivery_method": "买受人在委托人沥青拌和站现场自行拆除、运走，费用由买受人承担",
        "commission_rate_consignor": "1%",
        "commission_rate_buyer": "3%",
        **contract_terms(),
        "is_state_asset": True,
        "deposit_amount": "100000.00",
        "signed_date": "2026-11-05",
        "signed_place": "河阳市红旗区",
    }
    announcement = {
        "announcement_no": "宏达拍〔2026〕第131号",
        "auctioneer": HONGDA,
        "auction_datetime": auction,
        "auction_venue": venue,
        "lots": [lot],
        "exhibition_start": "2026-11-23",
        "exhibition_end": "2026-11-23",
        "exhibition_venue": "河阳市红旗区建设路2号委托人沥青拌和站",
        "registration_procedure": (
            "有意竞买者请于2026年11月25日17时前持营业执照副本、法定代表人身份证明或授权委托书到"
            "本公司办理竞买登记手续，并交纳竞买保证金人民币拾万元整（以到账为准）"
        ),
        "other_matters": (
            "本标的为企业国有资产，本次国有产权转让已经河阳市人民政府国有资产监督管理委员会批准"
            "（河国资产权〔2026〕45号）；标的按现状拍卖，拆除、运输费用由买受人承担；"
            "咨询电话：0373-3512345"
        ),
        "publish_date": "2026-11-12",
        "media": ["河阳日报", "河阳市产权交易中心网站"],
    }
    confirmation = {
        "confirmation_no": "HD-CJ-2026-131-01",
        "auctioneer": HONGDA,
        "buyer": party(
            "河阳市路通市政工程有限公司",
            "河南省河阳市红旗区纬五路36号",
            "91410700MA40XJ6U8U",
            "冯志强",
            "0373-3581166",
        ),
        "bidder_no": "012",
        "auction_session": {
            "name": "河阳市交通建设投资集团有限公司闲置设备拍卖会",
            "datetime": auction,
            "venue": venue,
        },
        "lot": {k: v for k, v in lot.items() if k not in ("approval_docs", "appraisal_report")},
        "hammer_price": "1380000.00",
        "commission_rate": "3%",
        "commission_amount": "41400.00",
        "total_amount": "1421400.00",
        "total_amount_words": "人民币壹佰肆拾贰万壹仟肆佰元整",
        "deposit_applied": "100000.00",
        "balance_due": "1321400.00",
        "payment_deadline": "2026-12-03",
        "payment_account": "河阳市宏达拍卖有限公司，中国工商银行河阳平原路支行",
        "pickup_place": "河阳市红旗区建设路2号委托人沥青拌和站",
        "pickup_deadline": "2026-12-31",
        "default_clause": example("sale_confirmation")["default_clause"],
        "signed_at": "2026-11-26T10:50:00",
        "parts": 3,
    }
    return Bundle(
        scope="SOA-ENT",
        scope_title="企业国有资产交易",
        case_zh=(
            "国有独资的河阳市交通建设投资集团有限公司经市国资委批准，委托河阳市宏达拍卖有限公司"
            "拍卖闲置的沥青混合料搅拌设备一套（评估价135万元）。拍卖会2026年11月26日在河阳市产权"
            "交易中心举行，012号河阳市路通市政工程有限公司以138万元竞得。"
        ),
        case_en=(
            "A state-owned investment group sells an idle asphalt plant (appraised CNY 1.35 "
            "million) on 26 November 2026; it sells for CNY 1.38 million."
        ),
        stage="sold",
        stage_zh="成交（已签成交确认书）",
        documents=[
            Rendered("01-委托拍卖合同", "entrustment_contract", contract),
            Rendered("02-拍卖公告", "announcement", announcement),
            Rendered("03-拍卖成交确认书", "sale_confirmation", confirmation),
        ],
        mistakes=[
            Mistake(
                rule="CONTRACT-15",
                item=None,
                file="01-委托拍卖合同",
                anchor="保留价：",
                zh="国有资产的保留价应根据评估结果确定：评估价135万元，合同约定的保留价只有120万元。",
                en="The reserve (CNY 1.2 million) is below the appraisal (CNY 1.35 million).",
            ),
            Mistake(
                rule="ANN-05",
                item=None,
                file="02-拍卖公告",
                anchor="展示结束日期",
                zh="展示开始和结束都是11月23日，只展示一天；拍卖法第四十八条要求不少于两日。",
                en="The lot is on show on 23 Nov only; the law wants at least two days.",
            ),
            Mistake(
                rule="BUNDLE-COMPLETE",
                item=3,
                file=None,
                anchor=None,
                zh="成交的材料中没有拍卖笔录（合同、公告、笔录、成交确认书，缺第3项）。",
                en="The sold bundle has no auction transcript (item 3 of the list).",
            ),
        ],
        reviews=[SIGNATURES],
    )


def veh() -> Bundle:
    """Vehicle disposal before the auction: a mortgaged car taken back under the borrower's
    disposal authorization; the spouse co-owns it but did not consent, the authorization is
    not irrevocable, and the driving licence did not come with the car."""
    authorization = example("vehicle_disposal_authorization")
    authorization.update(
        co_owner=person("刘芳", "河南省河阳市红旗区新华街5号", "410703198806212521", "13837310023"),
        irrevocable=False,
    )
    guarantor = authorization["grantee"]
    vehicle = {
        **authorization["vehicle"],
        "mileage_km": 21500,
        "condition": "可正常行驶，右后保险杠有刮擦",
    }
    handover = {
        "handover_no": "HY-CL-2026-047",
        "handing_unit": guarantor,
        "receiving_company": ASSET_COMPANY,
        "disposal_approval_ref": "河国资〔2026〕112号",
        "vehicle": vehicle,
        "documents": {
            "registration_certificate": True,
            "driving_licence_main": False,
            "driving_licence_duplicate": False,
            "purchase_tax_certificate": True,
            "insurance": True,
        },
        "keys_count": 1,
        "other_items": ["备胎1个"],
        "pending_violations_accidents": False,
        "mortgage_or_seizure": "mortgaged",
        "parking_location": "河阳市国有资产经营有限公司停车场",
        "undertaking": {"title": "承诺书", "originals": 1},
        "handover_date": "2026-11-20",
    }
    lot = {
        "lot_no": "1",
        "name": "日产牌DFL7163小型轿车",
        "specification": "1.6L自动挡，2025年8月注册",
        "quantity": "1",
        "unit": "辆",
        "quality_condition": "行驶约2.15万公里，可正常行驶，右后保险杠有刮擦",
        "property_class": "movable",
        "provenance": "河阳市安信融资担保有限公司依《车辆处置授权书》收回的抵押车辆",
        "known_defects": ["右后保险杠有刮擦", "行驶证未随车移交，买受人须自行补办"],
        "appraisal_value": "56000.00",
        "starting_price": "45000.00",
        "bid_increment": "500.00",
        "vehicle": {k: v for k, v in vehicle.items() if k != "condition"},
    }
    auction = "2026-12-10T10:00:00"
    venue = "河阳市红旗区平原路100号宏达大厦6层拍卖厅"
    contract = {
        "contract_no": "HD-WT-2026-139",
        "consignor": ASSET_COMPANY,
        "auctioneer": HONGDA,
        "auctioneer_licence_no": "豫商拍许字第4107026号",
        "lots": [{**lot, "reserve_price": "50000.00"}],
        "auction_datetime": auction,
        "auction_venue": venue,
        "lot_delivery_time": "买受人付清全部价款及佣金后3日内",
        "lot_delivery_method": (
            "买受人持拍卖成交确认书到河阳市国有资产经营有限公司停车场提车，并于提车后30日内办理"
            "转移登记"
        ),
        "commission_rate_consignor": "2%",
        "commission_rate_buyer": "5%",
        **contract_terms(),
        "is_state_asset": False,
        "deposit_amount": "5000.00",
        "signed_date": "2026-11-23",
        "signed_place": "河阳市红旗区",
    }
    announcement = {
        "announcement_no": "宏达拍〔2026〕第139号",
        "auctioneer": HONGDA,
        "auction_datetime": auction,
        "auction_venue": venue,
        "lots": [lot],
        "exhibition_start": "2026-12-07",
        "exhibition_end": "2026-12-08",
        "exhibition_venue": "河阳市国有资产经营有限公司停车场（河阳市红旗区金穗大道200号）",
        "registration_procedure": (
            "有意竞买者请于2026年12月9日17时前持有效身份证件到本公司办理竞买登记手续，并交纳竞买"
            "保证金人民币伍仟元整（以到账为准）"
        ),
        "other_matters": "车辆按现状拍卖，转移登记及相关税费由买受人承担；咨询电话：0373-3512345",
        "publish_date": "2026-11-30",
        "media": ["河阳日报", "河阳市宏达拍卖有限公司网站"],
    }
    return Bundle(
        scope="VEH",
        scope_title="车辆处置",
        case_zh=(
            "借款人孙海涛以所购日产小型轿车（豫GD12345）抵押办理信用卡分期购车，由河阳市安信融资"
            "担保有限公司担保，并签了《车辆处置授权书》。孙海涛连续逾期，担保公司代偿后依授权收回"
            "车辆，2026年11月20日移交河阳市国有资产经营有限公司，由其委托河阳市宏达拍卖有限公司于"
            "12月10日拍卖。"
        ),
        case_en=(
            "A car-loan borrower defaulted; the guarantor took the mortgaged car back under the "
            "borrower's disposal authorization and handed it to the city's asset company, which "
            "has Hongda auction it on 10 December 2026."
        ),
        stage="before",
        stage_zh="拍卖前（车辆已交接，合同已签，公告已发布）",
        documents=[
            Rendered("01-车辆处置授权书", "vehicle_disposal_authorization", authorization),
            Rendered("02-车辆交接书", "vehicle_handover", handover),
            Rendered("03-委托拍卖合同", "entrustment_contract", contract),
            Rendered("04-拍卖公告", "announcement", announcement),
        ],
        mistakes=[
            Mistake(
                rule="AUTH-03",
                item=2,
                file="01-车辆处置授权书",
                anchor="不可撤销",
                zh="授权书“不可撤销”一栏为“否”：授权可以撤销，借款人违约时可撤回授权。",
                en="The authorization is marked revocable.",
            ),
            Mistake(
                rule="AUTH-04",
                item=2,
                file="01-车辆处置授权书",
                anchor="共有人",
                zh="车辆为夫妻共有，授权书列了共有人刘芳，却没有她同意授权的声明。",
                en="The spouse co-owns the car but gave no statement of consent.",
            ),
            Mistake(
                rule="VEH-02",
                item=2,
                file="02-车辆交接书",
                anchor="行驶证正本",
                zh="交接时行驶证正本、副本均为“无”：借款人没有交出行驶证。",
                en="The driving licence (both parts) did not come with the car.",
            ),
        ],
        reviews=[SIGNATURES, AUTHORIZATION_SIGNED],
    )


BUNDLES: dict[str, Callable[[], Bundle]] = {
    "COM": com,
    "JUD-OFF": jud_off,
    "JUD-NET": jud_net,
    "SOA-ADM": soa_adm,
    "SOA-ENT": soa_ent,
    "VEH": veh,
}


# --------------------------------------------------------------------------------------------
# Building: .docx, then PDFs in one LibreOffice run


_WORD_FONT = re.compile(r'(w:(?:ascii|hAnsi|eastAsia|cs)=")[^"]*(")')
_WORD_THEME_FONT = re.compile(r'\s+w:(?:ascii|hAnsi|eastAsia|cs)Theme="[^"]*"')
_THEME_FONT = re.compile(r'(typeface=")[^"]*(")')


def compact_fonts(path: Path, family: str) -> None:
    """Set every font of a .docx to ``family``: one embedded font subset per PDF."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                text = _WORD_THEME_FONT.sub("", text)
                text = _WORD_FONT.sub(lambda m: f"{m.group(1)}{family}{m.group(2)}", text)
                if info.filename.startswith("word/theme/"):
                    text = _THEME_FONT.sub(lambda m: f"{m.group(1)}{family}{m.group(2)}", text)
                data = text.encode("utf-8")
            archive.writestr(info, data)


def render_docx(document: Rendered, path: Path) -> None:
    from paimai_docs.render import render
    from paimai_docs.validation import validate

    model = validate(document.model, document.data)
    # The bundles carry deliberate mistakes, so rendering must not refuse them.
    render(model, path, overwrite=True, allow_findings=True)
    if document.edit is not None:
        import docx

        word = docx.Document(str(path))
        document.edit(word)
        word.save(str(path))


def plain_docx(document: Plain, path: Path) -> None:
    import datetime as dt

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word = docx.Document()
    normal = word.styles["Normal"]
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    for number, (title, paragraphs) in enumerate(document.pages):
        heading = word.add_paragraph()
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = heading.add_run(title)
        run.bold = True
        run.font.size = Pt(16)
        for text in paragraphs:
            word.add_paragraph(text)
        if number < len(document.pages) - 1:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    properties = word.core_properties
    properties.title = document.title or document.pages[0][0]
    properties.author = "paimai-docs"
    properties.last_modified_by = "paimai-docs"
    properties.created = properties.modified = dt.datetime(2026, 1, 1)
    properties.revision = 1
    word.save(str(path))


def normalise_pdf(data: bytes) -> bytes:
    """Fix what LibreOffice varies from run to run (creation date, file ID, document checksum),
    keeping every byte offset: the same input gives the same file."""
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", rb"\g<1>" + FIXED_PDF_DATE, data)
    id_pattern = re.compile(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)")
    checksum = re.compile(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}")
    hashed = hashlib.md5(checksum.sub(b"", id_pattern.sub(b"", data)), usedforsecurity=False)
    fixed = hashed.hexdigest().upper().encode()
    data = checksum.sub(lambda m: m.group(1) + fixed, data)
    return id_pattern.sub(lambda m: m.group(1) + fixed + m.group(2) + fixed + m.group(3), data)


def font_installed(family: str) -> bool:
    from paimai_docs.pdf import cjk_fonts

    return family in cjk_fonts()


def build(bundles: list[Bundle]) -> dict[str, dict[str, bytes]]:
    """Every bundle's PDFs (file name → bytes), converted in one LibreOffice run."""
    from paimai_docs.pdf import check_pdf_tools, convert_to_pdf

    missing = check_pdf_tools()
    if missing:
        raise SystemExit("；".join(missing))
    family = COMPACT_FONT if font_installed(COMPACT_FONT) else None
    if family is None:
        print(f"注意：未安装 {COMPACT_FONT}，使用模板字体，PDF 会较大", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="paimai-bundles-") as work:
        sources: list[tuple[str, str, Path]] = []
        for bundle in bundles:
            for document in bundle.documents:
                # One folder, unique names: convert_to_pdf writes every PDF of a batch into one
                # directory first, so two "01-委托拍卖合同" of different bundles would collide.
                path = Path(work) / f"{bundle.scope}_{document.file}.docx"
                if isinstance(document, Rendered):
                    render_docx(document, path)
                else:
                    plain_docx(document, path)
                if family is not None:
                    compact_fonts(path, family)
                sources.append((bundle.scope, document.file, path))
        pdfs = convert_to_pdf([path for _, _, path in sources], overwrite=True)
        result: dict[str, dict[str, bytes]] = {bundle.scope: {} for bundle in bundles}
        for (scope, name, _), pdf in zip(sources, pdfs, strict=True):
            result[scope][f"{name}.pdf"] = normalise_pdf(pdf.read_bytes())
    return result


# --------------------------------------------------------------------------------------------
# Pages, README, writing


def page_of(pdf: bytes, anchor: str) -> int | None:
    """The first page whose text contains ``anchor`` (spaces ignored)."""
    from pypdf import PdfReader

    wanted = re.sub(r"\s+", "", anchor)
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        if wanted in re.sub(r"\s+", "", page.extract_text() or ""):
            return number
    return None


def where(mistake: Mistake, pdfs: dict[str, bytes]) -> tuple[str, str]:
    """(file, page) as the README shows them."""
    if mistake.file is None:
        return "（整套材料）", "—"
    name = f"{mistake.file}.pdf"
    page = page_of(pdfs[name], mistake.anchor) if mistake.anchor else None
    if mistake.anchor and page is None:
        raise RuntimeError(f"{name} 中找不到“{mistake.anchor}”")
    shown = f"第{page}页" if page else "—"
    if mistake.page_note:
        shown = f"{shown}（{mistake.page_note}）"
    return name, shown


STAGES_EN = {
    "before": "before the auction",
    "after": "after the auction",
    "failed": "failed auction",
    "sold": "sold",
}


def readme(bundle: Bundle, pdfs: dict[str, bytes]) -> str:
    lines = [
        f"# 示例案卷：{bundle.scope_title}（{bundle.scope}）",
        "",
        "> 本文件夹由 `scripts/make_example_bundles.py` 生成，请勿手工修改。人物、单位、号码均为"
        "虚构。",
        "",
        "## 案件",
        "",
        bundle.case_zh,
        "",
        f"阶段：{bundle.stage_zh}。检查时自动判断为{bundle.scope_title}（{bundle.scope}），"
        "无须指定 `--scope`。",
        "",
        "## 材料",
        "",
        "| 文件 | 文书 | 页数 | 来源 |",
        "|---|---|---|---|",
    ]
    from pypdf import PdfReader

    from paimai_docs.models import MODELS

    for document in bundle.documents:
        name = f"{document.file}.pdf"
        pages = len(PdfReader(io.BytesIO(pdfs[name])).pages)
        if isinstance(document, Rendered):
            kind, source = MODELS[document.model].title, f"模板 `{document.model}`"
        else:
            kind, source = "、".join(title for title, _ in document.pages), "脚本中的文字"
        lines.append(f"| {name} | {kind} | {pages} | {source} |")
    lines += [
        "",
        "## 故意设置的错误",
        "",
        "| 规则 | 项 | 文件 | 页 | 错在哪里 |",
        "|---|---|---|---|---|",
    ]
    for mistake in bundle.mistakes:
        name, page = where(mistake, pdfs)
        item = str(mistake.item) if mistake.item is not None else "—"
        lines.append(f"| {mistake.rule} | {item} | {name} | {page} | {mistake.zh} |")
    if bundle.reviews:
        lines += [
            "",
            "除上表各项外，材料没有其他错误。检查报告中另有的只是每份此类文书都会出现的人工核对"
            "提示（标有“需人工核对”）：",
            "",
            *[f"- {r.rule}：{r.zh}" for r in bundle.reviews],
        ]
    else:
        lines += ["", "除上表各项外，材料没有其他错误，检查报告中也没有其他发现。"]
    lines += [
        "",
        "## 运行",
        "",
        f"    paimai check examples/bundles/{bundle.scope}",
        f"    paimai explain {bundle.mistakes[0].rule}",
        "",
        *(
            [
                "本说明文件（README.md）不是案卷材料：`paimai check` 会在报告末尾列出"
                "“无法读取：README.md”，退出码因此为3（有输入无法读取）；只检查 PDF 时"
                "（移走本文件）退出码为1（发现问题）。",
                "",
            ]
            if readme_is_reported()
            else []
        ),
        "## English",
        "",
        f"An example case folder for the scope {bundle.scope}. {bundle.case_en} "
        f"Stage: {STAGES_EN[bundle.stage]}. The documents are rendered from the example data "
        "through the package's own templates"
        + (
            " (those without a template are plain text written by the script)"
            if any(isinstance(d, Plain) for d in bundle.documents)
            else ""
        )
        + "; the folder is clean except for these deliberate mistakes, which `paimai check` "
        "reports (plus the prompts that always need a person):",
        "",
        *[
            f"- {m.rule}{f' item {m.item}' if m.item is not None else ''}: {m.en}"
            for m in bundle.mistakes
        ],
        *(
            ["", "Prompts for a person: " + "; ".join(f"{r.rule} ({r.en})" for r in bundle.reviews)]
            if bundle.reviews
            else []
        ),
        *(
            [
                "",
                "The reader reads PDF and .docx only, so the report also lists this README.md as "
                "unread and exits with 3; without it, the exit code is 1 (findings).",
            ]
            if readme_is_reported()
            else []
        ),
        "",
    ]
    return "\n".join(lines)


@functools.lru_cache(maxsize=1)
def readme_is_reported() -> bool:
    """Whether the reader reports a README.md in a case folder as a file it cannot read (it
    reads only PDF and .docx and names every other file), so the README can say so."""
    from paimai_docs.reading import read_bundle

    with tempfile.TemporaryDirectory(prefix="paimai-readme-") as folder:
        (Path(folder) / "README.md").write_text("#\n", encoding="utf-8")
        return bool(read_bundle(folder).problems)


_OURS = re.compile(r"^\d{2}-.+\.pdf$")


def write(bundle: Bundle, pdfs: dict[str, bytes]) -> list[Path]:
    """Write the folder: the PDFs and README.md, replacing only files this script makes."""
    folder = OUT / bundle.scope
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.is_file() and _OURS.match(stale.name) and stale.name not in pdfs:
            stale.unlink()
    written = []
    outputs = {**pdfs, "README.md": readme(bundle, pdfs).encode("utf-8")}
    for name, data in outputs.items():
        target = folder / name
        if target.exists() and target.read_bytes() == data:
            written.append(target)
            continue
        temporary = folder / f".{name}.partial"
        temporary.write_bytes(data)
        os.replace(temporary, target)
        written.append(target)
    return written


# --------------------------------------------------------------------------------------------
# Checking what was built


def verify(bundle: Bundle) -> list[str]:
    """Differences between the checker's findings and the intended mistakes and prompts
    (empty: none)."""
    from paimai_docs.checker import check_bundle

    result = check_bundle(OUT / bundle.scope)
    problems = []
    if result.scope != bundle.scope:
        problems.append(f"范围判断为 {result.scope}（{result.scope_reason}）")
    if result.stage != bundle.stage:
        problems.append(f"阶段判断为 {result.stage}")
    wanted = {(m.rule, m.item) for m in bundle.mistakes}
    prompts = {(r.rule, r.item) for r in bundle.reviews}
    found: set[tuple[str, int | None]] = set()
    for finding in result.findings:
        key = (finding.rule, finding.item)
        prompt = key in prompts and finding.needs_review
        mistake = key in wanted and finding.severity.value in ("error", "warning")
        if prompt or mistake:
            found.add(key)
        else:
            level = finding.severity.value
            problems.append(f"多报 {finding.rule} 第{finding.item}项（{level}）：{finding.message}")
    for rule, item in sorted((wanted | prompts) - found, key=str):
        problems.append(f"漏报 {rule} 第{item}项")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(BUNDLES), help="只生成该范围")
    parser.add_argument("--no-verify", action="store_true", help="生成后不运行检查")
    args = parser.parse_args(argv)
    bundles = [BUNDLES[scope]() for scope in (args.only or BUNDLES)]
    built = build(bundles)
    total = 0
    failed = False
    for bundle in bundles:
        paths = write(bundle, built[bundle.scope])
        size = sum(path.stat().st_size for path in paths)
        total += size
        print(f"{OUT.relative_to(ROOT) / bundle.scope}/（{size / 1024:.0f} KB）")
        for path in paths:
            print(f"  {path.name}  {path.stat().st_size / 1024:.0f} KB")
        mistakes = "、".join(
            m.rule + (f"（第{m.item}项）" if m.item is not None else "") for m in bundle.mistakes
        )
        print(f"  故意设置的错误：{mistakes}")
        if not args.no_verify:
            problems = verify(bundle)
            failed = failed or bool(problems)
            for problem in problems:
                print(f"  ！{problem}")
            if not problems:
                print("  检查结果与故意设置的错误一致")
    print(f"共 {total / 1024:.0f} KB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
