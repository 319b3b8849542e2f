"""How much a build reads from one document: bounds that keep hostile input from taking the machine.

Documents come from the open web and from bulk files made elsewhere. A document larger
than :attr:`Limits.document_bytes` (a file, or a zip entry once expanded), a zip entry that
would expand more than :attr:`Limits.compression_ratio` times its compressed size (a zip
bomb), and JSON nested deeper than :attr:`Limits.json_depth` are each refused with one line
naming the document; the rest of the build goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Limits", "LIMITS", "parse_size"]


@dataclass(frozen=True)
class Limits:
    """Bounds on one document (``kg build --max-document-size``, ``--max-compression-ratio``, ``--max-json-depth``)."""

    #: Bytes of one document: a file, or a zip entry expanded. The largest real API v2 study
    #: seen is under 1 MB and an API page of 1,000 studies some 30 MB.
    document_bytes: int = 50_000_000
    #: Expanded over compressed size of a zip entry. Real study JSON compresses 5-20 times;
    #: a deflate bomb expands about 1,000 times.
    compression_ratio: int = 100
    #: Levels of nested objects and arrays in a JSON document; API v2 studies nest 11 deep.
    json_depth: int = 64


#: The defaults.
LIMITS = Limits()

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(text: str) -> int:
    """Bytes from a size as people write it.

    >>> parse_size("50MB"), parse_size("1.5 kB"), parse_size("2 MiB"), parse_size("4096")
    (50000000, 1500, 2097152, 4096)
    >>> parse_size("lots")
    Traceback (most recent call last):
    ValueError: 'lots' is not a size (a number of bytes, or with kB, MB, GB, KiB, MiB, GiB)
    """
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a size (a number of bytes, or with kB, MB, GB, KiB, MiB, GiB)")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "b").lower()])
