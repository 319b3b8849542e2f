"""Validation while a build writes: each chunk of whole trials checked in the worker that maps it,
the checks that need the whole graph run once the build is done, one report from both.

The checks are split by kg.validation.compiler.locality. A worker loads a chunk's statements
(before :func:`kg.build.pipeline.once` drops the shared ones an earlier chunk wrote) into an
in-memory store, as the output will hold them (named graphs in a store, one merged graph in a
file), checks that the chunk holds what the split relies on (:func:`_broken`), and runs the
per-trial checks. The main process then runs the other checks, judges again the failures that
read a value's type (sh:class), and makes the report ``kg validate`` makes of the output
(kg.validation.sparql_engine): on the store a build fills; for a graph file, on the statements
those checks and the report read, which each worker keeps of its chunk (:func:`_kept`, what
kg.validation.compiler.locality.whole_reads finds the checks read) and the main process spools
beside the output: the shared things' statements, not the whole output loaded again (at 560,000
studies it would not fit in memory). When any chunk breaks a premise, the whole output is
validated instead: the report is the same either way, only slower.

This relies on the output holding exactly the statements of its chunks (kg.build.pipeline.once
leaves out only a shared statement an earlier chunk wrote, in the same graph): a build that wrote
some elsewhere, or dropped some, would have to say so here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import IO
from urllib.parse import unquote

import pyoxigraph as ox
import rdflib
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.model.namespaces import ID
from kg.progress import Progress
from kg.rdf import iris
from kg.validation.compiler.compile import compiled_shapes
from kg.validation.compiler.locality import (
    FOREIGN_LINK,
    TRIAL_CLASSES,
    TRIAL_ID,
    TRIAL_PREFIX,
    Split,
    WholeReads,
    split_checks,
    whole_reads,
)
from kg.validation.report import ValidationReport

__all__ = ["Checked", "Kept", "chunk_checker", "check_chunk", "validate_built"]


@dataclass(frozen=True)
class Checked:
    """A worker's findings on one chunk: the premise it breaks (None: none), and the per-trial
    checks' results, as (index of the check in the split's ``per_trial``, its results).

    For a graph file, also the chunk's statements the whole-graph checks and the report read
    (N-Triples, :func:`_kept`; None: not kept), and the IRIs a trial node of the chunk links to that
    the chunk does not say to be a target of those checks (the links to them are not kept); and the
    shared things judged here (:func:`_judged`): their types, and how many they are.
    """

    broken: str | None
    results: tuple[tuple[int, tuple[object, ...]], ...] = ()
    kept: bytes | None = None
    unsure: frozenset[str] = frozenset()
    #: The rdf:type statements of the shared things judged here and so not kept (:func:`_judged`), N-Triples.
    types: bytes = b""
    #: How many shared things were judged here (their statements not kept).
    judged: int = 0


#: rdf:type as Oxigraph names it.
_TYPE = ox.NamedNode(str(RDF.type))


@cache
def _split() -> Split:
    """The project's checks split, once per process (a worker's too)."""
    return split_checks(compiled_shapes())


@cache
def _reads() -> WholeReads | None:
    """What the whole-graph checks read (None: more than a file build keeps for them)."""
    return whole_reads(compiled_shapes(), _split())


def chunk_checker(*, quads: bool, named: bool) -> Callable[[bytes, bytes, frozenset[str]], Checked]:
    """:func:`check_chunk` for a build's ``check``, with the checks split here first: the workers,
    forked afterwards, do not each compile the shapes again (2 s).
    """
    _split()
    _reads()
    return partial(check_chunk, quads=quads, named=named)


def check_chunk(text: bytes, shared: bytes, keys: frozenset[str], *, quads: bool, named: bool) -> Checked:
    """The per-trial checks on one chunk's statements (N-Quads when ``quads``, else N-Triples):
    ``keys`` are the trials all of whose records the chunk holds; ``named``: the output keeps
    named graphs (a store), else they are merged as a graph file is when validated.
    """
    from kg.validation.sparql_engine import _check_results, _Data

    store = ox.Store()
    try:
        for piece in (text, shared):
            if not piece:
                continue
            if quads and not named:  # a dataset file is validated as one merged graph
                store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                             for q in ox.parse(piece, ox.RdfFormat.N_QUADS))
            else:
                # A store's chunk is loaded leniently (a third of the load): the store's own load checks its IRIs. A
                # graph file is not read again when it is validated (only what the whole-graph checks read is kept),
                # and an N-Triples file is written as its text is, so its chunks are loaded strictly.
                store.load(piece, ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES, lenient=named)
    except SyntaxError as error:  # the output is validated whole, which refuses it as `kg validate` does
        return Checked(f"not well-formed RDF ({error})")
    reads = None if named else _reads()
    links: list[ox.Quad] | None = [] if reads is not None else None
    kept: list[ox.Quad] = []
    broken = _broken(store, keys, kept if reads is not None else None, links)
    if broken:
        return Checked(broken)
    data = _Data(store, union=any(True for _ in store.named_graphs()))
    found = []
    for index, check in enumerate(_split().per_trial):
        results = tuple(_check_results(data, check))
        if results:
            found.append((index, results))
    if reads is None or links is None:
        return Checked(None, tuple(found))
    judged = _judged(store, text, shared, reads, data, quads=quads)
    if isinstance(judged, str):
        return Checked(judged)
    # A judged thing's links to other things stay (the report names what links to a failing thing).
    kept = [q for q in kept if q.subject not in judged or (q.predicate != _TYPE and isinstance(q.object, ox.NamedNode))]
    kept_text, unsure = _kept(store, keys, reads, kept, links, judged)
    types = [ox.Triple(q.subject, q.predicate, q.object) for node in judged for q in store.quads_for_pattern(node, _TYPE, None)]
    return Checked(None, tuple(found), kept_text, unsure, ox.serialize(types, format=ox.RdfFormat.N_TRIPLES) or b"",
                   len(judged))


#: Where the subjects of a record's own statements are (kg.rdf.mapping.document_triples, record_triples,
#: trial_fact_triples): its trial's nodes, its document, and the identifiers it names (which several records may name).
_RECORDS_OWN = (TRIAL_PREFIX, iris.document(""), f"{ID}identifier/")


def _judged(store: ox.Store, text: bytes, shared: bytes, reads: WholeReads, data: object, *, quads: bool) \
        -> set[ox.NamedNode] | str:
    """The shared things whose whole-graph checks the chunk judges for the whole graph (or the premise broken).

    A shared thing (a site, an organisation, ...: a subject of the chunk's statements about shared things,
    kg.rdf.mapping.shared_triples, that is no trial's node) is judged here when all its statements in the
    chunk are among those, a whole-graph check targets it, no trial's link that those checks follow (the
    trial's identifiers) leads to it, and it passes those checks on the chunk. Those checks read of it its
    own statements only (kg.validation.compiler.locality.whole_reads), and the output holds of it the
    statements of every chunk that describes it: where every such chunk describes it alike (what
    kg.build.pipeline.once finds, :func:`validate_built` asks), they are the statements here, and it
    passes on the output too. Its statements are then not kept (its types are, for a per-trial check's
    sh:class failure judged again), nor the links to it.

    Premise: the chunk's other statements (its records' own) are about its trials' nodes, its documents,
    identifiers (:data:`_RECORDS_OWN`) and blank nodes only, which are not judged here: no chunk says more of a thing judged
    than its statements about shared things.
    """
    from kg.build.pipeline import blocks
    from kg.validation.sparql_engine import _check_results

    own = tuple(f"<{prefix}".encode() for prefix in _RECORDS_OWN)
    for line in text.splitlines():
        if line and not line.startswith((*own, b"_:")):  # (a blank node is no thing another chunk names)
            return f"{line[:line.find(b' ')].decode(errors='replace')}: a record's own statement about no trial or document"
    targeted = {ox.NamedNode(str(cls)) for cls in reads.classes} - {ox.NamedNode(str(cls)) for cls in TRIAL_CLASSES}
    followed = {ox.NamedNode(str(prop)) for _, prop in reads.followed}
    candidates: dict[ox.NamedNode, rdflib.URIRef] = {}
    for subject, block in blocks(shared).items():
        if not subject.startswith(b"<") or subject.startswith(own):
            continue
        node = next(iter(ox.parse(block[0], ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES))).subject
        if not isinstance(node, ox.NamedNode):
            continue
        if not any(q.object in targeted for q in store.quads_for_pattern(node, _TYPE, None)):
            continue
        if sum(1 for _ in store.quads_for_pattern(node, None, None)) != len(block):
            continue
        if any(True for prop in followed for _ in store.quads_for_pattern(None, prop, node)):
            continue
        candidates[node] = rdflib.URIRef(node.value)
    if not candidates:
        return set()
    failing = {result.focus for check in _split().whole for result in _check_results(data, check)}
    return {node for node, iri in candidates.items() if iri not in failing}


def _kept(store: ox.Store, keys: frozenset[str], reads: WholeReads, kept: list[ox.Quad], links: list[ox.Quad],
          judged: set[ox.NamedNode] | None = None) -> tuple[bytes, frozenset[str]]:
    """The chunk's statements that the whole-graph checks and the report read, as N-Triples, and the IRIs
    whose links from the chunk's trial nodes are not among them (see :func:`validate_built`).

    ``kept`` holds already the statements whose subject is no trial node (the shared things' and the
    documents', in full), ``links`` those of a trial node whose object is an IRI of no trial node. Added:

    - the statements of a trial node with rdf:type a class the checks target (``reads.classes``), and
      those the checks read of it (``reads.own``), and of its values by a property of ``reads.followed``;
    - every rdf:type of the chunk's trials (a per-trial check's sh:class failure on another trial is
      judged again on them);
    - each trial node's prov:wasDerivedFrom, and the label of a document that is a trial node (the report
      names a trial's documents);
    - a link from a trial node to a node the chunk types with a targeted class (the report names the first
      trial that links to a shared thing that fails); a link to any other IRI is not kept, the IRI is
      given back instead; a link to a shared thing judged in the chunk (``judged``, :func:`_judged`) is not kept.

    The premises hold (:func:`_broken`): the statements of the chunk's trials' nodes are all here, and a
    statement of the output is here or in another chunk.
    """
    typed: dict[object, set[rdflib.term.Node]] = {}  # a node -> the targeted classes the chunk gives it
    for cls in reads.classes:
        for quad in store.quads_for_pattern(None, _TYPE, ox.NamedNode(str(cls))):
            typed.setdefault(quad.subject, set()).add(cls)

    def trial_node(term: object) -> bool:
        return isinstance(term, ox.NamedNode) and term.value.startswith(TRIAL_PREFIX)

    for subject, classes in typed.items():
        mine = trial_node(subject)  # else its statements are kept already
        for cls in classes:
            if mine:
                kept += store.quads_for_pattern(subject, _TYPE, ox.NamedNode(str(cls)))
                for prop in (p for c, p in reads.own if c == cls):
                    kept += store.quads_for_pattern(subject, None if prop is None else ox.NamedNode(str(prop)), None)
            for prop in (p for c, p in reads.followed if c == cls):
                for quad in store.quads_for_pattern(subject, ox.NamedNode(str(prop)), None):
                    if mine:
                        kept.append(quad)
                    if trial_node(quad.object):  # a node of the chunk's trials: all its statements are here
                        kept += store.quads_for_pattern(quad.object, None, None)
    for key in keys:
        kept += store.quads_for_pattern(ox.NamedNode(iris.trial(key)), _TYPE, None)
    label = ox.NamedNode(str(RDFS.label))
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(PROV.wasDerivedFrom)), None):
        if trial_node(quad.subject):
            kept.append(quad)
            if trial_node(quad.object):
                kept += store.quads_for_pattern(quad.object, label, None)
    unsure: set[str] = set()
    for quad in links:
        if judged and quad.object in judged:
            continue
        if quad.object in typed:
            kept.append(quad)
        else:
            unsure.add(quad.object.value)
    triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in kept)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", frozenset(unsure)


def _broken(store: ox.Store, keys: frozenset[str], kept: list[ox.Quad] | None = None,
            links: list[ox.Quad] | None = None) -> str | None:
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
    computing each node's trial took ten times as long). The same pass puts in ``kept`` (if given) the
    statements whose subject is no trial node, and in ``links`` those of a trial node whose object is an
    IRI of no trial node (:func:`_kept`).
    """
    owned: set[str] = set()
    trial_id, related, string = (ox.NamedNode(str(term)) for term in (TRIAL_ID, FOREIGN_LINK, XSD.string))
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
        if p == _TYPE and isinstance(o, ox.NamedNode) and o.value in classes and subject not in owned:
            return f"{s}: a node of a trial class that is not a node of the chunk's trials"
        if p.value == subclass:
            return "rdfs:subClassOf in the data"
        if kept is not None and links is not None:
            if subject is None:
                kept.append(quad)
            elif obj is None and isinstance(o, ox.NamedNode):
                links.append(quad)
    return None


class Kept:
    """The statements the chunks keep for the whole-graph checks (:attr:`Checked.kept`), spooled to a
    scratch file beside the build's output as the chunks are mapped, and the IRIs they are unsure of.
    """

    def __init__(self, spool: IO[bytes]) -> None:
        self.spool, self.unsure, self.complete = spool, set[str](), True
        #: The types of the shared things the chunks judged (a line each; read only for a per-trial sh:class failure).
        self.types: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the build's report, by close())
        self.judged = 0

    def close(self) -> None:
        self.types.close()

    def take(self, checked: Checked) -> Checked:
        """What the build keeps of a chunk's findings: all but its statements, which go to the spool."""
        if checked.kept is None:
            self.complete = False
            return checked
        self.spool.write(checked.kept)
        self.types.write(checked.types)
        self.unsure |= checked.unsure
        self.judged += checked.judged
        return replace(checked, kept=b"", unsure=frozenset(), types=b"")


def _kept_store(checked: list[Checked], kept: Kept | None) -> tuple[ox.Store, set[str]] | None:
    """The statements the chunks kept, in a store, and the IRIs they are unsure of (None: a chunk kept none)."""
    if any(found.kept is None for found in checked) or (kept is not None and not kept.complete):
        return None
    store = ox.Store()
    unsure = set(kept.unsure) if kept is not None else set()
    if kept is not None:
        kept.spool.seek(0)
        # In pieces of whole lines: bulk_load held twice the store's memory at its peak (550 against 320 MB
        # for the 745,000 statements kept of 10,000 studies), and one load of all of it is one transaction.
        while lines := kept.spool.readlines(1 << 23):
            store.load(b"".join(lines), ox.RdfFormat.N_TRIPLES)
    for found in checked:
        if found.kept:
            store.load(found.kept, ox.RdfFormat.N_TRIPLES)
        unsure |= found.unsure
    return store, unsure


def validate_built(checked: Iterable[Checked], graphs: tuple[Path, ...] = (), store: Path | None = None, *,
                   workers: int = 1, progress: Progress | None = None, kept: Kept | None = None,
                   differed: Collection[bytes] | None = None) -> ValidationReport:
    """The report ``kg validate`` gives on the build's output (``graphs``, or the store in ``store``),
    from its chunks' findings and the checks that need the whole graph.

    On a store, those checks run on the store. For a graph file, they run on the statements the chunks
    kept for them (:func:`_kept`; spooled by ``kept``, else in ``checked``), which hold every statement
    of the output they read: their results are those on the output. So are the trials and documents the
    report names, but for a failing shared thing that some chunk's trial links to without typing it (the
    chunk gives back its IRI, not the links): then, and when a chunk kept nothing, the output is loaded.

    A shared thing a chunk judged (:func:`_judged`) passes on the output when every chunk describing it
    describes it alike: ``differed`` are the things that some chunks describe otherwise
    (kg.build.pipeline.once; None: not known). When one of them was judged, the output is loaded too.
    """
    from kg.validation.engines import validate
    from kg.validation.report import trial_key
    from kg.validation.sparql_engine import validate_store

    checked = list(checked)
    if not checked or any(found.broken for found in checked):
        return validate(graphs, store, workers=workers, progress=progress)  # a premise broken: everything on the output
    split = _split()
    found = [(split.per_trial[index], results) for found in checked for index, results in found.results]
    if store is not None:
        return validate_store(store, workers=workers, progress=progress, checks=split.whole, found=found)
    if (loaded := _kept_store(checked, kept)) is not None and not _judged_differed(checked, kept, differed):
        statements, unsure = loaded
        found = _typed_again(found, statements, _types(checked, kept))
        report = validate_store(statements, progress=progress, checks=split.whole, found=found)
        if not any(trial_key(v.focus) is None and v.focus in unsure for v in report.violations):
            return report
    from kg.graphs.files import load_store

    return validate_store(load_store(graphs), progress=progress, checks=split.whole, found=found)


def _types(checked: list[Checked], kept: Kept | None) -> Iterator[bytes]:
    """The types of the shared things the chunks judged, in pieces of N-Triples."""
    if kept is not None:
        kept.types.seek(0)
        while lines := kept.types.readlines(1 << 23):
            yield b"".join(lines)
    for found in checked:
        if found.types:
            yield found.types


def _judged_differed(checked: list[Checked], kept: Kept | None, differed: Collection[bytes] | None) -> bool:
    """Whether a shared thing some chunk judged is described otherwise by another (see :func:`validate_built`)."""
    if not any(found.judged for found in checked) and (kept is None or not kept.judged):
        return False
    if differed is None:
        return True
    if not differed:
        return False
    subjects = {quad.subject for quad in ox.parse(b"".join(subject + b" <urn:x> <urn:x> .\n" for subject in differed),
                                                  ox.RdfFormat.N_TRIPLES)}
    return any(quad.subject in subjects for piece in _types(checked, kept) for quad in ox.parse(piece, ox.RdfFormat.N_TRIPLES))


def _typed_again(found: list[tuple[object, tuple[object, ...]]], statements: ox.Store, types: Iterable[bytes]) \
        -> list[tuple[object, tuple[object, ...]]]:
    """The per-trial checks' results with a value's sh:class failure judged again on the value's types in the
    whole output: those kept and those of the shared things the chunks judged (not kept with the rest, where
    the whole-graph checks would target them). Judging again on the kept statements then changes nothing
    (they hold fewer of its types, and a value lacking a type fails sh:class, no check fails by a type).
    """
    from kg.validation.sparql_engine import _Data, _judged_again

    values = {ox.NamedNode(str(r.value)) for _, results in found for r in results  # type: ignore[attr-defined]
              if isinstance(r.value, rdflib.URIRef)}  # type: ignore[attr-defined]
    if not values:
        return found
    known = ox.Store()
    for piece in types:
        known.extend(quad for quad in ox.parse(piece, ox.RdfFormat.N_TRIPLES) if quad.subject in values)
    for value in values:
        known.extend(statements.quads_for_pattern(value, _TYPE, None))
    data = _Data(known, union=False)
    return [(check, tuple(_judged_again(data, check, results))) for check, results in found]  # type: ignore[arg-type]
