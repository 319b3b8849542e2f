"""Labels of a bilingual record glued onto the line before them.

A record printed with each label in two languages, Chinese and English ("注册题目:" / "Public title:"), loses
line breaks when a site copies it: a label runs on at the end of the previous field's value or label, where
the script changes ("…系统性红斑狼疮安全性和有效性的临床研究Public title:", "补注册Registration Status:",
"Study subject ID:在二级注册机构或其它机构的注册号:", the ChiCTR record of ChiCTR2600122319 as copied onto
synapse.zhihuiya.com). Such a line is given back as the value, then each label on a line of its own, as the
registry prints them, so that the label table reads them.
"""

from __future__ import annotations

import re

__all__ = ["trailing_labels", "unglued_lines"]

#: Han and kana (not the full-width forms: "：" ends a label, it is no letter of one).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A label at the end of a line is a run of one script up to its colon ("注册题目简写:", "申请注册联系人传真 :",
#: "研究课题代号(代码):", "English Acronym:", "Study leader's fax:"): the characters each script's label holds, and the
#: one it opens with.
_CJK_CLASS = re.compile(f"[{_CJK}0-9()（）、/ ]")
_CJK_FIRST = re.compile(f"[{_CJK}]")
_LATIN_CLASS = re.compile(r"[A-Za-z0-9'’()/ .-]")
_LATIN_FIRST = re.compile(r"[A-Za-z]")
#: The longest line looked at: a field's value and the labels glued after it, not a page run into one line.
_LONGEST = 2000
#: A Latin label is a name, not a sentence: at most eight words.
_LABEL_WORDS = 8


def _label_start(body: str, holds: re.Pattern[str], opens: re.Pattern[str]) -> int | None:
    """Where a label of one script starts that runs to the end of ``body`` (the line before its colon)."""
    start = len(body)
    while start > 0 and holds.match(body[start - 1]):
        start -= 1
    while start < len(body) and not opens.match(body[start]):
        start += 1
    return start if start < len(body) else None


def _peeled(line: str) -> list[str]:
    """The labels glued at the end of a line, in page order, and what is left before them (first)."""
    labels: list[str] = []
    rest = line.rstrip()
    while rest.endswith((":", "：")):
        body = rest[:-1]
        start = _label_start(body, _CJK_CLASS, _CJK_FIRST)
        chinese = start is not None
        start = start if chinese else _label_start(body, _LATIN_CLASS, _LATIN_FIRST)
        if start is None or start == 0 and not labels:
            break  # a label alone on its line, as registries print them
        if chinese and _CJK_FIRST.search(re.split(r"[\s:：]", rest[:start])[-1]):
            break  # a Chinese sentence ending in its own words ("年龄18-65岁:"): the script changes inside a word
        label = rest[start:].strip()
        if not chinese and len(label.split()) > _LABEL_WORDS:
            break
        labels.insert(0, label)
        rest = rest[:start].rstrip()
    return [rest, *labels] if labels else [line]


def unglued_lines(lines: list[str]) -> list[str]:
    """The lines of a page, a line with Chinese or Japanese and Latin letters or digits that ends in labels glued
    where the script changes cut before each label (a Chinese label only after a word of another script: a number,
    an e-mail address, an English label).

    >>> unglued_lines(["补注册Registration Status:", "Retrospective registration注册题目:"])
    ['补注册', 'Registration Status:', 'Retrospective registration', '注册题目:']
    >>> unglued_lines(["Study subject ID:在二级注册机构或其它机构的注册号:", "Patients will receive the following:"])
    ['Study subject ID:', '在二级注册机构或其它机构的注册号:', 'Patients will receive the following:']
    >>> unglued_lines(["注册题目:", "Public title:", "年龄18-65岁:"])
    ['注册题目:', 'Public title:', '年龄18-65岁:']
    """
    if not any(re.search(f"[{_CJK}]", line) for line in lines):
        return lines
    result: list[str] = []
    for line in lines:
        if len(line) <= _LONGEST and line.rstrip().endswith((":", "：")) and re.search(f"[{_CJK}]", line) \
                and re.search("[A-Za-z0-9]", line):
            result += [part for part in _peeled(line) if part.strip()]
        else:
            result.append(line)
    return result


#: The section labels of an Iranian Registry of Clinical Trials 'Clinical Trial Protocol' summary, which a text view
#: of its PDF runs onto the end of the section before: "... Imam Khomeini hospital in Tehran Participants/Inclusion and
#: exclusion criteria", "... 4. A patient with known active malignancy Intervention groups" (123dok.com
#: IRCT20190717044241N1). The registry's own pages print each on a line of its own (irct.behdasht.gov.ir).
_IRCT_SECTION_LABELS = ("Participants/Inclusion and exclusion criteria", "Intervention groups")


def trailing_labels(lines: list[str]) -> list[str]:
    """The lines of a page, a line that ends in an IRCT protocol's section label after its text cut before the label.

    >>> trailing_labels(["Intravenous injection in Tehran Participants/Inclusion and exclusion criteria", "Intervention groups"])
    ['Intravenous injection in Tehran', 'Participants/Inclusion and exclusion criteria', 'Intervention groups']
    >>> trailing_labels(["The trial has two intervention groups"])  # a sentence's own words, in lower case
    ['The trial has two intervention groups']
    """
    result: list[str] = []
    for line in lines:
        bare = line.rstrip()
        label = next((label for label in _IRCT_SECTION_LABELS if bare.endswith(f" {label}")), None) \
            if bare.endswith(_IRCT_SECTION_LABELS) else None
        if label and bare[:-len(label)].strip():
            result += [bare[:-len(label)].rstrip(), label]
        else:
            result.append(line)
    return result
