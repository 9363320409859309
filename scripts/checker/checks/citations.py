"""Citation checks (CIT): footnotes used and defined, each naming a
registered source with a locator, and every unit of annotation prose cited.
"""

from __future__ import annotations

from collections import Counter

from ..model import Diagnostic, Project
from ..rules import CITATION_REQUIRED, GENERATED, UNCITED_SECTIONS
from ._pages import matches

_PROSE = ("paragraph", "item", "row", "quote")


def check_citations(project: Project) -> list[Diagnostic]:
    """CIT001-CIT007 on every page."""
    out = []
    sources = {s.id for s in project.sources}
    for page in project.pages:
        if page.rel in GENERATED:
            continue  # written from the registries; GEN001 guards them
        defined = Counter(d.label for d in page.footnotes)
        used = {ref.text for u in page.units for ref in u.footnote_refs}
        for u in page.units:
            for ref in u.footnote_refs:
                if ref.text not in defined:
                    out.append(
                        Diagnostic(
                            page.path,
                            ref.line,
                            ref.col,
                            "CIT001",
                            f"footnote [^{ref.text}] is never defined",
                            help=f"add a line '[^{ref.text}]: [Title](../sources.md#source-id), locator.'",
                        )
                    )
            for link in u.source_links:
                if project.sources_ok and link.text not in sources:
                    out.append(
                        Diagnostic(
                            page.path, link.line, link.col, "CIT004", f"link to unregistered source {link.text!r}"
                        )
                    )
        seen = set()
        for d in page.footnotes:
            if d.label in seen:
                out.append(Diagnostic(page.path, d.line, 1, "CIT007", f"footnote [^{d.label}] is defined again"))
                continue
            seen.add(d.label)
            if d.label not in used:
                out.append(
                    Diagnostic(
                        page.path,
                        d.line,
                        1,
                        "CIT002",
                        f"footnote [^{d.label}] is defined but never used",
                        help="Python-Markdown prints every defined footnote: cite it or delete it",
                    )
                )
            if d.source_id is None:
                out.append(
                    Diagnostic(
                        page.path,
                        d.line,
                        1,
                        "CIT003",
                        f"footnote [^{d.label}] does not link to an entry of the sources page",
                        help="start it with [Title](../sources.md#source-id)",
                    )
                )
                continue
            if project.sources_ok and d.source_id not in sources:
                out.append(
                    Diagnostic(
                        page.path,
                        d.line,
                        1,
                        "CIT004",
                        f"footnote [^{d.label}] cites unregistered source {d.source_id!r}",
                    )
                )
            if not d.locator:
                out.append(
                    Diagnostic(
                        page.path,
                        d.line,
                        1,
                        "CIT005",
                        f"footnote [^{d.label}] gives no locator after the source link",
                        help="add the page, section, paragraph or table, e.g. ', p. 14.'",
                    )
                )
        if matches(page, CITATION_REQUIRED):
            for u in page.units:
                if u.kind in _PROSE and u.section not in UNCITED_SECTIONS and not u.footnote_refs:
                    out.append(
                        Diagnostic(
                            page.path,
                            u.line,
                            1,
                            "CIT006",
                            f"this {_name(u.kind)} cites no source",
                            help="end it with a footnote citing the source it rests on",
                        )
                    )
    return out


def _name(kind: str) -> str:
    return {"item": "list item", "row": "table row", "quote": "blockquote"}.get(kind, kind)
