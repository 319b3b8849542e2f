"""The scorer of the shared evaluation (shared/eval/score.py), vendored: how gold CSV rows and a
query's CSV rows are matched and counted as facts (a matched row, and each non-empty scored cell).

Copied unchanged from score.py (SPEC to key_str) so that the therapy corpus is scored exactly as the
evaluation scores, without the shared folder; ``therapy_score.py`` adds the extra columns it scores.
Standard library only.
"""
# ruff: noqa
import csv
import io
import re
from difflib import SequenceMatcher

# query -> (key columns, scored columns), each column "name:type"
SPEC = {
    "trials": (["trial_id:id"], ["title:text", "phase:enum", "status:enum", "study_type:enum",
               "enrollment:num", "sex:enum", "min_age_years:num", "max_age_years:num",
               "healthy_volunteers:bool", "allocation:enum", "intervention_model:enum",
               "primary_purpose:enum", "masking:enum", "start_date:date", "completion_date:date"]),
    "identifiers": (["trial_id:id", "identifier:id"], ["scheme:enum"]),
    "sponsors": (["trial_id:id", "organization:text"], []),
    "conditions": (["trial_id:id", "condition:text"], []),
    "arms": (["trial_id:id", "arm:text"], ["arm_type:enum", "description:text"]),
    "interventions": (["trial_id:id", "arm:text", "intervention:text"], ["intervention_type:enum"]),
    "cell_products": (["trial_id:id"], ["cell_type:enum", "donor_type:enum", "tissue_source:enum",
                      "ex_vivo_expanded:bool", "feeder_cells:text", "genetically_modified:bool",
                      "infusions:num"]),
    "cell_doses": (["trial_id:id", "dose_min:num", "dose_max:num"], ["unit:enum", "per:enum"]),
    "cytokines": (["trial_id:id", "cytokine:enum", "dose:num"], ["role:enum", "unit:enum", "route:enum",
                  "frequency:enum", "number_of_doses:num", "duration_days:num"]),
    "regimens": (["trial_id:id", "regimen:text"], ["purpose:enum"]),
    "outcomes": (["trial_id:id", "kind:enum", "measure:text"], ["time_frame:text"]),
    "sites": (["trial_id:id", "site:text"], ["city:text", "country:enum"]),
    "eligibility": (["trial_id:id", "kind:enum", "criterion:text"], ["population:enum"]),
    "related_trials": (["trial_id:id", "related_id:id"], []),
    "references": (["trial_id:id", "doi:id"], ["pmid:id"]),
}
TEXT_MIN = 0.85


def fold(s):
    s = (s or "").replace("\\^", "^").replace("\\>", ">").replace("\\<", "<").replace("\\", "")
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s.rstrip(" .;,:")


def tokens(kind, value):
    """A cell as a set of normalised values (or alternatives, for text)."""
    value = (value or "").strip()
    if not value:
        return frozenset()
    if kind == "text":
        return frozenset(fold(v) for v in value.split("¦") if fold(v))
    parts = [p.strip() for p in value.split("|") if p.strip()]
    out = set()
    for p in parts:
        if kind == "num":
            try:
                out.add(round(float(p.replace(",", "")), 6))
            except ValueError:
                out.add(fold(p))
        elif kind == "bool":
            out.add({"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}.get(p.lower(), fold(p)))
        elif kind == "enum":
            out.add(re.sub(r"[^A-Z0-9]", "", p.upper()))
        elif kind == "date":
            out.add(p[:10])
        else:  # id
            out.add(re.sub(r"\s+", "", p).lower())
    return frozenset(out)


def similar(kind, gold, pred):
    """1.0 for a match, else a similarity below 1 (text) or 0."""
    if not gold and not pred:
        return 1.0
    if not gold or not pred:
        return 0.0
    if kind == "text":
        best = max(SequenceMatcher(None, g, p).ratio() for g in gold for p in pred)
        return 1.0 if best >= TEXT_MIN else best
    return 1.0 if gold == pred else 0.0


def load_rows(text, cols):
    reader = csv.DictReader(io.StringIO(text))
    rows = []
    for raw in reader:
        rows.append({c: tokens(c_kind, raw.get(c_name, "") or "")
                     for c in cols for c_name, c_kind in [c.split(":")]})
    return rows


def merge(rows, keys, cols):
    """Rows with the same exact key become one row whose cells are unions."""
    merged = {}
    for r in rows:
        k = tuple(r[c] for c in keys)
        if k in merged:
            for c in cols:
                merged[k][c] = merged[k][c] | r[c]
        else:
            merged[k] = dict(r)
    return list(merged.values())


def score_query(name, gold_text, pred_text, verbose):
    keys, scored = SPEC[name]
    cols = keys + scored
    gold = merge(load_rows(gold_text, cols), keys, cols)
    pred = merge(load_rows(pred_text, cols), keys, cols) if pred_text is not None else []
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            sims = [similar(c.split(":")[1], g[c], p[c]) for c in keys]
            if min(sims) >= 1.0:
                pairs.append((sum(sims), gi, pi))
    pairs.sort(reverse=True)
    gold_used, pred_used, match = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in gold_used and pi not in pred_used:
            gold_used.add(gi); pred_used.add(pi); match.append((gi, pi))
    nonempty = lambda r: sum(1 for c in scored if r[c])
    g_facts = sum(1 + nonempty(g) for g in gold)
    p_facts = sum(1 + nonempty(p) for p in pred)
    correct, notes = 0, []
    for gi, pi in match:
        correct += 1
        for c in scored:
            g, p = gold[gi][c], pred[pi][c]
            if g and p and similar(c.split(":")[1], g, p) >= 1.0:
                correct += 1
            elif g or p:
                notes.append(f"  {name}: {key_str(gold[gi], keys)} {c.split(':')[0]}: gold {show(g)} got {show(p)}")
    for gi, g in enumerate(gold):
        if gi not in gold_used:
            notes.append(f"  {name}: missing row {key_str(g, keys)}")
    for pi, p in enumerate(pred):
        if pi not in pred_used:
            notes.append(f"  {name}: extra row {key_str(p, keys)}")
    if verbose:
        for n in notes:
            print(n)
    return g_facts, p_facts, correct


def show(v):
    return "|".join(sorted(str(x) for x in v)) if v else "(empty)"


def key_str(row, keys):
    return "(" + ", ".join(show(row[c])[:60] for c in keys) + ")"

