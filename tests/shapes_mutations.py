"""A built graph broken on purpose, for tests/test_shapes_sparql.py: each defect on a node of its own.

The defects are those where two SHACL engines can part ways: required values deleted
(sh:minCount reports no value), wrong and ill-typed literals ("abc"^^xsd:integer, a year
Python cannot hold), spellings only one of Oxigraph and rdflib reads (" 7 "^^xsd:integer,
"1e5"^^xsd:decimal), language-tagged strings, values no range can compare, patterns
matched against IRIs and against text ending in a newline, list members of the wrong
kind, sh:or values matching no member, dangling and shared parts for the SPARQL rules,
a class reached through rdfs:subClassOf.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox

CTK = "https://w3id.org/celltherapy-kg/ontology#"
VOC = "https://w3id.org/celltherapy-kg/vocab/"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")


def ctk(name: str) -> ox.NamedNode:
    return ox.NamedNode(CTK + name)


def voc(name: str) -> ox.NamedNode:
    return ox.NamedNode(VOC + name)


def typed(lexical: str, datatype: str) -> ox.Literal:
    return ox.Literal(lexical, datatype=ox.NamedNode(XSD + datatype))


class Graph:
    """Triples to break: nodes found by class, values set, added and dropped."""

    def __init__(self, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        self.triples = {t.triple if isinstance(t, ox.Quad) else t for t in triples}

    def nodes(self, cls: str) -> list[ox.NamedNode]:
        return sorted({t.subject for t in self.triples if t.predicate == TYPE and t.object == ctk(cls)},
                      key=lambda node: node.value)

    def owner(self, node: ox.NamedNode, link: str) -> ox.NamedNode:
        return min((t.subject for t in self.triples if t.predicate == ctk(link) and t.object == node), key=str)

    def drop(self, subject, predicate, obj=None) -> None:
        self.triples = {t for t in self.triples
                        if not (t.subject == subject and t.predicate == predicate and obj in (None, t.object))}

    def add(self, subject, predicate, obj) -> None:
        self.triples.add(ox.Triple(subject, predicate, obj))

    def set(self, subject, predicate, obj) -> None:
        self.drop(subject, predicate)
        self.add(subject, predicate, obj)


def _trials(g: Graph) -> None:
    t = g.nodes("Trial")
    g.drop(t[0], ctk("trialId"))                                       # a required value missing
    g.set(t[0], ctk("title"), ox.Literal("A title", language="en"))    # a tagged string is no xsd:string
    g.set(t[0], ctk("enrollment"), typed("abc", "integer"))            # ill-typed: datatype and range
    g.set(t[1], ctk("enrollment"), typed(" 7 ", "integer"))            # Oxigraph refuses, rdflib reads 7: passes
    g.add(t[1], ctk("overallStatus"), voc("status-COMPLETED"))         # a second status
    g.set(t[1], ctk("phase"), ox.Literal("PHASE1"))                    # a string where a concept is listed
    g.set(t[2], ctk("minimumAgeYears"), typed("18", "integer"))        # integer, not decimal; in range
    g.set(t[2], ctk("maximumAgeYears"), typed("1e5", "decimal"))       # rdflib reads 100000: out of range only
    g.set(t[3], ctk("minimumAgeYears"), typed("70", "decimal"))        # min above max: the SPARQL rule
    g.set(t[3], ctk("maximumAgeYears"), typed("18.5", "decimal"))
    g.set(t[3], ctk("startDate"), ox.Literal("2020"))                  # sh:or: matches no member
    g.set(t[3], ctk("completionDate"), typed("-0044-03-15", "date"))   # a date Python cannot hold
    g.set(t[3], ctk("sex"), voc("sex-OTHER"))
    g.set(t[4], ctk("startDate"), typed("2020-13", "gYearMonth"))      # rdflib cannot judge it: passes
    g.set(t[4], ctk("completionDate"), typed("2021-02-30", "date"))
    g.set(t[4], ctk("acceptsHealthyVolunteers"), typed("TRUE", "boolean"))
    g.add(t[4], ctk("meshCondition"), ox.NamedNode("http://id.nlm.nih.gov/mesh/D12345"))  # pattern on an IRI
    g.add(t[4], ctk("meshCondition"), ox.Literal("http://id.nlm.nih.gov/mesh/D000001"))   # a literal, not an IRI
    g.add(t[4], ctk("meshIntervention"), ox.NamedNode("http://id.nlm.nih.gov/mesh/D123456789"))
    g.add(t[5], DERIVED, ox.Literal("page.txt"))                       # sh:class on a literal
    g.add(t[5], ctk("hasIdentifier"), ox.NamedNode("https://w3id.org/celltherapy-kg/id/identifier/untyped"))
    g.set(t[5], ctk("enrollment"), typed("-5", "integer"))
    g.set(t[5], ctk("studyType"), ox.Literal("INTERVENTIONAL", language="en"))
    g.set(t[6], ctk("enrollment"), typed("1.5", "double"))             # wrong datatype, in range
    g.set(t[6], ctk("title"), ox.Literal(""))                          # too short
    g.set(t[6], ctk("maximumAgeYears"), typed("2020-01-01", "date"))   # no range compares a date with 120
    g.drop(t[7], TYPE, ctk("Trial"))                                   # its parts belong to no trial now


def _parts(g: Graph) -> None:
    arms, interventions = g.nodes("Arm"), g.nodes("Intervention")
    g.drop(arms[0], LABEL)
    g.set(arms[1], LABEL, ox.Literal("Arm A", language="en"))
    g.drop(g.owner(arms[2], "hasArm"), ctk("hasArm"), arms[2])          # a dangling arm
    g.add(g.nodes("Trial")[0], ctk("hasArm"), arms[3])                  # an arm of two trials
    special = ox.NamedNode("urn:example:SpecialIntervention")
    g.add(special, SUBCLASS, ctk("Intervention"))                       # a subclass: a target, and of the class
    g.add(arms[4], ctk("givesIntervention"), ox.NamedNode("urn:example:special-intervention"))
    g.add(ox.NamedNode("urn:example:special-intervention"), TYPE, special)
    # ctk: properties outside their class's closed set (kg.validation.shapes), the subclass's node included
    g.add(g.nodes("Trial")[6], ctk("hasSites"), arms[4])                # misspelt
    g.add(arms[5], ctk("hasSite"), ox.NamedNode("https://w3id.org/celltherapy-kg/id/site/nowhere"))  # a trial's
    g.add(ox.NamedNode("urn:example:special-intervention"), ctk("hasArm"), arms[4])
    g.set(interventions[0], ctk("interventionType"), ox.Literal("DRUG"))
    g.set(interventions[1], ctk("description"), typed("42", "integer"))
    outcomes, criteria = g.nodes("Outcome"), g.nodes("EligibilityCriterion")
    g.drop(outcomes[0], ctk("measure"))
    g.add(outcomes[1], ctk("outcomeKind"), voc("outcome-kind-OTHER"))
    g.set(outcomes[2], ctk("timeFrame"), ox.Literal("3 months", language="en"))
    g.set(criteria[0], ctk("criterionKind"), voc("criterion-kind-OTHER"))
    g.drop(criteria[1], ctk("criterionText"))
    g.add(criteria[2], ctk("population"), voc("population-PATIENT"))
    g.add(criteria[2], ctk("population"), voc("population-DONOR"))


def _shared(g: Graph) -> None:
    identifiers = g.nodes("Identifier")
    nct = [i for i in identifiers if ox.Triple(i, ctk("identifierScheme"), voc("identifier-scheme-NCT")) in g.triples]
    g.set(nct[0], ctk("identifierValue"), ox.Literal("NCT123"))
    g.set(nct[1], ctk("identifierValue"), ox.Literal("NCT12345678\n"))  # Python's $ takes the final newline
    g.set(nct[2], ctk("identifierValue"), ox.Literal("NCT1234567\n"))
    g.drop(identifiers[0], ctk("identifierScheme"))
    g.set(identifiers[1], ctk("identifierScheme"), voc("identifier-scheme-FOO"))
    organizations = g.nodes("Organization")
    g.drop(organizations[0], LABEL)                                     # shared by trials: which trial is named
    g.set(organizations[1], LABEL, ox.Literal(""))
    g.set(g.nodes("Condition")[0], LABEL, ox.Literal("AML", language="en"))
    sites, publications = g.nodes("Site"), g.nodes("Publication")
    g.set(sites[0], ctk("countryCode"), ox.Literal("us"))
    g.set(sites[1], ctk("countryCode"), ox.Literal("US\n"))             # passes in Python, as ^[A-Z]{2}$ allows
    g.add(sites[2], ctk("city"), ox.Literal("Elsewhere"))
    g.set(sites[3], ctk("countryCode"), ox.Literal("DE", language="de"))
    g.set(publications[0], ctk("doi"), ox.Literal("10.1234/a\x1cb"))     # Python's \S refuses U+001C
    g.set(publications[1], ctk("pmid"), ox.Literal("１２３"))
    g.set(publications[2], ctk("pmid"), typed("12345", "integer"))     # wrong datatype; the pattern reads "12345"
    documents = g.nodes("SourceDocument")
    g.set(documents[0], ctk("sha256"), ox.Literal("A" * 64))
    g.set(documents[1], ctk("layout"), ox.Literal("medpath", language="en"))
    g.set(documents[2], ctk("layout"), typed("ctgov_api_v2", "string"))  # the same term as the plain string
    g.add(documents[3], ctk("lastUpdated"), typed("2024-02", "gYearMonth"))
    g.drop(documents[4], LABEL)
    records = g.nodes("TrialRecord")
    g.drop(g.owner(records[0], "hasRecord"), ctk("hasRecord"), records[0])
    g.add(records[1], DERIVED, documents[0])
    g.add(records[1], ctk("overallStatus"), voc("status-UNKNOWN"))
    g.add(records[1], ctk("overallStatus"), voc("status-WITHDRAWN"))


def _therapy(g: Graph) -> None:
    products, levels, cytokines, regimens = (g.nodes(c) for c in ("CellProduct", "DoseLevel", "CytokineUse", "Regimen"))
    g.set(products[0], ctk("cellType"), voc("cell-type-B"))
    g.set(products[1], ctk("infusionsPerCourse"), typed("0", "integer"))
    g.set(products[2], ctk("exVivoExpanded"), ox.Literal("yes"))
    g.add(products[3], ctk("hasDoseLevel"), ox.Literal("1e9 cells"))
    g.drop(g.owner(products[4], "hasCellProduct"), ctk("hasCellProduct"), products[4])
    g.set(levels[0], ctk("doseMinimum"), typed("abc", "double"))
    g.set(levels[1], ctk("doseMinimum"), typed("5e9", "double"))       # above the maximum: the SPARQL rule
    g.set(levels[1], ctk("doseMaximum"), typed("1e9", "double"))
    g.set(levels[2], ctk("unitCode"), ox.Literal("{cells}", language="en"))
    g.set(levels[3], ctk("doseMaximum"), typed("-1", "double"))
    g.drop(cytokines[0], ctk("unitCode"))                               # a dose without a unit
    g.set(cytokines[1], ctk("doseValue"), typed("100", "double"))
    g.drop(cytokines[1], ctk("route"))                                  # a warning, not a violation
    g.set(cytokines[2], ctk("givenInArm"), g.nodes("Organization")[2])
    g.add(cytokines[3], ctk("cytokineRole"), voc("cytokine-role-EX_VIVO_EXPANSION"))
    g.set(cytokines[3], ctk("unitCode"), ox.Literal("IU"))
    g.set(cytokines[3], ctk("durationDays"), typed("0", "decimal"))
    g.add(regimens[0], LABEL, ox.Literal("Another name"))
    g.add(regimens[1], ctk("regimenPurpose"), voc("regimen-purpose-CHEMOTHERAPY"))   # two purposes (none is allowed)
    g.add(regimens[1], ctk("regimenPurpose"), voc("regimen-purpose-GVHD_PROPHYLAXIS"))
    g.set(regimens[2], ctk("componentDrug"), ox.Literal("", language="en"))


MUTATIONS: list[Callable[[Graph], None]] = [_trials, _parts, _shared, _therapy]


def mutated_triples(triples: Iterable[ox.Triple | ox.Quad]) -> list[ox.Triple]:
    """``triples`` with every defect above, in a fixed order."""
    graph = Graph(triples)
    for mutate in MUTATIONS:
        mutate(graph)
    return sorted(graph.triples, key=str)
