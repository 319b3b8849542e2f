"""Files in and out: which documents an input names, and outputs written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["document_paths", "atomic_output"]


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


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` through a temporary file beside it, renamed into place only on success.

    A reader never sees a half-written file, and a failed or killed write leaves the old
    file (or none) in place.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
