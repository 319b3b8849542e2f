"""Where documents come from: which documents an input names, and the documents of a file or
an archive read within the limits (outputs are written by :mod:`kg.atomic`).
"""

from __future__ import annotations

import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from kg.errors import DocumentError
from kg.read.limits import Limits

__all__ = ["document_paths", "read_document", "archive_entries", "packaged_document", "BROKEN_ARCHIVE"]


def document_paths(inputs: Iterable[Path]) -> list[Path]:
    """Every document named by ``inputs`` (files, and the files inside folders), sorted, so
    that the same documents give the same graph whatever order they were named in.

    Hidden files and folders (".git", ".DS_Store") inside a folder are not documents.
    """
    found: set[Path] = set()
    for path in inputs:
        if path.is_dir():
            found.update(child for child in path.rglob("*")
                         if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts))
        else:
            found.add(path)
    return sorted(found, key=lambda p: (p.name, str(p)))


def read_document(path: Path, limits: Limits) -> bytes:
    """The bytes of the file at ``path``, or its first ``limits.document_bytes + 1`` when it is larger
    (the reader refuses it then), so that no file, not even an endless device, fills the memory.
    """
    with open(path, "rb") as stream:
        return stream.read(limits.document_bytes + 1)


#: The first bytes of archive and compressed formats: an archive inside an archive is not opened.
_ARCHIVE_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x28\xb5\x2f\xfd")
_ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".zst", ".jar")


#: What zipfile and its decompressors raise on broken archives, besides OSError (bz2's "Invalid data
#: stream"): found by fuzzing, each stopped a build before (names not UTF-8, truncated central
#: directories, corrupt LZMA, encrypted entries, unknown compression methods).
BROKEN_ARCHIVE = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError, ValueError,
           IndexError, struct.error)


def archive_entries(archive: zipfile.ZipFile, name: str, limits: Limits,
                    entries: slice | None = None) -> Iterator[tuple[str, bytes | DocumentError]]:
    """Each document of the open zip archive called ``name`` (only its ``entries`` when given):
    ``ARCHIVE!ENTRY`` and its bytes, or the reason it is not read. Entries are read one at a
    time and never written to disk.

    Not read: an entry whose path leaves the archive's folder (absolute, a drive, ``..``), an
    encrypted one, an archive inside the archive, one that would expand past the document
    limit or more than the compression ratio limit allows (a zip bomb), a broken one.
    """
    for entry in archive.infolist()[entries or slice(None)]:
        if entry.filename.endswith("/"):  # a folder (ZipInfo.is_dir fails on an empty name)
            continue
        entry_name = f"{name}!{entry.filename}"
        refusal = _refusal(entry, limits)
        if refusal:
            yield entry_name, DocumentError(entry_name, refusal)
            continue
        try:
            with archive.open(entry) as stream:
                data = stream.read(limits.document_bytes + 1)
        except (*BROKEN_ARCHIVE, OSError) as error:
            yield entry_name, DocumentError(entry_name, f"a broken archive entry ({error})")
            continue
        if data.startswith(_ARCHIVE_MAGIC):
            yield entry_name, DocumentError(entry_name, "an archive inside the archive; not read (unpack it first)")
            continue
        yield entry_name, data


def _refusal(entry: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why an entry is not read, from what the archive says of it, before it is expanded."""
    parts = PurePosixPath(entry.filename.replace("\\", "/")).parts
    if entry.filename.startswith(("/", "\\")) or ".." in parts or (parts and parts[0].endswith(":")) or "\x00" in entry.filename:
        return "an entry path that leaves the archive's folder (absolute, a drive or '..'); not read"
    if entry.flag_bits & 0x1:
        return "an encrypted entry; not read"
    if entry.filename.lower().endswith(_ARCHIVE_SUFFIXES):
        return "an archive inside the archive; not read (unpack it first)"
    if entry.file_size > limits.document_bytes:
        return (f"expands to {entry.file_size:,} bytes, over the limit of {limits.document_bytes:,} bytes per document "
                "(--max-document-size)")
    if entry.file_size > limits.compression_ratio * max(entry.compress_size, 1):
        return (f"expands {entry.file_size / max(entry.compress_size, 1):,.0f} times ({entry.compress_size:,} to "
                f"{entry.file_size:,} bytes), over the limit of {limits.compression_ratio} (--max-compression-ratio): a zip bomb?")
    return None


def packaged_document(archive: zipfile.ZipFile) -> str | None:
    """What a zip is when it is one document of a packaged format rather than an archive of
    documents: Office Open XML (.docx, .xlsx, .pptx) lists its parts in ``[Content_Types].xml``;
    OpenDocument and EPUB open with a ``mimetype`` entry naming the format.
    """
    names = archive.namelist()
    if "[Content_Types].xml" in names:
        return "an Office document (Word, Excel or PowerPoint)"
    if names[:1] == ["mimetype"]:
        try:
            kind = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        except (*BROKEN_ARCHIVE, OSError):
            kind = "a packaged format"
        return f"a packaged document ({kind})"
    return None

