"""Records -> triples under the ontology (ontology/kg.ttl).

Every node gets an IRI minted from identifiers and content (see :mod:`kg.rdf.iris`), so the
same input always gives the same triples and the graph has no blank nodes. Each triple is
a line of N-Triples text (:mod:`kg.rdf.ntriples`, without the closing " ."): it goes straight to
the graph file or a store, without building terms or an in-memory graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from operator import attrgetter
from typing import Any

from kg.model.facts import states
from kg.model.namespaces import CTK, ID, PROV, RDF_TYPE, RDFS, SCHEMA
from kg.model.records import Criterion, Intervention, Outcome, TrialRecord
from kg.model.vocab import concept_iri
from kg.rdf import iris
from kg.rdf.ntriples import iri, literal, typed

__all__ = ["record_triples", "shared_triples", "trial_fact_triples", "document_triples", "SHARED_GRAPH"]

#: The named graph of a dataset file (TriG, N-Quads) that holds the descriptions of the source
#: documents and of the things many trials name (:func:`shared_triples`). Every other statement is in
#: a document's or a trial's graph, so the union of the named graphs is the whole graph and no
#: statement is in the default graph: stores whose "union default graph" is the union of the named
#: graphs only (Jena) or that keep no writable default graph (Virtuoso) see all of it.
SHARED_GRAPH = f"{ID}graph/shared"

#: Facts each source's record keeps as that source states them, so disagreements stay visible.
RECORDED_FACTS = ("phases", "status", "enrollment", "start_date", "completion_date")

_TYPE = iri(RDF_TYPE)
_LABEL = iri(f"{RDFS}label")
_DERIVED_FROM = iri(f"{PROV}wasDerivedFrom")
_URL = iri(f"{SCHEMA}url")


@cache
def _ctk(name: str) -> str:
    return iri(f"{CTK}{name}")


#: A concept's IRI, checked against its scheme once per token (a study names fifty).
_concept_iri = cache(concept_iri)


def _decimal(value: float) -> str:
    text = format(value, "f")
    return typed(text.rstrip("0").rstrip(".") if "." in text else text, "decimal")


def _date(value: str) -> str:
    return typed(value, "date" if len(value) == 10 else "gYearMonth")


class _Triples:
    """Collects the triples of one record, each once, as N-Triples lines; values of None are skipped."""

    def __init__(self) -> None:
        self.triples: set[str] = set()
        #: Statements already in their order, none of them in ``triples`` (see :meth:`described`).
        self.ordered: list[str] = []

    def add(self, subject: str, predicate: str, text: str | None) -> None:
        """A plain literal."""
        if text is not None:
            self.triples.add(f"<{subject}> {predicate} {literal(text)}")

    def term(self, subject: str, predicate: str, term: str | None) -> None:
        """A term already written as N-Triples (a typed literal)."""
        if term is not None:
            self.triples.add(f"<{subject}> {predicate} {term}")

    def link(self, subject: str, predicate: str, obj: str) -> None:
        self.triples.add(f"<{subject}> {predicate} <{obj}>")

    def sorted(self) -> list[str]:
        """The triples in a stable order (that of their text)."""
        lines = sorted(self.triples)
        if self.ordered:
            # two runs in order: the sort merges them (in linear time), it does not sort them again
            lines += self.ordered
            lines.sort()
        return lines

    def described(self, nodes: dict[str, list[str]]) -> None:
        """The statements of nodes no other statement of the record has for subject: by subject (each as
        written, with its closing ``"> "``), their predicate and object, in any order and maybe twice.

        A registry study with results states thousands of measurements and events, ten statements each
        (most of the record's): they are put in order here by sorting the subjects, and each subject's few
        statements, not sorted with every other statement of the record. A line is its subject, then its
        predicate and object, and no written subject is the start of another (each ends with ``"> "``, and
        ``">"`` is in no IRI): so that is the order of their text.
        """
        for subject in sorted(nodes):
            self.ordered += [subject + statement for statement in sorted(set(nodes[subject]))]

    def typed(self, subject: str, class_name: str) -> None:
        self.triples.add(f"<{subject}> {_TYPE} <{CTK}{class_name}>")

    def part(self, owner: str, link: str, node: str, class_name: str, label: str | None = None) -> str:
        """A node ``owner`` links to by ``ctk:link``, typed ``ctk:class_name`` and labelled."""
        # link, typed and add, written out (a registry study makes a few hundred parts)
        self.triples.add(f"<{owner}> {_ctk(link)} <{node}>")
        self.triples.add(f"<{node}> {_TYPE} <{CTK}{class_name}>")
        if label is not None:
            self.triples.add(f"<{node}> {_LABEL} {literal(label)}")
        return node

    def concept(self, subject: str, predicate: str, scheme: str, token: str | None) -> None:
        if token is not None:
            self.triples.add(f"<{subject}> {_ctk(predicate)} <{_concept_iri(scheme, token)}>")


def _facts(out: _Triples, node: str, record: TrialRecord, facts: Iterable[str]) -> None:
    """The trial facts ``facts`` of a record, stated on ``node``."""
    for fact in facts:
        if not states(record, fact):
            continue
        value = getattr(record, fact)
        if fact in _CONCEPT_FACTS:
            predicate, scheme = _CONCEPT_FACTS[fact]
            for token in value if isinstance(value, list) else [value]:
                out.concept(node, predicate, scheme, token)
        else:
            predicate, term = _LITERAL_FACTS[fact]
            out.term(node, _ctk(predicate), term(value))


_CONCEPT_FACTS = {"phases": ("phase", "phase"), "status": ("overallStatus", "status"),
                  "study_type": ("studyType", "study-type"), "sex": ("sex", "sex"),
                  "allocation": ("allocation", "allocation"),
                  "intervention_model": ("interventionModel", "intervention-model"),
                  "primary_purpose": ("primaryPurpose", "primary-purpose"), "masking": ("masking", "masking")}
_LITERAL_FACTS: dict[str, tuple[str, Callable[[Any], str | None]]] = {
    "title": ("title", literal), "official_title": ("officialTitle", literal), "brief_summary": ("briefSummary", literal),
    "detailed_description": ("detailedDescription", literal),
    "enrollment": ("enrollment", lambda v: typed(v, "integer")),
    "min_age_years": ("minimumAgeYears", lambda v: _decimal(v)), "max_age_years": ("maximumAgeYears", lambda v: _decimal(v)),
    "healthy_volunteers": ("acceptsHealthyVolunteers", lambda v: _boolean(v)),
    "start_date": ("startDate", lambda v: _date(v)), "completion_date": ("completionDate", lambda v: _date(v)),
}


def document_triples(record: TrialRecord) -> list[str]:
    """What the graph says about a record's source document (PROV-O), in a stable order."""
    out = _Triples()
    document = iris.document(record.source.sha256)
    out.typed(document, "SourceDocument")
    out.link(document, _TYPE, f"{PROV}Entity")
    out.add(document, _LABEL, record.source.name)
    out.add(document, _ctk("sha256"), record.source.sha256)
    out.add(document, _ctk("layout"), record.source.layout)
    if record.source.url:
        out.term(document, _URL, typed(record.source.url, "anyURI"))
    if record.last_updated:
        out.term(document, _ctk("lastUpdated"), _date(record.last_updated))
    return out.sorted()


def trial_fact_triples(record: TrialRecord, key: str, facts: Iterable[str]) -> list[str]:
    """The trial facts ``facts`` as the trial keyed ``key`` takes them from this record."""
    out = _Triples()
    _facts(out, iris.trial(key), record, facts)
    return out.sorted()


def record_triples(record: TrialRecord, key: str) -> list[str]:
    """The statements of one record about the trial keyed ``key``, in a stable order.

    The trial's facts as a whole (status, title, ...) are not among them: the trial takes
    each from one source (:func:`trial_fact_triples`); nor its type and id (:func:`shared_triples`). The record keeps its own
    :data:`RECORDED_FACTS` on a record node, so that disagreements stay in the graph. Nor
    are the descriptions of the things other trials name too (:func:`shared_triples`).
    """
    out = _Triples()
    trial = iris.trial(key)
    out.link(trial, _DERIVED_FROM, iris.document(record.source.sha256))
    as_stated = out.part(trial, "hasRecord", iris.trial_record(key, record.source.sha256), "TrialRecord")
    out.link(as_stated, _DERIVED_FROM, iris.document(record.source.sha256))
    _facts(out, as_stated, record, RECORDED_FACTS)

    _identifiers(out, trial, key, record)
    _parties(out, trial, record)
    _design(out, trial, key, record)
    _eligibility(out, trial, key, record)
    _therapy(out, trial, key, record)
    _results(out, trial, key, record)
    _registration(out, trial, as_stated, key, record)
    return out.sorted()


def shared_triples(record: TrialRecord, key: str) -> list[str]:
    """What a record says of the things it names that are no one document's own, in a stable order:
    the trial keyed ``key`` (its type and id), organisations, conditions, MeSH descriptors, sites,
    publications and related trials.

    Their IRIs are minted from what they are, so thousands of trials name the same ones and several
    documents the same trial; a build writes each of these statements once (in :data:`SHARED_GRAPH`
    of a dataset), not once per document: a related trial's id is the same statement as that trial's own.
    """
    out = _Triples()
    out.typed(iris.trial(key), "Trial")
    out.add(iris.trial(key), _ctk("trialId"), key)
    for sponsor in record.sponsors:
        out.typed(iris.organization(sponsor.name), "Organization")
        out.add(iris.organization(sponsor.name), _LABEL, sponsor.name)
    for name in record.conditions:
        out.typed(iris.condition(name), "Condition")
        out.add(iris.condition(name), _LABEL, name)
    for identifier, term in [*record.mesh_conditions, *record.mesh_interventions]:
        descriptor = iris.mesh_descriptor(identifier)
        if descriptor:
            out.add(descriptor, _LABEL, term or None)
    for site in record.sites:
        node = iris.site(site)
        out.typed(node, "Site")
        out.add(node, _LABEL, site.name)
        out.add(node, _ctk("city"), site.city)
        out.add(node, _ctk("countryCode"), site.country)
        if site.latitude is not None and site.longitude is not None:
            out.term(node, _ctk("latitude"), _decimal(site.latitude))
            out.term(node, _ctk("longitude"), _decimal(site.longitude))
    for reference in record.references:
        node = iris.publication(reference)
        out.typed(node, "Publication")
        out.add(node, _ctk("citation"), reference.citation)
        out.add(node, _ctk("doi"), reference.doi)
        out.add(node, _ctk("pmid"), reference.pmid)
    for related in record.related_ids:
        out.add(iris.trial(related), _ctk("trialId"), related)
    return out.sorted()


def _identifiers(out: _Triples, trial: str, key: str, record: TrialRecord) -> None:
    for identifier in record.identifiers:
        node = out.part(trial, "hasIdentifier", iris.identifier(key, identifier), "Identifier")
        out.add(node, _ctk("identifierValue"), identifier.value)
        out.concept(node, "identifierScheme", "identifier-scheme", identifier.scheme)
    for related in record.related_ids:
        out.link(trial, _ctk("relatedTrial"), iris.trial(related))


def _parties(out: _Triples, trial: str, record: TrialRecord) -> None:
    """The record's links to the things :func:`shared_triples` describes."""
    predicates = {"LEAD": "leadSponsor", "COLLABORATOR": "collaborator", None: "sponsor"}
    for sponsor in record.sponsors:
        out.link(trial, _ctk(predicates[sponsor.role]), iris.organization(sponsor.name))
    for name in record.conditions:
        out.link(trial, _ctk("studiesCondition"), iris.condition(name))
    for keyword in record.keywords:
        out.add(trial, _ctk("keyword"), keyword)
    for link, meshes in (("meshCondition", record.mesh_conditions), ("meshIntervention", record.mesh_interventions)):
        for identifier, _ in meshes:
            descriptor = iris.mesh_descriptor(identifier)
            if descriptor:
                out.link(trial, _ctk(link), descriptor)
    for site in record.sites:
        out.link(trial, _ctk("hasSite"), iris.site(site))
        # Each distinct country of its sites on the trial itself as well: a filter or a count by country then reads
        # one statement per trial and country, not one per site (39,500 trials, 300,000 sites in the US at 100,000).
        out.add(trial, _ctk("siteCountryCode"), site.country)
    for reference in record.references:
        out.link(trial, _ctk("citesPublication"), iris.publication(reference))


def _design(out: _Triples, trial: str, key: str, record: TrialRecord) -> None:
    # An arm may name an intervention the page's intervention list lacks; it is the
    # trial's intervention all the same.
    listed = {intervention.name for intervention in record.interventions}
    unlisted = [Intervention(name) for arm in record.arms for name in arm.interventions if name not in listed]
    for intervention in [*record.interventions, *unlisted]:
        node = out.part(trial, "hasIntervention", iris.intervention(key, intervention.name), "Intervention", intervention.name)
        out.concept(node, "interventionType", "intervention-type", intervention.type)
        out.add(node, _ctk("description"), intervention.description)
    for arm in record.arms:
        node = out.part(trial, "hasArm", iris.arm(key, arm.label), "Arm", arm.label)
        out.concept(node, "armType", "arm-type", arm.type)
        out.add(node, _ctk("description"), arm.description)
        for name in arm.interventions:
            out.link(node, _ctk("givesIntervention"), iris.intervention(key, name))
    for outcome in record.outcomes:
        node = out.part(trial, "hasOutcome", iris.outcome(key, outcome), "Outcome")
        out.concept(node, "outcomeKind", "outcome-kind", outcome.kind)
        out.add(node, _ctk("measure"), outcome.measure)
        out.add(node, _ctk("timeFrame"), outcome.time_frame)
        out.add(node, _ctk("description"), outcome.description)


def _eligibility(out: _Triples, trial: str, key: str, record: TrialRecord) -> None:
    for criterion in record.criteria:
        node = out.part(trial, "hasEligibilityCriterion", iris.criterion(key, criterion), "EligibilityCriterion")
        out.concept(node, "criterionKind", "criterion-kind", criterion.kind)
        out.concept(node, "population", "population", criterion.population)
        out.add(node, _ctk("criterionText"), criterion.text)
    for threshold in record.thresholds:
        owner = iris.criterion(key, Criterion(threshold.kind, threshold.criterion, threshold.population))  # type: ignore[arg-type]
        node = out.part(owner, "statesThreshold", iris.threshold(key, threshold), "EligibilityThreshold")
        out.concept(node, "thresholdQuantity", "eligibility-quantity", threshold.quantity)
        out.add(node, _ctk("comparator"), threshold.comparator)
        out.term(node, _ctk("thresholdValue"), _decimal(threshold.value))
        out.add(node, _ctk("unitCode"), threshold.unit)
        if threshold.alternative is not None:
            out.term(node, _ctk("alternativeGroup"), typed(threshold.alternative, "integer"))
        if threshold.normalized_value is not None:
            out.term(node, _ctk("normalizedValue"), _decimal(threshold.normalized_value))
        out.add(node, _ctk("normalizedUnit"), threshold.normalized_unit)


def _boolean(value: bool | None) -> str | None:
    return None if value is None else typed(str(value).lower(), "boolean")


def _therapy(out: _Triples, trial: str, key: str, record: TrialRecord) -> None:
    for product in record.cell_products:
        # cells of a kind the cell-type scheme has no concept for (mesenchymal stromal cells): a product without one,
        # named by its kind ("untyped-dendritic-cells"), so that two such products of a trial are two nodes
        name = product.cell_type or (f"untyped-{product.kind}" if product.kind else "untyped")
        node = out.part(trial, "hasCellProduct", iris.cell_product(key, name), "CellProduct")
        out.concept(node, "cellType", "cell-type", product.cell_type)
        for donor in product.donor_types:
            out.concept(node, "donorType", "donor-type", donor)
        for tissue in product.tissue_sources:
            out.concept(node, "tissueSource", "tissue-source", tissue)
        out.add(node, _ctk("startingMaterial"), product.starting_material)
        out.term(node, _ctk("exVivoExpanded"), _boolean(product.ex_vivo_expanded))
        out.add(node, _ctk("feederCells"), product.feeder_cells)
        out.term(node, _ctk("geneticallyModified"), _boolean(product.genetically_modified))
        if product.infusions is not None:
            out.term(node, _ctk("infusionsPerCourse"), typed(product.infusions, "integer"))
        for dose in product.doses:
            level = out.part(node, "hasDoseLevel", iris.dose_level(node, dose), "DoseLevel")
            out.term(level, _ctk("doseMinimum"), typed(repr(dose.minimum), "double"))
            if dose.maximum is not None:
                out.term(level, _ctk("doseMaximum"), typed(repr(dose.maximum), "double"))
            else:  # a lower bound alone (">1 × 10^9 cells"), said so: a level whose maximum is lost fails the shapes
                out.term(level, _ctk("lowerBoundOnly"), _boolean(True))
            out.add(level, _ctk("unitCode"), dose.unit)
            out.term(level, _ctk("perDose"), _boolean(dose.per_dose))
            if dose.arm:
                out.link(level, _ctk("doseInArm"), iris.arm(key, dose.arm))
    for use in record.cytokines:
        node = out.part(trial, "usesCytokine", iris.cytokine_use(key, use), "CytokineUse")
        out.concept(node, "cytokine", "cytokine", use.cytokine)
        out.concept(node, "cytokineRole", "cytokine-role", use.role)
        if use.arm:
            out.link(node, _ctk("givenInArm"), iris.arm(key, use.arm))
        if use.dose is not None:
            out.term(node, _ctk("doseValue"), typed(repr(use.dose), "double"))
        out.add(node, _ctk("unitCode"), use.unit)
        out.concept(node, "route", "route", use.route)
        out.concept(node, "frequency", "frequency", use.frequency)
        if use.number_of_doses is not None:
            out.term(node, _ctk("numberOfDoses"), typed(use.number_of_doses, "integer"))
        if use.duration_days is not None:
            out.term(node, _ctk("durationDays"), _decimal(use.duration_days))
        out.add(node, _ctk("givenOnDays"), use.days)
    for regimen in record.regimens:
        node = out.part(trial, "hasRegimen", iris.regimen(key, regimen), "Regimen", regimen.name)
        out.concept(node, "regimenPurpose", "regimen-purpose", regimen.purpose)
        out.add(node, _ctk("givenOnDays"), regimen.days)
        for drug in regimen.components:
            out.add(node, _ctk("componentDrug"), drug)


def _group(out: _Triples, trial: str, key: str, title: str, description: str | None,
           described: dict[tuple[str, str | None], str]) -> str:
    """The ``ctk:forGroup`` link to a result group's node (the predicate and object of the statement), the node
    described once per record, with the trial's ``ctk:hasResultGroup`` link to it (``described`` holds the links of
    those that are).
    """
    link = described.get((title, description))
    if link is None:
        node = iris.result_group(key, title, description)
        out.link(trial, _ctk("hasResultGroup"), node)
        out.typed(node, "ResultGroup")
        out.add(node, _LABEL, title)
        out.add(node, _ctk("description"), description)
        link = described[title, description] = f"{_ctk('forGroup')} <{node}>"
    return link


def _count(value: int | None) -> str | None:
    return None if value is None else typed(value, "integer")


#: The plain literals a measurement and an adverse event state: the predicates, and the fields they state in that order.
_MEASUREMENT_TEXTS = tuple(_ctk(predicate) for predicate in (
    "classTitle", "categoryTitle", "paramType", "unitOfMeasure", "reportedValue", "dispersionType", "spread", "lowerLimit",
    "upperLimit"))
_measurement_texts = attrgetter("class_title", "category", "param_type", "unit", "value", "dispersion_type", "spread",
                                "lower", "upper")
_EVENT_TEXTS = tuple(_ctk(predicate) for predicate in ("eventTerm", "organSystem", "sourceVocabulary", "assessmentType"))
_event_texts = attrgetter("term", "organ_system", "vocabulary", "assessment")


def _results(out: _Triples, trial: str, key: str, record: TrialRecord) -> None:
    """The registry's posted results: each outcome's values per group, and the adverse events.

    A study with results has thousands of these (an outcome's values for each group, class and category, each
    event term for each group), and what they state of their outcome or term is the same for all: the
    predicate and object of those statements are written once per outcome or term, and each measurement's or
    event's statements are its subject put before them. The statements are those of ``out.part``, ``out.add``,
    ``out.link`` and ``out.concept`` (none of a value of None), written out.
    """
    if not record.measurements and not record.adverse_events and not record.event_groups:
        return
    lines: list[str] = []
    # each measurement's and event's statements (predicate and object) by its subject, for out.described
    nodes: dict[str, list[str]] = {}
    groups: dict[tuple[str, str | None], str] = {}
    has_measurement, measurement_type = _ctk("hasMeasurement"), f"{_TYPE} <{CTK}OutcomeMeasurement>"
    # Only records with posted results (a tenth of the registry) pay for the protocol's outcome IRIs.
    outcomes = {iris.outcome(key, outcome) for outcome in record.outcomes} if record.measurements else set()
    reported: dict[tuple[str, str, str | None], list[str]] = {}
    for value in record.measurements:
        node = iris.measurement(key, value)
        subject = f"<{node}> "
        about = reported.get((value.kind, value.measure, value.time_frame))
        if about is None:
            about = reported[value.kind, value.measure, value.time_frame] = [
                measurement_type, f"{_ctk('reportedOutcomeKind')} <{_concept_iri('outcome-kind', value.kind)}>"]
            outcome = iris.outcome(key, Outcome(value.kind, value.measure, value.time_frame))
            if outcome in outcomes:  # the protocol's own outcome; a results-only measure names itself below
                about.append(f"{_ctk('ofOutcome')} <{outcome}>")
            for predicate, text in ((_ctk("reportedMeasure"), value.measure), (_ctk("reportedTimeFrame"), value.time_frame)):
                if text is not None:
                    about.append(f"{predicate} {literal(text)}")
        lines.append(f"<{trial}> {has_measurement} <{node}>")
        said = nodes.get(subject)
        if said is None:
            said = nodes[subject] = []
        said += about
        said.append(_group(out, trial, key, value.group, value.group_description, groups))
        for predicate, text in zip(_MEASUREMENT_TEXTS, _measurement_texts(value)):
            if text is not None:
                said.append(f"{predicate} {literal(text)}")
        for predicate, term in ((_ctk("numericValue"), _registry_decimal(value.value)),
                                (_ctk("participantsAnalyzed"), _count(value.analyzed))):
            if term is not None:
                said.append(f"{predicate} {term}")
    has_event, event_type = _ctk("hasAdverseEvent"), f"{_TYPE} <{CTK}AdverseEvent>"
    terms: dict[tuple[str, str | None, bool, str | None, str | None], list[str]] = {}
    for event in record.adverse_events:
        node = iris.adverse_event(key, event)
        subject = f"<{node}> "
        about = terms.get((event.term, event.organ_system, event.serious, event.vocabulary, event.assessment))
        if about is None:
            about = terms[event.term, event.organ_system, event.serious, event.vocabulary, event.assessment] = [
                event_type, *(f"{predicate} {literal(text)}" for predicate, text in zip(_EVENT_TEXTS, _event_texts(event))
                              if text is not None)]
            serious = _boolean(event.serious)
            if serious is not None:
                about.append(f"{_ctk('serious')} {serious}")
        lines.append(f"<{trial}> {has_event} <{node}>")
        said = nodes.get(subject)
        if said is None:
            said = nodes[subject] = []
        said += about
        said.append(_group(out, trial, key, event.group, event.group_description, groups))
        for predicate, term in ((_ctk("participantsAffected"), _count(event.affected)),
                                (_ctk("participantsAtRisk"), _count(event.at_risk))):
            if term is not None:
                said.append(f"{predicate} {term}")
    for group in record.event_groups:  # the totals the registry posts for each group of the adverse events
        _group(out, trial, key, group.title, group.description, groups)
        node = iris.result_group(key, group.title, group.description)
        out.term(node, _ctk("seriousParticipantsAffected"), _count(group.serious_affected))
        out.term(node, _ctk("seriousParticipantsAtRisk"), _count(group.serious_at_risk))
    out.triples.update(lines)
    out.described(nodes)


def _registry_decimal(text: str | None) -> str | None:
    """A reported value that is a plain decimal number, as an xsd:decimal (so stores compare it as a number)."""
    if text is None or not _DECIMAL.fullmatch(text):
        return None
    return typed(text, "decimal")


_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")


def _registration(out: _Triples, trial: str, as_stated: str, key: str, record: TrialRecord) -> None:
    """The trial's officials (names, roles, affiliations; never contact details), and what the
    source states of its registration: whether dates and enrollment are actual or estimated, when
    it was posted, why it stopped, its oversight. These stay on the source's record node.
    """
    for official in record.officials:
        node = out.part(trial, "hasOfficial", iris.official(key, official), "Official", official.name)
        out.add(node, _ctk("officialRole"), official.role)
        out.add(node, _ctk("affiliation"), official.affiliation)
    for field, predicate in (("start_date", "startDateType"), ("completion_date", "completionDateType"),
                             ("enrollment", "enrollmentType")):
        out.add(as_stated, _ctk(predicate), record.date_types.get(field))
    out.term(as_stated, _ctk("firstPosted"), _date(record.first_posted) if record.first_posted else None)
    out.term(as_stated, _ctk("resultsFirstPosted"), _date(record.results_first_posted) if record.results_first_posted else None)
    out.add(as_stated, _ctk("whyStopped"), record.why_stopped)
    out.term(as_stated, _ctk("fdaRegulatedDrug"), _boolean(record.fda_regulated_drug))
    out.term(as_stated, _ctk("fdaRegulatedDevice"), _boolean(record.fda_regulated_device))
    out.term(as_stated, _ctk("hasDataMonitoringCommittee"), _boolean(record.has_dmc))
