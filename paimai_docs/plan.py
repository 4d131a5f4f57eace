"""The deadline planner: scope + key dates → every deadline that follows, with how it was counted.

``plan(scope, auction_date, ...)`` returns a :class:`Plan` whose ``deadlines`` are in date order,
each with its catalogue rule ID, a Chinese and English title, the due date (and time, for hour
rules), the :class:`~paimai_docs.periods.PeriodResult` that shows how it was counted, and its
legal or procedural basis. ``warnings`` list dates given to the planner that already break a
rule (an announcement published too late, a bidding window shorter than 24 hours) and the
conflicts the catalogue asks us to flag; ``notes`` list the assumptions made.

``reporting(year)`` lists the MOFCOM reporting deadlines that fall in ``year`` (RPT-01/02 monthly,
RPT-03 annual).

The parameters of every rule (period length, unit, anchor, basis, confidence) are in one table,
:data:`DEADLINE_RULES`, copied from sections 1 and 5 of the rules catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from pydantic import BaseModel, ConfigDict

from paimai_docs.errors import InvalidValue
from paimai_docs.holidays import HolidayCalendar, default_calendar
from paimai_docs.periods import (
    PeriodResult,
    add_days,
    add_hours,
    add_months,
    add_working_days,
    days_before,
    fixed_date,
    format_day,
    latest_start_before,
    working_days_before,
)

__all__ = [
    "DEADLINE_RULES",
    "SCOPES",
    "Deadline",
    "DeadlineRule",
    "Plan",
    "PlanWarning",
    "plan",
    "reporting",
]

Scope = Literal["COM", "JUD-OFF", "JUD-NET", "SOA-ADM", "SOA-ENT", "VEH"]
SCOPES: tuple[str, ...] = ("COM", "JUD-OFF", "JUD-NET", "SOA-ADM", "SOA-ENT", "VEH")
LotType = Literal["movable", "immovable"]
Meaning = Literal["deadline", "period_end", "not_before"]
Severity = Literal["error", "warning", "info"]
Unit = Literal["day", "working_day", "month", "hour", "year", "date"]

# Scopes whose auctions are run by an auction enterprise, so that 拍卖法 applies (scope "ALL").
_AUCTION_FIRM_SCOPES = ("COM", "JUD-OFF", "SOA-ADM", "SOA-ENT", "VEH")


@dataclass(frozen=True)
class DeadlineRule:
    """The parameters of one deadline rule, as the catalogue states them."""

    rule_id: str
    scopes: tuple[str, ...]
    title_zh: str
    title_en: str
    anchor: str
    direction: Literal["before", "after", "on"]
    n: int
    unit: Unit
    basis: str
    confidence: str
    n_immovable: int | None = None
    meaning: Meaning = "deadline"
    note_zh: str = ""
    note_en: str = ""

    def length(self, lot_type: str = "movable") -> int:
        if lot_type == "immovable" and self.n_immovable is not None:
            return self.n_immovable
        return self.n


_SPC_SALE = "《最高人民法院关于人民法院民事执行中拍卖、变卖财产的规定》"
_SPC_NET = "《最高人民法院关于人民法院网络司法拍卖若干问题的规定》"
_D003 = "交易中心《行政事业单位国有资产处置进场交易操作流程》(D003)"

_RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(
        "ANN-01",
        _AUCTION_FIRM_SCOPES,
        "拍卖公告最迟发布日（拍卖日七日前）",
        "Latest date to publish the announcement (7 days before the auction)",
        "auction_date",
        "before",
        7,
        "day",
        "《拍卖法》第四十五条",
        "verified",
    ),
    DeadlineRule(
        "ANN-J01",
        ("JUD-OFF",),
        "拍卖公告最迟发布日（动产七日前，不动产及其他财产权十五日前）",
        "Latest date to publish the announcement (movables 7, immovables and rights 15 days)",
        "auction_date",
        "before",
        7,
        "day",
        _SPC_SALE + "第八条（2004年文本第十一条）",
        "verified",
        n_immovable=15,
    ),
    DeadlineRule(
        "ANN-N01",
        ("JUD-NET",),
        "网络司法拍卖公告最迟发布日（动产十五日前，不动产及其他财产权三十日前）",
        "Latest date to publish the online judicial auction (movables 15, immovables 30 days)",
        "auction_start",
        "before",
        15,
        "day",
        _SPC_NET + "第十二条第一款",
        "verified",
        n_immovable=30,
        note_zh="公告发布当日须在平台公示第十三条所列材料（ANN-N03）及第十四条特别提示（ANN-N04）",
        note_en="Post the art. 13 materials (ANN-N03) and art. 14 reminders (ANN-N04) that day",
    ),
    DeadlineRule(
        "ANN-S01",
        ("SOA-ADM",),
        "资产处置拍卖公告最迟发布日（公告期不少于7个日历日，期满后拍卖）",
        "Latest announcement date (period of at least 7 calendar days, over before the sale)",
        "auction_date",
        "before",
        7,
        "day",
        _D003 + "§五.4",
        "verified (src doc)",
    ),
    DeadlineRule(
        "ANN-E01",
        ("SOA-ENT",),
        "产权转让信息正式披露最迟开始日（不少于20个工作日）",
        "Latest start of the formal disclosure (at least 20 working days)",
        "auction_date",
        "before",
        20,
        "working_day",
        "《企业国有资产交易监督管理办法》（国资委 财政部令第32号）第十三条（条文序号凭记忆）",
        "memory",
        note_zh=(
            "未核实（memory）：32号令原文未见；《企业国有产权交易操作规则》第十六至二十条"
            "（ANN-E05，已核实，现行效力未查）同为不少于20个工作日"
        ),
        note_en=(
            "Unverified (memory): the 32号令 text was not seen; the 2009 operating rules arts. "
            "16-20 (ANN-E05, verified, current status unchecked) also say 20 working days"
        ),
    ),
    DeadlineRule(
        "ANN-J04",
        ("JUD-OFF",),
        "公告稿拟稿并送委托法院审核签字最迟日（公告发布前5日）",
        "Latest date to draft the announcement and get the court's sign-off (5 days before)",
        "announcement_date",
        "before",
        5,
        "day",
        "公司《拍卖工作规程》(D002) §二.1.a",
        "verified (src doc)",
        note_zh="公司规程，非法律要求",
        note_en="Company procedure, not law",
    ),
    DeadlineRule(
        "ANN-05",
        _AUCTION_FIRM_SCOPES,
        "标的展示最迟开始日（展示不少于两日）",
        "Latest start of the exhibition (at least 2 days)",
        "auction_date",
        "before",
        2,
        "day",
        "《拍卖法》第四十八条；《拍卖管理办法》第三十三条",
        "verified",
        note_zh="鲜活物品或其他不易保存的物品除外（ANN-06）",
        note_en="Perishable goods are exempt (ANN-06)",
    ),
    DeadlineRule(
        "ANN-S06",
        ("SOA-ADM",),
        "竞买登记截止日（公告期届满，期满后不得再登记）",
        "Bidder registration closes (end of the announcement period)",
        "announcement_date",
        "after",
        7,
        "day",
        _D003 + "§六.2、§六.4",
        "verified (src doc)",
    ),
    DeadlineRule(
        "NOTICE-J01",
        ("JUD-OFF",),
        "书面通知当事人及已知担保物权人、优先购买权人等到场的最迟日（拍卖五日前）",
        "Latest date to notify the parties and known priority holders (5 days before)",
        "auction_date",
        "before",
        5,
        "day",
        _SPC_SALE + "第十一条（2004年文本第十四条）；D002 §二.1.d",
        "verified",
    ),
    DeadlineRule(
        "NOTICE-N01",
        ("JUD-NET",),
        "通知当事人、已知优先购买权人的最迟日（公告发布三日前）",
        "Latest date to notify the parties and known pre-emption holders (3 days before the "
        "announcement)",
        "announcement_date",
        "before",
        3,
        "day",
        _SPC_NET + "第十六条",
        "verified",
    ),
    DeadlineRule(
        "NOTICE-S01",
        ("SOA-ADM",),
        "通知财政部门或同级人民政府人员到场监督的最迟日（拍卖会前1日）",
        "Latest date to invite the finance department to supervise (1 day before)",
        "auction_date",
        "before",
        1,
        "day",
        _D003 + "§八.2",
        "verified (src doc)",
        note_zh="原文“在拍卖会前1日内”有歧义（CONFLICT-14），按最迟于拍卖前一日通知计",
        note_en='"在拍卖会前1日内" is ambiguous (CONFLICT-14); read as by the day before the sale',
    ),
    DeadlineRule(
        "FILE-01",
        ("COM", "JUD-OFF"),
        "会前备案最迟日",
        "Latest date for the pre-auction filing",
        "auction_date",
        "before",
        0,
        "day",
        "《拍卖监督管理办法》（2013）第五条“拍卖日前”；公司规程 D002 §二.1.b“拍卖会七日前”",
        "verified",
    ),
    DeadlineRule(
        "FILE-03",
        ("COM", "JUD-OFF"),
        "拍卖活动后期备案截止日（拍卖会结束后七日内）",
        "Post-auction filing due (within 7 days after the sale)",
        "auction_end",
        "after",
        7,
        "day",
        "公司《拍卖工作规程》(D002) §三.1.f；《拍卖监督管理办法》（2013）第五条",
        "verified (src doc)",
        note_zh="现行全国规则未见备案期限（FILE-09），以当地市场监管部门要求为准",
        note_en="No national filing deadline in the current rule (FILE-09); follow local practice",
    ),
    DeadlineRule(
        "FILE-12",
        ("SOA-ADM",),
        "向交易中心提交拍卖前材料截止日（拍卖日前一个工作日）",
        "Pre-sale documents to the trading centre (1 working day before)",
        "auction_date",
        "before",
        1,
        "working_day",
        _D003 + "§八.4.1",
        "verified (src doc)",
        note_zh="未按规定提交完整的，项目负责人有权暂停拍卖会",
        note_en="If incomplete, the centre may halt the sale",
    ),
    DeadlineRule(
        "FILE-13",
        ("SOA-ADM",),
        "向交易中心提交拍卖后材料截止日（拍卖会后2个工作日内）",
        "Post-sale documents to the trading centre (within 2 working days)",
        "auction_end",
        "after",
        2,
        "working_day",
        _D003 + "§八.4.2",
        "verified (src doc)",
    ),
    DeadlineRule(
        "DEP-J02",
        ("JUD-OFF",),
        "退还其他竞买人保证金截止日（三日内）",
        "Refund the other bidders' deposits (within 3 days)",
        "auction_end",
        "after",
        3,
        "day",
        _SPC_SALE + "第十条第二款",
        "verified",
    ),
    DeadlineRule(
        "DEP-N02",
        ("JUD-NET",),
        "退还或解冻其他竞买人保证金截止时刻（竞价结束后24小时内）",
        "Refund or unfreeze the other deposits (within 24 hours of the close)",
        "bidding_end",
        "after",
        24,
        "hour",
        _SPC_NET + "第二十三条、第二十五条",
        "verified",
        note_zh="成交后24小时内平台将买受人冻结的保证金划入法院账户",
        note_en="The platform moves the buyer's frozen deposit to the court within 24 hours",
    ),
    DeadlineRule(
        "DEP-S02",
        ("SOA-ADM",),
        "退还非受让方保证金截止日（拍卖会结束后2个工作日内）",
        "Refund the non-winners' deposits (within 2 working days)",
        "auction_end",
        "after",
        2,
        "working_day",
        _D003 + "§七.2",
        "verified (src doc)",
    ),
    DeadlineRule(
        "POST-S01a",
        ("SOA-ADM",),
        "资产处置方编制交易结果公示截止日（买受人确定后1个工作日内）",
        "Draft the result publicity (within 1 working day after the buyer is known)",
        "buyer_determined",
        "after",
        1,
        "working_day",
        _D003 + "§九",
        "verified (src doc)",
    ),
    DeadlineRule(
        "POST-S01b",
        ("SOA-ADM",),
        "资产处置方审核盖章并送达交易结果公示截止日（编制后1个工作日内；中心当日发布）",
        "Seal and deliver the result publicity (1 working day; the centre posts it that day)",
        "draft_date",
        "after",
        1,
        "working_day",
        _D003 + "§九",
        "verified (src doc)",
    ),
    DeadlineRule(
        "POST-S01c",
        ("SOA-ADM",),
        "交易结果公示期届满日（公示5个工作日）",
        "End of the result publicity (5 working days)",
        "published_date",
        "after",
        5,
        "working_day",
        _D003 + "§九",
        "verified (src doc)",
        meaning="period_end",
    ),
    DeadlineRule(
        "REC-05",
        ("SOA-ADM",),
        "交易档案编订整理截止日（交易活动完成后3个工作日内）",
        "Compile the transaction file (within 3 working days of completion)",
        "completion_date",
        "after",
        3,
        "working_day",
        _D003 + "§十.1",
        "verified (src doc)",
    ),
    DeadlineRule(
        "VEH-07",
        ("VEH",),
        "车辆过户办结截止日（合同约定：成交之日起一个月内）",
        "Vehicle transfer completed (contract: within one month of the sale)",
        "sale_date",
        "after",
        1,
        "month",
        "车辆处置规程 (D004) 第13步",
        "verified (src doc)",
        note_zh="买受人凭过户资料退还过户保证金",
        note_en="The transfer deposit is refunded on proof of transfer",
    ),
    DeadlineRule(
        "VEH-08",
        ("VEH",),
        "申请机动车转让登记截止日（法定：交付之日起三十日内）",
        "Apply for transfer registration (law: within 30 days of delivery)",
        "delivery_date",
        "after",
        30,
        "day",
        "《机动车登记规定》（公安部令第164号）第二十五条",
        "verified",
        note_zh="申请前应将交通违法行为和交通事故处理完毕",
        note_en="Traffic violations and accidents must be cleared first",
    ),
    DeadlineRule(
        "REC-01",
        _AUCTION_FIRM_SCOPES,
        "拍卖资料保管期限届满日（自委托拍卖合同终止之日起不少于五年）",
        "Records may be destroyed no earlier than (5 years after the contract ends)",
        "contract_end",
        "after",
        5,
        "year",
        "《拍卖法》第五十四条",
        "verified",
        meaning="not_before",
    ),
    DeadlineRule(
        "RPT-01",
        SCOPES,
        "月报报送截止日（每月6日前报送上月数据，遇法定节假日顺延）",
        "Monthly report due (previous month, by the 6th, rolled over holidays)",
        "month_start",
        "on",
        6,
        "date",
        "商务部办公厅《关于启用新版全国拍卖行业管理信息系统有关事项的通知》（2015）三(二)；"
        "《拍卖行业信息报送管理办法》第五条（遇法定节假日顺延，RPT-02）",
        "verified (src doc)",
    ),
    DeadlineRule(
        "RPT-03",
        SCOPES,
        "年报报送截止日（每年1月28日前报送上一年度数据）",
        "Annual report due (previous year, by 28 January)",
        "year_start",
        "on",
        28,
        "date",
        "商务部办公厅《关于启用新版全国拍卖行业管理信息系统有关事项的通知》（2015）三(二)",
        "verified (src doc)",
    ),
)

#: Every deadline rule the planner uses, by catalogue ID.
DEADLINE_RULES: Mapping[str, DeadlineRule] = MappingProxyType({r.rule_id: r for r in _RULES})
_ORDER = {r.rule_id: i for i, r in enumerate(_RULES)}
_ANNOUNCEMENT_RULES = ("ANN-J01", "ANN-N01", "ANN-S01", "ANN-E01", "ANN-01")


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------


class Deadline(BaseModel):
    """One deadline: what, when, how it was counted and why."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    related_rules: tuple[str, ...] = ()
    title_zh: str
    title_en: str
    due: dt.date
    due_time: dt.datetime | None = None
    meaning: Meaning = "deadline"
    direction: Literal["before", "after", "on"]
    anchor: str
    anchor_date: dt.datetime | dt.date
    counted: PeriodResult
    basis: str
    confidence: str
    unverified: bool = False
    note_zh: str = ""
    note_en: str = ""

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh

    def note(self, lang: str = "zh") -> str:
        return self.note_en if lang == "en" else self.note_zh

    def due_text(self, lang: str = "zh") -> str:
        return format_day(self.due_time or self.due, lang)

    def explain(self, lang: str = "zh") -> str:
        """The title, due date, how it was counted, the basis and any note."""
        en = lang == "en"
        lines = [f"[{self.rule_id}] {self.title(lang)}: {self.due_text(lang)}"]
        lines.append(self.counted.explain(lang))
        lines.append(("Basis: " if en else "依据：") + self.basis)
        if self.related_rules:
            lines.append(("Related: " if en else "相关规则：") + ", ".join(self.related_rules))
        if self.unverified:
            lines.append(
                "UNVERIFIED (memory): check the source text before relying on it"
                if en
                else "未核实（memory）：依赖前请核对原文"
            )
        if self.note(lang):
            lines.append(("Note: " if en else "说明：") + self.note(lang))
        return "\n".join(lines)


class PlanWarning(BaseModel):
    """A given date that breaks a rule, a catalogue conflict to flag, or an assumption made."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Severity
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh


class Plan(BaseModel):
    """The deadlines of one auction in date order, with warnings and notes."""

    model_config = ConfigDict(frozen=True)

    scope: str
    auction_date: dt.datetime | dt.date
    auction_end: dt.datetime | dt.date
    announcement_date: dt.date | None = None
    lot_type: LotType = "movable"
    deadlines: tuple[Deadline, ...]
    warnings: tuple[PlanWarning, ...] = ()
    notes: tuple[PlanWarning, ...] = ()
    calendar_sources: dict[int, str] = {}


# --------------------------------------------------------------------------------------------
# Building deadlines
# --------------------------------------------------------------------------------------------


def _d(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _deadline(
    rule_id: str,
    counted: PeriodResult,
    anchor_date: dt.date,
    *,
    title_zh: str | None = None,
    title_en: str | None = None,
    related: tuple[str, ...] = (),
    basis: str | None = None,
    note_zh: str = "",
    note_en: str = "",
    due_time: dt.datetime | None = None,
) -> Deadline:
    rule = DEADLINE_RULES[rule_id]
    notes_zh = "；".join(x for x in (rule.note_zh, note_zh) if x)
    notes_en = "; ".join(x for x in (rule.note_en, note_en) if x)
    return Deadline(
        rule_id=rule_id,
        related_rules=related,
        title_zh=title_zh or rule.title_zh,
        title_en=title_en or rule.title_en,
        due=counted.end_date,
        due_time=due_time,
        meaning=rule.meaning,
        direction=rule.direction,
        anchor=rule.anchor,
        anchor_date=anchor_date,
        counted=counted,
        basis=basis or rule.basis,
        confidence=rule.confidence,
        unverified=rule.confidence == "memory",
        note_zh=notes_zh,
        note_en=notes_en,
    )


def _n(rule_id: str, lot_type: str = "movable") -> int:
    """The period length of a rule, from the table."""
    return DEADLINE_RULES[rule_id].length(lot_type)


# SPC-NET art. 16: notice posted on the platform counts as served after 5 days.
_DEEMED_SERVICE_DAYS = 5


@dataclass
class _Ctx:
    scope: str
    auction: dt.date
    auction_moment: dt.datetime | dt.date
    end: dt.date
    end_moment: dt.datetime | dt.date
    announcement: dt.date | None
    lot_type: str
    cal: HolidayCalendar
    clear_days: bool
    deadlines: list[Deadline]
    warnings: list[PlanWarning]
    notes: list[PlanWarning]

    def warn(self, rule_id: str, zh: str, en: str, severity: Severity = "warning") -> None:
        w = PlanWarning(rule_id=rule_id, severity=severity, message_zh=zh, message_en=en)
        (self.notes if severity == "info" else self.warnings).append(w)


def _announcement(ctx: _Ctx) -> dt.date:
    """The announcement deadline: the longest lead of all rules that apply (CONFLICT-01).
    Returns the latest allowed announcement date."""
    cands: list[Deadline] = []
    auction, cal, clear = ctx.auction, ctx.cal, ctx.clear_days
    n = {rid: _n(rid, ctx.lot_type) for rid in _ANNOUNCEMENT_RULES}
    if ctx.scope == "JUD-OFF":
        counted = days_before(auction, n["ANN-J01"], cal, clear_days=clear)
        cands.append(_deadline("ANN-J01", counted, auction))
    if ctx.scope == "JUD-NET":
        counted = days_before(auction, n["ANN-N01"], cal, clear_days=clear)
        cands.append(_deadline("ANN-N01", counted, auction))
    if ctx.scope == "SOA-ADM":
        counted = latest_start_before(auction, n["ANN-S01"], cal)
        cands.append(_deadline("ANN-S01", counted, auction))
    if ctx.scope == "SOA-ENT":
        counted = latest_start_before(auction, n["ANN-E01"], cal, unit="working_day")
        cands.append(_deadline("ANN-E01", counted, auction))
    if ctx.scope in DEADLINE_RULES["ANN-01"].scopes:
        counted = days_before(auction, n["ANN-01"], cal, clear_days=clear)
        cands.append(_deadline("ANN-01", counted, auction))

    # Given dates that break a rule: check every applicable rule, not only the binding one.
    if ctx.announcement is not None:
        for c in cands:
            if ctx.announcement > c.due:
                ctx.warn(
                    c.rule_id,
                    f"公告日 {format_day(ctx.announcement)} 晚于 {c.rule_id} 允许的最迟发布日 "
                    f"{format_day(c.due)}（{c.basis}）",
                    f"The announcement date {format_day(ctx.announcement, 'en')} is later than "
                    f"the latest date {c.rule_id} allows, {format_day(c.due, 'en')}",
                    "error",
                )

    binding = min(cands, key=lambda c: c.due)  # stable: specific rules come before ANN-01
    others = [c for c in cands if c is not binding]
    if others:
        zh = "；".join(f"{c.rule_id}（{c.basis}）最迟 {format_day(c.due)}" for c in others)
        en = "; ".join(f"{c.rule_id} latest {format_day(c.due, 'en')}" for c in others)
        binding = binding.model_copy(
            update={
                "related_rules": tuple(c.rule_id for c in others),
                "note_zh": "；".join(
                    x for x in (binding.note_zh, f"同时适用 {zh}；取最长提前期（CONFLICT-01）") if x
                ),
                "note_en": "; ".join(
                    x
                    for x in (
                        binding.note_en,
                        f"also applies: {en}; the longest lead wins (CONFLICT-01)",
                    )
                    if x
                ),
            }
        )
    ctx.deadlines.append(binding)
    return binding.due


def _exhibition(ctx: _Ctx, perishable: bool) -> None:
    if perishable:
        ctx.warn(
            "ANN-06",
            "鲜活或不易保存的物品不受两日展示期限制（ANN-06），未列展示期限",
            "Perishable goods are exempt from the 2-day exhibition (ANN-06); not listed",
            "info",
        )
        return
    ctx.deadlines.append(
        _deadline("ANN-05", days_before(ctx.auction, _n("ANN-05"), ctx.cal), ctx.auction)
    )


def _pre_filing(ctx: _Ctx, lead: int) -> None:
    if lead < 0:
        raise InvalidValue(f"会前备案提前天数不能为负 / pre-filing lead must be ≥ 0: {lead}")
    if lead == 0:
        counted = days_before(ctx.auction, 1, ctx.cal)
        ctx.deadlines.append(
            _deadline(
                "FILE-01",
                counted,
                ctx.auction,
                title_zh="会前备案最迟日（拍卖日前）",
                title_en="Latest date for the pre-auction filing (before the auction day)",
                basis="《拍卖监督管理办法》（2013）第五条“拍卖日前”（无最短提前期，CONFLICT-02）",
                note_zh="现行《拍卖监督管理办法》未见全国性备案条款（FILE-09），以当地要求为准；"
                "公司规程（D002）要求拍卖会七日前，可用 pre_filing_lead=7 设定",
                note_en="No national filing clause in the current rule (FILE-09); follow local "
                "practice. The company procedure (D002) asks for 7 days: pre_filing_lead=7",
            )
        )
        return
    counted = days_before(ctx.auction, lead, ctx.cal, clear_days=ctx.clear_days)
    note_zh = note_en = ""
    if lead >= 7:
        note_zh = "按已废止的2001年暂行办法，备案应在拍卖日前7天内，更早则在窗口之外（CONFLICT-02）"
        note_en = (
            "Under the repealed 2001 rule the filing had to be within the 7 days before the "
            "sale; earlier was outside the window (CONFLICT-02)"
        )
    ctx.deadlines.append(
        _deadline(
            "FILE-01",
            counted,
            ctx.auction,
            title_zh=f"会前备案最迟日（拍卖会{lead}日前）",
            title_en=f"Latest date for the pre-auction filing ({lead} days before)",
            basis="公司《拍卖工作规程》(D002) §二.1.b（公司或地方规则，CONFLICT-02）",
            note_zh=note_zh,
            note_en=note_en,
        )
    )


def _jud_net_bidding_end(ctx: _Ctx, given_end: dt.date | None) -> None:
    """ANN-N06: bidding lasts at least 24 hours."""
    start, end = ctx.auction_moment, ctx.end_moment
    if given_end is None:
        return
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        too_short = end - start < dt.timedelta(hours=24)
    else:
        too_short = _d(end) < _d(start) + dt.timedelta(days=1)
    if too_short:
        ctx.warn(
            "ANN-N06",
            f"竞价时间不足二十四小时：{format_day(start)} 至 {format_day(end)}"
            f"（{_SPC_NET}第二十条）",
            f"Bidding lasts less than 24 hours: {format_day(start, 'en')} to "
            f"{format_day(end, 'en')} (SPC-NET art. 20)",
            "error",
        )


def _deposit_online(ctx: _Ctx) -> None:
    end = ctx.end_moment
    if isinstance(end, dt.datetime):
        counted = add_hours(end, _n("DEP-N02"))
        assert isinstance(counted.end, dt.datetime)
        ctx.deadlines.append(_deadline("DEP-N02", counted, end, due_time=counted.end))
        return
    due = end + dt.timedelta(days=1)
    counted = PeriodResult(
        method="hours_after",
        start=end,
        n=24,
        unit="hour",
        direction="after",
        nominal_end=due,
        end=due,
        rule_text="竞价结束时刻起算二十四小时；未给出结束时刻，届满于次日与竞价结束相同的时刻",
        rule_text_en=(
            "24 hours from the close of bidding; the close time is not given, so the refund is "
            "due on the next day at the same clock time"
        ),
    )
    ctx.deadlines.append(
        _deadline(
            "DEP-N02",
            counted,
            end,
            note_zh="给出 --auction-end 日期和时刻（如 2026-10-10T10:00）可算出截止时刻",
            note_en="Give --auction-end with a time (e.g. 2026-10-10T10:00) for the exact moment",
        )
    )


def _soa_adm_after(
    ctx: _Ctx, buyer_determined: dt.date | None, completion_date: dt.date | None
) -> None:
    cal, end = ctx.cal, ctx.end
    ctx.deadlines.append(_deadline("FILE-13", add_working_days(end, _n("FILE-13"), cal), end))
    ctx.deadlines.append(_deadline("DEP-S02", add_working_days(end, _n("DEP-S02"), cal), end))
    buyer = buyer_determined or end
    a = _deadline("POST-S01a", add_working_days(buyer, _n("POST-S01a"), cal), buyer)
    b = _deadline("POST-S01b", add_working_days(a.due, _n("POST-S01b"), cal), a.due)
    c = _deadline(
        "POST-S01c",
        add_working_days(b.due, _n("POST-S01c"), cal),
        b.due,
        note_zh=f"按最迟进度推算：编制 {format_day(a.due)}，盖章送达并当日发布 {format_day(b.due)}",
        note_en=(
            f"assuming each step takes its full time: drafted {format_day(a.due, 'en')}, sealed "
            f"and posted {format_day(b.due, 'en')}"
        ),
    )
    ctx.deadlines.extend([a, b, c])
    if buyer_determined is None:
        ctx.warn(
            "POST-S01",
            "买受人确定日按拍卖结束日计",
            "The buyer is taken as determined on the auction day",
            "info",
        )
    completion = completion_date or c.due
    if completion_date is None:
        ctx.warn(
            "REC-05",
            f"交易活动完成日按交易结果公示期届满日 {format_day(c.due)} 计；"
            "可用 completion_date 指定",
            f"Completion is taken as the end of the result publicity, {format_day(c.due, 'en')}; "
            "pass completion_date to change it",
            "info",
        )
    ctx.deadlines.append(
        _deadline("REC-05", add_working_days(completion, _n("REC-05"), cal), completion)
    )


def _vehicle(ctx: _Ctx, delivery_date: dt.date | None) -> None:
    cal, sale = ctx.cal, ctx.end
    v7 = _deadline("VEH-07", add_months(sale, _n("VEH-07"), cal), sale)
    delivery = delivery_date or sale
    v8 = _deadline("VEH-08", add_days(delivery, _n("VEH-08"), cal), delivery)
    ctx.deadlines.extend([v7, v8])
    if delivery_date is None:
        ctx.warn(
            "VEH-08",
            "未给出交付日，按成交日计；法定期限自实际交付之日起三十日",
            "No delivery date given: the sale date is used; the legal period runs 30 days from "
            "actual delivery",
            "info",
        )
    if v7.due != v8.due:
        first, second = (v7, v8) if v7.due < v8.due else (v8, v7)
        ctx.warn(
            "CONFLICT-10",
            f"过户期限两处规定不一致：{first.rule_id} 为 {format_day(first.due)}，"
            f"{second.rule_id} 为 {format_day(second.due)}；起算点（成交日/交付日）和单位"
            f"（一个月/三十日）不同，两者都须遵守，以较早的 {format_day(first.due)} 为准",
            f"The two transfer deadlines differ: {first.rule_id} {format_day(first.due, 'en')}, "
            f"{second.rule_id} {format_day(second.due, 'en')} (different anchors and units); "
            f"both apply, so the earlier, {format_day(first.due, 'en')}, governs",
        )


# --------------------------------------------------------------------------------------------
# The planner
# --------------------------------------------------------------------------------------------


def plan(
    scope: str,
    auction_date: dt.date,
    *,
    announcement_date: dt.date | None = None,
    lot_type: str = "movable",
    auction_end: dt.date | None = None,
    calendar: HolidayCalendar | None = None,
    pre_filing_lead: int = 0,
    clear_days: bool = False,
    perishable: bool = False,
    buyer_determined: dt.date | None = None,
    completion_date: dt.date | None = None,
    delivery_date: dt.date | None = None,
    contract_end: dt.date | None = None,
    as_of: dt.date | None = None,
) -> Plan:
    """Every deadline that follows from the catalogue for ``scope`` and the given dates.

    ``auction_date`` is the auction day (for ``JUD-NET`` the start of bidding; a datetime gives
    exact hours). ``auction_end`` defaults to the auction day (``JUD-NET``: start + 24 hours).
    ``pre_filing_lead`` is FILE-01's lead in days (0 = "before the auction day", the 2013
    national rule; 7 = the company rule, CONFLICT-02). ``clear_days`` reads "X日前" as X whole
    days (DATE-04). ``as_of`` (e.g. today) adds a warning for every deadline already past.

    Raises :class:`~paimai_docs.errors.CalendarYearNotCovered` if the auction or any deadline
    (other than REC-01's retention end) falls in a year the calendar does not cover, and
    :class:`~paimai_docs.errors.InvalidValue` for an unknown scope or lot type or inconsistent
    dates.
    """
    if scope not in SCOPES:
        raise InvalidValue(f"未知的适用范围 / unknown scope {scope!r}; expected one of {SCOPES}")
    if lot_type not in ("movable", "immovable"):
        raise InvalidValue(f"lot_type must be 'movable' or 'immovable', not {lot_type!r}")
    cal = calendar if calendar is not None else default_calendar()
    auction = _d(auction_date)

    given_end = auction_end
    end_moment: dt.datetime | dt.date
    if auction_end is not None:
        end_moment = auction_end
    elif scope == "JUD-NET":
        end_moment = (
            auction_date + dt.timedelta(hours=24)
            if isinstance(auction_date, dt.datetime)
            else auction + dt.timedelta(days=1)
        )
    else:
        end_moment = auction_date
    if _d(end_moment) < auction or (
        isinstance(end_moment, dt.datetime)
        and isinstance(auction_date, dt.datetime)
        and end_moment < auction_date
    ):
        raise InvalidValue(
            f"拍卖结束早于开始 / auction_end {end_moment} is before auction_date {auction_date}"
        )
    announcement = _d(announcement_date) if announcement_date is not None else None

    ctx = _Ctx(
        scope=scope,
        auction=auction,
        auction_moment=auction_date,
        end=_d(end_moment),
        end_moment=end_moment,
        announcement=announcement,
        lot_type=lot_type,
        cal=cal,
        clear_days=clear_days,
        deadlines=[],
        warnings=[],
        notes=[],
    )

    if announcement is not None and announcement > auction:
        ctx.warn(
            "ANN-01",
            f"公告日 {format_day(announcement)} 晚于拍卖日 {format_day(auction)}",
            f"The announcement date {format_day(announcement, 'en')} is after the auction",
            "error",
        )

    latest_announcement = _announcement(ctx)
    ann_anchor = announcement or latest_announcement
    if announcement is None and scope in ("JUD-OFF", "JUD-NET"):
        ctx.warn(
            "NOTICE-N01" if scope == "JUD-NET" else "ANN-J04",
            f"未给出公告日，按最迟公告日 {format_day(latest_announcement)} "
            "推算以公告日为起点的期限",
            "No announcement date given: deadlines counted from it use the latest allowed "
            f"date, {format_day(latest_announcement, 'en')}",
            "info",
        )

    if scope in _AUCTION_FIRM_SCOPES:
        _exhibition(ctx, perishable)
    else:
        ctx.warn(
            "ANN-05",
            "网络司法拍卖无固定展示天数，应在公告中提示可申请实地看样（CONFLICT-19）",
            "Online judicial sales have no fixed exhibition; the announcement must say viewing "
            "can be requested (CONFLICT-19)",
            "info",
        )

    if scope == "COM":
        _pre_filing(ctx, pre_filing_lead)
        ctx.deadlines.append(_deadline("FILE-03", add_days(ctx.end, _n("FILE-03"), cal), ctx.end))
    elif scope == "JUD-OFF":
        ctx.deadlines.append(
            _deadline("ANN-J04", days_before(ann_anchor, _n("ANN-J04"), cal), ann_anchor)
        )
        ctx.deadlines.append(
            _deadline(
                "NOTICE-J01",
                days_before(auction, _n("NOTICE-J01"), cal, clear_days=clear_days),
                auction,
                related=("NOTICE-J02",),
            )
        )
        _pre_filing(ctx, pre_filing_lead)
        ctx.deadlines.append(_deadline("FILE-03", add_days(ctx.end, _n("FILE-03"), cal), ctx.end))
        ctx.deadlines.append(_deadline("DEP-J02", add_days(ctx.end, _n("DEP-J02"), cal), ctx.end))
    elif scope == "JUD-NET":
        notice = days_before(ann_anchor, _n("NOTICE-N01"), cal, clear_days=clear_days)
        posting = days_before(notice.end_date, _DEEMED_SERVICE_DAYS, cal)
        ctx.deadlines.append(
            _deadline(
                "NOTICE-N01",
                notice,
                ann_anchor,
                note_zh=(
                    f"实践中约为拍卖前{(auction - notice.end_date).days}日（CONFLICT-08）；"
                    f"无法通知的在平台公示，满五日视为已通知，公示最迟应于 "
                    f"{format_day(posting.end_date)} 开始"
                ),
                note_en=(
                    f"in practice {(auction - notice.end_date).days} days before the sale "
                    f"(CONFLICT-08); if notice is impossible, post it on the platform from "
                    f"{format_day(posting.end_date, 'en')} at the latest (deemed served after "
                    "5 days)"
                ),
            )
        )
        _jud_net_bidding_end(ctx, given_end)
        if given_end is None:
            ctx.warn(
                "ANN-N06",
                "未给出竞价结束时间，按开始后二十四小时（最短竞价时间）计",
                "No bidding end given: taken as 24 hours after the start (the minimum)",
                "info",
            )
        _deposit_online(ctx)
    elif scope == "SOA-ADM":
        ctx.deadlines.append(
            _deadline(
                "NOTICE-S01",
                days_before(auction, _n("NOTICE-S01"), cal, clear_days=clear_days),
                auction,
            )
        )
        ctx.deadlines.append(
            _deadline("FILE-12", working_days_before(auction, _n("FILE-12"), cal), auction)
        )
        if announcement is not None:
            ctx.deadlines.append(
                _deadline("ANN-S06", add_days(announcement, _n("ANN-S06"), cal), announcement)
            )
        _soa_adm_after(ctx, buyer_determined, completion_date)
    elif scope == "VEH":
        _vehicle(ctx, delivery_date)

    if contract_end is not None and scope in _AUCTION_FIRM_SCOPES:
        ctx.deadlines.append(
            _deadline(
                "REC-01",
                add_months(contract_end, 12 * _n("REC-01"), roll=False),
                contract_end,
                note_zh="保管期限是最短期限，不适用节假日顺延",
                note_en="A minimum retention time: no holiday roll-over",
            )
        )

    if as_of is not None:
        for d in ctx.deadlines:
            if d.meaning != "deadline" or d.due >= as_of:
                continue
            if announcement is not None and d.rule_id in _ANNOUNCEMENT_RULES:
                continue  # the actual announcement date was checked instead
            ctx.warn(
                d.rule_id,
                f"截至 {format_day(as_of)}，{d.title_zh} {format_day(d.due)} 已过",
                f"As of {format_day(as_of, 'en')}, the deadline {d.title_en} "
                f"({format_day(d.due, 'en')}) has passed",
            )

    # Every date the plan shows must lie in a covered year, even where the count itself needs
    # no holiday data (hour rules, backward counts): a plan is never half-guessed.
    for day in (auction, ctx.end, *(d.due for d in ctx.deadlines if d.meaning != "not_before")):
        cal.year_data(day.year)

    deadlines = sorted(
        ctx.deadlines,
        key=lambda x: (x.due, x.due_time or dt.datetime.max, _ORDER.get(x.rule_id, 999)),
    )
    sources: dict[int, str] = {}
    for d in deadlines:
        sources.update(d.counted.calendar_sources)
    return Plan(
        scope=scope,
        auction_date=auction_date,
        auction_end=end_moment,
        announcement_date=announcement,
        lot_type=lot_type,
        deadlines=tuple(deadlines),
        warnings=tuple(ctx.warnings),
        notes=tuple(ctx.notes),
        calendar_sources=dict(sorted(sources.items())),
    )


def reporting(
    year: int, calendar: HolidayCalendar | None = None, *, inclusive: bool = True
) -> list[Deadline]:
    """The MOFCOM reporting deadlines that fall in ``year``, in date order.

    RPT-01/RPT-02: each month's report on the previous month, by the 6th, rolled over a
    statutory rest day. RPT-03: the annual report on the previous year, by 28 January. The
    named day is allowed (``inclusive=True``, the catalogue's default for "6日前"); with
    ``inclusive=False`` the last day is the 5th / 27th (CONFLICT-18).
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidValue(f"year must be an int, not {year!r}")
    cal = calendar if calendar is not None else default_calendar()
    shift = 0 if inclusive else 1
    reading_zh = "含当日" if inclusive else "不含当日"
    reading_en = "the named day allowed" if inclusive else "the named day excluded"
    out: list[Deadline] = []
    for month in range(1, 13):
        day = dt.date(year, month, _n("RPT-01") - shift)
        prev_y, prev_m = (year - 1, 12) if month == 1 else (year, month - 1)
        out.append(
            _deadline(
                "RPT-01",
                fixed_date(day, cal),
                dt.date(year, month, 1),
                related=("RPT-02",),
                title_zh=f"{prev_y}年{prev_m}月月报报送截止日（每月6日前，遇法定节假日顺延）",
                title_en=f"Monthly report for {prev_y}-{prev_m:02d} due (by the 6th, rolled over)",
                note_zh=f"“6日前”按{reading_zh}计（CONFLICT-18）",
                note_en=f'"before the 6th" read with {reading_en} (CONFLICT-18)',
            )
        )
    out.append(
        _deadline(
            "RPT-03",
            fixed_date(dt.date(year, 1, _n("RPT-03") - shift), cal),
            dt.date(year, 1, 1),
            title_zh=f"{year - 1}年度年报报送截止日（每年1月28日前）",
            title_en=f"Annual report for {year - 1} due (by 28 January)",
            note_zh=f"“1月28日前”按{reading_zh}、遇法定节假日顺延计（CONFLICT-18）",
            note_en=f'"before 28 January" read with {reading_en}, rolled over (CONFLICT-18)',
        )
    )
    return sorted(out, key=lambda d: d.due)
