"""Which compiled checks judge a trial on its own statements, and which need the whole graph.

A build maps its records in chunks of whole trials (kg.build.streaming), and a worker can
validate a chunk's statements while the next chunk is read. A check is *per trial* when, for
every focus node, its result on the chunk that owns the node is provably its result on the
whole graph. That holds when the check reads only

- the focus node's own statements (subject: the node; its rdf:type picks it as a target),
- the statements that link to it by a named property other than :data:`FOREIGN_LINK`, and the
  own statements of the nodes that link so (a part's "belongs to one trial" count),
- the rdf:type of its values (sh:class): read on the chunk, a value may lack its type there
  and have it elsewhere, so a failure found on a chunk is judged again on the whole graph
  (kg.validation.chunks); a value that passes on the chunk passes on the whole graph,

and when its targets are nodes of :data:`TRIAL_CLASSES` only (sh:targetClass, no other kind of
target). Everything else is judged on the whole graph once the build is done: the checks of
shared things (sites, organisations, conditions, publications, source documents and register
numbers, which many trials name and :func:`kg.build.pipeline.once` writes once), any path
longer than one step, and any rule that reads the statements of a value or of another node
(two numbers of one register: the identifier nodes are shared).

This is sound only for a graph whose chunks hold what the build's IRIs promise; the worker
checks that promise on each chunk (:func:`premises_query` and kg.validation.chunks) and the
whole graph is validated after the build, as ``kg validate`` does, when any chunk breaks it.

The checks judged on the whole graph read little of it: :func:`whole_reads` says what (the types
and own statements of the shared things, a trial's identifier links and its identifiers' schemes
and values), and a file build keeps just that (kg.validation.chunks). Trial-one-number-per-register
stays among them: a chunk holds the schemes and values its own records give a register number,
but another chunk's record may give the same number's node another (a shared node), so the
chunk's count of a trial's numbers per register need not be the whole graph's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import rdflib
from rdflib.namespace import RDF, SH
from rdflib.paths import AlternativePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kg.model.namespaces import CTK, ID
from kg.validation.compiler.compile import (
    CompiledShapes,
    DelegatedCheck,
    FocusCheck,
    MergedRuleCheck,
    PropertyCheck,
    RuleCheck,
    _prefixes,
    _targets,
)

__all__ = ["TRIAL_CLASSES", "TRIAL_PREFIX", "FOREIGN_LINK", "Split", "split_checks", "Check", "WholeReads", "whole_reads"]

Check = PropertyCheck | RuleCheck | MergedRuleCheck | FocusCheck | DelegatedCheck

#: Where a trial's own nodes are named: the trial ``trial/KEY`` and its parts ``trial/KEY/...``.
TRIAL_PREFIX = f"{ID}trial/"
#: The classes whose nodes kg.rdf.iris names under their trial's IRI (arm(key, ...), outcome(key, ...),
#: trial_record(key, ...), dose_level(product, ...)): each is described by its trial's records
#: alone. Not here: sites, organisations, conditions, publications, documents (named by what they
#: are) and identifiers (a register number is one node for every trial that gives it). Each worker
#: checks that every node of these classes is one of its chunk's trials' own.
TRIAL_CLASSES = frozenset(rdflib.URIRef(f"{CTK}{name}") for name in (
    "Trial", "TrialRecord", "Arm", "Intervention", "Outcome", "EligibilityCriterion", "EligibilityThreshold",
    "CellProduct", "DoseLevel", "CytokineUse", "Cytokine", "Regimen", "OutcomeMeasurement", "ResultGroup",
    "AdverseEvent", "Official"))
#: The one statement a record makes about another trial's node: its own trial is related to that
#: trial (with that trial's id, ``trial/K ctk:trialId "K"``, the statement trial K's records make).
FOREIGN_LINK = rdflib.URIRef(f"{CTK}relatedTrial")
TRIAL_ID = rdflib.URIRef(f"{CTK}trialId")


@dataclass(frozen=True)
class Split:
    """The checks a worker runs on each chunk, and those run on the whole graph, each with why."""

    per_trial: tuple[Check, ...]
    whole: tuple[Check, ...]
    reasons: dict[int, str]  # id(check) -> why it is judged where it is


def _target_classes(shapes: CompiledShapes) -> dict[str, frozenset[rdflib.term.Node]]:
    """The targets query of each node shape whose only targets are sh:targetClass, and those classes."""
    graph = shapes.graph
    found: dict[str, frozenset[rdflib.term.Node]] = {}
    if graph is None:
        return found
    for shape in set(graph.subjects(SH.targetClass, None)):
        if any((shape, p, None) in graph for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)) \
                or (shape, RDF.type, rdflib.RDFS.Class) in graph:
            continue  # other targets (or an implicit class): nodes that need not be a trial's own
        targets = _targets(graph, shape)
        if targets is not None:
            found[targets] = frozenset(graph.objects(shape, SH.targetClass))
    return found


_THIS = rdflib.Variable("this")
#: Algebra nodes whose solutions all satisfy their first part (``p``/``p1``): a node linking to the
#: focus node in that part is bound wherever the node's solutions are. Not Union, Minus, the optional
#: part of a LeftJoin, nor a sub-query (whose variables are its own unless projected).
_MANDATORY = {"Filter": ("p",), "Extend": ("p",), "Project": ("p",), "Distinct": ("p",), "Reduced": ("p",),
              "Join": ("p1", "p2"), "LeftJoin": ("p1",), "SelectQuery": ("p",)}


def _triples(node: CompValue) -> list[tuple[object, object, object]]:
    """The triple patterns of a group: the algebra's BGP, or the parser's TriplesBlock (rdflib leaves an
    EXISTS pattern as parsed).
    """
    return [tuple(triple) for triple in node.triples] if node.name in ("BGP", "TriplesBlock") else []


def _linkers(node: object) -> set[rdflib.term.Node]:
    """The variables bound, in every solution of ``node``, to a node linking to the focus node by a named
    property (not FOREIGN_LINK).
    """
    if not isinstance(node, CompValue):
        return set()
    if node.name in ("BGP", "TriplesBlock"):
        return {s for s, p, o in _triples(node) if o == _THIS and isinstance(s, rdflib.Variable) and s != _THIS
                and isinstance(p, rdflib.URIRef) and p != FOREIGN_LINK}
    if node.name == "GroupGraphPatternSub":  # as parsed: its triple blocks are joined, the rest may not bind
        return set().union(*(_linkers(part) for part in node.get("part") or () if isinstance(part, CompValue)
                             and part.name == "TriplesBlock"))
    return set().union(*(_linkers(node.get(part)) for part in _MANDATORY.get(node.name, ())))


def _unread(node: object, linkers: set[rdflib.term.Node]) -> str | None:
    """The first triple pattern of ``node`` that reads more than the focus node's own statements and those of
    the nodes linking to it (``linkers``: the variables bound to such nodes where ``node`` is evaluated).
    """
    if isinstance(node, (list, tuple)):
        return next((found for item in node if (found := _unread(item, linkers))), None)
    if not isinstance(node, CompValue):
        return None
    if node.name in ("BGP", "TriplesBlock"):
        here = linkers | _linkers(node)
        for s, p, o in _triples(node):
            own = s == _THIS and (isinstance(p, (rdflib.URIRef, rdflib.Variable))
                                  or (isinstance(p, AlternativePath) and all(isinstance(a, rdflib.URIRef) for a in p.args)))
            if not own and not (s in here and isinstance(p, (rdflib.URIRef, rdflib.Variable))):
                return f"({s} {p} {o})"
        return None
    if node.name == "GroupGraphPatternSub":
        return _unread(node.get("part"), linkers | _linkers(node))
    if node.name == "Filter":  # its EXISTS patterns are evaluated on each solution of its group
        return _unread(node.get("p"), linkers) or _unread(node.get("expr"), linkers | _linkers(node.get("p")))
    return next((found for value in node.values() if (found := _unread(value, linkers))), None)


def _rule_reads(graph: rdflib.Graph, rule: rdflib.term.Node) -> str | None:
    """Why a SPARQL-based constraint needs the whole graph (None: it reads only what a trial's chunk holds)."""
    select = graph.value(rule, SH.select)
    try:
        query = prepareQuery(_prefixes(graph, rule) + str(select))
    except Exception as error:  # rdflib's parser raises many kinds of error; such a rule is simply not per trial
        return f"its query is not read here ({type(error).__name__})"
    found = _unread(query.algebra, set())
    return None if found is None else f"it reads {found}, statements that are not the focus node's own nor those " \
                                      "of the nodes linking to it"


def split_checks(shapes: CompiledShapes) -> Split:
    """The checks of ``shapes`` split into those a worker runs on each chunk of whole trials and the others."""
    classes = _target_classes(shapes)
    per_trial: list[Check] = []
    whole: list[Check] = []
    reasons: dict[int, str] = {}

    def put(check: Check, targets: str | None, why_not: str | None) -> None:
        targeted = classes.get(targets) if targets is not None else None
        if why_not is None and targeted is None:
            why_not = "its targets are not only sh:targetClass"
        elif why_not is None and not targeted <= TRIAL_CLASSES:
            why_not = f"it targets shared things ({', '.join(sorted(str(c).split('#')[-1] for c in targeted - TRIAL_CLASSES))})"
        (whole if why_not else per_trial).append(check)
        reasons[id(check)] = why_not or "it reads the focus node's own statements (and those linking to it) only"

    for check in shapes.properties:
        simple = check.path is None or isinstance(check.path, rdflib.URIRef)
        put(check, check.targets, None if simple else "its path is more than one property")
    for check in shapes.focus:
        simple = check.path is None or isinstance(check.path, rdflib.URIRef)
        put(check, _focus_targets(check, classes), None if simple else "its path is more than one property")
    for rule in shapes.rules:
        put(rule, _rule_targets(rule, shapes), _rule_reads(shapes.graph, rule.constraint)
            if shapes.graph is not None else "no shapes graph")
    for merged in shapes.merged:
        # One query for the closed property sets of many classes: cut in two, as each rule's classes are.
        local = tuple(r for r in merged.rules if classes.get(_rule_targets(r, shapes) or "", frozenset({None}))
                      <= TRIAL_CLASSES)
        for part, rules in (("trial", local), ("shared", tuple(r for r in merged.rules if r not in local))):
            if rules:
                check = replace(merged, query=_restricted(merged.query, rules), rules=rules)
                (per_trial if part == "trial" else whole).append(check)
                reasons[id(check)] = "closed property sets of " + ("trial classes: the focus node's own statements"
                                                                   if part == "trial" else "shared things")
    for check in shapes.delegated:
        whole.append(check)
        reasons[id(check)] = "pyshacl judges it on the whole graph"
    return Split(tuple(per_trial), tuple(whole), reasons)


def _focus_targets(check: FocusCheck, classes: dict[str, frozenset[rdflib.term.Node]]) -> str | None:
    """The targets query a focus check's query starts with (it is written first in each branch)."""
    return next((targets for targets in classes if targets in check.query), None)


def _rule_targets(rule: RuleCheck, shapes: CompiledShapes) -> str | None:
    """The targets query of a rule: its node shape's."""
    return _targets(shapes.graph, rule.shape) if shapes.graph is not None else None


def _restricted(query: str, rules: tuple[RuleCheck, ...]) -> str:
    """The closed-sets query (kg.validation.shapes.closed_sets_query) for ``rules`` only: its
    VALUES rows of the other rules dropped.
    """
    names = {f"<{rule.constraint}>" for rule in rules}
    head, _, rest = query.partition("VALUES (?class ?rule) { ")
    rows, _, tail = rest.partition(" }")
    kept = [row for row in rows.split(") (") if row.strip("()").split()[1] in names]
    return f"{head}VALUES (?class ?rule) {{ ({') ('.join(row.strip('()') for row in kept)}) }}{tail}"


@dataclass(frozen=True)
class WholeReads:
    """What the checks judged on the whole graph read, when that is all they read.

    - the rdf:type of their targets, nodes of ``classes`` (sh:targetClass only, no rdfs:subClassOf in the data),
    - those nodes' own statements by the properties of ``own`` ((class, property); None: every property),
    - the own statements of their values by a property of ``followed`` ((class, property), of a node of the
      class: Trial-one-number-per-register reads a trial's identifiers' schemes and values),

    Their value components read no rdf:type (no sh:class). A file build keeps these statements as its
    workers map the chunks (kg.validation.chunks) and runs the checks on them, not on the whole output.
    """

    classes: frozenset[rdflib.term.Node]
    own: frozenset[tuple[rdflib.term.Node, rdflib.URIRef | None]]
    followed: frozenset[tuple[rdflib.term.Node, rdflib.URIRef]]


def whole_reads(shapes: CompiledShapes, split: Split) -> WholeReads | None:
    """What ``split.whole`` reads (:class:`WholeReads`), or None when a check reads anything else (or
    cannot be read here): the whole graph is then what they are run on.
    """
    from kg.validation.compiler.values import Class, Or

    if shapes.graph is None:
        return None
    targeted = _target_classes(shapes)
    own: set[tuple[rdflib.term.Node, rdflib.URIRef | None]] = set()
    followed: set[tuple[rdflib.term.Node, rdflib.URIRef]] = set()

    def typed(targets: str | None) -> frozenset[rdflib.term.Node]:
        return targeted.get(targets, frozenset()) if targets is not None else frozenset()

    def reads_types(component: object) -> bool:
        return isinstance(component, Class) or (isinstance(component, Or) and any(
            reads_types(c) for member in component.members if member is not None for c in member))

    for check in split.whole:
        if isinstance(check, PropertyCheck):
            classes = typed(check.targets)
            if not classes or any(reads_types(component) for component in check.components):
                return None
            if check.path is not None and not isinstance(check.path, rdflib.URIRef):
                return None
            own.update((cls, check.path) for cls in classes)  # path None: the node itself, no statement read
        elif isinstance(check, MergedRuleCheck):  # the closed property sets: every own statement of the targets
            for rule in check.rules:
                classes = typed(_rule_targets(rule, shapes))
                if not classes:
                    return None
                own.update((cls, None) for cls in classes)
        elif isinstance(check, RuleCheck):
            classes = typed(_rule_targets(check, shapes))
            reads = _rule_reads_own(shapes.graph, check.constraint)
            if not classes or reads is None:
                return None
            properties, hops = reads
            own.update((cls, p) for cls in classes for p in properties)
            followed.update((cls, hop) for cls in classes for hop in hops)
        else:  # a focus check's query, pyshacl: not read here
            return None
    own = {(cls, p) for cls, p in own if p is not None and (cls, None) not in own} | {(c, p) for c, p in own if p is None}
    return WholeReads(frozenset(cls for cls, _ in own), frozenset(own), frozenset(followed))


def _rule_reads_own(graph: rdflib.Graph, rule: rdflib.term.Node) \
        -> tuple[frozenset[rdflib.URIRef | None], frozenset[rdflib.URIRef]] | None:
    """What a SPARQL-based constraint reads, when every triple pattern it has is about the focus node
    (``$this``) or about one of its values by a named property (``$this P ?v . ?v ...``): the properties
    of the focus node's statements it reads (None: any), and those P; None when it reads anything else.
    """
    try:
        query = prepareQuery(_prefixes(graph, rule) + str(graph.value(rule, SH.select)))
    except Exception:  # rdflib's parser raises many kinds of error; such a rule is run on the whole graph
        return None
    patterns: list[tuple[object, object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, (list, tuple)):
            for item in node:
                walk(item)
        elif isinstance(node, CompValue):
            patterns.extend(_triples(node))
            for value in node.values():
                walk(value)

    walk(query.algebra)
    hops: dict[object, set[object]] = {}
    for s, p, o in patterns:
        if s == _THIS and isinstance(o, rdflib.Variable):
            hops.setdefault(o, set()).add(p)
    properties: set[rdflib.URIRef | None] = set()
    used: set[rdflib.URIRef] = set()
    for s, p, _ in patterns:
        if isinstance(p, AlternativePath) and all(isinstance(a, rdflib.URIRef) for a in p.args):
            named = set(p.args)
        elif isinstance(p, (rdflib.URIRef, rdflib.Variable)):
            named = {p if isinstance(p, rdflib.URIRef) else None}
        else:
            return None  # a longer path
        if s == _THIS:
            properties |= named
            continue
        via = hops.get(s)
        if not via or not all(isinstance(hop, rdflib.URIRef) for hop in via):
            return None  # a node reached otherwise than by a named property of the focus node
        used.update(via)  # type: ignore[arg-type]
    return frozenset(properties), frozenset(used)
