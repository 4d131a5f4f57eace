"""市直单位处置车辆交接书 — the vehicle handover record (vehicle-disposal procedure, part 1)."""

from __future__ import annotations

from typing import ClassVar

from .base import Date, DocumentModel, Record, Text, field
from .common import DocRef, Party, VehicleInfo
from .enums import MortgageStatus

__all__ = ["VehicleDocuments", "VehicleHandover"]


class VehicleDocuments(Record):
    """The papers that travel with the vehicle (catalogue VEH-02), each handed over or not."""

    registration_certificate: bool = field("机动车登记证书", synonyms=("登记证书", "大绿本"))
    driving_licence_main: bool = field("行驶证正本", synonyms=("行驶证",))
    driving_licence_duplicate: bool = field("行驶证副本")
    purchase_tax_certificate: bool = field("车辆购置税证", synonyms=("购置税完税证明", "购置税证"))
    insurance: bool = field("保险手续", synonyms=("保险单", "交强险"))


class VehicleHandover(DocumentModel):
    """车辆交接书."""

    document_kind: ClassVar[str] = "vehicle_handover"
    model_name: ClassVar[str] = "vehicle_handover"
    title: ClassVar[str] = "市直单位处置车辆交接书"
    title_en: ClassVar[str] = "Vehicle handover record"

    handover_no: str | None = field("编号", default=None, synonyms=("交接书编号",))
    handing_unit: Party = field("交车单位", synonyms=("移交单位", "车辆使用单位"))
    receiving_company: Party = field("接收单位", synonyms=("接车单位", "接收方"))
    disposal_approval_ref: Text = field(
        "处置批复文号", synonyms=("抄告单", "国资委批复", "批复文号")
    )
    vehicle: VehicleInfo = field("车辆信息", synonyms=("车辆",))
    documents: VehicleDocuments = field("随车证件", synonyms=("证件", "随车手续"))
    keys_count: int | None = field("钥匙数量", default=None, ge=0, synonyms=("钥匙",))
    other_items: list[Text] = field("其他随车物品", default_factory=list)
    pending_violations_accidents: bool = field(
        "有未处理的违法或事故", synonyms=("违章", "未处理违法", "事故")
    )
    mortgage_or_seizure: MortgageStatus = field("抵押查封状态", synonyms=("抵押", "查封"))
    parking_location: str | None = field("停放场所", default=None, synonyms=("停放地点",))
    undertaking: DocRef = field("承诺书")
    handover_date: Date = field("交接日期", synonyms=("日期", "移交日期", "交车日期", "提车日期"))
