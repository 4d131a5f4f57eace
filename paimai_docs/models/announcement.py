"""拍卖公告 — the auction announcement (拍卖法 arts. 45–48) and its variants: judicial live
(the firm's nine items, SPC-SALE), judicial online (SPC-NET arts. 12–14) and state assets of
institutions (trading-centre procedure)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..values.contact import BankAccountNumber, Phone
from ..values.money import Money
from .base import Date, DateTime, DocumentModel, Record, Text, check_not_before, field
from .common import Lot, Party
from .enums import AuctionRound

__all__ = [
    "AnnouncementBase",
    "AuctionAnnouncement",
    "JudicialAnnouncement",
    "NetJudicialAnnouncement",
    "NetPublicityItems",
    "NetSpecialReminders",
    "StateAssetAnnouncement",
]


class AnnouncementBase(DocumentModel):
    """What every announcement states (拍卖法 art. 46), except the exhibition, which online
    judicial sales replace by viewing on application."""

    document_kind: ClassVar[str] = "announcement"

    announcement_no: str | None = field("公告编号", default=None, synonyms=("编号",))
    auctioneer: Party = field("拍卖人", synonyms=("拍卖机构", "拍卖公司", "拍卖单位"))
    auction_datetime: DateTime = field(
        "拍卖时间", synonyms=("拍卖会时间", "拍卖日期", "竞价时间", "拍卖会定于")
    )
    auction_venue: Text = field("拍卖地点", synonyms=("拍卖会地点", "拍卖场所", "拍卖平台"))
    lots: list[Lot] = field("拍卖标的", min_length=1, synonyms=("标的", "拍卖标的物", "拍品"))
    registration_procedure: Text = field(
        "参与竞买应当办理的手续",
        synonyms=("竞买手续", "竞买登记", "报名手续", "报名方式", "竞买人须知", "竞买办法"),
    )
    other_matters: str | None = field(
        "需要公告的其他事项", default=None, synonyms=("其他事项", "其他需要公告的事项")
    )
    publish_date: Date = field("公告发布日期", synonyms=("发布日期", "公告日期"))
    media: list[Text] = field(
        "发布媒体", min_length=1, synonyms=("媒体", "报纸", "网站", "发布媒介")
    )


class AuctionAnnouncement(AnnouncementBase):
    """拍卖公告 of a social (commercial) auction: the five items of 拍卖法 art. 46."""

    document_kind: ClassVar[str] = "announcement"
    model_name: ClassVar[str] = "announcement"
    title: ClassVar[str] = "拍卖公告"
    title_en: ClassVar[str] = "Auction announcement"

    exhibition_start: Date = field(
        "展示开始日期", synonyms=("展示时间", "预展时间", "看样时间", "展示日期")
    )
    exhibition_end: Date = field("展示结束日期", synonyms=("展示截止", "预展截止"))
    exhibition_venue: Text = field("展示地点", synonyms=("预展地点", "看样地点", "标的展示地点"))

    @field_validator("exhibition_end")
    @classmethod
    def _exhibition_order(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("exhibition_start"), value, "展示开始日期")
        return value


class JudicialAnnouncement(AuctionAnnouncement):
    """司法拍卖公告 for a live auction held by an auction firm on a court's entrustment."""

    model_name: ClassVar[str] = "judicial_announcement"
    title: ClassVar[str] = "司法拍卖公告"
    title_en: ClassVar[str] = "Judicial auction announcement (live)"

    court_name: Text = field("委托法院", synonyms=("委托人", "委托单位", "人民法院"))
    case_no: str | None = field("执行案号", default=None, synonyms=("案号",))
    appraisal_value: Money = field("评估价", synonyms=("评估价格", "评估值", "评估总价", "参考价"))
    appraisal_intro: Text = field("标的相关介绍", synonyms=("标的介绍", "标的情况", "标的概况"))
    deposit_amount: Money = field("保证金数额", synonyms=("保证金", "竞买保证金"))
    deposit_payment_method: Text = field(
        "保证金交纳方式", synonyms=("保证金缴纳方式", "交纳方式", "缴纳方式")
    )
    exchange_phone: Phone = field(
        "产权交易中心联系电话", synonyms=("产权交易中心电话", "交易中心电话", "产权中心电话")
    )
    court_phone: Phone = field("委托法院联系电话", synonyms=("法院联系电话", "法院电话"))
    court_supervision_phone: Phone = field(
        "司法拍卖监督电话", synonyms=("监督电话", "人民法院司法拍卖监督电话", "监督举报电话")
    )
    professional_media_required: bool = field("需在专业报纸公告", default=False)
    court_approval_date: Date | None = field("法院签字审核日期", default=None)
    exception_reason_offline: str | None = field(
        "不采用网络司法拍卖的理由", default=None, synonyms=("未采用网络拍卖的理由",)
    )


class NetPublicityItems(Record):
    """What the platform must post on the announcement day (SPC-NET art. 13)."""

    enforcement_basis: Text = field("执行依据法律文书", synonyms=("执行依据",))
    appraisal_report_or_pricing_basis: Text = field(
        "评估报告副本或定价依据", synonyms=("评估报告", "定价依据")
    )
    time_price_and_rules: Text = field("拍卖时间、起拍价及竞价规则", synonyms=("竞价规则",))
    status_description: Text = field(
        "标的现状说明、视频或照片", synonyms=("标的物现状", "权属、占有使用情况", "现状")
    )
    preemption_holders: Text = field("优先购买权主体及权利性质", synonyms=("优先购买权",))
    notice_status: Text = field("通知当事人及优先购买权人情况", synonyms=("通知情况",))
    payment_method_and_account: Text = field(
        "保证金、拍卖款项支付方式和账户", synonyms=("支付方式", "账户")
    )
    taxes_and_payer: Text = field("产权转移税费及承担方式", synonyms=("税费", "税费承担"))
    court_contact_and_supervision: Text = field(
        "执行法院名称、联系及监督方式", synonyms=("联系方式", "监督方式")
    )
    other: str | None = field("其他应当公示的信息", default=None)


class NetSpecialReminders(Record):
    """The seven special reminders (特别提示) of SPC-NET art. 14, each stated or not."""

    capacity_and_qualifications: bool = field(
        "竞买人应具备完全民事行为能力及特殊资格", synonyms=("完全民事行为能力",)
    )
    proxy_bidding_confirmed_by_court: bool = field(
        "委托代拍须经法院确认", synonyms=("委托他人代为竞买",)
    )
    known_defects_and_encumbrances: bool = field("已知瑕疵和权利负担", synonyms=("权利负担",))
    as_is_and_viewing_on_application: bool = field(
        "以实物现状为准，可申请实地看样", synonyms=("实地看样", "以实物现状为准")
    )
    acceptance_of_defects: bool = field(
        "参与竞买视为接受一切瑕疵", synonyms=("视为对拍卖财产完全了解",)
    )
    confirmation_published_with_identity: bool = field(
        "成交确认书载明买受人真实身份并公示", synonyms=("买受人真实身份",)
    )
    forfeit_on_default: bool = field("悔拍保证金不予退还", synonyms=("悔拍",))


class NetJudicialAnnouncement(AnnouncementBase):
    """网络司法拍卖公告 (SPC-NET arts. 12–14)."""

    model_name: ClassVar[str] = "net_judicial_announcement"
    title: ClassVar[str] = "网络司法拍卖公告"
    title_en: ClassVar[str] = "Online judicial auction announcement"

    # Online sales have no fixed exhibition; viewing is on application (SPC-NET art. 14(4)).
    exhibition_start: Date | None = field("展示开始日期", default=None, synonyms=("看样时间",))
    exhibition_end: Date | None = field("展示结束日期", default=None)
    exhibition_venue: str | None = field("展示地点", default=None, synonyms=("看样地点",))

    @field_validator("exhibition_end")
    @classmethod
    def _exhibition_order(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("exhibition_start"), value, "展示开始日期")
        return value

    platform: Text = field("网络司法拍卖平台", synonyms=("拍卖平台", "网络平台", "平台"))
    court_name: Text = field("拍卖法院", synonyms=("执行法院", "人民法院"))
    case_no: str | None = field("执行案号", default=None, synonyms=("案号",))
    appraisal_value: Money | None = field(
        "评估价或市场价", default=None, synonyms=("评估价", "市场价", "参考价")
    )
    starting_price: Money = field("起拍价", synonyms=("起拍价格",))
    deposit_amount: Money = field("保证金", synonyms=("竞买保证金", "保证金数额"))
    bidder_conditions: Text = field("竞买人条件", synonyms=("竞买人资格", "竞买条件"))
    known_defects: list[Text] = field("已知瑕疵", synonyms=("瑕疵", "拍卖财产已知瑕疵"))
    rights_obligations: Text = field("相关权利义务", synonyms=("权利义务",))
    legal_liability: Text = field("法律责任", synonyms=("责任",))
    bidding_start: DateTime = field("竞价开始时间", synonyms=("开拍时间", "竞价时间"))
    bidding_end: DateTime = field("竞价结束时间", synonyms=("结束时间",))
    bid_increment: Money = field("增价幅度", synonyms=("加价幅度",))
    publicity_items: NetPublicityItems = field("公示事项")
    special_reminders: NetSpecialReminders = field("特别提示")
    round: AuctionRound = field("拍卖轮次", synonyms=("一拍", "二拍", "变卖"))

    @field_validator("bidding_end")
    @classmethod
    def _bidding_order(cls, value: Any, info: ValidationInfo) -> Any:
        start = info.data.get("bidding_start")
        if start is not None and value <= start:
            raise PydanticCustomError("end_before_start", "应晚于竞价开始时间")
        return value


class StateAssetAnnouncement(AuctionAnnouncement):
    """行政事业单位国有资产处置拍卖公告 (trading-centre procedure)."""

    model_name: ClassVar[str] = "state_asset_announcement"
    title: ClassVar[str] = "国有资产处置拍卖公告"
    title_en: ClassVar[str] = "State-asset disposal auction announcement"

    disposing_unit: Party = field("资产处置方", synonyms=("处置单位", "委托方", "资产占有单位"))
    disposal_approval_no: Text = field(
        "资产处置批准文件文号", synonyms=("处置批复文号", "批准文号", "批复文号")
    )
    entry_notice_no: Text = field("进场交易通知单编号", synonyms=("进场交易通知单", "进场通知书"))
    appraisal_value: Money = field("评估价", synonyms=("评估结果", "评估值", "评估价格"))
    appraisal_filing_ref: Text = field("评估备案或核准文号", synonyms=("备案号", "核准文号"))
    reserve_price: Money = field("保留价", synonyms=("底价", "起拍价"))
    announcement_period_start: Date = field("公告期开始", synonyms=("公告期", "公告时间"))
    announcement_period_end: Date = field("公告期截止", synonyms=("公告期满", "公告截止"))
    bidder_conditions: Text = field("竞买人条件", synonyms=("竞买人资格", "竞买资格"))
    deposit_amount: Money = field("保证金金额", synonyms=("保证金", "竞买保证金"))
    deposit_deadline: DateTime = field("保证金交纳截止时间", synonyms=("保证金到账时间",))
    deposit_account: BankAccountNumber = field("保证金指定账户", synonyms=("账号", "收款账户"))
    registration_window: Text = field(
        "竞买登记时间和地点", synonyms=("报名时间", "报名地点", "竞买登记")
    )
    newspaper_publish_date: Date = field("报纸发布日期", synonyms=("报纸公告日期",))
    web_publish_date: Date = field("交易中心网站发布日期", synonyms=("网站发布日期",))
    is_reannouncement: bool = field("是否再次公告", default=False, synonyms=("重新公告",))

    @field_validator("announcement_period_end")
    @classmethod
    def _period_order(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("announcement_period_start"), value, "公告期开始")
        return value
