"""What every report shows the same way: document titles, masking, ordering, labels, and values
written as a person reads them.

One place for the words a report shows for things the program names in code:

* a fact's name -> its printed label (:func:`fact_label`): the ``x-label`` of the model field it
  is named for (the models of the document's kind first), else ``rules/facts.yaml``; English
  labels from ``rules/facts.yaml``;
* a fact's value -> text (:func:`fact_text`): 是/否 (yes/no), rates as percentages (3%), amounts
  as 1,234.00元 (CNY 1,234.00), machine values such as ``movable`` by their label, dates and
  times in the one date format of the reports (:func:`date_text`);
* dates: Chinese 2026年3月5日 (``values.dates.format_date``), English ISO 2026-03-05, the form the
  English finding messages use;
* a read problem -> our words (:func:`problem_text`), never a library's exception text;
* a finding's message in English without Chinese mixed in (:func:`finding_text`);
* counts with their noun (:func:`count`): ``1 document``, ``2 documents``.

JSON keeps machine names and typed values (:func:`fact_data`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from .. import rx
from ..engine import Finding, Rule
from ..lang import say
from ..reading.privacy import mask_text
from ..reading.types import Document, Fact, ReadProblem
from ..values.dates import format_date
from ..values.pages import page_ranges as page_ranges
from ..vocabulary import FACT_VALUES, KINDS, READ_PROBLEMS, SEVERITIES, STAGES, YES_NO

# the names of kinds, stages and severities: written once, in paimai_docs.vocabulary
KIND_TITLES = KINDS
STAGE_TITLES = STAGES
SEVERITY_TITLES = SEVERITIES

# Chinese characters and the full-width punctuation that goes with them
CJK = rx.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# text a message quotes from a document: “…”, «…», 「…」
_QUOTED = rx.compile(r"“[^”]*”|«[^»]*»|「[^」]*」|《[^》]*》")


def pick(pair: tuple[str, str], lang: str) -> str:
    return say(pair[0], pair[1], lang)


def kind_title(kind: str, lang: str = "zh") -> str:
    return pick(KIND_TITLES.get(kind, (kind, kind)), lang)


def safe(text: str | None, show_personal_data: bool) -> str:
    """``text`` with ID, phone and bank numbers masked unless asked otherwise."""
    if not text:
        return ""
    return text if show_personal_data else mask_text(text)


def findings_by_file(findings: Iterable[Finding]) -> dict[str | None, list[Finding]]:
    grouped: dict[str | None, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.file, []).append(finding)
    for items in grouped.values():
        items.sort(key=lambda f: (f.page or 0, -f.severity.rank, f.rule, f.item or 0))
    return grouped


def document_order(documents: Iterable[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: d.file)


# ------------------------------------------------------------------------------------------
# Numbers of things


_PLURALS = {"copy": "copies", "entry": "entries", "info": "info"}


def count(n: int, noun: str, lang: str = "en", zh: str = "") -> str:
    """``1 document``, ``2 documents`` (``lang="zh"``: ``{n}{zh}``, e.g. ``3份``)."""
    english = f"{n} {noun}" if n == 1 else f"{n} {_PLURALS.get(noun, noun + 's')}"
    return say(f"{n}{zh}", english, lang)


# ------------------------------------------------------------------------------------------
# Dates


def date_text(value: dt.date, lang: str = "zh") -> str:
    """The one date format of the reports: 2026年3月5日, or ISO 2026-03-05 in English."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return say(_date_zh, dt.date.isoformat, lang)(value)


def _date_zh(value: dt.date) -> str:
    return format_date(value, "zh")


def datetime_text(value: dt.datetime, lang: str = "zh") -> str:
    return f"{date_text(value, lang)} {value:%H:%M}"


_PADDED_ZH = rx.compile(r"(\d{4})年0?(\d{1,2})月0?(\d{1,2})日")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_EN = rx.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b"
)
_ISO_IN_ZH = rx.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def dates_in_text(text: str, lang: str = "zh") -> str:
    """Dates written in the report's one format inside a text the engine wrote (a deadline's
    counting): 2026年03月03日 -> 2026年3月3日; Tue 3 Mar 2026 -> 2026-03-03 (Tue)."""
    return say(_dates_in_text_zh, _dates_in_text_en, lang)(text)


def _dates_in_text_zh(text: str) -> str:
    return _PADDED_ZH.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", text)


def _dates_in_text_en(text: str) -> str:
    def english(match: re.Match[str]) -> str:
        day = dt.date(int(match[4]), _MONTHS.index(match[3]) + 1, int(match[2]))
        return f"{day.isoformat()} ({match[1]})"

    return _DAY_EN.sub(english, text)


def due_text(due: object, lang: str = "zh") -> str:
    """A finding's ``details["due"]`` (ISO) in the report's date format."""
    try:
        return date_text(dt.date.fromisoformat(str(due)[:10]), lang)
    except ValueError:
        return str(due)


# ------------------------------------------------------------------------------------------
# Facts


@functools.lru_cache(maxsize=4096)
def fact_label(kind: str, name: str, lang: str = "zh") -> str:
    """The printed label of the fact ``name`` of a document of ``kind``: the model field's
    ``x-label`` for that kind, else ``rules/facts.yaml``, else any model's label; English from
    ``rules/facts.yaml``. A ``<name>_words`` fact without a label of its own is the amount's
    label with （大写）."""
    from ..engine.subjects import reader_fact_labels

    own = reader_fact_labels().get(name) or {}
    found = say(_own_label_zh, _own_label_en, lang)(kind, name, own)
    if found:
        return str(found)
    if name.endswith("_words"):
        base = fact_label(kind, name.removesuffix("_words"), lang)
        return base + say("（大写）", " (in words)", lang)
    return name.replace("_", " ")


def _own_label_zh(kind: str, name: str, own: dict[str, str]) -> str | None:
    from ..engine.subjects import any_field_label
    from ..model_index import field_labels

    labels = field_labels(kind, name)
    return labels[0] if labels else own.get("zh") or any_field_label(kind, name)


def _own_label_en(kind: str, name: str, own: dict[str, str]) -> str | None:
    from ..engine.subjects import any_field_label

    return own.get("en") or any_field_label(kind, name, "en")


def _is_rate(name: str) -> bool:
    return "rate" in name.split("_")


def money_text(value: Decimal, lang: str = "zh") -> str:
    """1,234.00元, or CNY 1,234.00 in English: the form the findings' messages use."""
    from ..values.money import format_figures

    try:
        figures = format_figures(value)
    except ValueError:
        figures = str(value)
    return say(f"{figures}元", f"CNY {figures}", lang)


def percent_text(value: Decimal, lang: str = "zh") -> str:
    from ..values.percent import format_percent

    try:
        return format_percent(value, say("zh_CN", "en_US", lang))
    except ValueError:
        return f"{value * 100:f}".rstrip("0").rstrip(".") + "%"


def fact_text(name: str, value: Any, lang: str = "zh", show_personal_data: bool = False) -> str:
    """A fact's value as a person reads it, in ``lang``; personal numbers masked unless asked."""
    if isinstance(value, bool):
        return pick(YES_NO[value], lang)
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return datetime_text(value, lang)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, Decimal):
        return percent_text(value, lang) if _is_rate(name) else money_text(value, lang)
    if isinstance(value, (int, float)):
        return str(value)
    masked = getattr(value, "masked", None)
    if callable(masked) and not show_personal_data:
        return str(masked())
    text = str(value)
    if text in FACT_VALUES:
        return pick(FACT_VALUES[text], lang)
    return safe(text, show_personal_data)


def fact_data(fact: Fact, show_personal_data: bool = False) -> dict[str, Any]:
    """A fact as JSON: machine name, typed value (bool, int, Decimal as a string, dates ISO),
    personal numbers masked unless asked."""
    data = fact.to_dict()
    if show_personal_data:
        return data
    masked = getattr(fact.value, "masked", None)
    if callable(masked):
        data["value"] = masked()
    elif isinstance(data["value"], str):
        data["value"] = mask_text(data["value"])
    data["evidence"] = mask_text(data["evidence"]) if data["evidence"] else data["evidence"]
    return data


def fact_value(value: Any) -> str:
    """A value as plain text (kept for callers outside the reports; reports use
    :func:`fact_text`)."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


# ------------------------------------------------------------------------------------------
# Messages


_LIBRARY_TAIL = rx.compile(r"[:：]\s*[^\u4e00-\u9fff]*[A-Za-z]{2}[^\u4e00-\u9fff]*$")
_LIBRARY_ASIDE = rx.compile(r"[（(][^（）()]*[A-Za-z]{3}[^（）()]*[）)]")


def problem_text(problem: ReadProblem, lang: str = "zh") -> str:
    """Why a file could not be read, in our words: the reader's Chinese message without the
    library's exception text it may carry (``不是有效的 zip 压缩包（File is not a zip file）``),
    or, in English, the problem's name."""
    return say(_problem_text_zh, _problem_text_en, lang)(problem)


def _problem_text_zh(problem: ReadProblem) -> str:
    text = _LIBRARY_ASIDE.sub("", problem.message)
    text = _LIBRARY_TAIL.sub("", text).strip(" ：:，,")
    if not text or not CJK.search(text):
        return pick(READ_PROBLEMS.get(problem.code, ("无法读取", "")), "zh")
    return text


def _problem_text_en(problem: ReadProblem) -> str:
    return pick(READ_PROBLEMS.get(problem.code, ("", "cannot be read")), "en")


def has_chinese(text: str) -> bool:
    """Whether ``text`` has Chinese outside what it quotes (“…”, «…», 「…」, 《…》)."""
    return bool(CJK.search(_QUOTED.sub("", text)))


def finding_text(
    finding: Finding, rule: Rule | None, lang: str = "zh", show_personal_data: bool = False
) -> tuple[str, bool]:
    """A finding's message in ``lang``, and whether it is only the rule's title because the
    English message is missing or mixes in Chinese (a report then says once that the details
    are in Chinese only)."""
    text = finding.text(lang)
    mixed = say(False, not finding.message_en or has_chinese(finding.message_en), lang)
    if mixed and rule is not None and rule.title_en and not has_chinese(rule.title_en):
        return rule.title_en, True
    return safe(dates_in_text(text, lang), show_personal_data), False


CHINESE_ONLY_NOTE = (
    "Legal citations are given in Chinese, as the rules cite them; where a finding's details "
    "exist only in Chinese, the rule's title is shown (run with --lang zh for the details)."
)
