"""Hostile values never become syntax: a registry record and a page whose identifiers, titles,
names and criteria hold quotes, triple quotes, backslashes, line breaks, angle brackets,
control characters, bidirectional marks and characters of every plane are built into Turtle,
N-Triples, TriG and JSON-LD; rdflib, Oxigraph and raptor's ``rapper`` read each back to
exactly the triples the mapping made, every literal equal to the value the document gave,
and every IRI we mint is ASCII with its reserved characters percent-encoded.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pyoxigraph as ox
import pytest
import rdflib
from conftest import SEEDS, TESTS, run_kg

from kg.model.namespaces import ID
from kg.read import read_bytes

#: Every character that is syntax somewhere we write or that a careless writer mangles.
HOSTILE = ('q " tq """ sq \' tsq \'\'\' bs \\ bsq \\" uesc \\u0022 nl-esc \\n gt > lt < tag <b>x</b> amp &amp; '
           'br <br/> curly {x} pipe | caret ^^ tick ` hash # ctl \x01\x07\x1b\x7f nul \x00 rlo \u202eevil\u202c '
           'lrm \u200e zw \u200b bom \ufeff dna \U0001f9ec cjk 髄膜炎 ar دراسة comb e\u0301 max \U0010ffff @en ;.')
#: Text a line break and a carriage return may stay in (descriptions keep their paragraphs).
HOSTILE_PARAGRAPHS = f"{HOSTILE}\n\nsecond paragraph \r\n third \u2028 end"
#: A sponsor's own study id: it keys a trial without a register number and goes into IRIs.
HOSTILE_ID = 'ORG "1" <2> \\3 /4 ?5 #6 %7 ü8 \u202e9 10'


def hostile_study() -> dict:
    """A real API v2 record with hostile text in every field that becomes a literal or an IRI."""
    study = json.loads((TESTS / "data" / "ctgov-json" / "NCT00184067.json").read_text(encoding="utf-8"))
    protocol = study["protocolSection"]
    identification = protocol["identificationModule"]
    del identification["nctId"]  # the sponsor's hostile id becomes the trial's key
    identification["orgStudyIdInfo"]["id"] = HOSTILE_ID
    identification["secondaryIdInfos"] = [{"id": f"grant {HOSTILE}", "type": "NIH"}]
    identification["briefTitle"] = f"Title {HOSTILE}"
    protocol["descriptionModule"]["briefSummary"] = HOSTILE_PARAGRAPHS
    protocol["sponsorCollaboratorsModule"]["leadSponsor"]["name"] = f"Sponsor {HOSTILE}"
    protocol["conditionsModule"] = {"conditions": [f"Condition {HOSTILE}"], "keywords": [HOSTILE]}
    arms = protocol["armsInterventionsModule"]
    arms["interventions"][0]["name"] = f"Cells {HOSTILE}"
    arms["armGroups"][0]["label"] = f"Arm {HOSTILE}"
    arms["armGroups"][0]["interventionNames"] = [f"Biological: Cells {HOSTILE}"]
    protocol["outcomesModule"] = {"primaryOutcomes": [{"measure": f"Measure {HOSTILE}", "timeFrame": f"Up to {HOSTILE}"}]}
    criteria = f"Inclusion Criteria:\n\n* Criterion {HOSTILE}\n\nExclusion Criteria:\n\n* None"
    protocol["eligibilityModule"]["eligibilityCriteria"] = criteria
    location = protocol["contactsLocationsModule"]["locations"][0]
    location["facility"], location["city"] = f"Site {HOSTILE}", f"City {HOSTILE}"
    protocol["referencesModule"] = {"references": [{"citation": f"Citation {HOSTILE}", "pmid": "12345"}]}
    return study


def hostile_page() -> str:
    """A real MedPath page with a hostile title, condition, sponsor and criterion (no NUL: that is a binary file)."""
    page = (SEEDS / "000_611aa22ea74317fe.txt").read_text(encoding="utf-8").split("\n")
    hostile = HOSTILE.replace("\x00", "")
    page[2] = f"Title {hostile}"
    page[page.index("Conditions") + 1] = f"Condition {hostile}"
    page[page.index("Lead Sponsor") + 1] = f"Sponsor {hostile}"
    page.insert(page.index("Inclusion Criteria") + 4, f"  • Criterion {hostile}")
    return "\n".join(page)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-documents")
    (folder / "hostile.json").write_text(json.dumps(hostile_study()), encoding="utf-8")
    (folder / "hostile.txt").write_text(hostile_page(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def records(documents):
    found = [record for path in sorted(documents.iterdir()) for record in read_bytes(path.read_bytes(), path.name)]
    assert all(hasattr(record, "identifiers") for record in found), found
    return found


@pytest.fixture(scope="module")
def graphs(documents, tmp_path_factory):
    """The hostile documents built in every format kg writes, and exported to JSON-LD."""
    folder = tmp_path_factory.mktemp("hostile-graphs")
    built = {}
    for name, suffix in (("turtle", "ttl"), ("ntriples", "nt"), ("trig", "trig")):
        built[name] = folder / f"graph.{suffix}"
        result = run_kg("build", documents, "-o", built[name], "--format", name, "--no-validate", "-s")
        assert result.returncode == 0, result.stderr
    built["jsonld"] = folder / "graph.jsonld"
    result = run_kg("export", built["turtle"], "--format", "jsonld", "-o", built["jsonld"])
    assert result.returncode == 0, result.stderr
    return built


def _ox_term(term) -> tuple:
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.datatype.value, term.language)
    return ("iri", term.value)


def _rdflib_term(term) -> tuple:
    if isinstance(term, rdflib.Literal):
        return ("literal", str(term), str(term.datatype or rdflib.XSD.string), term.language)
    assert isinstance(term, rdflib.URIRef), f"no blank nodes in our graphs: {term!r}"
    return ("iri", str(term))


def oxigraph_triples(path, format) -> set[tuple]:
    with open(path, "rb") as stream:
        return {tuple(_ox_term(t) for t in (q.subject, q.predicate, q.object)) for q in ox.parse(stream, format)}


def rdflib_triples(path, format) -> set[tuple]:
    graph = rdflib.Dataset()
    graph.parse(path, format=format)
    return {tuple(_rdflib_term(t) for t in (s, p, o)) for s, p, o, _ in graph.quads()}


@pytest.fixture(scope="module")
def expected(graphs):
    """The triples of the Turtle file as Oxigraph reads them; every other reading must equal them."""
    return oxigraph_triples(graphs["turtle"], ox.RdfFormat.TURTLE)


def test_the_hostile_text_reaches_the_records(records):
    """Not a vacuous test: the records hold the hostile characters the graph must carry."""
    json_record, page_record = records
    for record in records:
        assert {'"""', "'''", "\\", "<b>", ">", "\u202e", "\U0001f9ec", "髄膜炎"} <= set(_pieces(record.title))
    assert "\n" in json_record.brief_summary
    assert "ctl nul rlo" in json_record.title, "control characters (NUL cuts a literal in raptor) are dropped"
    assert any(identifier.value == HOSTILE_ID for identifier in json_record.identifiers)
    assert any("Criterion q \" tq \"\"\"" in criterion.text for criterion in page_record.criteria)


def _pieces(text: str) -> set[str]:
    return {piece for piece in ('"""', "'''", "\\", "<b>", ">", "\u202e", "\U0001f9ec", "髄膜炎") if piece in text}


def test_every_value_is_one_literal_equal_to_the_document(records, expected):
    literals = {triple[2][1] for triple in expected if triple[2][0] == "literal"}
    json_record, page_record = records
    for record in records:
        values = [record.title, *record.conditions, *(s.name for s in record.sponsors), *(c.text for c in record.criteria)]
        assert set(values) <= literals
    values = [json_record.brief_summary, *json_record.keywords, *(i.value for i in json_record.identifiers),
              *(a.label for a in json_record.arms), *(i.name for i in json_record.interventions),
              *(o.measure for o in json_record.outcomes), *(o.time_frame for o in json_record.outcomes),
              *(s.name for s in json_record.sites), *(s.city for s in json_record.sites),
              *(r.citation for r in json_record.references)]
    assert set(values) <= literals


def test_minted_iris_are_ascii_with_reserved_characters_encoded(expected):
    minted = {term[1] for triple in expected for term in triple if term[0] == "iri" and term[1].startswith(ID)}
    assert len(minted) > 20
    for iri in minted:
        assert re.fullmatch(r"[A-Za-z0-9\-._~:/#]*(?:%[0-9A-F]{2}[A-Za-z0-9\-._~:/#]*)*", iri), iri
    encoded = "ORG%20%221%22%20%3C2%3E%20%5C3%20%2F4%20%3F5%20%236%20%257%20%C3%BC8%20%E2%80%AE9%2010"
    assert any(iri.endswith(f"/identifier/org/{encoded}") for iri in minted)


@pytest.mark.parametrize("name, format", [("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES),
                                          ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_oxigraph_reads_every_format_back(graphs, expected, name, format):
    assert oxigraph_triples(graphs[name], format) == expected


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name, format", [("turtle", "turtle"), ("ntriples", "nt"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_rdflib_reads_every_format_back(graphs, expected, name, format, monkeypatch):
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)  # compare the lexical forms we wrote
    assert rdflib_triples(graphs[name], format) == expected


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor's rapper is not installed (Debian: raptor2-utils)")
@pytest.mark.parametrize("name, syntax", [("turtle", "turtle"), ("ntriples", "ntriples"), ("trig", "trig")])
def test_rapper_reads_our_files_back(graphs, expected, name, syntax, tmp_path):
    result = subprocess.run(["rapper", "--quiet", "-i", syntax, "-o", "ntriples", str(graphs[name])],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    (tmp_path / "rapper.nt").write_bytes(result.stdout)
    assert oxigraph_triples(tmp_path / "rapper.nt", ox.RdfFormat.N_TRIPLES) == expected
