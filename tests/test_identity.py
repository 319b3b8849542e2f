"""Which documents are one trial, and the key it goes by: register numbers join documents,
two numbers of one register never do, grant numbers neither key nor join, a document's own
registry's number keys its trial before a EudraCT number, and the lines of a contact block
are no identifiers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from kg.build.identity import TrialIdentity
from kg.build.streaming import build
from kg.model.identifiers import REGISTRY_SITES, is_grant_number, listed_identifiers, register_of, source_registry, trial_key
from kg.model.records import Identifier, Organization, SourceDocument
from kg.read import read_path

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "tests" / "data" / "ctgov-json"
PAGES = ROOT / "tests" / "data" / "pages"
CTK = rdflib.Namespace("https://w3id.org/celltherapy-kg/ontology#")


def _study(nct: str) -> dict:
    """A real registry record (a EudraCT number and the sponsor's own id) under another NCT number."""
    study = json.loads((RECORDS / "NCT04431453.json").read_text(encoding="utf-8"))
    study["protocolSection"]["identificationModule"]["nctId"] = nct
    return study


def test_two_registry_records_that_differ_only_in_their_nct_number_are_two_trials(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_study("NCT04431453")), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(_study("NCT09999999")), encoding="utf-8")
    report = build([tmp_path], tmp_path / "graph.ttl")
    assert report.trials == {"NCT04431453", "NCT09999999"}
    graph = rdflib.Graph().parse(tmp_path / "graph.ttl")
    for key in report.trials:
        trial = rdflib.URIRef(f"https://w3id.org/celltherapy-kg/id/trial/{key}")
        values = {str(v) for v in graph.objects(trial, CTK.hasIdentifier / CTK.identifierValue)}
        assert values == {key, "2020-001803-17", "GS-US-540-5823"}


def test_a_document_known_only_by_a_shared_number_joins_one_trial_whatever_the_order(tmp_path):
    """Two NCT records share a EudraCT number; a third document gives only that number. It joins
    one of the two (not both into one), the same one in any order.
    """
    eu_only = _study("NCT04431453")
    del eu_only["protocolSection"]["identificationModule"]["nctId"]
    paths = []
    for name, study in (("a", _study("NCT04431453")), ("b", _study("NCT09999999")), ("c", eu_only)):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(study), encoding="utf-8")
    outputs = []
    for order, inputs in enumerate([paths, paths[::-1]]):
        report = build(inputs, tmp_path / f"graph{order}.nt", format="ntriples")
        assert report.trials == {"NCT04431453", "NCT09999999"}
        outputs.append((tmp_path / f"graph{order}.nt").read_bytes())
    assert outputs[0] == outputs[1]


def test_documents_sharing_a_number_still_join_when_one_lists_two_numbers_of_a_register():
    identity = TrialIdentity()
    both = identity.add([Identifier("NCT01234567", "NCT"), Identifier("NCT07654321", "NCT")], rank=("", 0, "a"))
    one = identity.add([Identifier("NCT07654321", "NCT")], rank=("", 0, "b"))
    other = identity.add([Identifier("NCT05555555", "NCT"), Identifier("2019-001929-27", "EUDRACT")], rank=("", 0, "c"))
    assert identity.key(both) == identity.key(one) == "NCT01234567"
    assert identity.key(other) == "NCT05555555"


def test_sponsor_ids_join_with_the_sponsor_but_never_two_nct_numbers():
    sponsor = [Organization("Gilead Sciences", "LEAD")]
    identity = TrialIdentity()
    first = identity.add([Identifier("NCT04431453", "NCT"), Identifier("GS-US-540-5823", "ORG")], sponsor, ("", 1, "a"))
    second = identity.add([Identifier("NCT09999999", "NCT"), Identifier("GS-US-540-5823", "ORG")], sponsor, ("", 1, "b"))
    page = identity.add([Identifier("GS-US-540-5823", "ORG")], sponsor, ("", 0, "c"))
    assert identity.key(first) == "NCT04431453" and identity.key(second) == "NCT09999999"
    assert identity.key(page) in {"NCT04431453", "NCT09999999"}


# ---------------------------------------------------------------------------
# The registry a document comes from
# ---------------------------------------------------------------------------

DATA = ROOT / "tests" / "data"
#: www.hra.nhs.uk's research summary of ASPIRE: "Eudract number" / "2011-001788-36", "ISRCTN Number" /
#: "ISRCTN22322271", no NCT number. The HRA is no registry.
HRA_PAGE = DATA / "therapy-holdout9" / "pages" / "hra.nhs.uk" / "2011-001788-36-aspire-adenovirus-specific-t-cells-paediatric-hsct.txt"
#: The ISRCTN registry's record of TANK (# source: https://www.isrctn.com/ISRCTN11950134): "ISRCTN ISRCTN11950134",
#: "Clinical Trials Information System (CTIS) 2005-006087-62".
ISRCTN_PAGE = DATA / "therapy-holdout" / "pages" / "isrctn.com" / "ISRCTN11950134-tank-aml.txt"
#: The EU Clinical Trials Register's results page of 2011-003181-32 ("EudraCT number" / "2011-003181-32").
EU_PAGE = PAGES / "clinicaltrialsregister.eu" / "2011-003181-32-results.txt"


def _built(tmp_path, *pages: Path) -> set[str]:
    for index, page in enumerate(pages):
        (tmp_path / f"{index}-{page.name}").write_bytes(page.read_bytes())
    return build([tmp_path], tmp_path / "graph.nt", format="ntriples").trials


def test_a_page_of_no_registry_is_keyed_by_its_eudract_number_not_another_registers(tmp_path):
    [record] = read_path(HRA_PAGE)
    assert [(i.value, i.scheme) for i in record.identifiers] == [("2011-001788-36", "EUDRACT"), ("ISRCTN22322271", "ISRCTN")]
    assert source_registry(record) is None
    assert _built(tmp_path, HRA_PAGE) == {"2011-001788-36"}


def test_a_registry_page_is_keyed_by_its_registrys_number_before_a_eudract_number_it_lists(tmp_path):
    [record] = read_path(ISRCTN_PAGE)
    assert {(i.value, i.scheme) for i in record.identifiers} >= {("ISRCTN11950134", "ISRCTN"), ("2005-006087-62", "EUDRACT")}
    assert source_registry(record) == "ISRCTN"
    assert _built(tmp_path, ISRCTN_PAGE) == {"ISRCTN11950134"}


def test_an_eu_register_page_is_keyed_by_an_nct_number_it_lists_else_by_its_eudract_number():
    """The EU register's pages list a trial's other numbers ("ISRCTN number", "US NCT number"); the NCT number
    keys the trial, an ISRCTN number never does (the page is the EU register's, not ISRCTN's).
    """
    [record] = read_path(EU_PAGE)
    assert source_registry(record) == "EUDRACT"
    eudract, isrctn, nct = Identifier("2011-003181-32", "EUDRACT"), Identifier("ISRCTN12345678", "ISRCTN"), \
        Identifier("NCT01234567", "NCT")
    assert trial_key([eudract, isrctn], ["EUDRACT"]) == "2011-003181-32"
    assert trial_key([eudract, isrctn, nct], ["EUDRACT"]) == "NCT01234567"


def test_registry_json_comes_from_clinicaltrials_gov_and_keeps_its_nct_key(tmp_path):
    """NCT04431453 lists its EudraCT number 2020-001803-17 among its secondary ids."""
    [record] = read_path(RECORDS / "NCT04431453.json")
    assert source_registry(record) == "NCT"
    assert trial_key(record.identifiers, [source_registry(record)]) == "NCT04431453"


def test_a_mirror_of_a_registrys_record_comes_from_the_registry_of_its_registration_number():
    """MedPath's "Registration Number" NL-OMON26066 (the contract's own example of a key)."""
    [record] = read_path(ROOT / "tests" / "data" / "seeds" / "002_8d5448df4b0db5fc.txt")
    assert (record.source.layout, source_registry(record)) == ("medpath", "OMON")


@pytest.mark.parametrize("order", [0, 1])
def test_documents_of_a_registry_and_of_none_are_keyed_by_the_registrys_number_whatever_the_order(order):
    """The HRA's summary (no registry) and the ISRCTN registry's record of one trial share its EudraCT number."""
    eudract, isrctn = Identifier("2011-001788-36", "EUDRACT"), Identifier("ISRCTN22322271", "ISRCTN")
    documents = [([eudract, isrctn], None, "hra"), ([isrctn, eudract], "ISRCTN", "isrctn")]
    identity = TrialIdentity()
    handles = [identity.add(ids, rank=("", 0, name), registry=registry) for ids, registry, name in documents[::1 - 2 * order]]
    assert {identity.key(handle) for handle in handles} == {"ISRCTN22322271"}


@pytest.mark.parametrize("order", [0, 1])
def test_documents_of_two_registries_are_keyed_by_the_first_registry_of_the_key_rules_order(order):
    """An ISRCTN record and an ANZCTR record of one trial, joined by its EudraCT number and neither giving an NCT
    number: each registry's number would key its own page; the trial takes ISRCTN's, in any order.
    """
    eudract = Identifier("2011-001788-36", "EUDRACT")
    documents = [([eudract, Identifier("ISRCTN22322271", "ISRCTN")], "ISRCTN", "a"),
                 ([eudract, Identifier("ACTRN12610000068066", "OTHER")], "ACTRN", "b")]
    identity = TrialIdentity()
    handles = [identity.add(ids, rank=("", 0, name), registry=registry) for ids, registry, name in documents[::1 - 2 * order]]
    assert {identity.key(handle) for handle in handles} == {"ISRCTN22322271"}


#: A number of each registry whose site :data:`REGISTRY_SITES` knows.
_SITE_NUMBERS = {"NCT": "NCT05272293", "EUDRACT": "2019-001929-27", "EUCT": "2023-503645-21-00", "OMON": "NL-OMON26066",
                 "CHICTR": "ChiCTR2000029039", "ISRCTN": "ISRCTN11950134", "ACTRN": "ACTRN12614000812695",
                 "DRKS": "DRKS00012345", "CTRI": "CTRI/2018/09/015785", "JRCT": "jRCT2053210009",
                 "UMIN": "UMIN000040503", "IRCT": "IRCT20200205046384N1", "KCT": "KCT0001234",
                 "RBR": "RBR-7x5m2c", "PACTR": "PACTR202001123456789", "SLCTR": "SLCTR/2019/012", "TCTR": "TCTR20200101001",
                 "ITMCTR": "ITMCTR2100005248"}


@pytest.mark.parametrize("registry", sorted(set(REGISTRY_SITES.values())))
def test_each_registry_site_names_its_register_as_register_of_does(registry):
    number = _SITE_NUMBERS[registry]
    assert register_of(Identifier(number, "OTHER")) == registry


# ---------------------------------------------------------------------------
# Grant numbers
# ---------------------------------------------------------------------------

def test_an_nih_grant_among_secondary_ids_never_keys_a_trial_over_the_sponsors_own_id():
    """NCT00763412 lists its org study id "05-1109" and the secondary id P60DK020579 of type NIH;
    without the NCT number the trial goes by the sponsor's id, never the grant.
    """
    study = json.loads((RECORDS / "NCT00763412.json").read_text(encoding="utf-8"))
    secondary = study["protocolSection"]["identificationModule"]["secondaryIdInfos"]
    assert secondary == [{"id": "P60DK020579", "type": "NIH", "link": secondary[0]["link"]}]
    identifiers = [Identifier("P60DK020579", "OTHER"), Identifier("05-1109", "ORG")]
    assert trial_key(identifiers) == "05-1109"
    assert trial_key([Identifier("P60DK020579", "OTHER")]) is None


@pytest.mark.parametrize("value", ["P60DK020579", "1R18HL095481-01A1", "U19CA021239-37", "R01DC011020", "U10CA180868",
                                   "P30 CA016672", "HHSN261200800001E"])
def test_grant_numbers_of_real_records_are_told_apart(value):
    assert is_grant_number(value)


@pytest.mark.parametrize("value", ["NRG-GY032", "GS-US-540-5823", "R668-AD-1314", "APHP230528", "2023-A00386-39",
                                   "NCI-2023-09355", "NCT06388018", "2020-001803-17", "15-9431.10"])
def test_study_ids_and_register_numbers_are_no_grants(value):
    assert not is_grant_number(value)


def test_a_shared_grant_number_joins_no_documents():
    funder = [Organization("National Cancer Institute (NCI)", "LEAD")]
    identity = TrialIdentity()
    first = identity.add([Identifier("U10CA180868", "OTHER"), Identifier("NRG-GY032", "ORG")], funder, ("", 0, "a"))
    second = identity.add([Identifier("U10CA180868", "OTHER"), Identifier("NRG-GY018", "ORG")], funder, ("", 0, "b"))
    assert identity.key(first) == "NRG-GY032" and identity.key(second) == "NRG-GY018"


# ---------------------------------------------------------------------------
# Identifier lists on pages
# ---------------------------------------------------------------------------

def test_the_contact_block_after_ctris_secondary_ids_is_no_identifier():
    """CTRI prints "Secondary IDs if Any" (here NIL) straight before the investigator's name,
    address, phone, fax and e-mail.
    """
    lines = ["Identifier", "NIL", "NIL",
             "Details of Principal Investigator or overall Trial Coordinator (multi-center study)", "Name",
             "Dr. Jamal A. Khan", "Designation", "Affiliation", "Address", "J-3, Sector 41 Not Applicable N/A 201303 India",
             "Phone", "01202500111", "Fax", "01204317902", "Email", "jamal@dendriticcellresearch.com"]
    assert listed_identifiers(lines) == []
    [record] = read_path(PAGES / "ctri.nic.in" / "CTRI-2010-091-000234.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("CTRI/2010/091/000234", "OTHER")]


def test_isrctns_dates_after_the_secondary_number_are_no_identifiers():
    """ISRCTN: "Secondary identifying numbers | 6499 |" then "- Submission date", "- 30/06/2010"."""
    assert [i.value for i in listed_identifiers(["6499", "- Submission date", "- 30/06/2010"])] == ["6499"]
    [record] = read_path(PAGES / "isrctn.com" / "ISRCTN65902492-MFEz.txt")
    assert [i.value for i in record.identifiers if i.scheme == "OTHER"] == ["6499"]  # a secondary id: OTHER


@pytest.mark.parametrize("line", ["Nil Known", "Nil", "NIL", "Not applicable"])
def test_placeholders_of_an_empty_id_field_are_no_identifiers(line):
    """ANZCTR: "Secondary ID [1] ... Nil Known"."""
    assert listed_identifiers([line]) == []


@pytest.mark.parametrize("line", ["CTN 2012/0174", "2011/128", "GCP#05.01.020", "NKCell_LMA_2015", "BIOSS", "XJYFY-2020N8"])
def test_sponsor_ids_of_real_pages_stay(line):
    assert [i.value for i in listed_identifiers([line])] == [line]


# ---------------------------------------------------------------------------
# Pages that label their own register number
# ---------------------------------------------------------------------------

def test_a_page_labelling_its_own_nct_number_is_read():
    """Ignite's description module: "NCT ID: NCT05333705" and two prose labels; it was refused."""
    [record] = read_path(PAGES / "ignite-sd.com" / "descriptionmodule-125144-NCT05333705.txt")
    assert [(i.value, i.scheme) for i in record.identifiers] == [("NCT05333705", "NCT")]


@pytest.mark.parametrize("line", ["NCT Number: NCT05333705", "ClinicalTrials.gov Identifier: NCT05333705",
                                  "Trial ID NCT05333705", "NCT ID NCT05333705"])
def test_a_labelled_nct_number_makes_a_trial_page(line):
    from kg.read.layouts import generic
    text = f"Donor NK Cell Infusion for Acute Myeloid Leukemia\n{line}\nBrief Summary: NK cells will be infused.\n"
    assert generic.claims(text)
    assert [i.value for i in generic.read(text, SourceDocument("page.txt", "0" * 64, "generic")).identifiers] == ["NCT05333705"]


def test_a_column_of_nct_numbers_under_one_label_makes_no_trial_page():
    from kg.read.layouts import generic
    text = "Table 5 NK cell trials\nNCT Number\nNCT04347616\nNCT04220684\nNCT03955848\n"
    assert not generic.claims(text)


def test_a_who_style_eu_register_number_keys_the_trial_by_its_eudract_number():
    """MedPath copies the WHO registry platform's number of an EU register record, "EUCTR" + the EudraCT
    number + the member state; the trial is the EudraCT number's, as the EU register's own pages give it.
    """
    page = ROOT / "tests" / "data" / "therapy-holdout2" / "pages" / "trial.medpath.com" / \
        "EUCTR2013-001071-20-GB-til-hd-vs-ld-il2-melanoma.txt"
    [record] = read_path(page)
    assert ("2013-001071-20", "EUDRACT") in [(i.value, i.scheme) for i in record.identifiers]
    assert trial_key(record.identifiers) == "2013-001071-20"
