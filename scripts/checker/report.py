"""The one place that turns diagnostics into text, one renderer per format."""

from __future__ import annotations

import json

from .codes import CODES, DOCS_PAGE
from .model import Diagnostic


def _docs_anchor(code: str) -> str:
    return f"docs/{DOCS_PAGE}#{code.lower()}"


def render_text(diags: list[Diagnostic]) -> str:
    """Ruff's concise shape: path:line:col: CODE message, then an optional help line."""
    lines = []
    for d in diags:
        lines.append(f"{d.path}:{d.line}:{d.col}: {d.code} {d.message}")
        if d.help:
            lines.append(f"  help: {d.help}")
    if diags:
        lines.append(f"Found {len(diags)} problem{'s' if len(diags) != 1 else ''}.")
    return "\n".join(lines)


def _escape_github(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(diags: list[Diagnostic]) -> str:
    """GitHub workflow commands, shown as annotations on a pull request."""
    lines = []
    for d in diags:
        message = d.message + (f"\nhelp: {d.help}" if d.help else "")
        title = _escape_github(f"check ({d.code})", prop=True)
        lines.append(
            f"::error file={_escape_github(d.path, prop=True)},line={d.line},col={d.col},"
            f"title={title}::{_escape_github(f'{d.code} {message}')}"
        )
    return "\n".join(lines)


def render_json(diags: list[Diagnostic]) -> str:
    """A JSON list, each entry with a link to its code's documentation."""
    return json.dumps(
        [
            {
                "path": d.path,
                "line": d.line,
                "column": d.col,
                "code": d.code,
                "message": d.message,
                "help": d.help or None,
                "summary": CODES.get(d.code, ""),
                "docs": _docs_anchor(d.code),
            }
            for d in diags
        ],
        indent=2,
    )


RENDERERS = {"text": render_text, "github": render_github, "json": render_json}
