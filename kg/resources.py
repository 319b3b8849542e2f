"""Where the ontology, shapes and stored queries are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ontology_file", "queries_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel carries the folders inside the package (see pyproject.toml); a checkout
    # or an editable install has them beside the package.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from the installation ({_PACKAGE})")


def ontology_file(name: str) -> Path:
    """A file of the ``ontology/`` folder, e.g. ``ontology_file("shapes.ttl")``."""
    return _find("ontology") / name


def queries_dir() -> Path:
    """The folder of stored SPARQL queries."""
    return _find("queries")
