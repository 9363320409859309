"""Text normalisation shared by the quotation and claim checks.

Typographic quotes, apostrophes and dashes become their plain forms and runs
of whitespace become one space. Nothing else changes: case, words and
punctuation must match.
"""

from __future__ import annotations

import re
from functools import cache

_TRANSLATE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lowercase words joined by hyphens: "Highlights, \"What GAO Found\"" -> "highlights-what-gao-found"."""
    return _NOT_SLUG.sub("-", normalise(text).lower()).strip("-")


def passage_anchor(source_id: str, locator: str) -> str:
    """Where a stored passage stands on the sources page; source ids never hold "--"."""
    return f"{source_id}--{slug(locator)}"


MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def human_date(value: str) -> str:
    """A registry date as the site writes dates: 2010-11-05 -> Nov. 5, 2010; 2012-07 -> July 2012; 2012."""
    parts = str(value).split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return f"{MONTHS[numbers[1] - 1]} {numbers[2]}, {numbers[0]}"
        if len(numbers) == 2:
            return f"{MONTH_NAMES[numbers[1] - 1]} {numbers[0]}"
    except (ValueError, IndexError):
        pass
    return str(value)


@cache  # the same passages are read by several checks
def normalise(text: str) -> str:
    """Plain quotes and dashes, single spaces, no surrounding space."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


def table_cell(text: str) -> str:
    """Text for one cell of a Markdown table: one line, its pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def strip_emphasis(text: str) -> str:
    """Drop Markdown bold markers, which are presentation, not words."""
    return _EMPHASIS.sub(r"\2", text)


@cache
def quote_parts(quote: str) -> tuple[str, ...]:
    """The pieces of a quotation between ellipses, normalised."""
    parts = [normalise(p) for p in _ELLIPSIS.split(normalise(quote))]
    return tuple(p for p in parts if p)


def found_in(quote: str, passage: str, *, normalised: bool = False) -> bool:
    """True when every piece of `quote` stands in `passage`, in order.

    A comma or full stop closing the quotation may belong to the sentence
    around it (American usage puts it inside the quotes), so it is optional.
    """
    haystack, pos = (passage if normalised else normalise(passage)), 0
    for part in quote_parts(quote):
        found = haystack.find(part, pos)
        if found < 0 and part[-1:] in ",.":
            found = haystack.find(part[:-1], pos)
            part = part[:-1]
        if found < 0:
            return False
        pos = found + len(part)
    return True
