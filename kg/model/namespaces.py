"""The IRIs of the graph: our own namespaces and every external term we reuse.

Each external IRI is a named constant whose comment gives its label and where it was
checked (see shared/spec/vocabulary.md); nothing here is written from memory.
"""

from __future__ import annotations

__all__ = [
    "BASE", "CTK", "VOC", "ID", "SHAPES", "PREFIXES",
    "RDF_TYPE", "RDFS", "XSD", "SKOS", "PROV", "SCHEMA", "DCTERMS", "OBO",
]

#: Everything this project mints lives under one base.
BASE = "https://w3id.org/celltherapy-kg/"
#: The ontology: classes and properties.
CTK = f"{BASE}ontology#"
#: Controlled values (SKOS concepts), e.g. ``voc:phase-PHASE1``.
VOC = f"{BASE}vocab/"
#: Things described by the documents: trials, arms, organisations, documents, ...
ID = f"{BASE}id/"
#: SHACL shapes.
SHAPES = f"{BASE}shapes#"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = f"{RDF}type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
#: PROV-O, https://www.w3.org/TR/prov-o/ (namespace as the W3C recommendation gives it).
PROV = "http://www.w3.org/ns/prov#"
#: schema.org; MedicalTrial, MedicalCondition, Organization, ScholarlyArticle are its terms.
SCHEMA = "http://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
#: OBO Foundry PURLs: OBI, NCIT, CL, IAO terms are ``OBO + "OBI_0003699"`` and so on.
OBO = "http://purl.obolibrary.org/obo/"

#: Prefixes written at the top of every Turtle file. Only namespaces whose local names
#: are flat are given one: a prefixed name with "/" in it needs escapes that some Turtle
#: readers reject, so trial-scoped nodes (arms, outcomes, ...) are written as full IRIs.
PREFIXES = {
    "ctk": CTK,
    "voc": VOC,
    "org": f"{ID}organization/",
    "cond": f"{ID}condition/",
    "site": f"{ID}site/",
    "doc": f"{ID}document/",
    "prov": PROV,
    "rdfs": RDFS,
    "xsd": XSD,
}
