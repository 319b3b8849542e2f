"""The shortcuts taken for speed give what the plain forms gave, character for character.

Folding, slugging, literal escaping and the digests of result IRIs skip their regular expressions
for the common case (printable text, ASCII names); each is held here to the plain form it replaced,
over texts with every kind of character that form treats apart: the controls it drops, the
whitespace it folds, the characters N-Triples escapes, letters NFKD changes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest

from kg.model.records import AdverseEvent, Measurement
from kg.model.text import fold, slug
from kg.rdf import iris, ntriples
from kg.rdf.ntriples import _ESCAPES, literal

TEXTS = [
    "", " ", "Overall survival (OS)", "  Overall\n survival\t (OS) ", "NK\x00 cells\x1b", "a\x1eb", "a\x1c\x1d\x1fb",
    "IL-2 \"low dose\"\n1 MIU", "C:\\path\\x", "10\u00a0mg", "line\u2028break", "zero\u200bwidth", "bad\ufffe\uffffend",
    "Müller – ≥ 1.5 × ULN", "ﬁbrosis", "Ωmega ½ dose", "tab\tand\rreturn", "del\x7fete", "trailing ", " leading", "two  spaces",
    "Belarusian Research Center (Minsk), Hematology & Immunology", "İstanbul ıi", "\x85next line", "日本語の試験",
]


def plain_fold(text: str | None) -> str:
    return " ".join(re.sub(r"[\x00-\x08\x0e-\x1b\x7f]", "", text or "").split())


def plain_slug(text: str, max_length: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_length].rstrip("-")


def plain_literal(text: str) -> str:
    pattern = "[" + "".join(re.escape(chr(code)) for code in _ESCAPES) + "]"
    return '"' + re.sub(pattern, lambda m: _ESCAPES[ord(m.group())], text) + '"'


@pytest.mark.parametrize("text", TEXTS)
def test_folding_slugging_and_escaping_are_what_the_plain_forms_give(text):
    assert fold(text) == plain_fold(text)
    assert slug(text) == plain_slug(text) and slug(text, 5) == plain_slug(text, 5)
    assert literal(text) == plain_literal(text)


def test_the_text_of_statements_encoded_line_by_line_is_the_text_joined_then_encoded():
    for lines in ([], [""], ["<a> <b> <c>"], [literal(t) for t in TEXTS], ["ascii", "Müller", "≥ 1.5", "日本語", "x"]):
        assert ntriples.text(lines) == ((" .\n".join(lines) + " .\n").encode("utf-8") if lines else b"")
        assert ntriples.text(iter(lines)) == ntriples.text(lines)


def test_a_result_iri_digests_its_parts_as_they_were_digested_joined_by_a_separator():
    def plain_digest(**parts: str | None) -> str:
        joined = "\x1e".join(f"{name}={plain_fold(value)}" for name, value in parts.items())
        return hashlib.sha256(plain_fold(joined).encode("utf-8")).hexdigest()[:12]

    for text in TEXTS:
        event = AdverseEvent(text, True, f"Arm {text}", text or None, text or None)
        assert iris.adverse_event("NCT01", event).endswith(
            "serious-" + plain_digest(term=event.term, organ=event.organ_system, group=event.group, about=event.group_description))
        value = Measurement("PRIMARY", text, None, "Group", text, None, text or None)
        assert iris.measurement("NCT01", value).endswith(
            "primary-" + plain_digest(measure=value.measure, time=value.time_frame, group=value.group, about=value.group_description,
                                      klass=value.class_title, category=value.category))


def test_a_result_iri_written_out_is_what_its_parts_folded_and_digested_give_for_every_character():
    """iris.measurement and iris.adverse_event join the folded parts and digest that without folding it again
    (_digest's): the whole is folded already, whichever characters the parts hold.
    """
    def plain_digest(*parts: str | None) -> str:
        joined = "\x1e".join(f"{name}={plain_fold(value)}" for name, value in zip(parts[::2], parts[1::2]))
        return hashlib.sha256(plain_fold(joined).encode("utf-8")).hexdigest()[:12]

    characters = [chr(code) for code in [*range(0x3100), *range(0xFE00, 0x10000), 0x1F600, 0xE0001] if not 0xD800 <= code <= 0xDFFF]
    for shape in ("{}", "a{}b", " {} ", "{}{}"):
        for character in characters:
            text = shape.format(character, character)
            event = AdverseEvent(text, False, text, text, text)
            assert iris.adverse_event("NCT01", event).endswith("other-" + plain_digest(
                "term", text, "organ", text, "group", text, "about", text)), repr(text)
            value = Measurement("SECONDARY", text, text, text, text, text, text)
            assert iris.measurement("NCT01", value).endswith("secondary-" + plain_digest(
                "measure", text, "time", text, "group", text, "about", text, "klass", text, "category", text)), repr(text)


def test_an_integer_typed_literal_is_the_literal_of_its_text():
    from kg.model.namespaces import XSD
    from kg.rdf.ntriples import typed

    for value in (0, 7, -12, 10**30, True, False, 2.5, "12", 'say "x"'):
        assert typed(value, "integer") == f"{literal(str(value))}^^<{XSD}integer>"


def test_the_statements_of_posted_results_are_those_the_plain_calls_made():
    """mapping._results writes the statements of each measurement and adverse event itself, with what they state of
    their outcome or term written once: the statements _Triples' part, add, link, concept and term made, as they
    made them (the mapping before it was written out, kept here), for the real registry studies with results.
    """
    import dataclasses

    from conftest import TESTS

    from kg.model.records import Outcome, TrialRecord
    from kg.rdf import mapping
    from kg.rdf.mapping import _LABEL, _boolean, _count, _ctk, _registry_decimal, _Triples
    from kg.read import read_bytes

    def plain_group(out: _Triples, trial: str, key: str, title: str, description: str | None, described: dict) -> str:
        node = described.get((title, description))
        if node is None:
            node = described[title, description] = iris.result_group(key, title, description)
            out.link(trial, _ctk("hasResultGroup"), node)
            out.typed(node, "ResultGroup")
            out.add(node, _LABEL, title)
            out.add(node, _ctk("description"), description)
        return node

    def plain_results(out: _Triples, trial: str, key: str, record: TrialRecord) -> None:
        outcomes = {iris.outcome(key, outcome) for outcome in record.outcomes} if record.measurements else set()
        groups: dict = {}
        for value in record.measurements:
            node = out.part(trial, "hasMeasurement", iris.measurement(key, value), "OutcomeMeasurement")
            outcome = iris.outcome(key, Outcome(value.kind, value.measure, value.time_frame))
            if outcome in outcomes:
                out.link(node, _ctk("ofOutcome"), outcome)
            out.concept(node, "reportedOutcomeKind", "outcome-kind", value.kind)
            out.add(node, _ctk("reportedMeasure"), value.measure)
            out.add(node, _ctk("reportedTimeFrame"), value.time_frame)
            out.link(node, _ctk("forGroup"), plain_group(out, trial, key, value.group, value.group_description, groups))
            for predicate, text in (("classTitle", value.class_title), ("categoryTitle", value.category),
                                    ("paramType", value.param_type), ("unitOfMeasure", value.unit),
                                    ("reportedValue", value.value), ("dispersionType", value.dispersion_type),
                                    ("spread", value.spread), ("lowerLimit", value.lower), ("upperLimit", value.upper)):
                out.add(node, _ctk(predicate), text)
            out.term(node, _ctk("numericValue"), _registry_decimal(value.value))
            out.term(node, _ctk("participantsAnalyzed"), _count(value.analyzed))
        for event in record.adverse_events:
            node = out.part(trial, "hasAdverseEvent", iris.adverse_event(key, event), "AdverseEvent")
            out.add(node, _ctk("eventTerm"), event.term)
            out.add(node, _ctk("organSystem"), event.organ_system)
            out.term(node, _ctk("serious"), _boolean(event.serious))
            out.link(node, _ctk("forGroup"), plain_group(out, trial, key, event.group, event.group_description, groups))
            out.term(node, _ctk("participantsAffected"), _count(event.affected))
            out.term(node, _ctk("participantsAtRisk"), _count(event.at_risk))
            out.add(node, _ctk("sourceVocabulary"), event.vocabulary)
            out.add(node, _ctk("assessmentType"), event.assessment)
        for group in record.event_groups:
            node = plain_group(out, trial, key, group.title, group.description, groups)
            out.term(node, _ctk("seriousParticipantsAffected"), _count(group.serious_affected))
            out.term(node, _ctk("seriousParticipantsAtRisk"), _count(group.serious_at_risk))

    studied = 0
    for path in sorted((TESTS / "data" / "ctgov-json").glob("*.json")):
        for record in read_bytes(path.read_bytes(), path.name):
            if not isinstance(record, TrialRecord) or not (record.measurements or record.adverse_events):
                continue
            studied += 1
            # and with the values a record may lack, and an outcome the protocol does not list
            lacking = dataclasses.replace(record, outcomes=record.outcomes[1:], measurements=[
                dataclasses.replace(value, time_frame=None, analyzed=None, value=None) for value in record.measurements[::2]],
                adverse_events=[dataclasses.replace(event, organ_system=None, affected=None, vocabulary=None)
                                for event in record.adverse_events[::2]],
                event_groups=[dataclasses.replace(group, serious_affected=None) for group in record.event_groups[1:]])
            for each in (record, lacking):
                ours, plain = _Triples(), _Triples()
                mapping._results(ours, iris.trial("NCT0"), "NCT0", each)
                plain_results(plain, iris.trial("NCT0"), "NCT0", each)
                assert ours.sorted() == plain.sorted()
    assert studied >= 5


def test_the_depth_of_registry_json_is_counted_as_before():
    import json

    from conftest import TESTS

    from kg.read.layouts.ctgov_json import _INNERMOST, _NOT_STRUCTURE, _depth

    def plain_depth(data: bytes, deepest: int) -> int:
        marks = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
        brackets, depth = b"".join(marks.split(b'"')[::2]), 0
        while brackets and depth <= deepest:
            brackets, depth = _INNERMOST.sub(b"", brackets), depth + 1
        return depth

    hostile = ['\\', '\\"', '"\\', '\\\\"[', '[\\', '{"}', '\\u005c"', '\n\t\\n]', "\\\\\\", '"]"', "\u2028\\"]
    documents = [json.dumps({"a": [{"b": text}, [text, {text: [text]}]], text: text}).encode() for text in hostile]
    documents += [json.dumps(text).encode() for text in hostile] + [b"[" * 70 + b"]" * 70]
    documents += [path.read_bytes() for path in sorted((TESTS / "data" / "ctgov-json").glob("*.json"))]
    for data in documents:
        json.loads(data)
        for deepest in (3, 64):
            assert _depth(data, deepest) == plain_depth(data, deepest), data[:80]


def test_criteria_are_cut_at_list_numbers_and_inner_bullets_only_where_the_cheap_look_finds_one():
    """split_numbered and criteria_from_lines look for a list number's "." or ")" after a digit or numeral, and for a
    bullet between spaces, before their slower patterns: no text with a match of those lacks it.
    """
    import itertools

    from kg.read.parse.criteria import _FLAT_BULLET, _INLINE_NUMBER, _INNER_BULLET, _NUMBER_MARK

    pieces = ["1.", "2)", "(3)", "ii)", "iv.", "x)", "1.5", "* ", "• ", "*", "\t*\t", " ", "\u2028", "Age", ";", ":", "(", "\n"]
    texts = ["".join(parts) for size in (1, 2, 3) for parts in itertools.product(pieces, repeat=size)]
    texts += ["1.Age ≥ 18 years; 2.Bilirubin ≤ 1.5×ULN; 3. Consent", "* first item * second item", "a\u00a0•\u00a0b"]
    for text in texts:
        assert bool(_NUMBER_MARK.search(text)) or not _INLINE_NUMBER.search(text), repr(text)
        assert bool(_INNER_BULLET.search(text)) or _FLAT_BULLET.split(text) == [text], repr(text)


def test_the_therapy_words_found_from_their_first_letter_are_those_the_plain_patterns_find():
    """_NK_WORDS, _T_WORDS, _MEMBRANE_BOUND and _ANY_NAME_IN open with a letter and check the word boundary behind it:
    the same matches (or, for the last, the same texts) as the patterns with the boundary in front.
    """
    import itertools

    from kg.enrich.therapy.cell_kinds import _NK_WORDS, _T_WORDS
    from kg.enrich.therapy.cytokines import _ANY_NAME_IN, _MEMBRANE_BOUND

    plain = {
        _NK_WORDS: re.compile(r"\bNK|natural killer|neurokinin|\bENKT", re.IGNORECASE),
        _T_WORDS: re.compile(r"\bT[- ]?(?:cell|lymph)", re.IGNORECASE),
        _MEMBRANE_BOUND: re.compile(r"\bmb-?IL-?(\d{1,2})\b|\bmb(\d{2})\b|membrane[- ]bound\s+(?:IL|interleukin)[- ]?(\d{1,2})",
                                    re.IGNORECASE),
        _ANY_NAME_IN: re.compile(r"(?<![A-Za-z0-9])(?:rh|h)?(?:IL|interleukin)|aldesleukin|proleukin|803|nogapendekin",
                                 re.IGNORECASE),
    }
    pieces = ["NK", "nk", "eNKT", "ENKT", "natural killer", "Neurokinin", "T", "t-", "cell", "lymph", "mb", "MB-", "IL", "il",
              "-", "21", "7", "membrane bound ", "interleukin", "rh", "h", "r", "x", "1", " ", "İ", "ı", "K", "(", "é",
              "aldesleukin", "803"]
    texts = ["".join(parts) for size in (1, 2, 3) for parts in itertools.product(pieces, repeat=size)]
    for new, old in plain.items():
        for text in texts:
            if new is _ANY_NAME_IN:
                assert bool(new.search(text)) == bool(old.search(text)), (new.pattern, text)
            else:
                assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
                       [(m.span(), m.groups()) for m in old.finditer(text)], (new.pattern, text)


def test_sentences_are_cut_where_the_plain_pattern_cuts_them():
    import itertools

    from kg.enrich.therapy.text import _SENTENCE

    plain = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")
    pieces = [".", "!", "?", " ", "\n", "\t", "\u2028", "A", "a", "(", "1", "x.", "\n\n", "\u00a0"]
    for parts in itertools.chain.from_iterable(itertools.product(pieces, repeat=size) for size in (1, 2, 3, 4)):
        text = "".join(parts)
        assert _SENTENCE.split(text) == plain.split(text), repr(text)


def test_a_class_names_its_characters_and_says_whether_that_is_all_it_matches():
    import re._parser as sre_parse

    from kg.model.text import class_characters

    (_, listed), = sre_parse.parse("[a-cx≥]")
    (_, wider), = sre_parse.parse(r"[\dµ]")
    assert class_characters(listed) == ({ord("a"), ord("b"), ord("c"), ord("x"), ord("≥")}, True)
    assert class_characters(wider) == ({ord("µ")}, False)


def test_every_text_an_earlier_therapy_is_blanked_from_passes_the_gate_in_front_of_the_substitution():
    """_cell_types runs _PRIOR_THERAPY.sub only on texts _may_name_prior_therapy lets through: over texts built of the
    words each alternative needs, and over the real wordings the rules were written for, none the pattern would change
    is kept from it.
    """
    import itertools

    from kg.enrich.therapy.cell_kinds import _PRIOR_THERAPY, _may_name_prior_therapy

    pieces = ["relapse ", "resistance ", "cytopenia ", "CRS ", "infection ", "failed ", "progressed on ", "refractory to ",
              "relapsed after ", "resistant to ", "after ", "following ", "post-", "prior ", "previous ", "CAR ", "CAR-T ",
              "car ", "therapy", "treatment ", "with ", "the "]
    texts = ["".join(parts) for size in (1, 2, 3) for parts in itertools.product(pieces, repeat=size)]
    texts += ["patients who experience relapse after treatment with CD19 CAR T",  # 4-traders.com NCT05798897
              "patients who have failed CAR T-cell therapy", "Long-Term Cytopenia After CAR-T Therapy",
              "resistance to prior therapy", "who progressed on CAR-T"]
    for text in texts:
        if _PRIOR_THERAPY.sub(" ", text) != text:
            assert _may_name_prior_therapy(text, text.lower()), text
