"""Start the Oxigraph SPARQL server (the ``oxigraph`` package's program) on a store."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kg.errors import GraphError
from kg.graphs.files import dataset_statements
from kg.graphs.store import fill_store

__all__ = ["oxigraph_program", "server_command", "serve"]


def oxigraph_program() -> str:
    """The ``oxigraph`` program, installed with this package's ``server`` extra."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise GraphError("the oxigraph server is not installed (pip install 'celltherapy-kg[server]')")
    return found


def server_command(store: Path, port: int, *, writable: bool = False, host: str = "127.0.0.1") -> list[str]:
    """The command that serves ``store`` on ``host:port``, every named graph seen as the default graph."""
    mode = "serve" if writable else "serve-read-only"
    return [oxigraph_program(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph"]


def serve(store: Path | None, data: Sequence[Path], port: int, *, writable: bool = False) -> int:
    """Serve a store directory, or graph files loaded into a temporary store, until interrupted."""
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as scratch:
        if store is None:
            store = Path(scratch) / "store"
            fill_store(store, dataset_statements(data))
        try:
            return subprocess.run(server_command(store, port, writable=writable)).returncode
        except KeyboardInterrupt:
            return 0
