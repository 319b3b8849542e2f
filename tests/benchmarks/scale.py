"""How the build scales: each stage at N studies, and the plain rdflib pipeline beside it.

    python tests/benchmarks/scale.py --sizes 1000 10000 100000 --baseline 10000 --runs 3

For each N a corpus of the registry's bulk download is made (tests/benchmarks/corpus.py,
kept in --workdir for the next run), then each stage runs in a child process of its own,
so that its peak memory is its own: reading (read + cell-therapy extraction), the whole
build to N-Triples, to Turtle and into the on-disk Oxigraph store, the Turtle export of
the store (export-store-ttl) and of the N-Triples file, SHACL validation (the SPARQL fast path,
when kg.validation.compiler.compile is there) of the store and of the Turtle file, the build
validating as it builds, as `kg build` does (build-store-validated, build-ttl-validated:
kg.validation.chunks), and every stored query on the store (--queries); --filters times the listings
filtered by trial, sponsor, condition, phase, status, cell type and country and paged, in a
table of its own (milliseconds and rows per listing and form). The baseline is the plain rdflib pipeline
on the same studies: the same readers, an rdflib Graph, rdflib's Turtle serializer and
pyshacl on the whole graph; a stage over --timeout seconds is stopped and reported as
"> T". Times are medians of --runs; progress goes to standard error, the table to
standard output at the end. This is a measurement, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path[:0] = [str(HERE), str(REPO)]


def _peak_kb() -> tuple[int, int]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def _rdflib_graph(corpus: Path):  # noqa: ANN202 - an rdflib.Graph, imported late
    """The baseline's graph: the same documents read by the same readers in one process, the
    same triples, added one by one to an rdflib Graph instead of being written as text.
    """
    import pickle

    import pyoxigraph as ox
    import rdflib

    import kg.build.streaming
    from kg.build.pipeline import Mapped
    from kg.rdf.mapping import document_triples, record_triples, shared_triples, trial_fact_triples
    from kg.rdf.ntriples import text

    def term(t):  # noqa: ANN001, ANN202
        if hasattr(t, "datatype"):
            return rdflib.Literal(t.value, lang=t.language, datatype=None if t.language else rdflib.URIRef(t.datatype.value))
        return rdflib.URIRef(t.value)

    graph = rdflib.Graph()

    def into_graph(chunk, dataset, store=False):  # noqa: ANN001, ANN202 - kg.build.pipeline.map_chunk's part, into rdflib
        count = 0
        for blob, key, facts, _ in chunk:
            record = pickle.loads(blob)
            lines = [*document_triples(record), *record_triples(record, key), *shared_triples(record, key),
                     *trial_fact_triples(record, key, facts)]
            for quad in ox.parse(text(lines), ox.RdfFormat.N_TRIPLES):
                graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
                count += 1
        return Mapped(b"", b"", count)

    kg.build.streaming.map_chunk = into_graph
    kg.build.streaming.build([corpus], corpus.with_name("rdflib-baseline.unused.nt"), format="ntriples", workers=1)
    return graph


def _timed_from(work: Path, stage: str) -> float:
    """Note when the timed part of a stage starts, so that a stage stopped for its time says how long that part ran."""
    marker = work / f".timed-{stage}"
    marker.with_suffix(".part").write_text(str(time.time()))
    marker.with_suffix(".part").rename(marker)
    return time.perf_counter()


def run_stage(stage: str, corpus: Path, work: Path, workers: int) -> dict:
    """One stage, in this (child) process: seconds, triples and what else it counted."""
    from kg.build.streaming import build

    out: dict = {}
    load = os.getloadavg()  # other work on the machine, said beside the figures
    started = time.perf_counter()
    if stage == "read":
        from kg.build.pipeline import read_unit, units
        from kg.read.sources import document_paths
        from kg.workers import in_order, workers_pool

        pool = workers_pool(workers)
        out["studies"] = sum(len(found) for found in in_order(pool, read_unit, units(document_paths([corpus]))))
        if pool is not None:
            pool.shutdown()  # so that the workers' peak memory is counted
    elif stage in ("build-nt", "build-ttl"):
        report = build([corpus], work / ("graph.nt" if stage == "build-nt" else "graph.ttl"),
                       format="ntriples" if stage == "build-nt" else "turtle", workers=workers)
        out["triples"] = report.triples
    elif stage == "build-store":
        out["triples"] = build([corpus], store=work / "store", workers=workers).triples
    elif stage in ("build-ttl-validated", "build-store-validated"):  # what `kg build` does: build, then the report
        from kg.validation.chunks import chunk_checker, validate_built

        into = {"store": work / "store"} if stage == "build-store-validated" else {"output": work / "graph.ttl"}
        report = build([corpus], **into, workers=workers,
                       check=chunk_checker(quads="store" in into, named="store" in into))
        result = validate_built(report.checked, (work / "graph.ttl",) if "output" in into else (), into.get("store"),
                                workers=workers)
        out.update(triples=report.triples, conforms=result.conforms, violations=len(result.violations),
                   chunks_broken=sum(1 for found in report.checked if found.broken))
    elif stage == "export-ttl":
        from kg.graphs.files import export

        out["triples"] = export([work / "graph.nt"], work / "export.ttl", "turtle")
    elif stage == "export-store-ttl":  # what `kg export --store DIR -o store-export.ttl` does
        from kg.graphs.files import export

        out["triples"] = export([], work / "store-export.ttl", "turtle", store=work / "store")
    elif stage == "validate":
        from kg.validation.sparql_engine import validate_store

        result = validate_store(work / "store", workers=workers)
        out["conforms"] = getattr(result, "conforms", None)
    elif stage == "validate-ttl":  # what `kg validate graph.ttl` does
        from kg.validation.engines import validate

        out["conforms"] = validate([work / "graph.ttl"]).conforms
    elif stage.startswith("query:"):
        from kg.graphs.store import open_store
        from kg.query.catalogue import stored_query
        from kg.query.run import query_store

        name, _, value = stage[len("query:"):].partition("=")
        sparql = stored_query(name).bind({"trial_id": value} if value else {})
        store = open_store(work / "store")  # once, as a server or a program does; `kg query --store` adds ~0.1 s
        times = []
        for _ in range(3):
            began = time.perf_counter()
            out["rows"] = len(query_store(store, sparql).rows)
            times.append(time.perf_counter() - began)
        out["seconds"] = statistics.median(times)
    elif stage == "filters":
        out["filters"] = filter_timings(work / "store", runs=int(os.environ.get("KG_FILTER_RUNS", "5")),
                                        all_rows=bool(os.environ.get("KG_FILTER_ALL_ROWS", "1")),
                                        only=[form for form in os.environ.get("KG_FILTER_FORMS", "").split("\n") if form],
                                        first_pages=[form for form in os.environ.get("KG_FILTER_FIRST_PAGES", "").split("\n") if form])
    elif stage == "rdflib-build":
        out["triples"] = len(_rdflib_graph(corpus))
    elif stage == "rdflib-turtle":
        graph = _rdflib_graph(corpus)
        started = _timed_from(work, stage)
        graph.serialize(work / "rdflib.ttl", format="turtle")
        out["triples"] = len(graph)
    elif stage == "pyshacl":
        from kg.graphs.files import load_graph
        from kg.validation.reference import validate_graph

        graph = load_graph([work / "graph.nt"])
        started = _timed_from(work, stage)
        result = validate_graph(graph)
        out.update(triples=len(graph), conforms=result.conforms, violations=len(result.violations))
    elif stage == "demo":
        done = subprocess.run([sys.executable, "-m", "kg", "build", str(REPO / "tests/data/seeds"), "-o", str(work / "seeds.ttl"),
                               "--show", "trials", "--show", "sites"], capture_output=True, cwd=work)
        out["exit"] = done.returncode
    if stage == "filters":
        out["load"] = f"{load} -> {os.getloadavg()}"
    out.setdefault("seconds", time.perf_counter() - started)
    out["rss_kb"], out["workers_rss_kb"] = _peak_kb()
    return out


#: The listings the filter benchmark asks, and the filtered forms (a parameter and the value it takes).
FILTER_QUERIES = ("eligibility", "outcomes", "arms", "interventions", "sites", "sponsors", "conditions", "cell_products",
                  "cell_doses", "cytokines", "regimens", "identifiers", "trials")


def filter_values(store) -> dict[str, dict[str, str]]:  # noqa: ANN001 - a pyoxigraph Store
    """The filtered forms measured, with values read from the store: one trial (the middle key of those with
    criteria, outcomes and arms), the sponsor,
    condition and country of a typical question (the median of their trial counts) and of the largest
    (the most trials), and the tokens PHASE2, RECRUITING and NK.
    """
    from kg.query.run import query_store

    def by_trials(pattern: str) -> list[str]:
        sparql = ("PREFIX ctk: <https://w3id.org/celltherapy-kg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                  f"SELECT ?value (COUNT(DISTINCT ?trial) AS ?n) WHERE {{ {pattern} }} GROUP BY ?value ORDER BY DESC(?n) ?value")
        return [row[0] for row in query_store(store, sparql).rows]

    # A trial with criteria and outcomes (a recombined study may have none), so that its listings are not empty.
    keys = [row[0] for row in query_store(store, "PREFIX ctk: <https://w3id.org/celltherapy-kg/ontology#>\n"
                                          "SELECT DISTINCT ?key WHERE { ?t a ctk:Trial ; ctk:trialId ?key ; "
                                          "ctk:hasEligibilityCriterion [] ; ctk:hasOutcome [] ; ctk:hasArm [] } ORDER BY ?key").rows]
    sponsors = by_trials("?trial ctk:leadSponsor|ctk:collaborator|ctk:sponsor ?o . ?o rdfs:label ?value")
    conditions = by_trials("?trial ctk:studiesCondition ?c . ?c rdfs:label ?value")
    countries = by_trials("?trial ctk:hasSite ?s . ?s ctk:countryCode ?value")
    return {"trial": {"trial_id": keys[len(keys) // 2]},
            "sponsor": {"sponsor": sponsors[len(sponsors) // 2]}, "sponsor (largest)": {"sponsor": sponsors[0]},
            "condition": {"condition": conditions[len(conditions) // 2]}, "condition (largest)": {"condition": conditions[0]},
            "country": {"country": countries[len(countries) // 2]}, "country (largest)": {"country": countries[0]},
            "phase": {"phase": "PHASE2"}, "status": {"status": "RECRUITING"}, "cell type": {"cell_type": "NK"},
            "status + condition (largest)": {"status": "RECRUITING", "condition": conditions[0]}}


def filter_timings(directory: Path, runs: int = 5, all_rows: bool = True, only: list[str] | None = None,
                   first_pages: list[str] | None = None) -> dict:
    """Each listing of FILTER_QUERIES on the store: unfiltered (all its rows, and its first row), one page
    (--limit 100 --offset 1000), and each filtered form of :func:`filter_values`; medians of ``runs``, in
    seconds, as ``kg query --store`` answers (rows as text, the store opened once, a listing page of
    trials by page: "first row" is its first page's rows). ``all_rows`` False leaves the whole listings out,
    ``only`` names the filtered forms timed whole (all when empty, none when only ``first_pages`` are given);
    ``first_pages`` names forms whose first page is timed (a column "FORM, first page"): what `kg query` streams first
    where the whole answer is a download.
    """
    from kg.graphs.store import open_store
    from kg.query.catalogue import stored_query
    from kg.query.run import query_store
    from kg.query.targets import listing_pages

    store = open_store(directory)
    first_pages, values = first_pages or [], filter_values(store)
    whole = [label for label in values if (label in only if only else not first_pages)]
    forms = {label: given for label, given in values.items() if label in whole or label in first_pages}
    timings: dict = {"values": forms, "queries": {}}
    for name in FILTER_QUERIES:
        stored = stored_query(name)
        accepted = {p.name for p in stored.parameters}
        cells: dict = {}

        def timed(sparql: str, first_only: bool = False, limit: int | None = None, offset: int = 0) -> tuple[float, int]:
            times, count = [], 0
            for _ in range(runs):
                began = time.perf_counter()
                count = 0
                for result in listing_pages(lambda text: query_store(store, text), sparql, limit, offset):
                    count += len(result.rows)
                    if first_only and count:
                        break
                times.append(time.perf_counter() - began)
            return statistics.median(times), count

        unfiltered = stored.bind({})
        if all_rows:
            cells["all rows"] = timed(unfiltered)
        cells["first row"] = timed(unfiltered, first_only=True)
        cells["page"] = timed(unfiltered, limit=100, offset=1000)
        for label, given in forms.items():
            if set(given) <= accepted:
                if label in whole:
                    cells[label] = timed(stored.bind(given))
                if label in first_pages:
                    cells[f"{label}, first page"] = timed(stored.bind(given), first_only=True)
        timings["queries"][name] = cells
        print(f"filters: {name} {cells}", file=sys.stderr, flush=True)
    return timings


def _filter_table(timings: dict) -> None:
    """The filter timings as a Markdown table: milliseconds (rows) per listing and form."""
    forms = list(next(iter(timings["queries"].values())))
    forms += [form for cells in timings["queries"].values() for form in cells if form not in forms]
    print("\nfiltered listings on the store (median ms, rows in brackets; values: "
          + "; ".join(f"{label}: {', '.join(f'{k}={v}' for k, v in values.items())}" for label, values in timings["values"].items())
          + ")")
    print("| query | " + " | ".join(forms) + " |")
    print("|---|" + "---:|" * len(forms))
    for name, cells in timings["queries"].items():
        print(f"| {name} | " + " | ".join(f"{cells[form][0] * 1000:,.0f} ({cells[form][1]:,})" if form in cells else "n/a"
                                        for form in forms) + " |")


def _child(stage: str, corpus: Path, work: Path, workers: int, timeout: float) -> dict:
    """Run a stage in a process of its own; stop it (and its workers) once its timed part ran
    ``timeout`` seconds (a baseline stage first builds rdflib's graph, untimed).
    """
    command = [sys.executable, __file__, "--stage", stage, "--corpus", str(corpus), "--work", str(work), "--workers", str(workers)]
    marker = work / f".timed-{stage}"
    marker.unlink(missing_ok=True)
    started = time.time()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, start_new_session=True)
    while child.poll() is None:
        timed_from = float(marker.read_text()) if marker.exists() else started
        if time.time() - timed_from > timeout:
            os.killpg(child.pid, signal.SIGKILL)  # the stage and its worker processes
            child.communicate()
            return {"timeout": time.time() - timed_from}
        time.sleep(0.2)
    stdout, _ = child.communicate()
    if child.returncode != 0:
        return {"failed": child.returncode}
    return json.loads(stdout.strip().splitlines()[-1])


def _corpus(size: int, work: Path) -> Path:
    from corpus import write_corpus

    path = work / f"ctg-studies-{size}.json.zip"
    if not path.exists():
        print(f"making a corpus of {size:,} studies: {path}", file=sys.stderr)
        write_corpus(size, path)
    return path


def _row(table: list[list[str]], stage: str, size: int, results: list[dict], studies: int) -> None:
    if any("timeout" in r for r in results):
        table.append([stage, f"{size:,}", f"> {results[0]['timeout']:.0f}", "", "", "", ""])
        return
    if any("skipped" in r or "failed" in r for r in results):
        table.append([stage, f"{size:,}", results[0].get("skipped") or f"failed ({results[0].get('failed')})", "", "", "", ""])
        return
    seconds = statistics.median(r["seconds"] for r in results)
    triples = results[0].get("triples")
    table.append([stage, f"{size:,}", f"{seconds:.2f}", f"{studies / seconds:,.0f}" if studies else "",
                  f"{triples / seconds:,.0f}" if triples else "", f"{max(r['rss_kb'] for r in results) / 1024:,.0f}",
                  f"{max(r['workers_rss_kb'] for r in results) / 1024:,.0f}"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="Corpus sizes (studies).")
    parser.add_argument("--baseline", type=int, default=None, help="Also run the rdflib pipeline at this size.")
    parser.add_argument("--runs", type=int, default=1, help="Runs per stage (the median is reported).")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=900.0, help="Seconds after which a stage is stopped.")
    parser.add_argument("--queries", action="store_true", help="Also run every stored query on each store.")
    parser.add_argument("--filters", action="store_true",
                        help="Also time the listings filtered (trial, sponsor, condition, ...) and paged on each store.")
    parser.add_argument("--first-pages", nargs="+", metavar="FORM",
                        help="Time these filtered forms' first pages (the rows `kg query` streams first), e.g. 'country "
                             "(largest)', whose whole answer is a download.")
    parser.add_argument("--no-all-rows", action="store_true",
                        help="Leave out the filters table's 'all rows' column: at the registry's size a whole listing is a "
                             "download of millions of rows (minutes a run), not a question.")
    parser.add_argument("--forms", nargs="+", metavar="FORM",
                        help="Time only these filtered forms of the filters table (e.g. trial sponsor condition country "
                             "'cell type'); at the registry's size the forms that pick a third of it are downloads too.")
    parser.add_argument("--query-timeout", type=float, default=120.0, help="Seconds after which a query (3 runs) is stopped.")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-scale-benchmark"))
    parser.add_argument("--only", nargs="+", metavar="STAGE",
                        help="Run only these stages (e.g. build-store validate query:trial query:sites; 'query' for all).")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.stage:
        print(json.dumps(run_stage(arguments.stage, arguments.corpus, arguments.work, arguments.workers)))
        return

    from kg.query.catalogue import catalogue

    table = [["stage", "N", "seconds", "studies/s", "triples/s", "peak RSS MB", "workers' MB"]]
    filter_tables: list[tuple[int, dict]] = []
    sizes = sorted(set(arguments.sizes) | ({arguments.baseline} if arguments.baseline else set()))
    for size in sizes:
        work = arguments.workdir / str(size)
        work.mkdir(parents=True, exist_ok=True)
        corpus = _corpus(size, arguments.workdir)
        stages = ["read", "build-nt", "build-ttl", "build-store", "export-store-ttl", "export-ttl", "validate",
                  "validate-ttl", "build-ttl-validated", "build-store-validated"]
        if arguments.queries:
            stages += [f"query:{name}" for name in sorted(catalogue()) if name != "trial"] + ["query:trial=NCT90000000"]
        if arguments.filters:
            stages += ["filters"]
        if size == arguments.baseline:
            stages += ["rdflib-build", "rdflib-turtle", "pyshacl"]
        if arguments.only:
            stages = [stage for stage in stages if stage in arguments.only or stage.split("=")[0] in arguments.only
                      or ("query" in arguments.only and stage.startswith("query:"))]
        for stage in stages:
            if stage == "filters":  # a table of its own, of the medians of --runs
                os.environ["KG_FILTER_RUNS"] = str(max(arguments.runs, 3))
                os.environ["KG_FILTER_ALL_ROWS"] = "" if arguments.no_all_rows else "1"
                os.environ["KG_FILTER_FORMS"] = "\n".join(arguments.forms or [])
                os.environ["KG_FILTER_FIRST_PAGES"] = "\n".join(arguments.first_pages or [])
                print(f"[N={size:,}] filters ...", file=sys.stderr, flush=True)
                found = _child(stage, corpus, work, arguments.workers, arguments.timeout)
                filter_tables.append((size, found))
                continue
            # A query's child process already takes the median of three runs; the baseline is run once.
            runs = 1 if stage.startswith(("rdflib", "pyshacl", "query:")) else arguments.runs
            results = []
            for run in range(runs):
                print(f"[N={size:,}] {stage} (run {run + 1}/{runs}) ...", file=sys.stderr, flush=True)
                limit = arguments.query_timeout if stage.startswith("query:") else arguments.timeout
                results.append(_child(stage, corpus, work, arguments.workers, limit))
                print(f"[N={size:,}] {stage}: {results[-1]}", file=sys.stderr, flush=True)
            _row(table, stage, size, results, 0 if stage.startswith("query:") else size)
    demo = [_child("demo", REPO, arguments.workdir, arguments.workers, arguments.timeout) for _ in range(arguments.runs)]
    _row(table, "README demo (5 seeds, kg build --show)", 5, demo, 5)
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))))
    for size, found in filter_tables:
        print(f"\nN = {size:,}, load average before and after: {found.get('load', '')}")
        if "filters" in found:
            _filter_table(found["filters"])
        else:
            print(f"filters: {found}")
    if arguments.baseline:
        _ratios({row[0]: row[2] for row in table if row[1] == f"{arguments.baseline:,}"}, arguments.baseline)


def _ratios(seconds: dict[str, str], size: int) -> None:
    """The baseline's time over ours, for the targets of the issue (a capped baseline gives "> x")."""
    def value(stage: str) -> tuple[float, bool] | None:
        text = seconds.get(stage, "")
        try:
            return (float(text[2:]), True) if text.startswith("> ") else (float(text), False)
        except ValueError:
            return None

    print(f"\nratios at N = {size:,} (rdflib pipeline time / ours; '>' where the baseline was stopped):")
    pairs = [("build to a Turtle file", ["rdflib-build", "rdflib-turtle"], "build-ttl"),
             ("Turtle export", ["rdflib-turtle"], "export-ttl"), ("validation", ["pyshacl"], "validate")]
    for label, theirs, ours in pairs:
        parts, mine = [value(stage) for stage in theirs], value(ours)
        if mine is None or None in parts:
            print(f"  {label}: n/a")
            continue
        total = sum(part[0] for part in parts)  # type: ignore[index]
        capped = any(part[1] for part in parts)  # type: ignore[index]
        print(f"  {label}: {'> ' if capped else ''}{total / mine[0]:.1f}x ({total:.1f} s / {mine[0]:.2f} s)")


if __name__ == "__main__":
    main()
