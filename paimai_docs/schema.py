"""JSON Schema of the document models (part of the public contract; snapshot-tested)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document model's input."""
    schema = model.model_json_schema(mode="validation")
    name = getattr(model, "model_name", model.__name__)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:paimai-docs:schema:{name}",
        **schema,
        "title": getattr(model, "title", schema.get("title")),
    }
