"""Sub-models shared by the documents (catalogue section 4.1): ``Party``, ``Agent``,
``PowerOfAttorney``, ``DocRef``, ``Lot``, ``ContractLot`` and ``VehicleInfo``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationInfo, field_serializer, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..errors import InvalidValue
from ..values.contact import Phone
from ..values.identity import validate_credit_code, validate_resident_id
from ..values.masking import MaskedStr, serialize_personal
from ..values.money import Money
from ..values.vehicle import PlateNumber, Vin
from .base import Date, Record, Text, check_not_before, field
from .enums import IdType, PartyType, PropertyClass


def _validate_id_number(value: Any, id_type: IdType | None) -> MaskedStr:
    """Check ``value`` as the number ``id_type`` names; other documents are kept as given."""
    try:
        if id_type is IdType.RESIDENT_ID:
            return validate_resident_id(value)
        if id_type is IdType.CREDIT_CODE:
            return validate_credit_code(value)
    except InvalidValue as exc:
        prefix = "ric" if id_type is IdType.RESIDENT_ID else "uscc"
        raise PydanticCustomError(f"{prefix}_{exc.code}", str(exc)) from None
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("id_number_empty", "证件号码不能为空")
    return MaskedStr(value.strip())


class PowerOfAttorney(Record):
    """授权委托书: who may act, on what, how far and for how long (民法典 art. 165)."""

    agent_name: Text = field("被委托人", synonyms=("受托人", "代理人"))
    matters: Text = field("委托事项", synonyms=("代理事项",))
    scope: Text = field("代理权限", synonyms=("委托权限", "权限"))
    term_start: Date | None = field("委托期限起", default=None)
    term_end: Date | None = field("委托期限止", default=None, synonyms=("有效期至",))
    signed_or_sealed: bool = field("已签名或盖章", default=False)

    @field_validator("term_end")
    @classmethod
    def _term_order(cls, value: Any, info: ValidationInfo) -> Any:
        check_not_before(info.data.get("term_start"), value, "委托期限起")
        return value


class Agent(Record):
    """代理人: the person acting for a party."""

    name: Text = field("代理人姓名", synonyms=("受托人", "委托代理人"))
    id_type: IdType = field("证件类型", default=IdType.RESIDENT_ID)
    id_number: str = field("证件号码", synonyms=("身份证号码", "身份证号"))
    phone: Phone | None = field("联系电话", default=None, synonyms=("电话", "手机"))

    @field_validator("id_number")
    @classmethod
    def _check_id(cls, value: Any, info: ValidationInfo) -> MaskedStr:
        return _validate_id_number(value, info.data.get("id_type"))

    @field_serializer("id_number")
    def _mask_id(self, value: Any, info: Any) -> Any:
        return serialize_personal(value, info)


class Party(Record):
    """当事人: consignor, auctioneer, buyer, bidder, disposing unit (拍卖法 arts. 41, 44(1))."""

    party_type: PartyType = field("主体类型", synonyms=("类型",))
    name: Text = field("姓名或名称", synonyms=("名称", "姓名", "单位名称", "公司名称"))
    domicile: Text = field("住所", synonyms=("住所地", "地址", "住址", "通讯地址", "联系地址"))
    id_type: IdType = field("证件类型", synonyms=("身份证件类型",))
    id_number: str = field(
        "证件号码",
        synonyms=("身份证号码", "身份证号", "统一社会信用代码", "信用代码", "证件号"),
    )
    legal_representative: Text | None = field(
        "法定代表人", default=None, synonyms=("法人代表", "负责人")
    )
    phone: Phone | None = field("联系电话", default=None, synonyms=("电话", "联系方式", "手机"))
    agent: Agent | None = field("代理人", default=None, synonyms=("委托代理人",))
    power_of_attorney: PowerOfAttorney | None = field("授权委托书", default=None)
    confidentiality_requested: bool = field("要求身份保密", default=False)

    @field_validator("id_number")
    @classmethod
    def _check_id(cls, value: Any, info: ValidationInfo) -> MaskedStr:
        return _validate_id_number(value, info.data.get("id_type"))

    @field_serializer("id_number")
    def _mask_id(self, value: Any, info: Any) -> Any:
        return serialize_personal(value, info)

    @model_validator(mode="after")
    def _organisation_fields(self) -> Party:
        if self.party_type is not PartyType.NATURAL_PERSON and self.legal_representative is None:
            raise PydanticCustomError(
                "legal_representative_missing", "法人或非法人组织须填写法定代表人（负责人）"
            )
        if self.agent is not None and self.power_of_attorney is None:
            raise PydanticCustomError("power_of_attorney_missing", "有代理人时须附授权委托书")
        return self


class DocRef(Record):
    """A reference to an attached document: how many originals and copies, and whether the
    copies carry the company seal."""

    title: Text = field("材料名称", synonyms=("附件名称", "名称"))
    originals: int = field("原件份数", default=0, ge=0, synonyms=("原件", "正本"))
    copies: int = field("复印件份数", default=0, ge=0, synonyms=("复印件", "副本"))
    sealed: bool = field("复印件加盖公章", default=False, synonyms=("盖章", "加盖公章"))
    file: str | None = field("电子文件", default=None, description="文件名或路径（可选）")
    note: str | None = field("备注", default=None)

    @model_validator(mode="after")
    def _at_least_one(self) -> DocRef:
        if self.originals + self.copies == 0 and self.file is None:
            raise PydanticCustomError("docref_empty", "附件至少应有一份原件、复印件或电子文件")
        return self


class VehicleInfo(Record):
    """车辆信息 (catalogue 4.10, VEH-13)."""

    plate_no: PlateNumber = field("号牌号码", synonyms=("车牌号", "车牌号码", "号牌"))
    registered_owner: Text = field("所有人", synonyms=("车辆所有人", "机动车所有人"))
    vin: Vin = field(
        "车辆识别代号", synonyms=("车架号", "VIN", "车辆识别代号/车架号", "车辆识别号")
    )
    engine_no: Text = field("发动机号", synonyms=("发动机号码",))
    brand_model: Text = field("品牌型号", synonyms=("厂牌型号", "车辆型号"))
    registration_date: Date = field("注册登记日期", synonyms=("初次登记日期", "登记日期"))
    color: str | None = field("车身颜色", default=None, synonyms=("颜色",))
    mileage_km: int | None = field("行驶里程（公里）", default=None, ge=0, synonyms=("里程",))
    condition: str | None = field("车况", default=None, synonyms=("车辆状况",))


class Lot(Record):
    """拍卖标的 (catalogue 4.1): what is sold, its state, its price points."""

    lot_no: Text = field("标的编号", synonyms=("拍卖序号", "标的序号", "编号", "序号"))
    name: Text = field("标的名称", synonyms=("名称", "拍品名称", "标的物"))
    specification: Text = field("规格", synonyms=("规格型号", "型号"))
    quantity: Decimal = field("数量", gt=0, synonyms=("件数",))
    unit: Text = field("单位", synonyms=("计量单位",))
    quality_condition: Text = field("质量", synonyms=("质量状况", "现状", "成色"))
    property_class: PropertyClass = field("财产类别", synonyms=("标的类别",))
    provenance: Text = field("来源", synonyms=("标的来源",))
    known_defects: list[Text] = field("已知瑕疵", synonyms=("瑕疵", "瑕疵说明"))
    disclaimer: str | None = field("不保证真伪或品质声明", default=None, synonyms=("免责声明",))
    ownership_proof: DocRef | None = field(
        "所有权或处分权证明", default=None, synonyms=("权属证明", "产权证明")
    )
    approval_docs: list[DocRef] = field("审批文件", default_factory=list)
    cultural_relic_permit: DocRef | None = field("文物鉴定许可", default=None)
    appraisal_value: Money | None = field(
        "评估价", default=None, synonyms=("评估值", "评估价格", "参考价", "评估结果")
    )
    appraisal_report: DocRef | None = field("评估报告", default=None)
    appraisal_valid_until: Date | None = field("评估报告有效期至", default=None)
    appraisal_filed_or_approved: bool | None = field("评估结果已备案或核准", default=None)
    reserve_price: Money | None = field(
        "保留价", default=None, synonyms=("底价", "保留价格"), description="null 表示明确无保留价"
    )
    reserve_confidential: bool = field("保留价保密", default=True)
    starting_price: Money | None = field("起拍价", default=None, synonyms=("起拍价格", "起始价"))
    bid_increment: Money | None = field("加价幅度", default=None, synonyms=("增价幅度",))
    perishable: bool = field("鲜活易腐", default=False)
    encumbrances: list[Text] = field(
        "权利负担", default_factory=list, synonyms=("抵押", "查封", "租赁")
    )
    vehicle: VehicleInfo | None = field("车辆信息", default=None)

    @model_validator(mode="after")
    def _confidential_reserve_needs_a_reserve(self) -> Lot:
        """No reserve and a confidential reserve contradict each other. ``reserve_confidential``
        defaults to True, so only a stated True is refused; the default is set to False when
        there is no reserve (there is nothing to keep confidential)."""
        if self.reserve_price is None and self.reserve_confidential:
            if "reserve_confidential" in self.model_fields_set:
                raise PydanticCustomError(
                    "reserve_confidential_without_reserve",
                    "无保留价的标的不能标明保留价保密：请填写保留价，或将保留价保密改为否",
                )
            self.__dict__["reserve_confidential"] = False
        return self


class ContractLot(Lot):
    """A lot as the entrustment contract states it: the reserve price (拍卖法 art. 44(3)) must be
    written — a figure, or ``null`` for an explicit "无保留价" statement — never left out."""

    reserve_price: Money | None = field(
        "保留价",
        synonyms=("底价", "保留价格", "委托人提出的保留价"),
        description="必填；null 表示明确约定无保留价",
    )
