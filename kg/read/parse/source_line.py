"""The address a saved page records on its first line, ``# source: URL``.

Saved pages (``tests/data/pages``, pages fetched by hand) open with the address they were
fetched from. That line is where the document came from — provenance of the document
(``schema:url`` on its ctk:SourceDocument node) — and never text of the page: its register
number is not the page's, its words are not a title.
"""

from __future__ import annotations

import re

__all__ = ["split_source_line"]

_SOURCE_LINE = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t]*#[ \t]*source[ \t]*:[ \t]*(?P<url>[^\s]*)[ \t]*(?:\r?\n|\Z)", re.IGNORECASE)


def split_source_line(data: bytes) -> tuple[str | None, bytes]:
    r"""The URL of a leading ``# source: URL`` line (None when there is none or it is empty) and the bytes
    after that line.

    >>> split_source_line(b"# source: https://trials.co/clinical-trials-details/-/NCT05842707\nStudy of Cord Blood")
    ('https://trials.co/clinical-trials-details/-/NCT05842707', b'Study of Cord Blood')
    >>> split_source_line(b"NCT ID: NCT04320303")
    (None, b'NCT ID: NCT04320303')
    """
    match = _SOURCE_LINE.match(data)
    if not match:
        return None, data
    url = match.group("url").decode("utf-8", "replace")
    return url or None, data[match.end():]
