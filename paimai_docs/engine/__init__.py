"""The rules engine: rules as data (``rules/catalogue``), profiles (``rules/profiles``), one
engine for models and submitted documents."""

from .engine import (
    Context,
    check_data,
    check_documents,
    check_model,
    get_rule,
    infer_stage,
    load_rules,
)
from .findings import Finding, Severity
from .profiles import Profile, load_profile
from .scope import infer_scope_from_documents, infer_scope_from_models
from .spec import Rule, RuleFileError

__all__ = [
    "Context",
    "Finding",
    "Profile",
    "Rule",
    "RuleFileError",
    "Severity",
    "check_data",
    "check_documents",
    "check_model",
    "get_rule",
    "infer_scope_from_documents",
    "infer_scope_from_models",
    "infer_stage",
    "load_profile",
    "load_rules",
]
