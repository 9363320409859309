"""Checks over the registries themselves (SRC, FIG)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from urllib.parse import urlparse

from ..model import Diagnostic, Project
from ..numbers import format_value, is_known_format
from ..rules import GENERATED, ID_RE, SOURCE_KINDS
from ..text import found_in, normalise

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parses(date: str) -> bool:
    m = _DATE.match(date)
    if not m:
        return False
    try:
        dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def check_sources(project: Project) -> list[Diagnostic]:
    """Ids unique and well formed, kinds known, dates parse, URLs https."""
    out = []
    counts = Counter(s.id for s in project.sources)
    for s in project.sources:
        if counts[s.id] > 1:
            out.append(
                Diagnostic(s.path, s.line, 1, "SRC002", f"source id {s.id!r} is registered {counts[s.id]} times")
            )
        if not ID_RE.match(s.id):
            out.append(
                Diagnostic(
                    s.path,
                    s.line,
                    1,
                    "SRC003",
                    f"source id {s.id!r} is not kebab-case",
                    help="use lower-case letters, digits and single hyphens",
                )
            )
        if s.kind not in SOURCE_KINDS:
            out.append(
                Diagnostic(
                    s.path,
                    s.line,
                    1,
                    "SRC004",
                    f"source {s.id!r} has kind {s.kind!r}",
                    help=f"use one of: {', '.join(SOURCE_KINDS)}",
                )
            )
        for name, value in (("date", s.date), ("accessed", s.accessed)):
            if not _parses(value):
                out.append(
                    Diagnostic(
                        s.path,
                        s.line,
                        1,
                        "SRC005",
                        f"source {s.id!r} has {name} {value!r}",
                        help="write YYYY, YYYY-MM or YYYY-MM-DD",
                    )
                )
        # An original read through an archive may never have had https.
        schemes = ("https", "http") if s.archive_url else ("https",)
        url = urlparse(s.url)
        if url.scheme not in schemes or not url.netloc:
            out.append(
                Diagnostic(
                    s.path,
                    s.line,
                    1,
                    "SRC006",
                    f"source {s.id!r} has URL {s.url!r}",
                    help="give the absolute https address where the document was read",
                )
            )
        archive = urlparse(s.archive_url)
        if s.archive_url and (archive.scheme != "https" or not archive.netloc):
            out.append(
                Diagnostic(
                    s.path,
                    s.line,
                    1,
                    "SRC006",
                    f"source {s.id!r} has archive_url {s.archive_url!r}",
                    help="give the absolute https address of the archived copy you read",
                )
            )
    return out


def check_figures(project: Project) -> list[Diagnostic]:
    """Ids unique, sources known, formats known, formulas sound, excerpts real."""
    out = []
    sources = {s.id: s for s in project.sources}
    sources_ok = project.sources_ok
    counts = Counter(f.id for f in project.figures)
    problems = project.value_problems
    for f in project.figures:
        if counts[f.id] > 1:
            out.append(
                Diagnostic(f.path, f.line, 1, "FIG002", f"figure id {f.id!r} is registered {counts[f.id]} times")
            )
            continue
        if not ID_RE.match(f.id):
            out.append(Diagnostic(f.path, f.line, 1, "FIG001", f"figure id {f.id!r} is not kebab-case"))
        if not is_known_format(f.format):
            out.append(
                Diagnostic(
                    f.path,
                    f.line,
                    1,
                    "FIG004",
                    f"figure {f.id!r} has format {f.format!r}",
                    help="see the formats table in docs/contributing/authoring.md",
                )
            )
        if f.id in problems:
            out.append(Diagnostic(f.path, f.line, 1, "FIG005", f"the formula of figure {f.id!r} {problems[f.id]}"))
        if f.formula:
            continue
        source = sources.get(f.source)
        if source is None and not sources_ok:
            continue
        if source is None:
            out.append(
                Diagnostic(f.path, f.line, 1, "FIG003", f"figure {f.id!r} names unregistered source {f.source!r}")
            )
            continue
        if not any(found_in(f.excerpt, e.text) for e in source.excerpts):
            out.append(
                Diagnostic(
                    f.path,
                    f.line,
                    1,
                    "FIG006",
                    f"the excerpt of figure {f.id!r} is not in the excerpts of source {f.source!r}",
                    help="copy it from one of the source's stored excerpts, or store the passage there",
                )
            )
        if is_known_format(f.format) and not _states(f.excerpt, f.value, f.format):
            out.append(
                Diagnostic(
                    f.path,
                    f.line,
                    1,
                    "FIG007",
                    f"the excerpt of figure {f.id!r} does not contain its value {format_value(f.value, f.format)!r}",
                )
            )
    return out


def _states(excerpt: str, value: float, fmt: str) -> bool:
    """True when the excerpt writes the number, in any common spelling."""
    text = normalise(excerpt).replace(",", "")
    shown = format_value(value, fmt)
    core = re.sub(r"[^\d.]", "", shown.split(" ")[0].replace(",", ""))
    candidates = {core, core.rstrip("0").rstrip(".") if "." in core else core, f"{value:g}", f"{int(value)}"}
    return any(re.search(rf"(?<![\d.]){re.escape(c)}(?![\d])", text) for c in candidates if c)


def check_uncited_sources(project: Project) -> list[Diagnostic]:
    """Every source is cited somewhere, or marked background."""
    if not project.figures_ok:
        return []  # figures may be what cites some sources
    cited = {f.source for f in project.figures}
    for page in project.pages:
        if page.rel in GENERATED:
            continue
        cited |= page.cited_sources
    return [
        Diagnostic(
            s.path,
            s.line,
            1,
            "SRC007",
            f"source {s.id!r} is cited on no page",
            help="cite it, delete it, or mark it `background: true`",
        )
        for s in project.sources
        if s.id not in cited and not s.background
    ]
