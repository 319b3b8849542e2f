"""`kg docs` builds the documentation site, and the site lists every term, concept and stored query."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_kg
from rdflib.namespace import OWL, RDF, SKOS

from kg.docs import ontology_graph, query_columns
from kg.model.namespaces import CTK, VOC
from kg.query.catalogue import catalogue


class _Page(HTMLParser):
    """The ids, links and text of a page; fails on a tag closed out of order."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: set[str] = set()
        self.text: list[str] = []
        self.open: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a":
            self.links.add(attributes.get("href", ""))
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    result = run_kg("docs", "-o", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{2 + 1 + len(catalogue())} pages written to {folder}")
    return folder


def test_the_ontology_page_has_every_term_with_its_definition(site):
    page, graph = _Page(site / "index.html"), ontology_graph()
    text = " ".join(page.text)
    terms = {t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for t in graph.subjects(RDF.type, kind)
             if str(t).startswith(str(CTK))}
    assert len(terms) > 90
    for term in terms:
        assert str(term).removeprefix(str(CTK)) in page.ids
        assert str(graph.value(term, SKOS.definition)) in text
    assert "https://w3id.org/celltherapy-kg/ontology/0.4.0" in text  # the version IRI
    assert "http://purl.obolibrary.org/obo/OBI_0003697" in page.links  # an alignment
    assert "(deprecated)" in text


def test_the_vocabulary_page_has_every_scheme_and_concept_with_its_notation(site):
    page, graph = _Page(site / "vocabularies.html"), ontology_graph()
    text = " ".join(page.text)
    for scheme in graph.subjects(RDF.type, SKOS.ConceptScheme):
        assert str(scheme).removeprefix(str(VOC)) in page.ids
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        assert str(concept).removeprefix(str(VOC)) in page.ids
        assert str(graph.value(concept, SKOS.notation)) in text
    assert "http://purl.obolibrary.org/obo/UBERON_0012168" in page.links


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_each_stored_query_has_a_page_with_its_parameters_and_columns(site, name):
    query = catalogue()[name]
    text = " ".join(_Page(site / "queries" / f"{name}.html").text)
    assert query.summary in text and query.description in text
    for parameter in query.parameters:
        assert parameter.name in text and parameter.variable in text and all(v in text for v in parameter.values)
    columns = query_columns(query)
    assert columns and all(column in text for column in columns)
    assert f"{name}.html" in _Page(site / "queries" / "index.html").links


def test_columns_are_read_from_the_query():
    assert query_columns(catalogue()["sites"])[:2] == ["trial_id", "site"]


def test_a_query_removed_leaves_no_page(site, tmp_path):
    (site / "queries" / "gone.html").write_text("old", encoding="utf-8")
    assert run_kg("docs", "-o", site).returncode == 0
    assert not (site / "queries" / "gone.html").exists()


def test_links_between_pages_resolve(site):
    for path in site.rglob("*.html"):
        for link in _Page(path).links:
            if not link.startswith(("http://", "https://")):
                target = (path.parent / link.split("#")[0]).resolve()
                assert target.exists(), f"{path.name} links to {link}"

