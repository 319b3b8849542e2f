"""Site lists as pages print them: a site's name, then its place ("City, Region, Country"), often
after a flag; or the whole site on one line ("Asan Medical Center, Seoul, Korea, Republic of").
"""

from __future__ import annotations

import re

from kg.model.records import Site
from kg.model.text import fold
from kg.model.vocab import lookup
from kg.read.parse.fields import country_code, flag_country, value_or_none

__all__ = ["sites_from_lines"]

#: Lines of a site list that are no site: its count ("Locations (3)", "2 sites (Boston, …)"), a site's recruiting
#: status, its contact's name, telephone or e-mail.
_NOT_A_SITE = re.compile(r"^(?:locations?\s*\(\d+\)|\d+\s+sites?\b.*|(?:contact|principal investigator|investigator|"
                         r"phone|tel|telephone|e-?mail|fax)\b.*|.*@.*|[\d\s()+./-]{7,})$", re.IGNORECASE)


def sites_from_lines(lines: list[str]) -> list[Site]:
    """The sites of a list: lines of a name, each closed by a line of its place (or a flag and its place); a
    sentence ends the list.

    >>> sites_from_lines(["Locations (1)", "Asan Medical Center", "🇰🇷Seoul, Korea, Republic of"])
    [Site(name='Asan Medical Center', city='Seoul', country='KR', latitude=None, longitude=None)]
    >>> sites_from_lines(["University of Ulsan, Asan Medical Center", "Seoul, South Korea"])
    [Site(name='University of Ulsan, Asan Medical Center', city='Seoul', country='KR', latitude=None, longitude=None)]
    """
    sites: list[Site] = []
    pending: list[str] = []
    flag: str | None = None
    for line in (fold(line) for line in lines):
        if not line or _NOT_A_SITE.match(line) or lookup("status", line):
            continue
        if line.endswith((".", "!", "?")) and len(line.split()) >= 8:
            break  # a sentence (the site's footer, a disclaimer) ends the list
        if flag_country(line):
            flag = flag_country(line)
            line = fold(re.sub(r"[\U0001F1E6-\U0001F1FF]", "", line))
            if not line:
                continue
        parts = [p.strip() for p in line.split(",")]
        country = flag or (country_code(parts[-1]) if len(parts) > 1 else None)
        if pending and (flag or (len(parts) > 1 and country)):
            sites.append(Site(name=" ".join(pending), city=value_or_none(parts[0]) if len(parts) > 1 else None,
                              country=country))
            pending, flag = [], None
        else:
            pending.append(line)
    if pending:
        sites.append(Site(name=" ".join(pending), country=flag))
    return sites
