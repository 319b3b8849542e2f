"""Rows of an arms table (group | intervention | description) whose cells lost their borders."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from kg.model.text import fold

__all__ = ["split_arm_row", "TABLE_HEADER"]

#: The header row of the arms table, glued or spaced.
TABLE_HEADER = re.compile(r"^\s*Group\s*Intervention\s*Description\s*", re.IGNORECASE)

_TITLE_WORD = re.compile(r"(?<=[a-z)\]\s])[A-Z][a-z]+\b")


_WORD = re.compile(r"\S+")


def _sentence_start(text: str) -> int | None:
    """Where a sentence opens after the first word: a capitalised word followed by lowercase prose."""
    for match in _TITLE_WORD.finditer(text):
        if match.start() == 0:
            continue
        following = [word.group() for word in itertools.islice(_WORD.finditer(text, match.end()), 5)]
        if sum(1 for word in following if word[:1].islower()) >= 3:
            return match.start()
    return None


def _repeated_suffix(text: str) -> int | None:
    """Where the longest trailing run of words starts that also stands earlier, between spaces
    (the intervention cell often repeats words of the group name: "NK cell treatment ... NK cell").

    ``text`` is stripped. A run that stands earlier holds shorter trailing runs that do too, so
    the runs that do are the last ones, and the longest is found by bisection: trying every run
    was cubic in the words of a long row.

    >>> text = "NK cell treatment in AML relapse NK cell"
    >>> text[_repeated_suffix(text):], _repeated_suffix("no repeat here")
    ('NK cell', None)
    """
    starts = [word.start() for word in _WORD.finditer(text)]
    low, high = 1, len(starts)  # the first run that stands earlier is in starts[low:high], or none is
    while low < high:
        middle = (low + high) // 2
        if _stands_between_spaces(text[starts[middle]:], text[: starts[middle]]):
            high = middle
        else:
            low = middle + 1
    return starts[low] if low < len(starts) else None


def _stands_between_spaces(needle: str, haystack: str) -> bool:
    position = haystack.find(needle)
    while position >= 0:
        end = position + len(needle)
        if (position == 0 or haystack[position - 1].isspace()) and (end == len(haystack) or haystack[end].isspace()):
            return True
        position = haystack.find(needle, position + 1)
    return False


def split_arm_row(row: str, interventions: Sequence[str] = ()) -> tuple[str, list[str], str | None]:
    """Split one row into (group, intervention names, description).

    Known intervention names (from the page's Interventions list) find the cell borders;
    without them, the description is where prose starts and the intervention is the
    trailing words of the group cell that repeat earlier words.

    >>> split_arm_row("expanded NK cell immunotherapyNK cell infusionsAfter chemotherapy a patient receives NK cells.",
    ...               ["NK cell infusions"])
    ('expanded NK cell immunotherapy', ['NK cell infusions'], 'After chemotherapy a patient receives NK cells.')
    >>> split_arm_row("NK cell treatment in AML relapse NK cell The relapsed AML patients will receive donor NK cells.")
    ('NK cell treatment in AML relapse', ['NK cell'], 'The relapsed AML patients will receive donor NK cells.')
    """
    row = TABLE_HEADER.sub("", row).strip()
    names = sorted({fold(n) for n in interventions if fold(n)}, key=len, reverse=True)
    for match in _occurrences(row, names):
        found, position = [], match[0]
        while True:
            name = next((n for n in names if row.startswith(n, position)), None)
            if name is None:
                break
            if name not in found:
                found.append(name)
            position += len(name)
            while position < len(row) and row[position] in " ,;":
                position += 1
        # Only where the names end in the right place is anything copied out of the row: copying
        # the text before and after each of thousands of occurrences took quadratic time.
        following = _WORD.search(row, position)
        if following is None or following.group()[0].isupper() or following.group()[0].isdigit():
            label = fold(row[: match[0]])
            if label:
                return label, found, row[position:].strip() or None
    start = _sentence_start(row)
    head, description = (row[:start], fold(row[start:])) if start else (row, None)
    cut = _repeated_suffix(head.strip())
    if cut:
        head = head.strip()
        return fold(head[:cut]), [fold(head[cut:])], description
    return fold(head), [], description


def _occurrences(row: str, names: Sequence[str]) -> list[tuple[int, str]]:
    spots = {(m.start(), name) for name in names for m in re.finditer(re.escape(name), row)}
    return sorted(spots, key=lambda spot: (spot[0], -len(spot[1])))
