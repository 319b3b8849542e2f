"""The command line, ``kg`` / ``python -m kg``: build, validate, query, export.

Results go to standard output; progress and diagnostics go to standard error, so
``kg query trials --data g.ttl --format csv > trials.csv`` stays clean. Exit status:
0 success; 1 the work was done but something was left out or does not conform;
2 nothing could be done (bad arguments, unreadable graph or shapes).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError
from kg.progress import Progress, ProgressLine

__all__ = ["main", "cli"]

_DATA = click.option("--data", "data", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
                     help="Graph file to query (Turtle, N-Triples, ...); repeat for several.")
_FORMAT = click.option("--format", "-f", "output_format", default="table", show_default=True,
                       type=click.Choice(["table", "csv", "tsv", "json"]), help="How to print the rows.")
#: The validators of `kg validate --engine`; they give the same report (tests/test_shapes_sparql.py).
_ENGINES = ("sparql", "pyshacl")
_OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                       help="Write to this file instead of standard output.")
_WORKERS = click.option("--workers", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1,
                        show_default="number of CPUs",
                        help="Processes reading and mapping documents, and validating a store; the graph and the "
                             "report are the same whatever the number.")


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
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="The graph file to write.")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False),
              help="Build into an on-disk Oxigraph store in this directory instead of a file.")
@click.option("--format", "graph_format", type=click.Choice(["turtle", "ntriples", "trig", "nquads"]),
              help="Format of the graph file (by default the one its name ends in: .ttl, .nt, .trig, .nq); "
                   "trig and nquads keep one named graph per source document.")
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
    from kg.build.streaming import build as run_build

    if explain:
        from kg.explain import explain as explain_document
        from kg.read.sources import document_paths

        for path in document_paths(inputs):
            click.echo(explain_document(path))
        return
    started = time.monotonic()
    if (output is None) == (store is None):
        raise click.UsageError("say where to build: -o GRAPH_FILE or --store DIRECTORY (one of the two)")

    from kg.build.streaming import FORMATS
    from kg.graphs.files import format_to_write
    from kg.read.limits import Limits, parse_size

    graph_format = format_to_write(output, graph_format, FORMATS) if output is not None else "turtle"  # a store has none
    try:
        limits = Limits(parse_size(max_document_size), max_compression_ratio, max_json_depth)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--max-document-size") from None
    report = run_build(inputs, output, format=graph_format, incremental=incremental, store=store, workers=workers,
                       progress=None if silent else ProgressLine(), limits=limits)
    for failure in report.failures:
        click.echo(f"left out: {failure}", err=True)
    layouts = ", ".join(f"{count} {layout}" for layout, count in sorted(report.layouts.items()))
    click.echo(f"documents read: {report.documents}" + (f" ({layouts})" if layouts else ""))
    if report.failures:
        click.echo(f"documents left out: {len(report.failures)} (reasons above)")
    if incremental:
        click.echo(f"unchanged, skipped: {report.unchanged}; replaced: {report.replaced}; kept from before: {report.kept}")
    click.echo(f"trials: {len(report.trials)}")
    click.echo(f"triples: {report.triples}")
    click.echo(f"graph: {output}" if output else f"store: {store}")
    conforms = True
    if validate:
        result = _validation((output,) if output else (), store, "sparql", workers, None if silent else ProgressLine())
        conforms = result.conforms
        click.echo("conforms to the shapes: " + ("yes" if conforms else "NO (run `kg validate` for every violation)"))
    if store is not None and show:
        for name in show:
            _print_query(name, {}, store=store, output_format="table", output=None, title=True)
        show = ()
    if show:
        from kg.graphs.files import load_graph

        graph = load_graph([output])
    for name in show:
        _print_query(name, {}, graph=graph, output_format="table", output=None, title=True)
    if not silent:
        click.echo(f"({time.monotonic() - started:.1f} s)", err=True)
    if report.failures or not conforms:
        raise _Exit(1)


def _validation(graphs: tuple[Path, ...], store: Path | None, engine: str, workers: int = 1,
                progress: Progress | None = None, shapes: Path | None = None):
    """The validation report of graph files or of an on-disk store (by ``workers`` processes), by the engine asked for.

    ``shapes``: a shapes file of one's own instead of the project's (relative IRIs resolved against its URI).
    """
    from kg.validation.reference import validate_graph
    from kg.validation.sparql_engine import validate_store

    if bool(graphs) == (store is not None):
        raise click.UsageError("give what to validate: graph files or --store DIRECTORY (one of the two)")
    shapes_graph = None
    if shapes is not None:
        from kg.validation.shapes import load_shapes

        shapes_graph = load_shapes(shapes)
    if engine == "pyshacl":
        if store is not None:
            raise click.UsageError("--engine pyshacl validates graph files; validate a store with --engine sparql")
        from kg.graphs.files import load_graph

        return validate_graph(load_graph(graphs), shapes_graph)
    from kg.validation.compiler.compile import compile_shapes

    compiled = compile_shapes(shapes_graph) if shapes_graph is not None else None
    if store is not None:
        return validate_store(store, compiled, workers=workers, progress=progress)
    from kg.graphs.files import load_store

    return validate_store(load_store(graphs), compiled)


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(exists=True, path_type=Path, dir_okay=False))
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False),
              help="Validate the on-disk store in this directory (kg build --store), in place.")
@click.option("--engine", default="sparql", show_default=True, type=click.Choice(_ENGINES),
              help="sparql: the shapes compiled to SPARQL queries on Oxigraph (fast; graph files or a store); "
                   "pyshacl: the reference validator on an rdflib graph in memory (the same report, far slower).")
@click.option("--shapes", "shapes", type=click.Path(exists=True, path_type=Path, dir_okay=False),
              help="Validate against this SHACL shapes file (Turtle, ...) instead of the project's shapes; its relative "
                   "IRIs are resolved against the file's URI, and triples that are no shapes are ignored.")
@click.option("--format", "-f", "report_format", default="text", show_default=True,
              type=click.Choice(["text", "turtle"]), help="A readable list, or the W3C SHACL validation report graph "
                                                          "(sh:ValidationReport; sh:conforms is false on any result).")
@_WORKERS
@_OUTPUT
def validate(graphs: tuple[Path, ...], store: Path | None, engine: str, shapes: Path | None, report_format: str,
             workers: int, output: Path | None) -> None:
    """Validate graph files, or a store, against the SHACL shapes.

    Exit status: 0 the graph conforms, or has warnings and infos only (kg's choice: they do
    not fail a build; the report's sh:conforms is false then, as SHACL says); 1 violations
    found (listed); 2 the graph or the shapes could not be loaded, or the sparql engine
    refuses a shape it does not compile (the message names the SHACL feature; --engine
    pyshacl checks it).
    """
    result = _validation(graphs, store, engine, workers, ProgressLine(), shapes)
    if report_format == "turtle":
        _emit(result.report_graph.serialize(format="turtle"), output)
    else:
        lines = [str(v) for v in result.violations]
        summary = "conforms" if result.conforms else "does not conform"
        errors = sum(1 for v in result.violations if v.severity == "Violation")
        warnings = len(result.violations) - errors
        lines.append(f"{', '.join(map(str, graphs or (store,)))}: {summary} ({errors} violation{'s' * (errors != 1)}, "
                     f"{warnings} warning{'s' * (warnings != 1)})")
        _emit("\n".join(lines) + "\n", output)
    if not result.conforms:
        raise _Exit(1)


@cli.command()
@click.argument("name")
@_DATA
@click.option("--endpoint", metavar="URL", help="Run on this SPARQL endpoint instead of --data files.")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False),
              help="Run on the on-disk store in this directory (kg build --store).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for one of the query's parameters; repeat for several.")
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for a remote endpoint.")
@click.option("--retries", default=2, show_default=True, help="Times to retry a remote endpoint that cannot be reached.")
@_FORMAT
@_OUTPUT
def query(name: str, data: tuple[Path, ...], endpoint: str | None, store: Path | None, params: tuple[str, ...],
          timeout: float, retries: int, output_format: str, output: Path | None) -> None:
    """Run the stored query NAME (`kg query list` lists them) on graph files or an endpoint."""
    if name == "list":
        _list_queries()
        return
    values = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, got {param!r}")
        values[key.strip()] = value
    if sum(map(bool, (data, endpoint, store))) != 1:
        raise click.UsageError("give the graph to query with one of --data FILE, --store DIRECTORY or --endpoint URL")
    _print_query(name, values, data=data, endpoint=endpoint, store=store, timeout=timeout, retries=retries,
                 output_format=output_format, output=output)


def _list_queries() -> None:
    from kg.query.catalogue import catalogue

    for stored in catalogue().values():
        click.echo(f"{stored.name:24} {stored.summary}")
        for parameter in stored.parameters:
            click.echo(f"{'':24}   --param {parameter.name}=<{parameter.type}>  {parameter.description}")


def _print_query(name: str, values: dict[str, str], *, graph=None, data=(), endpoint=None, store=None, timeout=60.0,
                 retries: int = 2, output_format: str, output: Path | None, title: bool = False) -> None:
    from kg.query.catalogue import stored_query
    from kg.query.output import format_result
    from kg.query.run import run_local

    stored = stored_query(name)
    sparql = stored.bind(values)
    if endpoint:
        from kg.query.remote import run_remote

        result = run_remote(endpoint, sparql, timeout=timeout, retries=retries)
    elif store is not None:
        from kg.query.run import run_store

        result = run_store(store, sparql)
    else:
        if graph is None:
            from kg.graphs.files import load_graph

            graph = load_graph(data)
        result = run_local(graph, sparql)
    text = format_result(result, output_format)
    _emit((f"\n{stored.name}: {stored.summary}\n" if title else "") + text, output)


@cli.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path, dir_okay=False))
@click.option("--endpoint", required=True, metavar="URL",
              help="The SPARQL Update endpoint of the store (Oxigraph: http://HOST:7878/update; Fuseki: .../DATASET/update).")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds to wait for the endpoint.")
@click.option("--retries", default=2, show_default=True, help="Times to retry when the endpoint cannot be reached.")
def load(graphs: tuple[Path, ...], endpoint: str, timeout: float, retries: int) -> None:
    """Load graph files into a SPARQL 1.1 store, one named graph per source document.

    Re-loading a document replaces exactly its named graph; the load is one SPARQL Update
    request, so it completes or leaves the store as it was. Credentials come from
    KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or KG_ENDPOINT_TOKEN.
    """
    from kg.graphs.remote import load_remote

    count = load_remote(endpoint, graphs, timeout=timeout, retries=retries)
    click.echo(f"{count} statements loaded into {endpoint}")


@cli.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path, dir_okay=False))
@click.option("--format", "export_format", type=click.Choice(["turtle", "ntriples", "jsonld", "trig", "nquads"]),
              help="The format to write (by default the one the file's name ends in); trig and nquads keep one "
                   "named graph per source document, the others merge.")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The file to write.")
def export(graphs: tuple[Path, ...], export_format: str | None, output: Path) -> None:
    """Write graph files as one Turtle, N-Triples, JSON-LD, TriG or N-Quads file."""
    from kg.graphs.files import EXPORT_FORMATS, format_to_write
    from kg.graphs.files import export as run_export

    count = run_export(graphs, output, format_to_write(output, export_format, EXPORT_FORMATS))
    click.echo(f"{count} triples written to {output}")


@cli.command()
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False), help="Serve this store directory.")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, path_type=Path, dir_okay=False),
              help="Serve these graph files (loaded into a temporary store first); repeat for several.")
@click.option("--port", default=7878, show_default=True, help="The port on 127.0.0.1 to listen on.")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates and graph-store writes (read-only otherwise).")
def serve(store: Path | None, data: tuple[Path, ...], port: int, writable: bool) -> None:
    """Serve a store or graph files as a SPARQL endpoint (Oxigraph server) on 127.0.0.1.

    Queries see every named graph as the default graph. Open http://127.0.0.1:PORT/ for
    the query page; the endpoint is http://127.0.0.1:PORT/query. Stop with Ctrl-C.
    """
    from kg.graphs.server import serve as run_server

    if (store is None) == (not data):
        raise click.UsageError("give what to serve: --store DIRECTORY or --data FILE (one of the two)")
    click.echo(f"SPARQL endpoint: http://127.0.0.1:{port}/query  (query page: http://127.0.0.1:{port}/)", err=True)
    raise _Exit(run_server(store, data, port, writable=writable))


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
