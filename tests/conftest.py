"""Shared fixtures: a private copy of the project, and one build of it per engine.

Tests never write into the developer's site/ or dist/: they copy the
project's sources to a temporary folder and build there. Every test that
looks at a build runs once per engine, its id naming it ([mkdocs],
[zensical]).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from support import ENGINES, copy_project, run_build


@pytest.fixture(scope="session", params=ENGINES)
def engine(request) -> str:
    """Each engine in turn: MkDocs, then Zensical."""
    return request.param


@pytest.fixture(scope="session")
def built(engine, tmp_path_factory) -> Path:
    """A project copy built once per session and engine: site/ and dist/ inside it."""
    project = copy_project(tmp_path_factory.mktemp(f"built-{engine}") / "project")
    result = run_build(project, engine=engine)
    assert result.returncode == 0, result.stderr + result.stdout
    return project


@pytest.fixture(scope="session")
def bundle_dir(built, tmp_path_factory) -> Path:
    """The offline bundle, unzipped as a reader would."""
    dest = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(built / "dist" / "secure-communities-annotated.zip") as zf:
        zf.extractall(dest)
    return dest
