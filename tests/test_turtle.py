"""The build writes Turtle in pieces (kg.rdf.turtle): joined, they must be what one serializer writes."""

from __future__ import annotations

import io
import random

import pyoxigraph as ox

from kg.model.namespaces import CTK, ID, PREFIXES, RDF_TYPE, RDFS, XSD
from kg.rdf.ntriples import iri, literal, typed
from kg.rdf.turtle import Joined, piece

SUBJECTS = [f"{ID}site/a-1", f"{ID}site/b-2", f"{ID}trial/NCT1", f"{ID}trial/NCT1/arm/x", "urn:x:1", f"{CTK}Trial"]
PREDICATES = [RDF_TYPE, f"{RDFS}label", f"{CTK}enrollment", f"{CTK}hasSite", "http://example.org/p"]
OBJECTS = [iri(f"{CTK}Trial"), iri(f"{ID}site/a-1"), iri("http://id.nlm.nih.gov/mesh/D003680"), literal("a b , c ; d ."),
           literal("line\nbreak\tand tab \\ and \""), literal(" ;\n\t"), typed(12, "integer"), typed("0.5", "decimal"),
           typed("40", "decimal"), typed("true", "boolean"), typed("2020-12-01", "date"), literal("é ≥ \u2028")]


def statements(rng: random.Random, count: int) -> list[bytes]:
    """Lines in runs of one subject and of one predicate, as the mapping writes them, and some repeated."""
    lines: list[bytes] = []
    while len(lines) < count:
        subject = rng.choice(SUBJECTS)
        for _ in range(rng.randrange(1, 4)):
            predicate = rng.choice(PREDICATES)
            for _ in range(rng.randrange(1, 4)):
                lines.append(f"{iri(subject)} {iri(predicate)} {rng.choice(OBJECTS)} .\n".encode())
    return lines


def whole(lines: list[bytes]) -> bytes:
    return ox.serialize(ox.parse(b"".join(lines), ox.RdfFormat.N_TRIPLES), None, ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def joined(pieces: list[list[bytes]]) -> bytes:
    out = io.BytesIO()
    writer = Joined(out.write)
    for lines in pieces:
        writer.add(piece(b"".join(lines)))
    writer.close()
    return out.getvalue()


def test_pieces_joined_are_one_serialization():
    rng = random.Random(5)
    for _ in range(300):
        lines = statements(rng, rng.randrange(1, 40))
        cuts = sorted(rng.sample(range(len(lines) + 1), rng.randrange(min(6, len(lines) + 1))))
        pieces = [lines[start:stop] for start, stop in zip([0, *cuts], [*cuts, len(lines)])]
        assert joined(pieces) == whole(lines), (lines, cuts)


def test_seams_within_a_subject_and_a_predicate():
    s, p, q = iri(SUBJECTS[0]), iri(PREDICATES[1]), iri(PREDICATES[2])
    one, two, three = (f"{s} {p} {literal(text)} .\n".encode() for text in ("1", "2", "3"))
    other = f"{s} {q} {typed(3, 'integer')} .\n".encode()
    for pieces in ([[one], [two]], [[one], [other]], [[one, other], [other.replace(b"3", b"4")]], [[one], [], [two, three]],
                   [[], [one]], [[one], [two], [three]]):
        lines = [line for part in pieces for line in part]
        assert joined(pieces) == whole(lines)


def test_nothing_to_write():
    assert piece(b"") == b""
    assert joined([[], []]) == whole([]) == b""
    assert XSD in PREFIXES.values()
