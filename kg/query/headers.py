"""The grlc headers of the stored queries, written from what they say and from the vocabularies.

A parameter whose values are the tokens of a SKOS scheme names the scheme (``params: NAME:
scheme:``); its ``#+ enumerate:`` list is then the scheme's notations in
``ontology/vocabularies.ttl``, so a grlc server offers exactly the values the graph can hold.
``python -m kg.query.headers`` rewrites every ``queries/*.rq`` header after the vocabularies
change; tests/test_queries.py fails while a header differs from what this module writes.
"""

from __future__ import annotations

import yaml

from kg.model.vocab import scheme
from kg.query.catalogue import StoredQuery, catalogue

__all__ = ["header", "rewrite"]


def header(query: StoredQuery) -> str:
    """The ``#+`` lines of a query: summary, description, tags, enumerations and parameter notes."""
    data: dict = {"summary": query.summary, "description": query.description, "tags": list(query.tags)}
    enumerate_ = [{p.grlc_name: list(scheme(p.scheme).tokens)} for p in query.parameters if p.scheme]
    if enumerate_:
        data["enumerate"] = enumerate_
    if query.parameters:
        data["params"] = {p.grlc_name: {"description": p.description, **({"scheme": p.scheme} if p.scheme else {})}
                          for p in query.parameters}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return "".join(f"#+ {line}\n" for line in text.splitlines())


def rewrite() -> list[str]:
    """Rewrite each stored query's header as :func:`header` writes it; the names of the files changed."""
    changed = []
    for query in catalogue().values():
        text = header(query) + query.body.lstrip("\n")
        if text != query.text:
            query.path.write_text(text, encoding="utf-8")
            changed.append(query.path.name)
    return changed


if __name__ == "__main__":
    import sys

    for name in rewrite():
        sys.stdout.write(f"rewrote queries/{name}\n")
