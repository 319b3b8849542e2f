"""ClinicalTrials.gov API v2 study JSON -> records.

One study object is one record. The registry's fields are structured, so they are read
as they are (tokens such as ``PHASE1`` or ``RECRUITING`` are already the contract's);
only the criteria text is split into criteria, and the cell-therapy reading runs on the
free text as for any page. A file holds one study, an API page (``{"studies": [...]}``),
a list of studies, or JSON Lines.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from kg.errors import DocumentError
from kg.model.identifiers import register_of, scheme_of
from kg.model.records import (
    AdverseEvent,
    Arm,
    EventGroup,
    Identifier,
    Intervention,
    Measurement,
    Official,
    Organization,
    Outcome,
    Reference,
    Site,
    SourceDocument,
    TrialRecord,
)
from kg.model.text import clean_document_text, fold
from kg.model.vocab import lookup
from kg.read.parse.criteria import criteria_from_mixed_lines
from kg.read.parse.fields import country_code, find_doi, parse_age_years, parse_date

__all__ = ["LAYOUT", "RegistryShapeError", "looks_like_json", "studies_in", "read_study"]

LAYOUT = "ctgov_api_v2"

#: Secondary id types -> identifier scheme. Grants and other ids are OTHER: they are kept,
#: but only register numbers join documents into one trial (kg.build.identity).
_SECONDARY_TYPES = {"EUDRACT_NUMBER": "EUDRACT", "CTIS": "EUCT"}


class RegistryShapeError(ValueError):
    """A study whose values do not have the types or forms the registry gives them: a fault of
    the data (said with the field), never of the reader. Anything else a reader raises is a bug.
    """


def looks_like_json(data: bytes) -> bool:
    """A document whose first character opens a JSON object or array."""
    return data.lstrip()[:1] in (b"{", b"[")


def studies_in(data: bytes, name: str, max_depth: int = 64) -> Iterator[tuple[dict[str, Any], SourceDocument]]:
    r"""Each study object in a JSON document, with the source it is to be credited to.

    A file of one study is credited as itself; each study of an API page or JSON Lines
    file is credited as ``FILE#NCTID`` with the checksum of its own canonical JSON.
    JSON nested deeper than ``max_depth`` or holding text that is not Unicode (a lone
    surrogate escape such as ``"\ud800"``) is refused.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(name, f"not UTF-8 JSON (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    try:
        parsed: Any = _loads(text, name)
        items = [parsed]
    except json.JSONDecodeError as error:
        try:
            items = [_loads(line, name) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:
            raise DocumentError(name, f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    if _depth(data, max_depth) > max_depth:
        raise DocumentError(name, f"JSON nested more than {max_depth} levels deep (--max-json-depth)")
    studies: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("studies"), list):
            studies += item["studies"]
        elif isinstance(item, list):
            studies += item
        else:
            studies.append(item)
    single = len(studies) == 1
    # Only an escape can put a surrogate in text decoded from UTF-8; only then is a single study written out.
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    for study in studies:
        if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
            raise DocumentError(name, "JSON that is not a ClinicalTrials.gov API v2 study (no protocolSection)")
        if not single or surrogates:
            try:
                canonical = json.dumps(study, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError as error:
                raise DocumentError(name, f"JSON text that is not Unicode (a lone surrogate {error.object[error.start]!a})") from None
        if single:
            yield study, SourceDocument(name, hashlib.sha256(data).hexdigest(), LAYOUT)
        else:
            nct = _get(study, "protocolSection", "identificationModule", "nctId")
            nct = nct if isinstance(nct, str) and scheme_of(nct) == "NCT" else "study"
            yield study, SourceDocument(f"{name}#{nct}", hashlib.sha256(canonical).hexdigest(), LAYOUT)


def _loads(text: str, name: str) -> Any:
    """JSON text parsed; nesting too deep for the parser and numbers too long for Python are refused."""
    try:
        return json.loads(text)
    except RecursionError:
        raise DocumentError(name, "JSON nested too deep to parse (--max-json-depth)") from None
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            raise
        raise DocumentError(name, "JSON with a number too long to read (more than 4,300 digits)") from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
#: Every byte but those of JSON's structure: quotes and brackets.
_NOT_STRUCTURE = bytes(range(256)).translate(None, b'"[]{}')
_INNERMOST = re.compile(rb"\[\]|\{\}")
_ESCAPE = re.compile(rb"\\.", re.DOTALL)


def _depth(data: bytes, deepest: int) -> int:
    r"""Levels of nested objects and arrays in JSON that parsed (a scalar is 0), counted no
    further than ``deepest + 1``. Escapes go first (each backslash with the character it escapes:
    in JSON that parsed, a backslash only ever starts an escape, and of the characters escaped only
    the quote is structure), so that every quote left opens or closes a string; the strings go, and
    the brackets left are stripped of their innermost pairs a level at a time, all in C: walking the
    parsed value took a fifth of a registry study's reading, and a regular expression over the
    strings a seventh; two ``bytes.replace`` (escaped backslashes, then escaped quotes) left the
    same structure in five times the time of one regular expression over the escapes.

    >>> _depth(b'[{"a": [1]}, 2]', 64), _depth(b'"x"', 64), _depth(b'{"a\\\\": "[\\"[[{"}', 64), _depth(b"[" * 99 + b"]" * 99, 5)
    (3, 0, 1, 6)
    """
    marks = _ESCAPE.sub(b"", data).translate(None, _NOT_STRUCTURE)
    brackets, depth = b"".join(marks.split(b'"')[::2]), 0
    while brackets and depth <= deepest:
        brackets, depth = _INNERMOST.sub(b"", brackets), depth + 1
    return depth


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _text(value: Any) -> str | None:
    """Registry text with its markdown escapes removed and whitespace kept as paragraphs."""
    if not isinstance(value, str) or not value.strip():
        return None
    return clean_document_text(value).strip()


def _typed_name(name: str) -> str:
    """Arms name their interventions "Drug: Fludarabine"; the intervention list says "Fludarabine"."""
    kind, sep, rest = name.partition(": ")
    return rest if sep and kind.replace(" ", "").isalpha() else name


#: The registry writes its tokens in a few hundred ways in all: each is looked up once.
_lookup = lru_cache(maxsize=1 << 12)(lookup)


def _token(scheme: str, value: Any) -> str | None:
    """The contract token of a registry value; a value the scheme does not know (a status added
    to the registry after our vocabulary) is left out, a value of the wrong type refuses the study.
    """
    if value is None or isinstance(value, str):
        return _lookup(scheme, value)
    raise RegistryShapeError(f"{value!r} where the registry has a {scheme} token")


def _typed(value: Any, kind: type | tuple[type, ...], field: str) -> Any:
    """A registry value of the type it has in the registry, or None; another type refuses the study.

    >>> _typed(12, int, "count"), _typed(None, bool, "healthyVolunteers")
    (12, None)
    >>> _typed(True, int, "count")
    Traceback (most recent call last):
    kg.read.layouts.ctgov_json.RegistryShapeError: count is a bool, not int
    """
    if value is None or (isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool)):
        return value
    names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
    raise RegistryShapeError(f"{field} is a {type(value).__name__}, not {names}")


def _coordinate(value: Any, field: str, bound: float) -> float | None:
    number = _typed(value, (int, float), field)
    if number is not None and not (math.isfinite(number) and -bound <= number <= bound):
        raise RegistryShapeError(f"{field} {number!r} is not a coordinate")
    return number


def _objects(value: Any, field: str) -> list[dict[str, Any]]:
    """A registry list of objects (empty when absent); anything else refuses the study."""
    for item in _typed(value, list, field) or []:
        if not isinstance(item, dict):
            raise RegistryShapeError(f"{field} holds a {type(item).__name__}, not an object")
    return value or []


def _string(value: Any, field: str) -> str:
    """A registry string, whitespace folded ("" when absent); another type refuses the study."""
    if isinstance(value, str):  # the most called function of reading a study: the common case first
        return fold(value)
    return fold(_typed(value, str, field))


def _strings(value: Any, field: str) -> list[str]:
    """A registry list of strings, each folded, empty ones left out."""
    return [text for text in (_string(item, field) for item in _typed(value, list, field) or []) if text]


def _module(value: Any, field: str) -> dict[str, Any]:
    """A registry module object (empty when absent)."""
    return _typed(value, dict, field) or {}


def _meshes(derived: dict[str, Any], module: str) -> list[tuple[str, str]]:
    return [(_string(m.get("id"), "meshes.id"), _string(m.get("term"), "meshes.term"))
            for m in _objects(_get(derived, module, "meshes"), "meshes") if m.get("id")]


_WORD = re.compile(r"[^\W_]{2}")


def _add_secondary(record: TrialRecord, identifier: Identifier) -> None:
    """A secondary id said once: the registry lists a sponsor's id again among the secondary ids,
    under one scheme or two ("NRG-GY032" as org study id, then for NRG Oncology and for CTEP). The
    registry gives a study one number per register: another number of a register the study
    already has (a second NCT or EudraCT number) is another trial's, a related one.
    """
    if any(held.value == identifier.value for held in record.identifiers):
        return
    register = register_of(identifier)
    if register and any(register_of(held) == register for held in record.identifiers):
        if identifier.value not in record.related_ids:
            record.related_ids.append(identifier.value)
        return
    record.identifiers.append(identifier)


def read_study(study: dict[str, Any], source: SourceDocument) -> TrialRecord:
    """One API v2 study object as a record; a value of the wrong type or form raises
    :class:`RegistryShapeError` naming the field.
    """
    protocol = _module(study["protocolSection"], "protocolSection")
    identification = _module(protocol.get("identificationModule"), "identificationModule")
    status = _module(protocol.get("statusModule"), "statusModule")
    design = _module(protocol.get("designModule"), "designModule")
    eligibility = _module(protocol.get("eligibilityModule"), "eligibilityModule")
    record = TrialRecord(source=source)

    nct = _typed(identification.get("nctId"), str, "nctId")
    if nct:
        if scheme_of(nct) != "NCT":
            raise RegistryShapeError(f"nctId {nct[:40]!r} is not an NCT number")
        record.identifiers.append(Identifier(nct, "NCT"))
    org_id = _string(_get(identification, "orgStudyIdInfo", "id"), "orgStudyIdInfo.id")
    if org_id:
        record.identifiers.append(Identifier(org_id, "ORG"))
    for secondary in _objects(identification.get("secondaryIdInfos"), "secondaryIdInfos"):
        value = _string(secondary.get("id"), "secondaryIdInfos.id")
        if value:
            kind = _typed(secondary.get("type"), str, "secondaryIdInfos.type") or ""
            scheme = _SECONDARY_TYPES.get(kind) or (scheme_of(value) if kind == "REGISTRY" else None) or "OTHER"
            _add_secondary(record, Identifier(value, scheme))
    record.title = _string(identification.get("briefTitle"), "briefTitle") or None
    official = _string(identification.get("officialTitle"), "officialTitle") or None
    record.official_title = official if official != record.title else None
    record.brief_summary = _text(_get(protocol, "descriptionModule", "briefSummary"))
    record.detailed_description = _text(_get(protocol, "descriptionModule", "detailedDescription"))

    record.status = _token("status", status.get("overallStatus"))
    record.last_updated = parse_date(_typed(_get(status, "lastUpdatePostDateStruct", "date") or status.get("lastUpdateSubmitDate"),
                                            str, "lastUpdatePostDateStruct.date"))
    record.start_date = parse_date(_typed(_get(status, "startDateStruct", "date"), str, "startDateStruct.date"))
    record.completion_date = parse_date(_typed(_get(status, "completionDateStruct", "date"), str, "completionDateStruct.date"))
    record.phases = [token for token in (_token("phase", phase) for phase in _typed(design.get("phases"), list, "phases") or [])
                     if token]
    record.study_type = _token("study-type", design.get("studyType"))
    record.enrollment = _typed(_get(design, "enrollmentInfo", "count"), int, "enrollmentInfo.count")
    record.allocation = _token("allocation", _get(design, "designInfo", "allocation"))
    record.intervention_model = _token("intervention-model", _get(design, "designInfo", "interventionModel"))
    record.design_description = _text(_get(design, "designInfo", "interventionModelDescription"))
    record.primary_purpose = _token("primary-purpose", _get(design, "designInfo", "primaryPurpose"))
    record.masking = _token("masking", _get(design, "designInfo", "maskingInfo", "masking"))

    sponsors = _module(protocol.get("sponsorCollaboratorsModule"), "sponsorCollaboratorsModule")
    lead = _string(_get(sponsors, "leadSponsor", "name"), "leadSponsor.name")
    if lead:
        record.sponsors.append(Organization(lead, "LEAD"))
    collaborators = _objects(sponsors.get("collaborators"), "collaborators")
    record.sponsors += [Organization(name, "COLLABORATOR") for name in
                        (_string(c.get("name"), "collaborators.name") for c in collaborators) if name]
    record.conditions = _strings(_get(protocol, "conditionsModule", "conditions"), "conditions")
    record.keywords = _strings(_get(protocol, "conditionsModule", "keywords"), "keywords")
    derived = _module(study.get("derivedSection"), "derivedSection")
    record.mesh_conditions = _meshes(derived, "conditionBrowseModule")
    record.mesh_interventions = _meshes(derived, "interventionBrowseModule")

    arms_module = _module(protocol.get("armsInterventionsModule"), "armsInterventionsModule")
    record.interventions = [Intervention(_string(i["name"], "interventions.name"), _token("intervention-type", i.get("type")),
                                         _text(i.get("description")))
                            for i in _objects(arms_module.get("interventions"), "interventions") if i.get("name")]
    record.arms = [Arm(_string(a["label"], "armGroups.label"), _token("arm-type", a.get("type")), _text(a.get("description")),
                       [_typed_name(name) for name in _strings(a.get("interventionNames"), "armGroups.interventionNames")])
                   for a in _objects(arms_module.get("armGroups"), "armGroups") if a.get("label")]

    outcomes = _module(protocol.get("outcomesModule"), "outcomesModule")
    for kind, key in (("PRIMARY", "primaryOutcomes"), ("SECONDARY", "secondaryOutcomes"), ("OTHER", "otherOutcomes")):
        record.outcomes += [Outcome(kind, _string(o["measure"], f"{key}.measure"),
                                    _string(o.get("timeFrame"), f"{key}.timeFrame") or None, _text(o.get("description")))
                            for o in _objects(outcomes.get(key), key) if o.get("measure")]

    criteria_text = _text(eligibility.get("eligibilityCriteria"))
    # A row of punctuation alone ("." left of "... (Tg 511-15-01).") is no criterion.
    record.criteria = [c for c in criteria_from_mixed_lines(criteria_text.split("\n")) if _WORD.search(c.text)] \
        if criteria_text else []
    record.sex = _token("sex", eligibility.get("sex"))
    record.min_age_years = parse_age_years(_typed(eligibility.get("minimumAge"), str, "minimumAge"))
    record.max_age_years = parse_age_years(_typed(eligibility.get("maximumAge"), str, "maximumAge"))
    record.healthy_volunteers = _typed(eligibility.get("healthyVolunteers"), bool, "healthyVolunteers")

    for location in _objects(_get(protocol, "contactsLocationsModule", "locations"), "locations"):
        facility = _string(location.get("facility"), "locations.facility")
        if facility:
            geo = _module(location.get("geoPoint"), "locations.geoPoint")
            record.sites.append(Site(facility, _string(location.get("city"), "locations.city") or None,
                                     country_code(_typed(location.get("country"), str, "locations.country")),
                                     _coordinate(geo.get("lat"), "lat", 90), _coordinate(geo.get("lon"), "lon", 180)))
    for reference in _objects(_get(protocol, "referencesModule", "references"), "references"):
        citation = _string(reference.get("citation"), "references.citation")
        if citation:
            record.references.append(Reference(citation, find_doi(citation), _typed(reference.get("pmid"), str, "pmid") or None))
    if not record.identifiers:
        raise RegistryShapeError("no trial identifier (no nctId, orgStudyIdInfo or secondary id)")
    _dates_and_oversight(record, protocol, status, design)
    results = _module(study.get("resultsSection"), "resultsSection")
    record.measurements = _measurements(_module(results.get("outcomeMeasuresModule"), "outcomeMeasuresModule"))
    events = _module(results.get("adverseEventsModule"), "adverseEventsModule")
    record.adverse_events = _adverse_events(events)
    record.event_groups = _event_groups(events)
    return record


#: An e-mail address or a telephone number, which registrants sometimes type into an official's
#: affiliation (NCT04523987): contact details are personal data the graph never keeps.
_CONTACT = re.compile(r"\S+@\S+\.\w+|\+?\d[\d ().-]{7,}\d")
#: The registry's outcome types -> the contract's outcome kinds.
_OUTCOME_KINDS = {"PRIMARY": "PRIMARY", "SECONDARY": "SECONDARY", "OTHER_PRE_SPECIFIED": "OTHER", "OTHER": "OTHER",
                  "POST_HOC": "OTHER"}


def _dates_and_oversight(record: TrialRecord, protocol: dict[str, Any], status: dict[str, Any], design: dict[str, Any]) -> None:
    """Whether dates and enrollment are actual or estimated, when the study was posted, why it
    stopped, its oversight, and its officials (names, roles, affiliations: no contact details).
    """
    for field, struct in (("start_date", _get(status, "startDateStruct")), ("completion_date", _get(status, "completionDateStruct")),
                          ("enrollment", _get(design, "enrollmentInfo"))):
        kind = _typed(_get(struct, "type"), str, f"{field}.type")
        if kind in ("ACTUAL", "ESTIMATED"):
            record.date_types[field] = kind
    record.first_posted = parse_date(_typed(_get(status, "studyFirstPostDateStruct", "date"), str, "studyFirstPostDateStruct.date"))
    record.results_first_posted = parse_date(_typed(_get(status, "resultsFirstPostDateStruct", "date"), str,
                                                    "resultsFirstPostDateStruct.date"))
    record.why_stopped = _string(status.get("whyStopped"), "whyStopped") or None
    oversight = _module(protocol.get("oversightModule"), "oversightModule")
    record.fda_regulated_drug = _typed(oversight.get("isFdaRegulatedDrug"), bool, "isFdaRegulatedDrug")
    record.fda_regulated_device = _typed(oversight.get("isFdaRegulatedDevice"), bool, "isFdaRegulatedDevice")
    record.has_dmc = _typed(oversight.get("oversightHasDmc"), bool, "oversightHasDmc")
    for official in _objects(_get(protocol, "contactsLocationsModule", "overallOfficials"), "overallOfficials"):
        name = _string(official.get("name"), "overallOfficials.name")
        if name:
            affiliation = _string(official.get("affiliation"), "overallOfficials.affiliation")
            record.officials.append(Official(name, _typed(official.get("role"), str, "overallOfficials.role"),
                                             None if _CONTACT.search(affiliation) else affiliation or None))


def _groups(items: Any, field: str) -> dict[str, tuple[str, str | None]]:
    """A results module's groups: id -> (title, description)."""
    return {_string(group.get("id"), f"{field}.id"): (_string(group.get("title"), f"{field}.title"), _text(group.get("description")))
            for group in _objects(items, field)}


def _counts(denoms: Any, field: str) -> dict[str, int]:
    """Participants analysed per group id, from a measure's (or a class's) denominators in participants."""
    counts: dict[str, int] = {}
    for denom in _objects(denoms, field):
        if _string(denom.get("units"), f"{field}.units").lower() == "participants":
            for count in _objects(denom.get("counts"), f"{field}.counts"):
                value = _string(count.get("value"), f"{field}.counts.value")
                if value.isdigit():
                    counts[_string(count.get("groupId"), f"{field}.counts.groupId")] = int(value)
    return counts


def _measurements(module: dict[str, Any]) -> list[Measurement]:
    """Every reported value of every outcome measure, per group and class / category."""
    found: list[Measurement] = []
    for outcome in _objects(module.get("outcomeMeasures"), "outcomeMeasures"):
        measure = _string(outcome.get("title"), "outcomeMeasures.title")
        kind = _OUTCOME_KINDS.get(_typed(outcome.get("type"), str, "outcomeMeasures.type") or "")
        if not measure or not kind:
            continue
        groups = _groups(outcome.get("groups"), "outcomeMeasures.groups")
        analyzed = _counts(outcome.get("denoms"), "outcomeMeasures.denoms")
        for klass in _objects(outcome.get("classes"), "outcomeMeasures.classes"):
            class_title = _string(klass.get("title"), "classes.title") or None
            in_class = {**analyzed, **_counts(klass.get("denoms"), "classes.denoms")}
            for category in _objects(klass.get("categories"), "classes.categories"):
                category_title = _string(category.get("title"), "categories.title") or None
                for value in _objects(category.get("measurements"), "categories.measurements"):
                    group_id = _string(value.get("groupId"), "measurements.groupId")
                    title, description = groups.get(group_id, (group_id, None))
                    found.append(Measurement(
                        kind, measure, _string(outcome.get("timeFrame"), "outcomeMeasures.timeFrame") or None, title, description,
                        class_title, category_title, _typed(outcome.get("paramType"), str, "paramType"),
                        _string(outcome.get("unitOfMeasure"), "unitOfMeasure") or None,
                        _string(value.get("value"), "measurements.value") or None,
                        _string(outcome.get("dispersionType"), "dispersionType") or None,
                        _string(value.get("spread"), "measurements.spread") or None,
                        _string(value.get("lowerLimit"), "measurements.lowerLimit") or None,
                        _string(value.get("upperLimit"), "measurements.upperLimit") or None,
                        in_class.get(group_id)))
    return found


def _event_groups(module: dict[str, Any]) -> list[EventGroup]:
    """The adverse events' groups, with the serious-event totals the registry posts for each (``seriousNumAffected``:
    the participants with one or more serious events, of ``seriousNumAtRisk``), not counted from the terms.
    """
    return [EventGroup(_string(group.get("title"), "eventGroups.title"), _text(group.get("description")),  # as _groups
                       _typed(group.get("seriousNumAffected"), int, "eventGroups.seriousNumAffected"),
                       _typed(group.get("seriousNumAtRisk"), int, "eventGroups.seriousNumAtRisk"))
            for group in _objects(module.get("eventGroups"), "eventGroups")]


def _adverse_events(module: dict[str, Any]) -> list[AdverseEvent]:
    """Every serious and other adverse event term, per group, with the counts affected and at risk."""
    groups = _groups(module.get("eventGroups"), "eventGroups")
    found: list[AdverseEvent] = []
    for serious, key in ((True, "seriousEvents"), (False, "otherEvents")):
        for event in _objects(module.get(key), key):
            term = _string(event.get("term"), f"{key}.term")
            if not term:
                continue
            for stats in _objects(event.get("stats"), f"{key}.stats"):
                group_id = _string(stats.get("groupId"), f"{key}.stats.groupId")
                title, description = groups.get(group_id, (group_id, None))
                found.append(AdverseEvent(term, serious, title, description,
                                          _string(event.get("organSystem"), f"{key}.organSystem") or None,
                                          _typed(stats.get("numAffected"), int, f"{key}.stats.numAffected"),
                                          _typed(stats.get("numAtRisk"), int, f"{key}.stats.numAtRisk"),
                                          _string(event.get("sourceVocabulary"), f"{key}.sourceVocabulary") or None,
                                          _typed(event.get("assessmentType"), str, f"{key}.assessmentType")))
    return found
