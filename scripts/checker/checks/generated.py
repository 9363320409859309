"""GEN001: the committed generated files equal what the registries give."""

from __future__ import annotations

from pathlib import Path

from ..generate import outputs
from ..model import Diagnostic, Project


def check_generated(project: Project) -> list[Diagnostic]:
    """Report each generated file that differs from a fresh rendering."""
    root = Path(project.root)
    out = []
    for rel, expected in project.memo("outputs", lambda: outputs(project, root)).items():
        path = root / rel
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == expected:
            continue
        line = 1
        if current is not None:
            for n, (a, b) in enumerate(zip(current.split("\n"), expected.split("\n"), strict=False), start=1):
                if a != b:
                    line = n
                    break
            else:
                line = min(len(current.split("\n")), len(expected.split("\n")))
        what = "is missing" if current is None else "is stale or was edited by hand"
        out.append(
            Diagnostic(
                rel,
                line,
                1,
                "GEN001",
                f"{rel} {what}",
                help="run scripts/generate and commit the result; edit the registries, not this file",
            )
        )
    return out
