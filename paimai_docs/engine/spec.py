"""The rule file format (``rules/catalogue/*.yaml``), validated on load.

A rule is data: its catalogue ID, a kebab-case name for the problem it flags, a Chinese title, a
default severity, the scopes and document kinds it applies to, its check (one of a few declarative
kinds, or a named Python hook), its citation, whether a person must confirm it, and an explanation
with a bad and a good example. A file that does not fit fails to load with a message naming the
file, the rule and the field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from ..errors import PaimaiError
from ..resources import load_yaml
from ..vocabulary import RULE_KINDS as DOCUMENT_KINDS
from ..vocabulary import SCOPES
from .meaning import check_names


class RuleFileError(PaimaiError):
    """A rule or profile file does not fit the format."""

    code = "rule_file_invalid"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Condition(_Spec):
    """When a requirement applies: the fact ``fact`` has one of ``values``, or contains one of
    the words in ``contains`` (without either: it is stated and true). A fact stated several
    times (once per lot) must match once, or every time with ``all``. A read document without
    the fact meets the condition if it shows one of the ``text`` patterns, and does not if it
    shows one of ``text_no`` ("是否电子竞价：否"); otherwise ``if_unknown`` says what to do."""

    fact: str
    values: tuple[Any, ...] | None = None
    contains: tuple[str, ...] = ()  # or: the fact's text contains one of these
    all: bool = False
    text: tuple[str, ...] = ()
    text_no: tuple[str, ...] = ()
    if_unknown: Literal["apply", "skip"] = "apply"


class RequiredItem(_Spec):
    """One thing a document must state. ``field`` is a model path without indices
    (``lots.reserve_price``); ``text`` are patterns a submitted PDF may show instead.
    ``number`` is the item's number in the source's list, for a list item that has several
    entries (拍卖法 art. 46(1) "时间、地点": two fields, both item 1)."""

    field: str | None = None
    label: str
    label_en: str = ""
    text: tuple[str, ...] = ()
    # a fact name that must be true for the item to be required, or a condition
    when: str | Condition | None = None
    number: int | None = None
    # the value the field must have (a list field: must contain), e.g. ``true`` for a yes/no
    # field whose "no" means the thing is missing
    value: Any = None
    # What a submitted document must say, by meaning (rules/vocabulary.yaml): one clause that
    # speaks of every topic named and carries a value of every kind in ``carries`` ("time",
    # "method|place"). ``text`` patterns and the field's printed labels count as the first topic.
    topic: tuple[str, ...] = ()
    carries: tuple[str, ...] = ()
    # topics whose words, right before the value, make it someone else's (a supervision line)
    excluding: tuple[str, ...] = ()
    # another document of the bundle may state it instead (the filing form names the newspaper
    # the announcement appeared in)
    in_bundle: bool = False
    # other fields that state the item as well, by their value or their printed labels (the
    # value basis of a lot: its appraisal, or the starting price a court set from it)
    also: tuple[str, ...] = ()
    # the value must be said with the topic's word, in the same sentence (engine/meaning.py)
    near: bool = False
    # a value said of one of these parties alone does not count (the buyer's commission is not
    # the consignor's), unless the words before it name ``by`` too
    not_by: tuple[str, ...] = ()
    by: str | None = None
    # a value said in the same phrase (between commas) as one of these topics is theirs (the
    # registration deadline, the exhibition's place), unless the phrase names ``of`` too
    not_of: tuple[str, ...] = ()
    of: str | None = None
    # a clause under one of these topics' label ("四、标的交付:…价款…7日内") is that topic's
    not_under: tuple[str, ...] = ()

    @field_validator("topic", mode="before")
    @classmethod
    def _one_topic(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _known_words(self) -> RequiredItem:
        check_names(
            (*self.topic, *self.excluding, *self.not_by, *self.not_of, *self.not_under,
             *filter(None, [self.by, self.of])),
            self.carries,
        )  # fmt: skip
        return self


class _Message(_Spec):
    # A check's own message, in place of the rule's (for checks combined under "all").
    message: str | None = None
    message_en: str | None = None


class RequiredCheck(_Message):
    type: Literal["required"]
    items: tuple[RequiredItem, ...] = Field(min_length=1)
    numbered: bool = False


class Amount(_Spec):
    """A bound: a fixed value, or ``ratio`` × another fact."""

    value: float | None = None
    ratio: float | None = None
    of: str | None = None
    param: str | None = None  # take the ratio/value from the rule's params
    # labels after which a read document states the ``of`` amount, when the reader has no fact
    of_text: tuple[str, ...] = ()


class BoundCheck(_Message):
    type: Literal["bound"]
    value: str
    min: Amount | None = None
    max: Amount | None = None
    scale: Literal["money", "percent", "count"] = "money"
    item: int | None = None  # the finding's item number (sides or steps of one requirement)


class DaysBy(_Spec):
    """A period whose length depends on a fact (a lot's property class): each value names the
    rule parameter that holds its number of days; the longest that applies is used."""

    fact: str
    params: dict[str, str]
    default: str | None = None  # the parameter for other values, or when the fact is absent
    # for a read document without the fact: value -> patterns that show it ("财产类别:不动产")
    text: dict[str, tuple[str, ...]] = Field(default_factory=dict)


class PlanStep(_Spec):
    """How ``paimai plan`` counts and shows a deadline rule: the event it counts from (the
    planner's names: ``auction_date``, ``auction_end``, ``announcement_date``,
    ``bidding_end``, ``buyer_determined``, ``draft_date``, ``published_date``,
    ``completion_date``, ``sale_date``, ``delivery_date``, ``contract_end``, ``month_end``,
    ``year_end``), how (``method``; by default from the check's direction and unit), the
    number (``n``; by default the check's ``days``, ``days_param`` or, for ``days_by``, the
    longest that applies to the lot type) and a plan row's title, with a note."""

    anchor: str
    method: (
        Literal[
            "days_before", "working_days_before", "latest_start", "latest_start_working",
            "days_after", "working_days_after", "months_after", "hours_after", "fixed_date",
            "years_after",
        ]
        | None
    ) = None  # fmt: skip
    n: int | None = None
    title: str
    title_en: str
    note: str = ""
    note_en: str = ""
    step: str | None = None  # the step's label when one rule has several (POST-S01 a, b, c)
    scopes: tuple[str, ...] = ()  # the scopes the planner lists it for (default: the rule's)
    meaning: Literal["deadline", "period_end", "not_before"] = "deadline"
    order: int = 100  # among deadlines due the same day


class DeadlineCheck(_Message):
    type: Literal["deadline"]
    action: str
    anchor: str
    direction: Literal["before", "after"]
    days: int | None = None
    days_param: str | None = None
    days_by: DaysBy | None = None
    min_days: int = 0  # at least this many days whatever a parameter says ("拍卖日前": 1)
    unit: Literal["day", "working_day", "hour", "month"] = "day"
    # latest: the action may not come after the computed day (a deadline);
    # earliest: it may not come before it (a minimum period, e.g. a 7-day announcement period).
    mode: Literal["latest", "earliest"] = "latest"
    roll: bool = True  # roll a last day on a statutory rest day forward (民法典 art. 203)
    # labels after which a read document states the date, when the reader has no such fact
    action_text: tuple[str, ...] = ()
    anchor_text: tuple[str, ...] = ()
    item: int | None = None  # the finding's item number (steps of one requirement)
    label: str = ""  # filled into the message as {label}
    label_en: str = ""
    plan: PlanStep | None = None  # how ``paimai plan`` lists it (rules/catalogue, docs)


class ChecklistCheck(_Message):
    type: Literal["checklist"]
    checklist: str


class BundleCheck(_Spec):
    type: Literal["bundle"]
    stages: dict[str, dict[str, tuple[str, ...]]]  # scope -> stage -> required kinds
    # the source of each required document: "SCOPE/kind" or "kind" -> basis (else the rule's)
    sources: dict[str, str] = Field(default_factory=dict)


class ManualCheck(_Message):
    """Something text cannot prove (a seal, a signature): always reported for a person to look."""

    type: Literal["manual"]
    prompt: str
    prompt_en: str = ""


class HookCheck(_Message):
    type: Literal["hook"]
    hook: str


class EngineCheck(_Spec):
    """A finding the engine itself emits (NO-TEXT, MODEL-INVALID, …): the rule documents it so
    that ``paimai explain`` works; running the rule checks nothing."""

    type: Literal["engine"]
    emitted_by: str  # where the finding comes from, for readers of the rule file


SimpleCheck = Annotated[
    RequiredCheck | BoundCheck | DeadlineCheck | ChecklistCheck | ManualCheck | HookCheck,
    Field(discriminator="type"),
]


class AllCheck(_Spec):
    """Several checks of one requirement under one rule ID (FILE-12: four documents and a
    deadline; POST-S01: three steps), each with its own message if it needs one."""

    type: Literal["all"]
    checks: tuple[SimpleCheck, ...] = Field(min_length=2)


Check = Annotated[
    RequiredCheck
    | BoundCheck
    | DeadlineCheck
    | ChecklistCheck
    | BundleCheck
    | ManualCheck
    | HookCheck
    | EngineCheck
    | AllCheck,
    Field(discriminator="type"),
]


class Explanation(_Spec):
    what: str
    why: str
    fix: str
    limits: str = "无"
    bad: str
    good: str


class CaseDocument(_Spec):
    """A submitted document given as text, one string per page."""

    file: str = "document.pdf"
    kind: str
    pages: tuple[str, ...] = Field(min_length=1)
    unreadable_pages: tuple[int, ...] = ()  # 1-based pages to treat as having no text layer


class Case(_Spec):
    """A passing or failing case, run by the test suite: an example model with changes, or a
    bundle of documents given as text."""

    name: str
    example: str | None = None  # a model name in examples/
    set: dict[str, Any] = Field(default_factory=dict)  # dotted path -> new value
    remove: tuple[str, ...] = ()
    documents: tuple[CaseDocument, ...] = ()
    stage: str | None = None
    scope: str | None = None
    # a user profile given inline (``extends``, ``rule_params`` …) in place of a built-in scope
    profile: dict[str, Any] | None = None
    expect: tuple[int | None, ...] = ()  # items expected (None for a rule without items)

    @model_validator(mode="after")
    def _one_source(self) -> Case:
        if (self.example is None) == (not self.documents):
            raise ValueError("每个用例须给出 example 或 documents 之一")
        return self


class Rule(_Spec):
    id: str
    name: str
    title: str
    title_en: str
    severity: Literal["error", "warning", "info"]
    scopes: tuple[str, ...]
    kinds: tuple[str, ...]
    basis: str
    confidence: Literal["verified", "verified (src doc)", "memory", "interpretation", "own"]
    needs_review: bool = False
    # about what a packet holds (a document or an original missing from it): reported only when
    # the user names the packet's stage, else listed apart in the report's 材料清单
    packet: bool = False
    check: Check
    # the rule applies only when ``when`` holds and ``unless`` does not (ANN-05: not for
    # perishable goods; PRICE-S02: only on a re-announcement)
    when: Condition | None = None
    unless: Condition | None = None
    message: str
    message_en: str
    params: dict[str, Any] = Field(default_factory=dict)
    explain: Explanation
    passing: tuple[Case, ...] = Field(min_length=1)
    failing: tuple[Case, ...] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+", value):
            raise ValueError("规则编号应形如 CONTRACT-04、ANN-J03")
        return value

    @field_validator("name")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", value):
            raise ValueError("规则名称应为 kebab-case，例如 contract-reserve-price-missing")
        return value

    @field_validator("scopes")
    @classmethod
    def _scopes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in value if s != "ALL" and s not in SCOPES]
        if unknown:
            raise ValueError(f"未知的适用范围：{unknown}")
        return value

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [k for k in value if k not in DOCUMENT_KINDS]
        if unknown:
            raise ValueError(f"未知的文书类型：{unknown}")
        return value

    def applies_to(self, scope: str | None) -> bool:
        return scope is None or "ALL" in self.scopes or scope in self.scopes


class RuleFile(_Spec):
    schema_version: Literal[1]
    rules: tuple[Rule, ...]


def load_rule_file(path: Path) -> tuple[Rule, ...]:
    """Load and validate one rule file; errors name the file, the rule and the field."""
    import yaml  # only here: a check reads the rules kept in the cache folder, not YAML

    try:
        data = load_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise RuleFileError(f"无法读取规则文件 {path.name}：{exc}") from None
    try:
        return RuleFile.model_validate(data).rules
    except ValidationError as exc:
        lines = []
        for error in exc.errors(include_url=False):
            loc = list(error["loc"])
            where = ".".join(str(part) for part in loc)
            if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
                rules = (data or {}).get("rules") or []
                rule_id = rules[loc[1]].get("id") if loc[1] < len(rules) else None
                where = f"{rule_id or f'第{loc[1] + 1}条'} › " + ".".join(map(str, loc[2:]))
            lines.append(f"  - {where}：{error['msg']}")
        raise RuleFileError(f"规则文件 {path.name} 有误：\n" + "\n".join(lines)) from None
