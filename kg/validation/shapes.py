"""The project's SHACL shapes: ontology/shapes.ttl, with each class's ctk: properties closed, parsed once per process.

The closed property sets are not written in shapes.ttl but derived from the ontology when
the shapes are loaded, so a property added to ontology/kg.ttl (with its rdfs:domain) is
allowed at once: a node of class C may carry a ctk: property whose rdfs:domain is C (or a
superclass of C), that the ontology declares with no domain, or that a property shape of C's
node shape names as its path. Any other
ctk: property on it (a misspelling such as ctk:hasSites, a property of another class) is
a violation of ``shape:C-closed``, a SPARQL-based constraint like the hand-written ones.
"""

from __future__ import annotations

import logging
import warnings
from functools import cache
from pathlib import Path

import rdflib
import rdflib.util
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.errors import ShapesError
from kg.model.namespaces import CTK, SHAPES
from kg.resources import ontology_file

__all__ = ["shapes_graph", "closed_properties", "load_shapes"]


def closed_properties(shapes: rdflib.Graph, ontology: rdflib.Graph) -> dict[rdflib.URIRef, set[rdflib.URIRef]]:
    """For each ctk: class a node shape targets, the ctk: properties its nodes may carry."""
    allowed: dict[rdflib.URIRef, set[rdflib.URIRef]] = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        if not str(cls).startswith(str(CTK)):
            continue
        found = allowed.setdefault(cls, set())  # type: ignore[arg-type]
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if isinstance(path, rdflib.URIRef) and str(path).startswith(str(CTK)):
                found.add(path)
    # A property the ontology declares without a domain (ctk:description) may be on a node of any class.
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    anywhere = {p for kind in kinds for p in ontology.subjects(RDF.type, kind)
                if str(p).startswith(str(CTK)) and (p, RDFS.domain, None) not in ontology}
    for cls, found in allowed.items():
        classes = set(ontology.transitive_objects(cls, RDFS.subClassOf))
        found.update(p for p, domain in ontology.subject_objects(RDFS.domain)
                     if domain in classes and str(p).startswith(str(CTK)))
        found.update(anywhere)
    return allowed


def _closing(cls: rdflib.URIRef, properties: set[rdflib.URIRef]) -> str:
    """The Turtle of ``shape:C-closed`` and its link from ``shape:C``.

    At 1,026 trials, a filter of STRSTARTS and NOT IN (both run in Python) took 7-14 s a class.
    """
    name = str(cls).removeprefix(str(CTK))
    # sameTerm runs in Oxigraph; STRSTARTS runs in Python (as rdflib runs it), so it comes last and sees only
    # the statements no allowed property (nor rdf:type, rdfs:label, prov:wasDerivedFrom) has made.
    common = [RDF.type, RDFS.label, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")]
    listed = " || ".join(f"sameTerm(?path, <{p}>)" for p in [*common, *sorted(properties)])
    return f'''
<{SHAPES}{name}> <{SH.sparql}> <{SHAPES}{name}-closed> .
<{SHAPES}{name}-closed> a <{SH.SPARQLConstraint}> ;
    <{SH.message}> "A {name} carries no ctk: property but those of its class (ontology/kg.ttl); {{?path}} is not one."@en ;
    <{SH.prefixes}> <{SHAPES}> ;
    <{SH.select}> """
        SELECT $this ?path ?value
        WHERE {{
            $this ?path ?value .
            FILTER (!({listed}) && STRSTARTS(STR(?path), "{CTK}"))
        }}
    """ .
'''


@cache
def shapes_graph() -> rdflib.Graph:
    """The project's shapes, with the closed property sets of ontology/kg.ttl (parsed once per process)."""
    graph = rdflib.Graph()
    graph.parse(ontology_file("shapes.ttl"), format="turtle")
    ontology = rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")
    closed = closed_properties(graph, ontology)
    # Each class's node shape is named after it (shape:Trial targets ctk:Trial); the closing goes there.
    named = {cls: props for cls, props in closed.items()
             if (rdflib.URIRef(f"{SHAPES}{str(cls).removeprefix(str(CTK))}"), RDF.type, SH.NodeShape) in graph}
    graph.parse(data="".join(_closing(cls, props) for cls, props in sorted(named.items())), format="turtle")
    return graph


def load_shapes(path: Path) -> rdflib.Graph:
    """A shapes file of one's own (any RDF format rdflib reads; relative IRIs resolved against the file's URI)."""
    graph = rdflib.Graph()
    # Literals are kept as written: "1"^^xsd:boolean is not "true" to SHACL (W3C test uniqueLang-002); rdflib's
    # warnings (and logged tracebacks) on ill-typed literals are not the user's concern here.
    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            graph.parse(path, format=rdflib.util.guess_format(str(path)) or "turtle", publicID=path.resolve().as_uri())
    except OSError as error:
        raise ShapesError(f"{path}: cannot be read ({error.strerror or error})") from None
    except Exception as error:  # rdflib's parsers raise many kinds of error on bad input
        raise ShapesError(f"{path}: not a shapes graph rdflib can read ({type(error).__name__}: {error})") from None
    finally:
        rdflib.NORMALIZE_LITERALS = normalize
        logging.disable(logging.NOTSET)
    return graph
