"""The deadline planner: scope + key dates → every deadline that follows, with how it was counted.

``plan(scope, auction_date, ...)`` returns a :class:`Plan` whose ``deadlines`` are in date order,
each with its catalogue rule ID, a Chinese and English title, the due date (and time, for hour
rules), the :class:`~paimai_docs.periods.PeriodResult` that shows how it was counted, and its
legal or procedural basis. ``warnings`` list dates given to the planner that already break a
rule (an announcement published too late, a bidding window shorter than 24 hours) and the
places where two rules disagree; ``notes`` list every assumption made (lot type, the reading of
"X日前", the profile, dates not given).

``reporting(year)`` lists the MOFCOM reporting deadlines that fall in ``year`` (RPT-01 monthly,
RPT-03 annual).

Every rule comes from the rule catalogue (``rules/catalogue``, the ``plan`` block of a deadline
check; :mod:`paimai_docs.plan_rules`), read under a profile (``rules/profiles`` or a user's):
its parameters (clear days, the pre-filing lead, a company's own lead times in ``rule_params``)
change the plan. A year without an official holiday schedule is counted provisionally (暂定).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from paimai_docs.engine import Profile, load_profile
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
from paimai_docs.plan_rules import DeadlineRule, deadline_rules
from paimai_docs.plan_types import Deadline, LotType, Meaning, Plan, PlanWarning, Severity
from paimai_docs.vocabulary import LOT_TYPES, label

__all__ = [
    "SCOPES",
    "Deadline",
    "DeadlineRule",
    "LotType",
    "Meaning",
    "Plan",
    "PlanWarning",
    "deadline_rules",
    "plan",
    "reporting",
]

Scope = Literal["COM", "JUD-OFF", "JUD-NET", "SOA-ADM", "SOA-ENT", "VEH"]
SCOPES: tuple[str, ...] = ("COM", "JUD-OFF", "JUD-NET", "SOA-ADM", "SOA-ENT", "VEH")

# Scopes whose auctions are run by an auction enterprise, so that 拍卖法 applies (scope "ALL").
_AUCTION_FIRM_SCOPES = ("COM", "JUD-OFF", "SOA-ADM", "SOA-ENT", "VEH")
_ANNOUNCEMENT_RULES = ("ANN-J01", "ANN-N01", "ANN-S01", "ANN-E01", "ANN-01")


def _d(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _make_deadline(
    rule: DeadlineRule,
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
    notes_zh = "；".join(x for x in (rule.note_zh, note_zh) if x)
    notes_en = "; ".join(x for x in (rule.note_en, note_en) if x)
    return Deadline(
        rule_id=rule.rule_id,
        step=rule.step,
        related_rules=related,
        title_zh=title_zh or rule.title_zh,
        title_en=title_en or rule.title_en,
        due=counted.end_date,
        due_time=due_time,
        meaning=rule.meaning,
        direction="before" if counted.direction == "before" else "after",
        anchor=rule.anchor,
        anchor_date=anchor_date,
        counted=counted,
        basis=basis or rule.basis,
        confidence=rule.confidence,
        unverified=rule.confidence == "memory",
        note_zh=notes_zh,
        note_en=notes_en,
    )


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
    lot_type: str | None
    cal: HolidayCalendar
    clear_days: bool
    deadlines: list[Deadline]
    warnings: list[PlanWarning]
    notes: list[PlanWarning]
    rules: Mapping[str, DeadlineRule]

    def has(self, key: str) -> bool:
        """The step exists under the profile and applies to the scope."""
        rule = self.rules.get(key)
        return rule is not None and self.scope in rule.scopes

    def n(self, key: str, lot_type: str | None = "movable") -> int:
        """The period length of a step, from the catalogue under the profile."""
        return self.rules[key].length(lot_type)

    def deadline(
        self,
        key: str,
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
        return _make_deadline(
            self.rules[key], counted, anchor_date, title_zh=title_zh, title_en=title_en,
            related=related, basis=basis, note_zh=note_zh, note_en=note_en, due_time=due_time,
        )  # fmt: skip

    def warn(self, rule_id: str, zh: str, en: str, severity: Severity = "warning") -> None:
        w = PlanWarning(rule_id=rule_id, severity=severity, message_zh=zh, message_en=en)
        (self.notes if severity == "info" else self.warnings).append(w)


def _announcement(ctx: _Ctx) -> dt.date | None:
    """The announcement deadline: the longest lead of all rules that apply (the catalogue's
    CONFLICT-01). Returns the latest allowed announcement date."""
    cands: list[Deadline] = []
    auction, cal, clear = ctx.auction, ctx.cal, ctx.clear_days
    n = {rid: ctx.n(rid, ctx.lot_type) for rid in _ANNOUNCEMENT_RULES if rid in ctx.rules}
    if ctx.has("ANN-J01"):
        counted = days_before(auction, n["ANN-J01"], cal, clear_days=clear)
        cands.append(ctx.deadline("ANN-J01", counted, auction))
    if ctx.has("ANN-N01"):
        counted = days_before(auction, n["ANN-N01"], cal, clear_days=clear)
        cands.append(ctx.deadline("ANN-N01", counted, auction))
    if ctx.has("ANN-S01"):
        counted = latest_start_before(auction, n["ANN-S01"], cal)
        cands.append(ctx.deadline("ANN-S01", counted, auction))
    if ctx.has("ANN-E01"):
        counted = latest_start_before(auction, n["ANN-E01"], cal, unit="working_day")
        cands.append(ctx.deadline("ANN-E01", counted, auction))
    if ctx.has("ANN-01"):
        counted = days_before(auction, n["ANN-01"], cal, clear_days=clear)
        cands.append(ctx.deadline("ANN-01", counted, auction))

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

    if not cands:  # every announcement rule left out by the profile
        return None
    binding = min(cands, key=lambda c: c.due)  # stable: specific rules come before ANN-01
    others = [c for c in cands if c is not binding]
    if others:
        zh = "；".join(f"{c.rule_id}（{c.basis}）最迟 {format_day(c.due)}" for c in others)
        en = "; ".join(f"{c.rule_id} latest {format_day(c.due, 'en')}" for c in others)
        binding = binding.model_copy(
            update={
                "related_rules": tuple(c.rule_id for c in others),
                "note_zh": "；".join(
                    x for x in (binding.note_zh, f"同时适用 {zh}；取最长提前期") if x
                ),
                "note_en": "; ".join(
                    x
                    for x in (
                        binding.note_en,
                        f"also applies: {en}; the longest lead wins",
                    )
                    if x
                ),
            }
        )
    ctx.deadlines.append(binding)
    return binding.due


def _exhibition(ctx: _Ctx, perishable: bool) -> None:
    if not ctx.has("ANN-05"):
        return
    if perishable:
        ctx.warn(
            "ANN-05",
            "鲜活或不易保存的物品不受两日展示期限制（拍卖管理办法第三十三条），未列展示期限",
            "Perishable goods are exempt from the 2-day exhibition; not listed",
            "info",
        )
        return
    ctx.deadlines.append(
        ctx.deadline("ANN-05", days_before(ctx.auction, ctx.n("ANN-05"), ctx.cal), ctx.auction)
    )


def _pre_filing(ctx: _Ctx, lead: int) -> None:
    if lead < 0:
        raise InvalidValue(f"会前备案提前天数不能为负 / pre-filing lead must be ≥ 0: {lead}")
    if lead == 0:
        counted = days_before(ctx.auction, 1, ctx.cal)
        ctx.deadlines.append(
            ctx.deadline(
                "FILE-01",
                counted,
                ctx.auction,
                title_zh="会前备案最迟日（拍卖日前）",
                title_en="Latest date for the pre-auction filing (before the auction day)",
                note_zh="法律只要求拍卖日前，无最短提前期；现行《拍卖监督管理办法》未见全国性备案条款，"
                "以当地要求为准；公司规程（D002）要求拍卖会七日前：配置参数 pre_filing_lead_days: 7"
                "或 --pre-filing-lead 7",
                note_en="The law asks only for a filing before the auction day; the current rule "
                "has no national filing clause: follow local practice. The company procedure "
                "(D002) asks for 7 days: profile parameter pre_filing_lead_days: 7 or "
                "--pre-filing-lead 7",
            )
        )
        return
    counted = days_before(ctx.auction, lead, ctx.cal, clear_days=ctx.clear_days)
    note_zh = note_en = ""
    if lead >= 7:
        note_zh = "按已废止的2001年暂行办法，备案应在拍卖日前7天内，更早则在窗口之外"
        note_en = (
            "Under the repealed 2001 rule the filing had to be within the 7 days before the "
            "sale; earlier was outside the window"
        )
    ctx.deadlines.append(
        ctx.deadline(
            "FILE-01",
            counted,
            ctx.auction,
            title_zh=f"会前备案最迟日（拍卖会{lead}日前）",
            title_en=f"Latest date for the pre-auction filing ({lead} days before)",
            note_zh="；".join(
                x for x in ("提前天数为公司或地方规则（D002 §二.1.b）", note_zh) if x
            ),
            note_en="; ".join(x for x in ("the lead is a company or local rule", note_en) if x),
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
            "（网络司法拍卖规定第二十条）",
            f"Bidding lasts less than 24 hours: {format_day(start, 'en')} to "
            f"{format_day(end, 'en')} (SPC-NET art. 20)",
            "error",
        )


def _deposit_online(ctx: _Ctx) -> None:
    end = ctx.end_moment
    if isinstance(end, dt.datetime):
        counted = add_hours(end, ctx.n("DEP-N02"))
        assert isinstance(counted.end, dt.datetime)
        ctx.deadlines.append(ctx.deadline("DEP-N02", counted, end, due_time=counted.end))
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
        ctx.deadline(
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
    for key in ("FILE-13", "DEP-S02"):
        if ctx.has(key):
            ctx.deadlines.append(ctx.deadline(key, add_working_days(end, ctx.n(key), cal), end))
    if not ctx.has("POST-S01a"):
        return
    buyer = buyer_determined or end
    a = ctx.deadline("POST-S01a", add_working_days(buyer, ctx.n("POST-S01a"), cal), buyer)
    b = ctx.deadline("POST-S01b", add_working_days(a.due, ctx.n("POST-S01b"), cal), a.due)
    c = ctx.deadline(
        "POST-S01c",
        add_working_days(b.due, ctx.n("POST-S01c"), cal),
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
    if ctx.has("REC-05"):
        counted = add_working_days(completion, ctx.n("REC-05"), cal)
        ctx.deadlines.append(ctx.deadline("REC-05", counted, completion))


def _vehicle(ctx: _Ctx, delivery_date: dt.date | None) -> None:
    cal, sale = ctx.cal, ctx.end
    v7 = ctx.deadline("VEH-07", add_months(sale, ctx.n("VEH-07"), cal), sale)
    delivery = delivery_date or sale
    v8 = ctx.deadline("VEH-08", add_days(delivery, ctx.n("VEH-08"), cal), delivery)
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
            "VEH-08",
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
    scope: str | None,
    auction_date: dt.date,
    *,
    announcement_date: dt.date | None = None,
    lot_type: str | None = None,
    auction_end: dt.date | None = None,
    calendar: HolidayCalendar | None = None,
    pre_filing_lead: int | None = None,
    clear_days: bool | None = None,
    perishable: bool = False,
    buyer_determined: dt.date | None = None,
    completion_date: dt.date | None = None,
    delivery_date: dt.date | None = None,
    contract_end: dt.date | None = None,
    as_of: dt.date | None = None,
    profile: Profile | str | None = None,
) -> Plan:
    """Every deadline that follows from the catalogue for ``scope`` and the given dates.

    ``profile`` (a :class:`~paimai_docs.engine.Profile`, a built-in scope or a profile file;
    default: the scope's built-in profile) supplies the rules' parameters; ``scope`` may then
    be ``None``. ``auction_date`` is the auction day (for ``JUD-NET`` the start of bidding; a
    datetime gives exact hours). ``auction_end`` defaults to the auction day (``JUD-NET``:
    start + 24 hours). ``lot_type`` (``movable``/``immovable``) picks the lead of rules that
    depend on it; not given, the longer (immovable) lead is used and a note gives the other.
    ``pre_filing_lead`` is FILE-01's lead in days (default: the profile's
    ``pre_filing_lead_days``; 0 = "before the auction day", the 2013 national rule; 7 = the
    company rule). ``clear_days`` (default: the profile's) reads "X日前" as X whole days.
    ``as_of`` (e.g. today) adds a warning for every deadline already past.

    Raises :class:`~paimai_docs.errors.CalendarYearNotCovered` if a deadline falls in a year the
    calendar neither covers nor computes provisionally, and
    :class:`~paimai_docs.errors.InvalidValue` for an unknown scope or lot type or inconsistent
    dates.
    """
    if not isinstance(profile, Profile):
        if profile is None and scope not in SCOPES:
            raise InvalidValue(
                f"未知的适用范围 / unknown scope {scope!r}; expected one of {SCOPES}"
            )
        profile = load_profile(profile or str(scope))
    if scope is None:
        scope = profile.scope
    if scope not in SCOPES or scope != profile.scope:
        raise InvalidValue(
            f"适用范围 {scope} 与配置“{profile.title}”的范围 {profile.scope} 不符 / "
            f"scope {scope!r} does not fit the profile's scope {profile.scope}"
        )
    if lot_type not in (None, "movable", "immovable"):
        raise InvalidValue(f"lot_type must be 'movable' or 'immovable', not {lot_type!r}")
    rules = deadline_rules(profile)
    if clear_days is None:
        clear_days = bool(profile.params.get("clear_days", False))
    if pre_filing_lead is None:
        pre_filing_lead = int(profile.params.get("pre_filing_lead_days", 0) or 0)
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
    lot_rules = [k for k in _ANNOUNCEMENT_RULES if k in rules and scope in rules[k].scopes]
    lot_dependent = any(rules[k].n_immovable is not None for k in lot_rules)
    effective_lot = lot_type or ("immovable" if lot_dependent else None)

    ctx = _Ctx(
        scope=scope,
        auction=auction,
        auction_moment=auction_date,
        end=_d(end_moment),
        end_moment=end_moment,
        announcement=announcement,
        lot_type=effective_lot,
        cal=cal,
        clear_days=clear_days,
        deadlines=[],
        warnings=[],
        notes=[],
        rules=rules,
    )
    _assumptions(ctx, profile, lot_type, lot_dependent)

    if announcement is not None and announcement > auction:
        ctx.warn(
            "ANN-01" if ctx.has("ANN-01") else (lot_rules or ["ANN-01"])[0],
            f"公告日 {format_day(announcement)} 晚于拍卖日 {format_day(auction)}",
            f"The announcement date {format_day(announcement, 'en')} is after the auction",
            "error",
        )

    latest_announcement = _announcement(ctx) or auction
    ann_anchor = announcement or latest_announcement
    if announcement is None and (ctx.has("ANN-J04") or ctx.has("NOTICE-N01")):
        ctx.warn(
            "NOTICE-N01" if ctx.has("NOTICE-N01") else "ANN-J04",
            f"未给出公告日，按最迟公告日 {format_day(latest_announcement)} "
            "推算以公告日为起点的期限",
            "No announcement date given: deadlines counted from it use the latest allowed "
            f"date, {format_day(latest_announcement, 'en')}",
            "info",
        )

    if scope in _AUCTION_FIRM_SCOPES:
        _exhibition(ctx, perishable)
    elif ctx.has("ANN-N01"):
        ctx.warn(
            "ANN-N01",
            "网络司法拍卖无固定展示天数，应在公告中提示可申请实地看样",
            "Online judicial sales have no fixed exhibition; the announcement must say viewing "
            "can be requested",
            "info",
        )

    if ctx.has("ANN-J04"):
        counted = days_before(ann_anchor, ctx.n("ANN-J04"), cal)
        ctx.deadlines.append(ctx.deadline("ANN-J04", counted, ann_anchor))
    if ctx.has("NOTICE-J01"):
        counted = days_before(auction, ctx.n("NOTICE-J01"), cal, clear_days=clear_days)
        ctx.deadlines.append(ctx.deadline("NOTICE-J01", counted, auction))
    if ctx.has("FILE-01"):
        _pre_filing(ctx, pre_filing_lead)
    for key in ("FILE-03", "DEP-J02"):
        if ctx.has(key):
            counted = add_days(ctx.end, ctx.n(key), cal)
            ctx.deadlines.append(ctx.deadline(key, counted, ctx.end))
    if scope == "JUD-NET":
        _jud_net(ctx, ann_anchor, given_end)
    if ctx.has("NOTICE-S01"):
        counted = days_before(auction, ctx.n("NOTICE-S01"), cal, clear_days=clear_days)
        ctx.deadlines.append(ctx.deadline("NOTICE-S01", counted, auction))
    if ctx.has("FILE-12"):
        counted = working_days_before(auction, ctx.n("FILE-12"), cal)
        ctx.deadlines.append(ctx.deadline("FILE-12", counted, auction))
    if ctx.has("ANN-S06") and announcement is not None:
        counted = add_days(announcement, ctx.n("ANN-S06"), cal)
        ctx.deadlines.append(ctx.deadline("ANN-S06", counted, announcement))
    if scope == "SOA-ADM":
        _soa_adm_after(ctx, buyer_determined, completion_date)
    if ctx.has("VEH-07") and ctx.has("VEH-08"):
        _vehicle(ctx, delivery_date)

    if contract_end is not None and ctx.has("REC-01"):
        counted = add_months(contract_end, 12 * ctx.n("REC-01"), roll=False)
        ctx.deadlines.append(ctx.deadline("REC-01", counted, contract_end))

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

    # Every date the plan shows must lie in a year with data (official or provisional), even
    # where the count itself needs none (hour rules, backward counts): never half-guessed.
    for day in (auction, ctx.end, *(d.due for d in ctx.deadlines if d.meaning != "not_before")):
        cal.year_data(day.year)

    order = {key: rule.order for key, rule in rules.items()}
    deadlines = sorted(
        ctx.deadlines,
        key=lambda x: (x.due, x.due_time or dt.datetime.max, order.get(x.key, 999)),
    )
    sources: dict[int, str] = {}
    for d in deadlines:
        sources.update(d.counted.calendar_sources)
    return Plan(
        scope=scope,
        auction_date=auction_date,
        auction_end=end_moment,
        announcement_date=announcement,
        lot_type=effective_lot if lot_dependent else lot_type,
        profile=profile.title,
        deadlines=tuple(deadlines),
        warnings=tuple(ctx.warnings),
        notes=tuple(ctx.notes),
        calendar_sources=dict(sorted(sources.items())),
    )


def _assumptions(ctx: _Ctx, profile: Profile, lot_type: str | None, lot_dependent: bool) -> None:
    """Say every assumption the plan makes: the profile, the lot type, how "X日前" is read."""
    where = "内置" if profile.source == "built-in" else profile.source
    where_en = "built in" if profile.source == "built-in" else profile.source
    changed = sorted({r.rule_id for r in ctx.rules.values() if r.changed_by_profile})
    extra_zh = f"；改变了 {'、'.join(changed)} 的天数" if changed else ""
    extra_en = f"; it changes the days of {', '.join(changed)}" if changed else ""
    ctx.warn(
        "",
        f"配置：{profile.title}（{profile.id}，{where}）{extra_zh}",
        f"Profile: {profile.title} ({profile.id}, {where_en}){extra_en}",
        "info",
    )
    if lot_dependent:
        keys = [k for k in _ANNOUNCEMENT_RULES if ctx.has(k) and ctx.rules[k].n_immovable]
        rule = ctx.rules[keys[0]]
        if lot_type is None:
            other = days_before(ctx.auction, rule.n, ctx.cal, clear_days=ctx.clear_days)
            ctx.warn(
                rule.rule_id,
                f"未指定标的类型（--lot-type）：按不动产及其他财产权的{rule.n_immovable}日计，"
                f"较长、较安全；若全部为动产，为{rule.n}日，公告最迟 {format_day(other.end_date)}",
                f"No lot type given (--lot-type): the {rule.n_immovable}-day lead of immovables "
                f"and rights is used, the longer and safer one; for movables only it is "
                f"{rule.n} days, latest {format_day(other.end_date, 'en')}",
                "info",
            )
        else:
            n = rule.length(lot_type)
            zh = label(LOT_TYPES, lot_type or "immovable")
            ctx.warn(
                rule.rule_id,
                f"标的类型：{zh}，公告提前{n}日",
                f"Lot type: {lot_type}, {n} days' notice",
                "info",
            )
    if ctx.clear_days:
        zh = "“X日前”按X个整日计（严格读法）：最迟日为事件日减X日再减一日"
        en = '"X days before" read as X clear days: the latest day is the event − X − 1'
    else:
        zh = "“X日前”按事件日减X日为最迟日计（默认读法）；--clear-days 或配置 clear_days 可改为整日"
        en = (
            '"X days before" read as the event − X days (default); --clear-days or the '
            "profile's clear_days reads it as clear days"
        )
    ctx.warn("", zh, en, "info")


def _jud_net(ctx: _Ctx, ann_anchor: dt.date, given_end: dt.date | None) -> None:
    """JUD-NET: the notice to the parties, the bidding window and the deposit refunds."""
    auction, cal = ctx.auction, ctx.cal
    if ctx.has("NOTICE-N01"):
        notice = days_before(ann_anchor, ctx.n("NOTICE-N01"), cal, clear_days=ctx.clear_days)
        posting = days_before(notice.end_date, _DEEMED_SERVICE_DAYS, cal)
        lead = (auction - notice.end_date).days
        ctx.deadlines.append(
            ctx.deadline(
                "NOTICE-N01",
                notice,
                ann_anchor,
                note_zh=(
                    f"起算点是公告发布日，实践中约为拍卖前{lead}日；无法通知的在平台公示，"
                    f"满五日视为已通知，公示最迟应于 {format_day(posting.end_date)} 开始"
                ),
                note_en=(
                    f"counted from the announcement: in practice {lead} days before the sale; "
                    "if notice is impossible, post it on the platform from "
                    f"{format_day(posting.end_date, 'en')} at the latest (deemed served after "
                    "5 days)"
                ),
            )
        )
    if ctx.has("ANN-N06"):
        start = ctx.auction_moment
        if isinstance(start, dt.datetime):
            counted = add_hours(start, ctx.n("ANN-N06"))
            assert isinstance(counted.end, dt.datetime)
            ctx.deadlines.append(ctx.deadline("ANN-N06", counted, start, due_time=counted.end))
        _jud_net_bidding_end(ctx, given_end)
        if given_end is None:
            ctx.warn(
                "ANN-N06",
                "未给出竞价结束时间，按开始后二十四小时（最短竞价时间）计",
                "No bidding end given: taken as 24 hours after the start (the minimum)",
                "info",
            )
    if ctx.has("DEP-N02"):
        _deposit_online(ctx)


def reporting(
    year: int,
    calendar: HolidayCalendar | None = None,
    *,
    inclusive: bool = True,
    profile: Profile | str | None = None,
) -> list[Deadline]:
    """The MOFCOM reporting deadlines that fall in ``year``, in date order.

    RPT-01: each month's report on the previous month, by the 6th, rolled over a statutory
    rest day. RPT-03: the annual report on the previous year, by 28 January. The named day is
    allowed (``inclusive=True``, the default reading of "6日前"); with ``inclusive=False`` the
    last day is the 5th / 27th. The days come from the catalogue (under ``profile``, default
    the COM profile).
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidValue(f"year must be an int, not {year!r}")
    if not isinstance(profile, Profile):
        profile = load_profile(profile or "COM")
    rules = deadline_rules(profile)
    cal = calendar if calendar is not None else default_calendar()
    shift = 0 if inclusive else 1
    reading_zh = "含当日" if inclusive else "不含当日"
    reading_en = "the named day allowed" if inclusive else "the named day excluded"
    out: list[Deadline] = []
    if "RPT-01" in rules:
        monthly = rules["RPT-01"]
        for month in range(1, 13):
            day = dt.date(year, month, monthly.n - shift)
            prev_y, prev_m = (year - 1, 12) if month == 1 else (year, month - 1)
            out.append(
                _make_deadline(
                    monthly,
                    fixed_date(day, cal),
                    dt.date(year, month, 1),
                    title_zh=f"{prev_y}年{prev_m}月月报报送截止日（每月{monthly.n}日前，遇法定节假日顺延）",
                    title_en=f"Monthly report for {prev_y}-{prev_m:02d} due (by the {monthly.n}th, "
                    "rolled over)",
                    note_zh=f"“{monthly.n}日前”按{reading_zh}计",
                    note_en=f'"before the {monthly.n}th" read with {reading_en}',
                )
            )
    if "RPT-03" in rules:
        annual = rules["RPT-03"]
        out.append(
            _make_deadline(
                annual,
                fixed_date(dt.date(year, 1, annual.n - shift), cal),
                dt.date(year, 1, 1),
                title_zh=f"{year - 1}年度年报报送截止日（每年1月{annual.n}日前）",
                title_en=f"Annual report for {year - 1} due (by {annual.n} January)",
                note_zh=f"“1月{annual.n}日前”按{reading_zh}、遇法定节假日顺延计",
                note_en=f'"before {annual.n} January" read with {reading_en}, rolled over',
            )
        )
    return sorted(out, key=lambda d: d.due)
