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

__all__ = ["shapes_graph", "closed_properties", "closed_sets_query", "load_shapes"]


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

    Its filter is one regular expression, a ctk: IRI whose local name is none of the allowed
    ones: a filter of one sameTerm per allowed property is long to parse, and pyshacl had
    rdflib parse it for every focus node (on the seed graph 15 s of CPU against 3.6 s, before
    kg.validation.reference.prepared_queries). The compiled engine runs closed_sets_query instead.
    """
    name = str(cls).removeprefix(str(CTK))
    names = sorted(str(p).removeprefix(str(CTK)) for p in properties)
    if not all(n.isalnum() for n in names):
        raise ShapesError(f"{cls}: a ctk: property whose local name is not alphanumeric: {names}")
    pattern = f"^{str(CTK).replace('.', '[.]')}(?!({'|'.join(names)})$)"
    return f'''
<{SHAPES}{name}> <{SH.sparql}> <{SHAPES}{name}-closed> .
<{SHAPES}{name}-closed> a <{SH.SPARQLConstraint}> ;
    <{SH.message}> "A {name} carries no ctk: property but those of its class (ontology/kg.ttl); {{?path}} is not one."@en ;
    <{SH.prefixes}> <{SHAPES}> ;
    <{SH.select}> """
        SELECT $this ?path ?value
        WHERE {{
            $this ?path ?value .
            FILTER (REGEX(STR(?path), "{pattern}"))
        }}
    """ .
'''


@cache
def _project_shapes() -> tuple[rdflib.Graph, dict[rdflib.URIRef, set[rdflib.URIRef]]]:
    """The project's shapes with the closings, and the closed set of each class closed there."""
    graph = rdflib.Graph()
    graph.parse(ontology_file("shapes.ttl"), format="turtle")
    ontology = rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")
    closed = closed_properties(graph, ontology)
    # Each class's node shape is named after it (shape:Trial targets ctk:Trial); the closing goes there.
    named = {cls: props for cls, props in closed.items() if (_node_shape(cls), RDF.type, SH.NodeShape) in graph}
    graph.parse(data="".join(_closing(cls, props) for cls, props in sorted(named.items())), format="turtle")
    return graph, named


def _node_shape(cls: rdflib.URIRef) -> rdflib.URIRef:
    return rdflib.URIRef(f"{SHAPES}{str(cls).removeprefix(str(CTK))}")


def shapes_graph() -> rdflib.Graph:
    """The project's shapes, with the closed property sets of ontology/kg.ttl (parsed once per process)."""
    return _project_shapes()[0]


def closed_sets_query() -> tuple[str, frozenset[rdflib.URIRef]]:
    """One query for what every ``shape:C-closed`` checks, and the constraints it stands for.

    Each row is one result of one of them: ?rule names the constraint, ?this ?path ?value are
    what its own SELECT would bind. The compiled engine runs this instead of the ~20 per-class
    queries: at 45 trials these took 9 s together (each scans all the statements of its
    class's nodes through a filter of ~40 terms), this one 0.07 s, as the allowed (rule,
    property) pairs are one table the statements are matched against (MINUS, a hash join).
    A shape's targets are its sh:targetClass classes and their subclasses, as for the rule.
    """
    graph, named = _project_shapes()
    targets, allowed, rules = [], [], set()
    for cls, properties in sorted(named.items()):
        shape = _node_shape(cls)
        if any((shape, p, None) in graph for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)) \
                or (shape, RDF.type, RDFS.Class) in graph:
            continue  # other targets: its own rule's query finds them
        rule = rdflib.URIRef(f"{shape}-closed")
        rules.add(rule)
        targets += [f"(<{target}> <{rule}>)" for target in sorted(graph.objects(shape, SH.targetClass))]
        allowed += [f"(<{rule}> <{p}>)" for p in sorted(properties)]
    query = f"""SELECT DISTINCT ?rule ?this ?path ?value WHERE {{
    VALUES (?class ?rule) {{ {" ".join(targets)} }}
    ?this <{RDF.type}>/<{RDFS.subClassOf}>* ?class .
    ?this ?path ?value .
    FILTER (STRSTARTS(STR(?path), "{CTK}"))
    MINUS {{ VALUES (?rule ?path) {{ {" ".join(allowed)} }} }}
}}"""
    return query, frozenset(rules)


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
