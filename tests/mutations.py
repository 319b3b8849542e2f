"""Hypothesis strategies for broken and hostile documents, built from the real ones.

Every strategy starts from a real document of the test corpus (trial pages of every layout,
ClinicalTrials.gov API v2 JSON) and breaks it the ways scraped pages and bulk files break:
sections dropped, duplicated, moved or repeated thousands of times; text cut mid-word;
lines glued or shuffled; random bytes; parts in another encoding; hostile values (quotes,
control characters, right-to-left marks, huge numbers); runs built to make a regular
expression backtrack. JSON documents are broken as trees (keys dropped, values of the
wrong type, nesting without end) and then as text. Sections are found with the labels of
the readers themselves (``LABELS`` of each module in :data:`kg.read.READERS`), so a
new reader's labels are used as soon as it is registered.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from kg.errors import DocumentError
from kg.read import READERS, read_bytes

DATA = Path(__file__).resolve().parent / "data"

__all__ = ["PAGES", "JSON_DOCUMENTS", "HOSTILE_TEXTS", "broken_pages", "broken_json", "broken_archives", "raw_bytes",
           "any_document"]


def _page_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    # The collected pages open with the address they were taken from; the page follows.
    return data.split(b"\n", 1)[1] if data.startswith(b"# source: ") else data


PAGES: list[tuple[str, bytes]] = [(path.name, _page_bytes(path)) for path in
                                  sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "pages").glob("*/*.txt"))]
#: The pages a reader takes as they are: broken, they reach deepest into the readers.
READABLE_PAGES = [(name, data) for name, data in PAGES if not isinstance(next(read_bytes(data, name)), DocumentError)]
JSON_DOCUMENTS: list[tuple[str, Any]] = [(path.name, json.loads(path.read_bytes()))
                                         for path in sorted((DATA / "ctgov-json").glob("*.json"))]

#: Text that must stay text: quotes of every syntax we write, escapes, markup, controls,
#: bidirectional marks, non-BMP characters, entities, and numbers no parser expects.
HOSTILE_TEXTS = [
    '"', "'", '"""', "'''", "\\", "\\\\", '\\"', "\\u0022", "\\n", "\n", "\r", "\r\n", "\t", "\x00", "\x01", "\x07",
    "\x0b", "\x0c", "\x1b[31m", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\u200e", "\u200f", "\u202a",
    "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\uffff", "\U0001f9ec", "\U0010ffff", "e\u0301", "ﬁ", "Ａ",
    ">", "<", "<br>", "<script>alert(1)</script>", "&lt;", "&amp;", "&#0;", "&#x110000;", "]]>", "-->",
    "<http://example.org/x>", "_:b0", "@prefix x: <y> .", "} ; DROP ALL ; #", "' OR '1'='1", "${jndi:x}",
    "%00", "%2F..%2F", "../../etc/passwd", "C:\\Windows", "NCT00000000\"@en", "^^<x>", "a b", "  ", "",
    "1" * 5000, "9" * 400 + ".5", "1e999", "-0", "NaN", "Infinity", "10^9999", "10^-9999", "×10⁹⁹⁹⁹",
    "Phase " + "1/" * 50, "ñandú", "Ärztliche Überwachung", "髄膜炎", "מחקר", "دراسة", "ζ",
]

#: Runs that make a careless regular expression backtrack: repeated almost-matches.
_RUNS = ["1. ", "1.", "(1) ", "a", "aA", "a)", "A", " ", "\t ", "-", "–", "/", "(", ")", "[", "0", "9", "10^", "10^9 ",
         "1×10", "x 10", "×", "Day 1 to ", "day 1 through ", "1 - ", "Phase 1/", "phase i ", "and ", "NCT", "NCT1",
         "2019-", "ChiCTR-", "mg/kg ", "IU/m2 ", "IL-2 ", "cells/kg ", "CD56+ ", "10.1000/", "PMID", ": ", "a: ",
         "Inclusion criteria ", "Group Type ", "|", "| a |", "\\", "&amp;", "<br>", "¡Ý", "Ã©", "\u00a0"]

_ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32", "shift_jis", "gb2312", "koi8-r", "cp437", "mac-roman"]


def _label_key(line: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", line.lower()).strip()


def _labels() -> set[str]:
    labels: set[str] = set()
    for reader in READERS.values():
        for key, value in getattr(reader, "LABELS", {}).items():
            labels.update(value if isinstance(value, tuple) else (key,))
    return {_label_key(label) for label in labels if _label_key(label)}


_LABEL_KEYS = _labels()


def _sections(lines: list[str]) -> list[list[str]]:
    """A page's lines cut where a reader's label opens a section (the lines before: one more)."""
    sections: list[list[str]] = [[]]
    for line in lines:
        if _label_key(line) in _LABEL_KEYS:
            sections.append([])
        sections[-1].append(line)
    return sections


def _index(draw: st.DrawFn, items: list[Any] | bytes) -> int:
    """A place in ``items``, any one as likely (st.integers favours small numbers: the start of a page)."""
    return draw(st.sampled_from(range(max(len(items), 1))))


def _position(draw: st.DrawFn, size: int) -> int:
    return draw(st.sampled_from(range(size + 1)))


# Mutations of a page's text: each takes the lines and gives them back broken.

def _drop_section(draw: st.DrawFn, lines: list[str]) -> list[str]:
    sections = _sections(lines)
    del sections[_index(draw, sections)]
    return [line for section in sections for line in section]


def _duplicate_section(draw: st.DrawFn, lines: list[str]) -> list[str]:
    sections = _sections(lines)
    at = _index(draw, sections)
    sections.insert(draw(st.integers(0, len(sections))), list(sections[at]))
    return [line for section in sections for line in section]


def _move_section(draw: st.DrawFn, lines: list[str]) -> list[str]:
    sections = _sections(lines)
    moved = sections.pop(_index(draw, sections))
    sections.insert(draw(st.integers(0, len(sections))), moved)
    return [line for section in sections for line in section]


def _repeat_section(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """One section repeated up to thousands of times (pages of some sites loop)."""
    sections = _sections(lines)
    at = _index(draw, sections)
    size = max(sum(len(line) + 1 for line in sections[at]), 1)
    times = draw(st.integers(2, max(2, min(5000, 1_000_000 // size))))
    sections[at] = sections[at] * times
    return [line for section in sections for line in section]


def _truncate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    return text[: _position(draw, len(text))].split("\n")


def _glue(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Lines glued without their break, as scrapers lose cell borders (one pair or a whole run)."""
    if len(lines) < 2:
        return lines
    at = _index(draw, lines[:-1])
    end = min(len(lines), at + draw(st.integers(2, 40)))
    joiner = draw(st.sampled_from(["", " ", "\t", " | "]))
    return [*lines[:at], joiner.join(lines[at:end]), *lines[end:]]


def _shuffle(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if len(lines) < 2:
        return lines
    start = _index(draw, lines)
    window = lines[start: start + draw(st.integers(2, 60))]
    return [*lines[:start], *draw(st.permutations(window)), *lines[start + len(window):]]


def _hostile_value(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """A hostile line in place of a value, or inside one (the line after a label is a value)."""
    value = "".join(draw(st.lists(st.sampled_from(HOSTILE_TEXTS) | st.text(max_size=20), min_size=1, max_size=6)))
    labelled = [i + 1 for i, line in enumerate(lines[:-1]) if _label_key(line) in _LABEL_KEYS]
    at = draw(st.sampled_from(labelled)) if labelled and draw(st.booleans()) else _index(draw, lines)
    if not lines:
        return [value]
    line = lines[at]
    cut = _position(draw, len(line))
    return [*lines[:at], draw(st.sampled_from([value, line[:cut] + value + line[cut:]])), *lines[at + 1:]]


def _run(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """A long run of an almost-match, on a line of its own or inside one."""
    run = draw(st.sampled_from(_RUNS)) * draw(st.integers(10, 20_000))
    at = _index(draw, lines)
    line = lines[at] if lines else ""
    return [*lines[:at], draw(st.sampled_from([run, line + run, run + line])), *lines[at + 1:]]


def _line_breaks(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Windows or old Mac line ends, or none at all (a page flattened to one line)."""
    joiner = draw(st.sampled_from(["\r\n", "\r", " ", "\n\n", "\u2028", "\x0c"]))
    return joiner.join(lines).split("\n")


def _label_only(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Labels without their values, or a label glued to its value ("StatusRecruiting")."""
    keep = [i for i, line in enumerate(lines) if _label_key(line) in _LABEL_KEYS]
    if not keep:
        return lines
    if draw(st.booleans()):
        return [lines[i] for i in keep]
    at = draw(st.sampled_from(keep))
    return [*lines[:at], "".join(lines[at: at + 2]), *lines[at + 2:]]


_TEXT_MUTATIONS = [_drop_section, _duplicate_section, _move_section, _repeat_section, _truncate, _glue, _shuffle,
                   _hostile_value, _run, _line_breaks, _label_only]


# Mutations of the bytes.

def _random_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    at = _position(draw, len(data))
    return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]


def _mixed_encoding(draw: st.DrawFn, data: bytes) -> bytes:
    """A stretch of the page in another encoding, or UTF-8 read as Latin-1 and saved again (mojibake)."""
    text = data.decode("utf-8", errors="replace")
    start = _position(draw, len(text))
    end = start + _position(draw, len(text) - start)
    encoding = draw(st.sampled_from([*_ENCODINGS, "mojibake"]))
    if encoding == "mojibake":
        middle = text[start:end].encode("utf-8").decode("latin-1").encode("utf-8")
    else:
        middle = text[start:end].encode(encoding, errors="replace")
    return text[:start].encode("utf-8") + middle + text[end:].encode("utf-8")


def _flip_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    changed = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        changed[_index(draw, data)] = draw(st.integers(0, 255))
    return bytes(changed)


_BYTE_MUTATIONS = [_random_bytes, _mixed_encoding, _flip_bytes]


@st.composite
def broken_pages(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real page of any layout, broken by one to four mutations of its text and, at times, its bytes."""
    name, data = draw(st.sampled_from(READABLE_PAGES) | st.sampled_from(PAGES))
    lines = data.decode("utf-8").split("\n")
    for mutation in draw(st.lists(st.sampled_from(_TEXT_MUTATIONS), min_size=1, max_size=4)):
        lines = mutation(draw, lines)
    broken = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # most pages stay UTF-8 text, to reach the readers
        broken = draw(st.sampled_from(_BYTE_MUTATIONS))(draw, broken)
    return name, broken


# Mutations of a JSON tree.

def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON tree (the root included)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


#: Values no JSON writer makes from a tree (an integer of 5,000 digits, nesting 100,000 deep),
#: put in the tree as markers and into the text after it is written.
_HUGE_INT = "@@huge-int@@"
_MARKERS = re.compile(r'"@@(huge-int|deep-(\d+))@@"')


def _unmark(text: str) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(2) is None:
            return "1" * 5000
        depth = int(match.group(2))
        return '{"x": [' * (depth // 2) + "0" + "]}" * (depth // 2)

    return _MARKERS.sub(value, text)


_JSON_VALUES = st.one_of(
    st.sampled_from(HOSTILE_TEXTS), st.text(max_size=30), st.integers(-(10**30), 10**30), st.sampled_from([_HUGE_INT, -1, 0]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(), st.just([]), st.just({}),
    st.integers(1, 100_000).map(lambda depth: f"@@deep-{depth}@@"), st.just("\ud800"), st.just("a\udfffb"),
    st.lists(st.sampled_from(HOSTILE_TEXTS), max_size=4), st.dictionaries(st.sampled_from(HOSTILE_TEXTS), st.none(), max_size=3),
)


def _set(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return tree


def _replace(draw: st.DrawFn, tree: Any) -> Any:
    return _set(tree, draw(st.sampled_from(_paths(tree))), draw(_JSON_VALUES))


def _delete(draw: st.DrawFn, tree: Any) -> Any:
    path = draw(st.sampled_from(_paths(tree)))
    if not path:
        return tree
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    del parent[path[-1]]
    return tree


def _repeat_items(draw: st.DrawFn, tree: Any) -> Any:
    # A repeated list holds its items, not copies: repeating a list inside them later would repeat it
    # in every copy at once (a study of 6 GB, and a fuzzing process at 24 GB). Copied first, each list
    # repeated adds at most its 2 MB.
    tree = json.loads(json.dumps(tree))
    lists = [path for path in _paths(tree) if isinstance(_get(tree, path), list) and _get(tree, path)]
    if not lists:
        return tree
    path = draw(st.sampled_from(lists))
    items = _get(tree, path)
    # Up to 3,000 items and 2 MB a list: repeating lists nested in repeated lists once made a study
    # of gigabytes (the fuzzing process was killed at 21 GB).
    most = min(3000 // len(items), 2_000_000 // len(json.dumps(items)))
    return _set(tree, path, items * draw(st.integers(2, most))) if most >= 2 else tree


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


_TREE_MUTATIONS = [_replace, _replace, _delete, _repeat_items]


@st.composite
def broken_json(draw: st.DrawFn) -> tuple[str, bytes]:
    """Real API v2 studies broken as trees, written as one study, an API page, a list or JSON Lines,
    and maybe broken again as text.
    """
    studies = [json.loads(json.dumps(study)) for _, study in
               draw(st.lists(st.sampled_from(JSON_DOCUMENTS), min_size=1, max_size=3))]
    for _ in range(draw(st.integers(0, 5))):
        at = _index(draw, studies)
        studies[at] = draw(st.sampled_from(_TREE_MUTATIONS))(draw, studies[at])
    shape = draw(st.sampled_from(["study", "page", "list", "lines"]))
    if shape == "lines":
        text = "\n".join(json.dumps(study, ensure_ascii=draw(st.booleans())) for study in studies)
    else:
        tree = studies[0] if shape == "study" else {"studies": studies, "nextPageToken": "x"} if shape == "page" else studies
        text = json.dumps(tree, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    data = _unmark(text).encode("utf-8", errors="surrogatepass")
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        data = draw(st.sampled_from([_truncate_bytes, *_BYTE_MUTATIONS]))(draw, data)
    return "studies.json", data


def _truncate_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: _position(draw, len(data))]


_ENTRY_NAMES = ["page.txt", "study.json", "dir/", "a/b/c.json", "../up.txt", "/abs.json", "C:/drive.txt", "..\\win.txt",
                "inner.zip", "a\nb.txt", "\u202e.json", "space name.txt", "x" * 300, "bomb.json"]


@st.composite
def broken_archives(draw: st.DrawFn) -> bytes:
    """Zip archives of real and broken documents under hostile entry names, maybe broken as bytes."""
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    with zipfile.ZipFile(buffer, "w", method) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one more thing a hostile archive holds
        for _ in range(draw(st.integers(1, 4))):
            name = draw(st.sampled_from(_ENTRY_NAMES) | st.text(min_size=1, max_size=20))
            data = draw(st.sampled_from([b"", b" " * 200_000, b"PK\x03\x04" + b"x" * 30]) | broken_pages().map(lambda d: d[1])
                        | broken_json().map(lambda d: d[1]))
            with contextlib.suppress(ValueError, IndexError):  # names zipfile itself cannot write ("", "\x00")
                archive.writestr(name, data)
    data = buffer.getvalue()
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        data = draw(st.sampled_from([_truncate_bytes, _flip_bytes, _random_bytes]))(draw, data)
    return data


def raw_bytes() -> st.SearchStrategy[tuple[str, bytes]]:
    """Bytes with no document behind them: random, random after a JSON opening, random text."""
    return st.tuples(st.just("raw.bin"), st.one_of(
        st.binary(max_size=4096),
        st.builds(lambda head, tail: head + tail, st.sampled_from([b"{", b"[", b" {\"studies\":", b"MedPath\n", b"\xef\xbb\xbf"]),
                  st.binary(max_size=2048)),
        st.text(max_size=2048).map(lambda text: text.encode("utf-8", errors="surrogatepass")),
    ))


def any_document() -> st.SearchStrategy[tuple[str, bytes]]:
    """Any of the above, pages weighted as the corpus is."""
    return st.one_of(broken_pages(), broken_pages(), broken_json(), raw_bytes())
