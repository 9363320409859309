"""Raw HTML in contributed Markdown (HTM): a short allow-list of tags and
attributes, so that no page can load or run anything (see authoring.md).
"""

from __future__ import annotations

import re

from ..model import Diagnostic, Project
from ..rules import HTML_ATTRS_ALLOWED, HTML_TAGS_ALLOWED

_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
_ATTR = re.compile(r"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def check_raw_html(project: Project) -> list[Diagnostic]:
    """HTM001 for tags outside the allow-list, HTM002 for attributes."""
    out = []
    for page in project.pages:
        for u in page.units:
            for tag in u.html_tags:
                if tag.text.startswith("</"):
                    continue  # the opening tag is the one reported
                match = _TAG.match(tag.text)
                name = match.group(1).lower()
                if name not in HTML_TAGS_ALLOWED:
                    out.append(
                        Diagnostic(
                            page.path,
                            tag.line,
                            tag.col,
                            "HTM001",
                            f"<{name}> is not allowed in content",
                            help=f"allowed tags: {', '.join(sorted(HTML_TAGS_ALLOWED))}; use Markdown",
                        )
                    )
                    continue
                rest = tag.text[match.end() :].rstrip(">").rstrip("/")
                for m in _ATTR.finditer(rest):
                    attr, value = m.group(1).lower(), (m.group(2) or "").strip("\"'")
                    if attr not in HTML_ATTRS_ALLOWED:
                        out.append(
                            Diagnostic(
                                page.path,
                                tag.line,
                                tag.col,
                                "HTM002",
                                f"attribute {attr!r} on <{name}> is not allowed",
                                help=f"allowed attributes: {', '.join(sorted(HTML_ATTRS_ALLOWED))}",
                            )
                        )
                    elif value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                        out.append(
                            Diagnostic(
                                page.path,
                                tag.line,
                                tag.col,
                                "HTM002",
                                f"{attr}={value[:30]!r} on <{name}> uses a forbidden URL scheme",
                            )
                        )
    return out
