"""`scripts/generate`: write every generated file from the registries, and the passages under each footnote."""

from __future__ import annotations

import sys
from pathlib import Path

from .generate import outputs
from .load import load_project
from .passages import page_outputs


def regenerate(root: Path) -> list[str]:
    """Write what differs; returns the paths written. Pages first: the sources
    page lists the pages that cite each source, read after their rewrite."""
    written = []
    for stage in (page_outputs, lambda project: outputs(project, root)):
        project = load_project(root)
        for rel, text in stage(project).items():
            path = root / rel
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                written.append(rel)
    return written


def main() -> int:
    """Write the files; refuse when the registries cannot be read."""
    root = Path.cwd()
    project = load_project(root)
    fatal = [d for d in project.load_errors if d.code.startswith(("REG", "IO"))]
    if fatal:
        for d in fatal:
            print(f"{d.path}:{d.line}:{d.col}: {d.code} {d.message}", file=sys.stderr)
        print("scripts/generate: nothing written", file=sys.stderr)
        return 2
    for rel in regenerate(root):
        print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
