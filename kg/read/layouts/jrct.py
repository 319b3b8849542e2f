"""The Japan Registry of Clinical Trials' record pages (jrct.niph.go.jp, jrct.mhlw.go.jp "latest-detail").

A record page of a plan of regenerative medicine ("再生医療等提供計画情報の詳細情報です。") opens with a summary table
whose labels the stored copies of the page lose: only the values are left, one row each, always in the same order
(the record of jRCTa060190036):

    第一種                         the plan's class (第一種, 第二種, 第三種)
    令和2年2月27日 …               one to four dates (notified, last updated, ended, reported)
    感染症予防を目的とした …       the name of the regenerative medicine (the record's scientific title)
    ドナー肝由来NK細胞を用いた …   its plain name (the public title)
    広島大学病院                   the institution
    工藤 美樹                      the investigator responsible
    肝臓移植以外に治療法がない …   the purpose
    1-2                            the phase
    肝臓移植を必要とする …         the disease studied
    研究終了                       the recruitment status (募集前, 募集中, 募集中断, 募集終了, 研究終了)
    広島大学再生医療等委員会       the certified committee
    NA8150006                      its certification number

as lines, or as table rows ("| 第三種 | ||", "第三種 | ||"). Further down the record gives a value in both
languages, the Japanese first and the English after it in the same row ("| 後藤 重則 | Goto Shigenori | ||"), on the
same line ("… 第1 / 2相臨床研究 Phase 1 / 2 clinical study of …") or on the next line; the results summary gives its
texts so ("/ | 登録症例14例のうち … |" / "Of the 14 registered cases …").

The reader takes the summary where it finds the rows it is sure of: the row after the dates is the first title, and
the status is the row holding one of the registry's status words, the disease the row before it and the phase token
the one before that. The phase is not taken from that unlabelled row (only a labelled phase says it); the status word
is the registry's own wording of its recruitment status, and a labelled "進捗状況:募集終了 / Not Recruiting" line says
it too. Where the page gives a title in English beside the Japanese, the English is the record's; a value given only
in Japanese is kept as it is. Everything else is read as the generic reader reads it.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.model.identifiers import JRCT_NUMBER, scheme_of
from kg.model.records import Identifier, SourceDocument, TrialRecord
from kg.model.text import fold
from kg.read.layouts import generic
from kg.read.reader import Outline

__all__ = ["LAYOUT", "claims", "read", "outline", "summary", "english_rendering", "STATUS"]

LAYOUT = "jrct"

#: A jRCT number, also inside a file name ("委員会意見書_20220916_jRCTb030190134.pdf").
_NUMBER = re.compile(rf"(?<![A-Za-z0-9]){JRCT_NUMBER}(?!\d)")
#: The registry's own words: the system's name in its banner, the heading of a regenerative-medicine record, the
#: committees that certify its plans.
_REGISTRY_WORDS = re.compile(r"臨床研究等提出・公開システム|再生医療等提供計画情報の詳細情報です|認定再生医療等委員会")
#: The class of a plan of regenerative medicine, the first row of its summary.
_CLASS = re.compile(r"第[一二三]種")
#: A date of the summary: "令和2年2月27日", "令和元年11月14日", "2022年09月06日".
_DATE = re.compile(r"(?:(?:令和|平成)(?:\d{1,2}|元)|\d{4})年\d{1,2}月\d{1,2}日")
#: The summary's phase token: "1", "1-2", "2", "N/A".
_PHASE_TOKEN = re.compile(r"(?:[1-4](?:\s*-\s*[1-4])?|N/A)")
#: The certification number of a committee: "NA8150006", "NB3140002".
_COMMITTEE_NUMBER = re.compile(r"N[A-Z]\d{7}")
#: The registry's recruitment statuses, in Japanese and as its English pages word them.
STATUS = {"募集前": "NOT_YET_RECRUITING", "募集中": "RECRUITING", "募集中断": "SUSPENDED", "募集終了": "ACTIVE_NOT_RECRUITING",
          "研究終了": "COMPLETED", "Pending": "NOT_YET_RECRUITING", "Recruiting": "RECRUITING", "Suspended": "SUSPENDED",
          "Not Recruiting": "ACTIVE_NOT_RECRUITING", "Complete": "COMPLETED"}
#: The status labelled in the record's history: "進捗状況:募集終了 / Not Recruiting".
_LABELLED_STATUS = re.compile(r"^進捗状況\s*[::]\s*(?P<ja>[^/\n]+?)\s*(?:/\s*(?P<en>[^\n]+?))?\s*$", re.MULTILINE)
#: A value saying there is none: the disease of a study of healthy people at risk ("なし", jRCTc030200089).
_NONE = {"なし", "該当なし", "None", "N/A"}
#: A character of Japanese script (kana, kanji, full-width punctuation).
_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]")
#: English glued after a Japanese text on one cell ("… 第1 / 2相臨床研究 Phase 1 / 2 clinical study of …").
_GLUED_ENGLISH = re.compile(r"(?<=[\u3000-\u30ff\u3400-\u9fff。)])\s+(?P<english>[A-Z][^\u3000-\u30ff\u3400-\u9fff]+)$")


def claims(text: str) -> bool:
    """A jRCT number on a page in the registry's own words (the system's name, the heading of a regenerative-medicine
    record, its certified committees), or the summary of a regenerative-medicine record (its class on a row of its
    own, then its rows up to the status word where the registry puts them).
    """
    return bool(_NUMBER.search(text)) and bool(_REGISTRY_WORDS.search(text)) or bool(summary(text))


def _cells(line: str) -> list[str]:
    """The filled cells of a line ("| 後藤 重則 | Goto Shigenori | ||" -> two; a plain line is one cell)."""
    return [cell for cell in (fold(part) for part in line.split("|")) if cell and cell != "/"]


def _rows(text: str) -> list[list[str]]:
    """The page's lines as rows of filled cells, empty lines left out."""
    return [cells for cells in map(_cells, text.split("\n")) if cells]


def _class_row(rows: list[list[str]]) -> int | None:
    """The index of the summary's first row: the plan's class alone ("第一種")."""
    return next((index for index, row in enumerate(rows[:40]) if len(row) == 1 and _CLASS.fullmatch(row[0])), None)


def summary(text: str) -> dict[str, str]:
    r"""The summary table of a regenerative-medicine record, by field (see the module's docstring); empty where the
    page has none, or where the rows are not where the registry puts them (the status word, the disease before it,
    the phase token before that).

    >>> summary("第三種\n令和7年10月23日\n名称\n平易\n病院\n医師\n目的\n1\nがん発症予防\n募集中\n委員会\nNB3140002")["condition"]
    'がん発症予防'
    """
    rows = _rows(text)
    start = _class_row(rows)
    if start is None:
        return {}
    first = start + 1
    while first < len(rows) and len(rows[first]) == 1 and _DATE.fullmatch(rows[first][0]):
        first += 1
    single = [row[0] if len(row) == 1 else None for row in rows[first:first + 12]]
    status = next((index for index, value in enumerate(single) if value in STATUS), None)
    if status is None or status < 6 or not _PHASE_TOKEN.fullmatch(single[status - 2] or ""):
        return {}
    if any(value is None for value in single[:status]):
        return {}
    found = {"title": single[0], "condition": single[status - 1], "phase": single[status - 2],
             "purpose": single[status - 3], "investigator": single[status - 4], "institution": single[status - 5],
             "status": single[status]}
    if status >= 7:
        found["plain_title"] = single[1]
    after = single[status + 1:status + 3]
    if len(after) == 2 and after[1] and _COMMITTEE_NUMBER.fullmatch(after[1]):
        found["committee"], found["committee_number"] = after[0] or "", after[1]
    return {name: value for name, value in found.items() if value}


def english_rendering(text: str, japanese: str) -> str | None:
    r"""The English the page gives beside a Japanese value: in the next cell of the row that holds it, after it on
    the same line, or on the next line alone; None where the page gives it only in Japanese.

    >>> english_rendering("| 後藤 重則 | Goto Shigenori | ||", "後藤 重則")
    'Goto Shigenori'
    >>> english_rendering("脂肪由来間葉系幹細胞療法 Adipose-derived mesenchymal stem cell therapy for liver cirrhosis",
    ...                   "脂肪由来間葉系幹細胞療法")
    'Adipose-derived mesenchymal stem cell therapy for liver cirrhosis'
    >>> english_rendering("肝硬変\n募集中", "肝硬変") is None
    True
    """
    lines = [line for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines):
        cells = _cells(line)
        if not cells or not cells[0].startswith(japanese):
            continue
        rest = " ".join([cells[0][len(japanese):].strip(), *cells[1:]]).strip()
        if not rest and index + 1 < len(lines):
            rest = " ".join(_cells(lines[index + 1]))
        if rest and re.match(r"[A-Za-z(]", rest) and not _JAPANESE.search(rest):
            return rest
    return None


def _own_number(text: str, url: str | None) -> str | None:
    """The record's jRCT number: the one on a row of its own, else the one the page shows most, else the one of the
    address the page was fetched from ("https://jrct.niph.go.jp/latest-detail/jRCTb030230603": a page whose stored text
    lost every row that shows its number).
    """
    alone = [cells[0] for cells in _rows(text) if len(cells) == 1 and _NUMBER.fullmatch(cells[0])]
    if alone:
        return alone[0]
    counted = Counter(_NUMBER.findall(text))
    if counted:
        return counted.most_common(1)[0][0]
    fetched = _NUMBER.search(url or "")
    return fetched.group(0) if fetched else None


def read(text: str, source: SourceDocument) -> TrialRecord:
    """The summary's titles (in English where the page gives them beside the Japanese), disease, purpose and
    status, and the English of the record's texts; a page without the summary (the registry's English page) as the
    generic reader reads it. The record is keyed by its jRCT number.
    """
    found = summary(text)
    record = TrialRecord(source=source) if found else generic.read(text, source)
    number = _own_number(text, source.url)
    own = [Identifier(number, scheme_of(number) or "OTHER")] if number else []
    record.identifiers = own + [i for i in record.identifiers if i not in own]
    if found:
        # the rows after the summary repeat its values, in both languages where the record gives both
        rest = text[text.find(found.get("committee_number") or found["status"]):]
        scientific = english_rendering(rest, found["title"]) or found["title"]
        plain = (english_rendering(rest, found["plain_title"]) or found["plain_title"]) if "plain_title" in found else None
        record.title = plain or scientific
        record.official_title = scientific if scientific != record.title else None
        record.conditions = [found["condition"]] if found["condition"] not in _NONE else []
        record.brief_summary = found["purpose"]
        japanese_titles = tuple(filter(None, (found["title"], found.get("plain_title"))))
        record.detailed_description = "\n".join(_described(rest, japanese_titles)) or None
    status = STATUS.get(found.get("status", ""))
    labelled = list(_LABELLED_STATUS.finditer(text))
    if status is None and labelled:  # the record's history: the last change is the status now
        last = labelled[-1]
        status = STATUS.get(last.group("ja")) or STATUS.get(last.group("en") or "")
    record.status = status or record.status
    return record


def _described(text: str, titles: tuple[str, ...] = ()) -> list[str]:
    """The English renderings of the record's texts (its results summary, the content of the plan): the cell after
    a Japanese one ("/ | <Japanese> | <English> |"), the English after the Japanese on one line, or a line of English
    alone under a line of Japanese, where it reads as sentences (eight words and more); not the rows of the record's
    ``titles`` (Japanese), which name it.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    texts: list[str] = []
    for index, line in enumerate(lines):
        cells = _cells(line)
        if not cells or not _JAPANESE.search(cells[0]) or cells[0].startswith(titles):
            continue
        english = [cell for cell in cells[1:] if not _JAPANESE.search(cell)]
        glued = _GLUED_ENGLISH.search(cells[0])
        if glued:
            english.insert(0, glued.group("english"))
        if not english and len(cells) == 1 and index + 1 < len(lines) and not _JAPANESE.search(lines[index + 1]):
            english = _cells(lines[index + 1])
        texts += [cell for cell in english if len(cell.split()) >= 8 and cell not in texts]
    return texts


def outline(text: str) -> Outline:
    """The summary's fields read, then the labelled fields as the generic reader finds them."""
    found = generic.outline(text)
    return Outline(tuple(f"summary: {name}" for name in summary(text)) + found.sections, found.unread)
