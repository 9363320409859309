"""Figures in prose (FIG008-FIG011): each link shows its registered value as
formatted, each link points to a figure, no other number stands unregistered,
and no registered figure goes unused.
"""

from __future__ import annotations

from ..model import Diagnostic, Project
from ..numbers import format_value, formula_refs, is_known_format
from ..rules import GENERATED, NUMBER_CHECKED
from ._pages import matches


def check_prose_figures(project: Project) -> list[Diagnostic]:
    """FIG008, FIG009, FIG010, FIG011."""
    out = []
    if not project.figures_ok:
        return _bare_numbers(project)
    by_id = {f.id: f for f in project.figures}
    values = project.values
    used: set[str] = set()
    for page in project.pages:
        if page.rel in GENERATED:
            continue
        for u in page.units:
            for link, fid in zip(u.figure_links, u.figure_ids, strict=True):
                used.add(fid)
                figure = by_id.get(fid)
                if figure is None:
                    out.append(
                        Diagnostic(
                            page.path,
                            link.line,
                            link.col,
                            "FIG009",
                            f"link to unregistered figure {fid!r}",
                            help="register it in docs/data/figures.yml",
                        )
                    )
                    continue
                if fid not in values or not is_known_format(figure.format):
                    continue  # reported against the registry
                expected = format_value(values[fid], figure.format)
                if link.text.strip() != expected:
                    kind = "recomputes to" if figure.formula else "is registered as"
                    out.append(
                        Diagnostic(
                            page.path,
                            link.line,
                            link.col,
                            "FIG008",
                            f"figure {fid!r} shows {link.text.strip()!r} but {kind} {expected!r}",
                            help=f"write [{expected}](...#{fid})",
                        )
                    )
    out += _bare_numbers(project)
    # A figure that only feeds a formula shown in prose is used too.
    frontier = list(used)
    while frontier:
        figure = by_id.get(frontier.pop())
        for ref in formula_refs(figure.formula) if figure else ():
            if ref not in used:
                used.add(ref)
                frontier.append(ref)
    for f in project.figures:
        if f.id not in used:
            out.append(
                Diagnostic(
                    f.path,
                    f.line,
                    1,
                    "FIG011",
                    f"figure {f.id!r} is used on no page",
                    help="use it in prose or delete it",
                )
            )
    return out


def _bare_numbers(project: Project) -> list[Diagnostic]:
    """FIG010: digits in annotation prose outside figure links and exemptions."""
    return [
        Diagnostic(
            page.path,
            n.line,
            n.col,
            "FIG010",
            f"number {n.text!r} is not a registered figure",
            help="register it and link it: [value](../figures.md#figure-id)",
        )
        for page in project.pages
        if matches(page, NUMBER_CHECKED)
        for u in page.units
        if u.kind != "html"
        for n in u.numbers
    ]
