"""Enumerations with a Chinese label on every member. Input accepts the machine value
(``natural_person``) or the printed label (``自然人``)."""

from __future__ import annotations

from enum import Enum
from typing import Any


class LabelledEnum(str, Enum):
    """A string enum whose members carry a Chinese ``label``; lookup by label works too."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def _missing_(cls, value: Any) -> LabelledEnum | None:
        if isinstance(value, str):
            text = value.strip()
            for member in cls:
                if text in (member.label, member.value, member.name):
                    return member
        return None

    def __str__(self) -> str:
        return self.label


class PartyType(LabelledEnum):
    NATURAL_PERSON = ("natural_person", "自然人")
    LEGAL_PERSON = ("legal_person", "法人")
    UNINCORPORATED = ("unincorporated", "非法人组织")


class IdType(LabelledEnum):
    RESIDENT_ID = ("resident_id", "居民身份证")
    CREDIT_CODE = ("credit_code", "统一社会信用代码")
    PASSPORT = ("passport", "护照")
    HK_MACAO_PERMIT = ("hk_macao_permit", "港澳居民来往内地通行证")
    TAIWAN_PERMIT = ("taiwan_permit", "台湾居民来往大陆通行证")
    FOREIGN_PERMANENT_RESIDENT = ("foreign_permanent_resident", "外国人永久居留身份证")
    OTHER = ("other", "其他证件")


class PropertyClass(LabelledEnum):
    MOVABLE = ("movable", "动产")
    IMMOVABLE = ("immovable", "不动产")
    PROPERTY_RIGHT = ("property_right", "其他财产权利")


class Outcome(LabelledEnum):
    SOLD = ("sold", "成交")
    PARTLY_SOLD = ("partly_sold", "部分成交")
    FAILED = ("failed", "流拍")
    SUSPENDED = ("suspended", "中止")
    TERMINATED = ("terminated", "终止")


class FailureReason(LabelledEnum):
    NOBODY_REGISTERED = ("nobody_registered", "无人报名")
    NO_BIDS = ("no_bids", "无人应价")
    BELOW_RESERVE = ("below_reserve", "最高应价未达保留价")
    OTHER = ("other", "其他")


class LotResult(LabelledEnum):
    SOLD = ("sold", "成交")
    BELOW_RESERVE = ("below_reserve", "未达保留价停止")
    NO_BIDS = ("no_bids", "无人应价")
    WITHDRAWN = ("withdrawn", "撤回")


class BuyerType(LabelledEnum):
    NATURAL_PERSON = ("natural_person", "自然人")
    COMPANY = ("company", "企业法人")
    OTHER_ORGANISATION = ("other_organisation", "其他组织")


class AuctionRound(LabelledEnum):
    FIRST = ("first", "一拍")
    SECOND = ("second", "二拍")
    SALE_BY_DISPOSAL = ("sale_by_disposal", "变卖")


class FilingAuthority(LabelledEnum):
    MARKET_REGULATOR = ("market_regulator", "市场监督管理部门")
    COMMERCE = ("commerce", "商务主管部门")


class MortgageStatus(LabelledEnum):
    NONE = ("none", "无抵押、无查封")
    MORTGAGED = ("mortgaged", "已抵押")
    SEIZED = ("seized", "已查封")
    MORTGAGED_AND_SEIZED = ("mortgaged_and_seized", "抵押且查封")


class DisposalPower(LabelledEnum):
    """The five powers of the vehicle disposal authorization (catalogue AUTH-02), in order."""

    CONTROL_AND_DETAIN = ("control_and_detain", "控制、扣押车辆")
    BANK_PAYOFF_AND_RELEASE_MORTGAGE = (
        "bank_payoff_and_release_mortgage",
        "向银行结清贷款并解除抵押",
    )
    SELL_AND_TRANSFER = ("sell_and_transfer", "出售车辆并办理过户")
    VALUE_AND_APPRAISE = ("value_and_appraise", "对车辆作价、评估")
    COLLECT_AND_APPLY_PROCEEDS = ("collect_and_apply_proceeds", "收取处置价款并用于清偿")


class FailedReportItem(LabelledEnum):
    """Attachments of the failed-auction report, catalogue 3.1 (F1…F8)."""

    F1 = ("F1", "报纸拍卖公告")
    F2 = ("F2", "送达凭证")
    F3 = ("F3", "拍卖规则、拍卖须知、拍卖清单")
    F4 = ("F4", "保证金交纳凭证")
    F5 = ("F5", "竞买登记表、竞买人身份证明、授权委托书及委托人身份证明")
    F6 = ("F6", "竞买协议书")
    F7A = ("F7a", "拍卖会现场笔录")
    F7B = ("F7b", "保留价函")
    F7C = ("F7c", "拍卖师资质证书")
    F8 = ("F8", "其他需要提供的材料")


class CompletionReportItem(LabelledEnum):
    """Attachments of the completion report, catalogue 3.2 (B1…B10)."""

    B1 = ("B1", "报纸拍卖公告")
    B2 = ("B2", "竞买人签字的拍卖规则、拍卖须知")
    B3 = ("B3", "送达凭证")
    B4 = ("B4", "保证金交纳凭证")
    B5 = ("B5", "竞买登记表、竞买人身份证明、授权委托书及委托代理人身份证明、竞买协议书")
    B6 = ("B6", "电子竞价报价单")
    B7 = ("B7", "保留价底函、拍卖笔录、成交价款交纳凭证、拍卖师资质证书")
    B8 = ("B8", "拍卖成交确认书")
    B9 = ("B9", "买受人身份证明（企业：营业执照复印件及法定代表人身份证明或授权委托书）")
    B10 = ("B10", "其他")
