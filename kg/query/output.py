"""Query results as text: an aligned table for people, CSV / TSV / JSON for programs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from rdflib.namespace import RDF

from kg.model.namespaces import ID, PREFIXES
from kg.query.run import Result

__all__ = ["OUTPUT_FORMATS", "format_result", "format_pages"]

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")

#: The graph's prefixes (and ``rdf:``, ``id:`` for the rest of what we mint), longest namespace first,
#: so that ``id:`` does not take what a longer one names.
_NAMESPACES = sorted({**PREFIXES, "rdf": str(RDF), "id": ID}.items(), key=lambda item: -len(item[1]))
#: Table cells longer than this are cut, so a table fits a terminal; CSV and JSON keep everything.
_TABLE_CELL = 48


def format_result(result: Result, format: str) -> str:
    """``result`` written in ``format`` (one of :data:`OUTPUT_FORMATS`).

    >>> print(format_result(Result(["trial_id", "phase"], [["NCT05272293", "PHASE1"]]), "csv"), end="")
    trial_id,phase
    NCT05272293,PHASE1
    """
    if format in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if format == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if value is None else value for value in row] for row in result.rows])
        return buffer.getvalue()
    if format == "json":
        rows = [dict(zip(result.columns, row)) for row in result.rows]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if format == "table":
        return _table(result)
    raise ValueError(f"unknown output format {format!r} (choose from {', '.join(OUTPUT_FORMATS)})")


def format_pages(pages: Iterable[Result], format: str) -> Iterator[str]:
    r"""The rows of ``pages`` (one query's, in order) written in ``format``, a piece as each page comes: CSV and
    TSV line by line, so a listing's first rows can be read while the store reads the next; a table (its
    columns as wide as their widest cell) and JSON (one document) once the last page is in.

    >>> pages = [Result(["trial_id"], [["NCT05272293"]]), Result(["trial_id"], [["NL-OMON26066"]])]
    >>> list(format_pages(pages, "csv"))
    ['trial_id\nNCT05272293\n', 'NL-OMON26066\n']
    """
    if format not in ("csv", "tsv"):
        pages = list(pages)
        yield format_result(Result(pages[0].columns, [row for page in pages for row in page.rows]), format)
        return
    for at, page in enumerate(pages):
        text = format_result(page, format)
        yield text if at == 0 else text.split("\n", 1)[1]


def _compact(text: str) -> str:
    """An IRI in one of the graph's namespaces as a compact IRI (``id:trial/NCT05272293``), for people."""
    for prefix, namespace in _NAMESPACES:
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _cell(value: str | None) -> str:
    text = _compact(" ".join((value or "").split()))
    return text if len(text) <= _TABLE_CELL else text[: _TABLE_CELL - 1] + "…"


def _table(result: Result) -> str:
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
