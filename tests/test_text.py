"""Text repair: what every reader sees of a document."""

from __future__ import annotations

import itertools

import ftfy

from kg.model.text import _FTFY, _fix_text, clean_document_text


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
