r"""Python regular expressions (pyshacl's sh:pattern) as Rust ones (Oxigraph's REGEX), where safe.

The SPARQL pre-filter of sh:pattern keeps a value for Python's judgement when the Rust
pattern does not match it. That is sound only if every string the Rust pattern matches
is matched by Python's too, so a pattern is translated only when it keeps to syntax both
read alike: literals, ``.``, anchors, groups, alternation, greedy and lazy quantifiers,
character classes of single characters and ranges. Class escapes are narrowed to ASCII
(``\d`` -> ``[0-9]``, ``\S`` -> ``[!-~]``: Python's ``\S`` also refuses U+001C-U+001F,
Rust's accepts them), and escaped punctuation is written ``\x{..}``. Python's ``$`` also
matches before a final newline, Rust's does not: Rust is the stricter, which is safe.
Anything else (lookarounds, backreferences, ``\b``, inline flags, Rust's class set
operations) gives None, and every value then goes to Python.
"""

from __future__ import annotations

import re

__all__ = ["rust_pattern"]

_ASCII_CLASSES = {"d": "0-9", "w": "0-9A-Za-z_", "s": "\\t\\n\\x0B\\x0C\\r\\x20", "S": "!-~"}
_CONTROL_ESCAPES = set("ntrfv")
_QUANTIFIER = re.compile(r"\{(\d+)(,(\d*))?\}")


def _escape(pattern: str, i: int, in_class: bool, negated: bool) -> tuple[str | None, int]:
    """The Rust form of the escape at ``pattern[i]`` (a backslash), and where the pattern goes on."""
    if i + 1 >= len(pattern):
        return None, i
    char = pattern[i + 1]
    if char in _ASCII_CLASSES:
        if negated:
            return None, i
        return (_ASCII_CLASSES[char] if in_class else f"[{_ASCII_CLASSES[char]}]"), i + 2
    if char in _CONTROL_ESCAPES:
        return f"\\{char}", i + 2
    if char.isascii() and not char.isalnum() and not char.isspace():
        return f"\\x{{{ord(char):X}}}", i + 2
    return None, i


def _char_class(pattern: str, i: int) -> tuple[str | None, int]:
    """The Rust form of the character class opening at ``pattern[i]``."""
    j, negated = i + 1, pattern.startswith("^", i + 1)
    j += negated
    if pattern.startswith("]", j):
        return None, i  # a leading ] is a literal in Python only
    body = []
    while j < len(pattern) and pattern[j] != "]":
        if pattern[j] == "\\":
            piece, j = _escape(pattern, j, in_class=True, negated=negated)
            if piece is None:
                return None, i
            body.append(piece)
            continue
        if pattern[j] == "[" or pattern[j:j + 2] in ("&&", "--", "~~"):
            return None, i  # nested classes and set operations are Rust's only
        body.append(pattern[j])
        j += 1
    if j >= len(pattern):
        return None, i
    return "[" + "^" * negated + "".join(body) + "]", j + 1


def rust_pattern(pattern: str) -> str | None:
    """A Rust pattern matching no string that ``pattern`` does not match in Python, or None."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        piece: str | None
        if char == "\\":
            piece, i = _escape(pattern, i, in_class=False, negated=False)
        elif char == "[":
            piece, i = _char_class(pattern, i)
        elif char == "(":
            piece = None if pattern.startswith("(?", i) and not pattern.startswith("(?:", i) else char
            i += 1
        elif char == "{":
            match = _QUANTIFIER.match(pattern, i)
            piece, i = (match.group(), match.end()) if match and out else (None, i)
        elif char in "]}":
            piece = None  # Python reads a lone ] or } as a literal
        else:
            piece, i = char, i + 1
        if piece is None:
            return None
        out.append(piece)
        if piece[-1] in "*+?}" and not piece.startswith("\\") and pattern.startswith("+", i):
            return None  # a possessive quantifier (Python 3.11) or a Rust syntax error
    return "".join(out)
