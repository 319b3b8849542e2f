"""The listings asked questions instead of dumped: `kg query NAME --param FILTER=VALUE` narrows a listing
to the trials of one key, sponsor, condition, phase, status, cell type or country, and `--limit N --offset M`
asks for one page; on graph files, a store and a server alike. The rows a filter gives are the listing's rows
of the matching trials, and the form `kg query` sends (the filter as patterns of the query) gives the rows of
the query file as grlc runs it (the filter as a FILTER EXISTS). On a store or a server a listing is asked for
page by page of its trials (the sub-select of its trials, with LIMIT and OFFSET): the pages add up to the
listing, and every kind of store gives the same pages.
"""

from __future__ import annotations

import csv
import io
import re

import pyoxigraph as ox
import pytest
import servers
from conftest import SEEDS, TESTS, run_kg

from kg.build.streaming import build
from kg.errors import QueryError
from kg.graphs.files import load_graph
from kg.query import targets
from kg.query.catalogue import catalogue, page, pages_by_trial, stored_query, trial_count, trial_page
from kg.query.run import query_store, run_local

#: The filters on a listing's trials, each with a value the seeds and the registry records hold.
FILTERS = {"trial_id": "NCT05272293", "sponsor": "Radboud University Medical Center",
           "condition": "Acute Myeloid Leukemia", "phase": "PHASE2", "status": "RECRUITING", "cell_type": "NK",
           "country": "NL"}
#: The listings that take every filter (sites and cell_products take country and cell_type of their own rows).
FILTERED = sorted(name for name, stored in catalogue().items() if {"trial_id", "sponsor", "condition", "phase", "status"}
                  <= {p.name for p in stored.parameters})


def rows(result: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result)))


@pytest.fixture(scope="module")
def seeds_trig(tmp_path_factory):
    output = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    assert build([SEEDS], output, format="trig").ok
    return output


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """The seeds and the registry records, as a graph file and as an Oxigraph store in memory."""
    output = tmp_path_factory.mktemp("dataset") / "graph.trig"
    build([SEEDS, TESTS / "data" / "ctgov-json"], output, format="trig")
    store = ox.Store()
    store.load(path=str(output), format=ox.RdfFormat.TRIG)
    return output, store


def on_store(store: ox.Store, sparql: str) -> list[list[str | None]]:
    return query_store(store, sparql).rows


# ---------------------------------------------------------------------------
# Examples of use, the rows written from the seed documents
# ---------------------------------------------------------------------------

def test_the_criteria_of_one_trial(seeds_trig):
    """tests/data/seeds/002_...txt (NL-OMON26066): five inclusion and six exclusion criteria."""
    result = run_kg("query", "eligibility", "--data", seeds_trig, "--param", "trial_id=NL-OMON26066", "-f", "csv")
    assert result.returncode == 0, result.stderr
    found = [(row["trial_id"], row["kind"], row["criterion"]) for row in rows(result.stdout)]
    assert {trial for trial, _, _ in found} == {"NL-OMON26066"}
    assert sum(kind == "INCLUSION" for _, kind, _ in found) == 5 and sum(kind == "EXCLUSION" for _, kind, _ in found) == 6
    assert ("NL-OMON26066", "INCLUSION", "Life expectancy>3 months") in found
    assert ("NL-OMON26066", "EXCLUSION", "Cord blood stem cell donor") in found


def test_the_trials_a_sponsor_funds(seeds_trig):
    """Only 004_...txt (2019-001929-27) names "Radboud University Medical Center", as sponsor and as its site."""
    result = run_kg("query", "trials", "--data", seeds_trig, "--param", "sponsor=Radboud University Medical Center",
                    "-f", "csv")
    assert [(row["trial_id"], row["phase"]) for row in rows(result.stdout)] == [("2019-001929-27", "PHASE1|PHASE2")]


def test_the_sites_of_the_trials_of_a_condition(seeds_trig):
    """000_...txt (NCT05272293, site in Minsk) and 003_...txt (NCT05333705, no site given) name the condition
    "Acute Myeloid Leukemia" as it is; the others name it otherwise ("Acute myeloid leukemia (AML)").
    """
    result = run_kg("query", "sites", "--data", seeds_trig, "--param", "condition=Acute Myeloid Leukemia", "-f", "csv")
    assert [(row["trial_id"], row["city"], row["country"]) for row in rows(result.stdout)] == [("NCT05272293", "Minsk", "BY")]


def test_the_products_of_the_trials_with_a_site_in_a_country_and_of_a_phase(seeds_trig):
    """004_...txt: PHASE1/PHASE2, Nijmegen, Netherlands; NK cells grown from umbilical cord blood."""
    result = run_kg("query", "cell_products", "--data", seeds_trig, "--param", "country=NL", "--param", "phase=phase2",
                    "-f", "csv")
    assert [(row["trial_id"], row["cell_type"], row["tissue_source"]) for row in rows(result.stdout)] == [
        ("2019-001929-27", "NK", "UMBILICAL_CORD_BLOOD")]
    none = run_kg("query", "cell_products", "--data", seeds_trig, "--param", "country=BY", "--param", "phase=PHASE2")
    assert none.returncode == 0 and none.stdout.rstrip().endswith("(0 rows)")


def test_the_first_page_and_the_next(seeds_trig):
    whole = run_kg("query", "eligibility", "--data", seeds_trig, "-f", "csv").stdout.splitlines()
    first = run_kg("query", "eligibility", "--data", seeds_trig, "--limit", "5", "-f", "csv").stdout.splitlines()
    second = run_kg("query", "eligibility", "--data", seeds_trig, "--limit", "5", "--offset", "5", "-f", "csv").stdout.splitlines()
    assert len(whole) > 11 and first == whole[:6] and second == whole[:1] + whole[6:11]


def test_a_filter_or_a_page_that_cannot_be_is_refused_in_one_line(seeds_trig):
    bad_token = run_kg("query", "eligibility", "--data", seeds_trig, "--param", "cell_type=natural killer")
    assert bad_token.returncode == 2 and "is not one of" in bad_token.stderr and len(bad_token.stderr.splitlines()) == 1
    negative = run_kg("query", "eligibility", "--data", seeds_trig, "--limit", "-1")
    assert negative.returncode == 2 and "--limit" in negative.stderr
    with pytest.raises(QueryError, match="does not end with an ORDER BY"):
        page("SELECT ?s WHERE { ?s ?p ?o }", limit=3)


def test_a_hostile_filter_value_stays_one_literal(dataset):
    path, store = dataset
    hostile = 'x" } ; DROP ALL ; #'
    sparql = stored_query("eligibility").bind({"sponsor": hostile, "condition": hostile})
    assert sparql.count('"x\\" } ; DROP ALL ; #"') == 2
    before = len(store)
    assert on_store(store, sparql) == [] and len(store) == before
    result = run_kg("query", "outcomes", "--data", path, "--param", f"sponsor={hostile}")
    assert result.returncode == 0 and result.stdout.rstrip().endswith("(0 rows)")
    # An empty value filters nothing, in kg's form as in grlc's.
    everything = on_store(store, stored_query("sites").bind({}))
    assert on_store(store, stored_query("sites").bind({"sponsor": ""})) == everything
    assert on_store(store, stored_query("sites").text.replace("?__sponsor", '""')) == everything


# ---------------------------------------------------------------------------
# Every listing, every filter: the listing's rows of the matching trials
# ---------------------------------------------------------------------------

def matching_trials(store: ox.Store) -> dict[str, set[str]]:
    """The trials each value of FILTERS picks, read from the unfiltered listings that show the property."""
    def listed(name: str, column: str, value: str) -> set[str]:
        result = query_store(store, stored_query(name).bind({}))
        at, key = result.columns.index(column), result.columns.index("trial_id")
        return {row[key] for row in result.rows if value in (row[at] or "").split("|")}

    return {"trial_id": {FILTERS["trial_id"]}, "sponsor": listed("sponsors", "organization", FILTERS["sponsor"]),
            "condition": listed("conditions", "condition", FILTERS["condition"]),
            "phase": listed("trials", "phase", FILTERS["phase"]), "status": listed("trials", "status", FILTERS["status"]),
            "cell_type": listed("cell_products", "cell_type", FILTERS["cell_type"]),
            "country": listed("sites", "country", FILTERS["country"])}


def test_the_filter_values_pick_some_trials_but_not_all(dataset):
    _, store = dataset
    everyone = {row[0] for row in query_store(store, stored_query("trials").bind({})).rows}
    for name, trials in matching_trials(store).items():
        assert trials and trials < everyone, name


@pytest.mark.parametrize("name", FILTERED)
def test_each_filter_gives_the_listing_s_rows_of_the_matching_trials(name, dataset):
    _, store = dataset
    stored = stored_query(name)
    everything = query_store(store, stored.bind({}))
    key = everything.columns.index("trial_id")
    picked = matching_trials(store)
    for parameter in (p.name for p in stored.parameters if p.name in FILTERS):
        expected = [row for row in everything.rows if row[key] in picked[parameter]]
        assert on_store(store, stored.bind({parameter: FILTERS[parameter]})) == expected, parameter
    both = picked["phase"] & picked["country"]
    assert on_store(store, stored.bind({"phase": "PHASE2", "country": "NL"})) == [
        row for row in everything.rows if row[key] in both]


@pytest.mark.parametrize("name", FILTERED)
def test_what_kg_query_sends_gives_the_rows_of_the_file_as_grlc_runs_it(name, dataset):
    """As grlc does: the value put in place of the variable and leaves the rest of the file as it is."""
    _, store = dataset
    stored = stored_query(name)
    assert on_store(store, stored.text) == on_store(store, stored.bind({}))
    for parameter in stored.parameters:
        if parameter.name in FILTERS:
            as_grlc = re.sub(rf"{re.escape(parameter.variable)}(?![A-Za-z0-9_])",
                             parameter.term(FILTERS[parameter.name]).n3(), stored.text)
            assert on_store(store, as_grlc) == on_store(store, stored.bind({parameter.name: FILTERS[parameter.name]})), \
                parameter.name


@pytest.mark.parametrize("name", FILTERED)
def test_a_token_filter_names_the_concept_so_a_store_looks_it_up(name):
    """phase, status and cell type are asked as the concept IRI the token stands for (an index entry), not by
    comparing each trial's concept as a string; the rows are the file's (the test above).
    """
    sparql = stored_query(name).bind({"phase": "phase2", "status": "RECRUITING", "cell_type": "NK"})
    trials = sparql[: sparql.index("} ORDER BY ?trial_id")]
    for pattern in ("ctk:phase <https://w3id.org/celltherapy-kg/vocab/phase-PHASE2>",
                    "ctk:overallStatus <https://w3id.org/celltherapy-kg/vocab/status-RECRUITING>",
                    "ctk:cellType <https://w3id.org/celltherapy-kg/vocab/cell-type-NK>"):
        assert pattern in trials, pattern
    assert "STRAFTER" not in trials


@pytest.mark.parametrize("name", ["eligibility", "trials", "sponsors", "cell_doses"])
def test_graph_files_give_the_store_s_rows(name, dataset):
    """Graph files (`kg query --data`, rdflib) give the same rows, filtered and not."""
    path, store = dataset
    graph = load_graph([path])
    for values in ({}, {"trial_id": FILTERS["trial_id"]}, {"sponsor": FILTERS["sponsor"], "status": "RECRUITING"},
                   {"country": "NL", "cell_type": "NK"}):
        sparql = stored_query(name).bind(values)
        assert run_local(graph, sparql).rows == on_store(store, sparql), values


# ---------------------------------------------------------------------------
# Pages: a total order, pages that add up to the listing, the same on a server
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", FILTERED)
def test_each_listing_orders_by_every_column_so_its_pages_are_stable(name):
    stored = stored_query(name)
    order = re.findall(r"\?(\w+)", stored.body.rstrip().rsplit("\n", 1)[-1])
    projected = [variable.value for variable in ox.Store().query(stored.bind({})).variables]
    grouped = re.search(r"GROUP BY (.*)", stored.body)
    unique_first = grouped and re.findall(r"\?(\w+)", grouped.group(1)) == order[:1]  # trials: one row per trial_id
    assert unique_first or set(projected) <= set(order), f"{name} orders by {order}, not by all of {projected}"


@pytest.mark.parametrize("name", FILTERED)
def test_pages_add_up_to_the_listing(name, dataset):
    _, store = dataset
    sparql = stored_query(name).bind({})
    whole = on_store(store, sparql)
    size = max(7, len(whole) // 4)  # a handful of pages, the last one empty
    pages = [on_store(store, page(sparql, limit=size, offset=at)) for at in range(0, len(whole) + size, size)]
    assert [row for rows_ in pages for row in rows_] == whole and pages[-1] == []


@pytest.mark.parametrize("name", FILTERED)
def test_each_listing_opens_with_its_trials_in_the_order_of_their_keys(name):
    """The sub-select a page of trials limits, and the listing ordered by the trial first, so that the rows of
    one page of trials come before those of the next.
    """
    stored = stored_query(name)
    assert pages_by_trial(stored.text) and pages_by_trial(stored.bind({"sponsor": "x", "country": "NL"}))
    assert re.search(r"\nORDER BY \?trial_id\b", stored.body)


@pytest.mark.parametrize("name", ["eligibility", "sites", "trials", "sponsors", "cell_products", "adverse_events"])
def test_pages_of_trials_add_up_to_the_listing(name, dataset):
    _, store = dataset
    for values in ({}, {"country": "NL"}, {"cell_type": "NK"}):
        sparql = stored_query(name).bind(values)
        whole = on_store(store, sparql)
        trials = int(on_store(store, trial_count(sparql))[0][0])
        assert {row[0] for row in whole} <= {row[0] for row in on_store(store, stored_query("trials").bind(values))}
        pages = [on_store(store, trial_page(sparql, 3, at)) for at in range(0, trials + 3, 3)]
        assert [row for rows_ in pages for row in rows_] == whole and pages[-1] == [], values


def test_rows_asked_by_limit_and_offset_come_page_of_trials_by_page(dataset, monkeypatch, tmp_path):
    """`--limit` and `--offset` count rows, whatever the pages of trials they are read from."""
    path, _ = dataset
    store_dir = tmp_path / "store"
    on_disk = ox.Store(str(store_dir))
    on_disk.load(path=str(path), format=ox.RdfFormat.TRIG)
    on_disk.flush()
    del on_disk
    monkeypatch.setattr(targets, "FIRST_PAGE", 2)
    for name, values in (("eligibility", {}), ("outcomes", {"status": "RECRUITING"}), ("sites", {"phase": "PHASE1"})):
        _, whole = targets.run_stored(name, values, data=[path])
        _, pages = targets.stream_stored(name, values, store=store_dir)
        pages = list(pages)
        assert len(pages) > 1 and [row for result in pages for row in result.rows] == whole.rows, name
        for limit, offset in ((5, None), (7, 3), (None, 4), (0, 2), (3, len(whole.rows))):
            _, found = targets.run_stored(name, values, store=store_dir, limit=limit, offset=offset)
            at = offset or 0
            assert found.rows == whole.rows[at: None if limit is None else at + limit], (name, limit, offset)


def test_a_filtered_page_from_a_server_is_the_store_s(tmp_path, seeds_trig):
    store_dir = tmp_path / "store"
    assert run_kg("build", SEEDS, "--store", store_dir).returncode == 0
    arguments = ["query", "eligibility", "--param", "status=RECRUITING", "--limit", "4", "--offset", "3", "-f", "csv"]
    (tmp_path / "server").mkdir()
    with servers.oxigraph(tmp_path / "server") as server:
        assert run_kg("load", seeds_trig, "--endpoint", server.update).returncode == 0
        from_server = run_kg(*arguments, "--endpoint", server.query)
    from_store = run_kg(*arguments, "--store", store_dir)
    from_file = run_kg(*arguments, "--data", seeds_trig)
    assert from_server.returncode == 0, from_server.stderr
    assert len(rows(from_file.stdout)) == 4 and from_server.stdout == from_store.stdout == from_file.stdout


#: Questions asked of every kind of store: filters of each kind, alone and together, and pages.
QUESTIONS = [("eligibility", ["--param", "trial_id=NL-OMON26066"]),
             ("trials", ["--param", "sponsor=Radboud University Medical Center"]),
             ("sites", ["--param", "condition=Acute Myeloid Leukemia"]),
             ("cell_products", ["--param", "country=NL", "--param", "phase=PHASE2"]),
             ("outcomes", ["--param", "status=RECRUITING", "--param", "cell_type=NK", "--limit", "6", "--offset", "4"]),
             ("interventions", ["--limit", "5", "--offset", "5"]),
             ("sites", ["--param", "country=NL", "--limit", "2"]),
             ("eligibility", ["--param", "phase=PHASE1", "--offset", "30"])]


@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso", "jena"])
def test_every_kind_of_store_answers_the_questions_as_the_file_does(kind, tmp_path, seeds_trig):
    if kind == "virtuoso" and not (servers.VIRTUOSO and servers.ISQL):
        pytest.skip(servers.NO_VIRTUOSO)
    if kind == "jena" and not servers.HAS_JENA:
        pytest.skip(servers.NO_JENA)
    (tmp_path / kind).mkdir()
    with getattr(servers, kind)(tmp_path / kind) as server:
        assert run_kg("load", seeds_trig, "--endpoint", server.update).returncode == 0
        for name, arguments in QUESTIONS:
            from_server = run_kg("query", name, *arguments, "--endpoint", server.query, "-f", "csv")
            from_file = run_kg("query", name, *arguments, "--data", seeds_trig, "-f", "csv")
            assert from_server.returncode == 0, from_server.stderr
            assert len(from_file.stdout.splitlines()) > 1 and from_server.stdout == from_file.stdout, (name, arguments)


@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso", "jena"])
def test_every_kind_of_store_gives_the_same_pages_of_trials(kind, tmp_path, seeds_trig, monkeypatch):
    """Each page of two trials, read from a server, is the page the graph file gives, byte for byte."""
    if kind == "virtuoso" and not (servers.VIRTUOSO and servers.ISQL):
        pytest.skip(servers.NO_VIRTUOSO)
    if kind == "jena" and not servers.HAS_JENA:
        pytest.skip(servers.NO_JENA)
    from kg.query.output import format_result
    from kg.query.remote import run_remote

    graph = load_graph([seeds_trig])
    (tmp_path / kind).mkdir()
    with getattr(servers, kind)(tmp_path / kind) as server:
        assert run_kg("load", seeds_trig, "--endpoint", server.update).returncode == 0
        for name, values in (("eligibility", {}), ("sites", {"phase": "PHASE1"}), ("trials", {"cell_type": "NK"})):
            sparql = stored_query(name).bind(values)
            trials = int(run_local(graph, trial_count(sparql)).rows[0][0])
            assert int(run_remote(server.query, trial_count(sparql)).rows[0][0]) == trials > 1
            for at in range(0, trials, 2):
                from_file = format_result(run_local(graph, trial_page(sparql, 2, at)), "csv")
                assert format_result(run_remote(server.query, trial_page(sparql, 2, at)), "csv") == from_file, (name, at)
            monkeypatch.setattr(targets, "FIRST_PAGE", 2)
            _, streamed = targets.run_stored(name, values, endpoint=server.query)
            assert streamed.rows == run_local(graph, sparql).rows, name
