"""Trial identifiers: which register issued a number, which register a document comes from,
and which number keys a trial.

The key rule is the contract's (shared/spec/queries.md, "The trial key"): a trial's
key is its NCT number when any document gives one, else the registration number of the
registry the document comes from (an ISRCTN page's ISRCTN number, a MedPath page's
"Registration Number" NL-OMON26066), else its EudraCT / EU CT number, else a sponsor's own
study id. A page that is no registry's (an HRA research summary stating a EudraCT and an
ISRCTN number) comes from no registry: its EudraCT number keys it. Another register's number
on such a page keys only where it has none of those (after EudraCT, before the sponsor's id).
A grant or award number (an NIH grant listed among a study's secondary ids) is kept as an
identifier of scheme OTHER but neither keys nor joins trials; two different numbers of one
register are two trials.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from kg.model.records import Identifier, TrialRecord
from kg.model.text import fold

__all__ = ["REGISTRY_PATTERNS", "scheme_of", "register_of", "is_grant_number", "find_registry_ids",
           "listed_identifiers", "is_listed_identifier", "trial_key", "is_registry_scheme", "REGISTRY_SITES",
           "source_registry"]

#: Register numbers by scheme token, most specific first (an EU CT number would also
#: match a looser EudraCT pattern). Registers without a token of their own in the
#: contract are OTHER.
#: A jRCT number ("jRCTb030190134", "jRCT2031210001"), also read inside file names by the jRCT pages' reader.
JRCT_NUMBER = r"jRCT[a-z]?\d{9,10}"
REGISTRY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # glued after a label, "Trial IDNCT06152809", or after a status, "UnknownNCT03289988" (trials.starfile.org, the
    # record's status run into its number); or before the next words, "Phase 3 · NCT03651128BMS / 2seventy bio"
    # (kolpulse.com, the sponsors' names run on)
    ("NCT", re.compile(r"(?<!\d)NCT\d{8}(?!\d)")),
    ("EUCT", re.compile(r"\b20\d{2}-5\d{5}-\d{2}-\d{2}\b")),
    # The WHO registry platform and the pages that copy it (MedPath's "Registration Number") write an EU
    # register record as EUCTR + its EudraCT number + the member state: "EUCTR2013-001071-20-GB".
    ("EUDRACT", re.compile(r"(?:(?<=EUCTR)|\b)(?:19|20)\d{2}-\d{6}-\d{2}\b")),
    ("OMON", re.compile(r"\bNL-OMON\d+\b")),
    ("CHICTR", re.compile(r"\bChiCTR(?:-[A-Z]{2,5}-)?\d{8,10}\b")),
    ("ISRCTN", re.compile(r"\bISRCTN\d{8}\b")),
    ("OTHER", re.compile(
        r"\b(?:NTR\d{3,5}|NL\d{4,5}|ACTRN\d{14}p?|DRKS\d{8}|JPRN-[A-Za-z]+\d+|CTRI/\d{4}/\d{2,3}/\d{6}"
        r"|IRCT\d{8,}N\d+|KCT\d{7}|ChiMCTR\d+|RBR-\w+|PACTR\d{15}|SLCTR/\d{4}/\d{3}|TCTR\d{11}"
        # the International Traditional Medicine Clinical Trial Registry's "ITMCTR2100005248" (itmctr.ccebtcm.org.cn)
        r"|ITMCTR\d{10}"
        # the French national cancer institute's register of cancer trials (INCa, "registre des essais cliniques"), as
        # kusajili.com reprints its records: "Référence : RECF0244"
        r"|RECF\d{4}"
        rf"|{JRCT_NUMBER}|UMIN\d{{9}})\b")),
]

#: Schemes in the order the key rule prefers them, after the NCT number and the number of the
#: registry a document comes from (which come first, in this order among themselves where a
#: trial's documents come from several registries). OTHER ranks as a register number only when
#: it is one (a pattern above); any other OTHER id (a number a page lists without saying what it
#: is) comes after the sponsor's own id, and grant numbers never key.
_KEY_PREFERENCE = ("NCT", "EUDRACT", "EUCT", "OMON", "CHICTR", "ISRCTN", "OTHER", "ORG", "UNKNOWN")

#: The sites of registries, by host (a saved page's "# source: URL" line; a host ending in
#: ".site" is the site's too: www., upload., dev.), and the register whose numbers each issues,
#: as :func:`register_of` names it.
REGISTRY_SITES = {
    "clinicaltrials.gov": "NCT", "clinicaltrialsregister.eu": "EUDRACT", "euclinicaltrials.eu": "EUCT",
    "onderzoekmetmensen.nl": "OMON", "chictr.org.cn": "CHICTR", "isrctn.com": "ISRCTN", "anzctr.org.au": "ACTRN",
    "drks.de": "DRKS", "ctri.nic.in": "CTRI", "jrct.niph.go.jp": "JRCT", "jrct.mhlw.go.jp": "JRCT",
    "umin.ac.jp": "UMIN", "irct.ir": "IRCT", "irct.behdasht.gov.ir": "IRCT", "cris.nih.go.kr": "KCT",
    "ensaiosclinicos.gov.br": "RBR", "pactr.samrc.ac.za": "PACTR", "slctr.lk": "SLCTR",
    "thaiclinicaltrials.org": "TCTR", "itmctr.ccebtcm.org.cn": "ITMCTR",
}
#: Layouts of one registry's own pages, whatever their address.
_REGISTRY_LAYOUTS = {"ctgov_api_v2": "NCT", "ctgov_classic": "NCT", "ctgov_mirror": "NCT", "eu_ctr": "EUDRACT",
                     "jrct": "JRCT"}
#: Layouts that show one registry's record under its registration number, listed first (MedPath's
#: "Registration Number", ICTRP's "Main ID:", ClinicalTrials.Veeva's identifiers): the document
#: comes from the registry that issued that number.
_RECORD_MIRRORS = frozenset({"medpath", "medpath_bullets", "who_ictrp", "veeva"})


#: Grant and contract numbers of US federal funders, as ClinicalTrials.gov lists them among
#: secondary ids ("P60DK020579", "1R18HL095481-01A1", "U19CA021239-37", "P30 CA016672",
#: "HHSN261200800001E"): type + activity code, institute, serial number, year and suffix.
_GRANT = re.compile(r"(?:[1-9]\s?)?[A-Z][A-Z0-9]{2}[\s-]?[A-Z]{2}[\s-]?\d{5,6}(?:-\d{2}[A-Z0-9]*)?"
                    r"|HHSN\d{9}[A-Z0-9]*|N0[12]-?[A-Z]{2}-?\d{5}(?:-\d+)?")


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


def register_of(identifier: Identifier) -> str | None:
    """The register that issued an identifier, as two numbers of one register are told apart
    by: the scheme of a register with a token of its own, the register's prefix for the
    others (ACTRN, DRKS, UMIN ...), None for a sponsor's id, a grant or a number of no
    register we know.

    >>> register_of(Identifier("NCT05272293", "NCT")), register_of(Identifier("ACTRN12610000068066", "OTHER"))
    ('NCT', 'ACTRN')
    >>> register_of(Identifier("HEMAML42", "ORG")), register_of(Identifier("P60DK020579", "OTHER"))
    (None, None)
    """
    if identifier.scheme == "ORG":
        return None
    scheme = scheme_of(identifier.value)
    if scheme is None:
        return None
    if scheme != "OTHER":
        return scheme
    prefix = re.match(r"[A-Za-z]+", identifier.value)
    return prefix.group(0).upper() if prefix else None


def is_grant_number(value: str) -> bool:
    """A US federal grant or contract number (NIH, FDA, ...), which identifies funding, not a trial.

    >>> is_grant_number("P60DK020579"), is_grant_number("1R18HL095481-01A1"), is_grant_number("U10CA180868")
    (True, True, True)
    >>> is_grant_number("NRG-GY032"), is_grant_number("GS-US-540-5823"), is_grant_number("NCT05272293")
    (False, False, False)
    """
    value = value.strip()
    return scheme_of(value) is None and _GRANT.fullmatch(value) is not None


def is_registry_scheme(scheme: str) -> bool:
    """Register numbers identify a trial across documents; sponsor ids do not on their own."""
    return scheme not in ("ORG",)


def find_registry_ids(text: str) -> list[Identifier]:
    """Every register number written anywhere in ``text``, in order, without repeats.

    >>> [i.value for i in find_registry_ids("see NCT00003148 and EudraCT 2019-001929-27, NCT00003148")]
    ['NCT00003148', '2019-001929-27']
    >>> [(i.value, i.scheme) for i in find_registry_ids("Registration Number EUCTR2013-001071-20-GB")]
    [('2013-001071-20', 'EUDRACT')]
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
    one ("2019-001929-27 (EudraCT Number)"); any other line that reads as an identifier is of
    scheme ``unknown`` (the sponsor's own id in an identifier list, a register we do not know
    in a registration field). The list ends where a contact block begins (a "Name", "Phone",
    "Email" or "Address" label, "Details of Principal Investigator ..."): pages run the two
    together when the identifier field is the last before the contacts.

    >>> [(i.value, i.scheme) for i in listed_identifiers(["NCT05333705", "XJYFY-2020N8"])]
    [('NCT05333705', 'NCT'), ('XJYFY-2020N8', 'ORG')]
    >>> [(i.value, i.scheme) for i in listed_identifiers(["NCI-2019-05150 (Registry Identifier)"])]
    [('NCI-2019-05150', 'OTHER')]
    >>> [i.value for i in listed_identifiers(["6499", "- Submission date", "- 30/06/2010"])]
    ['6499']
    """
    identifiers: list[Identifier] = []
    seen: set[Identifier] = set()
    for value in values:
        found = find_registry_ids(value)
        if not found:
            if _CONTACT_LABEL.match(fold(value)):
                break
            # "NCI-2019-05150 (Registry Identifier)": a register we have no pattern for.
            named, _, label = value.partition(" (")
            kind = _kind_column(value)
            if kind:
                named, label = kind
            if not is_listed_identifier(named):
                continue
            scheme = "OTHER" if "registry" in label.lower() else "ORG" if label == "protocol number" else unknown
            found = [Identifier(fold(named), scheme)]
        identifiers += [i for i in found if i not in seen]
        seen.update(found)
    return identifiers


def _kind_column(value: str) -> tuple[str, str] | None:
    """A row of CTRI's secondary-id table, its id and its kind in two cells two spaces apart ("Secondary ID  Registry" /
    "CSCC/BMAP/2011/01  Protocol Number", ctri.nic.in CTRI/2013/10/004099): the id and its kind, the sponsor's protocol
    number. One space apart the words are the value's own ("Protocol Number 12").

    >>> _kind_column("CSCC/BMAP/2011/01  Protocol Number "), _kind_column("CSCC/BMAP/2011/01 Protocol Number")
    (('CSCC/BMAP/2011/01', 'protocol number'), None)
    """
    head, gap, kind = value.rstrip().rpartition("  ")
    if gap and head.strip() and kind.strip().lower() == "protocol number":
        return head.strip(), "protocol number"
    return None


#: Labels that open a contact block (CTRI: "Details of Principal Investigator or overall Trial
#: Coordinator (multi-center study)", then "Name", "Designation", "Affiliation", "Address", "Phone",
#: "Fax", "Email").
_CONTACT_LABEL = re.compile(r"(?i)(?:details of (?:principal investigator|contact person)|contact (?:person|details|"
                            r"information|name)|(?:name|designation|affiliation|address|phone|telephone|tel|fax|e-?mail)"
                            r"\s*:?\s*$)")
#: What a line of an identifier list holds that no identifier does.
_EMAIL_OR_URL = re.compile(r"(?i)\S@\S|https?://|www\.")
_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}")
_PHONE = re.compile(r"(?:\+|\(?0)[\d\s().-]{8,}")
_NO_VALUE = {"nil", "nil known", "none", "n/a", "na", "not applicable", "not available", "not specified", "-"}


def is_listed_identifier(value: str) -> bool:
    """Whether a line of an identifier list reads as an identifier: not an e-mail address, a web
    address, a date, a phone number or a placeholder ("Nil Known"); with a digit, or a single
    code in capitals ("BIOSS"); and not a line of words (an address, a name, a label).

    >>> [is_listed_identifier(v) for v in ["CTN 2012/0174", "2011/128", "BIOSS", "GET73 ¹H-MRS", "NKCell_LMA_2015"]]
    [True, True, True, True, True]
    >>> [is_listed_identifier(v) for v in ["01202500111", "jamal@dendriticcellresearch.com", "Dr. Jamal A. Khan",
    ...                                    "J-3, Sector 41 Not Applicable N/A 201303 India", "Nil Known", "Identifier"]]
    [False, False, False, False, False, False]
    """
    value = fold(value).lstrip("-–•* ").strip()
    if value.lower().rstrip(".") in _NO_VALUE or _EMAIL_OR_URL.search(value):
        return False
    if _DATE.fullmatch(value) or _PHONE.fullmatch(value):
        return False
    words = value.split()
    if not any(c.isdigit() for c in value):
        return len(words) == 1 and re.fullmatch(r"[A-Z][A-Z0-9_./-]{2,}", value) is not None
    # "J-3, Sector 41 Not Applicable N/A 201303 India": more words than an identifier has.
    return len([w for w in words if re.search(r"[a-z]{2}", w)]) < 3 and len(words) <= 5


def source_registry(record: TrialRecord) -> str | None:
    """The registry a record's document comes from, as :func:`register_of` names it: the site of
    its address, else its layout's registry, else (a page showing a registry's record) the
    registry of the number it lists first; None for a page of no registry we know (a research
    summary, a news item, a saved page without its address).

    >>> from kg.model.records import SourceDocument
    >>> page = SourceDocument("p.txt", "", "generic", "https://www.isrctn.com/ISRCTN11950134")
    >>> source_registry(TrialRecord(page, identifiers=[Identifier("ISRCTN11950134", "ISRCTN")]))
    'ISRCTN'
    >>> medpath = SourceDocument("m.txt", "", "medpath")
    >>> source_registry(TrialRecord(medpath, identifiers=[Identifier("NL-OMON26066", "OMON")]))
    'OMON'
    """
    source = record.source
    host = (urlsplit(source.url).hostname or "") if source.url else ""
    for site, registry in REGISTRY_SITES.items():
        if host == site or host.endswith("." + site):
            return registry
    if source.layout in _REGISTRY_LAYOUTS:
        return _REGISTRY_LAYOUTS[source.layout]
    if source.layout in _RECORD_MIRRORS:
        return next(filter(None, map(register_of, record.identifiers)), None)
    return None


def trial_key(identifiers: Iterable[Identifier], registries: Iterable[str | None] = ()) -> str | None:
    """The key of a trial known by these identifiers, whose documents come from ``registries``
    (see :func:`source_registry`; None for a document of no registry): the contract's rule.

    The NCT number; else a number of a registry a document comes from (of several, the first of
    :data:`_KEY_PREFERENCE`); else the EudraCT / EU CT number; else another register's number;
    else the sponsor's id. Ties go to the identifier listed first.

    >>> trial_key([Identifier("2019-001929-27", "EUDRACT"), Identifier("HEMAML42", "ORG")])
    '2019-001929-27'
    >>> trial_key([Identifier("XJYFY-2020N8", "ORG"), Identifier("NCT05333705", "NCT")])
    'NCT05333705'
    >>> trial_key([Identifier("P60DK020579", "OTHER"), Identifier("05-1109", "ORG")])
    '05-1109'
    >>> both = [Identifier("2011-001788-36", "EUDRACT"), Identifier("ISRCTN22322271", "ISRCTN")]
    >>> trial_key(both), trial_key(both, ["ISRCTN"]), trial_key(both, [None])
    ('2011-001788-36', 'ISRCTN22322271', '2011-001788-36')
    """
    sources = set(filter(None, registries))
    ranked = sorted(
        (_key_rank(i, sources), position, i.value)
        for position, i in enumerate(identifiers)
        if i.scheme in _KEY_PREFERENCE and not (i.scheme == "OTHER" and is_grant_number(i.value))
    )
    return ranked[0][2] if ranked else None


def _key_rank(identifier: Identifier, sources: set[str]) -> tuple[int, int]:
    scheme = identifier.scheme
    if scheme == "OTHER" and scheme_of(identifier.value) is None:
        scheme = "UNKNOWN"
    tier = 0 if scheme == "NCT" else 1 if sources and register_of(identifier) in sources else 2
    return tier, _KEY_PREFERENCE.index(scheme)
