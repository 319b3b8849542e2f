"""How `kg load` scales: a dataset file loaded into a local Oxigraph server, its time and the client's memory.

    python tests/benchmarks/corpus.py 2000 -o /tmp/c2k.zip
    python -m kg build /tmp/c2k.zip -o /tmp/g2k.nq --no-validate
    python tests/benchmarks/load.py /tmp/g2k.nq --workdir /tmp/load2k [--by update] [--query trials]

Starts `oxigraph serve` on an empty store in --workdir, runs `python -m kg load FILE` in a child
process (`--graph-store`, Oxigraph's /store, unless --by update), and prints the statements, wall time,
rate, the client's peak RSS (its own, from wait4) and the load averages before and after. Then it
checks the store against the file: the statements of every named graph counted in both (the file
counted line by line, which is exact for an N-Quads build), and prints the stored queries given with
--query (`kg query NAME --endpoint ... --limit 5`). The server is stopped and its store left in
--workdir. This is a measurement, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path[:0] = [str(HERE.parent), str(REPO)]


def _load_averages() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _file_sizes(path: Path) -> Counter:
    """Statements per named graph of an N-Quads file: its last term before the final dot."""
    sizes: Counter = Counter()
    with open(path, "rb") as stream:
        for line in stream:
            sizes[line.rsplit(b" ", 2)[-2][1:-1].decode("utf-8")] += 1
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="An N-Quads build (kg build ... -o FILE.nq).")
    parser.add_argument("--workdir", type=Path, required=True, help="Where the server's store goes (must not exist).")
    parser.add_argument("--by", choices=["graph-store", "update"], default="graph-store")
    parser.add_argument("--query", action="append", default=[], help="A stored query to print from the server.")
    parser.add_argument("--no-check", action="store_true", help="Do not count the statements of every graph.")
    parser.add_argument("--stop-after", type=float, help="Stop the load after this many seconds.")
    arguments = parser.parse_args()

    import servers

    from kg.graphs.server import query_endpoint, server_command
    from kg.query.remote import run_remote

    arguments.workdir.mkdir(parents=True)
    port = servers.free_port()
    with open(arguments.workdir / "server.log", "wb") as log:
        server = subprocess.Popen(server_command(arguments.workdir / "store", port, writable=True), stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    query = query_endpoint(port, writable=True)
    try:
        servers.wait_for(server, query)
        command = [sys.executable, "-m", "kg", "load", str(arguments.dataset), "--endpoint", f"{base}/update"]
        if arguments.by == "graph-store":
            command += ["--graph-store", f"{base}/store"]
        print(f"load averages before: {_load_averages()}", flush=True)
        started = time.monotonic()
        client = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=REPO)
        stopped = False
        while True:
            pid, status, usage = os.wait4(client.pid, os.WNOHANG)
            if pid:
                break
            if arguments.stop_after and time.monotonic() - started > arguments.stop_after and not stopped:
                client.terminate()
                stopped = True
            time.sleep(0.5)
        seconds = time.monotonic() - started
        output = client.stdout.read() if client.stdout else ""
        print(output.strip())
        if stopped:
            counted = run_remote(query, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=3600).rows
            statements = int(counted[0][0])
            print(f"stopped after {seconds:.1f} s: the store holds {statements:,} statements")
        else:
            statements = int(output.split()[0]) if output.split() and output.split()[0].isdigit() else 0
        print(f"by {arguments.by}: exit {os.waitstatus_to_exitcode(status)}, {seconds:.1f} s wall, "
              f"{statements / seconds:,.0f} statements/s, client peak RSS {usage.ru_maxrss / 1024:.0f} MB, "
              f"client CPU {usage.ru_utime + usage.ru_stime:.1f} s; load averages after: {_load_averages()}", flush=True)
        if not arguments.no_check and not stopped:
            started = time.monotonic()
            rows = run_remote(query, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                              timeout=3600).rows
            there = {graph: int(count) for graph, count in rows}
            wanted = _file_sizes(arguments.dataset)
            differ = sum(1 for graph in set(there) | set(wanted) if there.get(graph) != wanted.get(graph))
            print(f"check: file {len(wanted):,} graphs, {sum(wanted.values()):,} statements; server {len(there):,} "
                  f"graphs, {sum(there.values()):,} statements; {differ} graphs differ ({time.monotonic() - started:.0f} s)",
                  flush=True)
        for name in arguments.query:
            result = subprocess.run([sys.executable, "-m", "kg", "query", name, "--endpoint", query, "--limit", "5",
                                     "--timeout", "3600"], capture_output=True, text=True, cwd=REPO)
            print(f"kg query {name} --limit 5 (exit {result.returncode}):\n{result.stdout}{result.stderr}", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
