"""The documentation site of the ontology and the stored queries (``kg docs -o site/``).

Static HTML written from the files themselves, so it cannot drift from them:

- ``index.html``: the ontology's metadata (version IRI, licence, creator), then every class,
  object property and datatype property of ``ontology/kg.ttl`` with its label, definition,
  comment, domain, range, super-terms and alignments (``ontology/alignments.ttl`` and the SSSOM
  mappings of ``ontology/mappings.sssom.tsv``), each with
  an anchor named by its local name (``#CytokineUse``);
- ``vocabularies.html``: every SKOS concept scheme of ``ontology/vocabularies.ttl``, its top
  concepts first, each concept with its notation (the token), labels, definition and
  mappings to external codes;
- ``queries/NAME.html``: one page per stored query with its summary, description, tags,
  parameters (required or not, values offered), result columns and text; ``queries/index.html``
  lists them.

pyLODE was tried for the term pages; 3.4.1 (the version the package index offers for Python
3.11) fails when imported from an installed wheel, looking for its pyproject.toml, and it shows
no SKOS mappings, so the pages are written here with rdflib and the standard library.
"""

from __future__ import annotations

import csv
import html
import shutil
from collections.abc import Iterable
from pathlib import Path

import rdflib
import yaml
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery

from kg.model.namespaces import CTK, VOC
from kg.query.catalogue import StoredQuery, catalogue
from kg.resources import ontology_file

__all__ = ["build_site", "ONTOLOGY_FILES"]

#: The files that make the ontology: terms, vocabularies, alignments.
ONTOLOGY_FILES = ("kg.ttl", "vocabularies.ttl", "alignments.ttl")
ONTOLOGY = rdflib.URIRef("https://w3id.org/celltherapy-kg/ontology")
_MATCHES = (("subclass of", RDFS.subClassOf), ("subproperty of", RDFS.subPropertyOf),
            ("equivalent class", OWL.equivalentClass), ("exact match", SKOS.exactMatch),
            ("close match", SKOS.closeMatch), ("broad match", SKOS.broadMatch), ("narrow match", SKOS.narrowMatch),
            ("related match", SKOS.relatedMatch))
_STYLE = """body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}
dt{font-weight:bold}code{background:#f4f4f4;padding:0 .2em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}.term{border-top:1px solid #ddd;padding-top:.5em}
.deprecated{color:#777}"""


def ontology_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ontology_file(name))
    return graph


def sssom_mappings(path: Path | None = None) -> list[tuple[rdflib.URIRef, rdflib.URIRef, rdflib.URIRef]]:
    """The (subject, predicate, object) IRIs of an SSSOM/TSV file (``ontology/mappings.sssom.tsv``).

    The leading ``#`` lines are the mapping set's YAML metadata, whose ``curie_map`` expands
    the identifiers; the rest is a tab-separated table with a header row.
    """
    path = path or ontology_file("mappings.sssom.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    metadata = yaml.safe_load("\n".join(line[1:] for line in lines if line.startswith("#"))) or {}
    prefixes = {**{"skos": str(SKOS)}, **(metadata.get("curie_map") or {})}

    def expand(curie: str) -> rdflib.URIRef:
        prefix, _, local = curie.partition(":")
        if prefix not in prefixes:
            raise ValueError(f"{path.name}: {curie} has a prefix its curie_map does not give")
        return rdflib.URIRef(prefixes[prefix] + local)

    rows = list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    return [(expand(row["subject_id"]), expand(row["predicate_id"]), expand(row["object_id"])) for row in rows]


def _e(value: object) -> str:
    return html.escape(str(value))


def _page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    nav = (f'<p><a href="{up}index.html">Ontology</a> · <a href="{up}vocabularies.html">Vocabularies</a> · '
           f'<a href="{up}queries/index.html">Stored queries</a></p>')
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{_STYLE}</style></head>\n<body>\n{nav}\n<h1>{_e(title)}</h1>\n{body}\n</body></html>\n")


def _name(graph: rdflib.Graph, term: rdflib.term.Node) -> str:
    """A term as a link: ours to its anchor, others to their IRI, with a compact name."""
    text = str(term)
    if text.startswith(str(CTK)):
        local = text.removeprefix(str(CTK))
        return f'<a href="index.html#{_e(local)}"><code>ctk:{_e(local)}</code></a>'
    if text.startswith(str(VOC)):
        local = text.removeprefix(str(VOC))
        return f'<a href="vocabularies.html#{_e(local)}"><code>voc:{_e(local)}</code></a>'
    if isinstance(term, rdflib.URIRef):
        try:
            compact = graph.namespace_manager.normalizeUri(term)
        except (KeyError, ValueError):
            compact = text
        return f'<a href="{_e(text)}"><code>{_e(compact)}</code></a>'
    return _e(text)


def _values(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> list:
    return sorted(graph.objects(subject, predicate), key=str)


def _term(graph: rdflib.Graph, term: rdflib.URIRef) -> str:
    local = str(term).removeprefix(str(CTK))
    deprecated = (term, OWL.deprecated, rdflib.Literal(True)) in graph
    rows = [("IRI", f"<code>{_e(term)}</code>")]
    for label, predicate in (("definition", SKOS.definition), ("comment", RDFS.comment)):
        rows += [(label, _e(value)) for value in _values(graph, term, predicate)]
    for label, predicate in (("domain", RDFS.domain), ("range", RDFS.range)):
        rows += [(label, _name(graph, value)) for value in _values(graph, term, predicate)]
    for label, predicate in _MATCHES:
        rows += [(label, _name(graph, value)) for value in _values(graph, term, predicate)]
    rows += [("replaced by", _name(graph, value)) for value in _values(graph, term, DCTERMS.isReplacedBy)]
    items = "".join(f"<dt>{_e(key)}</dt><dd>{value}</dd>" for key, value in rows)
    return (f'<div class="term{" deprecated" if deprecated else ""}" id="{_e(local)}">'
            f"<h3>{_e(graph.value(term, RDFS.label) or local)}{' (deprecated)' if deprecated else ''}</h3>"
            f"<dl>{items}</dl></div>")


def ontology_terms(graph: rdflib.Graph) -> dict[str, list[rdflib.URIRef]]:
    """Our classes, object properties and datatype properties, each in the order of their local names."""
    kinds = {"Classes": OWL.Class, "Object properties": OWL.ObjectProperty, "Datatype properties": OWL.DatatypeProperty}
    return {title: sorted((t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(CTK))), key=str)
            for title, kind in kinds.items()}


def _index(graph: rdflib.Graph) -> str:
    meta = [(label, _name(graph, value) if isinstance(value, rdflib.URIRef) else _e(value))
            for label, predicate in (("title", DCTERMS.title), ("description", DCTERMS.description),
                                     ("version IRI", OWL.versionIRI), ("version", OWL.versionInfo),
                                     ("prior version", OWL.priorVersion), ("licence", DCTERMS.license),
                                     ("creator", DCTERMS.creator), ("created", DCTERMS.created),
                                     ("modified", DCTERMS.modified))
            for value in _values(graph, ONTOLOGY, predicate)]
    body = [f"<p>IRI: <code>{_e(ONTOLOGY)}</code></p>",
            "<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>"]
    for title, terms in ontology_terms(graph).items():
        links = ", ".join(_name(graph, term) for term in terms)
        body.append(f"<h2>{_e(title)} ({len(terms)})</h2><p>{links}</p>" + "".join(_term(graph, t) for t in terms))
    return _page(str(graph.value(ONTOLOGY, DCTERMS.title) or "Ontology"), "\n".join(body))


def _concept(graph: rdflib.Graph, concept: rdflib.URIRef) -> str:
    local = str(concept).removeprefix(str(VOC))
    rows = [("IRI", f"<code>{_e(concept)}</code>")]
    rows += [(label, _e(value)) for label, predicate in (("notation", SKOS.notation), ("definition", SKOS.definition),
                                                         ("alternative label", SKOS.altLabel),
                                                         ("hidden label", SKOS.hiddenLabel), ("scope note", SKOS.scopeNote))
             for value in _values(graph, concept, predicate)]
    rows += [(label, _name(graph, value)) for label, predicate in (("broader", SKOS.broader), ("narrower", SKOS.narrower))
             + _MATCHES for value in _values(graph, concept, predicate)]
    items = "".join(f"<dt>{_e(key)}</dt><dd>{value}</dd>" for key, value in rows)
    return f'<div class="term" id="{_e(local)}"><h4>{_e(graph.value(concept, SKOS.prefLabel) or local)}</h4><dl>{items}</dl></div>'


def _vocabularies(graph: rdflib.Graph) -> str:
    body = []
    for scheme in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        local = str(scheme).removeprefix(str(VOC))
        tops = _values(graph, scheme, SKOS.hasTopConcept)
        others = sorted(set(graph.subjects(SKOS.inScheme, scheme)) - set(tops), key=str)
        body.append(f'<h2 id="{_e(local)}">{_e(graph.value(scheme, SKOS.prefLabel) or local)} (<code>voc:{_e(local)}</code>)</h2>'
                    f"<p>{_e(graph.value(scheme, SKOS.definition) or '')}</p>"
                    f"<p>Top concepts: {', '.join(_name(graph, t) for t in tops)}</p>"
                    + "".join(_concept(graph, c) for c in [*tops, *others]))
    return _page("Controlled vocabularies (SKOS)", "\n".join(body))


def query_columns(query: StoredQuery) -> list[str]:
    """The result columns of a SELECT query, in the order it projects them."""
    return [str(variable) for variable in prepareQuery(query.body).algebra.get("PV", [])]


def _query_page(query: StoredQuery) -> str:
    rows = []
    for p in query.parameters:
        values = ", ".join(f"<code>{_e(v)}</code>" for v in p.values) or "any"
        scheme = f' (<a href="../vocabularies.html#{_e(p.scheme)}">voc:{_e(p.scheme)}</a>)' if p.scheme else ""
        rows.append(f"<tr><td><code>{_e(p.name)}</code></td><td><code>{_e(p.variable)}</code></td>"
                    f"<td>{'required' if p.required else 'optional'}</td><td>{_e(p.type)}</td>"
                    f"<td>{_e(p.description)}</td><td>{values}{scheme}</td></tr>")
    parameters = ("<table><tr><th>kg query</th><th>grlc variable</th><th></th><th>type</th><th>meaning</th>"
                  "<th>values</th></tr>" + "".join(rows) + "</table>") if rows else "<p>None.</p>"
    columns = "".join(f"<li><code>{_e(c)}</code></li>" for c in query_columns(query))
    example = " ".join(f"--param {p.name}=..." for p in query.parameters if p.required)
    body = (f"<p><strong>{_e(query.summary)}</strong></p><p>{_e(query.description)}</p>"
            f"<p>Tags: {', '.join(_e(t) for t in query.tags)}</p>"
            f"<p><code>kg query {_e(query.name)} --data graph.ttl {_e(example)}</code></p>"
            f"<h2>Parameters</h2>{parameters}<h2>Columns</h2><ol>{columns}</ol>"
            f"<h2>Query</h2><pre>{_e(query.text)}</pre>")
    return _page(f"Stored query {query.name}", body, depth=1)


def _query_index(queries: Iterable[StoredQuery]) -> str:
    rows = "".join(f'<tr><td><a href="{_e(q.name)}.html"><code>{_e(q.name)}</code></a></td><td>{_e(q.summary)}</td>'
                   f"<td>{_e(', '.join(q.tags))}</td></tr>" for q in queries)
    return _page("Stored queries", f"<table><tr><th>query</th><th>summary</th><th>tags</th></tr>{rows}</table>", depth=1)


def build_site(folder: Path) -> list[Path]:
    """Write the site into ``folder`` (its earlier pages replaced); the files written."""
    graph = ontology_graph()
    for mapping in sssom_mappings():  # shown on the terms' pages as their close and broad matches
        graph.add(mapping)
    pages = {Path("index.html"): _index(graph), Path("vocabularies.html"): _vocabularies(graph)}
    queries = list(catalogue().values())
    pages[Path("queries") / "index.html"] = _query_index(queries)
    for query in queries:
        pages[Path("queries") / f"{query.name}.html"] = _query_page(query)
    if (folder / "queries").is_dir():
        shutil.rmtree(folder / "queries")  # a query since removed leaves no page behind
    written = []
    for relative, text in sorted(pages.items()):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
