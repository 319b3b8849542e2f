"""Validate an Oxigraph store with the shapes compiled to SPARQL: pyshacl's report, much faster.

The compiled queries (kg.validation.compiler.compile) find the values that may break a constraint and
the nodes with too few or too many values; each candidate value is then judged as
pyshacl judges it (kg.validation.compiler.values), on the rdflib term pyshacl would see. The results
make a SHACL report graph like pyshacl's, and kg.validation.report turns it into violations, so
both engines print the same lines (tests/test_shapes_sparql.py holds them to it).

Each check is a query of its own over the whole store, so a store on disk is validated by
several processes at once, each with the store opened read-only and a share of the checks:
the checks differ in cost (at 10,000 studies the costliest takes a seventh of the time),
and are handed out one at a time, so two processes take about half the time of one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import PROV, RDF, RDFS, SH

from kg.errors import ShapesError
from kg.graphs.files import prefixed_graph
from kg.graphs.store import open_store
from kg.progress import Progress
from kg.validation.compiler.compile import (
    CompiledShapes,
    DelegatedCheck,
    FocusCheck,
    MergedRuleCheck,
    PropertyCheck,
    RuleCheck,
    compiled_shapes,
)
from kg.validation.compiler.functions import FUNCTIONS, oxigraph_term, rdflib_term
from kg.validation.report import ValidationReport, document_name, report_violations
from kg.workers import workers_pool

__all__ = ["validate_store"]


@dataclass(frozen=True)
class _Result:
    focus: rdflib.term.Node
    path: rdflib.term.Node | None
    value: rdflib.term.Node | None
    message: rdflib.Literal | None
    severity: rdflib.URIRef
    shape: rdflib.term.Node
    component: rdflib.URIRef
    constraint: rdflib.term.Node | None = None
    path_triples: tuple[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node], ...] = ()  # a path expression


def _worded(message: rdflib.Literal | None, component: rdflib.URIRef) -> rdflib.Literal:
    """The shape's message, or, for a shape without one, the constraint the result breaks."""
    return message if message is not None else rdflib.Literal(f"{component.n3().split('#')[-1].split(':')[-1]} not met")


class _Data:
    """The store, asked as the union of its graphs (the merged graph pyshacl validates).

    ``union`` False: the store has no named graphs, so its default graph is that union, and is
    asked as such (7 % faster on a build's chunks, kg.validation.chunks).
    """

    def __init__(self, store: ox.Store, *, union: bool = True) -> None:
        self.store, self.union = store, union

    def select(self, query: str, **bindings: ox.NamedNode | ox.BlankNode) -> Iterator[dict[str, object]]:
        """The solutions of a SELECT, each as a dict of its bound variables (pre-bound ones must be selected)."""
        solutions = self.store.query(query, use_default_graph_as_union=self.union, custom_functions=FUNCTIONS,
                                     substitutions={ox.Variable(k): v for k, v in bindings.items()})
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:
            yield {name: solution[name] for name in names if solution[name] is not None}

    def ask(self, query: str, value: rdflib.term.Node) -> bool:
        return bool(self.store.query(query, use_default_graph_as_union=self.union,
                                     substitutions={ox.Variable("value"): oxigraph_term(value)}))

    @cache  # noqa: B019  (one _Data per validation)
    def pyshacl_report(self, shapes: str) -> rdflib.Graph:
        """Pyshacl's report on the whole store for ``shapes`` (N-Triples), made once."""
        import pyshacl

        from kg.validation.reference import prepared_queries

        graph = rdflib.Graph()
        for named in [ox.DefaultGraph(), *self.store.named_graphs()]:
            graph.parse(data=self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=named).decode(), format="nt")
        shapes_graph = rdflib.Graph().parse(data=shapes, format="nt")
        with prepared_queries():
            _, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none", advanced=True)
        return report

    @cache  # noqa: B019  (one _Data per validation)
    def owners(self, focus: str) -> tuple[str, ...]:
        if not focus.startswith(("http:", "https:", "urn:", "file:")):
            return ()  # a literal or blank focus node (sh:targetNode "text") has no owner to name
        query = "SELECT DISTINCT ?owner ?focus WHERE { ?owner ?link ?focus FILTER (isIRI(?owner)) }"
        return tuple(row["owner"].value for row in self.select(query, focus=ox.NamedNode(focus)))

    @cache  # noqa: B019
    def documents(self, trial: str) -> tuple[str, ...]:
        labels: dict[str, list[str]] = {}
        query = f"SELECT ?trial ?document ?label WHERE {{ ?trial <{PROV.wasDerivedFrom}> ?document " \
                f"OPTIONAL {{ ?document <{RDFS.label}> ?label }} }}"
        for row in self.select(query, trial=ox.NamedNode(trial)):
            labels.setdefault(row["document"].value, []).extend([row["label"].value] if "label" in row else [])
        return tuple(sorted(document_name(document, names) for document, names in labels.items()))


def _property_results(data: _Data, check: PropertyCheck) -> Iterator[_Result]:
    def result(focus: rdflib.term.Node, value: rdflib.term.Node | None, component: rdflib.URIRef) -> _Result:
        return _Result(focus, check.path, value, _worded(check.message, component), check.severity, check.shape, component)

    if query := check.values_query():
        for row in data.select(query):
            value = rdflib_term(row["value"])
            for component in check.components:
                if component.fails(value, data.ask):
                    yield result(rdflib_term(row["this"]), value, component.iri)
    if query := check.count_query():
        for row in data.select(query):
            count = int(row["count"].value)
            if check.min_count and count < check.min_count:
                yield result(rdflib_term(row["this"]), None, SH.MinCountConstraintComponent)
            if check.max_count is not None and count > check.max_count:
                yield result(rdflib_term(row["this"]), None, SH.MaxCountConstraintComponent)


def _format(message: rdflib.Literal, bound: dict[str, rdflib.term.Node]) -> rdflib.Literal:
    """The message pyshacl gives a SPARQL-based result: each {?var} (or {$var}) replaced by the value's text."""
    text = str(message)
    for name, value in bound.items():
        text = re.sub(f"{{[?$]{name}}}", str(value), text)
    return rdflib.Literal(text)


def _rule_results(data: _Data, rule: RuleCheck) -> Iterator[_Result]:
    for row in data.select(rule.query.text):
        yield from _rule_row(rule, row)


def _merged_results(data: _Data, check: MergedRuleCheck) -> Iterator[_Result]:
    rules = {str(rule.constraint): rule for rule in check.rules}
    for row in data.select(check.query):
        yield from _rule_row(rules[row.pop("rule").value], row)  # type: ignore[attr-defined]


def _rule_row(rule: RuleCheck, row: dict[str, object]) -> Iterator[_Result]:
    """The result of one row of a rule's query (none when the row binds none of ?this, ?path, ?value)."""
    bound = {name: rdflib_term(term) for name, term in row.items()}  # type: ignore[arg-type]
    focus = bound["this"] if rule.query.selects_this else bound.pop("this")
    if "failure" in bound:  # the rule says the node fails, with no value
        del bound["failure"]
        yield _Result(focus, None, focus, _format(rule.message, bound), rule.severity, rule.shape,
                      SH.SPARQLConstraintComponent, rule.constraint)
        return
    path, value, this = bound.pop("path", None), bound.pop("value", None), bound.pop("this", None)
    if path is None and value is None and this is None:
        return  # pyshacl reports nothing for a row that binds none of them
    value = focus if value is None else value  # a node shape's rule reports the node itself
    named = {**bound, **({"this": this} if this is not None else {}), **({"path": path} if path is not None else {}),
             "value": value}
    yield _Result(this or focus, path, value, _format(rule.message, named), rule.severity, rule.shape,
                  SH.SPARQLConstraintComponent, rule.constraint)


def _focus_results(data: _Data, check: FocusCheck) -> Iterator[_Result]:
    for row in data.select(check.query):
        value = rdflib_term(row["value"]) if "value" in row else None
        path = rdflib_term(row["path"]) if "path" in row else check.path  # sh:closed: the property not allowed
        yield _Result(rdflib_term(row["this"]), path, value, _worded(check.message, check.component), check.severity,
                      check.shape, check.component)


def _delegated_results(data: _Data, check: DelegatedCheck) -> Iterator[_Result]:
    """The results pyshacl gives for one shape (and the property shapes under it), on the focus nodes its targets query finds.

    pyshacl runs once per validation on the whole graph: its focus_nodes option would also
    apply the shapes that have no targets (the members of an sh:not) to the nodes given.
    """
    focus = {rdflib_term(row["this"]) for row in data.select(f"SELECT ?this WHERE {{ {check.targets} }}")}
    if not focus:
        return
    report = data.pyshacl_report(check.shapes)
    shapes = rdflib.Graph().parse(data=check.shapes, format="nt")
    direct = {check.shape, *shapes.objects(check.shape, SH.property)}  # their results are about the focus nodes
    own = set(shapes.transitive_objects(check.shape, SH.property))  # deeper ones: about the values (property-001)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(result, SH.sourceShape)
        if shape not in own or (shape in direct and report.value(result, SH.focusNode) not in focus):
            continue
        path = report.value(result, SH.resultPath)
        triples = tuple(_reachable(report, path)) if isinstance(path, rdflib.BNode) else ()
        yield _Result(report.value(result, SH.focusNode), path, report.value(result, SH.value),  # type: ignore[arg-type]
                      report.value(result, SH.resultMessage), report.value(result, SH.resultSeverity),  # type: ignore[arg-type]
                      report.value(result, SH.sourceShape), report.value(result, SH.sourceConstraintComponent),  # type: ignore[arg-type]
                      report.value(result, SH.sourceConstraint), triples)


def _reachable(graph: rdflib.Graph, node: rdflib.term.Node) -> Iterator[tuple[rdflib.term.Node, ...]]:
    """The statements about a blank node and the blank nodes it leads to (a path expression, an RDF list)."""
    seen, todo = set(), [node]
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for predicate, obj in graph.predicate_objects(subject):
            yield subject, predicate, obj
            if isinstance(obj, rdflib.BNode):
                todo.append(obj)


_Check = PropertyCheck | RuleCheck | MergedRuleCheck | FocusCheck | DelegatedCheck


def _check_results(data: _Data, check: _Check) -> Iterator[_Result]:
    if isinstance(check, PropertyCheck):
        return _property_results(data, check)
    if isinstance(check, FocusCheck):
        return _focus_results(data, check)
    if isinstance(check, DelegatedCheck):
        return _delegated_results(data, check)
    if isinstance(check, MergedRuleCheck):
        return _merged_results(data, check)
    return _rule_results(data, check)


@cache
def _opened(directory: Path) -> _Data:
    """The store in ``directory`` as a worker process sees it, opened once per process."""
    return _Data(open_store(directory))


def _results_in(directory: Path, check: _Check) -> list[_Result]:
    """One check's results on the store in ``directory`` (run in a worker process)."""
    return list(_check_results(_opened(directory), check))


def _judged_again(data: _Data, check: _Check, results: Iterable[_Result]) -> Iterator[_Result]:
    """Results found on a part of the store, with a value's failure judged again on the whole store:
    on a part, a value may lack an rdf:type (sh:class) that the store gives it elsewhere.
    """
    for found in results:
        if isinstance(check, PropertyCheck) and found.value is not None and \
                not any(c.iri == found.component and c.fails(found.value, data.ask) for c in check.components):
            continue
        yield found


def _report_graph(results: Iterable[_Result], conforms: bool, shapes: CompiledShapes) -> rdflib.Graph:
    """A SHACL validation report, as pyshacl writes it (its prefixes: rdflib's core ones and the shapes')."""
    report = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in shapes.prefixes:
        report.bind(prefix, namespace)
    root = rdflib.BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    report.add((root, SH.conforms, rdflib.Literal(conforms)))
    for found in results:
        node = rdflib.BNode()
        report.add((root, SH.result, node))
        if isinstance(found.path, rdflib.BNode):  # a path expression, written out as in the shapes graph
            for triple in found.path_triples or (_reachable(shapes.graph, found.path) if shapes.graph is not None else ()):
                report.add(triple)
        for predicate, term in ((RDF.type, SH.ValidationResult), (SH.focusNode, found.focus),
                                (SH.resultPath, found.path), (SH.value, found.value),
                                (SH.resultMessage, found.message), (SH.resultSeverity, found.severity),
                                (SH.sourceShape, found.shape), (SH.sourceConstraintComponent, found.component),
                                (SH.sourceConstraint, found.constraint)):
            if term is not None:
                report.add((node, predicate, term))
    return report


def validate_store(store: ox.Store | Path, shapes: CompiledShapes | None = None, *, workers: int = 1,
                   progress: Progress | None = None, checks: Sequence[_Check] | None = None,
                   found: Iterable[tuple[_Check, Iterable[_Result]]] = ()) -> ValidationReport:
    """Validate the union of the store's graphs against the shapes (by default the project's own).

    ``store`` is an open store, or the directory of one on disk, which ``workers`` processes
    then validate together (an open store is validated in this process). ``checks``: only these
    of the shapes' checks, the others' results being ``found`` already (on parts of the store,
    kg.validation.chunks: a failure that reads a value's type is judged again on the store).
    """
    shapes = shapes or compiled_shapes()
    if checks is None:
        checks = [*shapes.merged, *shapes.properties, *shapes.focus, *shapes.rules, *shapes.delegated]
    checks = list(checks)
    pool = workers_pool(min(workers, len(checks))) if isinstance(store, Path) else None
    tell = progress or (lambda stage, done, total: None)
    results: list[_Result] = []  # one per focus node and constraint: two constraints failing alike are two results
    try:
        # The work is handed out (and the workers forked) before this process opens the store,
        # so that no worker inherits an open database.
        futures = [pool.submit(_results_in, store, check) for check in checks] if pool is not None else []
        data = _Data(open_store(store) if isinstance(store, Path) else store)
        repeated = [rule for rule in shapes.rules if rule.query.counts_repeats]
        if repeated and any(True for _ in data.store.named_graphs()):
            raise ShapesError(f"{repeated[0].constraint}: counts without DISTINCT, and the store's named graphs "
                              "repeat statements; validate the merged graph (kg export) or count DISTINCT")
        for check, check_results in found:
            results.extend(_judged_again(data, check, check_results))
        done_here = (f.result() for f in as_completed(futures)) if futures else (_check_results(data, c) for c in checks)
        tell("validating", 0, len(checks))
        for done, check_results in enumerate(done_here, 1):
            results.extend(check_results)
            tell("validating", done, len(checks))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    conforms = all(r.severity in (SH.Warning, SH.Info) for r in results)  # kg's choice; SHACL's is in the graph
    report = _report_graph(results, not results, shapes)
    return ValidationReport(conforms, report_violations(report, prefixed_graph(), data), report)
