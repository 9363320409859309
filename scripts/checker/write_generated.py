"""`scripts/generate`: write every generated file from the registries, and the passages under each footnote."""

from __future__ import annotations

import sys
from pathlib import Path

from .charts import chart_data, stored_data
from .generate import outputs
from .load import load_project
from .passages import page_outputs


def regenerate(root: Path, *, draw: bool = True) -> list[str]:
    """Write what differs; returns the paths written. Pages first: the sources
    page lists the pages that cite each source, read after their rewrite.
    Then the charts whose SVG does not show the registry's data (matplotlib,
    imported only then); `draw=False` leaves the SVGs alone."""
    written = []
    for stage in (page_outputs, lambda project: outputs(project, root)):
        project = load_project(root)
        for rel, text in stage(project).items():
            if _write(root / rel, text):
                written.append(rel)
    if draw:
        written += redraw_charts(root, load_project(root))
    return written


def redraw_charts(root: Path, project) -> list[str]:
    """Draw each chart whose SVG is missing or shows other data; returns the paths written."""
    known = {f.id for f in project.figures}
    written = []
    for chart in project.charts:
        if any(b.figure not in known for g in chart.groups for b in g.bars):
            continue  # CHT001 says why; nothing to draw
        path = root / chart.svg
        data = chart_data(chart, project)
        if path.is_file() and stored_data(path.read_text(encoding="utf-8")) == data:
            continue
        from .draw_charts import draw_svg

        path.parent.mkdir(parents=True, exist_ok=True)
        if _write(path, draw_svg(data)):
            written.append(chart.svg)
    return written


def _write(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


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
