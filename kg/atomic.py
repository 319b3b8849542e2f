"""Outputs written whole or not at all, and what killed writers leave behind.

Every file or store ``kg`` writes goes through here, so a reader never sees a half-written
graph and a failed or killed run never destroys the last good output.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_output", "scratch_beside", "remove_leftovers", "locked_folder", "shared_mode", "temporary_beside",
           "made_here"]


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` through a temporary file beside it, renamed into place only on success.

    A reader never sees a half-written file, and a failed or killed write leaves the old
    file (or none) in place. Two writers of one path at once each write their own temporary
    file, and the last renamed wins, whole. The temporary file is locked while it is written,
    so the next writer of ``path`` can tell what a killed writer left (:func:`remove_leftovers`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path)
    temporary = temporary_beside(path)
    try:
        handle = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(handle, shared_mode())
            _lock(handle)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            os.replace(temporary, path)  # still locked: no one takes it for a leftover meanwhile
    except BaseException as error:
        if made_here(error, temporary):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


@contextlib.contextmanager
def scratch_beside(path: Path) -> Iterator[BinaryIO]:
    """A scratch file beside ``path`` (named as :func:`temporary_beside` names one, locked while open, so
    that :func:`remove_leftovers` removes it only once its writer is gone), removed when done with.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_beside(path)
    try:
        handle = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        with os.fdopen(handle, "w+b") as stream:
            _lock(handle)
            try:
                yield stream
            finally:
                os.unlink(temporary)
    except BaseException as error:
        if made_here(error, temporary):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


def temporary_beside(path: Path) -> Path:
    """A name for a writer's temporary output beside ``path`` (``.NAME.RANDOM.part``, which :func:`remove_leftovers`
    knows), chosen before the file or folder is made: a writer interrupted (Ctrl-C) as it makes it still knows what
    to remove. Make it exclusively (``O_EXCL``, ``mkdir``), and remove it on failure only when :func:`made_here`.
    """
    return path.parent / f".{path.name}.{secrets.token_hex(6)}.part"


def made_here(error: BaseException, temporary: Path) -> bool:
    """Whether a writer that failed with ``error`` made ``temporary``: not when making it failed on a name
    another writer had taken.
    """
    return not (isinstance(error, FileExistsError) and error.filename == str(temporary))


def _lock(handle: int, wait: bool = True) -> bool:
    """Lock an open file or folder for this process until it is closed; False when another holds it."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files and folders (``.NAME.*.part``, ``.NAME.*.old``) that writers of
    ``path`` killed mid-way left beside it; one a live writer holds locked stays.
    """
    for leftover in [*path.parent.glob(f".{glob.escape(path.name)}.*.part"), *path.parent.glob(f".{glob.escape(path.name)}.*.old")]:
        try:
            handle = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _lock(handle, wait=False):
                if leftover.is_dir():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink(missing_ok=True)
        finally:
            os.close(handle)


@contextlib.contextmanager
def locked_folder(folder: Path) -> Iterator[None]:
    """Hold ``folder`` locked (against others who lock it) while a few renames in it are made."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        _lock(handle)
        yield
    finally:
        os.close(handle)


def shared_mode(folder: bool = False) -> int:
    """The mode a file (or folder) gets when a program creates it the ordinary way: read and write
    for all, less the user's umask. Temporary files are made only their owner's (0600); the
    graphs, stores and reports kg writes are meant to be shared, so they are given this instead.
    """
    mask = os.umask(0)
    os.umask(mask)  # reading the umask means setting it: put it back at once
    return (0o777 if folder else 0o666) & ~mask
