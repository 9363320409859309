"""Build a checker fixture: the good site with one broken overlay applied."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from scripts.checker import write_generated
from scripts.checker.__main__ import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"


def regenerate(root: Path) -> None:
    """Rewrite the generated pages, as a contributor running scripts/generate would."""
    write_generated.regenerate(root, draw=False)  # charts: drawn once, compared by CHT003


def materialise(name: str, dest: Path) -> Path:
    """Copy the good site to `dest` and apply fixture `name` (an overlay, deletions)."""
    shutil.copytree(GOOD, dest, ignore=shutil.ignore_patterns(".cache"))
    fixture = BROKEN / name
    overlay = fixture / "overlay"
    if overlay.is_dir():
        for path in overlay.rglob("*"):
            if path.is_file():
                target = dest / path.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    deletions = fixture / "delete.txt"
    if deletions.exists():
        for rel in deletions.read_text(encoding="utf-8").split():
            (dest / rel).unlink()
    if not name.startswith("GEN"):
        regenerate(dest)
    return dest


def run_checker(root: Path, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the checker run in-process on `root`."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()
