"""The stored queries speak the contract's tokens (../shared/spec/queries.md), whatever finer concept the
graph holds: the graph keeps a placenta as the tissue a product comes from (voc:tissue-source-PLACENTA),
and `cell_products` leaves its tissue_source empty, the contract listing PERIPHERAL_BLOOD,
UMBILICAL_CORD_BLOOD, BONE_MARROW, CELL_LINE and IPSC only.
"""

from __future__ import annotations

import csv
import io

from conftest import TESTS, run_kg

#: "CYNK-001 ... NK cells expanded from human placental CD34+ cells" (held-out 9, a MedPath results page).
PLACENTAL = TESTS / "data" / "therapy-holdout9" / "pages"


def test_a_placental_product_is_placenta_in_the_graph_and_no_contract_tissue_in_cell_products(tmp_path):
    [page] = PLACENTAL.glob("*/NCT04365101-*.txt")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / page.name).write_bytes(page.read_bytes())
    built = run_kg("build", tmp_path / "in", "-o", tmp_path / "g.nt", "--no-validate", "-q")
    assert built.returncode == 0, built.stderr
    assert "/vocab/tissue-source-PLACENTA>" in (tmp_path / "g.nt").read_text(encoding="utf-8")
    queried = run_kg("query", "cell_products", "--data", tmp_path / "g.nt", "-f", "csv")
    assert queried.returncode == 0, queried.stderr
    products = list(csv.DictReader(io.StringIO(queried.stdout)))
    assert [(row["trial_id"], row["cell_type"], row["tissue_source"]) for row in products] == [("NCT04365101", "NK", "")]
