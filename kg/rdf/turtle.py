r"""Turtle of N-Triples pieces written apart (in the build's workers) and joined as one serializer writes them.

Oxigraph's Turtle serializer keeps, between statements, only the subject and predicate of the last one:
a statement with the same subject continues it (``" ;\n\t" predicate object``, or ``" , " object``
with the same predicate too), any other ends it (``" .\n"``) and starts its own line. So a piece of
statements serialized by itself is the text the serializer would write for it inside a longer stream, but
for where it meets the piece before: :class:`Joined` writes the pieces one after the other and mends
those seams, and the file is byte for byte that of one ``pyoxigraph.serialize`` over every statement
(tests/test_turtle.py holds it to that). In the serializer's Turtle a line is a statement's subject or a
tab and a predicate, and a subject or predicate has no space: a literal's line breaks and tabs are escaped.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from kg.model.namespaces import PREFIXES

__all__ = ["piece", "Joined"]

_PROBE = b"<urn:x> <urn:x> <urn:x> .\n"
#: The prefixes the serializer writes before its first statement.
_HEADER = ox.serialize(ox.parse(_PROBE, ox.RdfFormat.N_TRIPLES), None, ox.RdfFormat.TURTLE,
                       prefixes=PREFIXES)[:-len(_PROBE)]


def piece(ntriples: bytes) -> bytes:
    r"""The Turtle of N-Triples statements, without the prefixes (b"" for none): ends with " .\n"."""
    if not ntriples:
        return b""
    # lenient: the statements are the mapping's own text (kg.rdf.ntriples), their IRIs checked as they were minted
    text = ox.serialize(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES, lenient=True), None, ox.RdfFormat.TURTLE,
                        prefixes=PREFIXES)
    if not text.startswith(_HEADER):
        raise AssertionError("the Turtle serializer's prefixes are not those it wrote before")
    return text[len(_HEADER):]


class Joined:
    """Writes :func:`piece`'s pieces, in order, as one serializer would write all their statements."""

    def __init__(self, write: Callable[[bytes | memoryview], object]) -> None:
        self._write = write
        #: The subject and predicate (as written) of the last statement written, whose closing " ." waits.
        self._last: tuple[bytes, bytes] | None = None

    def add(self, text: bytes) -> None:
        if not text:
            return
        at = text.index(b" ")
        subject, predicate = text[:at], text[at + 1:text.index(b" ", at + 1)]
        body = memoryview(text)[:-3]  # without " .\n"
        if self._last is None:
            self._write(_HEADER)
        elif self._last[0] != subject:
            self._write(b" .\n")
        elif self._last[1] != predicate:
            self._write(b" ;\n\t")
            body = body[at + 1:]
        else:
            self._write(b" , ")
            body = body[at + len(predicate) + 2:]
        self._write(body)
        self._last = _last(text)

    def close(self) -> None:
        """Closes the last statement (nothing to close if no piece had any)."""
        if self._last is not None:
            self._write(b" .\n")
            self._last = None


def _last(text: bytes) -> tuple[bytes, bytes]:
    """The subject and predicate of a piece's last statement."""
    line = text.rfind(b"\n", 0, len(text) - 1) + 1  # the last line's start
    start = line
    while text[start] == 0x09:  # a tab: a predicate of the subject of a line above
        start = text.rfind(b"\n", 0, start - 1) + 1
    subject = text[start:text.index(b" ", start)]
    if start != line:
        return subject, text[line + 1:text.index(b" ", line + 1)]
    at = start + len(subject) + 1
    return subject, text[at:text.index(b" ", at)]
