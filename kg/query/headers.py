"""The grlc headers of the stored queries, written from what they say and from the vocabularies.

A parameter whose values are the tokens of a SKOS scheme names the scheme (``params: NAME:
scheme:``); its ``#+ enumerate:`` list is then the scheme's notations in
``ontology/vocabularies.ttl``, so a grlc server offers exactly the values the graph can hold.
``python -m kg.query.headers`` rewrites every ``queries/*.rq`` header after the vocabularies
change; tests/test_queries.py fails while a header differs from what this module writes.

The filters on the trials a listing shows (:mod:`kg.query.catalogue`) stand in every listing so
that grlc and any store can run the file as it is; :data:`TRIAL_FILTERS` is their one spelling,
and each filter line of that form in a query is written from it, so the copies cannot drift.
"""

from __future__ import annotations

import re

import yaml

from kg.model.vocab import scheme
from kg.query.catalogue import StoredQuery, catalogue

__all__ = ["TRIAL_FILTERS", "header", "rewrite", "written"]

#: Each filter on the trials: its parameter (grlc's name) and the patterns a trial must match.
TRIAL_FILTERS = {
    "trialId": "?trial ctk:trialId ?__trialId",
    "sponsor": "?trial ctk:leadSponsor|ctk:collaborator|ctk:sponsor ?filter_sponsor . ?filter_sponsor rdfs:label ?__sponsor",
    "condition": "?trial ctk:studiesCondition ?filter_condition . ?filter_condition rdfs:label ?__condition",
    "phase": '?trial ctk:phase ?filter_phase . FILTER(STRAFTER(STR(?filter_phase), "/vocab/phase-") = ?__phase)',
    "status": '?trial ctk:overallStatus ?filter_status . FILTER(STRAFTER(STR(?filter_status), "/vocab/status-") = ?__status)',
    "cellType": ("?trial ctk:hasCellProduct ?filter_product . ?filter_product ctk:cellType ?filter_cell_type . "
                 'FILTER(STRAFTER(STR(?filter_cell_type), "/vocab/cell-type-") = ?__cellType)'),
    "country": "?trial ctk:siteCountryCode ?__country",
}
#: A filter line on the trials, as a query holds it (a row-level filter of the same parameter,
#: such as the sites' own country, does not start from ``?trial`` and is left as written).
_TRIAL_FILTER_LINE = re.compile(r'^(?P<indent>[ \t]*)FILTER\(COALESCE\(\?__(?P<name>[A-Za-z0-9]+), ""\) = "" \|\| '
                                r"EXISTS \{ \?trial .*\}\)[ \t]*$", re.MULTILINE)


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


def written(query: StoredQuery) -> str:
    """The whole text of a query: its header, and its body with each filter on the trials from TRIAL_FILTERS."""
    def spelt(match: re.Match[str]) -> str:
        patterns = TRIAL_FILTERS.get(match["name"])
        if patterns is None:
            return match[0]
        return f'{match["indent"]}FILTER(COALESCE(?__{match["name"]}, "") = "" || EXISTS {{ {patterns} }})'

    return header(query) + _TRIAL_FILTER_LINE.sub(spelt, query.body.lstrip("\n"))


def rewrite() -> list[str]:
    """Rewrite each stored query as :func:`written` writes it; the names of the files changed."""
    changed = []
    for query in catalogue().values():
        text = written(query)
        if text != query.text:
            query.path.write_text(text, encoding="utf-8")
            changed.append(query.path.name)
    return changed


if __name__ == "__main__":
    import sys

    for name in rewrite():
        sys.stdout.write(f"rewrote queries/{name}\n")
