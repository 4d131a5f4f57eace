"""The rules engine: rules as data (``rules/catalogue``), profiles (``rules/profiles``), one
engine for models and submitted documents."""

from .context import Context
from .engine import check_data, check_documents, check_model, infer_stage
from .findings import Finding, Severity
from .profiles import Profile, load_profile
from .registry import get_rule, load_rules, unchecked_requirements
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
    "unchecked_requirements",
]
