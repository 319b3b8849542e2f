"""The SHACL shapes compiled to SPARQL queries that check a whole graph at once.

Every node shape with sh:targetClass gives, for each of its property shapes (and for its
own value constraints), a query for the values that may break a value constraint and a
query for the nodes with too few or too many values; each of its SPARQL-based
constraints gives its SELECT rewritten for all targets (kg.validation.compiler.select). Nothing is
named here: the shapes graph says what to check. A shape that uses anything this
compiler does not know raises :class:`ShapesError` naming it, so no constraint is left
unchecked in silence; pyshacl (kg.validation.report) still checks such shapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.errors import ShapesError
from kg.validation.compiler.lexical import RANGES, Length, Pattern, Range
from kg.validation.compiler.select import RuleQuery, rewrite_select
from kg.validation.compiler.values import Class, Component, Datatype, In, NodeKind, Or

__all__ = ["PropertyCheck", "RuleCheck", "CompiledShapes", "compile_shapes", "compiled_shapes"]

_ANNOTATIONS = {SH.name, SH.description, SH.order, SH.group, SH.defaultValue}
_VALUE_PARAMETERS = {SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.flags, SH.minLength, SH.maxLength,
                     SH["class"], SH["or"], *RANGES}
_COMMON = _ANNOTATIONS | _VALUE_PARAMETERS | {SH.severity, SH.deactivated, SH.message}
_NODE_SHAPE = _COMMON | {SH.targetClass, SH.property, SH.sparql}
_PROPERTY_SHAPE = _COMMON | {SH.path, SH.minCount, SH.maxCount}
_RULE = _ANNOTATIONS | {SH.select, SH.prefixes, SH.message, SH.deactivated}
_DECLARATIONS = {SH.declare, SH.prefix, SH.namespace}


@dataclass(frozen=True)
class PropertyCheck:
    """The constraints of one property shape (path None: a node shape's own) on one node shape's targets."""

    shape: rdflib.term.Node
    severity: rdflib.URIRef
    message: rdflib.Literal
    path: rdflib.URIRef | None
    targets: str
    components: Sequence[Component]
    min_count: int | None
    max_count: int | None

    def values_query(self) -> str | None:
        if not self.components:
            return None
        values = f"?this <{self.path}> ?value ." if self.path else "BIND (?this AS ?value)"
        maybe = " || ".join(f"({component.maybe('?value')})" for component in self.components)
        return f"SELECT DISTINCT ?this ?value WHERE {{ {self.targets} {values} FILTER ({maybe}) }}"

    def count_query(self) -> str | None:
        """The targets with too few or too many values, and how many they have.

        The targets without a value are found by MINUS and the others counted over a join: one
        OPTIONAL and GROUP BY over every target took three times as long on Oxigraph.
        """
        if not self.min_count and self.max_count is None:
            return None
        count = "COUNT(DISTINCT ?value)"
        broken = " || ".join(([f"{count} < {self.min_count}"] if (self.min_count or 0) > 1 else [])
                             + ([f"{count} > {self.max_count}"] if self.max_count is not None else []))
        parts = [f"{{ {self.targets} MINUS {{ ?this <{self.path}> ?value }} BIND (0 AS ?count) }}"] if self.min_count else []
        if broken:
            parts.append(f"{{ SELECT ?this ({count} AS ?count) WHERE {{ {self.targets} ?this <{self.path}> ?value }} "
                         f"GROUP BY ?this HAVING ({broken}) }}")
        return f"SELECT ?this ?count WHERE {{ {' UNION '.join(parts)} }}"


@dataclass(frozen=True)
class RuleCheck:
    """A SPARQL-based constraint of a node shape, as one query over the shape's targets."""

    shape: rdflib.term.Node
    constraint: rdflib.term.Node
    severity: rdflib.URIRef
    message: rdflib.Literal
    query: RuleQuery


@dataclass(frozen=True)
class CompiledShapes:
    properties: tuple[PropertyCheck, ...]
    rules: tuple[RuleCheck, ...]
    prefixes: tuple[tuple[str, str], ...]  # the shapes graph's, with which a report names the shapes


def _name(node: rdflib.term.Node) -> str:
    return node.n3() if isinstance(node, rdflib.URIRef) else str(node)


def _one(graph: rdflib.Graph, node: rdflib.term.Node, parameter: rdflib.URIRef) -> rdflib.term.Node | None:
    values = list(graph.objects(node, parameter))
    if len(values) > 1:
        raise ShapesError(f"{_name(node)}: several values of {parameter.n3(graph.namespace_manager)}")
    return values[0] if values else None


def _known(graph: rdflib.Graph, node: rdflib.term.Node, allowed: set[rdflib.URIRef]) -> None:
    for parameter in set(graph.predicates(node)):
        if str(parameter).startswith(str(SH)) and parameter not in allowed:
            raise ShapesError(f"{_name(node)} uses {parameter.n3(graph.namespace_manager)}, which the SPARQL engine "
                              "does not compile (kg validate --engine pyshacl checks it)")


def _deactivated(graph: rdflib.Graph, node: rdflib.term.Node) -> bool:
    flag = _one(graph, node, SH.deactivated)
    return isinstance(flag, rdflib.Literal) and flag.value is True


def _message(graph: rdflib.Graph, *nodes: rdflib.term.Node) -> rdflib.Literal:
    messages = [m for node in nodes for m in graph.objects(node, SH.message)]
    if len(messages) != 1:
        raise ShapesError(f"{_name(nodes[-1])}: the SPARQL engine reports a shape's own sh:message, and this one has "
                          f"{len(messages) or 'none'}")
    return messages[0]  # type: ignore[return-value]


def _components(graph: rdflib.Graph, node: rdflib.term.Node) -> list[Component]:
    """The value constraints of a shape, one component per constraint pyshacl checks."""
    found: list[Component] = []
    flags = _one(graph, node, SH.flags)
    for parameter, value in sorted(graph.predicate_objects(node)):
        if parameter == SH.datatype:
            found.append(Datatype(value))  # type: ignore[arg-type]
        elif parameter == SH.nodeKind:
            found.append(NodeKind(value))
        elif parameter == SH["in"]:
            found.append(In(frozenset(Collection(graph, value))))
        elif parameter == SH.pattern:
            found.append(Pattern(str(value), str(flags or "")))
        elif parameter in (SH.minLength, SH.maxLength):
            found.append(Length(int(value), minimum=parameter == SH.minLength))  # type: ignore[arg-type]
        elif parameter in RANGES:
            found.append(_range(node, value, parameter))
        elif parameter == SH["class"]:
            found.append(Class(value))  # type: ignore[arg-type]
        elif parameter == SH["or"]:
            found.append(Or(tuple(_member(graph, member) for member in Collection(graph, value))))
    return found


def _range(node: rdflib.term.Node, value: rdflib.term.Node, parameter: rdflib.URIRef) -> Component:
    if not isinstance(value, rdflib.Literal):
        raise ShapesError(f"{_name(node)}: {parameter} takes a literal")
    return Range(value, parameter)


def _member(graph: rdflib.Graph, member: rdflib.term.Node) -> list[Component] | None:
    """The value constraints of one shape of an sh:or list (None when deactivated: every value conforms)."""
    if not any(graph.predicates(member)):
        raise ShapesError(f"{_name(member)}: a member of sh:or that is no shape")
    _known(graph, member, _COMMON)
    return None if _deactivated(graph, member) else _components(graph, member)


def _targets(classes: list[rdflib.term.Node]) -> str:
    instances = " UNION ".join(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* <{c}> }}" for c in sorted(classes))
    return f"{{ SELECT DISTINCT ?this WHERE {{ {instances} }} }}"


def _prefixes(graph: rdflib.Graph, rule: rdflib.term.Node) -> str:
    """The PREFIX lines of a rule, gathered from its sh:prefixes as pyshacl gathers them."""
    ontologies = set(graph.subjects(RDF.type, OWL.Ontology))
    everywhere = {d for o in ontologies for d in graph.objects(o, SH.declare)}
    lines = {}
    for source in graph.objects(rule, SH.prefixes):
        own = set(graph.objects(source, SH.declare))
        for declaration in own if own and source in ontologies else own | everywhere:
            lines[str(_one(graph, declaration, SH.prefix))] = str(_one(graph, declaration, SH.namespace))
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(lines.items()))


def _node_shape(graph: rdflib.Graph, shape: rdflib.term.Node) -> tuple[list[PropertyCheck], list[RuleCheck]]:
    _known(graph, shape, _NODE_SHAPE)
    if _deactivated(graph, shape):
        return [], []
    targets = _targets(list(graph.objects(shape, SH.targetClass)))
    severity = _one(graph, shape, SH.severity) or SH.Violation
    checks, rules = [], []
    if own := _components(graph, shape):
        checks.append(PropertyCheck(shape, severity, _message(graph, shape), None, targets, own, None, None))
    for prop in sorted(graph.objects(shape, SH.property)):
        _known(graph, prop, _PROPERTY_SHAPE)
        path = _one(graph, prop, SH.path)
        if not isinstance(path, rdflib.URIRef):
            raise ShapesError(f"{_name(prop)}: the SPARQL engine compiles predicate paths only")
        if _deactivated(graph, prop):
            continue
        counts = [_one(graph, prop, p) for p in (SH.minCount, SH.maxCount)]
        checks.append(PropertyCheck(prop, _one(graph, prop, SH.severity) or SH.Violation, _message(graph, prop), path,
                                    targets, _components(graph, prop), *(None if c is None else int(c) for c in counts)))
    for rule in sorted(graph.objects(shape, SH.sparql)):
        _known(graph, rule, _RULE)
        if not _deactivated(graph, rule):
            select = rewrite_select(str(_one(graph, rule, SH.select)), targets, _name(rule))
            query = RuleQuery(_prefixes(graph, rule) + select.text, select.selects_this, select.counts_repeats)
            rules.append(RuleCheck(shape, rule, severity, _message(graph, shape, rule), query))
    return checks, rules


def compile_shapes(graph: rdflib.Graph) -> CompiledShapes:
    """The checks of every node shape with a target class in ``graph``."""
    allowed = _NODE_SHAPE | _PROPERTY_SHAPE | _RULE | _DECLARATIONS
    for subject, parameter in set(graph.subject_predicates()):
        if str(parameter).startswith(str(SH)) and parameter not in allowed:
            _known(graph, subject, allowed)
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        if {RDFS.Class, OWL.Class} & set(graph.objects(shape, RDF.type)):
            raise ShapesError(f"{_name(shape)}: implicit class targets are not compiled by the SPARQL engine")
    properties, rules = [], []
    for shape in sorted(set(graph.subjects(SH.targetClass, None))):
        if (shape, SH.path, None) in graph:
            raise ShapesError(f"{_name(shape)}: a property shape with its own target is not compiled by the SPARQL engine")
        checks, shape_rules = _node_shape(graph, shape)
        properties += checks
        rules += shape_rules
    return CompiledShapes(tuple(properties), tuple(rules), tuple((p, str(n)) for p, n in graph.namespaces()))


@cache
def compiled_shapes() -> CompiledShapes:
    """The project's shapes, compiled once per process."""
    from kg.validation.shapes import shapes_graph

    return compile_shapes(shapes_graph())
