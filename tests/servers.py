"""Real SPARQL servers for the tests, started on 127.0.0.1 on a free port: Oxigraph (the
``oxigraph`` program of the ``server`` extra) and Virtuoso (Debian's ``virtuoso-opensource``, with a
private virtuoso.ini and database in a temporary folder). Each is a context manager giving a
:class:`Server`, stopped (and its files left to the temporary folder) at the end.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.graphs.server import query_endpoint, server_command

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
#: Why the Virtuoso tests are skipped where they are.
NO_VIRTUOSO = "Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; .ci/run installs it)"


@dataclass
class Server:
    name: str
    query: str  # the URL that queries over every named graph
    update: str
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    """Whether ``url`` answers ASK {} (the server is up)."""
    separator = "&" if "?" in url else "?"
    try:
        with urllib.request.urlopen(f"{url}{separator}{urllib.parse.urlencode({'query': 'ASK {}'})}", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def wait_for(process: subprocess.Popen, url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not answers(url):
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {process.stderr.read().decode() if process.stderr else ''}")
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the server did not answer within {seconds} s")
        time.sleep(0.1)


@contextmanager
def oxigraph(folder: Path) -> Iterator[Server]:
    """A writable Oxigraph server on a store in ``folder``."""
    port = free_port()
    process = subprocess.Popen(server_command(folder / "store", port, writable=True), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    server = Server("oxigraph", query_endpoint(port, writable=True), f"http://127.0.0.1:{port}/update", process)
    try:
        wait_for(process, server.query)
        yield server
    finally:
        server.stop()


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {folder}
[HTTPServer]
ServerPort = {http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = {max_rows}
"""


@contextmanager
def virtuoso(folder: Path, max_rows: int = 10_000) -> Iterator[Server]:
    """A Virtuoso server of its own (database in ``folder``), SPARQL Update granted to its SPARQL user,
    answering at most ``max_rows`` rows (its ResultSetMaxRows; 10,000 as Debian's default).
    """
    assert VIRTUOSO and ISQL, NO_VIRTUOSO
    sql_port, http_port = free_port(), free_port()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "virtuoso.ini").write_text(_VIRTUOSO_INI.format(folder=folder, sql_port=sql_port, http_port=http_port,
                                                              max_rows=max_rows), encoding="utf-8")
    process = subprocess.Popen([VIRTUOSO, "-f", "-c", "virtuoso.ini"], cwd=folder, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    server = Server("virtuoso", endpoint, endpoint, process)
    try:
        wait_for(process, endpoint)
        subprocess.run([ISQL, str(sql_port), "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'], check=True,
                       capture_output=True, timeout=60)
        yield server
    finally:
        server.stop()
