"""Terms as N-Triples text, written exactly as Oxigraph's serializer writes them.

The mapping writes each statement as a line of text rather than building pyoxigraph
terms: for a registry study, making the terms, hashing them, sorting them by their text
and serialising them took more time than reading the study. The text is byte for byte
what ``pyoxigraph.serialize`` gives for the same terms (tests/test_ntriples.py holds it
to that), so the graph files do not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.model.namespaces import XSD

__all__ = ["iri", "literal", "typed", "text"]

#: What Oxigraph escapes in a literal: quote, backslash, the C0 controls and DEL (the usual
#: ones by letter, the rest as \uXXXX), and the two noncharacters U+FFFE and U+FFFF.
_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)} | {
    0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_TO_ESCAPE = re.compile("[" + "".join(re.escape(chr(code)) for code in _ESCAPES) + "]")


def iri(value: str) -> str:
    """An IRI term; the IRIs we mint are built from encoded pieces (kg.rdf.iris) and need no escapes.

    >>> iri("https://w3id.org/celltherapy-kg/id/trial/NCT05272293")
    '<https://w3id.org/celltherapy-kg/id/trial/NCT05272293>'
    """
    return f"<{value}>"


def literal(text: str) -> str:
    r"""A plain (xsd:string) literal.

    >>> print(literal('IL-2 "low dose"\n1 MIU'))
    "IL-2 \"low dose\"\n1 MIU"
    """
    # A printable text has none of the characters to escape but the quote and the backslash (the
    # C0 controls, DEL and the noncharacters are not printable): most literals need no regex.
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return f'"{_TO_ESCAPE.sub(_escaped, text)}"'


def typed(value: object, datatype: str) -> str:
    """A literal of an XSD datatype (``datatype`` is its local name).

    >>> typed(12, "integer")
    '"12"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if type(value) is int:  # its text needs no escape (counts, a quarter of the statements of results)
        return f'"{value}"^^<{XSD}{datatype}>'
    return f"{literal(str(value))}^^<{XSD}{datatype}>"


def text(statements: Iterable[str]) -> bytes:
    """N-Triples (or N-Quads) text of statements written as lines without their closing " ."."""
    # The lines are joined and encoded a block at a time, then the bytes joined: a chunk's text is a few hundred
    # thousand lines, nearly all ASCII, and joined as one str a single line with a character beyond Latin-1 made the
    # whole text two bytes a character and its encoding a transcoding (twice the time of encoding each line); in a
    # block such a line costs only its block, and the 64 lines are encoded in one call, not one each (half the time of
    # that, 10,000 studies' pass two).
    lines = statements if isinstance(statements, list) else list(statements)
    return b"".join([(" .\n".join(lines[at:at + _BLOCK]) + " .\n").encode() for at in range(0, len(lines), _BLOCK)])


#: Lines :func:`text` joins and encodes at once.
_BLOCK = 64


def _escaped(match: re.Match[str]) -> str:
    return _ESCAPES[ord(match.group())]
