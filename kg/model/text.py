"""Text repair and small string helpers shared by every reader.

Scraped pages arrive with broken encodings, escaped markup and cells glued together;
each defect is repaired here once, so readers see clean text.
"""

from __future__ import annotations

import html
import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from functools import lru_cache

import ftfy
import ftfy.badness
import ftfy.chardata

__all__ = [
    "class_characters",
    "clean_document_text",
    "fold",
    "is_placeholder",
    "repair_gb2312_mojibake",
    "repair_unicode_hyphens",
    "repair_windows874_mojibake",
    "slug",
    "split_glued",
    "strip_bullet",
    "unescape_markup",
]

#: A pair of Latin-1 characters in the GB2312 lead/trail byte range: a GB2312 symbol
#: (e.g. "¡Ý" is "≥") decoded as Latin-1.
_GB2312_PAIR = re.compile(r"[\xa1-\xf7][\xa1-\xfe]")

#: Markdown/markup escapes some scrapers keep ("10\^9", "\>"): a backslash before punctuation.
_MARKUP_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!^<>|~=])")

#: Text ftfy would leave as it is: printable ASCII, tabs and newlines, no entity ("&").
_PLAIN_ASCII = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)

#: Bullet and list markers that start a line.
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣●○]|\d{1,2}[.)](?!\d)|\(\d{1,2}\)|[a-zA-Z][.)](?=\s))\s*")

#: Values pages print where a field is empty.
#: ("N/A", "None" and "Unknown" are values of some fields, so they are not here.)
_PLACEHOLDERS = {"", "not available", "not specified", "-", "not provided", "loading...", "read more"}


def repair_gb2312_mojibake(text: str) -> str:
    """Decode GB2312 symbols that were read as Latin-1.

    Only pairs that decode to a symbol or punctuation are replaced, so ordinary
    Latin-1 words are left alone.

    >>> repair_gb2312_mojibake("GvHD ¡Ý grade II")
    'GvHD ≥ grade II'
    >>> repair_gb2312_mojibake("Müller")
    'Müller'
    """

    def decode(match: re.Match[str]) -> str:
        pair = match.group(0)
        try:
            char = pair.encode("latin-1").decode("gb2312")
        except UnicodeError:
            return pair
        return char if unicodedata.category(char)[0] in "SP" else pair

    return text if text.isascii() else _GB2312_PAIR.sub(decode, text)


def _windows_874_byte(byte: int) -> str:
    """The character a browser shows for ``byte`` in a page it takes for Windows-874 (Thai): the code page's own, or
    Windows-1252's in 0x80-0x9F where Windows-874 has none (the "†" and "š" of such pages), else Latin-1's.
    """
    for codec in ("cp874", "cp1252", "latin-1"):
        try:
            return bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            continue
    raise AssertionError(byte)  # latin-1 decodes every byte


#: Windows-874's character of each byte above ASCII (:func:`_windows_874_byte`), and the byte of each.
_WINDOWS_874 = {byte: _windows_874_byte(byte) for byte in range(0x80, 0x100)}
_WINDOWS_874_BYTES = {char: byte for byte, char in _WINDOWS_874.items()}


def _windows_874_class(first: int, last: int) -> str:
    return "[" + "".join(re.escape(_WINDOWS_874[byte]) for byte in range(first, last + 1)) + "]"


#: A UTF-8 sequence of two, three or four bytes read as Windows-874, standing apart from Thai letters: "โ€”" ("—"),
#: "ยท" ("·"), "ย\xa0" (a no-break space), "โ†—" ("↗").
_CONTINUATION = _windows_874_class(0x80, 0xBF)
_THAI_LETTERS = "\u0e01-\u0e5b"
_WINDOWS_874_MOJIBAKE = re.compile(
    f"(?<![{_THAI_LETTERS}])(?:{_windows_874_class(0xC2, 0xDF)}{_CONTINUATION}|{_windows_874_class(0xE0, 0xEF)}"
    f"{_CONTINUATION}{{2}}|{_windows_874_class(0xF0, 0xF4)}{_CONTINUATION}{{3}})+(?![{_THAI_LETTERS}])")
#: Its sure sign: a Thai lead byte, no Thai letter before it, before a character no Thai text puts there, a symbol of
#: 0x80-0x9F or a no-break space (Thai text has letters, not "€" or "”", after "โ").
_WINDOWS_874_SIGN = re.compile(f"(?<![{_THAI_LETTERS}])[\u0e22-\u0e54]{_windows_874_class(0x80, 0xA0)}")


def repair_windows874_mojibake(text: str) -> str:
    r"""Decode UTF-8 that was read as Windows-874 (Thai), on a text holding a sure sign of it (a Thai lead byte before
    a symbol no Thai text has there); a sequence is replaced only where it decodes as UTF-8 and stands apart from
    Thai letters, so Thai text is left alone.

    >>> repair_windows874_mojibake("circleActive โ€” Recruitment in Progress · China ยท Beijing, ID:ย\xa0NCT06947473")
    'circleActive — Recruitment in Progress · China · Beijing, ID:\xa0NCT06947473'
    >>> repair_windows874_mojibake("ยท alone, with no sure sign"), repair_windows874_mojibake("ภาษาไทย โ€”")
    ('ยท alone, with no sure sign', 'ภาษาไทย —')
    >>> repair_windows874_mojibake("ภาษาไทย\xa0ยท")  # a no-break space after a Thai word is no sign
    'ภาษาไทย\xa0ยท'
    """

    def decode(match: re.Match[str]) -> str:
        try:
            return bytes(_WINDOWS_874_BYTES[char] for char in match.group(0)).decode("utf-8")
        except UnicodeDecodeError:
            return match.group(0)

    if text.isascii() or not _WINDOWS_874_SIGN.search(text):
        return text
    return _WINDOWS_874_MOJIBAKE.sub(decode, text)


def unescape_markup(text: str) -> str:
    r"""Remove markup escapes and entities, keeping the text the page shows.

    >>> unescape_markup(r"1.0-3.0 x 10\^9 cells, life expectancy \> 4 months &amp; more")
    '1.0-3.0 x 10^9 cells, life expectancy > 4 months & more'
    """
    # each pattern needs its first character: a text without it is not searched
    text = _MARKUP_ESCAPE.sub(r"\1", text) if "\\" in text else text
    text = _BREAK_TAG.sub(" ", text) if "<" in text else text
    return html.unescape(text)


#: The Unicode hyphens (U+2010 hyphen, U+2011 non-breaking hyphen): pages write them where others write "-" ("anti‑CD19
#: CAR‑T", "gene‑modified", "single‑arm", cytotargetdb.ca NCT06310811); dashes (U+2012-U+2015) and the minus sign
#: (U+2212) mean ranges, breaks and signs, and stay.
_UNICODE_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def repair_unicode_hyphens(text: str) -> str:
    """The ASCII hyphen for the Unicode hyphens, so every rule that reads "CAR-T" or "single-arm" reads them too.

    >>> repair_unicode_hyphens("anti\u2011CD19 CAR\u2010T, 18\u201370 years")
    'anti-CD19 CAR-T, 18\u201370 years'
    """
    return text.translate(_UNICODE_HYPHENS) if "\u2010" in text or "\u2011" in text else text


def clean_document_text(text: str) -> str:
    """Repair a whole document once, before any reader sees it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _fix_text(text)
    text = repair_gb2312_mojibake(text)
    text = repair_windows874_mojibake(text)
    text = unescape_markup(text)
    text = repair_unicode_hyphens(text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


#: ftfy's repairs we want: mojibake, entities, control characters, NFC. Quotes, ligatures,
#: character widths and line breaks stay as the document has them.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                             fix_line_breaks=False, normalization="NFC", explain=False)
#: A segment as ftfy cuts text: a line with its line break.
_SEGMENT = re.compile(r"[^\n]*\n|[^\n]+")


def _fix_text(text: str) -> str:
    """``ftfy.fix_text(text, _FTFY)``, with ftfy given only the lines it could change.

    ftfy fixes text a line at a time, leaves a line of plain ASCII as it is, and stops
    unescaping entities for good at the first line holding a "<"; giving it only the other
    lines, with that setting carried along, gives the same text. In registry JSON most lines
    are plain, and ftfy's work on them was most of the time of reading the text.
    """
    if _PLAIN_ASCII.fullmatch(text):
        return text
    config, fixed = _FTFY, []
    for segment in _SEGMENT.findall(text):
        fixed.append(segment if _PLAIN_ASCII.fullmatch(segment) or _ftfy_leaves(segment)
                     else ftfy.fix_text(segment, config))
        if "<" in segment:
            config = config._replace(unescape_html=False)
    return "".join(fixed)


def class_characters(items: list) -> tuple[set[int], bool]:
    r"""The characters a parsed regex class (the argument of an ``IN`` item of ``re._parser``) names, one by one or in
    ranges, and whether that is all it matches (False: it also has a category such as ``\d``, or is negated).
    """
    named: set[int] = set()
    complete = True
    for kind, value in items:
        if kind is _sre.LITERAL:
            named.add(value)
        elif kind is _sre.RANGE:
            named.update(range(value[0], value[1] + 1))
        else:
            complete = False
    return named, complete


def _mojibake_characters(pattern: re.Pattern[str]) -> str:
    """Every character above ASCII that ``pattern`` names (alone or in a class or a range of one), as a regex class."""
    named: set[int] = set()

    def walk(items) -> None:  # type: ignore[no-untyped-def]
        for op, arg in items:
            if op is _sre.LITERAL:
                named.add(arg)
            elif op is _sre.IN:
                named.update(class_characters(arg)[0])
            elif op is _sre.BRANCH:
                for branch in arg[1]:
                    walk(branch)
            elif op is _sre.SUBPATTERN:
                walk(arg[3])
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
                walk(arg[2])

    walk(_sre_parse.parse(pattern.pattern, pattern.flags))
    return "[" + "".join(re.escape(chr(code)) for code in sorted(named) if code > 0x7F) + "]"


#: ftfy's sign of mojibake, and the characters above ASCII it names: each of its sequences holds one of them (each
#: alternative of the regex has a character, a class or a range of those), and is at most _MOJIBAKE_WIDTH long.
_BADNESS = ftfy.badness.BADNESS_RE
_MOJIBAKE_CHARACTER = re.compile(_mojibake_characters(_BADNESS))
_MOJIBAKE_WIDTH = _sre_parse.parse(_BADNESS.pattern, _BADNESS.flags).getwidth()[1]
#: What ftfy's other repairs of _FTFY change: entities ("&"), C1 control characters (Windows-1252 bytes), surrogates,
#: terminal escapes and the control characters it removes.
_FTFY_REPAIRS = re.compile("[&\x80-\x9f\ud800-\udfff\x1b" + "".join(re.escape(chr(code)) for code in
                                                                     sorted(ftfy.chardata.CONTROL_CHARS)) + "]")


def _ftfy_leaves(segment: str) -> bool:
    """Whether ``ftfy.fix_text(segment, _FTFY)`` gives ``segment`` back, found without ftfy's slow steps.

    It does when none of its repairs has anything to work on: no entity, C1 control character, surrogate, terminal
    escape or control character it removes; text in NFC already; and no sequence of its sign of mojibake, which is
    looked for only around the characters such a sequence must hold ("≥", "µ" and "é" are common in trial text, and
    ftfy's regex tried at each character of a line was most of the time of repairing the text of a registry study).
    """
    if len(segment) > _FTFY.max_decode_length or _FTFY_REPAIRS.search(segment):
        return False
    if not unicodedata.is_normalized("NFC", segment):
        return False
    return not any(_BADNESS.search(segment, max(0, found.start() - _MOJIBAKE_WIDTH), found.end() + _MOJIBAKE_WIDTH)
                   for found in _MOJIBAKE_CHARACTER.finditer(segment))


#: Control characters that are not whitespace: no text means them, and C tools (raptor) cut a literal at NUL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


def fold(text: str | None) -> str:
    r"""Fold runs of whitespace to one space and trim; drop control characters.

    >>> fold("  Overall\n survival\t (OS) "), fold("NK\x00 cells\x1b")
    ('Overall survival (OS)', 'NK cells')
    """
    if not text:
        return ""
    # Most values are printable already (no control character, no tab or newline: nothing to drop)
    # and have no runs of spaces, and fold is called a few million times per 2,000 registry
    # studies: those are given back as they are, after two tests in C.
    if text.isprintable():
        if "  " in text or text[0] == " " or text[-1] == " ":
            return " ".join(text.split())
        return text
    # str.split() cuts where the regex \s+ matches, in half the time of a regex.
    return " ".join(_CONTROL.sub("", text).split())


def is_placeholder(text: str | None) -> bool:
    """True for the words pages print instead of a value ("Not available", "Not specified", ...)."""
    return fold(text).lower().rstrip(".") in _PLACEHOLDERS


def strip_bullet(line: str) -> str:
    """Remove a leading bullet or list number.

    >>> strip_bullet("  • uncontrolled infection")
    'uncontrolled infection'
    >>> strip_bullet("3) Age 18 or older")
    'Age 18 or older'
    >>> strip_bullet("1.5 x ULN is allowed")
    '1.5 x ULN is allowed'
    """
    return _BULLET.sub("", line, count=1).strip()


#: Where scraped cells were glued: a lowercase word (two letters or more) or a closing
#: bracket immediately followed by a capitalised word.
_GLUE = re.compile(r"(?:(?<=[a-z]{2})|(?<=[)\]]))(?=[A-Z](?:[a-z]|[A-Z]{1,}))")


def split_glued(text: str) -> list[str]:
    """Split cells that a scraper glued together without a separator.

    >>> split_glued("Acute Myeloid Leukemia (AML)Acute Myeloid Leukemia (AML) RelapseNK Cell")
    ['Acute Myeloid Leukemia (AML)', 'Acute Myeloid Leukemia (AML) Relapse', 'NK Cell']
    >>> split_glued("IgG4-related disease")
    ['IgG4-related disease']
    """
    return [part.strip() for part in _GLUE.split(text) if part.strip()]


def slug(text: str, max_length: int = 60) -> str:
    """A readable, IRI-safe token for a name: lowercase ASCII letters, digits and dashes.

    >>> slug("Belarusian Research Center (Minsk), Hematology & Immunology")
    'belarusian-research-center-minsk-hematology-immunology'
    """
    return _slugged(text)[:max_length].rstrip("-")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 14)  # the IRIs of a registry study slug the same group, arm and intervention names many times
def _slugged(text: str) -> str:
    """The whole slug of ``text``, not yet cut to a length."""
    # NFKD leaves ASCII text as it is
    ascii_text = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
