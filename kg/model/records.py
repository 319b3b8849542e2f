"""The normalised trial record: what every reader produces and the mapping consumes.

A record holds what one document says about one trial, in plain Python values and
contract tokens (``PHASE1``, ``RECRUITING``, ...). It knows nothing of RDF.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Arm", "CellProduct", "Criterion", "CytokineUse", "DoseLevel", "Identifier", "Intervention", "Outcome",
    "Organization", "Reference", "Regimen", "Site", "SourceDocument", "TrialRecord",
    "Measurement", "AdverseEvent", "EventGroup", "Official", "Threshold",
]


@dataclass(frozen=True)
class Identifier:
    """A trial identifier and the scheme that issued it (NCT, EUDRACT, ..., ORG, OTHER)."""

    value: str
    scheme: str


@dataclass
class Organization:
    """A sponsor or funder; ``role`` is LEAD, COLLABORATOR or None when the page does not say."""

    name: str
    role: str | None = None


@dataclass
class Intervention:
    """An intervention, e.g. ``Biological: NK cell infusions``."""

    name: str
    type: str | None = None
    description: str | None = None


@dataclass
class Arm:
    """A study arm or group and the names of the interventions it gives."""

    label: str
    type: str | None = None
    description: str | None = None
    interventions: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """An outcome measure; ``kind`` is PRIMARY, SECONDARY or OTHER, or None where the document does not say
    (a page excerpt that cut the outcomes' heading off).
    """

    kind: str | None
    measure: str
    time_frame: str | None = None
    description: str | None = None


@dataclass
class Criterion:
    """An eligibility criterion; ``population`` is PATIENT, DONOR or None when not split."""

    kind: str
    text: str
    population: str | None = None


@dataclass
class Site:
    """A trial site; ``country`` is an ISO 3166-1 alpha-2 code."""

    name: str
    city: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Reference:
    """A publication the trial cites."""

    citation: str
    doi: str | None = None
    pmid: str | None = None


@dataclass
class DoseLevel:
    """One dose level of a cell product: a value or range, in UCUM (``{cells}`` or ``{cells}/kg``); ``maximum`` None
    for a lower bound alone (">1 × 10^9 cells").
    """

    minimum: float
    maximum: float | None
    unit: str
    per_dose: bool = False
    arm: str | None = field(default=None, repr=False)  # the arm it is given in, where the document ties it to one


@dataclass
class CellProduct:
    """The cells a trial gives: what they are, where they come from, how they are made and given.

    Tokens: ``cell_type`` NK, CAR_NK, CIK, ... (None: cells of a kind with no token, e.g. mesenchymal stromal
    cells); ``donor_types`` HAPLOIDENTICAL, ALLOGENEIC, AUTOLOGOUS; ``tissue_sources`` PERIPHERAL_BLOOD,
    UMBILICAL_CORD_BLOOD, BONE_MARROW, ...
    """

    cell_type: str | None
    donor_types: list[str] = field(default_factory=list)
    tissue_sources: list[str] = field(default_factory=list)
    starting_material: str | None = None
    ex_vivo_expanded: bool | None = None
    feeder_cells: str | None = None
    genetically_modified: bool | None = None
    infusions: int | None = None
    doses: list[DoseLevel] = field(default_factory=list)
    #: of a product without a cell-type token, the kind of its cells ("mesenchymal-stromal-cells", "dendritic-cells"):
    #: two such products of one trial are two products, each named by its kind in the graph
    kind: str | None = None


@dataclass
class CytokineUse:
    """A cytokine a trial gives patients (IN_VIVO_SUPPORT) or makes its cells with (EX_VIVO_EXPANSION)."""

    cytokine: str
    role: str
    arm: str | None = None
    dose: float | None = None
    unit: str | None = None
    route: str | None = None
    frequency: str | None = None
    number_of_doses: int | None = None
    duration_days: float | None = None
    days: str | None = None  # when it is given, as the document says it ("day -1", "days 1 to 14")


@dataclass
class Regimen:
    """Chemotherapy, conditioning or prophylaxis given around the cell therapy."""

    name: str
    purpose: str | None  # None where the document does not say what it is for (a drug listed, no chemotherapy)
    components: list[str] = field(default_factory=list)
    days: str | None = None  # when it is given, as the document says it ("days -6 to -2")


@dataclass
class Threshold:
    """A limit an eligibility criterion states: ``quantity`` (AGE, ECOG, CREATININE, ...), the
    comparator (``<``, ``<=``, ``>``, ``>=``, ``=``), the value and its UCUM unit (``ULN`` for
    multiples of the upper limit of normal). ``alternative`` numbers the "or"-joined alternatives
    of one criterion; ``normalized_*`` is the value in the unit patients' values are given in.
    """

    quantity: str
    comparator: str
    value: float
    unit: str | None
    criterion: str
    kind: str | None
    population: str | None = None
    alternative: int | None = None
    normalized_value: float | None = None
    normalized_unit: str | None = None


@dataclass
class Measurement:
    """A value a registry reports for one outcome and one group of participants (and one class
    or category where the record splits the measure), as the registry states it.
    """

    kind: str
    measure: str
    time_frame: str | None
    group: str
    group_description: str | None = None
    class_title: str | None = None
    category: str | None = None
    param_type: str | None = None
    unit: str | None = None
    value: str | None = None
    dispersion_type: str | None = None
    spread: str | None = None
    lower: str | None = None
    upper: str | None = None
    analyzed: int | None = None


@dataclass
class AdverseEvent:
    """An adverse event term a registry reports for one group: how many of those at risk it affected."""

    term: str
    serious: bool
    group: str
    group_description: str | None = None
    organ_system: str | None = None
    affected: int | None = None
    at_risk: int | None = None
    vocabulary: str | None = None
    assessment: str | None = None


@dataclass
class EventGroup:
    """A group of participants as a registry's posted adverse events report it, with the totals it posts for the group
    itself: how many of its participants had one or more serious adverse events, of how many at risk.
    """

    title: str
    description: str | None = None
    serious_affected: int | None = None
    serious_at_risk: int | None = None


@dataclass
class Official:
    """A person responsible for a trial as the registry names them (no contact details are kept)."""

    name: str
    role: str | None = None
    affiliation: str | None = None


@dataclass
class SourceDocument:
    """The document a record was read from."""

    name: str
    sha256: str
    layout: str
    #: Where the document was fetched from, when it says so (a saved page's "# source: URL" line).
    url: str | None = None


@dataclass
class TrialRecord:
    """What one document says about one trial."""

    source: SourceDocument
    last_updated: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    title: str | None = None
    brief_summary: str | None = None
    detailed_description: str | None = None
    # The registry's "Intervention Model Description" (designInfo.interventionModelDescription): where many studies state
    # their dose levels and cohorts. Read by the therapy rules; not a statement of the graph (the registry's prose
    # about its design, not a fact the ontology holds).
    design_description: str | None = None
    # The registry's official (scientific) title, where a document gives one beside its public title ("Official Title:",
    # ICTRP's "Scientific title:", the line under a page's headline): the protocol's own words for the intervention
    # ("... IL-15 Activated Cytokine Induced Killer (CIK) Cells ...", "... Allogeneic Multi Tumor-Associated
    # Antigen-Specific T Lymphocytes ..."): ctk:officialTitle in the graph, and read by the therapy rules.
    official_title: str | None = None
    phases: list[str] = field(default_factory=list)
    status: str | None = None
    study_type: str | None = None
    enrollment: int | None = None
    sex: str | None = None
    min_age_years: float | None = None
    max_age_years: float | None = None
    healthy_volunteers: bool | None = None
    allocation: str | None = None
    intervention_model: str | None = None
    primary_purpose: str | None = None
    masking: str | None = None
    start_date: str | None = None
    completion_date: str | None = None
    conditions: list[str] = field(default_factory=list)
    sponsors: list[Organization] = field(default_factory=list)
    arms: list[Arm] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    related_ids: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    #: MeSH descriptors the registry derived for the conditions / interventions: (id, term).
    mesh_conditions: list[tuple[str, str]] = field(default_factory=list)
    mesh_interventions: list[tuple[str, str]] = field(default_factory=list)
    cell_products: list[CellProduct] = field(default_factory=list)
    cytokines: list[CytokineUse] = field(default_factory=list)
    regimens: list[Regimen] = field(default_factory=list)
    #: The registry's posted results, and the people and dates it states (registry JSON only).
    measurements: list[Measurement] = field(default_factory=list)
    #: The limits the eligibility criteria state (kg.enrich.eligibility).
    thresholds: list[Threshold] = field(default_factory=list)
    adverse_events: list[AdverseEvent] = field(default_factory=list)
    #: The groups of the posted adverse events, with the serious-event totals the registry posts for each.
    event_groups: list[EventGroup] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    #: "ACTUAL" or "ESTIMATED" for start_date, completion_date and enrollment, by field name.
    date_types: dict[str, str] = field(default_factory=dict)
    first_posted: str | None = None
    results_first_posted: str | None = None
    why_stopped: str | None = None
    fda_regulated_drug: bool | None = None
    fda_regulated_device: bool | None = None
    has_dmc: bool | None = None

    def to_json(self) -> str:
        """One line of JSON, so records can be spooled to disk between build passes."""
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> TrialRecord:
        """The record :meth:`to_json` wrote."""
        data: dict[str, Any] = json.loads(line)
        nested = {
            "source": SourceDocument, "identifiers": Identifier, "sponsors": Organization,
            "arms": Arm, "interventions": Intervention, "outcomes": Outcome,
            "criteria": Criterion, "sites": Site, "references": Reference, "cytokines": CytokineUse,
            "regimens": Regimen, "measurements": Measurement, "adverse_events": AdverseEvent, "officials": Official,
            "thresholds": Threshold, "event_groups": EventGroup,
        }
        for name, kind in nested.items():
            value = data.get(name, [])  # a state file written before a field existed lacks it
            data[name] = kind(**value) if isinstance(value, dict) else [kind(**v) for v in value]
        for name in ("mesh_conditions", "mesh_interventions"):
            data[name] = [tuple(pair) for pair in data[name]]
        data["cell_products"] = [CellProduct(**{**p, "doses": [DoseLevel(**d) for d in p["doses"]]})
                                 for p in data["cell_products"]]
        return cls(**data)
