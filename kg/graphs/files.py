"""Graph files in and out: load one or more into rdflib, convert between RDF formats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.atomic import atomic_output
from kg.errors import GraphError
from kg.graphs.store import open_store, store_statements
from kg.model.namespaces import PREFIXES

__all__ = ["EXPORT_FORMATS", "DATASET_FORMATS", "format_to_write", "load_graph", "load_store", "prefixed_graph", "export",
           "dataset_statements"]

#: Formats ``kg export`` writes, by the name users type.
EXPORT_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                  "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
#: Formats that keep named graphs; writing any other merges them.
DATASET_FORMATS = {"trig", "nquads"}

_BY_SUFFIX = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
              ".json": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
              ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


def _format_of(path: Path) -> ox.RdfFormat:
    try:
        return _BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_BY_SUFFIX))
        raise GraphError(f"{path}: unknown graph format (file names end in one of {known})") from None


def format_to_write(path: Path, given: str | None, formats: Iterable[str]) -> str:
    """Which of ``formats`` (names of :data:`EXPORT_FORMATS`) to write the file ``path`` in: the
    one its name ends in, which ``given`` must agree with. Graph files are read back by their
    names, so a file named for no format, or for another, would be written and then unreadable.

    >>> format_to_write(Path("g.nt"), None, EXPORT_FORMATS), format_to_write(Path("g.TTL"), "turtle", EXPORT_FORMATS)
    ('ntriples', 'turtle')
    >>> format_to_write(Path("g.ttl"), "ntriples", EXPORT_FORMATS)
    Traceback (most recent call last):
    kg.errors.GraphError: g.ttl: the name says turtle, but the format asked for is ntriples
    """
    formats = list(formats)
    named = next((name for name in formats if EXPORT_FORMATS[name] == _BY_SUFFIX.get(path.suffix.lower())), None)
    if named is None:
        suffixes = ", ".join(suffix for name in formats for suffix, rdf in _BY_SUFFIX.items() if rdf == EXPORT_FORMATS[name])
        raise GraphError(f"{path}: name the graph file for its format ({suffixes}), so that it can be read back")
    if given is not None and given != named:
        raise GraphError(f"{path}: the name says {named}, but the format asked for is {given}")
    return named


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Say which file could not be read, and why, in one line."""
    try:
        yield
    except OSError as error:
        raise GraphError(f"{path}: cannot be read ({error.strerror or error})") from None
    except SyntaxError as error:
        raise GraphError(f"{path}: not valid RDF ({error})") from None


def _statements(paths: Iterable[Path], keep_graphs: bool = False,
                tell: Callable[[int], None] | None = None) -> Iterator[ox.Triple | ox.Quad]:
    """The statements of graph files: quads with their graph when ``keep_graphs``, else triples;
    ``tell`` is told now and then how many bytes of the files have been read.
    """
    before = 0
    for path in paths:
        with _reading(path), open(path, "rb") as stream:
            # A relative IRI (<>, <#x>) is resolved against the file's own URI.
            for count, item in enumerate(ox.parse(stream, _format_of(path), base_iri=path.resolve().as_uri()), 1):
                if keep_graphs:
                    yield item if isinstance(item, ox.Quad) else ox.Quad(*item, ox.DefaultGraph())
                else:
                    yield item.triple if isinstance(item, ox.Quad) else item
                if tell is not None and count % 10_000 == 0:
                    tell(before + stream.tell())
            before += stream.tell()


def dataset_statements(paths: Iterable[Path], *, tell: Callable[[int], None] | None = None) -> Iterator[ox.Quad]:
    """The statements of graph files as quads, keeping their named graphs (``tell``: see :func:`_statements`)."""
    return _statements(paths, keep_graphs=True, tell=tell)  # type: ignore[return-value]


def prefixed_graph() -> rdflib.Graph:
    """An empty rdflib graph that knows our prefixes (and shortens IRIs with them)."""
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def load_graph(paths: Iterable[Path]) -> rdflib.Graph:
    """An rdflib graph holding every triple of ``paths`` (parsed by Oxigraph, which is faster)."""
    graph = prefixed_graph()
    data = ox.serialize(_statements(paths), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph


def load_store(paths: Iterable[Path]) -> ox.Store:
    """An in-memory Oxigraph store holding every triple of ``paths`` in its default graph.

    The files' named graphs are merged, so a statement several documents make is there
    once, as in :func:`load_graph`.
    """
    store = ox.Store()
    for path in paths:
        if _format_of(path) in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            store.bulk_extend(ox.Quad(*triple, ox.DefaultGraph()) for triple in _statements([path]))
        else:
            with _reading(path):  # Oxigraph parses the file itself, several times faster
                store.bulk_load(path=str(path), format=_format_of(path), to_graph=ox.DefaultGraph(),
                                base_iri=path.resolve().as_uri())
    return store


def export(paths: Iterable[Path], output: Path, format: str, *, store: Path | None = None) -> int:
    """Write the statements of the graph files ``paths``, or of the store in the directory ``store``
    (``kg build --store``), to ``output`` in ``format``; returns how many were written.

    TriG and N-Quads keep the named graphs (a build's: each source document's; a store's: those of
    the trials several documents describe, the rest in the default graph); the other formats merge
    them, and from a store write each statement once (:func:`kg.graphs.store.store_statements`).
    Either is streamed, never held in memory, and written whole or not at all.
    """
    keep_graphs = format in DATASET_FORMATS
    if store is not None:
        statements = store_statements(open_store(store), keep_graphs=keep_graphs)
    else:
        statements = _statements(paths, keep_graphs=keep_graphs)
    count = 0

    def counted() -> Iterator[ox.Triple | ox.Quad]:
        nonlocal count
        for statement in statements:
            count += 1
            yield statement

    with atomic_output(output) as stream:
        ox.serialize(counted(), stream, EXPORT_FORMATS[format], prefixes=PREFIXES)
    return count
