"""JSON Schema is part of the public contract: snapshot-tested, and every example validates
against its model's schema with an independent validator.

Regenerate the snapshots after an intended change with ``PAIMAI_UPDATE_SNAPSHOTS=1 pytest``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from paimai_docs.models import MODELS
from paimai_docs.schema import json_schema

from .conftest import load_example

SNAPSHOTS = Path(__file__).parent / "snapshots" / "schema"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_matches_snapshot(name: str) -> None:
    schema = json_schema(MODELS[name])
    text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("PAIMAI_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot for {name}: run with PAIMAI_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), f"schema of {name} changed"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_example_validates_against_the_published_schema(name: str) -> None:
    schema = json_schema(MODELS[name])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(load_example(name))


def test_schema_carries_labels_and_synonyms() -> None:
    schema = json_schema(MODELS["entrustment_contract"])
    venue = schema["properties"]["auction_venue"]
    assert venue["title"] == "拍卖地点" and venue["x-label"] == "拍卖地点"
    assert "拍卖会地点" in venue["x-synonyms"]
    assert "auction_venue" in schema["required"]
