"""Shared fixtures: a private copy of the project, and one build of it.

Tests never write into the developer's site/ or dist/: they copy the
project's sources to a temporary folder and build there.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from support import copy_project, run_build


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A project copy built once per session: site/ and dist/ inside it."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr + result.stdout
    return project


@pytest.fixture(scope="session")
def bundle_dir(built, tmp_path_factory) -> Path:
    """The offline bundle, unzipped as a reader would."""
    dest = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(built / "dist" / "secure-communities-annotated.zip") as zf:
        zf.extractall(dest)
    return dest
