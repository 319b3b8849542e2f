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
from dataclasses import dataclass, replace
from functools import cache

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from kg.errors import ShapesError
from kg.validation.compiler.lexical import RANGES, Length, Pattern, Range
from kg.validation.compiler.select import RuleQuery, rewrite_select
from kg.validation.compiler.values import Class, Component, Datatype, In, LanguageIn, NodeKind, Or, sparql_term

__all__ = ["PropertyCheck", "FocusCheck", "RuleCheck", "MergedRuleCheck", "DelegatedCheck", "CompiledShapes", "compile_shapes",
           "compiled_shapes"]

_ANNOTATIONS = {SH.name, SH.description, SH.order, SH.group, SH.defaultValue}
_VALUE_PARAMETERS = {SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.flags, SH.minLength, SH.maxLength,
                     SH["class"], SH["or"], SH.languageIn, *RANGES}
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
#: Focus-level components: judged on all the values of a focus node at once.
_FOCUS_PARAMETERS = {SH.hasValue, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals}
_COMMON = _ANNOTATIONS | _VALUE_PARAMETERS | _FOCUS_PARAMETERS | _TARGETS | {SH.severity, SH.deactivated, SH.message}
_NODE_SHAPE = _COMMON | {SH.property, SH.sparql, SH.closed, SH.ignoredProperties}
_PROPERTY_SHAPE = _COMMON | {SH.path, SH.minCount, SH.maxCount}
_RULE = _ANNOTATIONS | {SH.select, SH.prefixes, SH.message, SH.deactivated}
#: The logical and shape-based components: a shape using them is judged by pyshacl, on the focus
#: nodes its targets query finds (kg.validation.sparql_engine), not compiled.
DELEGATED = {SH.node, SH["not"], SH["and"], SH.xone, SH.qualifiedValueShape, SH.qualifiedMinCount,
             SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint}
#: Integer types whose literals Oxigraph stores as xsd:integer, so the datatype cannot be judged on the store.
_FOLDED = {XSD[name] for name in ("long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                                  "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_PATHS = {SH.inversePath: "^({})", SH.zeroOrMorePath: "({})*", SH.oneOrMorePath: "({})+", SH.zeroOrOnePath: "({})?"}


@dataclass(frozen=True)
class PropertyCheck:
    """The constraints of one property shape (path None: a node shape's own) on one node shape's targets."""

    shape: rdflib.term.Node
    severity: rdflib.URIRef
    message: rdflib.Literal | None
    path: rdflib.term.Node | None  # the shapes graph's sh:path node (an IRI, or a blank node of a path expression)
    targets: str
    components: Sequence[Component]
    min_count: int | None
    max_count: int | None
    sparql_path: str = ""  # the path as a SPARQL property path

    def values_query(self) -> str | None:
        """The targets' values that may break a component (each then judged in Python).

        A value of sh:class C may break it when it is no instance of C: with one such component,
        the instances are taken away by MINUS (a hash join, half the time of a NOT EXISTS per value),
        with those for which the other components' filter is true (or an error: the value is then
        let through to Python, which judges every component).
        """
        if not self.components:
            return None
        values = f"?this {self.sparql_path} ?value ." if self.path is not None else "BIND (?this AS ?value)"
        classes = [component for component in self.components if isinstance(component, Class)]
        if len(classes) == 1:
            others = " || ".join(f"({c.maybe('?value')})" for c in self.components if c is not classes[0])
            keep = f" FILTER (!COALESCE({others}, true))" if others else ""
            return f"SELECT DISTINCT ?this ?value WHERE {{ {self.targets} {values} " \
                   f"MINUS {{ {classes[0].instance('?value')}{keep} }} }}"
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
        parts = ([f"{{ {self.targets} MINUS {{ ?this {self.sparql_path} ?value }} BIND (0 AS ?count) }}"]
                 if self.min_count else [])
        if broken:
            parts.append(f"{{ SELECT ?this ({count} AS ?count) WHERE {{ {self.targets} ?this {self.sparql_path} ?value }} "
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
class MergedRuleCheck:
    """SPARQL-based constraints that differ only in their constants, run as one query.

    Each row of the query is one result of the rule its ?rule names, binding what that
    rule's own SELECT would bind (kg.validation.shapes.closed_sets_query).
    """

    query: str
    rules: tuple[RuleCheck, ...]


@dataclass(frozen=True)
class FocusCheck:
    """A constraint on all the values of a focus node at once (sh:hasValue, sh:uniqueLang, the property pairs).

    Its query selects ?this and, where the result has one, ?value; every row is one result.
    """

    shape: rdflib.term.Node
    severity: rdflib.URIRef
    message: rdflib.Literal | None
    path: rdflib.term.Node | None
    component: rdflib.URIRef
    query: str


@dataclass(frozen=True)
class DelegatedCheck:
    """A shape with logical or shape-based components: its targets found by a query, then judged by pyshacl."""

    shape: rdflib.URIRef
    targets: str
    shapes: str  # the shapes graph as N-Triples (a check travels to a worker process on its own)


@dataclass(frozen=True)
class CompiledShapes:
    properties: tuple[PropertyCheck, ...]
    rules: tuple[RuleCheck, ...]
    prefixes: tuple[tuple[str, str], ...]  # the shapes graph's, with which a report names the shapes
    focus: tuple[FocusCheck, ...] = ()
    delegated: tuple[DelegatedCheck, ...] = ()
    graph: rdflib.Graph | None = None  # the shapes graph: a report copies path expressions from it; pyshacl reads it
    merged: tuple[MergedRuleCheck, ...] = ()


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


def _message(graph: rdflib.Graph, *nodes: rdflib.term.Node) -> rdflib.Literal | None:
    """The message of a result: the innermost node's own sh:message (None: the engine words one)."""
    for node in reversed(nodes):
        messages = sorted(graph.objects(node, SH.message))
        if messages:
            return messages[0]  # type: ignore[return-value]
    return None


def _components(graph: rdflib.Graph, node: rdflib.term.Node) -> list[Component]:
    """The value constraints of a shape, one component per constraint pyshacl checks."""
    found: list[Component] = []
    flags = _one(graph, node, SH.flags)
    for parameter, value in sorted(graph.predicate_objects(node)):
        if parameter == SH.datatype:
            if value in _FOLDED:
                raise ShapesError(f"{_name(node)}: sh:datatype {value.n3(graph.namespace_manager)} is not compiled: Oxigraph "
                                  "stores its literals as xsd:integer (kg validate --engine pyshacl checks it)")
            found.append(Datatype(value))  # type: ignore[arg-type]
        elif parameter == SH.nodeKind:
            found.append(NodeKind(value))
        elif parameter == SH["in"]:
            found.append(In(frozenset(Collection(graph, value))))
        elif parameter == SH.languageIn:
            found.append(LanguageIn(tuple(str(tag) for tag in Collection(graph, value))))
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
    _known(graph, member, _ANNOTATIONS | _VALUE_PARAMETERS | {SH.severity, SH.deactivated, SH.message})
    return None if _deactivated(graph, member) else _components(graph, member)


def _classes(graph: rdflib.Graph, of: rdflib.URIRef) -> set[rdflib.term.Node]:
    """``of`` and its subclasses, as the shapes graph says (rdfs:subClassOf*)."""
    return set(graph.transitive_subjects(RDFS.subClassOf, of))


def _implicit_class(graph: rdflib.Graph, shape: rdflib.term.Node) -> bool:
    """Whether ``shape`` is also a class (an rdfs:Class, or of a subclass of it): its instances are its targets."""
    return bool(set(graph.objects(shape, RDF.type)) & _classes(graph, RDFS.Class))


def _targets(graph: rdflib.Graph, shape: rdflib.term.Node) -> str | None:
    """A group pattern binding ?this to each target of ``shape`` once (None: it has none)."""
    parts = [f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(c)} }}"
             for c in sorted(graph.objects(shape, SH.targetClass))]
    if _implicit_class(graph, shape):
        if not isinstance(shape, rdflib.URIRef):
            raise ShapesError(f"{_name(shape)}: an implicit class target on a blank node is not compiled")
        parts.append(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* <{shape}> }}")
    nodes = sorted(graph.objects(shape, SH.targetNode))
    if any(isinstance(n, rdflib.BNode) for n in nodes):
        raise ShapesError(f"{_name(shape)}: sh:targetNode of a blank node is not compiled by the SPARQL engine")
    if nodes:
        parts.append(f"{{ VALUES ?this {{ {' '.join(sparql_term(n) for n in nodes)} }} }}")
    parts += [f"{{ ?this {sparql_term(p)} ?any }}" for p in sorted(graph.objects(shape, SH.targetSubjectsOf))]
    parts += [f"{{ ?any {sparql_term(p)} ?this }}" for p in sorted(graph.objects(shape, SH.targetObjectsOf))]
    if not parts:
        return None
    return f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(parts)} }} }}"


def sparql_path(graph: rdflib.Graph, path: rdflib.term.Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, rdflib.URIRef):
        return f"<{path}>"
    if (path, RDF.first, None) in graph:
        steps = list(Collection(graph, path))
        if len(steps) < 2:
            raise ShapesError(f"{_name(path)}: a sequence path has at least two members")
        return "(" + "/".join(sparql_path(graph, step) for step in steps) + ")"
    alternatives = _one(graph, path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(sparql_path(graph, step) for step in Collection(graph, alternatives)) + ")"
    for parameter, form in _PATHS.items():
        inner = _one(graph, path, parameter)
        if inner is not None:
            return form.format(sparql_path(graph, inner))
    raise ShapesError(f"{_name(path)}: not a SHACL property path")


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


def _focus_checks(graph: rdflib.Graph, shape: rdflib.term.Node, severity: rdflib.URIRef, targets: str,
                  path: rdflib.term.Node | None, message: rdflib.Literal | None) -> list[FocusCheck]:
    """The focus-level constraints of a shape (``path`` None: a node shape, whose value is the focus node itself)."""
    values = f"?this {sparql_path(graph, path)} ?value" if path is not None else "BIND (?this AS ?value)"
    checks = []

    def check(component: rdflib.URIRef, *branches: str, select: str = "?this ?value") -> None:
        union = " UNION ".join(f"{{ {targets} {where} }}" for where in branches)
        checks.append(FocusCheck(shape, severity, message, path, component, f"SELECT DISTINCT {select} WHERE {{ {union} }}"))

    for value in sorted(graph.objects(shape, SH.hasValue)):
        own = f"?this {sparql_path(graph, path)} {sparql_term(value)}" if path is not None else \
            f"FILTER (sameTerm(?this, {sparql_term(value)}))"
        check(SH.HasValueConstraintComponent, f"FILTER NOT EXISTS {{ {own} }}", select="?this")
    unique = _one(graph, shape, SH.uniqueLang)
    # Only "true" turns it on: "1"^^xsd:boolean, though equal in value, is another term (W3C test uniqueLang-002).
    if unique == rdflib.Literal(True) and str(unique) == "true" and path is not None:
        check(SH.UniqueLangConstraintComponent,
              f"{{ SELECT ?this ?lang WHERE {{ {values} FILTER (LANG(?value) != \"\") }} "
              f"GROUP BY ?this (LANG(?value) AS ?lang) HAVING (COUNT(DISTINCT ?value) > 1) }}", select="?this ?lang")
    for other in sorted(graph.objects(shape, SH.equals)):
        mine = f"?this {sparql_path(graph, path)} ?value" if path is not None else "FILTER (sameTerm(?this, ?value))"
        check(SH.EqualsConstraintComponent, f"{values} FILTER NOT EXISTS {{ ?this {sparql_term(other)} ?value }}",
              f"?this {sparql_term(other)} ?value FILTER NOT EXISTS {{ {mine} }}")
    for other in sorted(graph.objects(shape, SH.disjoint)):
        check(SH.DisjointConstraintComponent, f"{values} . ?this {sparql_term(other)} ?value")
    for parameter, operator, component in ((SH.lessThan, "<", SH.LessThanConstraintComponent),
                                           (SH.lessThanOrEquals, "<=", SH.LessThanOrEqualsConstraintComponent)):
        for other in sorted(graph.objects(shape, parameter)):
            check(component, f"{values} . ?this {sparql_term(other)} ?other "
                             f"FILTER (!COALESCE(?value {operator} ?other, false))", select="?this ?value ?other")
    return checks


_Checks = tuple[list[PropertyCheck], list[FocusCheck], list[RuleCheck], list[DelegatedCheck]]


def _delegated(graph: rdflib.Graph, node: rdflib.term.Node) -> bool:
    """Whether a shape, or one of its property shapes, uses a logical or shape-based component.

    sh:or is compiled when each member holds value constraints only (a datatype, a list...).
    """
    nodes = [node, *graph.objects(node, SH.property)]
    if any(p in DELEGATED for n in nodes for p in graph.predicates(n)):
        return True
    if any((n, SH.property, None) in graph for n in nodes if (n, SH.path, None) in graph):
        return True  # a property shape with property shapes of its own
    simple = _ANNOTATIONS | _VALUE_PARAMETERS | {SH.severity, SH.deactivated, SH.message}
    return any(p not in simple for n in nodes for head in graph.objects(n, SH["or"])
               for member in Collection(graph, head) for p in graph.predicates(member) if str(p).startswith(str(SH)))


def _property(graph: rdflib.Graph, prop: rdflib.term.Node, targets: str) -> _Checks:
    """The checks of one property shape on ``targets``."""
    _known(graph, prop, _PROPERTY_SHAPE)
    if _deactivated(graph, prop):
        return [], [], [], []
    path = _one(graph, prop, SH.path)
    if path is None:
        raise ShapesError(f"{_name(prop)}: a property shape without sh:path")
    severity = _one(graph, prop, SH.severity) or SH.Violation
    message = _message(graph, prop)
    counts = [_one(graph, prop, p) for p in (SH.minCount, SH.maxCount)]
    check = PropertyCheck(prop, severity, message, path, targets, _components(graph, prop),
                          *(None if c is None else int(c) for c in counts), sparql_path=sparql_path(graph, path))
    return [check], _focus_checks(graph, prop, severity, targets, path, message), [], []


def _shape(graph: rdflib.Graph, shape: rdflib.term.Node, targets: str) -> _Checks:
    """The checks of a shape with targets: a node shape and its property shapes, or a property shape of its own."""
    if _delegated(graph, shape):
        if not isinstance(shape, rdflib.URIRef):
            raise ShapesError(f"{_name(shape)}: a blank-node shape with sh:node, sh:not, sh:and, sh:or of shapes, sh:xone "
                              "or sh:qualifiedValueShape is not compiled by the SPARQL engine")
        return [], [], [], [DelegatedCheck(shape, targets, graph.serialize(format="nt"))]
    if (shape, SH.path, None) in graph:
        return _property(graph, shape, targets)
    _known(graph, shape, _NODE_SHAPE)
    if _deactivated(graph, shape):
        return [], [], [], []
    severity = _one(graph, shape, SH.severity) or SH.Violation
    message = _message(graph, shape)
    checks: list[PropertyCheck] = []
    focus = _focus_checks(graph, shape, severity, targets, None, message)
    rules: list[RuleCheck] = []
    if own := _components(graph, shape):
        checks.append(PropertyCheck(shape, severity, message, None, targets, own, None, None))
    closed = _one(graph, shape, SH.closed)
    if isinstance(closed, rdflib.Literal) and closed.value is True:
        ignored = _one(graph, shape, SH.ignoredProperties)
        allowed = {*(Collection(graph, ignored) if ignored is not None else ()),
                   *(p for prop in graph.objects(shape, SH.property) if isinstance(p := _one(graph, prop, SH.path),
                                                                                  rdflib.URIRef))}
        listed = ", ".join(sorted(sparql_term(p) for p in allowed))
        focus.append(FocusCheck(shape, severity, message, None, SH.ClosedConstraintComponent,
                                f"SELECT DISTINCT ?this ?path ?value WHERE {{ {targets} ?this ?path ?value "
                                f"FILTER (?path NOT IN ({listed or '<urn:x-kg:none>'})) }}"))
    for prop in sorted(graph.objects(shape, SH.property)):
        more = _property(graph, prop, targets)
        checks += more[0]
        focus += more[1]
    for rule in sorted(graph.objects(shape, SH.sparql)):
        _known(graph, rule, _RULE)
        if not _deactivated(graph, rule):
            select = rewrite_select(str(_one(graph, rule, SH.select)), targets, _name(rule))
            query = RuleQuery(_prefixes(graph, rule) + select.text, select.selects_this, select.counts_repeats)
            rules.append(RuleCheck(shape, rule, severity, _message(graph, shape, rule) or rdflib.Literal(""), query))
    return checks, focus, rules, []


def _shapes_with_targets(graph: rdflib.Graph) -> list[rdflib.term.Node]:
    """The shapes validation starts from: those with a target, explicit or implicit (a shape that is also a class).

    Only these and what they reach are read; other triples of the file (a test manifest,
    an ontology) are not shapes and are ignored.
    """
    shape_types = _classes(graph, SH.NodeShape) | _classes(graph, SH.PropertyShape) | {SH.Shape}
    candidates = {s for p in _TARGETS for s in graph.subjects(p, None)}
    candidates |= {s for t in shape_types for s in graph.subjects(RDF.type, t) if _implicit_class(graph, s)}
    return sorted(candidates)


def compile_shapes(graph: rdflib.Graph) -> CompiledShapes:
    """The checks of every shape with a target in ``graph``."""
    properties: list[PropertyCheck] = []
    focus: list[FocusCheck] = []
    rules: list[RuleCheck] = []
    delegated: list[DelegatedCheck] = []
    for shape in _shapes_with_targets(graph):
        targets = _targets(graph, shape)
        if targets is None:
            continue
        more = _shape(graph, shape, targets)
        properties += more[0]
        focus += more[1]
        rules += more[2]
        delegated += more[3]
    return CompiledShapes(tuple(properties), tuple(rules), tuple((p, str(n)) for p, n in graph.namespaces()),
                          tuple(focus), tuple(delegated), graph)


@cache
def compiled_shapes() -> CompiledShapes:
    """The project's shapes, compiled once per process; the closed ctk: property sets checked by one query."""
    from kg.validation.shapes import closed_sets_query, shapes_graph

    compiled = compile_shapes(shapes_graph())
    query, constraints = closed_sets_query()
    merged = tuple(rule for rule in compiled.rules if rule.constraint in constraints)
    if len(merged) != len(constraints):
        raise ShapesError(f"the closed property sets: {len(constraints)} constraints, {len(merged)} compiled")
    return replace(compiled, rules=tuple(rule for rule in compiled.rules if rule.constraint not in constraints),
                   merged=(MergedRuleCheck(query, merged),))
