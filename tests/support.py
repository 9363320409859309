"""Helpers shared by the tests: copy the project, run the build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "overrides", "includes", "reference", "scripts", "mkdocs.yml", "mkdocs-offline.yml")

# Both engines build every output the tests look at; MkDocs is the default.
ENGINES = ("mkdocs", "zensical")
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"  # scripts/test installs it

# Where each engine's offline build keeps its search index: the JS copy a
# page loads from file://, and the JSON one the bundle leaves out.
SEARCH_INDEX = {
    "mkdocs": ("search/search_index.js", "search/search_index.json"),
    "zensical": ("search.js", "search.json"),
}


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into `dest`; returns `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def run_build(project: Path, *args: str, engine: str = "mkdocs", **env: str) -> subprocess.CompletedProcess:
    """Run the README's build (scripts/build's Python half) in `project` with `engine`; `env` adds variables."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.sitebuild", "--engine", engine, *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000", "ZENSICAL": str(ZENSICAL), **env},
    )
