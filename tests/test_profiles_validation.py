"""A user's profile is checked like code: unknown keys, rule IDs and parameters are refused
with the file, the line, the value and a "did you mean"; never a traceback."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paimai_docs.cli import main
from paimai_docs.engine.profiles import ProfileError, load_profile, profile_from_data

CONTRACT = Path(__file__).parent / "fixtures" / "reading" / "docx_sample.docx"

HEAD = "schema_version: 1\nid: mine\ntitle: 我的配置\nextends: COM\n"


def _profile(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _error(path: Path) -> ProfileError:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    return info.value


def test_a_good_profile_loads(tmp_path: Path) -> None:
    path = _profile(tmp_path, "ignore: [NO-TEXT]\nparams: {pre_filing_lead_days: 7}\n")
    profile = load_profile(path)
    assert "NO-TEXT" in profile.ignore and profile.params["pre_filing_lead_days"] == 7


def test_unknown_parameter_with_did_you_mean(tmp_path: Path) -> None:
    error = _error(_profile(tmp_path, "params:\n  pre_filing_lead_dayz: 7\n"))
    text = error.message("zh")
    assert "profile.yaml" in text and "第6行" in text and "pre_filing_lead_dayz" in text
    assert "是否想写 pre_filing_lead_days" in text
    assert "did you mean pre_filing_lead_days?" in error.message("en")


@pytest.mark.parametrize(
    ("body", "line", "value", "close"),
    [
        ("ignore: [NO-TEXTT]\n", 5, "NO-TEXTT", "NO-TEXT"),
        ("select: [ANN-1]\n", 5, "ANN-1", "ANN-01"),
        ("severity:\n  ANN-1: error\n", 6, "ANN-1", "ANN-01"),
        ("rule_params:\n  ANN-01: {lead_dayz: 5}\n", 6, "lead_dayz", "lead_days"),
        ("rule_params:\n  ANN-1: {lead_days: 5}\n", 6, "ANN-1", "ANN-01"),
        ("ignor: [NO-TEXT]\n", 5, "ignor", "ignore"),
    ],
)
def test_unknown_names(tmp_path: Path, body: str, line: int, value: str, close: str) -> None:
    text = _error(_profile(tmp_path, body)).message("zh")
    assert f"第{line}行" in text and value in text and f"是否想写 {close}" in text


def test_wrong_values_in_our_words(tmp_path: Path) -> None:
    text = _error(_profile(tmp_path, "severity: {ANN-01: fatal}\n")).message("zh")
    assert "第5行" in text and "fatal" in text and "Input should" not in text
    path = tmp_path / "p.yaml"
    path.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    text = _error(path).message("zh")
    assert "title：缺少此项" in text and "Field required" not in text


def test_profile_override_cannot_be_ignored(tmp_path: Path) -> None:
    text = _error(_profile(tmp_path, "ignore: [PROFILE-OVERRIDE]\n")).message("zh")
    assert "不能忽略" in text


def test_inline_profiles_are_checked_too() -> None:
    with pytest.raises(ProfileError):
        profile_from_data({"title": "t", "extends": "COM", "params": {"lead_dayz": 1}})


def test_cli_bad_profile_exits_2_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(CONTRACT, folder / "合同.docx")
    path = _profile(tmp_path, "params:\n  pre_filing_lead_dayz: 7\n")
    try:
        code = main(["check", str(folder), str(folder), "--profile", str(path)])
    except SystemExit as exc:  # pragma: no cover
        code = int(exc.code or 0)
    _out, err = capsys.readouterr()
    assert code == 2 and err.count("pre_filing_lead_dayz") == 1 and "Traceback" not in err


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_text_is_a_profile_error_or_a_profile(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(ProfileError):
        load_profile(path)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(
        st.text(max_size=200).map(lambda t: HEAD + t),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(
                    st.sampled_from(
                        ["ignore", "severity", "params", "rule_params", "select", "scope", "x"]
                    ),
                    inner,
                    max_size=3,
                )
            ),
            max_leaves=10,
        ).map(lambda v: HEAD + "params: " + repr(v) + "\n"),
    )
)
def test_any_profile_body_is_a_profile_error_or_a_profile(tmp_path: Path, text: str) -> None:
    path = tmp_path / "body.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(ProfileError):
        load_profile(path)
