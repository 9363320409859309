"""ABS001-ABS002: a sentence that says we did not find something links the
record of that search (docs/data/searches.yml): what was sought, where,
when, with which terms, and what turned up."""

from __future__ import annotations

from ..model import Diagnostic, Project
from ..pages import LINK, QUOTE
from ..rules import ABSENCE, ABSENCE_CHECKED, SEARCH_LINK_TARGET
from ._pages import matches, position


def check_absence(project: Project) -> list[Diagnostic]:
    """ABS001 (an absence claim with no search record) and ABS002 (a record that does not exist)."""
    out = []
    known = {s.id for s in project.searches}
    for page in (p for p in project.pages if matches(p, ABSENCE_CHECKED)):
        for unit in page.units:
            links = [(m, SEARCH_LINK_TARGET.search(m.group(2))) for m in LINK.finditer(unit.text)]
            records = [(m, target.group(1)) for m, target in links if target]
            for m, record in records:
                if record not in known:
                    out.append(
                        _at(
                            page,
                            unit,
                            m.start(),
                            "ABS002",
                            f"no search record {record!r}",
                            "add it to docs/data/searches.yml, or link an existing record",
                        )
                    )
            if unit.kind == "quote" or records:
                continue
            prose = QUOTE.sub(lambda q: " " * len(q.group(0)), unit.text)  # a source's own words
            claim = ABSENCE.search(prose)
            if claim:
                out.append(
                    _at(
                        page,
                        unit,
                        claim.start(),
                        "ABS001",
                        f"{claim.group(0)!r}: an absence claim with no search record",
                        "record the search in docs/data/searches.yml and link it in the same paragraph: "
                        "[...](../methodology.md#search-<id>)",
                    )
                )
    return out


def _at(page, unit, offset: int, code: str, message: str, help: str) -> Diagnostic:
    return Diagnostic(page.path, *position(unit, offset), code, message, help=help)
