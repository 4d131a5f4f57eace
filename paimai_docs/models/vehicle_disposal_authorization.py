"""车辆处置授权书 — the vehicle disposal authorization a car-loan borrower gives the guarantor
(vehicle-disposal procedure, part 4; catalogue 4.11)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .base import Date, DocumentModel, Text, field
from .common import Party, VehicleInfo
from .enums import DisposalPower

__all__ = ["VehicleDisposalAuthorization"]


class VehicleDisposalAuthorization(DocumentModel):
    """车辆处置授权书."""

    document_kind: ClassVar[str] = "vehicle_disposal_authorization"
    model_name: ClassVar[str] = "vehicle_disposal_authorization"
    title: ClassVar[str] = "车辆处置授权书"
    title_en: ClassVar[str] = "Vehicle disposal authorization"

    grantee: Party = field("被授权人", synonyms=("担保公司", "受托人"))
    lender_bank: Text = field("贷款银行", synonyms=("银行",))
    financing_product: Text = field("业务品种", synonyms=("信用卡分期购车", "贷款业务"))
    grantor_mortgagor: Party = field("授权人（抵押人）", synonyms=("抵押人", "授权人", "借款人"))
    vehicle: VehicleInfo = field("车辆信息", synonyms=("车辆",))
    trigger_cumulative_overdue: int = field("累计逾期次数", ge=1, synonyms=("累计逾期",))
    trigger_consecutive_overdue: int = field("连续逾期次数", ge=1, synonyms=("连续逾期",))
    trigger_any_breach: bool = field("违反合同任何条款", synonyms=("违约",))
    powers: list[DisposalPower] = field("授权事项", min_length=1, synonyms=("授权范围",))
    effective_on_signature: bool = field("自签字之日起生效", synonyms=("签字生效",))
    irrevocable: bool = field("不可撤销", synonyms=("不可撤销授权",))
    co_owner: Party | None = field("共有人", default=None, synonyms=("配偶",))
    co_owner_statement: str | None = field("共有人同意声明", default=None)
    sign_date: Date = field("日期", synonyms=("签署日期", "授权日期"))
    legal_warnings: list[Text] = field("法律风险提示", default_factory=list)

    @model_validator(mode="after")
    def _statement_needs_a_co_owner(self) -> VehicleDisposalAuthorization:
        if self.co_owner_statement and self.co_owner is None:
            raise PydanticCustomError(
                "co_owner_statement_without_co_owner",
                "没有共有人却填写了共有人同意声明：请填写共有人或删去声明",
            )
        return self
