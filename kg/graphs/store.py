"""The embedded on-disk store (Oxigraph) for graphs too large for memory.

A store directory holds what a build writes, each statement once: in the default graph every
statement of a trial one document describes, the documents' descriptions and those of the
things many trials name; in named graphs only the trials several documents describe, each
document's statements in its graph and the facts the trial takes from them in the trial's
(:func:`kg.build.pipeline.map_chunk`), as in a TriG build. A trial of one document needs no
graph to say where its statements come from (its ``prov:wasDerivedFrom`` names the document),
and Oxigraph keeps a named graph's statement in six indexes, a default graph's in three: the
store of the 10,000-study benchmark corpus takes 1.0 GB instead of 2.4 (docs/benchmarks.md).
Queries see every graph (the default graph is their union, which repeats a statement once per
graph that holds it: what two documents of a trial both say), exactly as they see a merged
Turtle file. Graph files for ``kg load`` are TriG or N-Quads builds, never a store.
"""

from __future__ import annotations

import shutil
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import locked_folder, made_here, remove_leftovers, shared_mode, temporary_beside
from kg.errors import GraphError

__all__ = ["fill_store", "open_store", "store_statements"]


#: N-Quads text per bulk load: Oxigraph's bulk loader holds what one call loads in memory (about
#: 1 KB per statement, 1.5 GB for 10,000 studies), so a large build is loaded in pieces of this size.
LOAD_PIECE = 64 << 20


def fill_store(directory: Path, quads: Iterable[ox.Quad] = (), *, nquads: Iterable[bytes] | None = None,
               loaded: Callable[[], object] | None = None) -> None:
    """Replace the store in ``directory`` with ``quads`` or the N-Quads text ``nquads`` (whole
    statements per piece, which Oxigraph parses and loads without making a Python object per
    statement), whole or not at all.

    The new store is written beside the old one and swapped in only once complete (and
    optimised, which speeds its queries up several times), so a failed or killed build
    leaves the previous store as it was, and the next build removes what it left. Two
    builds at once each write their own and swap it in one after the other.

    ``loaded``, if given, is called once every statement is in and before the compaction, which
    rewrites the whole store and needs room on disk for it: a build frees its spool there.
    """
    directory = directory.resolve()
    directory.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(directory)
    staging, store = temporary_beside(directory), None
    try:
        staging.mkdir(mode=0o700)
        staging.chmod(shared_mode(folder=True))
        retired = staging.with_suffix(".old")
        with locked_folder(staging):  # a live build's staging is no leftover
            store = ox.Store(str(staging))
            if nquads is not None:
                _load_behind(store, _pieces(nquads, LOAD_PIECE))
            else:
                store.bulk_extend(quads)
            if loaded is not None:
                loaded()
            store.optimize()
            store.flush()
            del store
            with locked_folder(directory.parent):
                if directory.exists():
                    directory.rename(retired)
                staging.rename(directory)
        shutil.rmtree(retired, ignore_errors=True)
    except BaseException as error:
        # RocksDB writes to the folder until the store is closed, which is when nothing refers to it any more: the
        # frames of the traceback below this one do (an interrupted load), and so does this one
        traceback.clear_frames(error.__traceback__.tb_next if error.__traceback__ else None)
        store = None  # noqa: F841
        if made_here(error, staging):
            shutil.rmtree(staging, ignore_errors=True)
        raise


def _load_behind(store: ox.Store, pieces: Iterator[list[bytes]]) -> None:
    """Bulk-load each piece in a thread while the next piece is made: a build's workers would
    otherwise wait, their results not taken, for each load (a third of a build into a store). The
    piece's texts are joined in that thread too (``bytes.join`` lets other threads run while it copies
    a large one), not in the one that makes the next piece, which a build's workers wait for.
    """
    with ThreadPoolExecutor(1) as loader:
        loading: Future[None] | None = None
        for piece in pieces:
            if loading is not None:
                loading.result()
            loading = loader.submit(_load, store, piece)
        if loading is not None:
            loading.result()


def _load(store: ox.Store, texts: list[bytes]) -> None:
    store.bulk_load(b"".join(texts), ox.RdfFormat.N_QUADS)


def _pieces(texts: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    """The texts in pieces of about ``size`` bytes (a text is never split)."""
    batch: list[bytes] = []
    length = 0
    for text in texts:
        batch.append(text)
        length += len(text)
        if length >= size:
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


def open_store(directory: Path) -> ox.Store:
    """The store in ``directory``, opened read-only (never loaded into memory)."""
    if not directory.is_dir():
        raise GraphError(f"{directory}: no store there (build one with `kg build ... --store {directory}`)")
    try:
        return ox.Store.read_only(str(directory))
    except OSError as error:
        raise GraphError(f"{directory}: cannot open the store ({error})") from None


def store_statements(store: ox.Store, keep_graphs: bool = False) -> Iterator[ox.Triple | ox.Quad]:
    """The statements of a store, streamed in the order of its indexes (the default graph, then each
    named graph), so the same store gives them in the same order every time: quads with their graph
    when ``keep_graphs``, else the triples of the union of its graphs, each once.

    The union repeats a statement once per graph that holds it. In a store built by ``kg build``
    only named graphs can share one (what two documents of a trial both say, its identifiers, each
    in its document's graph: :func:`kg.build.pipeline.map_chunk`); the default graph is a set and
    holds no statement a named graph holds, as the build writes them. Rather than rely on that, and
    rather than remember every statement written (a registry's store holds some 400 million), each
    statement of a named graph is looked up in the store's indexes (Oxigraph keeps one by statement,
    then graph): it is written from the first graph that holds it (the default graph, else the named
    graph whose IRI sorts first), and left out of the others. The lookups cost one index seek per
    statement of a named graph, and only trials of several documents have those.
    """
    for quad in store:
        if keep_graphs:
            yield quad
        elif isinstance(quad.graph_name, ox.DefaultGraph) or _first_to_hold(store, quad):
            yield quad.triple


def _first_to_hold(store: ox.Store, quad: ox.Quad) -> bool:
    """Whether ``quad``'s graph, a named one, is the first of the store's graphs to hold its statement."""
    holders = [found.graph_name for found in store.quads_for_pattern(quad.subject, quad.predicate, quad.object)]
    if len(holders) == 1:
        return True
    if any(isinstance(graph, ox.DefaultGraph) for graph in holders):
        return False
    return quad.graph_name == min(holders, key=lambda graph: graph.value)
