"""The ontology as a publishable artefact: OWL 2 DL, consistent, every used term declared and
defined, inference that agrees with the shapes, and every external code listed with its source.

The ontology is the three files ``ontology/kg.ttl``, ``ontology/vocabularies.ttl`` and
``ontology/alignments.ttl`` read as one. The OWL 2 DL profile check is the OWL API's
(``OWL2DLProfile``, from the OWL API 3.4.3 jar that owlready2 ships beside Pellet, called
through JPype); the reasoner is HermiT as owlready2 ships it. Both need a Java runtime, which
``.ci/run`` installs. The checks that take seconds are slow-marked; ``.ci/run`` runs them once
(``pytest -m slow tests/test_ontology.py``) before the default suite.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
import rdflib
from conftest import REPO
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.model.namespaces import CTK
from kg.query.catalogue import catalogue

ONTOLOGY = REPO / "ontology"
FILES = ("kg.ttl", "vocabularies.ttl", "alignments.ttl")
OURS = "https://w3id.org/celltherapy-kg/"
SOURCES = REPO / "docs" / "vocabulary-sources.md"

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime (.ci/run installs default-jre-headless)")


def ontology_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in FILES:
        graph.parse(ONTOLOGY / name)
    return graph


def declared(graph: rdflib.Graph, term: rdflib.URIRef) -> bool:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDFS.Datatype}
    return bool(kinds & set(graph.objects(term, RDF.type)))


# ---------------------------------------------------------------------------
# OWL 2 DL and a reasoner
# ---------------------------------------------------------------------------

def owlapi_dl_violations(graph: rdflib.Graph) -> list[str]:
    """The OWL API's OWL 2 DL profile violations of ``graph``, as its messages."""
    import jpype
    import jpype.imports  # noqa: F401 - lets Java packages be imported by name
    import owlready2

    if not jpype.isJVMStarted():
        jar = Path(owlready2.__file__).parent / "pellet" / "owlapi-distribution-3.4.3-bin.jar"
        jpype.startJVM(classpath=[str(jar)])
    from org.semanticweb.owlapi.apibinding import OWLManager  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.io import StringDocumentSource  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.profiles import OWL2DLProfile  # type: ignore[import-not-found]

    manager = OWLManager.createOWLOntologyManager()
    ontology = manager.loadOntologyFromOntologyDocument(StringDocumentSource(graph.serialize(format="xml")))
    return [str(violation) for violation in OWL2DLProfile().checkOntology(ontology).getViolations()]


@pytest.mark.slow
@needs_java
def test_the_three_files_together_are_owl2_dl():
    violations = owlapi_dl_violations(ontology_graph())
    assert not violations, f"{len(violations)} OWL 2 DL violations, e.g.:\n" + "\n".join(violations[:10])


@pytest.mark.slow
@needs_java
def test_the_owlapi_profile_check_finds_what_is_not_dl():
    """The check can fail: an annotation property left undeclared is reported at each use."""
    graph = ontology_graph()
    graph.remove((SKOS.definition, RDF.type, OWL.AnnotationProperty))
    violations = owlapi_dl_violations(graph)
    uses = len(set(graph.subjects(SKOS.definition, None)))
    assert len([v for v in violations if v.startswith("Use of undeclared annotation property: <" + str(SKOS.definition))]) == uses


def hermit(graph: rdflib.Graph, folder: Path):
    """HermiT's (owlready2's) world after classifying ``graph``; raises when HermiT refuses or finds it inconsistent."""
    import owlready2

    path = folder / "ontology.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load(format="ntriples")
    with ontology:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return world


@pytest.mark.slow
@needs_java
def test_hermit_finds_the_ontology_consistent_and_every_class_satisfiable(tmp_path):
    assert list(hermit(ontology_graph(), tmp_path).inconsistent_classes()) == []


@pytest.mark.slow
@needs_java
def test_hermit_refuses_a_datatype_outside_the_owl2_map(tmp_path):
    """Why ctk:lastUpdated ranges over rdfs:Literal: with xsd:date, HermiT cannot reason at all."""
    import owlready2

    graph = ontology_graph()
    graph.set((CTK_TERM("lastUpdated"), RDFS.range, rdflib.XSD.date))
    with pytest.raises(owlready2.OwlReadyJavaError, match="not part of the OWL 2 datatype map"):
        hermit(graph, tmp_path)


def CTK_TERM(name: str) -> rdflib.URIRef:  # noqa: N802 - reads like the prefix it stands for
    return rdflib.URIRef(f"{CTK}{name}")


# ---------------------------------------------------------------------------
# Every term the code uses is declared, labelled and defined
# ---------------------------------------------------------------------------

def mapping_terms() -> set[str]:
    """The ctk: local names kg/rdf/mapping.py writes, read from its source (calls and tables)."""
    tree = ast.parse((REPO / "kg" / "rdf" / "mapping.py").read_text(encoding="utf-8"))
    names: set[str] = set()

    def text(node: ast.AST) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            # _ctk("name"); out.part(owner, "link", node, "Class"); out.concept(node, "property", ...); out.typed(node, "Class")
            # (the module function typed(value, "integer") names a datatype, not a term).
            called = func.id if isinstance(func, ast.Name) else f".{func.attr}" if isinstance(func, ast.Attribute) else ""
            positions = {"_ctk": (0,), ".part": (1, 3), ".concept": (1,), ".typed": (1,)}.get(called, ())
            names |= {name for i in positions if i < len(node.args) and (name := text(node.args[i]))}
        elif isinstance(node, ast.Dict):  # predicate tables: {"LEAD": "leadSponsor"} or {"phases": ("phase", "phase")}
            for value in node.values:
                first = value.elts[0] if isinstance(value, ast.Tuple) and value.elts else value
                if name := text(first):
                    names.add(name)
        elif isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple) and isinstance(node.target, ast.Tuple):
            # for field, predicate in (("start_date", "startDateType"), ...): ... _ctk(predicate): the position _ctk reads.
            targets = [n.id if isinstance(n, ast.Name) else None for n in node.target.elts]
            used = {call.args[0].id for call in ast.walk(node) if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name) and call.func.id == "_ctk" and call.args
                    and isinstance(call.args[0], ast.Name)}
            for index in (i for i, target in enumerate(targets) if target in used):
                names |= {name for elt in node.iter.elts if isinstance(elt, ast.Tuple) and (name := text(elt.elts[index]))}
    return names


def query_terms() -> set[str]:
    return {name for query in catalogue().values() for name in re.findall(r"\bctk:(\w+)", query.text)}


def shape_terms() -> set[str]:
    shapes = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
    return {str(term).removeprefix(CTK) for triple in shapes for term in triple
            if isinstance(term, rdflib.URIRef) and str(term).startswith(CTK)}


def test_the_mapping_reader_finds_every_term_a_built_graph_uses(seed_rdflib_graph):
    """The source reading above misses nothing the seed graph has (so the next test covers the mapping)."""
    in_graph = {str(term).removeprefix(CTK) for triple in seed_rdflib_graph for term in triple
                if isinstance(term, rdflib.URIRef) and str(term).startswith(CTK)}
    assert in_graph <= mapping_terms(), in_graph - mapping_terms()


@pytest.mark.parametrize("user, terms", [("kg/rdf/mapping.py", mapping_terms), ("queries/*.rq", query_terms),
                                         ("ontology/shapes.ttl", shape_terms)], ids=["mapping", "queries", "shapes"])
def test_every_term_used_is_declared_labelled_and_defined(user, terms):
    graph = ontology_graph()
    names = terms()
    assert names, f"no ctk: term found in {user}"
    problems = []
    for name in sorted(names):
        term = CTK_TERM(name)
        missing = [what for what, ok in (("declaration", declared(graph, term)),
                                         ("rdfs:label", graph.value(term, RDFS.label) is not None),
                                         ("skos:definition", graph.value(term, SKOS.definition) is not None)) if not ok]
        if missing:
            problems.append(f"ctk:{name} lacks {', '.join(missing)}")
    assert not problems, f"{user}: " + "; ".join(problems)


def test_every_ontology_term_is_declared_labelled_and_defined():
    graph = ontology_graph()
    ours = {s for s in graph.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(str(CTK))}
    assert len(ours) > 90
    for term in ours:
        assert declared(graph, term) and graph.value(term, RDFS.label) and graph.value(term, SKOS.definition), term


def test_external_classes_and_properties_named_by_axioms_are_declared():
    graph = ontology_graph()
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.equivalentClass):
        for term in graph.objects(None, predicate):
            if term not in (RDFS.Literal,) and not str(term).startswith(str(rdflib.XSD)):
                assert declared(graph, term), f"{term} is named by {predicate} but not declared"


def test_the_old_cytokine_class_is_a_deprecated_equivalent_of_the_new():
    graph = ontology_graph()
    old, new = CTK_TERM("Cytokine"), CTK_TERM("CytokineUse")
    assert (old, OWL.equivalentClass, new) in graph
    assert graph.value(old, OWL.deprecated).toPython() is True
    assert (None, RDFS.domain, old) not in graph and (None, RDFS.range, old) not in graph


def test_ontology_metadata():
    graph = ontology_graph()
    ontology = rdflib.URIRef("https://w3id.org/celltherapy-kg/ontology")
    dcterms = rdflib.Namespace("http://purl.org/dc/terms/")
    assert isinstance(graph.value(ontology, OWL.versionIRI), rdflib.URIRef)
    assert isinstance(graph.value(ontology, dcterms.license), rdflib.URIRef)
    assert isinstance(graph.value(ontology, dcterms.creator), rdflib.URIRef)
    assert graph.value(graph.value(ontology, dcterms.creator), RDFS.label)


@pytest.mark.parametrize("name", sorted(p.name for p in ONTOLOGY.glob("*.ttl")))
def test_every_ontology_file_opens_with_a_header(name):
    lines = (ONTOLOGY / name).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines[:12] if line.startswith("#")]
    assert len(header) >= 3, f"ontology/{name} does not open with a comment saying what it holds"


# ---------------------------------------------------------------------------
# SKOS vocabularies
# ---------------------------------------------------------------------------

def test_every_concept_has_a_notation_a_definition_and_a_place_under_a_top_concept():
    graph = ontology_graph()
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 100
    for concept in concepts:
        scheme = graph.value(concept, SKOS.inScheme)
        assert graph.value(concept, SKOS.notation) and graph.value(concept, SKOS.definition), concept
        top = concept
        while graph.value(top, SKOS.broader) is not None:
            top = graph.value(top, SKOS.broader)
        assert (top, SKOS.topConceptOf, scheme) in graph and (scheme, SKOS.hasTopConcept, top) in graph, concept


def test_the_registry_expanded_access_statuses_are_read():
    """ClinicalTrials.gov gives an expanded-access record one of four availability statuses; the readers keep them."""
    from kg.model.vocab import lookup

    assert [lookup("status", token) for token in ("AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
                                                    "APPROVED_FOR_MARKETING")] == \
        ["AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING"]
    # The wording the registry's pages print.
    assert lookup("status", "No longer available") == "NO_LONGER_AVAILABLE"


def test_drug_products_are_not_labels_of_the_cytokines_they_deliver():
    graph = ontology_graph()
    labels = {str(o).lower() for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel) for o in graph.objects(None, p)}
    assert not {"aldesleukin", "n-803", "alt-803"} & labels


# ---------------------------------------------------------------------------
# Inference agrees with the shapes
# ---------------------------------------------------------------------------

@pytest.mark.slow
def test_the_seed_graph_still_conforms_after_owl_rl_inference_with_the_ontology(seed_graph):
    import owlrl

    from kg.graphs.files import load_graph
    from kg.validation.reference import validate_graph

    data = load_graph([seed_graph])
    types_before = set(data.subject_objects(RDF.type))
    for name in FILES:
        data.parse(ONTOLOGY / name)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(data)
    report = validate_graph(data)
    assert report.conforms, [str(v) for v in report.violations[:5]]
    # No node of the data became a trial it was not (a merely mentioned trial stays untyped).
    trials_before = {s for s, o in types_before if o == CTK_TERM("Trial")}
    assert set(data.subjects(RDF.type, CTK_TERM("Trial"))) == trials_before


# ---------------------------------------------------------------------------
# Every external code is listed with where it was seen
# ---------------------------------------------------------------------------

STANDARD = re.findall(r"^\| `([^`]+)` \| [^|]+ \|$", SOURCES.read_text(encoding="utf-8").split("## Codes")[0], re.MULTILINE)
LISTED = set(re.findall(r"^\| `([^`]+)` \| [^|]+ \| [^|]+", SOURCES.read_text(encoding="utf-8").split("## Codes")[1],
                        re.MULTILINE))


def external_iris() -> dict[str, str]:
    """Every IRI outside our namespaces and the standard ones that ontology/*.ttl or the SSSOM mappings name."""
    from kg.docs import sssom_mappings

    sources = [(path.name, list(rdflib.Graph().parse(path))) for path in sorted(ONTOLOGY.glob("*.ttl"))]
    sources.append(("mappings.sssom.tsv", sssom_mappings(ONTOLOGY / "mappings.sssom.tsv")))
    found = {}
    for name, triples in sources:
        for triple in triples:
            for term in triple:
                text = str(term)
                if isinstance(term, rdflib.URIRef) and not text.startswith(OURS) and not text.startswith(tuple(STANDARD)):
                    found.setdefault(text, name)
    return found


def test_the_source_list_reads():
    assert len(STANDARD) >= 8 and len(LISTED) > 60


def test_every_external_iri_of_the_ontology_is_listed_with_where_it_was_seen():
    unlisted = {iri: name for iri, name in external_iris().items() if iri not in LISTED}
    assert not unlisted, f"not in docs/vocabulary-sources.md: {unlisted}"


def test_dropped_codes_stay_out():
    assert not {"http://purl.obolibrary.org/obo/NCIT_C13300", "http://purl.obolibrary.org/obo/NCIT_C20507"} & set(external_iris())


# ---------------------------------------------------------------------------
# Weaker-than-subsumption matches of our terms are SSSOM rows, not SKOS triples on OWL terms
# ---------------------------------------------------------------------------

SKOS_MAPPING = {SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch, SKOS.exactMatch}


def test_no_class_or_property_of_ours_is_the_subject_of_a_skos_mapping_triple():
    """The SKOS mapping properties' domain is skos:Concept: such a triple would make the term a concept."""
    graph = ontology_graph()
    ours = {s for s in graph.subjects() if str(s).startswith(str(CTK))}
    assert not [(s, p) for s in ours for p in SKOS_MAPPING if graph.value(s, p) is not None]


def test_the_sssom_mappings_are_valid_and_map_declared_terms():
    import csv

    import yaml

    from kg.docs import sssom_mappings

    path = ONTOLOGY / "mappings.sssom.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    metadata = yaml.safe_load("\n".join(line[1:] for line in lines if line.startswith("#")))
    assert {"curie_map", "mapping_set_id", "license"} <= set(metadata)
    rows = list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    graph = ontology_graph()
    for row, (subject, predicate, _) in zip(rows, sssom_mappings(path), strict=True):
        assert declared(graph, subject) and str(graph.value(subject, RDFS.label)) == row["subject_label"], row
        assert predicate in SKOS_MAPPING and row["mapping_justification"] == "semapv:ManualMappingCuration"
        assert row["object_label"]
    assert ("ctk:Trial", "skos:closeMatch", "OBI:0003697") in {(r["subject_id"], r["predicate_id"], r["object_id"]) for r in rows}
