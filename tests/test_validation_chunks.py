"""Validation while building: the workers' per-trial checks and the whole-graph checks after the build
give the report ``kg validate`` gives on the output, the same violations and the same report graph.

The graphs are built from 41 real registry records (one record per trial), cut into chunks of a few
records, with defects added as the records are mapped: some a trial's own (a second status, a
misspelt property, an arm of no trial, a link to a site no record describes), some of shared things
(one site given a city by every record that names it, a site carrying a trial's property), and a link
from one trial to an organisation only another chunk describes: on its chunk it lacks its type,
on the whole graph it has it, so it is no violation.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
import rdflib
from conftest import SEEDS, TESTS, run_kg
from rdflib.compare import isomorphic

import kg.build.pipeline
import kg.build.streaming
import kg.graphs.files
from kg.build.streaming import build
from kg.errors import GraphError
from kg.model.namespaces import CTK, ID, RDF_TYPE, RDFS, VOC
from kg.rdf import iris
from kg.validation.chunks import Checked, check_chunk, validate_built
from kg.validation.compiler.compile import compile_shapes, compiled_shapes
from kg.validation.compiler.locality import split_checks
from kg.validation.engines import validate
from kg.validation.report import ValidationReport

RECORDS = TESTS / "data" / "ctgov-json"
SITE = f"<{ID}site/nowhere>"
COMMON = f"<{ID}site/common>"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _defects(monkeypatch: pytest.MonkeyPatch, *, foreign_arm: bool = False) -> None:
    """Defects added to what the records map to (the workers are forked after this, so they map them too)."""
    record_triples, shared_triples = kg.build.pipeline.record_triples, kg.build.pipeline.shared_triples

    def own(record, key):  # noqa: ANN001, ANN202
        lines = record_triples(record, key)
        trial = f"<{iris.trial(key)}>"
        number = int(key[-1]) if key[-1].isdigit() else 0
        if number == 1:
            lines += [f"{trial} <{CTK}overallStatus> <{VOC}status-FINISHED>"]        # not listed, and a second one
        if number == 2:
            lines += [f"{trial} <{CTK}hasSites> {SITE}", f"{trial} <{CTK}hasSite> {SITE}"]  # misspelt; untyped site
        if number == 3:
            lines += [f"<{iris.arm(key, 'orphan')}> <{RDF_TYPE}> <{CTK}Arm>"]                   # no label, of no trial
        if number == 4:
            lines += [f'{trial} <{CTK}enrollment> "-5"^^<{XSD}integer>',
                      f'{trial} <{CTK}minimumAgeYears> "99"^^<{XSD}decimal>']
        if number == 5:  # an organisation another trial names (so describes), in another chunk
            lines += [f"{trial} <{CTK}collaborator> <{iris.organization('National Cancer Institute (NCI)')}>"]
        if foreign_arm and number == 6:  # another trial's arm: breaks what the per-trial checks rely on
            lines += [f"{trial} <{CTK}hasArm> <{iris.arm('NCT03418623', 'orphan')}>"]
        return lines

    def shared(record, key):  # noqa: ANN001, ANN202
        lines = shared_triples(record, key)
        # One site every record names, each with a city of its own: two cities, seen only on the whole graph.
        lines += [f"{COMMON} <{RDF_TYPE}> <{CTK}Site>", f'{COMMON} <{RDFS}label> "Common"', f'{COMMON} <{CTK}city> "In {key}"']
        sites = [line.split(" ", 1)[0] for line in lines if f"<{ID}site/" in line and f"<{CTK}city>" in line]
        if sites and key.endswith(("6", "7")):
            lines.append(f"{sites[0]} <{CTK}armType> <{VOC}arm-type-EXPERIMENTAL>")  # an arm's property on a site
        return lines

    monkeypatch.setattr(kg.build.pipeline, "record_triples", own)
    monkeypatch.setattr(kg.build.pipeline, "shared_triples", shared)
    monkeypatch.setattr(kg.build.streaming, "_CHUNK", 4)


def _built(tmp_path: Path, output: str, workers: int, monkeypatch: pytest.MonkeyPatch | None = None) \
        -> tuple[ValidationReport, ValidationReport, list[Checked]]:
    """The chunked report on the build's output, ``kg validate``'s on the same, and the chunks' findings.

    With ``monkeypatch``, the chunked report on a graph file must not load the output.
    """
    target = tmp_path / output
    store = target if not target.suffix else None
    quads = store is not None or target.suffix in (".nq", ".trig")
    report = build([RECORDS], None if store else target, store=store, workers=workers,
                   format={".ttl": "turtle", ".nq": "nquads"}.get(target.suffix, "turtle"),
                   check=partial(check_chunk, quads=quads, named=store is not None))
    graphs = () if store else (target,)
    with pytest.MonkeyPatch.context() as patched:
        if monkeypatch is not None and store is None:
            patched.setattr(kg.graphs.files, "load_store", _not_loaded)
        chunked = validate_built(report.checked, graphs, store, workers=workers, differed=report.differed)
    return chunked, validate(graphs, store, workers=workers), report.checked


def _not_loaded(paths):  # noqa: ANN001, ANN202
    raise AssertionError(f"the whole output was loaded: {paths}")


def _same(chunked: ValidationReport, whole: ValidationReport) -> None:
    assert chunked.violations == whole.violations
    assert chunked.conforms == whole.conforms
    assert isomorphic(chunked.report_graph, whole.report_graph)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("output", ["graph.ttl", "graph.nq", "store"])
def test_chunks_and_whole_graph_checks_give_kg_validate_s_report(tmp_path, monkeypatch, output, workers):
    _defects(monkeypatch)
    chunked, whole, checked = _built(tmp_path, output, workers, monkeypatch)
    _same(chunked, whole)
    assert len(checked) == 10 and not any(found.broken for found in checked)
    assert sum(len(results) for found in checked for _, results in found.results) >= 10  # found in the workers
    said = "\n".join(map(str, whole.violations))
    for expected in ("status-FINISHED", "hasSites", "site/common", "property ctk:armType", "site:nowhere",
                     "An arm has a non-empty label", "'-5'", "(99) is above"):
        assert expected in said, expected
    # Only the worker saw the organisation without its type; the whole graph gives it one.
    assert "collaborator" in str([found.results for found in checked]) and "collaborator" not in said


@pytest.mark.parametrize("workers", [1, 2])
def test_a_chunk_naming_another_chunk_s_trial_node_has_the_whole_graph_validated(tmp_path, monkeypatch, workers):
    _defects(monkeypatch, foreign_arm=True)
    chunked, whole, checked = _built(tmp_path, "store", workers)
    _same(chunked, whole)
    assert [found.broken for found in checked if found.broken] == [
        f"<{iris.trial(key)}> <{CTK}hasArm> <{iris.arm('NCT03418623', 'orphan')}>: a statement about a trial node of another chunk"
        for key in ("NCT04114136", "NCT07119606")]  # the keys ending in 6
    # The orphan arm of NCT03418623 belongs to a trial of another chunk: its own chunk alone would say to none.
    said = "\n".join(map(str, whole.violations))
    assert "belongs to exactly one trial; this one belongs to 0. (node https://w3id.org/celltherapy-kg/id/trial/NCT03418623" \
        not in said


def test_a_trial_whose_documents_fall_in_two_chunks_has_the_whole_graph_validated(tmp_path, monkeypatch):
    """A mirror page known by its EudraCT number and a Veeva page giving both numbers are one trial
    (tests/test_build.py); in chunks of one document each, neither chunk holds the whole trial.
    """
    monkeypatch.setattr(kg.build.streaming, "_CHUNK", 1)
    report = build([_two_pages(tmp_path / "pages")], tmp_path / "g.ttl", check=partial(check_chunk, quads=False, named=False))
    assert report.trials == {"NCT04347616"} and len(report.checked) == 2
    assert all("another chunk" in (found.broken or "") for found in report.checked)
    _same(validate_built(report.checked, (tmp_path / "g.ttl",)), validate((tmp_path / "g.ttl",)))


@pytest.mark.parametrize("output", ["store", "graph.trig"])
def test_a_trial_of_two_documents_in_one_chunk_is_judged_there(tmp_path, monkeypatch, output):
    """In a store such a trial keeps its documents' named graphs (kg.graphs.store), the others are in the default graph."""
    _defects(monkeypatch)
    pages = _two_pages(tmp_path / "pages")
    target = tmp_path / output
    store = target if not target.suffix else None
    report = build([RECORDS, pages], None if store else target, store=store, format="trig", workers=2,
                   check=partial(check_chunk, quads=True, named=store is not None))
    assert "NCT04347616" in report.trials and len(report.checked) == 11 and not any(f.broken for f in report.checked)
    graphs = () if store else (target,)
    _same(validate_built(report.checked, graphs, store, workers=2), validate(graphs, store, workers=2))


def _two_pages(folder: Path) -> Path:
    """A mirror page known by its EudraCT number and a Veeva page giving both numbers: one trial (tests/test_build.py)."""
    folder.mkdir()
    (folder / "a.txt").write_text((SEEDS / "004_5a4c1896c7211adb.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text((SEEDS / "003_c40fa93b6f9a0a38.txt").read_text(encoding="utf-8").replace(
        "NCT05333705\nXJYFY-2020N8", "NCT04347616\n2019-001929-27 (EudraCT Number)"), encoding="utf-8")
    return folder


def test_the_split_names_why_each_check_is_judged_where_it_is():
    split = split_checks(compiled_shapes())
    reasons = {str(getattr(c, "constraint", "") or getattr(c, "shape", "")).split("#")[-1]: split.reasons[id(c)]
               for c in split.whole}
    assert "shared things" in reasons["Site-city"]
    assert "identifierScheme" in reasons["Trial-one-number-per-register"]  # the identifier nodes are shared
    per_trial = {str(getattr(c, "constraint", "") or getattr(c, "shape", "")).split("#")[-1] for c in split.per_trial}
    assert {"Arm-one-trial", "Trial-ages-ordered", "Trial-status-single", "Cytokine-arm-of-its-trial"} <= per_trial
    shapes = compiled_shapes()  # every check in one of the two; the closed property sets' query cut in two
    assert len(split.per_trial) + len(split.whole) == 2 + sum(map(len, (shapes.properties, shapes.focus, shapes.rules,
                                                                     shapes.delegated)))


@pytest.mark.parametrize("where", [["-o", "g.ttl"], ["--store", "store", "--workers", "2"]])
def test_kg_build_validates_as_kg_validate_does(tmp_path, where):
    built = run_kg("build", SEEDS, *where, "-q", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "conforms to the shapes: yes" in built.stdout
    assert run_kg("validate", *(where[:2] if where[0] == "--store" else where[1:2]), cwd=tmp_path).returncode == 0


_CTK = f"<{CTK}"


@pytest.mark.parametrize(("where", "per_trial"), [
    (f"?t {_CTK}hasArm> $this . ?t {_CTK}title> ?x", True),                       # a node linking to the arm
    (f"?t {_CTK}hasArm> $this FILTER NOT EXISTS {{ ?t {_CTK}title> ?x }}", True),  # bound where the filter runs
    (f"$this {_CTK}label>|{_CTK}description> ?x", True),
    (f"{{ ?t {_CTK}hasArm> $this }} UNION {{ ?t {_CTK}title> ?x }}", False),     # any node with a title
    (f"OPTIONAL {{ ?t {_CTK}hasArm> $this }} FILTER NOT EXISTS {{ ?t {_CTK}title> ?x }}", False),  # ?t may be unbound
    (f"?t {_CTK}relatedTrial> $this . ?t {_CTK}title> ?x", False),               # a link from another chunk's trial
    (f"$this {_CTK}hasArm>/{_CTK}label> ?x", False),                             # the statements of a value
    (f"$this {_CTK}hasArm> ?arm . ?arm {_CTK}label> ?x", False),
    (f"$this {_CTK}label> ?x FILTER EXISTS {{ ?t {_CTK}title> ?x }}", False),     # rdflib leaves EXISTS as parsed
    (f"?t {_CTK}hasArm> $this FILTER EXISTS {{ ?t {_CTK}title> ?x . ?x {_CTK}label> ?y }}", False),
])
def test_a_rule_is_per_trial_only_if_it_reads_the_focus_node_s_own_statements_and_its_linkers(where, per_trial):
    shapes = rdflib.Graph().parse(format="turtle", data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass {_CTK}Arm> ; sh:sparql <urn:rule> .
        <urn:rule> sh:select "SELECT $this WHERE {{ {where} }}" .""")
    split = split_checks(compile_shapes(shapes))
    assert (len(split.per_trial), len(split.whole)) == ((1, 0) if per_trial else (0, 1))


BAD_NUMBER = f"<{ID}identifier/nct/NCT0000001>"
BROKEN_ORG = f"<{ID}organization/broken>"


def _corrupted(monkeypatch: pytest.MonkeyPatch, *, untyped_link: bool = False, differing: bool = False,
               foreign_org: bool = False) -> None:
    """Real records mapped with a shared thing made wrong (the first site of the trials whose key ends in 3 given a
    latitude out of range: a second one where it had one) and a trial's identifiers (the trial whose key ends in 4
    given a second NCT number, itself not of the register's form); with ``untyped_link``, an organisation with an
    empty label that one record describes (a key ending in 9) and another names without describing it (ending in 5);
    with ``differing``, a site the records whose keys end in 1 describe with one city and those ending in 8 with
    another: a chunk of only one of them finds it right, the output has it with two cities; with ``foreign_org``, a
    link from the trials whose key ends in 5 to an organisation only other chunks describe (and judge).
    """
    record_triples, shared_triples = kg.build.pipeline.record_triples, kg.build.pipeline.shared_triples

    def own(record, key):  # noqa: ANN001, ANN202
        lines = record_triples(record, key)
        trial = f"<{iris.trial(key)}>"
        if key.endswith("4"):
            lines += [f"{trial} <{CTK}hasIdentifier> {BAD_NUMBER}", f"{BAD_NUMBER} <{RDF_TYPE}> <{CTK}Identifier>",
                      f'{BAD_NUMBER} <{CTK}identifierValue> "NCT0000001"',
                      f"{BAD_NUMBER} <{CTK}identifierScheme> <{VOC}identifier-scheme-NCT>"]
        if untyped_link and key.endswith("5"):
            lines += [f"{trial} <{CTK}collaborator> {BROKEN_ORG}"]
        if foreign_org and key.endswith("5"):
            lines += [f"{trial} <{CTK}collaborator> <{iris.organization('National Cancer Institute (NCI)')}>"]
        return lines

    def shared(record, key):  # noqa: ANN001, ANN202
        lines = shared_triples(record, key)
        sites = sorted(line.split(" ", 1)[0] for line in lines if line.endswith(f"<{RDF_TYPE}> <{CTK}Site>"))
        if sites and key.endswith("3"):
            lines.append(f'{sites[0]} <{CTK}latitude> "123.5"^^<{XSD}decimal>')
        if untyped_link and key.endswith("9"):
            lines += [f"{BROKEN_ORG} <{RDF_TYPE}> <{CTK}Organization>", f'{BROKEN_ORG} <{RDFS}label> ""']
        if differing and key.endswith(("1", "8")):
            lines += [f"{COMMON} <{RDF_TYPE}> <{CTK}Site>", f'{COMMON} <{RDFS}label> "Common"',
                      f'{COMMON} <{CTK}countryCode> "FR"', f'{COMMON} <{CTK}city> "{"One" if key.endswith("1") else "Eight"}"']
        return lines

    monkeypatch.setattr(kg.build.pipeline, "record_triples", own)
    monkeypatch.setattr(kg.build.pipeline, "shared_triples", shared)
    monkeypatch.setattr(kg.build.streaming, "_CHUNK", 4)


def _validated_build(tmp_path: Path, name: str, *, loads: bool) -> str:
    """A file build validated as ``kg build`` validates it (the kept statements spooled beside the output), its
    report as ``kg validate`` writes one; ``loads``: whether that loads the output.
    """
    from kg.atomic import scratch_beside
    from kg.validation.chunks import Kept, chunk_checker
    from kg.validation.engines import format_report

    target = tmp_path / name
    loaded: list[object] = []
    load_store = kg.graphs.files.load_store
    with scratch_beside(target) as spool, pytest.MonkeyPatch.context() as patched:
        kept = Kept(spool)
        report = build([RECORDS], target, format="nquads" if name.endswith(".nq") else "turtle", workers=2,
                       check=chunk_checker(quads=name.endswith(".nq"), named=False), checked=kept.take)
        assert len(report.checked) == 10 and not any(found.broken for found in report.checked)
        assert all(found.kept == b"" for found in report.checked) and spool.tell() > 0  # spooled, not kept in memory
        assert kept.judged > 0 and kept.types.tell() > 0  # shared things judged in the chunks, their types spooled
        patched.setattr(kg.graphs.files, "load_store", lambda paths: loaded.append(paths) or load_store(paths))
        result = validate_built(report.checked, (target,), workers=2, kept=kept, differed=report.differed)
    assert bool(loaded) == loads
    assert not [leftover.name for leftover in tmp_path.iterdir() if leftover.name.endswith(".part")]
    return format_report(result, "text", name)


@pytest.mark.parametrize("name", ["g.ttl", "g.nq"])
def test_a_validated_file_build_reports_what_kg_validate_says_of_its_output(tmp_path, monkeypatch, name):
    _corrupted(monkeypatch)
    said = _validated_build(tmp_path, name, loads=False)
    assert said == run_kg("validate", name, cwd=tmp_path).stdout
    for expected in ("property ctk:latitude, value '123.5'", "NCT0000001 is not a well-formed NCT number",
                     "trial NCT02710084, value 'NCT0000001': The trial holds two numbers of one register",
                     "trial NCT03590054, value 'NCT0000001': The trial holds two numbers of one register"):
        assert expected in said, expected
    # The second number is named by two trials (in two chunks): the report names the first.
    assert "Violation: trial NCT02710084, value 'NCT0000001': NCT0000001 is not a well-formed NCT number" in said


def test_a_link_to_a_shared_thing_another_chunk_judged_has_its_type_from_the_spool(tmp_path, monkeypatch):
    """The collaborator's sh:class failure on the linking trial's chunk is judged again on the types the judging
    chunks spooled apart: no violation, and the output is not loaded.
    """
    _corrupted(monkeypatch, foreign_org=True)
    said = _validated_build(tmp_path, "g.ttl", loads=False)
    assert said == run_kg("validate", "g.ttl", cwd=tmp_path).stdout
    assert "collaborator" not in said


def test_a_shared_thing_a_chunk_judged_and_another_describes_otherwise_has_the_output_loaded(tmp_path, monkeypatch):
    """A chunk judges the shared things it describes that pass there, and keeps nothing of them; the output is
    loaded when one of them is described otherwise by another chunk (kg.build.pipeline.once finds it).
    """
    _corrupted(monkeypatch, differing=True)
    said = _validated_build(tmp_path, "g.ttl", loads=True)
    assert said == run_kg("validate", "g.ttl", cwd=tmp_path).stdout
    assert "site:common" in said or "site/common" in said


def test_a_failing_shared_thing_a_chunk_links_to_untyped_has_the_output_loaded(tmp_path, monkeypatch):
    _corrupted(monkeypatch, untyped_link=True)
    said = _validated_build(tmp_path, "g.ttl", loads=True)
    assert said == run_kg("validate", "g.ttl", cwd=tmp_path).stdout
    assert "organization/broken" in said or "organization:broken" in said


def test_what_the_whole_graph_checks_read_is_found_from_them():
    from kg.validation.compiler.locality import whole_reads

    shapes = compiled_shapes()
    reads = whole_reads(shapes, split_checks(shapes))
    assert reads is not None
    assert {str(c).split("#")[-1] for c in reads.classes} == {
        "Condition", "Identifier", "Organization", "Publication", "Site", "SourceDocument", "Trial"}
    site, trial, link = (rdflib.URIRef(f"{CTK}{name}") for name in ("Site", "Trial", "hasIdentifier"))
    assert (site, None) in reads.own and (trial, None) not in reads.own  # closed sets: all a site says
    assert (trial, link) in reads.own and reads.followed == {(trial, link)}


@pytest.mark.parametrize(("where", "kept"), [
    (f"$this {_CTK}hasIdentifier> ?one . ?one {_CTK}identifierValue> ?x", True),
    (f"$this {_CTK}hasIdentifier> ?one . ?one {_CTK}sameAs> ?two . ?two {_CTK}identifierValue> ?x", False),  # two hops
    (f"?other {_CTK}hasIdentifier> $this . ?other {_CTK}title> ?x", False),  # a node linking to it
    (f"$this {_CTK}hasIdentifier>/{_CTK}identifierValue> ?x", False),      # a path
    (f"$this ?p ?one . ?one {_CTK}label> ?x", False),                      # a value by any property
])
def test_a_whole_graph_rule_has_its_statements_kept_only_if_it_reads_its_focus_node_and_values(where, kept):
    from kg.validation.compiler.locality import whole_reads

    shapes = compile_shapes(rdflib.Graph().parse(format="turtle", data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass {_CTK}Site> ; sh:sparql <urn:rule> .
        <urn:rule> sh:select "SELECT $this WHERE {{ {where} }}" ."""))
    split = split_checks(shapes)
    assert len(split.whole) == 1
    assert (whole_reads(shapes, split) is not None) == kept


@pytest.mark.parametrize("output", ["graph.nt", "graph.nq"])
def test_an_ill_formed_iri_in_a_graph_file_is_refused_though_the_file_is_not_read_again(tmp_path, monkeypatch, output):
    """A validated file build no longer loads its output again (the whole-graph checks read what was kept), and an
    N-Triples or N-Quads file is written as its text is: a chunk with an IRI that is no IRI breaks the premises, and
    the output is validated whole, which refuses the file as `kg validate` does.
    """
    record_triples = kg.build.pipeline.record_triples

    def own(record, key):  # noqa: ANN001, ANN202
        lines = record_triples(record, key)
        return lines + [f'<{iris.trial(key)}> <{CTK}title> "x"'.replace(">", " with a space>", 1)] if key.endswith("7") \
            else lines

    monkeypatch.setattr(kg.build.pipeline, "record_triples", own)
    monkeypatch.setattr(kg.build.streaming, "_CHUNK", 4)
    target = tmp_path / output
    report = build([RECORDS], target, format={".nt": "ntriples", ".nq": "nquads"}[target.suffix],
                   check=partial(check_chunk, quads=target.suffix == ".nq", named=False))
    assert any("not well-formed RDF" in (found.broken or "") for found in report.checked)
    with pytest.raises(GraphError, match="not valid RDF"):
        validate_built(report.checked, (target,))
    assert run_kg("validate", target).returncode != 0
