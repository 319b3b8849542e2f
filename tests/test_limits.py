"""Limits with clear errors: a document over the size limit, a zip entry that expands too far
(a zip bomb, or one that lies about its size), an entry path that leaves its folder, an
archive inside an archive, an encrypted entry, JSON nested too deep and text that is not
Unicode are each refused with one line naming the document; the rest of the build goes on.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import zipfile

import pytest
from conftest import SEEDS, TESTS, run_kg

from kg.errors import DocumentError
from kg.read import read_bytes, read_path
from kg.read.limits import LIMITS, Limits

STUDY = TESTS / "data" / "ctgov-json" / "NCT00184067.json"
PAGE = SEEDS / "000_611aa22ea74317fe.txt"


def archive(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zipped:
        for name, data in entries.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


def patched(data: bytes, *, flags: int | None = None, size: int | None = None) -> bytes:
    """An archive of one entry whose headers say other than the truth: encrypted, or another size."""
    patched = bytearray(data)
    local, central = patched.find(b"PK\x03\x04"), patched.find(b"PK\x01\x02")
    if flags is not None:
        struct.pack_into("<H", patched, local + 6, flags)
        struct.pack_into("<H", patched, central + 8, flags)
    if size is not None:
        struct.pack_into("<I", patched, local + 22, size)
        struct.pack_into("<I", patched, central + 24, size)
    return bytes(patched)


def deep_json(depth: int) -> bytes:
    return b'{"protocolSection": {"x": ' + b"[" * depth + b"]" * depth + b"}}"


def outcomes(path, limits=LIMITS) -> list[str]:
    """What reading ``path`` gives: the error message or 'record NAME' for each document."""
    return [str(item) if isinstance(item, DocumentError) else f"record {item.source.name}" for item in read_path(path, limits)]


def test_a_build_refuses_each_hostile_document_in_one_line_and_reads_the_rest(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.json").write_bytes(STUDY.read_bytes())
    (inputs / "huge.txt").write_bytes(PAGE.read_bytes() + b"\nfiller" * 200_000)
    (inputs / "bomb.zip").write_bytes(archive({"zeros.json": b"{" + b" " * 900_000 + b"}", "ok.txt": PAGE.read_bytes()}))
    (inputs / "escape.zip").write_bytes(archive({"../../outside.txt": PAGE.read_bytes()}))
    (inputs / "nested.zip").write_bytes(archive({"inner.zip": archive({"page.txt": PAGE.read_bytes()})}))
    (inputs / "deep.json").write_bytes(deep_json(100))
    result = run_kg("build", inputs, "-o", tmp_path / "graph.ttl", "--no-validate", "-s", "--max-document-size", "1MB")
    assert result.returncode == 1
    bomb, *refused = sorted(result.stderr.splitlines())
    assert re.fullmatch(r"left out: bomb\.zip!zeros\.json: expands 1,0\d\d times \(8\d\d to 900,002 bytes\), over the limit "
                        r"of 100 \(--max-compression-ratio\): a zip bomb\?", bomb), bomb
    assert refused == [
        "left out: deep.json: JSON nested more than 64 levels deep (--max-json-depth)",
        "left out: escape.zip!../../outside.txt: an entry path that leaves the archive's folder (absolute, a drive or "
        "'..'); not read",
        "left out: huge.txt: larger than the limit of 1,000,000 bytes per document (--max-document-size)",
        "left out: nested.zip!inner.zip: an archive inside the archive; not read (unpack it first)",
    ]
    assert "documents read: 2 (1 ctgov_api_v2, 1 medpath)" in result.stdout
    assert "documents left out: 5" in result.stdout and (tmp_path / "graph.ttl").stat().st_size > 1000


def test_an_entry_that_would_expand_past_the_document_limit_is_not_expanded(tmp_path):
    random_text = os.urandom(600_000).hex().encode()  # compresses about twice: no bomb, only too big
    (tmp_path / "big.zip").write_bytes(archive({"big.txt": random_text}))
    assert outcomes(tmp_path / "big.zip", Limits(document_bytes=1_000_000)) == [
        "big.zip!big.txt: expands to 1,200,000 bytes, over the limit of 1,000,000 bytes per document (--max-document-size)"]


def test_an_entry_that_lies_about_its_size_is_expanded_no_further_than_it_says(tmp_path):
    (tmp_path / "lying.zip").write_bytes(patched(archive({"lie.json": b"{" + b" " * 5_000_000 + b"}"}), size=100))
    [refusal] = outcomes(tmp_path / "lying.zip")
    assert refusal.startswith("lying.zip!lie.json: a broken archive entry (Bad CRC-32")


def test_an_encrypted_entry_is_refused(tmp_path):
    (tmp_path / "secret.zip").write_bytes(patched(archive({"page.txt": PAGE.read_bytes()}), flags=0x1))
    assert outcomes(tmp_path / "secret.zip") == ["secret.zip!page.txt: an encrypted entry; not read"]


@pytest.mark.parametrize("name", ["/etc/page.txt", "a/../../page.txt", "..\\page.txt", "C:/page.txt", "c:\\page.txt"])
def test_entry_paths_that_leave_the_folder(tmp_path, name):
    (tmp_path / "paths.zip").write_bytes(archive({name: PAGE.read_bytes(), "fine/page.txt": PAGE.read_bytes()}))
    [refusal, record] = outcomes(tmp_path / "paths.zip")
    assert "an entry path that leaves the archive's folder" in refusal and record == "record paths.zip!fine/page.txt"


def test_a_nested_archive_is_known_by_its_bytes_whatever_its_name(tmp_path):
    (tmp_path / "nested.zip").write_bytes(archive({"studies.json": archive({"s.json": STUDY.read_bytes()})}))
    assert outcomes(tmp_path / "nested.zip") == [
        "nested.zip!studies.json: an archive inside the archive; not read (unpack it first)"]


def test_an_entry_name_with_line_breaks_is_named_on_one_line(tmp_path):
    (tmp_path / "names.zip").write_bytes(archive({"a\nb\u202e.txt": b""}))
    assert outcomes(tmp_path / "names.zip") == ["names.zip!a\\nb\\u202e.txt: the file is empty"]


def test_json_depth_limit_is_configurable():
    study = STUDY.read_bytes()
    assert isinstance(next(read_bytes(study, "s.json")), object)
    [refusal] = read_bytes(study, "s.json", limits=Limits(json_depth=5))
    assert str(refusal) == "s.json: JSON nested more than 5 levels deep (--max-json-depth)"
    [refusal] = read_bytes(deep_json(200_000), "abyss.json")
    assert str(refusal) == "abyss.json: JSON nested too deep to parse (--max-json-depth)"


@pytest.mark.parametrize("title", ["[[[[{{{{", '\\"[[[[{{{{', '\\\\[[[[\\"{{{{"', "\\u005b[[[[[["])
def test_brackets_in_text_are_not_nesting(title):
    study = json.loads(STUDY.read_bytes())  # nested six levels deep
    study["protocolSection"]["identificationModule"]["briefTitle"] = title
    [record] = read_bytes(json.dumps(study).encode(), "s.json", limits=Limits(json_depth=6))
    assert record.title == title


@pytest.mark.parametrize("hostile, reason", [
    ('"\\ud800"', "JSON text that is not Unicode (a lone surrogate '\\ud800')"),
    ("1" * 5000, "JSON with a number too long to read (more than 4,300 digits)"),
])
def test_json_values_python_cannot_carry_are_refused(hostile, reason):
    study = json.loads(STUDY.read_bytes())
    study["protocolSection"]["identificationModule"]["briefTitle"] = "@@"
    data = json.dumps(study).replace('"@@"', hostile).encode()
    assert [str(error) for error in read_bytes(data, "s.json")] == [f"s.json: {reason}"]


def test_a_size_is_read_as_people_write_it(tmp_path):
    result = run_kg("build", PAGE, "-o", tmp_path / "g.ttl", "--max-document-size", "lots")
    assert result.returncode == 2 and "'lots' is not a size" in result.stderr
