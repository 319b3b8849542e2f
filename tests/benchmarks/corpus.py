"""A realistic corpus of N ClinicalTrials.gov API v2 studies, made from the real ones we ship.

Each study is recombined from the 38 real registry records in ``tests/data/ctgov-json/``
and from what our page readers read of the five seed pages (``tests/data/seeds/``): its
title, summaries, arms and interventions, outcomes, eligibility criteria, conditions,
sites, sponsors and dates each come from a (seeded) random real study, so the text the
cell-therapy reading works on is real text. Every study gets its own NCT number, sponsor
study id and, now and then, its own EudraCT number, so no two studies join into one trial.

Sponsors, conditions and sites are as varied as the registry's, not as few as the pool's 50
studies: they follow a sample of 578 real registry studies of every kind
(``tests/data/ctgov-negative/``). There, 72 % of lead-sponsor mentions, 47 % of condition
mentions and 88 % of site mentions are the first of their name; here each mention is a new
name with that probability and otherwise repeats an earlier study's mention (so popular names
grow more popular, as in the registry). A fixed share of new names at every size over-states
the variety of a large corpus (a registry sample of 578 sees more first mentions per study
than the whole registry does), so caches and the sharing of statements are measured at their
worst. A study's number of sites follows the sample's (median 1, mean 7.6, up to 315), and one
study in 5,000 has 1,000 to 3,000 sites, as the registry's largest vaccine and drug trials do.

Study ``i`` is the same whatever N is and whichever seed-independent order it is asked
in: the corpus of 1,000 studies is the first 1,000 of the corpus of 100,000.

    python tests/benchmarks/corpus.py 10000 -o ctg-studies.json.zip      # like the bulk download
    python tests/benchmarks/corpus.py 1000 -o studies.jsonl --format jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["studies", "write_corpus", "REAL_STUDIES", "SEED_PAGES"]

_TESTS = Path(__file__).resolve().parent.parent
REAL_STUDIES = _TESTS / "data" / "ctgov-json"
REGISTRY_SAMPLE = _TESTS / "data" / "ctgov-negative" / "studies.zip"
#: Share of mentions in the registry sample that are the first of their name (measured by
#: ``_first_mentions``; a test keeps these in step with the sample).
NEW_NAME_SHARE = {"sponsor": 0.72, "condition": 0.47, "site": 0.88}
#: One study in this many has 1,000 to 3,000 sites.
HUGE_STUDY_EVERY = 5000
SEED_PAGES = _TESTS / "data" / "seeds"
#: The bulk download's entries carry no meaningful time stamp; a fixed one keeps the zip's bytes stable.
_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def _page_study(record: Any) -> dict[str, Any]:
    """A seed page's record written back as an API v2 study, so page text joins the pool."""
    blocks = []
    for kind in ("INCLUSION", "EXCLUSION"):
        for population in (None, "PATIENT", "DONOR"):
            items = [c.text for c in record.criteria if c.kind == kind and c.population == population]
            if items:
                heading = f"{(population or '').title()} {kind.title()} Criteria:".strip()
                blocks.append(heading + "\n\n" + "\n".join(f"* {item}" for item in items))
    criteria = "\n\n".join(blocks)
    return {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000000", "briefTitle": record.title or "Untitled study"},
        "statusModule": {"overallStatus": record.status or "RECRUITING",
                         "startDateStruct": {"date": record.start_date or "2020-01-01"},
                         "completionDateStruct": {"date": record.completion_date or "2026-12-31"}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": record.sponsors[0].name if record.sponsors else "Unknown"}},
        "descriptionModule": {"briefSummary": record.brief_summary or record.title or "",
                              "detailedDescription": record.detailed_description or ""},
        "conditionsModule": {"conditions": record.conditions or ["Acute Myeloid Leukemia"]},
        "designModule": {"studyType": record.study_type or "INTERVENTIONAL", "phases": record.phases,
                         "enrollmentInfo": {"count": record.enrollment or 20}},
        "armsInterventionsModule": {
            "interventions": [{"type": i.type or "BIOLOGICAL", "name": i.name,
                               **({"description": i.description} if i.description else {})} for i in record.interventions],
            "armGroups": [{"label": a.label, **({"type": a.type} if a.type else {}),
                           **({"description": a.description} if a.description else {}),
                           "interventionNames": a.interventions} for a in record.arms]},
        "outcomesModule": {"primaryOutcomes": [{"measure": o.measure, **({"timeFrame": o.time_frame} if o.time_frame else {})}
                                               for o in record.outcomes if o.kind == "PRIMARY"],
                           "secondaryOutcomes": [{"measure": o.measure} for o in record.outcomes if o.kind == "SECONDARY"]},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": record.sex or "ALL", "minimumAge": "18 Years"},
        "contactsLocationsModule": {"locations": [{"facility": s.name, "city": s.city, "country": "United States"}
                                                  for s in record.sites if s.name]},
    }}


@cache
def _pool() -> tuple[dict[str, Any], ...]:
    from kg.enrich import enriched
    from kg.read import read_path

    real = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(REAL_STUDIES.glob("*.json"))]
    pages = [_page_study(record) for path in sorted(SEED_PAGES.iterdir()) for record in enriched(read_path(path))
             if not isinstance(record, Exception)]
    return tuple(real + pages)


@cache
def _having(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(study["protocolSection"][name] for study in _pool() if study["protocolSection"].get(name))


@cache
def _registry_sample() -> tuple[dict[str, Any], ...]:
    with zipfile.ZipFile(REGISTRY_SAMPLE) as archive:
        return tuple(json.loads(archive.read(name))["protocolSection"] for name in sorted(archive.namelist()))


def _mentions(protocol: dict[str, Any], kind: str) -> list[Any]:
    if kind == "sponsor":
        lead = protocol.get("sponsorCollaboratorsModule", {}).get("leadSponsor")
        return [lead] if lead and lead.get("name") else []
    if kind == "condition":
        return list(protocol.get("conditionsModule", {}).get("conditions", []))
    return [site for site in protocol.get("contactsLocationsModule", {}).get("locations", []) if site.get("facility")]


def _name(kind: str, mention: Any) -> Any:
    if kind == "sponsor":
        return mention["name"]
    if kind == "site":
        return (mention.get("facility"), mention.get("city"), mention.get("country"))
    return mention


def _first_mentions(kind: str) -> float:
    """The share of ``kind`` mentions in the registry sample that are the first of their name."""
    names = [_name(kind, m) for protocol in _registry_sample() for m in _mentions(protocol, kind)]
    return len(set(names)) / len(names)


@cache
def _real(kind: str) -> tuple[Any, ...]:
    return tuple(m for protocol in _registry_sample() for m in _mentions(protocol, kind))


@cache
def _site_counts() -> tuple[int, ...]:
    return tuple(len(_mentions(protocol, "site")) for protocol in _registry_sample())


def _renamed(kind: str, mention: Any, number: str) -> Any:
    """A real mention under a name of its own (the number keeps it apart from the real one)."""
    if kind == "sponsor":
        return {**mention, "name": f"{mention['name']} {number}"}
    if kind == "site":
        return {**mention, "facility": f"{mention['facility']} {number}"}
    return f"{mention} {number}"


def _mention(kind: str, index: int, slot: int, seed: int) -> Any:
    """Mention ``slot`` of ``kind`` in study ``index``: a new name, or an earlier study's.

    Repeating walks back to earlier studies, so a mention depends on those before it only,
    never on how many studies are asked for; the walk is short (a new name ends it).
    """
    while True:
        rng = random.Random(f"{seed}:{kind}:{index}:{slot}")
        if index == 0 or rng.random() < NEW_NAME_SHARE[kind]:
            return _renamed(kind, rng.choice(_real(kind)), f"{index}-{slot}")
        index, slot = rng.randrange(index), 0


def _module(rng: random.Random, name: str) -> dict[str, Any]:
    """The module ``name`` of a random real study that has it (shared: only ever read)."""
    return rng.choice(_having(name))


def _day(rng: random.Random, start: date, span_days: int) -> str:
    return (start + timedelta(days=rng.randrange(span_days))).isoformat()


def study(index: int, seed: int = 0) -> dict[str, Any]:
    """Study number ``index`` of the corpus made with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    # The pool's studies are shared by every study made: only modules copied here are changed.
    base = dict(rng.choice(_pool()))
    protocol = base["protocolSection"] = {name: dict(module) if isinstance(module, dict) else module
                                          for name, module in base["protocolSection"].items()}
    nct = f"NCT9{index:07d}"
    identification = protocol.setdefault("identificationModule", {})
    identification["nctId"] = nct
    identification["briefTitle"] = _module(rng, "identificationModule")["briefTitle"]
    identification["orgStudyIdInfo"] = {"id": f"{(identification.get('orgStudyIdInfo') or {}).get('id', 'STUDY')}-{index}"}
    joining = ("EUDRACT_NUMBER", "REGISTRY", "CTIS")  # register numbers would join this study to its model
    secondary = [s for s in identification.get("secondaryIdInfos") or [] if s.get("type") not in joining]
    if rng.random() < 0.1:
        secondary.append({"id": f"{rng.randrange(2004, 2024)}-{index:06d}-{rng.randrange(10, 100)}", "type": "EUDRACT_NUMBER"})
    identification["secondaryIdInfos"] = secondary
    for name in ("descriptionModule", "armsInterventionsModule", "outcomesModule", "eligibilityModule", "conditionsModule"):
        protocol[name] = _module(rng, name)
    conditions = protocol["conditionsModule"].get("conditions", [])
    protocol["conditionsModule"] = {**protocol["conditionsModule"],
                                    "conditions": [_mention("condition", index, slot, seed) for slot in range(len(conditions))]}
    design = protocol.setdefault("designModule", {})
    design["enrollmentInfo"] = {**design.get("enrollmentInfo", {}), "count": rng.randrange(5, 600)}
    status = protocol.setdefault("statusModule", {})
    start = _day(rng, date(2000, 1, 1), 9000)
    status["overallStatus"] = rng.choice(["RECRUITING", "COMPLETED", "ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING",
                                          "TERMINATED", "UNKNOWN", "WITHDRAWN"])
    status["startDateStruct"] = {"date": start, "type": "ACTUAL"}
    status["completionDateStruct"] = {"date": _day(rng, date.fromisoformat(start), 3000), "type": "ESTIMATED"}
    status["lastUpdatePostDateStruct"] = {"date": _day(rng, date(2015, 1, 1), 3800), "type": "ACTUAL"}
    sponsors = protocol.setdefault("sponsorCollaboratorsModule", {})
    sponsors["leadSponsor"] = _mention("sponsor", index, 0, seed)
    if rng.randrange(HUGE_STUDY_EVERY) == 0:
        count = rng.randrange(1000, 3001)
    else:
        count = rng.choice(_site_counts())
    protocol["contactsLocationsModule"] = {"locations": [_mention("site", index, slot, seed) for slot in range(count)]}
    base["derivedSection"] = rng.choice([s for s in _pool() if s.get("derivedSection")])["derivedSection"]
    return base


def studies(count: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """The first ``count`` studies of the corpus made with ``seed``."""
    return (study(index, seed) for index in range(count))


def write_corpus(count: int, output: Path, seed: int = 0, format: str = "zip") -> Path:
    """Write ``count`` studies as a zip of one JSON file per study (as the registry's bulk
    download) or as JSON Lines; the same arguments always give the same bytes.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    if format == "jsonl":
        with open(output, "w", encoding="utf-8") as stream:
            for item in studies(count, seed):
                stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        return output
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for item in studies(count, seed):
            entry = zipfile.ZipInfo(f"{item['protocolSection']['identificationModule']['nctId']}.json", _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, json.dumps(item, ensure_ascii=False, indent=2))
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="How many studies.")
    parser.add_argument("-o", "--output", type=Path, required=True, help="The file to write.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["zip", "jsonl"], default="zip")
    arguments = parser.parse_args()
    write_corpus(arguments.count, arguments.output, arguments.seed, arguments.format)


if __name__ == "__main__":
    main()
