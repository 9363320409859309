"""Helpers shared by the tests: copy the project, run the build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "overrides", "includes", "reference", "scripts", "mkdocs.yml", "mkdocs-offline.yml")


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


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the README's build (scripts/build's Python half) in `project`."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.sitebuild", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"},
    )
