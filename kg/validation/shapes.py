"""The project's SHACL shapes (ontology/shapes.ttl), parsed once per process."""

from __future__ import annotations

from functools import cache

import rdflib

from kg.resources import ontology_file

__all__ = ["shapes_graph"]


@cache
def shapes_graph() -> rdflib.Graph:
    """The project's shapes (parsed once per process)."""
    graph = rdflib.Graph()
    graph.parse(ontology_file("shapes.ttl"), format="turtle")
    return graph
