"""Quotation checks (QUO): every quotation in annotation prose stands word for
word in a stored excerpt of a source cited in the same unit.
"""

from __future__ import annotations

from ..model import Diagnostic, Page, Project, Span, Unit
from ..rules import ICE_TEXT_SOURCES, MENTION_MAX_WORDS, QUOTES_EXEMPT
from ..text import found_in, normalise, strip_emphasis
from ._pages import matches

_ATTRIBUTION = ("—", "--", "-- ")


def _cited_sources(page: Page, unit: Unit) -> list[str]:
    """Ids of the sources the unit's footnotes and links point to."""
    defs = {d.label: d.source_id for d in page.footnotes}
    ids = [defs.get(ref.text) for ref in unit.footnote_refs]
    ids += [link.text for link in unit.source_links]
    return [i for i in ids if i]


def _blockquote_text(unit: Unit) -> str:
    """A blockquote's quoted words: no citations, no attribution line."""
    lines = [ln for ln in unit.text.split("\n") if not ln.lstrip().startswith(_ATTRIBUTION)]
    text = strip_emphasis(" ".join(lines))
    for ref in unit.footnote_refs:
        text = text.replace(f"[^{ref.text}]", "")
    return text


def check_quotations(project: Project) -> list[Diagnostic]:
    """QUO001 and QUO002 on every page but examples and ICE's own text."""
    out = []
    if not project.sources_ok:
        return out
    # Normalised once: a passage is searched by every quotation beside it.
    excerpts = {s.id: [normalise(e.text) for e in s.excerpts] for s in project.sources}
    for sid in ICE_TEXT_SOURCES:
        excerpts.setdefault(sid, []).append(normalise(project.reference_text))
    for page in project.pages:
        if matches(page, QUOTES_EXEMPT):
            continue
        for u in page.units:
            quotes = list(u.quotes)
            if u.kind == "quote":
                if u.section == "The claim" and page.is_claim:
                    continue  # checked against ICE's text by the claim checks
                quotes = [Span(_blockquote_text(u), u.line, 1)]
                quotes = [q for q in quotes if q.text.strip()]
            if not quotes:
                continue
            cited = _cited_sources(page, u)
            for q in quotes:
                if not cited:
                    if len(q.text.split()) <= MENTION_MAX_WORDS:
                        continue
                    out.append(
                        Diagnostic(
                            page.path,
                            q.line,
                            q.col,
                            "QUO002",
                            f'quotation "{_short(q.text)}" stands beside no citation',
                            help="cite the source it comes from in the same paragraph",
                        )
                    )
                    continue
                if not any(found_in(q.text, text, normalised=True) for sid in cited for text in excerpts.get(sid, ())):
                    out.append(
                        Diagnostic(
                            page.path,
                            q.line,
                            q.col,
                            "QUO001",
                            f'quotation "{_short(q.text)}" is not in the stored excerpts of '
                            f"{', '.join(repr(c) for c in dict.fromkeys(cited))}",
                            help="quote the excerpt exactly, or store the passage in the source's excerpts",
                        )
                    )
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
