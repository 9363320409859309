"""DAT001: a full date in annotation prose stands in a passage the same unit
cites, in any common format, or is the cited source's own date."""

from __future__ import annotations

import re

from ..model import Diagnostic, Project, Source, Unit
from ..pages import QUOTE
from ..rules import DATES_CHECKED, FULL_DATES, MONTH_DAYS
from ._pages import matches, position

_MONTH_INDEX = {
    m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _month(match: re.Match) -> int:
    if match.groupdict().get("month"):
        return _MONTH_INDEX[match.group("month")[:3].lower()]
    return int(match.group("mnum"))


def full_dates(text: str) -> list[tuple[tuple[int, int, int], int, str]]:
    """((year, month, day), offset, as written) for each full date in `text`."""
    found = []
    if not _YEAR.search(text):
        return found  # every full date gives its year
    for pattern in FULL_DATES:
        for m in pattern.finditer(text):
            try:
                day = (int(m.group("year")), _month(m), int(m.group("day")))
            except (KeyError, ValueError):
                continue
            if 1 <= day[1] <= 12 and 1 <= day[2] <= 31:
                found.append((day, m.start(), m.group(0)))
    return found


def passage_days(text: str, years: set[int]) -> set[tuple[int, int, int]]:
    """Every day a passage names: full dates, and month-days in a year the passage or its source gives."""
    days = {d for d, _, _ in full_dates(text)}
    years = years | {int(y) for y in _YEAR.findall(text)}
    for pattern in MONTH_DAYS:
        for m in pattern.finditer(text):
            days |= {(y, _month(m), int(m.group("day"))) for y in years}
    return days


def source_day(s: Source) -> tuple[int, int, int] | None:
    """The source's own date, when it gives the day."""
    parts = s.date.split("-")
    return (
        (int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 and all(p.isdigit() for p in parts) else None
    )


def _support(unit: Unit, defs: dict, sources: dict[str, Source], memo: dict) -> set[tuple[int, int, int]]:
    """The days the passages cited by `unit` name, and the cited sources' own dates."""
    days = set()
    for ref in unit.footnote_refs:
        fd = defs.get(ref.text)
        source = sources.get(fd.source_id or "") if fd else None
        if source is None:
            continue
        excerpts = [e for a, _ in fd.passages if (e := source.passage(a))] or (
            list(source.excerpts) if source.cited_whole else []
        )
        years = frozenset({int(source.date[:4])} if source.date[:4].isdigit() else ())
        for e in excerpts:
            key = (e.text, years)  # a passage cited by many paragraphs is read once
            if key not in memo:
                memo[key] = passage_days(e.text, set(years))
            days |= memo[key]
        if (own := source_day(source)) is not None:
            days.add(own)
    return days


def check_dates(project: Project) -> list[Diagnostic]:
    """DAT001 on the units of annotation prose that cite something."""
    if not project.sources_ok:
        return []  # REG00x says why: no passage can be read
    out = []
    sources = {s.id: s for s in project.sources}
    memo: dict = {}
    for page in (p for p in project.pages if matches(p, DATES_CHECKED)):
        defs = {d.label: d for d in page.footnotes}
        for unit in page.units:
            if not unit.footnote_refs or unit.kind == "quote":
                continue
            prose = QUOTE.sub(lambda m: " " * len(m.group(0)), unit.text)  # quotations: QUO001's business
            dates = full_dates(prose)
            if not dates:
                continue
            support = _support(unit, defs, sources, memo)
            for day, offset, written in dates:
                if day in support:
                    continue
                line, col = position(unit, offset)
                out.append(
                    Diagnostic(
                        page.path,
                        line,
                        col,
                        "DAT001",
                        f"date {written!r} stands in no passage this paragraph cites, nor is it a cited source's date",
                        help="cite the passage that gives the date (store it if needed), or write only what the "
                        "passage gives (the month, the year)",
                    )
                )
    return out
