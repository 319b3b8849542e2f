"""A realistic corpus of N ClinicalTrials.gov API v2 studies, made from the real ones we ship.

Each study is recombined from the 38 real registry records in ``tests/data/ctgov-json/``
and from what our page readers read of the five seed pages (``tests/data/seeds/``): its
title, summaries, arms and interventions, outcomes, eligibility criteria, conditions,
sites, sponsors and dates each come from a (seeded) random real study, so the text the
cell-therapy reading works on is real text. Every study gets its own NCT number, sponsor
study id and, now and then, its own EudraCT number, so no two studies join into one trial.

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
def _sites() -> tuple[dict[str, Any], ...]:
    return tuple(site for study in _pool()
                 for site in study["protocolSection"].get("contactsLocationsModule", {}).get("locations", []))


@cache
def _having(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(study["protocolSection"][name] for study in _pool() if study["protocolSection"].get(name))


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
    sponsors["leadSponsor"] = _module(rng, "sponsorCollaboratorsModule")["leadSponsor"]
    sites = _sites()
    count = min(rng.choice([0, 0, 1, 1, 1, 2, 3, 5, 12, 40]), len(sites))
    protocol["contactsLocationsModule"] = {"locations": rng.sample(sites, count)}
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
