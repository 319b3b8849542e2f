"""The mapping writes N-Triples text itself: it must be what Oxigraph's serializer writes."""

from __future__ import annotations

import random

import pyoxigraph as ox

from kg.model.namespaces import XSD
from kg.rdf.ntriples import iri, literal, typed

S, P = ox.NamedNode("https://w3id.org/celltherapy-kg/id/trial/NCT05272293"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def oxigraph_line(obj: ox.Literal | ox.NamedNode) -> str:
    return ox.serialize([ox.Triple(S, P, obj)], format=ox.RdfFormat.N_TRIPLES).decode()


def our_line(obj: str) -> str:
    return f"{iri(S.value)} {iri(P.value)} {obj} .\n"


def test_every_character_is_written_as_oxigraph_writes_it():
    characters = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    text = "".join(characters)
    assert our_line(literal(text)) == oxigraph_line(ox.Literal(text))
    for character in [*map(chr, range(0x80)), "\ufffe", "\uffff", "\u2028", "é"]:
        assert our_line(literal(character)) == oxigraph_line(ox.Literal(character)), hex(ord(character))


def test_texts_of_quotes_backslashes_and_breaks():
    pieces = ['"', "\\", "\\n", "\n", "\r\n", "\t", "\x00", "\x7f", "IL-2", " ", "é", "\ufffe", "≥"]
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))
        assert our_line(literal(text)) == oxigraph_line(ox.Literal(text)), repr(text)


def test_typed_literals_and_iris():
    for value, datatype in ((12, "integer"), ("0.5", "decimal"), ("2020-12", "gYearMonth"), ("true", "boolean")):
        assert our_line(typed(value, datatype)) == oxigraph_line(ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}{datatype}")))
    node = "https://w3id.org/celltherapy-kg/id/organization/university-of-minnesota-0a1b2c3d"
    assert our_line(iri(node)) == oxigraph_line(ox.NamedNode(node))
