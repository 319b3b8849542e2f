"""Validation while a build writes: each chunk of whole trials checked in the worker that maps it,
the checks that need the whole graph run once the build is done, one report from both.

The checks are split by kg.validation.compiler.locality. A worker loads a chunk's statements
(before :func:`kg.build.pipeline.once` drops the shared ones an earlier chunk wrote) into an
in-memory store, as the output will hold them (named graphs in a store, one merged graph in a
file), checks that the chunk holds what the split relies on (:func:`_broken`), and runs the
per-trial checks. The main process then runs the other checks on the output, judges again on it the
failures that read a value's type (sh:class), and makes the report ``kg validate`` makes of
the output (kg.validation.sparql_engine). When any chunk breaks a premise, the whole output is
validated instead: the report is the same either way, only slower.

This relies on the output holding exactly the statements of its chunks (kg.build.pipeline.once
leaves out only a shared statement an earlier chunk wrote, in the same graph): a build that wrote
some elsewhere, or dropped some, would have to say so here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, XSD

from kg.progress import Progress
from kg.rdf import iris
from kg.validation.compiler.compile import compiled_shapes
from kg.validation.compiler.locality import FOREIGN_LINK, TRIAL_CLASSES, TRIAL_ID, TRIAL_PREFIX, Split, split_checks
from kg.validation.report import ValidationReport

__all__ = ["Checked", "chunk_checker", "check_chunk", "validate_built"]


@dataclass(frozen=True)
class Checked:
    """A worker's findings on one chunk: the premise it breaks (None: none), and the per-trial
    checks' results, as (index of the check in the split's ``per_trial``, its results).
    """

    broken: str | None
    results: tuple[tuple[int, tuple[object, ...]], ...] = ()


@cache
def _split() -> Split:
    """The project's checks split, once per process (a worker's too)."""
    return split_checks(compiled_shapes())


def chunk_checker(*, quads: bool, named: bool) -> Callable[[bytes, bytes, frozenset[str]], Checked]:
    """:func:`check_chunk` for a build's ``check``, with the checks split here first: the workers,
    forked afterwards, do not each compile the shapes again (2 s).
    """
    _split()
    return partial(check_chunk, quads=quads, named=named)


def check_chunk(text: bytes, shared: bytes, keys: frozenset[str], *, quads: bool, named: bool) -> Checked:
    """The per-trial checks on one chunk's statements (N-Quads when ``quads``, else N-Triples):
    ``keys`` are the trials all of whose records the chunk holds; ``named``: the output keeps
    named graphs (a store), else they are merged as a graph file is when validated.
    """
    from kg.validation.sparql_engine import _check_results, _Data

    store = ox.Store()
    for piece in (text, shared):
        if not piece:
            continue
        if quads and not named:  # a dataset file is validated as one merged graph
            store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                         for q in ox.parse(piece, ox.RdfFormat.N_QUADS))
        else:
            # Lenient: the IRIs are not checked again here (a third of the load); the output, loaded
            # strictly into the store or from the file when validated, still refuses a bad one.
            store.load(piece, ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES, lenient=True)
    broken = _broken(store, keys)
    if broken:
        return Checked(broken)
    data = _Data(store, union=any(True for _ in store.named_graphs()))
    found = []
    for index, check in enumerate(_split().per_trial):
        results = tuple(_check_results(data, check))
        if results:
            found.append((index, results))
    return Checked(None, tuple(found))


def _broken(store: ox.Store, keys: frozenset[str]) -> str | None:
    """The premise of the split (kg.validation.compiler.locality) the chunk breaks, if any.

    - every trial of ``keys`` has an IRI of its own (its key, unchanged by kg.rdf.iris) and says its id;
    - a node of a trial not among them (its own, or a part) appears only as another trial's related
      trial (``<own> ctk:relatedTrial <trial/K>``) and with its id (``<trial/K> ctk:trialId "K"``), the
      very statement trial K's own records make;
    - whatever links to one of the chunk's trials' nodes is a node of one of them;
    - every node of a trial class (TRIAL_CLASSES) is a node of one of them;
    - no rdfs:subClassOf (the targets and sh:class would read the class hierarchy).

    Then, for every node of these trials, its own statements and the statements linking to it
    (but ctk:relatedTrial) are all in this chunk, and the nodes linking to it are the chunk's trials' own.
    One pass over the statements in Python (0.1 s for a chunk of 128 registry studies; a query
    computing each node's trial took ten times as long).
    """
    owned: set[str] = set()
    trial_id, related, kind, string = (ox.NamedNode(str(term)) for term in (TRIAL_ID, FOREIGN_LINK, RDF.type, XSD.string))
    for key in keys:
        iri = iris.trial(key)
        if unquote(iri[len(TRIAL_PREFIX):]) != key:
            return f"trial key {key!r} is not its IRI's"
        owned.add(iri)
        if not any(store.quads_for_pattern(ox.NamedNode(iri), trial_id, ox.Literal(key))):
            return f"{iri} does not say its id"
    classes = {str(c) for c in TRIAL_CLASSES}
    subclass = str(RDFS.subClassOf)
    trials: dict[str, str | None] = {}  # a term's value -> the trial IRI whose node it is (None: none)

    def trial_of(term: object) -> str | None:
        if not isinstance(term, ox.NamedNode):
            return None
        value = term.value
        if value not in trials:
            trials[value] = TRIAL_PREFIX + value[len(TRIAL_PREFIX):].split("/", 1)[0] \
                if value.startswith(TRIAL_PREFIX) else None
        return trials[value]

    for quad in store:
        s, p, o = quad.subject, quad.predicate, quad.object
        subject, obj = trial_of(s), trial_of(o)
        if subject is not None and subject not in owned:  # only <trial/K> ctk:trialId "K"
            if not (s.value == subject and p == trial_id and isinstance(o, ox.Literal) and o.datatype == string
                    and iris.trial(o.value) == subject and unquote(subject[len(TRIAL_PREFIX):]) == o.value):
                return f"{s} {p} {o}: a statement about a trial node of another chunk"
        if obj is not None and subject not in owned:
            return f"{s} {p} {o}: a link to a trial node from a node of no trial of the chunk"
        if obj is not None and obj not in owned and not (p == related and o.value == obj):
            return f"{s} {p} {o}: a statement about a trial node of another chunk"
        if p == kind and isinstance(o, ox.NamedNode) and o.value in classes and subject not in owned:
            return f"{s}: a node of a trial class that is not a node of the chunk's trials"
        if p.value == subclass:
            return "rdfs:subClassOf in the data"
    return None


def validate_built(checked: Iterable[Checked], graphs: tuple[Path, ...] = (), store: Path | None = None, *,
                   workers: int = 1, progress: Progress | None = None) -> ValidationReport:
    """The report ``kg validate`` gives on the build's output (``graphs``, or the store in ``store``),
    from its chunks' findings and the checks that need the whole graph.
    """
    from kg.validation.engines import validate
    from kg.validation.sparql_engine import validate_store

    checked = list(checked)
    if not checked or any(found.broken for found in checked):
        return validate(graphs, store, workers=workers, progress=progress)  # a premise broken: everything on the output
    split = _split()
    found = [(split.per_trial[index], results) for found in checked for index, results in found.results]
    if store is not None:
        return validate_store(store, workers=workers, progress=progress, checks=split.whole, found=found)
    from kg.graphs.files import load_store

    return validate_store(load_store(graphs), progress=progress, checks=split.whole, found=found)
