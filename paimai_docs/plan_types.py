"""What the planner returns: each :class:`Deadline` with how it was counted, the
:class:`PlanWarning` s and notes, and the :class:`Plan` of one auction."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from paimai_docs.lang import say
from paimai_docs.period_text import provisional_note
from paimai_docs.periods import PeriodResult, format_day

__all__ = ["Deadline", "LotType", "Meaning", "Plan", "PlanWarning", "Severity"]

LotType = Literal["movable", "immovable"]
Meaning = Literal["deadline", "period_end", "not_before"]
Severity = Literal["error", "warning", "info"]


class Deadline(BaseModel):
    """One deadline: what, when, how it was counted and why."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    step: str | None = None  # the step's label when one rule has several (POST-S01 a, b, c)
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

    @property
    def key(self) -> str:
        """The rule ID, plus the step's label (``POST-S01a``)."""
        return self.rule_id + (self.step or "")

    @property
    def provisional(self) -> bool:
        """Counted on a year whose holiday schedule is not published yet (暂定)."""
        return self.counted.provisional

    def title(self, lang: str = "zh") -> str:
        return say(self.title_zh, self.title_en, lang)

    def note(self, lang: str = "zh") -> str:
        return say(self.note_zh, self.note_en, lang)

    def due_text(self, lang: str = "zh") -> str:
        return format_day(self.due_time or self.due, lang)

    def explain(self, lang: str = "zh") -> str:
        """The title, due date, how it was counted, the basis and any note."""
        lines = [f"[{self.rule_id}] {self.title(lang)}: {self.due_text(lang)}"]
        lines.append(self.counted.explain(lang))
        lines.append(say("依据：", "Basis: ", lang) + self.basis)
        if self.related_rules:
            lines.append(say("相关规则：", "Related: ", lang) + ", ".join(self.related_rules))
        if self.unverified:
            lines.append(
                say(
                    "未核实（memory）：依赖前请核对原文",
                    "UNVERIFIED (memory): check the source text before relying on it",
                    lang,
                )
            )
        if self.note(lang):
            lines.append(say("说明：", "Note: ", lang) + self.note(lang))
        note = provisional_note(self.counted, lang)
        if note and note not in lines[1]:
            lines.append(note)
        return "\n".join(lines)


class PlanWarning(BaseModel):
    """A given date that breaks a rule, a catalogue conflict to flag, or an assumption made."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Severity
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return say(self.message_zh, self.message_en, lang)


class Plan(BaseModel):
    """The deadlines of one auction in date order, with warnings and notes."""

    model_config = ConfigDict(frozen=True)

    scope: str
    auction_date: dt.datetime | dt.date
    auction_end: dt.datetime | dt.date
    announcement_date: dt.date | None = None
    lot_type: LotType | None = None
    profile: str = ""
    deadlines: tuple[Deadline, ...]
    warnings: tuple[PlanWarning, ...] = ()
    notes: tuple[PlanWarning, ...] = ()
    calendar_sources: dict[int, str] = {}
