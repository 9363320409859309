"""Find template constructs that only one engine can render.

MkDocs renders overrides/ with Jinja2, Zensical with minijinja, which has no
Python behind it: no methods on values, no Python built-ins called as
functions, no `page.file`. Such a construct often fails silently there (a
guard comes out false and a block vanishes), so it is caught here, by line,
before any build. The allowed subset is listed in
docs/contributing/authoring.md ("Templates").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
COMMENT = re.compile(r"\{#.*?#\}", re.S)
STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')

# (pattern, what is wrong, what to write instead)
RULES = (
    (re.compile(r"\bpage\.file\b"), "page.file is undefined", "use page.url"),
    (re.compile(r"\.\s*([A-Za-z_]\w*)\s*\("), "a method call on a value (.{0}(...))", "use a filter or a slice"),
    (
        re.compile(r"(?<![\w.|])(int|str|float|len|list|sorted|isinstance|getattr)\s*\("),
        "the Python built-in {0}(...)",
        "use the filter of that name (x | int, x | length, ...)",
    ),
    (
        re.compile(r"\|int\s*\("),
        "the int filter with arguments (| int(...))",
        "minijinja's int takes none: test the digits first",
    ),
)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def lint(path: Path, root: Path) -> list[Finding]:
    """Constructs in one template that minijinja (Zensical) cannot render."""
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    # Comments are blanked, keeping their newlines, so that line numbers hold.
    text = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found = []
    for tag in TAG.finditer(text):
        code = STRING.sub('""', tag.group(0))  # a string may say anything
        code = re.sub(r"\|[ \t]+", "|", code)  # "x | int" and "x|int" alike; newlines kept
        for pattern, what, instead in RULES:
            for match in pattern.finditer(code):
                line = text.count("\n", 0, tag.start()) + code.count("\n", 0, match.start()) + 1
                message = f"zensical (minijinja) cannot render {what.format(*match.groups())}: {instead}"
                found.append(Finding(rel, line, message))
    return sorted(found, key=lambda f: (f.path, f.line, f.message))
