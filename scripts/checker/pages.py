"""Read a Markdown page into a Page record: front matter, headings, footnote
definitions, and units of prose with what they contain.

This is a line scanner for the Markdown we write (see authoring.md), not a
full CommonMark parser: it needs to know, for each paragraph, list item,
table row and blockquote paragraph, which footnotes it cites, which figures
it links, which quotations it makes and which digits remain once the
documented exemptions are set aside.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from .model import Diagnostic, FootnoteDef, Page, Span, Unit
from .rules import NUMBER_EXEMPTIONS, WORDS_TO_WATCH
from .textfile import read_text

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?(.*)$")
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
UNTERMINATED_REF = re.compile(r"\[\^(?![^\]\s]+\])")
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]*)((?:\s+\"[^\"]*\")?)\)")
CODE_SPAN = re.compile(r"`+[^`]*`+")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])([^>]*)>")
AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
HTML_ONLY_LINE = re.compile(r"^\s*(?:</?[a-zA-Z][^>]*>\s*)+$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
QUOTE = re.compile(r"\"([^\"\n]+(?:\n[^\"\n]+)*)\"|“([^”]+)”")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A source entry (#gao-12-708) or one of its passages (#gao-12-708--highlights):
# source ids never hold "--", so the first "--" splits the two.
SOURCE_LINK_TARGET = re.compile(r"(?:^|/)sources\.md#((?:(?!--)[^#\s])+)(?:--([^#\s]+))?$")
FIGURE_LINK_TARGET = re.compile(r"(?:^|/)figures\.md#([^#\s]+)$")


class _Builder:
    """Collects the lines of one unit with their positions in the file."""

    def __init__(self, kind: str, section: str):
        self.kind, self.section = kind, section
        self.parts: list[tuple[int, int, str]] = []  # (line, column of text start, text)

    def add(self, line: int, col: int, text: str) -> None:
        self.parts.append((line, col, text))


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _analyse(b: _Builder) -> Unit:
    """Turn the collected lines of a unit into a Unit record."""
    text = "\n".join(t for _, _, t in b.parts)
    starts, pos = [], 0
    for line, col, t in b.parts:
        starts.append((pos, line, col))
        pos += len(t) + 1

    def where(offset: int) -> tuple[int, int]:
        for start, line, col in reversed(starts):
            if offset >= start:
                return line, col + offset - start
        return b.parts[0][0], 1

    def span(s: str, offset: int) -> Span:
        line, col = where(offset)
        return Span(s, line, col)

    chars = list(text)
    masked = lambda: "".join(chars)  # noqa: E731 - a view of the current mask
    for m in CODE_SPAN.finditer(text):
        _mask(chars, m.start(), m.end())
    for m in AUTOLINK.finditer(masked()):
        _mask(chars, m.start(), m.end())
    tags = []
    for m in HTML_TAG.finditer(masked()):
        tags.append(span(m.group(0), m.start()))
        _mask(chars, m.start(), m.end())
    refs = []
    for m in FOOTNOTE_REF.finditer(masked()):
        refs.append(span(m.group(1), m.start()))
        _mask(chars, m.start(), m.end())
    fig_links, fig_ids, src_links = [], [], []
    for m in LINK.finditer(masked()):
        target = m.group(2)
        fig = FIGURE_LINK_TARGET.search(target)
        src = SOURCE_LINK_TARGET.search(target)
        if fig:
            fig_links.append(span(m.group(1), m.start() + 1))
            fig_ids.append(fig.group(1))
            _mask(chars, m.start(), m.end())
            continue
        if src:
            src_links.append(span(src.group(1), m.start()))
        # The link text stays prose; its destination is not.
        _mask(chars, m.start(2) - 1, m.end())
    quotes = []
    for m in QUOTE.finditer(masked()):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        quotes.append(span(inner, m.start() + 1))
        _mask(chars, m.start(), m.end())
    if b.kind == "quote":
        # A blockquote is quoted matter as a whole; it is checked as such.
        _mask(chars, 0, len(chars))
    watch = [span(m.group(0), m.start()) for m in WORDS_TO_WATCH.finditer(masked())]
    for pattern in NUMBER_EXEMPTIONS:
        for m in pattern.finditer(masked()):
            _mask(chars, m.start(), m.end())
    numbers = [span(m.group(0), m.start()) for m in NUMBER.finditer(masked())]
    return Unit(
        kind=b.kind,
        section=b.section,
        line=b.parts[0][0],
        text=text,
        footnote_refs=tuple(refs),
        figure_links=tuple(fig_links),
        figure_ids=tuple(fig_ids),
        source_links=tuple(src_links),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        html_tags=tuple(tags),
        watch_words=tuple(watch),
    )


def _front_matter(text: str, rel: str) -> tuple[dict, int, int, list[Diagnostic]]:
    """(meta, line of the opening ---, index of the first body line, diagnostics)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, 0, 0, []
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                return (
                    {},
                    1,
                    i + 1,
                    [
                        Diagnostic(
                            rel, line, 1, "DOC001", f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
                        )
                    ],
                )
            if not isinstance(meta, dict):
                return {}, 1, i + 1, [Diagnostic(rel, 1, 1, "DOC001", "front matter must be a mapping of keys")]
            return meta, 1, i + 1, []
    return {}, 1, len(lines), [Diagnostic(rel, 1, 1, "DOC001", "front matter is not closed by a '---' line")]


def _footnote(label: str, line: int, body: str, generated: tuple[str, ...] = ()) -> FootnoteDef:
    """A footnote definition: the source it links, the passages it names, its locator."""
    for m in LINK.finditer(body):
        src = SOURCE_LINK_TARGET.search(m.group(2))
        if src and not src.group(2):
            rest = body[m.end() :]
            passages = []
            for p in LINK.finditer(rest):
                target = SOURCE_LINK_TARGET.search(p.group(2))
                if target and target.group(2):
                    passages.append((f"{target.group(1)}--{target.group(2)}", p.group(1)))
            locator = LINK.sub(lambda p: p.group(1), rest).strip().lstrip(",;:.").strip().rstrip(".").strip()
            return FootnoteDef(label, line, 1, src.group(1), locator, body, tuple(passages), generated)
    return FootnoteDef(label, line, 1, None, "", body, (), generated)


def parse_page(root: Path, rel_to_root: str, rel_to_docs: str) -> tuple[Page | None, list[Diagnostic]]:
    """Read one page; None (with diagnostics) when it cannot be read at all."""
    text, err = read_text(root / rel_to_root, rel_to_root)
    if err:
        return None, [err]
    meta, meta_line, body_start, diags = _front_matter(text, rel_to_root)
    lines = text.split("\n")
    headings, footnotes, units = [], [], []
    section, current, in_fence = "", None, False
    last_def: list | None = None

    def flush():
        nonlocal current
        if current and current.parts:
            units.append(_analyse(current))
        current = None

    for idx in range(body_start, len(lines)):
        n, raw = idx + 1, lines[idx]
        if FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if last_def is not None and raw.startswith("    ") and raw.strip():
            # Lines indented under a definition, after a blank line, are the
            # passages scripts/generate writes (GEN002); right below it, a
            # wrapped continuation of the definition itself.
            if last_def[3] or lines[idx - 1].strip() == "":
                last_def[3].append(raw)
            else:
                last_def[2] += " " + raw.strip()
            continue
        if last_def is not None and not raw.strip() and idx + 1 < len(lines) and lines[idx + 1].startswith("    "):
            continue  # a blank line inside a footnote, before its generated passages
        last_def = None
        if not raw.strip():
            flush()
            continue
        for m in UNTERMINATED_REF.finditer(CODE_SPAN.sub(lambda c: " " * len(c.group(0)), raw)):
            diags.append(
                Diagnostic(
                    rel_to_root,
                    n,
                    m.start() + 1,
                    "CIT001",
                    "unterminated footnote reference '[^'",
                    help="write it as [^label]",
                )
            )
        h = HEADING.match(raw)
        if h:
            flush()
            level, title = len(h.group(1)), h.group(2).strip()
            headings.append((level, n, title))
            if level == 2:
                section = title
            continue
        fd = FOOTNOTE_DEF.match(raw)
        if fd:
            flush()
            last_def = [fd.group(1), n, fd.group(2), []]
            footnotes.append(last_def)
            continue
        if ADMONITION.match(raw):
            flush()
            continue
        if HTML_ONLY_LINE.match(raw):
            flush()
            b = _Builder("html", section)
            b.add(n, 1, raw)
            units.append(_analyse(b))
            continue
        stripped = raw.lstrip()
        indent = len(raw) - len(stripped)
        if stripped.startswith("|"):
            flush()
            if TABLE_SEPARATOR.match(raw):
                if units and units[-1].kind == "row":
                    prev = units.pop()
                    units.append(replace(prev, kind="header-row"))
                continue
            current = _Builder("row", section)
            current.add(n, indent + 1, stripped)
            flush()
            continue
        if stripped.startswith(">"):
            content = stripped[1:]
            offset = indent + 2
            if content.startswith(" "):
                content, offset = content[1:], offset + 1
            if not content.strip():
                flush()
                continue
            if current is None or current.kind != "quote":
                flush()
                current = _Builder("quote", section)
            current.add(n, offset, content)
            continue
        item = LIST_ITEM.match(raw)
        if item:
            flush()
            current = _Builder("item", section)
            current.add(n, item.end() + 1, raw[item.end() :])
            continue
        if current is None or current.kind in ("quote", "row"):
            flush()
            current = _Builder("paragraph", section)
        current.add(n, indent + 1, stripped)
    flush()
    defs = tuple(_footnote(label, line, body, tuple(gen)) for label, line, body, gen in footnotes)
    page = Page(
        path=rel_to_root,
        rel=rel_to_docs,
        meta=meta,
        meta_line=meta_line,
        headings=tuple(headings),
        units=tuple(units),
        footnotes=defs,
        text=text,
        meta_ok=not any(d.code == "DOC001" for d in diags),
    )
    return page, diags
