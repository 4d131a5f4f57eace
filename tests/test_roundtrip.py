"""One rule, two directions: a document we render must pass our own checker, and a model and
its rendered PDF must get the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from paimai_docs import pdf
from paimai_docs.engine import check_data, check_model, load_rules
from paimai_docs.models import MODELS
from paimai_docs.reading import read_bundle
from paimai_docs.render import render
from paimai_docs.validation import validate

from .conftest import load_example

missing = pdf.check_pdf_tools()
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(bool(missing), reason="；".join(missing) or "ok"),
]

SCOPE_OF = {
    "judicial_announcement": "JUD-OFF",
    "net_judicial_announcement": "JUD-NET",
    "state_asset_announcement": "SOA-ADM",
    "result_publicity": "SOA-ADM",
    "vehicle_handover": "VEH",
    "vehicle_disposal_authorization": "VEH",
    "failed_auction_report": "JUD-OFF",
    "completion_report": "JUD-OFF",
}


def _key(finding) -> tuple[str, int | None]:  # type: ignore[no-untyped-def]
    return (finding.rule, finding.item)


# Rules about what a whole bundle holds: a single rendered document is not a bundle.
# rules about the bundle, and the note of what a read document could not be checked on (a model
# states what it has)
BUNDLE_RULES = {rule.id for rule in load_rules() if "bundle" in rule.kinds} | {"NOT-CHECKED"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example rendered to .docx and converted to PDF in one LibreOffice start."""
    folder = tmp_path_factory.mktemp("roundtrip")
    documents = []
    for name in sorted(MODELS):
        documents.append(render(validate(name, load_example(name)), folder / f"{name}.docx"))
    pdfs = pdf.convert_to_pdf(documents, folder / "pdf")
    return {path.stem: path for path in pdfs}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_rendered_examples_pass_our_own_checker(rendered: dict[str, Path], name: str) -> None:
    from paimai_docs.engine import check_documents

    scope = SCOPE_OF.get(name, "COM")
    model = validate(name, load_example(name))
    assert [f for f in check_model(model, scope) if f.severity.value == "error"] == []
    bundle = read_bundle(rendered[name])
    (document,) = bundle.documents
    assert document.kind == model.document_kind, document.kind
    errors = [
        f
        for f in check_documents([document], scope)
        if f.severity.value == "error" and f.rule not in BUNDLE_RULES
    ]
    assert errors == [], [f"{f.rule} {f.item} {f.message}" for f in errors]


def test_the_same_contract_as_model_and_as_pdf_gets_the_same_findings(tmp_path: Path) -> None:
    from paimai_docs.engine import check_documents

    data = load_example("entrustment_contract")
    data["is_state_asset"] = True  # reserve 80,000 below the 86,000 appraisal: CONTRACT-15
    model, model_findings = check_data("entrustment_contract", data, "SOA-ADM")
    assert model is not None
    docx_path = render(model, tmp_path / "contract.docx", allow_findings=True)
    (pdf_path,) = pdf.convert_to_pdf([docx_path], tmp_path)
    (document,) = read_bundle(pdf_path).documents
    document_findings = check_documents([document], "SOA-ADM")

    def keys(findings) -> set[tuple[str, int | None]]:  # type: ignore[no-untyped-def]
        return {_key(f) for f in findings if f.rule not in BUNDLE_RULES}

    assert ("CONTRACT-15", None) in keys(model_findings)
    assert keys(model_findings) == keys(document_findings)


def test_amount_in_words_that_disagrees_is_found_in_model_and_pdf(tmp_path: Path) -> None:
    from paimai_docs.engine import check_documents

    data = load_example("sale_confirmation")
    data["total_amount_words"] = "人民币捌万玖仟元整"  # the figures say 89,250.00
    model, model_findings = check_data("sale_confirmation", data, "COM")
    assert model is not None
    assert ("AMOUNT-WORDS", None) in {_key(f) for f in model_findings}
    docx_path = render(model, tmp_path / "confirmation.docx", allow_findings=True)
    (pdf_path,) = pdf.convert_to_pdf([docx_path], tmp_path)
    (document,) = read_bundle(pdf_path).documents
    found = [f for f in check_documents([document], "COM") if f.rule == "AMOUNT-WORDS"]
    assert len(found) == 1 and found[0].page is not None, [f.message for f in found]
