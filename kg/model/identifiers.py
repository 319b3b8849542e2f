"""Trial identifiers: which register issued a number, and which number keys a trial.

The key rule is the contract's (shared/spec/queries.md, "The trial key"): a trial's
key is its NCT number when it has one, else its number in another register, else its
EudraCT / EU CT number, else a sponsor's own study id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.model.records import Identifier

__all__ = ["REGISTRY_PATTERNS", "scheme_of", "find_registry_ids", "listed_identifiers", "trial_key",
           "is_registry_scheme"]

#: Register numbers by scheme token, most specific first (an EU CT number would also
#: match a looser EudraCT pattern). Registers without a token of their own in the
#: contract are OTHER.
REGISTRY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("NCT", re.compile(r"(?<![a-z0-9])NCT\d{8}\b")),  # glued after a label: "Trial IDNCT06152809"
    ("EUCT", re.compile(r"\b20\d{2}-5\d{5}-\d{2}-\d{2}\b")),
    ("EUDRACT", re.compile(r"\b(?:19|20)\d{2}-\d{6}-\d{2}\b")),
    ("OMON", re.compile(r"\bNL-OMON\d+\b")),
    ("CHICTR", re.compile(r"\bChiCTR(?:-[A-Z]{2,5}-)?\d{8,10}\b")),
    ("ISRCTN", re.compile(r"\bISRCTN\d{8}\b")),
    ("OTHER", re.compile(
        r"\b(?:NTR\d{3,5}|NL\d{4,5}|ACTRN\d{14}p?|DRKS\d{8}|JPRN-[A-Za-z]+\d+|CTRI/\d{4}/\d{2,3}/\d{6}"
        r"|IRCT\d{8,}N\d+|KCT\d{7}|ChiMCTR\d+|RBR-\w+|PACTR\d{15}|SLCTR/\d{4}/\d{3}|TCTR\d{11}"
        r"|jRCT[a-z]?\d{9,10}|UMIN\d{9})\b")),
]

#: Schemes in the order the key rule prefers them; ORG ids come last.
_KEY_PREFERENCE = ("NCT", "OMON", "CHICTR", "ISRCTN", "OTHER", "EUDRACT", "EUCT", "ORG")


def scheme_of(value: str) -> str | None:
    """The register that issued ``value``, or None when it is no register's number.

    >>> scheme_of("NCT05272293"), scheme_of("2019-001929-27"), scheme_of("NL-OMON26066")
    ('NCT', 'EUDRACT', 'OMON')
    >>> scheme_of("2023-503645-21-00"), scheme_of("ChiCTR2000029039"), scheme_of("HEMAML42")
    ('EUCT', 'CHICTR', None)
    """
    for scheme, pattern in REGISTRY_PATTERNS:
        match = pattern.fullmatch(value.strip())
        if match:
            return scheme
    return None


def is_registry_scheme(scheme: str) -> bool:
    """Register numbers identify a trial across documents; sponsor ids do not on their own."""
    return scheme not in ("ORG",)


def find_registry_ids(text: str) -> list[Identifier]:
    """Every register number written anywhere in ``text``, in order, without repeats.

    >>> [i.value for i in find_registry_ids("see NCT00003148 and EudraCT 2019-001929-27, NCT00003148")]
    ['NCT00003148', '2019-001929-27']
    """
    found: dict[str, tuple[int, Identifier]] = {}
    taken: list[tuple[int, int]] = []
    for scheme, pattern in REGISTRY_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            taken.append(span)
            found.setdefault(match.group(0), (span[0], Identifier(match.group(0), scheme)))
    return [identifier for _, identifier in sorted(found.values(), key=lambda item: item[0])]


def listed_identifiers(values: Iterable[str], unknown: str = "ORG") -> list[Identifier]:
    """The identifiers of a page's identifier list: register numbers wherever a line holds
    one ("2019-001929-27 (EudraCT Number)"); any other line is of scheme ``unknown`` (the
    sponsor's own id in an identifier list, a register we do not know in a registration field).

    >>> [(i.value, i.scheme) for i in listed_identifiers(["NCT05333705", "XJYFY-2020N8"])]
    [('NCT05333705', 'NCT'), ('XJYFY-2020N8', 'ORG')]
    >>> [(i.value, i.scheme) for i in listed_identifiers(["NCI-2019-05150 (Registry Identifier)"])]
    [('NCI-2019-05150', 'OTHER')]
    """
    identifiers: list[Identifier] = []
    for value in values:
        found = find_registry_ids(value)
        if not found:
            # "NCI-2019-05150 (Registry Identifier)": a register we have no pattern for.
            named, _, label = value.partition(" (")
            scheme = "OTHER" if "registry" in label.lower() else unknown
            found = [Identifier(named.strip(), scheme)]
        identifiers += found
    return identifiers


def trial_key(identifiers: Iterable[Identifier]) -> str | None:
    """The key of a trial known by these identifiers (the contract's rule).

    >>> trial_key([Identifier("2019-001929-27", "EUDRACT"), Identifier("HEMAML42", "ORG")])
    '2019-001929-27'
    >>> trial_key([Identifier("XJYFY-2020N8", "ORG"), Identifier("NCT05333705", "NCT")])
    'NCT05333705'
    """
    ranked = sorted(
        (_KEY_PREFERENCE.index(i.scheme), position, i.value)
        for position, i in enumerate(identifiers)
        if i.scheme in _KEY_PREFERENCE
    )
    return ranked[0][2] if ranked else None
