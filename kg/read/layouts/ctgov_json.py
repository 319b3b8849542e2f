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
from typing import Any

from kg.errors import DocumentError
from kg.model.identifiers import scheme_of
from kg.model.records import (
    Arm,
    Identifier,
    Intervention,
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

__all__ = ["LAYOUT", "looks_like_json", "studies_in", "read_study"]

LAYOUT = "ctgov_api_v2"

#: Secondary id types -> identifier scheme. Grants and other ids are OTHER: they are kept,
#: but only register numbers join documents into one trial (kg.build.identity).
_SECONDARY_TYPES = {"EUDRACT_NUMBER": "EUDRACT", "CTIS": "EUCT"}


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


def _depth(data: bytes, deepest: int) -> int:
    r"""Levels of nested objects and arrays in JSON that parsed (a scalar is 0), counted no
    further than ``deepest + 1``. Escaped backslashes and quotes go first, so that every quote
    left opens or closes a string; the strings go, and the brackets left are stripped of their
    innermost pairs a level at a time, all in C: walking the parsed value took a fifth of a
    registry study's reading, and a regular expression over the strings a seventh.

    >>> _depth(b'[{"a": [1]}, 2]', 64), _depth(b'"x"', 64), _depth(b'{"a\\\\": "[\\"[[{"}', 64), _depth(b"[" * 99 + b"]" * 99, 5)
    (3, 0, 1, 6)
    """
    marks = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
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


def _token(scheme: str, value: Any) -> str | None:
    """The contract token of a registry value; a value the scheme does not know (a status added
    to the registry after our vocabulary) is left out, a value of the wrong type refuses the study.
    """
    if value is None or isinstance(value, str):
        return lookup(scheme, value)
    raise TypeError(f"{value!r} where the registry has a {scheme} token")


def _typed(value: Any, kind: type | tuple[type, ...], field: str) -> Any:
    """A registry value of the type it has in the registry, or None; another type refuses the study.

    >>> _typed(12, int, "count"), _typed(None, bool, "healthyVolunteers")
    (12, None)
    >>> _typed(True, int, "count")
    Traceback (most recent call last):
    TypeError: count is a bool, not int
    """
    if value is None or (isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool)):
        return value
    names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
    raise TypeError(f"{field} is a {type(value).__name__}, not {names}")


def _coordinate(value: Any, field: str, bound: float) -> float | None:
    number = _typed(value, (int, float), field)
    if number is not None and not (math.isfinite(number) and -bound <= number <= bound):
        raise ValueError(f"{field} {number!r} is not a coordinate")
    return number


def _meshes(derived: dict[str, Any], module: str) -> list[tuple[str, str]]:
    return [(fold(m["id"]), fold(m.get("term"))) for m in _get(derived, module, "meshes") or [] if m.get("id")]


def read_study(study: dict[str, Any], source: SourceDocument) -> TrialRecord:
    """One API v2 study object as a record."""
    protocol = study["protocolSection"]
    identification = protocol.get("identificationModule") or {}
    status = protocol.get("statusModule") or {}
    design = protocol.get("designModule") or {}
    eligibility = protocol.get("eligibilityModule") or {}
    record = TrialRecord(source=source)

    nct = _typed(identification.get("nctId"), str, "nctId")
    if nct:
        if scheme_of(nct) != "NCT":
            raise ValueError(f"nctId {nct[:40]!r} is not an NCT number")
        record.identifiers.append(Identifier(nct, "NCT"))
    org_id = _get(identification, "orgStudyIdInfo", "id")
    if org_id:
        record.identifiers.append(Identifier(fold(org_id), "ORG"))
    for secondary in identification.get("secondaryIdInfos") or []:
        value = fold(secondary.get("id"))
        if value:
            kind = _typed(secondary.get("type"), str, "secondaryIdInfos.type") or ""
            scheme = _SECONDARY_TYPES.get(kind) or (scheme_of(value) if kind == "REGISTRY" else None) or "OTHER"
            record.identifiers.append(Identifier(value, scheme))
    record.title = fold(identification.get("briefTitle")) or None
    record.brief_summary = _text(_get(protocol, "descriptionModule", "briefSummary"))
    record.detailed_description = _text(_get(protocol, "descriptionModule", "detailedDescription"))

    record.status = _token("status", status.get("overallStatus"))
    record.last_updated = parse_date(_get(status, "lastUpdatePostDateStruct", "date") or status.get("lastUpdateSubmitDate"))
    record.start_date = parse_date(_get(status, "startDateStruct", "date"))
    record.completion_date = parse_date(_get(status, "completionDateStruct", "date"))
    record.phases = [token for token in (_token("phase", phase) for phase in _typed(design.get("phases"), list, "phases") or [])
                     if token]
    record.study_type = _token("study-type", design.get("studyType"))
    record.enrollment = _typed(_get(design, "enrollmentInfo", "count"), int, "enrollmentInfo.count")
    record.allocation = _token("allocation", _get(design, "designInfo", "allocation"))
    record.intervention_model = _token("intervention-model", _get(design, "designInfo", "interventionModel"))
    record.primary_purpose = _token("primary-purpose", _get(design, "designInfo", "primaryPurpose"))
    record.masking = _token("masking", _get(design, "designInfo", "maskingInfo", "masking"))

    sponsors = protocol.get("sponsorCollaboratorsModule") or {}
    if _get(sponsors, "leadSponsor", "name"):
        record.sponsors.append(Organization(fold(sponsors["leadSponsor"]["name"]), "LEAD"))
    record.sponsors += [Organization(fold(c["name"]), "COLLABORATOR") for c in sponsors.get("collaborators") or []
                        if c.get("name")]
    record.conditions = [fold(c) for c in _get(protocol, "conditionsModule", "conditions") or [] if fold(c)]
    record.keywords = [fold(k) for k in _get(protocol, "conditionsModule", "keywords") or [] if fold(k)]
    derived = study.get("derivedSection") or {}
    record.mesh_conditions = _meshes(derived, "conditionBrowseModule")
    record.mesh_interventions = _meshes(derived, "interventionBrowseModule")

    arms_module = protocol.get("armsInterventionsModule") or {}
    record.interventions = [Intervention(fold(i["name"]), _token("intervention-type", i.get("type")), _text(i.get("description")))
                            for i in arms_module.get("interventions") or [] if i.get("name")]
    record.arms = [Arm(fold(a["label"]), _token("arm-type", a.get("type")), _text(a.get("description")),
                       [_typed_name(fold(n)) for n in a.get("interventionNames") or []])
                   for a in arms_module.get("armGroups") or [] if a.get("label")]

    outcomes = protocol.get("outcomesModule") or {}
    for kind, key in (("PRIMARY", "primaryOutcomes"), ("SECONDARY", "secondaryOutcomes"), ("OTHER", "otherOutcomes")):
        record.outcomes += [Outcome(kind, fold(o["measure"]), fold(o.get("timeFrame")) or None, _text(o.get("description")))
                            for o in outcomes.get(key) or [] if o.get("measure")]

    criteria_text = _text(eligibility.get("eligibilityCriteria"))
    record.criteria = criteria_from_mixed_lines(criteria_text.split("\n")) if criteria_text else []
    record.sex = _token("sex", eligibility.get("sex"))
    record.min_age_years = parse_age_years(eligibility.get("minimumAge"))
    record.max_age_years = parse_age_years(eligibility.get("maximumAge"))
    record.healthy_volunteers = _typed(eligibility.get("healthyVolunteers"), bool, "healthyVolunteers")

    for location in _get(protocol, "contactsLocationsModule", "locations") or []:
        if location.get("facility"):
            geo = location.get("geoPoint") or {}
            record.sites.append(Site(fold(location["facility"]), fold(location.get("city")) or None,
                                     country_code(location.get("country")), _coordinate(geo.get("lat"), "lat", 90),
                                     _coordinate(geo.get("lon"), "lon", 180)))
    for reference in _get(protocol, "referencesModule", "references") or []:
        citation = fold(reference.get("citation"))
        if citation:
            record.references.append(Reference(citation, find_doi(citation), _typed(reference.get("pmid"), str, "pmid") or None))
    if not record.identifiers:
        raise ValueError("no trial identifier (no nctId, orgStudyIdInfo or secondary id)")
    return record
