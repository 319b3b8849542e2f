"""Text repair: what every reader sees of a document."""

from __future__ import annotations

import itertools

import ftfy

from kg.model.text import _FTFY, _fix_text, clean_document_text, repair_windows874_mojibake


def test_mojibake_on_one_line_is_repaired_and_the_plain_lines_kept():
    page = "Inclusion Criteria:\n* Age â‰¥ 18 years\n* Bilirubin &lt; 1.5 x ULN\n"
    assert clean_document_text(page) == "Inclusion Criteria:\n* Age ≥ 18 years\n* Bilirubin < 1.5 x ULN\n"


def test_entities_are_left_as_they_are_after_a_line_with_markup():
    # ftfy's rule: after the first line holding a "<" the text may be HTML, whose entities are its own.
    assert _fix_text("a &amp; b\n<b>NK</b>\nc &amp; é\n") == "a & b\n<b>NK</b>\nc &amp; é\n"


LINES = ["plain words", "Ã©tude", "<p>", "&amp; more", "10 µL â€“ 20 µL", "", "\x1b[1mbold", "e\u0301", "≥ 18"]


def test_repair_is_ftfy_line_by_line():
    for lines in itertools.permutations(LINES, 4):
        text = "\n".join(lines)
        assert _fix_text(text) == ftfy.fix_text(text, _FTFY), text


def test_the_lines_ftfy_is_not_asked_about_are_those_it_leaves():
    # _ftfy_leaves says ftfy would give a line back without running it; held to ftfy over every pair and triple of
    # characters its sign of mojibake names, beside the ones common in trial text, and over real mojibake.
    import random

    from kg.model.text import _MOJIBAKE_CHARACTER, _ftfy_leaves

    named = [chr(code) for code in range(0x80, 0x10000) if _MOJIBAKE_CHARACTER.match(chr(code))]
    common = ["≥", "≤", "µ", "×", "é", "’", "–", "°", "±", "®", "a", "A", " ", "1", ".", "e\u0301", "ﬁ", "\u206a", "\x85"]
    pool = named + common
    rng = random.Random(22)
    lines = ["Age â‰¥ 18 years", "CD3â€“CD56+", "Ã©tude", "vÃ  le", "âœ” No", "≥ 18 years, µL, 10×10^9/L, é"]
    lines += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    lines += [f"x {a}{b} y" for a in common for b in pool]
    for line in lines:
        if _ftfy_leaves(line):
            assert ftfy.fix_text(line, _FTFY) == line, line
    assert _ftfy_leaves("≥ 18 years, µL, 10×10^9/L, é") and not _ftfy_leaves("Age â‰¥ 18 years")


def test_repair_skips_only_what_the_plain_form_leaves():
    # clean_document_text skips the markup and GB2312 passes where their first character is missing: held to the plain
    # form, over every whitespace str.rstrip takes.
    import html
    import re

    from kg.model.text import _BREAK_TAG, _GB2312_PAIR, _MARKUP_ESCAPE, repair_gb2312_mojibake

    def plain(text):
        text = ftfy.fix_text(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), _FTFY)
        text = _GB2312_PAIR.sub(lambda m: repair_gb2312_mojibake(m.group(0)), text)
        text = html.unescape(_BREAK_TAG.sub(" ", _MARKUP_ESCAPE.sub(r"\1", text)))
        return "\n".join(line.rstrip() for line in text.split("\n"))

    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace() and chr(code) != "\n"]
    texts = [f"a{space}\nb" for space in spaces] + [f"a\nb{space}" for space in spaces] + [f"a{space}b\nc" for space in spaces]
    texts += ["plain\nlines", "", "\n\n", "x \\> 4<br/>", "GvHD ¡Ý grade II", "end \n", "≥ 18\u00a0", "10\\^9 cells"]
    for text in texts:
        assert clean_document_text(text) == plain(text), repr(text)
    assert re.search(r"\s", "\u2028") and "\u2028".isspace()


# --- pages from the misses tests/data/therapy-holdout23/README.md lists -----------------------------------------------

def test_thai_text_and_a_lone_pair_without_a_sure_sign_are_left_alone() -> None:
    assert repair_windows874_mojibake("ภาษาไทย ยก") == "ภาษาไทย ยก"
    assert repair_windows874_mojibake("China ยท Beijing") == "China ยท Beijing"  # no "โ€" anywhere: could be Thai
    # a Thai word beside the mojibake stays as it is
    assert repair_windows874_mojibake("โ€” ภาษาไทย") == "— ภาษาไทย"
