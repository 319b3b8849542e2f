"""The command line, ``kg`` / ``python -m kg``: build, validate, query, export, load and serve.

Results go to standard output; progress and diagnostics go to standard error, so
``kg query trials --data g.ttl --format csv > trials.csv`` stays clean. Exit status:
0 success; 1 the work was done but something was left out or does not conform;
2 nothing could be done (bad arguments, unreadable graph or shapes).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg import __version__
from kg.errors import KgError
from kg.progress import ProgressLine
from kg.validation.engines import ENGINES, REPORT_FORMATS, EngineMismatch

if TYPE_CHECKING:  # loaded when a build runs
    from kg.read.limits import Limits
    from kg.validation.chunks import Kept

__all__ = ["main", "cli"]

# --- Options: each declared once, here; a command picks the ones it takes ---------------------------------------------
# A new option shared by two commands is declared here (a constant, or a function when its help differs per command);
# one only a command takes stays on that command. Choices come from the tables of the packages that define them;
# those modules load rdflib, Oxigraph or the readers, so a _Table imports its table only when a command's value or
# help needs it: `kg query` does not load the build.


class _Table(click.Choice):
    """A choice among the names of a table defined elsewhere (``"module:NAME"``), imported when first needed."""

    def __init__(self, table: str) -> None:
        self.table, self.case_sensitive = table, True

    @property
    def choices(self) -> tuple[str, ...]:
        import importlib

        module, _, name = self.table.partition(":")
        return tuple(getattr(importlib.import_module(module), name))


_GRAPH_FILE = click.Path(exists=True, path_type=Path, dir_okay=False)
_STORE_DIRECTORY = click.Path(path_type=Path, file_okay=False)


def _graphs(required: bool = False):
    """The graph files a command reads (Turtle, N-Triples, TriG, N-Quads, JSON-LD)."""
    return click.argument("graphs", nargs=-1, required=required, type=_GRAPH_FILE)


def _store(help: str):
    """``--store DIRECTORY``: an on-disk Oxigraph store, as ``kg build --store`` makes one."""
    return click.option("--store", "store", type=_STORE_DIRECTORY, help=help)


def _data(help: str, must_exist: bool = True):
    """``--data FILE``, repeatable: graph files (``must_exist=False``: a missing one is named by the graph loader)."""
    return click.option("--data", "data", multiple=True, help=help,
                        type=_GRAPH_FILE if must_exist else click.Path(path_type=Path, dir_okay=False))


def _output(help: str = "Write to this file instead of standard output.", required: bool = False):
    return click.option("-o", "--output", required=required, type=click.Path(path_type=Path, dir_okay=False), help=help)


def _remote(timeout: float):
    """``--timeout`` (default ``timeout`` seconds: a load sends a whole graph, a query asks for rows) and ``--retries``."""

    def options(command):
        command = click.option("--retries", default=2, show_default=True,
                               help="Times to retry when the endpoint cannot be reached.")(command)
        return click.option("--timeout", default=timeout, show_default=True, help="Seconds to wait for the endpoint.")(command)
    return options


_WORKERS = click.option("--workers", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1,
                        show_default="number of CPUs",
                        help="Processes reading and mapping documents, and validating a store; the graph and the "
                             "report are the same whatever the number.")
_BUILD_FORMAT = click.option("--format", "graph_format", type=_Table("kg.build.streaming:FORMATS"),
                             help="Format of the graph file (by default the one its name ends in: .ttl, .nt, .trig, .nq); "
                                  "trig and nquads keep one named graph per source document.")
_EXPORT_FORMAT = click.option("--format", "export_format", type=_Table("kg.graphs.files:EXPORT_FORMATS"),
                              help="The format to write (by default the one the file's name ends in); trig and nquads keep "
                                   "the named graphs (a build's one per source document), the others merge them.")
_QUERY_FORMAT = click.option("--format", "-f", "output_format", default="table", show_default=True,
                             type=_Table("kg.query.output:OUTPUT_FORMATS"), help="How to print the rows.")
_REPORT_FORMAT = click.option("--format", "-f", "report_format", default="text", show_default=True,
                              type=click.Choice(REPORT_FORMATS), help="A readable list, or the SHACL report graph.")
_ENGINE = click.option("--engine", default="sparql", show_default=True, type=click.Choice(ENGINES),
                       help="; ".join(f"{name}: {summary}" for name, summary in ENGINES.items()) + ".")


def _one_of(problem: str, *given: object) -> None:
    """Refuse, as a usage error saying ``problem``, anything but exactly one of the options ``given``."""
    if sum(map(bool, given)) != 1:
        raise click.UsageError(problem)


class _Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from kg.atomic import atomic_output

    with atomic_output(output) as stream:
        stream.write(text.encode("utf-8"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build, validate and query the knowledge graph of cell-therapy trials."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_output("The graph file to write.")
@_store("Build into an on-disk Oxigraph store in this directory instead of a file.")
@_BUILD_FORMAT
@click.option("--incremental", is_flag=True,
              help="Keep the records beside the output (OUTPUT.records.jsonl) and, next time, read only what changed: "
                   "a document with a known checksum is skipped, one with a known name and new content replaces its "
                   "old records, the rest is kept.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the built graph against the SHACL shapes.")
@click.option("--show", "show", multiple=True, metavar="QUERY",
              help="After building, print this stored query's rows as a table; repeat for several.")
@click.option("--explain", is_flag=True,
              help="Build nothing: say for each document which reader takes it and why, the sections it finds "
                   "and the text it does not use.")
@_WORKERS
@click.option("-q", "--quiet", "-s", "--silent", "silent", is_flag=True,
              help="Print no progress (progress with the time left is shown only on a terminal anyway).")
@click.option("--max-document-size", "max_document_size", default="50MB", show_default=True, metavar="SIZE",
              help="Leave out a document (a file, or a zip entry expanded) larger than this (bytes, kB, MB, GB).")
@click.option("--max-compression-ratio", default=100, show_default=True, type=click.IntRange(1),
              help="Leave out a zip entry that expands more than this many times its compressed size (a zip bomb).")
@click.option("--max-json-depth", default=64, show_default=True, type=click.IntRange(1),
              help="Leave out a JSON document nested deeper than this.")
def build(inputs: tuple[Path, ...], output: Path | None, store: Path | None, graph_format: str | None, incremental: bool,
          validate: bool, show: tuple[str, ...], explain: bool, workers: int, silent: bool, max_document_size: str,
          max_compression_ratio: int, max_json_depth: int) -> None:
    """Build a graph from trial documents (files or folders of them).

    Each document that cannot be read is named with the reason and left out; the graph
    holds every other document. Exit status 1 when any document was left out or the
    graph does not conform to the shapes.
    """
    if explain:
        from kg.explain import explain as explain_document
        from kg.read.sources import document_paths

        for path in document_paths(inputs):
            click.echo(explain_document(path))
        return
    started = time.monotonic()
    _one_of("say where to build: -o GRAPH_FILE or --store DIRECTORY (one of the two)", output, store)

    from kg.build.streaming import FORMATS
    from kg.graphs.files import format_to_write
    from kg.read.limits import Limits, parse_size

    graph_format = format_to_write(output, graph_format, FORMATS) if output is not None else "turtle"  # a store has none
    try:
        limits = Limits(parse_size(max_document_size), max_compression_ratio, max_json_depth)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--max-document-size") from None
    check = None
    if validate:  # each chunk of trials validated by the worker that maps it (kg.validation.chunks)
        from kg.graphs.files import DATASET_FORMATS
        from kg.validation.chunks import chunk_checker

        check = chunk_checker(quads=store is not None or graph_format in DATASET_FORMATS, named=store is not None)
    with contextlib.ExitStack() as scratch:
        kept = None
        if validate and output is not None:  # what the whole-graph checks read, kept beside the output meanwhile
            from kg.atomic import scratch_beside
            from kg.validation.chunks import Kept

            kept = Kept(scratch.enter_context(scratch_beside(output)))
            scratch.callback(kept.close)
        _built(inputs, output, store, graph_format, incremental, validate, show, workers, silent, limits, check,
               kept, started)


def _built(inputs: tuple[Path, ...], output: Path | None, store: Path | None, graph_format: str, incremental: bool,
           validate: bool, show: tuple[str, ...], workers: int, silent: bool, limits: Limits,
           check: Callable[[bytes, bytes, frozenset[str]], object] | None, kept: Kept | None, started: float) -> None:
    """``kg build`` once its options are read: the build, what it says, and the validation."""
    from kg.build.streaming import build as run_build

    report = run_build(inputs, output, format=graph_format, incremental=incremental, store=store, workers=workers,
                       progress=None if silent else ProgressLine(), limits=limits, check=check,
                       checked=kept.take if kept is not None else None)
    for failure in report.failures:
        click.echo(f"left out: {failure}", err=True)
    if not report.written:
        target = output or store
        click.echo(f"nothing written: no document could be read, so {target} is left as it was "
                   f"({len(report.failures)} left out, reasons above)", err=True)
        raise _Exit(1)
    layouts = ", ".join(f"{count} {layout}" for layout, count in sorted(report.layouts.items()))
    click.echo(f"documents read: {report.documents}" + (f" ({layouts})" if layouts else ""))
    if incremental:
        click.echo(f"unchanged, skipped: {report.unchanged}; replaced: {report.replaced}; kept from before: {report.kept}")
    click.echo(f"trials: {len(report.trials)}")
    click.echo(f"triples: {report.triples}")
    click.echo(f"graph: {output}" if output else f"store: {store}")
    if report.failures:
        click.echo(f"documents left out: {len(report.failures)} (reasons above); the graph holds the "
                   f"{len(report.trials)} trials of the other {report.documents + report.kept + report.unchanged} documents")
    conforms = True
    if validate:
        from kg.validation.chunks import validate_built

        result = validate_built(report.checked, (output,) if output else (), store, workers=workers,
                                progress=None if silent else ProgressLine(), kept=kept, differed=report.differed)
        conforms = result.conforms
        click.echo("conforms to the shapes: " + ("yes" if conforms else "NO (run `kg validate` for every violation)"))
    if show:
        from kg.graphs.files import load_graph

        # A graph file is loaded once for every query shown; a store is queried in place.
        target = {"store": store} if store is not None else {"graph": load_graph([output])}
        for name in show:
            _print_query(name, {}, target, output_format="table", output=None, title=True)
    if not silent:
        click.echo(f"({time.monotonic() - started:.1f} s)", err=True)
    if report.failures or not conforms:
        raise _Exit(1)


def _validate(graphs: tuple[Path, ...], store: Path | None, engine: str, workers: int, silent: bool = False,
              shapes: Path | None = None):
    from kg.validation.engines import validate as run_validation

    _one_of("give what to validate: graph files or --store DIRECTORY (one of the two)", graphs, store)
    try:
        return run_validation(graphs, store, engine=engine, workers=workers, progress=None if silent else ProgressLine(),
                              shapes=shapes)
    except EngineMismatch as error:
        raise click.UsageError(str(error)) from None


@cli.command()
@_graphs()
@_store("Validate the on-disk store in this directory (kg build --store), in place.")
@_ENGINE
@click.option("--shapes", "shapes", type=click.Path(exists=True, path_type=Path, dir_okay=False),
              help="Validate against this SHACL shapes file instead of the project's shapes; its relative IRIs are "
                   "resolved against the file's URI, and triples that are no shapes are ignored.")
@_REPORT_FORMAT
@_WORKERS
@_output()
def validate(graphs: tuple[Path, ...], store: Path | None, engine: str, shapes: Path | None, report_format: str,
             workers: int, output: Path | None) -> None:
    """Validate graph files, or a store, against the SHACL shapes.

    Exit status: 0 the graph conforms, or has warnings and infos only (kg's choice: they do
    not fail a build; the report's sh:conforms is false then, as SHACL says); 1 violations
    found (listed); 2 the graph or the shapes could not be loaded, or the sparql engine
    refuses a shape it does not compile (the message names the SHACL feature; --engine
    pyshacl checks it).
    """
    from kg.validation.engines import format_report

    result = _validate(graphs, store, engine, workers, shapes=shapes)
    _emit(format_report(result, report_format, ", ".join(map(str, graphs or (store,)))), output)
    if not result.conforms:
        raise _Exit(1)


@cli.command()
@click.argument("name")
@_data("Graph file to query (Turtle, N-Triples, ...); repeat for several.", must_exist=False)
@_store("Run on the on-disk store in this directory (kg build --store).")
@click.option("--endpoint", metavar="URL", help="Run on this SPARQL endpoint instead of --data files.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for one of the query's parameters; repeat for several.")
@click.option("--limit", type=click.IntRange(min=0), metavar="N",
              help="At most N rows (a listing's trials are read up to the last row asked for).")
@click.option("--offset", type=click.IntRange(min=0), metavar="M",
              help="Skip the first M rows; with --limit, one page of a listing.")
@_remote(timeout=60.0)
@_QUERY_FORMAT
@_output()
def query(name: str, data: tuple[Path, ...], store: Path | None, endpoint: str | None, params: tuple[str, ...],
          limit: int | None, offset: int | None, timeout: float, retries: int, output_format: str,
          output: Path | None) -> None:
    """Run the stored query NAME (`kg query list` lists them) on graph files or an endpoint.

    The listings take filters on their trials (--param trial_id=, sponsor=, condition=, phase=,
    status=, cell_type=, country=; `kg query list` shows each query's), and --limit / --offset
    page through their rows in the order of the query's ORDER BY. On a store or an endpoint a
    listing is read by pages of its trials, and CSV / TSV rows are written as each page comes.
    """
    if name == "list":
        _list_queries()
        return
    values = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, got {param!r}")
        values[key.strip()] = value
    _one_of("give the graph to query with one of --data FILE, --store DIRECTORY or --endpoint URL", data, endpoint, store)
    target = {"data": data, "store": store, "endpoint": endpoint, "timeout": timeout, "retries": retries,
              "limit": limit, "offset": offset}
    _print_query(name, values, target, output_format=output_format, output=output)


def _list_queries() -> None:
    from kg.query.catalogue import catalogue

    for stored in catalogue().values():
        click.echo(f"{stored.name:24} {stored.summary}")
        for parameter in stored.parameters:
            click.echo(f"{'':24}   --param {parameter.name}=<{parameter.type}>  {parameter.description}")


def _print_query(name: str, values: dict[str, str], target: dict, *, output_format: str, output: Path | None,
                 title: bool = False) -> None:
    from kg.query.output import format_pages
    from kg.query.targets import stream_stored

    stored, pages = stream_stored(name, values, **target)
    heading = f"\n{stored.name}: {stored.summary}\n" if title else ""
    if output is not None:
        _emit(heading + "".join(format_pages(pages, output_format)), output)
        return
    # On standard output a listing's rows are written as its pages come (CSV and TSV), the first in well under
    # a second on a registry-sized store (docs/benchmarks.md).
    for piece in format_pages(pages, output_format):
        _emit(heading + piece, None)
        heading = ""


@cli.command()
@_graphs(required=True)
@click.option("--endpoint", required=True, metavar="URL",
              help="The SPARQL Update endpoint of the store (Oxigraph: http://HOST:7878/update; Fuseki: .../DATASET/update).")
@click.option("--graph-store", metavar="URL",
              help="The store's Graph Store Protocol address, where it takes N-Quads by POST (Oxigraph: "
                   "http://HOST:7878/store): the statements go there in batches of 50,000, the graphs are dropped "
                   "through --endpoint; several times faster on Oxigraph.")
@_remote(timeout=300.0)
def load(graphs: tuple[Path, ...], endpoint: str, graph_store: str | None, timeout: float, retries: int) -> None:
    """Load dataset files (kg build --format trig/nquads) into a SPARQL 1.1 store.

    Streams the files in requests of at most 1,000 statements (SPARQL Update), or with
    --graph-store in batches of 50,000 posted as N-Quads. Each document's and trial's named
    graph is replaced; a document loaded again with new content replaces its old version; a
    failed or killed load is mended by running it again. Credentials come from
    KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or KG_ENDPOINT_TOKEN.
    """
    from kg.graphs.remote import load_remote
    from kg.progress import ProgressLine

    done = load_remote(endpoint, graphs, graph_store=graph_store, timeout=timeout, retries=retries,
                       progress=ProgressLine())
    click.echo(f"{done.statements} statements in {done.graphs} graphs loaded into {graph_store or endpoint} "
               f"({done.requests} requests)")


@cli.command()
@_graphs()
@_store("Export the on-disk store in this directory (kg build --store) instead of graph files.")
@_EXPORT_FORMAT
@_output("The file to write.", required=True)
def export(graphs: tuple[Path, ...], store: Path | None, export_format: str | None, output: Path) -> None:
    """Write graph files, or a store, as one Turtle, N-Triples, JSON-LD, TriG or N-Quads file.

    From a store, Turtle, N-Triples and JSON-LD hold the union of its graphs, each statement
    once; TriG and N-Quads keep its named graphs. The same store is written byte for byte
    the same every time.
    """
    from kg.graphs.files import EXPORT_FORMATS, format_to_write
    from kg.graphs.files import export as run_export

    _one_of("give what to export: graph files or --store DIRECTORY (one of the two)", graphs, store)
    count = run_export(graphs, output, format_to_write(output, export_format, EXPORT_FORMATS), store=store)
    click.echo(f"{count} triples written to {output}")


@cli.command()
@_store("Serve this store directory.")
@_data("Serve these graph files (loaded into a temporary store first); repeat for several.")
@click.option("--port", default=7878, show_default=True, help="The port on 127.0.0.1 to listen on.")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates and graph-store writes (read-only otherwise).")
def serve(store: Path | None, data: tuple[Path, ...], port: int, writable: bool) -> None:
    """Serve a store or graph files as a SPARQL endpoint (Oxigraph server) on 127.0.0.1.

    Queries see the union of every graph as the default graph (with --writable, at
    http://127.0.0.1:PORT/query?union-default-graph). Open http://127.0.0.1:PORT/ for
    the query page; the endpoint is http://127.0.0.1:PORT/query. Stop with Ctrl-C.
    """
    from kg.graphs.server import serve as run_server

    _one_of("give what to serve: --store DIRECTORY or --data FILE (one of the two)", store, data)
    raise _Exit(run_server(store, data, port, writable=writable))


@cli.command()
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The folder to write the site into (created if missing).")
def docs(output: Path) -> None:
    """Write the documentation site: the ontology's terms, its SKOS vocabularies and a page per stored query."""
    from kg.docs import build_site

    written = build_site(output)
    click.echo(f"{len(written)} pages written to {output} (open {output / 'index.html'})")


def main() -> None:
    """Entry point: run the CLI; project errors become one line on stderr, not a traceback."""
    try:
        cli.main(standalone_mode=False)
    except _Exit as done:
        sys.exit(done.code)
    except KgError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
