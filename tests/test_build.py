"""The build: strict, all or nothing, and loud about what is wrong."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support import copy_project, run_build


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_writes_site_and_bundle(built):
    assert (built / "site" / "index.html").is_file()
    assert (built / "site" / "claims" / "fact-1" / "index.html").is_file()
    assert (built / "dist" / "secure-communities-annotated.zip").is_file()


@pytest.fixture
def previous_build(tmp_path) -> Path:
    """A project copy with a successful build in place."""
    project = copy_project(tmp_path / "project")
    result = run_build(project, "--skip-check")
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize(
    "breakage, message",
    [
        ("[a broken link](no-such-page.md)", "no-such-page.md"),
        ("[a missing anchor](the-page.md#no-such-anchor)", "no-such-anchor"),
    ],
)
def test_broken_link_fails_and_keeps_previous_output(previous_build, breakage, message):
    site_index = previous_build / "site" / "index.html"
    bundle = previous_build / "dist" / "secure-communities-annotated.zip"
    before = (_digest(site_index), _digest(bundle))
    page = previous_build / "docs" / "methodology.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{breakage}\n", encoding="utf-8")

    result = run_build(previous_build, "--skip-check")

    assert result.returncode == 1
    assert "methodology.md" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(site_index), _digest(bundle)) == before


def test_malformed_config_fails_with_its_name(previous_build):
    config = previous_build / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav: [unclosed\n", encoding="utf-8")

    result = run_build(previous_build, "--skip-check")

    assert result.returncode == 1
    assert "mkdocs.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_checker_errors_stop_the_build(previous_build):
    before = _digest(previous_build / "site" / "index.html")
    page = previous_build / "docs" / "claims" / "fact-1.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## The claim", "## Claim", 1), encoding="utf-8")

    result = run_build(previous_build)

    assert result.returncode == 1
    assert "DOC003" in result.stdout
    assert "nothing was replaced" in result.stderr
    assert _digest(previous_build / "site" / "index.html") == before
