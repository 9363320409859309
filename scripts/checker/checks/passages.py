"""Passage checks: every footnote names the stored passages it relies on (CIT008-CIT011),
each passage has one locator and says where it was seen (SRC009, SRC010), and the
passages written under each footnote match the registry (GEN002)."""

from __future__ import annotations

from collections import Counter

from ..model import Diagnostic, Project
from ..passages import page_outputs
from ..rules import GENERATED, SEEN
from ..text import slug


def check_sources_passages(project: Project) -> list[Diagnostic]:
    """SRC009 (a locator used twice within a source) and SRC010 (where an excerpt was seen)."""
    out = []
    for s in project.sources:
        counts = Counter(slug(e.locator) for e in s.excerpts)
        for e in s.excerpts:
            if counts[slug(e.locator)] > 1:
                out.append(
                    Diagnostic(
                        s.path,
                        e.line,
                        1,
                        "SRC009",
                        f"source {s.id!r} has two passages at locator {e.locator!r}",
                        help="give each passage its own locator (para. 3, para. 4, ...): a footnote names one by it",
                    )
                )
            if e.seen not in SEEN:
                what = f"seen {e.seen!r} is not one of {', '.join(SEEN)}" if e.seen else "lacks 'seen'"
                out.append(
                    Diagnostic(
                        s.path,
                        e.line,
                        1,
                        "SRC010",
                        f"passage {e.locator!r} of {s.id!r} {what}",
                        help="seen: url (read at url or archive_url), copy (at the copy the `copy` note names) "
                        "or notes (only in our research notes)",
                    )
                )
            elif e.seen == "copy" and not s.copy:
                out.append(
                    Diagnostic(
                        s.path,
                        e.line,
                        1,
                        "SRC010",
                        f"passage {e.locator!r} of {s.id!r} was seen at a copy, but the source names none",
                        help="say in the source's `copy` note which copy was read",
                    )
                )
    return out


def check_footnote_passages(project: Project) -> list[Diagnostic]:
    """CIT008-CIT011 on every footnote that cites a registered source."""
    if not project.sources_ok:
        return []  # REG00x says why
    out = []
    counts = Counter(s.id for s in project.sources)
    sources = {s.id: s for s in project.sources if counts[s.id] == 1}  # a shared id: SRC002 first
    for page in project.pages:
        if page.rel in GENERATED:
            continue
        for fd in page.footnotes:
            source = sources.get(fd.source_id or "")
            if source is None:
                continue  # CIT003 / CIT004 say why
            if not fd.locator and not fd.passages:
                continue  # CIT005: no locator at all
            if not fd.passages and not source.cited_whole:
                out.append(
                    Diagnostic(
                        page.path,
                        fd.line,
                        1,
                        "CIT008",
                        f"footnote [^{fd.label}] names no stored passage of {source.id!r}",
                        help=f"after the source link, link each passage it rests on: "
                        f"[locator](…sources.md#{source.id}--locator-as-slug)",
                    )
                )
                continue
            found = []
            for anchor, text in fd.passages:
                excerpt = source.passage(anchor)
                if excerpt is None:
                    out.append(
                        Diagnostic(
                            page.path,
                            fd.line,
                            1,
                            "CIT009",
                            f"footnote [^{fd.label}] names passage #{anchor}, which {source.id!r} does not have",
                            help=f"link one of its locators: {', '.join(repr(e.locator) for e in source.excerpts)}",
                        )
                    )
                    continue
                found.append(excerpt)
                if " ".join(text.split()) != " ".join(excerpt.locator.split()):
                    out.append(
                        Diagnostic(
                            page.path,
                            fd.line,
                            1,
                            "CIT010",
                            f"footnote [^{fd.label}] calls passage #{anchor} {text!r}; its locator is "
                            f"{excerpt.locator!r}",
                            help="the link's text is the passage's locator, word for word",
                        )
                    )
        out += _notes_only(page, sources)
    return out


def _notes_only(page, sources) -> list[Diagnostic]:
    """CIT011: a paragraph whose cited passages were all seen only in our research notes."""
    defs = {d.label: d for d in page.footnotes}
    out = []
    for unit in page.units:
        seen = []
        for ref in unit.footnote_refs:
            fd = defs.get(ref.text)
            source = sources.get(fd.source_id or "") if fd else None
            if source is not None:
                seen += [e.seen for a, _ in fd.passages if (e := source.passage(a))]
        if seen and all(s == "notes" for s in seen):
            ref = unit.footnote_refs[0]
            out.append(
                Diagnostic(
                    page.path,
                    ref.line,
                    ref.col,
                    "CIT011",
                    "this paragraph rests only on passages seen in our research notes",
                    help="find the passage in a stored copy of the source (then seen: url), "
                    "cite a passage that was seen, or cut the sentence",
                )
            )
    return out


def check_passage_blocks(project: Project) -> list[Diagnostic]:
    """GEN002: the passages under each footnote are what scripts/generate writes."""
    out = []
    expected = project.memo("page-outputs", lambda: page_outputs(project))
    for page in project.pages:
        want = expected.get(page.path)
        if want is None or want == page.text:
            continue
        have_lines, want_lines = page.text.split("\n"), want.split("\n")
        first = next(
            (n for n, (a, b) in enumerate(zip(have_lines, want_lines, strict=False), start=1) if a != b),
            min(len(have_lines), len(want_lines)),
        )
        # Name the footnote the first difference falls under.
        fd = max((d for d in page.footnotes if d.line <= first), key=lambda d: d.line, default=None)
        where = f"under footnote [^{fd.label}]" if fd else "under a footnote"
        out.append(
            Diagnostic(
                page.path,
                fd.line if fd else first,
                1,
                "GEN002",
                f"the passages {where} are stale or were edited by hand",
                help="run scripts/generate: it writes each footnote's passages from docs/data/sources.yml",
            )
        )
    return out
