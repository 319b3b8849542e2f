"""ClinicalTrials.gov API v2 JSON: every real record builds and conforms, and its facts match
the JSON field by field, whether it comes alone, in an API page, as JSON Lines or zipped.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import TESTS

from kg.build.streaming import build
from kg.errors import DocumentError
from kg.graphs.files import load_graph
from kg.query.catalogue import stored_query
from kg.query.run import run_local
from kg.read import read_bytes, read_path
from kg.read.parse.fields import country_code, parse_age_years
from kg.validation.reference import validate_graph

RECORDS = sorted((TESTS / "data" / "ctgov-json").glob("NCT*.json"))


def study(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["protocolSection"]


@pytest.fixture(scope="module")
def json_graph(tmp_path_factory):
    output = tmp_path_factory.mktemp("json") / "graph.ttl"
    report = build(RECORDS, output)
    assert report.ok, [str(f) for f in report.failures]
    return load_graph([output])


_ANSWERS: dict[tuple[int, str], list[dict[str, str]]] = {}


def rows(graph, query: str, trial_id: str) -> list[dict[str, str]]:
    """A stored query's rows about one trial (each query runs once on the graph)."""
    if (id(graph), query) not in _ANSWERS:
        result = run_local(graph, stored_query(query).bind({}))
        _ANSWERS[id(graph), query] = [dict(zip(result.columns, [v or "" for v in row])) for row in result.rows]
    return [row for row in _ANSWERS[id(graph), query] if row["trial_id"] == trial_id]


def test_the_records_are_there():
    assert len(RECORDS) == 40


def test_every_record_builds_into_a_conforming_graph(json_graph):
    report = validate_graph(json_graph)
    assert report.conforms, "\n".join(map(str, report.violations[:10]))


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_trial_row_matches_the_json(path, json_graph):
    protocol = study(path)
    nct = protocol["identificationModule"]["nctId"]
    [row] = rows(json_graph, "trials", nct)
    design, status, eligibility = protocol["designModule"], protocol["statusModule"], protocol.get("eligibilityModule", {})
    assert row["title"] == " ".join(protocol["identificationModule"]["briefTitle"].split())
    assert set(filter(None, row["phase"].split("|"))) == set(design.get("phases", []))
    assert row["status"] == status["overallStatus"]
    assert row["study_type"] == design["studyType"]
    assert row["enrollment"] == str(design.get("enrollmentInfo", {}).get("count", ""))
    assert row["start_date"] == status.get("startDateStruct", {}).get("date", "")
    assert row["completion_date"] == status.get("completionDateStruct", {}).get("date", "")
    assert row["sex"] == eligibility.get("sex", "")
    for column, field in (("min_age_years", "minimumAge"), ("max_age_years", "maximumAge")):
        expected = parse_age_years(eligibility.get(field))
        assert (float(row[column]) if row[column] else None) == expected
    info = design.get("designInfo", {})
    assert row["allocation"] == info.get("allocation", "")
    assert row["masking"] == info.get("maskingInfo", {}).get("masking", "")


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_arms_interventions_outcomes_sites_and_identifiers_match_the_json(path, json_graph):
    protocol = study(path)
    nct = protocol["identificationModule"]["nctId"]
    arms_module = protocol.get("armsInterventionsModule", {})
    fold = lambda text: " ".join(text.split())  # noqa: E731

    arms = {(r["arm"], r["arm_type"]) for r in rows(json_graph, "arms", nct)}
    assert arms == {(fold(a["label"]), a.get("type", "")) for a in arms_module.get("armGroups", [])}

    interventions = {(r["intervention"], r["intervention_type"]) for r in rows(json_graph, "interventions", nct)}
    assert interventions >= {(fold(i["name"]), i.get("type", "")) for i in arms_module.get("interventions", [])}

    outcomes = {(r["kind"], r["measure"], r["time_frame"]) for r in rows(json_graph, "outcomes", nct)}
    expected = {(kind, fold(o["measure"]), fold(o.get("timeFrame", "")))
                for kind, key in (("PRIMARY", "primaryOutcomes"), ("SECONDARY", "secondaryOutcomes"),
                                  ("OTHER", "otherOutcomes"))
                for o in protocol.get("outcomesModule", {}).get(key, [])}
    assert outcomes == expected

    sites = {(r["site"], r["city"], r["country"]) for r in rows(json_graph, "sites", nct)}
    locations = protocol.get("contactsLocationsModule", {}).get("locations", [])
    assert sites == {(fold(loc["facility"]), loc.get("city", ""), country_code(loc.get("country")) or "")
                     for loc in locations if loc.get("facility")}

    identifiers = {r["identifier"] for r in rows(json_graph, "identifiers", nct)}
    identification = protocol["identificationModule"]
    expected_ids = {nct} | {fold(s["id"]) for s in identification.get("secondaryIdInfos", [])}
    if identification.get("orgStudyIdInfo", {}).get("id"):
        expected_ids.add(fold(identification["orgStudyIdInfo"]["id"]))
    assert identifiers == expected_ids


def test_an_api_page_json_lines_and_a_zip_give_the_same_studies(tmp_path):
    studies = [json.loads(p.read_text(encoding="utf-8")) for p in RECORDS[:5]]
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": studies, "nextPageToken": "abc"}), encoding="utf-8")
    lines = tmp_path / "studies.jsonl"
    lines.write_text("\n".join(json.dumps(s) for s in studies), encoding="utf-8")
    archive = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in RECORDS[:5]:
            zipped.write(path, path.name)
    expected = [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]
    for source in (page, lines, archive):
        records = list(read_path(source))
        assert [r.identifiers[0].value for r in records] == expected, source.name
    names = [r.source.name for r in read_path(archive)]
    assert names[0] == f"ctg-studies.json.zip!{RECORDS[0].name}"
    assert [r.source.name for r in read_path(page)][0] == f"page.json#{expected[0]}"


def test_broken_json_is_named_and_the_rest_goes_on(tmp_path):
    (tmp_path / "good.json").write_bytes(RECORDS[0].read_bytes())
    (tmp_path / "broken.json").write_text('{"protocolSection": {"identificationModule": ', encoding="utf-8")
    (tmp_path / "other.json").write_text('{"name": "not a study"}', encoding="utf-8")
    report = build([tmp_path], tmp_path / "out.ttl")
    assert report.documents == 1
    assert sorted(str(f) for f in report.failures) == [
        "broken.json: not valid JSON (Expecting value at line 1, column 46)",
        "other.json: JSON that is not a ClinicalTrials.gov API v2 study (no protocolSection)"]


def test_studies_sharing_only_a_grant_number_stay_two_trials(tmp_path):
    grant = {"id": "U10CA180868", "type": "NIH"}
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in RECORDS[:2])
    for item in (first, second):
        item["protocolSection"]["identificationModule"]["secondaryIdInfos"] = [grant]
    (tmp_path / "a.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(second), encoding="utf-8")
    report = build([tmp_path], tmp_path / "out.ttl")
    assert len(report.trials) == 2


def test_a_json_document_that_is_not_utf8_is_refused():
    [error] = list(read_bytes(b'{"studies": ["caf\xe9"]}', "latin1.json"))
    assert isinstance(error, DocumentError) and "not UTF-8 JSON" in str(error)


def test_derived_mesh_terms_become_mesh_iris(json_graph):
    """The registry pads old MeSH ids to nine digits (D000012509); MeSH's own IRI is D012509.
    Supplementary concepts (C ids) get no descriptor link.
    """
    result = run_local(json_graph, stored_query("mesh_terms").bind({}))
    found = {(row[0], row[1], row[2], row[3]) for row in result.rows}
    assert {("NCT06388018", "CONDITION", "D012509", "Sarcoma"), ("NCT06388018", "CONDITION", "D016889", "Endometrial Neoplasms"),
            ("NCT00184067", "CONDITION", "D008545", "Melanoma")} <= found
    assert not [row for row in found if row[2].startswith("C")]


def test_keywords_match_the_json(json_graph):
    expected = {(study(p)["identificationModule"]["nctId"], " ".join(k.split()))
                for p in RECORDS for k in study(p).get("conditionsModule", {}).get("keywords", [])}
    assert expected
    found = {(str(t), str(k)) for t, k in json_graph.query(
        "PREFIX ctk: <https://w3id.org/celltherapy-kg/ontology#> "
        "SELECT ?id ?k WHERE { ?t ctk:trialId ?id ; ctk:keyword ?k }")}
    assert found == expected


# ---------------------------------------------------------------------------
# Registry values as the registry allows them
# ---------------------------------------------------------------------------

def _record_of(study_object: dict, name: str = "study.json"):
    [record] = read_bytes(json.dumps(study_object).encode("utf-8"), name)
    return record


def test_an_org_study_id_repeated_among_the_secondary_ids_is_said_once():
    """NCT06388018 gives "NRG-GY032" as its org study id and again as two OTHER secondary ids
    (domains "NRG Oncology" and "CTEP").
    """
    raw = json.loads((TESTS / "data" / "ctgov-json" / "NCT06388018.json").read_text(encoding="utf-8"))
    secondary = [(s["id"], s["type"]) for s in raw["protocolSection"]["identificationModule"]["secondaryIdInfos"]]
    assert secondary.count(("NRG-GY032", "OTHER")) == 2
    record = _record_of(raw)
    assert [(i.value, i.scheme) for i in record.identifiers] == [
        ("NCT06388018", "NCT"), ("NRG-GY032", "ORG"), ("NCI-2023-09355", "OTHER"), ("U10CA180868", "OTHER")]


def test_another_nct_number_among_the_secondary_ids_is_a_related_trial():
    raw = json.loads((TESTS / "data" / "ctgov-json" / "NCT04431453.json").read_text(encoding="utf-8"))
    raw["protocolSection"]["identificationModule"]["secondaryIdInfos"].append(
        {"id": "NCT04292730", "type": "REGISTRY", "domain": "ClinicalTrials.gov"})
    record = _record_of(raw)
    assert [i.value for i in record.identifiers if i.scheme == "NCT"] == ["NCT04431453"]
    assert record.related_ids == ["NCT04292730"]


def test_arms_named_alike_up_to_their_dose_stay_apart_with_their_descriptions(tmp_path):
    raw = json.loads((TESTS / "data" / "ctgov-json" / "NCT04431453.json").read_text(encoding="utf-8"))
    arm = raw["protocolSection"]["armsInterventionsModule"]["armGroups"][0]
    label = "Part A: Sacituzumab Govitecan Monotherapy in Relapsed Refractory Patients"
    raw["protocolSection"]["armsInterventionsModule"]["armGroups"] = [
        {**arm, "label": f"{label} - Dose {n}", "description": f"Dose level {n}"} for n in (1, 2, 3)]
    (tmp_path / "arms.json").write_text(json.dumps(raw), encoding="utf-8")
    build([tmp_path / "arms.json"], tmp_path / "arms.ttl")
    answer = rows(load_graph([tmp_path / "arms.ttl"]), "arms", "NCT04431453")
    assert sorted((r["arm"], r["description"]) for r in answer) == [
        (f"{label} - Dose {n}", f"Dose level {n}") for n in (1, 2, 3)]


@pytest.mark.parametrize(("name", "code"), [
    ("Turkey (Türkiye)", "TR"), ("Korea, Republic of", "KR"), ("Iran, Islamic Republic of", "IR"),
    ("Russian Federation", "RU"), ("Czechia", "CZ"), ("Taiwan", "TW"), ("Moldova, Republic of", "MD"),
    ("Congo, The Democratic Republic of the", "CD"), ("Côte D'Ivoire", "CI"), ("Cote D'Ivoire", "CI"),
    ("Lao People's Democratic Republic", "LA"), ("Libyan Arab Jamahiriya", "LY"), ("Viet Nam", "VN"),
    ("Palestinian Territory, occupied", "PS"), ("Macedonia, The Former Yugoslav Republic of", "MK"),
    ("North Macedonia", "MK"), ("Holy See (Vatican City State)", "VA"), ("Virgin Islands (U.S.)", "VI"),
    ("Syrian Arab Republic", "SY"), ("Réunion", "RE"), ("Reunion", "RE"), ("Brunei Darussalam", "BN"),
])
def test_the_registrys_country_names_map_to_iso_3166(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(("citation", "doi"), [
    # A DOI column copied from Cambridge Core, link text and all (a public data-cleaning note quotes it).
    ("10.1017/S0267190519000114[Opens in a new window]", "10.1017/S0267190519000114"),
    # Real registry citations (tests/data/ctgov-json): brackets of the DOI's own stay, the full stop goes.
    ("Larsen DL, Attkisson CC, Hargreaves WA, Nguyen TD. Assessment of client/patient satisfaction: development of a "
     "general scale. Eval Program Plann. 1979;2(3):197-207. doi: 10.1016/0149-7189(79)90094-6. No abstract available.",
     "10.1016/0149-7189(79)90094-6"),
    ("Lancet Child Adolesc Health. 2020 Aug;4(8):571-582. doi: 10.1016/S2352-4642(20)30173-5. Epub 2020 Jun 23.",
     "10.1016/S2352-4642(20)30173-5"),
])
def test_a_doi_is_cleaned_of_link_text_and_punctuation(citation, doi):
    from kg.read.parse.fields import find_doi
    assert find_doi(citation) == doi


def test_no_criterion_row_is_punctuation_alone():
    """NCT02576665 ends its exclusion list with "(Tg 511-15-01)."; no row "." comes of it."""
    [record] = read_path(TESTS / "data" / "ctgov-json" / "NCT02576665.json")
    assert record.criteria and all(any(c.isalnum() for c in criterion.text) for criterion in record.criteria)


@pytest.mark.parametrize(("age", "years"), [("130 Years", 130.0), ("999 Years", 999.0), ("30 Minutes", 0.0001),
                                            ("6 Hours", 0.0007), ("28 Days", 0.0767)])
def test_ages_in_every_unit_the_registry_uses(age, years):
    assert parse_age_years(age) == years


def test_a_maximum_age_of_130_years_builds_and_conforms(tmp_path):
    """A legal registry value ("130 Years") must not fail a shape: `kg build` exits 0."""
    from conftest import run_kg
    raw = json.loads((TESTS / "data" / "ctgov-json" / "NCT04431453.json").read_text(encoding="utf-8"))
    raw["protocolSection"]["eligibilityModule"]["maximumAge"] = "130 Years"
    (tmp_path / "old.json").write_text(json.dumps(raw), encoding="utf-8")
    result = run_kg("build", tmp_path / "old.json", "-o", tmp_path / "old.ttl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "conforms to the shapes: yes" in result.stdout


def test_kg_build_exits_0_on_every_real_registry_record(tmp_path):
    """Valid registry data builds and conforms: `kg build` exits 0 on all the real records."""
    from conftest import run_kg
    result = run_kg("build", *RECORDS, "-o", tmp_path / "all.ttl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"trials: {len(RECORDS)}" in result.stdout and "conforms to the shapes: yes" in result.stdout


def test_the_intervention_model_description_is_kept_for_the_therapy_rules():
    # tests/data/ctgov-therapy/NCT06097962.json: designInfo.interventionModelDescription "Dose escalation study"
    [record] = read_path(TESTS / "data" / "ctgov-therapy" / "NCT06097962.json")
    assert record.design_description == "Dose escalation study"
