"""IRIs minted for the things the documents describe.

An IRI is made from the thing's identifier where it has one (NCT number, DOI, file
checksum) and otherwise from its trial and a digest of its content, so identical input
always mints identical IRIs and two documents naming the same thing meet on one node.
Every piece of text that goes into an IRI is slugged or percent-encoded first.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import quote

from kg.model.namespaces import ID
from kg.model.records import (
    AdverseEvent,
    Criterion,
    CytokineUse,
    DoseLevel,
    Identifier,
    Measurement,
    Official,
    Outcome,
    Reference,
    Regimen,
    Site,
    Threshold,
)
from kg.model.text import fold, slug

__all__ = [
    "trial", "trial_record", "document", "identifier", "organization", "condition", "site", "publication",
    "arm", "intervention", "outcome", "criterion", "cell_product", "dose_level", "cytokine_use", "regimen",
    "mesh_descriptor",
]


def _segment(value: str) -> str:
    """A path segment that cannot break the IRI: every reserved or unsafe character encoded.

    >>> _segment("2019-001929-27"), _segment('x" } ; DROP ALL ; #')
    ('2019-001929-27', 'x%22%20%7D%20%3B%20DROP%20ALL%20%3B%20%23')
    """
    return quote(value.strip(), safe="-._~")


def _digest(*parts: str | None, exact: bool = False) -> str:
    return _sha256("\x1f".join(fold(part) if exact else fold(part).lower() for part in parts if part))


def _named(text: str) -> str:
    """A readable segment for a name, with a digest when the name has no ASCII letters or is
    longer than a slug: arms named alike up to their last words ("... - Dose 1", "... - Dose 2")
    stay apart.
    """
    token = slug(text)
    if not token:
        return f"h{_digest(text)}"
    return token if token == slug(text, max_length=len(text) + 1) else f"{token}-{_digest(text)[:8]}"


@lru_cache(maxsize=1 << 10)  # a registry study's statements name its trial a few hundred times
def trial(key: str) -> str:
    """``trial/NCT05272293``; a trial's IRI is its key (see :func:`kg.model.identifiers.trial_key`)."""
    return f"{ID}trial/{_segment(key)}"


def document(sha256: str) -> str:
    """A source document is named by its content's SHA-256."""
    return f"{ID}document/sha256-{sha256}"


def trial_record(key: str, sha256: str) -> str:
    """What one source document says about a trial."""
    return f"{trial(key)}/record/sha256-{sha256}"


def identifier(key: str, value: Identifier) -> str:
    """Register numbers are global; a sponsor's own id only means something within its trial."""
    if value.scheme in ("ORG", "OTHER"):
        return f"{trial(key)}/identifier/{value.scheme.lower()}/{_segment(value.value)}"
    return f"{ID}identifier/{value.scheme.lower()}/{_segment(value.value)}"


@lru_cache(maxsize=1 << 16)  # the registry names the same sponsors, conditions and sites thousands of times
def _shared(kind: str, name: str, *details: str | None) -> str:
    """Things many trials name (organisations, conditions, sites) meet on one node when they
    are written the same way; a different spelling is a different node, so that one
    document's wording never shows up in another trial's rows.
    """
    return f"{ID}{kind}/{slug(name) or 'h'}-{_digest(name, *details, exact=True)[:8]}"


def organization(name: str) -> str:
    return _shared("organization", name)


def condition(name: str) -> str:
    return _shared("condition", name)


def site(value: Site) -> str:
    return _shared("site", value.name, value.city, value.country)


def publication(value: Reference) -> str:
    if value.doi:
        return f"{ID}publication/doi/{_segment(value.doi.lower())}"
    if value.pmid:
        return f"{ID}publication/pmid/{_segment(value.pmid)}"
    return f"{ID}publication/citation-{_digest(value.citation)}"


def arm(key: str, label: str) -> str:
    return f"{trial(key)}/arm/{_named(label)}"


def intervention(key: str, name: str) -> str:
    return f"{trial(key)}/intervention/{_named(name)}"


def outcome(key: str, value: Outcome) -> str:
    return _outcome(key, value.kind, value.measure, value.time_frame)


@lru_cache(maxsize=1 << 12)  # each reported value of a result names its outcome again
def _outcome(key: str, kind: str | None, measure: str, time_frame: str | None) -> str:
    # an outcome of no stated kind has no kind segment: its IRI differs from any kind's and stays stable if
    # another document of the trial states the kind (that outcome is then a second node, as a second wording is)
    return f"{trial(key)}/outcome/{kind.lower() + '-' if kind else ''}{_digest(measure, time_frame)}"


def criterion(key: str, value: Criterion) -> str:
    return _criterion(key, value.kind, value.text, value.population)


@lru_cache(maxsize=1 << 10)  # each threshold names its criterion again, twice
def _criterion(key: str, kind: str | None, text: str, population: str | None) -> str:
    population = f"-{population.lower()}" if population else ""
    kind = kind.lower() if kind else "unstated"  # a list that does not say, of wording that does not either
    return f"{trial(key)}/criterion/{kind}{population}-{_digest(text)}"


def cell_product(key: str, cell_type: str) -> str:
    return f"{trial(key)}/cell-product/{slug(cell_type)}"


def dose_level(product: str, value: DoseLevel) -> str:
    # the arm only where the document ties the dose to one: the same amount in two arms is two dose levels
    arm = (value.arm,) if value.arm else ()
    return f"{product}/dose/{_digest(repr(value.minimum), repr(value.maximum), value.unit, str(value.per_dose), *arm)}"


def cytokine_use(key: str, value: CytokineUse) -> str:
    arm = _named(value.arm) if value.arm else "trial"
    dose = _digest(repr(value.dose), value.unit) if value.dose is not None else "undosed"
    return f"{trial(key)}/cytokine/{slug(value.cytokine)}-{slug(value.role)}-{arm}-{dose}"


def threshold(key: str, value: Threshold) -> str:
    """A limit a criterion states, under the criterion's IRI."""
    owner = _criterion(key, value.kind, value.criterion, value.population)
    parts = _fields(comparator=value.comparator, value=repr(value.value), unit=value.unit, alternative=str(value.alternative))
    return f"{owner}/threshold/{value.quantity.lower()}-{_digest(parts, exact=True)}"


@lru_cache(maxsize=1 << 12)  # each reported value and adverse event names its group again
def result_group(key: str, title: str, description: str | None) -> str:
    """A group of participants as results report it: the same title and description in two
    measures (or in the adverse events) is the same group.
    """
    return f"{trial(key)}/group/{_named(title)}-{_digest(title, description, exact=True)}"


def _fields(**parts: str | None) -> str:
    r"""Named parts as one text for a digest: an empty part keeps its place (unlike :func:`_digest`'s).

    The parts are joined by a space: they were joined by "\x1e", which :func:`_digest` folded to a
    space (str.split cuts there), and the digests (the IRIs) are the same.
    """
    return " ".join(f"{name}={fold(value)}" for name, value in parts.items())


def measurement(key: str, value: Measurement) -> str:
    # _digest(_fields(measure=..., ..., category=...), exact=True), written out: a registry study with results
    # mints thousands of these. Each value is folded, so the parts joined are folded already (fold of the
    # whole gives it back) and _digest's fold and join of one part would change nothing.
    parts = (f"{_folded('measure', value.measure, 'time', value.time_frame)} "
             f"{_folded('group', value.group, 'about', value.group_description)} "
             f"klass={fold(value.class_title)} category={fold(value.category)}")
    return f"{trial(key)}/measurement/{value.kind.lower()}-{_sha256(parts)}"


def adverse_event(key: str, value: AdverseEvent) -> str:
    # _digest(_fields(term=..., organ=..., group=..., about=...), exact=True), written out as measurement's
    parts = (f"{_folded('term', value.term, 'organ', value.organ_system)} "
             f"{_folded('group', value.group, 'about', value.group_description)}")
    return f"{trial(key)}/adverse-event/{'serious' if value.serious else 'other'}-{_sha256(parts)}"


@lru_cache(maxsize=1 << 12)  # a result names its outcome, group and term again for each group, class and category
def _folded(name: str, value: str | None, other: str, other_value: str | None) -> str:
    """Two of :func:`_fields`'s parts."""
    return f"{name}={fold(value)} {other}={fold(other_value)}"


def _sha256(text: str) -> str:
    """The digest of a text that is folded already: what :func:`_digest` gives for it alone, with ``exact``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def official(key: str, value: Official) -> str:
    return f"{trial(key)}/official/{_named(value.name)}"


def regimen(key: str, value: Regimen) -> str:
    """``regimen/fludarabine-and-cyclophosphamide-lymphodepletion``: the name, then the purpose; a regimen the document
    gives no purpose ends in ``unstated`` (as a criterion of no kind), which no purpose's slug does: it never meets a
    regimen of a purpose.
    """
    purpose = slug(value.purpose) if value.purpose else "unstated"
    return f"{trial(key)}/regimen/{_named(value.name)}-{purpose}"


#: MeSH descriptor ids. MeSH's own IRIs write the descriptors of the old series with six
#: digits (http://id.nlm.nih.gov/mesh/D066309 is the highest seen) and the new series with
#: nine (D000068098 is the lowest seen); ClinicalTrials.gov pads old ids to nine digits
#: (D000012509 is MeSH D012509). Ids between the two seen bounds are ambiguous and get no IRI.
_MESH_OLD_MAX, _MESH_NEW_MIN = 66309, 68098
_MESH_OLD, _MESH_NEW = re.compile(r"D\d{6}"), re.compile(r"D\d{9}")


@lru_cache(maxsize=1 << 12)  # a study names each descriptor twice (its link and its label), the registry a few thousand
def mesh_descriptor(identifier: str) -> str | None:
    """The MeSH IRI of a descriptor id as a registry gives it, or None when it cannot be told.

    >>> mesh_descriptor("D008545"), mesh_descriptor("D000012509"), mesh_descriptor("D000069347")
    ('http://id.nlm.nih.gov/mesh/D008545', 'http://id.nlm.nih.gov/mesh/D012509', 'http://id.nlm.nih.gov/mesh/D000069347')
    >>> mesh_descriptor("D000067000") is None, mesh_descriptor("C000712049") is None
    (True, True)
    """
    if _MESH_OLD.fullmatch(identifier):
        return f"http://id.nlm.nih.gov/mesh/{identifier}"
    if _MESH_NEW.fullmatch(identifier):
        number = int(identifier[1:])
        if number <= _MESH_OLD_MAX:
            return f"http://id.nlm.nih.gov/mesh/D{number:06d}"
        if number >= _MESH_NEW_MIN:
            return f"http://id.nlm.nih.gov/mesh/{identifier}"
    return None
