"""Reading bundles: folders, zips (safely), lists of files, and the manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import io
import json
import os
import shutil
import sys
import types
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from paimai_docs.errors import InvalidValue
from paimai_docs.reading import Bundle, BundleReader, Fact, Limits, read_bundle
from paimai_docs.reading.bundle import NOTE_CODES, decode_member_name

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
GOOD_PDF = FIXTURES / "cid_stsong_announcement.pdf"
SMALL_PDF = FIXTURES / "cff_type1c_no_tounicode.pdf"


@pytest.fixture(scope="module")
def reader() -> Iterator[BundleReader]:
    with BundleReader() as shared:
        yield shared


def codes(bundle: Bundle) -> dict[str, str]:
    return {problem.file: problem.code for problem in bundle.problems}


def files(bundle: Bundle) -> list[str]:
    return [document.file for document in bundle.documents]


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every path under ``root`` with the hash and mtime of its content."""
    state = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[path.relative_to(root).as_posix()] = (digest, path.stat().st_mtime_ns)
        else:
            state[path.relative_to(root).as_posix()] = ("dir-or-link", 0)
    return state


def stub(monkeypatch: pytest.MonkeyPatch, module: str, name: str, value: object) -> None:
    """Replace ``paimai_docs.reading.<module>.<name>``, creating the module if it does not exist
    yet (the normaliser, classifier and fact extractor are written separately)."""
    full = f"paimai_docs.reading.{module}"
    try:
        target = importlib.import_module(full)
    except ModuleNotFoundError:
        target = types.ModuleType(full)
        monkeypatch.setitem(sys.modules, full, target)
    monkeypatch.setattr(target, name, value, raising=False)


def make_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


# --------------------------------------------------------------------------------------------
# Folders


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    root = tmp_path / "案件 材料"
    (root / "附件").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "__MACOSX").mkdir()
    shutil.copy(GOOD_PDF, root / "拍卖公告.pdf")
    shutil.copy(FIXTURES / "docx_sample.docx", root / "附件" / "合同.docx")
    shutil.copy(FIXTURES / "broken_encrypted.pdf", root / "附件" / "成交确认书.pdf")
    shutil.copy(FIXTURES / "zip_nested.zip", root / "附件" / "其他.zip")
    (root / ".git" / "config").write_text("x", encoding="utf-8")
    (root / "__MACOSX" / "._拍卖公告.pdf").write_bytes(b"junk")
    (root / "Thumbs.db").write_bytes(b"junk")
    (root / "~$合同.docx").write_bytes(b"junk")
    (root / "旧合同.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # cut short: not a Word file
    (root / "照片.JPG").write_bytes(b"\xff\xd8\xff")  # cut short: not an image
    (root / "标的清单.xlsx").write_bytes(b"PK\x03\x04")
    (root / "说明.txt").write_text("x", encoding="utf-8")
    (root / "公告.ofd").write_bytes(b"PK\x03\x04")
    return root


def test_a_folder(reader: BundleReader, case_folder: Path) -> None:
    before = snapshot(case_folder.parent)
    bundle = reader.read_bundle(case_folder)
    assert files(bundle) == [
        "拍卖公告.pdf",
        "旧合同.doc",
        "照片.JPG",
        "附件/其他.zip/inner.zip/合同.pdf",
        "附件/其他.zip/top.pdf",
        "附件/合同.docx",
        "附件/成交确认书.pdf",
    ]
    assert codes(bundle) == {
        "公告.ofd": "unsupported_file",
        "标的清单.xlsx": "not_read",
        "说明.txt": "not_read",
        "附件/其他.zip/inner.zip/deeper.zip": "zip_nested_too_deep",
    }
    problems = {d.file: [p.code for p in d.problems] for d in bundle.documents if d.problems}
    assert problems == {
        "旧合同.doc": ["corrupt"],
        "照片.JPG": ["corrupt"],
        "附件/成交确认书.pdf": ["encrypted"],
    }
    assert bundle.source == str(case_folder)
    assert snapshot(case_folder.parent) == before  # nothing written, nothing touched


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_symlinks_in_a_folder(tmp_path: Path, reader: BundleReader) -> None:
    outside = tmp_path / "outside.pdf"
    shutil.copy(GOOD_PDF, outside)
    root = tmp_path / "case"
    (root / "sub").mkdir(parents=True)
    shutil.copy(GOOD_PDF, root / "real.pdf")
    (root / "inside.pdf").symlink_to(root / "real.pdf")
    (root / "escape.pdf").symlink_to(outside)
    (root / "dangling.pdf").symlink_to(tmp_path / "missing.pdf")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub" / "up").symlink_to(root / "sub", target_is_directory=True)
    (root / "sub" / "again").symlink_to(root / "loop", target_is_directory=True)
    (root / "same").symlink_to(root / "sub", target_is_directory=True)
    (root / "a.pdf").symlink_to(root / "b.pdf")
    (root / "b.pdf").symlink_to(root / "a.pdf")
    bundle = reader.read_bundle(root)
    assert files(bundle) == ["inside.pdf", "real.pdf"]
    assert codes(bundle) == {
        "escape.pdf": "symlink_skipped",
        "dangling.pdf": "symlink_skipped",
        "loop": "symlink_loop",
        "sub/up": "symlink_loop",
        "sub/again": "symlink_loop",
        "same": "symlink_duplicate",
        "a.pdf": "symlink_loop",
        "b.pdf": "symlink_loop",
    }
    assert {"symlink_loop", "symlink_duplicate"} <= NOTE_CODES


def test_a_list_of_files(reader: BundleReader, tmp_path: Path) -> None:
    bundle = reader.read_bundle([GOOD_PDF, FIXTURES / "zip_gbk_names.zip", tmp_path / "nope.pdf"])
    assert files(bundle) == sorted(
        [
            str(GOOD_PDF),
            f"{FIXTURES / 'zip_gbk_names.zip'}/公告/拍卖公告.pdf",
            f"{FIXTURES / 'zip_gbk_names.zip'}/委托拍卖合同.pdf",
            f"{FIXTURES / 'zip_gbk_names.zip'}/成交确认书.pdf",
        ]
    )
    assert codes(bundle) == {str(tmp_path / "nope.pdf"): "not_found"}


def test_the_same_file_twice_is_read_once(reader: BundleReader) -> None:
    assert len(reader.read_bundle([GOOD_PDF, GOOD_PDF]).documents) == 1


@pytest.mark.parametrize(
    "bad",
    [{"max_files": -1}, {"timeout_seconds": 0}, {"max_pages": "10"}, {"max_compression_ratio": 0}],
)
def test_limits_are_checked(bad: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue):
        Limits(**bad)


def test_too_many_files(tmp_path: Path) -> None:
    for index in range(4):
        shutil.copy(SMALL_PDF, tmp_path / f"{index}.pdf")
    bundle = read_bundle(tmp_path, limits=Limits(max_files=2))
    assert files(bundle) == ["0.pdf", "1.pdf"]
    assert list(codes(bundle).values()) == ["too_many_files"]


# --------------------------------------------------------------------------------------------
# Zips


def test_gbk_names_are_decoded(reader: BundleReader) -> None:
    bundle = reader.read_bundle(FIXTURES / "zip_gbk_names.zip")
    assert files(bundle) == ["公告/拍卖公告.pdf", "委托拍卖合同.pdf", "成交确认书.pdf"]
    assert bundle.problems == ()
    assert all(document.pages for document in bundle.documents)


@pytest.mark.parametrize(
    ("raw", "flags", "expected"),
    [
        ("委托合同.pdf".encode("gbk"), 0, "委托合同.pdf"),
        ("委托合同.pdf".encode(), 0, "委托合同.pdf"),  # UTF-8 without the flag
        ("車輛.pdf".encode("gb18030"), 0, "車輛.pdf"),
        (b"a\\b.pdf", 0, "a/b.pdf"),
        (b"plain.pdf", 0, "plain.pdf"),
        (b"\x81", 0, "ü"),  # neither UTF-8 nor GB 18030: cp437 as zipfile reads it
    ],
)
def test_decode_member_name(raw: bytes, flags: int, expected: str) -> None:
    info = zipfile.ZipInfo(raw.decode("cp437"))
    info.orig_filename = raw.decode("cp437")
    info.flag_bits = flags
    assert decode_member_name(info) == expected


def test_decomposed_names_are_composed() -> None:
    info = zipfile.ZipInfo("cafe\u0301.pdf")
    info.flag_bits = 0x800
    assert decode_member_name(info) == "café.pdf"


def test_unsafe_zip_paths(reader: BundleReader, tmp_path: Path) -> None:
    work = tmp_path / "work" / "deep"
    work.mkdir(parents=True)
    shutil.copy(FIXTURES / "zip_unsafe_paths.zip", work / "bundle.zip")
    before = snapshot(tmp_path)
    absolute_existed = Path("/tmp/absolute.pdf").exists()
    cwd = os.getcwd()
    os.chdir(work)
    try:
        bundle = reader.read_bundle("bundle.zip")
    finally:
        os.chdir(cwd)
    assert files(bundle) == ["ok/公告.pdf"]
    assert codes(bundle) == {
        "../escape.pdf": "zip_path_escape",
        "/tmp/absolute.pdf": "zip_path_escape",
        "C:/Windows/drive.pdf": "zip_path_escape",
        "link.pdf": "zip_symlink",
    }
    assert snapshot(tmp_path) == before
    assert Path("/tmp/absolute.pdf").exists() == absolute_existed


def test_zip_bomb_fixture(reader: BundleReader) -> None:
    bundle = reader.read_bundle(FIXTURES / "zip_bomb.zip")
    assert bundle.documents == ()
    assert codes(bundle) == {str(FIXTURES / "zip_bomb.zip"): "zip_bomb"}  # the input as given


def test_zip_limits(tmp_path: Path) -> None:
    incompressible = {f"{i}.pdf": os.urandom(1 << 20) for i in range(3)}
    archive = make_zip(tmp_path / "big.zip", incompressible)
    bundle = read_bundle(archive, limits=Limits(max_total_uncompressed_bytes=2 << 20))
    assert codes(bundle) == {str(archive): "zip_bomb"} and bundle.documents == ()
    bundle = read_bundle(archive, limits=Limits(max_zip_members=2))
    assert codes(bundle) == {str(archive): "zip_too_many_members"}
    bundle = read_bundle(archive, limits=Limits(max_file_size=1000))
    assert {d.file: [p.code for p in d.problems] for d in bundle.documents} == {
        name: ["too_large"] for name in incompressible
    }


def test_nested_zip_depth(tmp_path: Path) -> None:
    nested = FIXTURES / "zip_nested.zip"
    bundle = read_bundle(nested, limits=Limits(max_nesting_depth=0))
    assert files(bundle) == ["top.pdf"]
    assert codes(bundle) == {"inner.zip": "zip_nested_too_deep"}
    bundle = read_bundle(nested, limits=Limits(max_nesting_depth=2))
    assert files(bundle) == ["inner.zip/deeper.zip/too_deep.pdf", "inner.zip/合同.pdf", "top.pdf"]
    assert bundle.problems == ()


def test_nested_zips_share_one_budget(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.pdf", os.urandom(600 << 10))
    outer = make_zip(
        tmp_path / "outer.zip",
        {"one.zip": inner.getvalue(), "two.zip": inner.getvalue()},
        zipfile.ZIP_STORED,
    )
    # Each inner zip alone fits in 2 MiB; with the outer zip's own entries they do not.
    bundle = read_bundle(outer, limits=Limits(max_total_uncompressed_bytes=2 << 20))
    assert "zip_bomb" in codes(bundle).values()


def test_bad_zips(tmp_path: Path, reader: BundleReader) -> None:
    (tmp_path / "empty.zip").write_bytes(b"")
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    encrypted = make_zip(tmp_path / "enc.zip", {"a.pdf": GOOD_PDF.read_bytes()})
    data = bytearray(encrypted.read_bytes())
    data[6] |= 1  # the local header's "encrypted" flag
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1  # and the central directory's
    encrypted.write_bytes(bytes(data))
    bundle = reader.read_bundle(tmp_path)
    assert codes(bundle) == {"empty.zip": "empty_file", "junk.zip": "corrupt"}
    (document,) = bundle.documents
    assert (document.file, document.problems[0].code) == ("enc.zip/a.pdf", "encrypted")


def test_duplicate_names_in_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as handle, pytest.warns(UserWarning):
        handle.writestr("a.pdf", SMALL_PDF.read_bytes())
        handle.writestr("a.pdf", SMALL_PDF.read_bytes())
    bundle = read_bundle(archive)
    assert files(bundle) == ["a.pdf"]
    assert codes(bundle) == {"a.pdf": "zip_duplicate_name"}


# --------------------------------------------------------------------------------------------
# Manifest

MANIFEST: dict[str, Any] = {
    "schema_version": 1,
    "files": {
        "扫描/确认书.pdf": {
            "kind": "sale_confirmation",
            "facts": {
                "auction_datetime": "2026-10-09T09:30",
                "publish_date": "2026-09-20",
                "deposit_amount": 200000.50,
                "lot_count": 3,
                "buyer": "李某某",
            },
        },
        "not_there.pdf": {"kind": "announcement"},
    },
}


def test_manifest_supplies_kind_and_facts(tmp_path: Path, reader: BundleReader) -> None:
    (tmp_path / "扫描").mkdir()
    shutil.copy(FIXTURES / "broken_encrypted.pdf", tmp_path / "扫描" / "确认书.pdf")
    (tmp_path / "manifest.json").write_text(json.dumps(MANIFEST, ensure_ascii=False), "utf-8")
    bundle = reader.read_bundle(tmp_path)
    (document,) = bundle.documents
    assert (document.kind, document.kind_confidence) == ("sale_confirmation", 1.0)
    assert [p.code for p in document.problems] == ["encrypted"]  # still said
    by_name = {fact.name: fact for fact in document.facts}
    assert by_name["auction_datetime"] == Fact(
        "auction_datetime", dt.datetime(2026, 10, 9, 9, 30), 1, "manifest", "manifest"
    )
    assert by_name["publish_date"].value == dt.date(2026, 9, 20)
    assert by_name["deposit_amount"].value == Decimal("200000.50")
    assert by_name["lot_count"].value == 3 and by_name["buyer"].value == "李某某"
    assert codes(bundle) == {"manifest.json": "manifest_unknown_file"}


def test_manifest_does_not_override_what_the_text_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub(monkeypatch, "classify", "classify", lambda pages: ("announcement", 0.9, "公告"))
    found = Fact("deposit_amount", Decimal(1), 1, "保证金1元", "保证金")
    stub(monkeypatch, "facts", "extract_facts", lambda pages: [found])
    shutil.copy(GOOD_PDF, tmp_path / "a.pdf")
    manifest = {"files": {"a.pdf": {"kind": "sale_confirmation", "facts": {"deposit_amount": 2}}}}
    (tmp_path / "paimai.json").write_text(json.dumps(manifest), "utf-8")
    (document,) = read_bundle(tmp_path).documents
    assert (document.kind, document.facts) == ("announcement", (found,))


def test_yaml_manifest_in_a_zip_with_one_top_folder(tmp_path: Path) -> None:
    manifest = "files:\n  扫描/确认书.pdf:\n    kind: sale_confirmation\n"
    archive = make_zip(
        tmp_path / "case.zip",
        {
            "案件/manifest.yaml": manifest.encode(),
            "案件/扫描/确认书.pdf": b"",  # unreadable: the manifest says what it is
        },
    )
    bundle = read_bundle(archive)
    (document,) = bundle.documents
    assert document.file == "案件/扫描/确认书.pdf"
    assert document.kind == "sale_confirmation"
    assert bundle.problems == ()


def test_manifest_describes_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "签字页.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    (tmp_path / "其他.gif").write_bytes(b"GIF89a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "manifest.json").write_text("{}", "utf-8")
    manifest = {"files": {"签字页.heic": {"kind": "sale_confirmation", "facts": {"buyer": "李某"}}}}
    (tmp_path / "paimai.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    (tmp_path / "manifest.json").write_text("{}", "utf-8")
    bundle = read_bundle(tmp_path)
    (document,) = bundle.documents
    expected = ("签字页.heic", "sale_confirmation", ())
    assert (document.file, document.kind, document.pages) == expected
    assert [p.code for p in document.problems] == ["not_read"]
    assert [(f.name, f.value, f.evidence) for f in document.facts] == [
        ("buyer", "李某", "manifest")
    ]
    assert codes(bundle) == {
        "其他.gif": "not_read",
        "manifest.json": "manifest_ignored",
        "sub/manifest.json": "manifest_ignored",
    }


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("manifest.json", "{not json"),
        ("manifest.json", '{"files": []}'),
        ("manifest.json", '{"files": {"a.pdf": {"kind": "contract"}}}'),
        ("manifest.json", '{"files": {"a.pdf": {"facts": {"Bad Name": 1}}}}'),
        ("manifest.json", '{"files": {"a.pdf": {"facts": {"x": [1, 2]}}}}'),
        ("manifest.yaml", "a: &a [1]\nfiles: {x.pdf: {facts: {v: *a}}}\n"),
        ("manifest.yaml", "files: [unclosed\n"),
    ],
    ids=["syntax", "files-list", "kind", "fact-name", "fact-value", "yaml-alias", "yaml-syntax"],
)
def test_invalid_manifest(tmp_path: Path, name: str, content: str) -> None:
    shutil.copy(SMALL_PDF, tmp_path / "a.pdf")
    (tmp_path / name).write_text(content, "utf-8")
    bundle = read_bundle(tmp_path)
    assert codes(bundle) == {name: "manifest_invalid"}
    assert files(bundle) == ["a.pdf"]  # the bundle is still read


# --------------------------------------------------------------------------------------------
# The normaliser, classifier and fact extractor are called (whatever they return)


def test_the_pipeline_is_called(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    stub(monkeypatch, "normalize", "normalize", lambda text: "N:" + text)

    def classify(pages: list[str]) -> tuple[str, float, str]:
        seen["classify"] = pages
        return "announcement", 0.5, "T"

    def extract_facts(pages: list[tuple[int, str, str]]) -> list[Fact]:
        seen["facts"] = pages
        return [Fact("x", 1, 1, "e")]

    stub(monkeypatch, "classify", "classify", classify)
    stub(monkeypatch, "facts", "extract_facts", extract_facts)
    with BundleReader(isolation="inline") as inline:
        document = inline.read_document(FIXTURES / "scanned_mixed.pdf")
    assert (document.kind, document.kind_confidence, document.title) == ("announcement", 0.5, "T")
    assert document.facts == (Fact("x", 1, 1, "e"),)
    assert seen["classify"][0].startswith("N:") and len(seen["classify"]) == 2
    assert [number for number, _, _ in seen["facts"]] == [1]  # usable pages only
    assert seen["facts"][0][2] == "N:" + seen["facts"][0][1]


def test_missing_pipeline_modules_are_a_problem_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for module in ("classify", "facts", "normalize"):
        monkeypatch.setitem(sys.modules, f"paimai_docs.reading.{module}", None)
    with BundleReader(isolation="inline") as inline:
        document = inline.read_document(GOOD_PDF)
    assert (document.kind, document.facts) == ("unknown", ())
    assert [p.code for p in document.problems] == ["internal_error"]
    assert document.pages[0].normalized == document.pages[0].text


def test_a_bug_in_the_pipeline_is_a_problem_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(pages: object) -> list[Fact]:
        raise ZeroDivisionError("oops")

    stub(monkeypatch, "facts", "extract_facts", broken)
    document = read_bundle(GOOD_PDF).documents[0]
    assert [p.code for p in document.problems] == ["internal_error"]
    assert document.pages  # the text is still there
