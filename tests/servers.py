"""Real SPARQL servers for the tests, started on 127.0.0.1 on a free port: Oxigraph (the
``oxigraph`` program of the ``server`` extra), Virtuoso (Debian's ``virtuoso-opensource``, with a
private virtuoso.ini and database in a temporary folder) and Apache Jena (Debian's
``libapache-jena-java``: a TDB2 dataset with Fuseki's ``tdb2:unionDefaultGraph true``, served by
tests/JenaServer.java, since Debian ships Jena's libraries but no Fuseki). Each is a context manager
giving a :class:`Server`, stopped (and its files left to the temporary folder) at the end.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.graphs.server import query_endpoint, server_command

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
#: Why the Virtuoso tests are skipped where they are.
NO_VIRTUOSO = "Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; .ci/run installs it)"

JAVA = shutil.which("java")
#: Debian's Jena 4.5 jars and those of the packages it depends on (libapache-jena-java's Depends), by name.
JENA_JARS = [Path("/usr/share/java") / f"{name}.jar" for name in (
    "jena-arq", "jena-base", "jena-core", "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
    "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri", "jena-tdb2", "commons-cli", "commons-codec",
    "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection", "gson", "guava",
    "httpclient", "httpcore", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
    "jakarta.json-api", "thrift", "protobuf", "titanium-json-ld", "slf4j-api", "slf4j-simple")]
#: Why the Jena tests are skipped where they are.
NO_JENA = ("Apache Jena is not installed (Debian: apt-get install libapache-jena-java default-jre-headless; "
           ".ci/run installs it)")
HAS_JENA = bool(JAVA) and all(jar.exists() for jar in JENA_JARS)


@dataclass
class Server:
    name: str
    query: str  # the URL that queries over every named graph
    update: str
    process: subprocess.Popen
    graph_store: str | None = None  # where the server takes N-Quads by POST (Graph Store Protocol), if it does

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
    server = Server("oxigraph", query_endpoint(port, writable=True), f"http://127.0.0.1:{port}/update", process,
                    f"http://127.0.0.1:{port}/store")
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


_JENA_DATASET = """\
@prefix tdb2: <http://jena.apache.org/2016/tdb#> .
# What docs/endpoints.md tells a Fuseki user: the default graph is the union of the named graphs.
<#dataset> a tdb2:DatasetTDB2 ;
    tdb2:location "{location}" ;
    tdb2:unionDefaultGraph true .
"""


def _jena_messages(folder: Path) -> Path:
    """Debian's Jena moved its copy of Xerces to the package ``xerces`` but left Xerces' message files
    under ``org/apache/jena/ext/xerces``, where Xerces does not look: without them Jena fails as it
    starts ("internal error" in XSSimpleTypeDecl.applyFacets1). A folder with the files where Xerces
    looks, first on the class path, puts them back.
    """
    with zipfile.ZipFile("/usr/share/java/jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = folder / name.removeprefix("org/apache/jena/ext/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return folder


@contextmanager
def jena(folder: Path) -> Iterator[Server]:
    """An Apache Jena SPARQL server (tests/JenaServer.java on Debian's Jena 4.5) on a TDB2 dataset in
    ``folder``, its default graph the union of the named graphs; queries at /query, updates at /update.
    """
    assert HAS_JENA, NO_JENA
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.ttl").write_text(_JENA_DATASET.format(location=folder / "tdb2"), encoding="utf-8")
    classpath = [_jena_messages(folder / "xerces-messages"), *JENA_JARS]
    with open(folder / "jena.log", "wb") as log:
        process = subprocess.Popen(
            [JAVA, "-Xmx1g", "-cp", ":".join(map(str, classpath)), str(Path(__file__).parent / "JenaServer.java"),
             str(folder / "dataset.ttl"), str(port)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server("jena", f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/update", process)
    try:
        try:
            wait_for(process, server.query, seconds=120)  # compiling the server and starting Jena take seconds
        except RuntimeError as error:
            raise RuntimeError(f"{error}; its log: {(folder / 'jena.log').read_text(errors='replace')}") from None
        yield server
    finally:
        server.stop()
