"""Load sources.yml and figures.yml into records, keeping line numbers.

YAML is composed into nodes (not constructed into Python objects) so that
every field keeps the line it stands on, and so that dates stay the strings
the author wrote. Schema problems become diagnostics here; the checks that
compare records with each other live in checks/registry.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from .model import Correction, Diagnostic, Excerpt, Figure, SearchRecord, Source
from .rules import (
    FIGURE_FIELDS_OPTIONAL,
    FIGURE_FIELDS_REQUIRED,
    FIGURE_FIELDS_SOURCED,
    ID_RE,
    SOURCE_FIELDS_OPTIONAL,
    SOURCE_FIELDS_REQUIRED,
)
from .textfile import read_text

Entry = dict[str, yaml.Node]
# libyaml's loader when PyYAML was built with it: the same nodes and marks,
# several times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def compose(root: Path, rel: str) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """The YAML node tree of a registry file, or why it cannot be had."""
    path = root / rel
    if not path.exists():
        return None, [
            Diagnostic(
                rel,
                1,
                1,
                "REG001",
                f"registry file {rel} is missing",
                help="restore it from git, or create it with a YAML list",
            )
        ]
    text, err = read_text(path, rel)
    if err:
        return None, [err]
    try:
        return yaml.compose(text, Loader=_LOADER), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Diagnostic(rel, line, col, "REG002", f"not valid YAML: {problem}")]


def load_entries(root: Path, rel: str, family: str) -> tuple[list[tuple[int, Entry]], list[Diagnostic]]:
    """Parse a registry file into (line, {key: node}) entries."""
    node, diags = compose(root, rel)
    if diags:
        return [], diags
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [
            Diagnostic(
                rel, _line(node), 1, "REG003", f"expected a list of {family}, found a {node.tag.rsplit(':', 1)[-1]}"
            )
        ]
    entries, diags = [], []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            diags.append(Diagnostic(rel, _line(item), 1, "REG003", "each entry must be a mapping of fields"))
            continue
        fields: Entry = {}
        for key, value in item.value:
            fields[str(key.value)] = value
        entries.append((_line(item), fields))
    return entries, diags


def _scalar(fields: Entry, key: str) -> str | None:
    node = fields.get(key)
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    return None


def _unknown_fields(rel, line, fields, known, code) -> list[Diagnostic]:
    return [
        Diagnostic(rel, _line(fields[k]), 1, code, f"unknown field {k!r}", help=f"known fields: {', '.join(known)}")
        for k in fields
        if k not in known
    ]


def load_sources(root: Path, rel: str) -> tuple[list[Source], list[Diagnostic]]:
    """Sources from `rel`, with schema diagnostics."""
    entries, diags = load_entries(root, rel, "sources")
    sources = []
    known = SOURCE_FIELDS_REQUIRED + SOURCE_FIELDS_OPTIONAL
    for line, fields in entries:
        sid = _scalar(fields, "id") or "?"
        diags += _unknown_fields(rel, line, fields, known, "SRC008")
        missing = [k for k in SOURCE_FIELDS_REQUIRED if k != "excerpts" and not _scalar(fields, k)]
        excerpts, bad = _excerpts(rel, fields.get("excerpts"), sid)
        diags += bad
        if "excerpts" not in fields:
            missing.append("excerpts")
        if missing:
            diags.append(
                Diagnostic(rel, line, 1, "SRC001", f"source {sid!r} lacks {', '.join(repr(m) for m in missing)}")
            )
            continue
        background = (_scalar(fields, "background") or "false").lower()
        if background not in ("true", "false"):
            diags.append(
                Diagnostic(
                    rel, _line(fields["background"]), 1, "SRC001", f"source {sid!r}: background must be true or false"
                )
            )
        sources.append(
            Source(
                id=sid,
                title=_scalar(fields, "title"),
                publisher=_scalar(fields, "publisher"),
                kind=_scalar(fields, "kind"),
                date=_scalar(fields, "date"),
                url=_scalar(fields, "url"),
                accessed=_scalar(fields, "accessed"),
                excerpts=tuple(excerpts),
                line=line,
                path=rel,
                author=_scalar(fields, "author") or "",
                copy=_scalar(fields, "copy") or "",
                archive_url=_scalar(fields, "archive_url") or "",
                cited_whole=_scalar(fields, "cited_whole") or "",
                background=background == "true",
            )
        )
    return sources, diags


def _excerpts(rel: str, node: yaml.Node | None, sid: str) -> tuple[list[Excerpt], list[Diagnostic]]:
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return [], [Diagnostic(rel, _line(node), 1, "SRC001", f"source {sid!r}: excerpts must be a non-empty list")]
    out, diags = [], []
    for item in node.value:
        fields = dict((str(k.value), v) for k, v in item.value) if isinstance(item, yaml.MappingNode) else {}
        locator, text = _scalar(fields, "locator"), _scalar(fields, "text")
        if not locator or not text:
            diags.append(
                Diagnostic(rel, _line(item), 1, "SRC001", f"source {sid!r}: each excerpt needs a locator and a text")
            )
            continue
        out.append(Excerpt(locator=locator, text=text, line=_line(item), seen=_scalar(fields, "seen") or ""))
    return out, diags


def load_figures(root: Path, rel: str) -> tuple[list[Figure], list[Diagnostic]]:
    """Figures from `rel`, with schema diagnostics."""
    entries, diags = load_entries(root, rel, "figures")
    figures = []
    known = FIGURE_FIELDS_REQUIRED + FIGURE_FIELDS_SOURCED + FIGURE_FIELDS_OPTIONAL
    for line, fields in entries:
        fid = _scalar(fields, "id") or "?"
        diags += _unknown_fields(rel, line, fields, known, "FIG012")
        has_value, has_formula = "value" in fields, "formula" in fields
        required = list(FIGURE_FIELDS_REQUIRED) + ([] if has_formula else list(FIGURE_FIELDS_SOURCED))
        missing = [k for k in required if not _scalar(fields, k)]
        problem = ""
        if missing:
            problem = f"lacks {', '.join(repr(m) for m in missing)}"
        elif has_value == has_formula:
            problem = "needs exactly one of 'value' and 'formula'"
        value = None
        if has_value and not problem:
            try:
                value = float(_scalar(fields, "value") or "")
            except ValueError:
                problem = f"value {_scalar(fields, 'value')!r} is not a number"
        if problem:
            diags.append(Diagnostic(rel, line, 1, "FIG001", f"figure {fid!r} {problem}"))
            continue
        figures.append(
            Figure(
                id=fid,
                format=_scalar(fields, "format"),
                unit=_scalar(fields, "unit"),
                counts=_scalar(fields, "counts"),
                line=line,
                path=rel,
                value=value,
                formula=_scalar(fields, "formula") or "",
                period=_scalar(fields, "period") or "",
                leaves_out=_scalar(fields, "leaves_out") or "",
                source=_scalar(fields, "source") or "",
                locator=_scalar(fields, "locator") or "",
                excerpt=_scalar(fields, "excerpt") or "",
            )
        )
    return figures, diags


def load_corrections(root: Path, rel: str) -> tuple[list[Correction], str, list[Diagnostic]]:
    """The corrections log: (entries, the date it was last checked, diagnostics)."""
    node, diags = compose(root, rel)
    if diags:
        return [], "", diags
    fields = {str(k.value): v for k, v in node.value} if isinstance(node, yaml.MappingNode) else None
    entries = fields.get("corrections") if fields else None
    if fields is None or not isinstance(entries, yaml.SequenceNode) or not _scalar(fields, "checked"):
        return [], "", [Diagnostic(rel, 1, 1, "REG003", "expected 'checked: YYYY-MM-DD' and a 'corrections:' list")]
    out, diags = [], []
    for item in entries.value:
        entry = {str(k.value): v for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
        values = [_scalar(entry, k) for k in ("date", "page", "correction")]
        if not all(values):
            diags.append(Diagnostic(rel, _line(item), 1, "REG003", "a correction needs date, page and correction"))
            continue
        out.append(Correction(*values))
    return out, _scalar(fields, "checked"), diags


SEARCH_FIELDS = ("id", "sought", "where", "when", "terms", "found")


def load_searches(root: Path, rel: str) -> tuple[list[SearchRecord], list[Diagnostic]]:
    """Search records from `rel`: what we looked for, where, when, with which terms, what turned up."""
    entries, diags = load_entries(root, rel, "search records")
    out = []
    for line, fields in entries:
        sid = _scalar(fields, "id") or "?"
        terms_node = fields.get("terms")
        terms = (
            tuple(str(t.value) for t in terms_node.value if isinstance(t, yaml.ScalarNode))
            if isinstance(terms_node, yaml.SequenceNode)
            else ()
        )
        missing = [k for k in SEARCH_FIELDS if k != "terms" and not _scalar(fields, k)] + ([] if terms else ["terms"])
        unknown = sorted(set(fields) - set(SEARCH_FIELDS))
        if missing or unknown or not ID_RE.match(sid) or not sid.startswith("search-"):
            problem = (
                f"lacks {', '.join(repr(m) for m in missing)}"
                if missing
                else f"has unknown field(s) {', '.join(map(repr, unknown))}"
                if unknown
                else "needs an id of the form search-<kebab-case>"
            )
            diags.append(
                Diagnostic(
                    rel,
                    line,
                    1,
                    "ABS003",
                    f"search record {sid!r} {problem}",
                    help="give id (search-...), sought, where, when (YYYY-MM-DD), terms (a list) and found",
                )
            )
            continue
        values = {k: _scalar(fields, k) or "" for k in SEARCH_FIELDS if k != "terms"}
        out.append(SearchRecord(terms=terms, line=line, path=rel, **values))
    return out, diags


def add_draft_excerpts(root: Path, folder: Path, sources: list, diags: list) -> list:
    """Writers' drafts may add excerpts to registered sources (excerpts.yml:
    a list of {id, excerpts}); merged here so their pages check clean."""
    path = folder / "excerpts.yml"
    if not path.exists():
        return sources
    rel = path.relative_to(root).as_posix()
    entries, more = load_entries(root, rel, "excerpt additions")
    diags += more
    by_id = {s.id: s for s in sources}
    for _, fields in entries:
        sid = _scalar(fields, "id") or "?"
        extra, more = _excerpts(rel, fields.get("excerpts"), sid)
        diags += more
        if sid in by_id:
            by_id[sid] = replace(by_id[sid], excerpts=by_id[sid].excerpts + tuple(extra))
    return [by_id.get(s.id, s) for s in sources]
