"""Files in and out: which documents an input names, and outputs written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["document_paths", "atomic_output"]


def document_paths(inputs: Iterable[Path]) -> Iterator[Path]:
    """Every document named by ``inputs``: files as given, folders walked in sorted order.

    Hidden files and folders (".git", ".DS_Store") are not documents.
    """
    for path in inputs:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        else:
            yield path


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
