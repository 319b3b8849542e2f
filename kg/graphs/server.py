"""Start the Oxigraph SPARQL server (the ``oxigraph`` package's program) on a store.

Read-only, the server answers every query over the union of the graphs (``--union-default-graph``).
Writable, it keeps the SPARQL default graph as SPARQL Update means it (Oxigraph refuses ``WITH`` and
``USING`` on a union default graph), and a query asks for the union with the endpoint's URL parameter
``union-default-graph`` (``http://127.0.0.1:PORT/query?union-default-graph``).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kg.errors import GraphError
from kg.graphs.files import dataset_statements
from kg.graphs.store import fill_store

__all__ = ["oxigraph_program", "server_command", "query_endpoint", "serve"]


def oxigraph_program() -> str:
    """The ``oxigraph`` program, installed with this package's ``server`` extra."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise GraphError("the oxigraph server is not installed (pip install 'celltherapy-kg[server]')")
    return found


def server_command(store: Path, port: int, *, writable: bool = False, host: str = "127.0.0.1") -> list[str]:
    """The command that serves ``store`` on ``host:port`` (see the module's docstring for the default graph)."""
    if writable:
        return [oxigraph_program(), "serve", "--location", str(store), "--bind", f"{host}:{port}"]
    return [oxigraph_program(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
            "--union-default-graph"]


def query_endpoint(port: int, *, writable: bool = False, host: str = "127.0.0.1") -> str:
    """The URL that queries the served store over all its named graphs."""
    return f"http://{host}:{port}/query" + ("?union-default-graph" if writable else "")


class _Stop(Exception):
    """SIGTERM (or SIGINT) asked the server to stop."""


def _stop(signum: int, frame: object) -> None:
    raise _Stop


def _check_port(host: str, port: int) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise GraphError(f"{host}:{port}: cannot serve there ({error.strerror or error}); "
                             "choose another port with --port") from None


def serve(store: Path | None, data: Sequence[Path], port: int, *, writable: bool = False, host: str = "127.0.0.1") -> int:
    """Serve a store directory, or graph files loaded into a temporary store, until interrupted
    (Ctrl-C, SIGTERM): the server is stopped and the temporary store removed.
    """
    if store is not None and not store.is_dir():
        raise GraphError(f"{store}: no store there (build one with `kg build ... --store {store}`)")
    _check_port(host, port)
    previous = {signum: signal.signal(signum, _stop) for signum in (signal.SIGTERM, signal.SIGINT)}
    server: subprocess.Popen | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="kg-serve-") as scratch:
            if store is None:
                store = Path(scratch) / "store"
                fill_store(store, dataset_statements(data))
            server = subprocess.Popen(server_command(store, port, writable=writable, host=host),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            sys.stderr.write(f"SPARQL endpoint: {query_endpoint(port, writable=writable, host=host)}"
                             + (f"  updates: http://{host}:{port}/update  graph store: http://{host}:{port}/store" if writable else "")
                             + f"  (query page: http://{host}:{port}/)\n")
            sys.stderr.flush()
            try:
                code = server.wait()
            except _Stop:
                code = 0
            else:
                problem = (server.stderr.read() if server.stderr else b"").decode("utf-8", "replace").strip()
                if code:
                    line = next((line for line in problem.splitlines() if line.startswith("Error")), None)
                    raise GraphError(f"the oxigraph server stopped: {line or (problem.splitlines() or ['exit ' + str(code)])[0]}")
            finally:
                _end(server)
        return code
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _end(server: subprocess.Popen) -> None:
    """Stop the server (SIGTERM, then SIGKILL after 10 s) and wait for it."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
