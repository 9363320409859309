"""The passages under each footnote: what a reader's citation card shows.

Every footnote names the stored passages it relies on (links to their
anchors on the sources page). `scripts/generate` writes those passages,
verbatim, under the footnote definition, indented, with who published the
source, its kind, its date and its address. So the footnote tooltip shows
the evidence with no script of ours, under either engine; the foot of the
page and print show it too; GitHub renders it. The checker reports a block
that differs from what the registry gives (GEN002), as it does for the
other generated pages.
"""

from __future__ import annotations

import re

from .model import FootnoteDef, Page, Project, Source
from .pages import FOOTNOTE_DEF
from .text import human_date

# Longer passages are shortened at a word boundary, with a link to the whole.
SHORTEN_AT = 320
INDENT = "    "
SEARCH_EXCLUDE = "{: data-search-exclude }"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_LINE_START_SPECIAL = re.compile(r"^(#|\d+\.|[-+] )")


def _escape(text: str) -> str:
    """Plain text that Markdown shows as it is: no emphasis, links or HTML from a passage."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START_SPECIAL.sub(lambda m: "\\" + m.group(1), text)


def shorten(text: str, limit: int = SHORTEN_AT) -> tuple[str, bool]:
    """`text` cut at the last word boundary before `limit`, and whether it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, False
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …", True


def about_source(s: Source) -> str:
    """One line: who published it, what kind of source, when, and where we read it."""
    by = f"{s.author}; {s.publisher}" if s.author else s.publisher
    parts = [_escape(by), s.kind, human_date(s.date)]
    if s.archive_url:
        parts.append(f"original address <{s.url}> (not seen live); read at an archived copy, <{s.archive_url}>")
    else:
        parts.append(f"read at <{s.url}>")
    line = " · ".join(parts) + "."
    if s.copy:
        line += f" About this copy: {_escape(s.copy)}"
    return line


def passage_block(fd: FootnoteDef, source: Source | None, sources_page: str) -> list[str]:
    """The indented lines under a footnote (without blank lines around): the source, then its passages.

    The source's line comes first: the footnote's back link is appended to
    the last paragraph, and it must not land inside a quoted passage.
    """
    if source is None:
        return []
    excerpts = [e for anchor, _ in fd.passages if (e := source.passage(anchor))]
    if not excerpts:
        return []
    # The passages are the sources page's text again: each paragraph is kept
    # out of the search index (Material and Zensical honour the attribute),
    # which would otherwise double.
    lines = [INDENT + about_source(source), INDENT + SEARCH_EXCLUDE, ""]
    for n, e in enumerate(excerpts):
        text, cut = shorten(e.text)
        quote = _escape(text)
        if cut:
            quote += f" [Read the whole passage]({sources_page}#{e.anchor(source.id)})"
        if len(excerpts) > 1:
            quote += f" ({_escape(e.locator)})"
        if e.seen == "notes":
            quote += " (We saw this passage only in our research notes, not in a stored copy of the source.)"
        if n:
            lines.append(INDENT + ">")
        lines += [f"{INDENT}> {quote}", f"{INDENT}> {SEARCH_EXCLUDE}"]
    return lines


def sources_page_link(page: Page) -> str:
    """The sources page, relative to `page` as its links are written."""
    return "../" * page.rel.count("/") + "sources.md"


def with_passages(page: Page, project: Project) -> str:
    """The page's text with every footnote's generated block written afresh."""
    sources = {s.id: s for s in project.sources}
    defs = {fd.line: fd for fd in page.footnotes}
    ends_with_newline = page.text.endswith("\n")
    lines = page.text.rstrip("\n").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        fd = defs.get(i) if FOOTNOTE_DEF.match(line) else None
        if fd is None:
            continue
        while i < len(lines) and lines[i].startswith(INDENT) and lines[i].strip():
            out.append(lines[i])  # the definition, wrapped onto more lines
            i += 1
        # The old block: blank lines and indented lines, up to the next text.
        j = i
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith(INDENT)):
            j += 1
        if any(lines[k].strip() for k in range(i, j)):
            i = j if j < len(lines) else len(lines)
            trailing = j < len(lines)
        else:
            trailing = False
        block = passage_block(fd, sources.get(fd.source_id or ""), sources_page_link(page))
        if block:
            out += ["", *block]
            if trailing or (i < len(lines) and lines[i].strip()):
                out.append("")
        elif trailing:
            out.append("")
    return "\n".join(out) + ("\n" if ends_with_newline else "")


def page_outputs(project: Project) -> dict[str, str]:
    """Path -> the text each page with footnotes should have (for scripts/generate and GEN002)."""
    return {p.path: with_passages(p, project) for p in project.pages if p.footnotes}
