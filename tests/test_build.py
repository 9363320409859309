"""The build: strict, all or nothing, and loud about what is wrong."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from support import copy_project, run_build

ZIP = "secure-communities-annotated.zip"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_writes_site_and_bundle(built):
    assert (built / "site" / "index.html").is_file()
    assert (built / "site" / "claims" / "fact-1" / "index.html").is_file()
    assert (built / "dist" / "secure-communities-annotated.zip").is_file()


@pytest.fixture
def previous_build(tmp_path, engine) -> Path:
    """A project copy with a successful build in place."""
    project = copy_project(tmp_path / "project")
    result = run_build(project, "--skip-check", engine=engine)
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize(
    "breakage, message",
    [
        ("[a broken link](no-such-page.md)", "no-such-page.md"),
        ("[a missing anchor](the-page.md#no-such-anchor)", "no-such-anchor"),
    ],
)
def test_broken_link_fails_and_keeps_previous_output(previous_build, engine, breakage, message):
    site_index = previous_build / "site" / "index.html"
    bundle = previous_build / "dist" / "secure-communities-annotated.zip"
    before = (_digest(site_index), _digest(bundle))
    page = previous_build / "docs" / "methodology.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{breakage}\n", encoding="utf-8")

    result = run_build(previous_build, "--skip-check", engine=engine)

    assert result.returncode == 1
    assert "methodology.md" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(site_index), _digest(bundle)) == before


def test_malformed_config_fails_with_its_name(previous_build, engine):
    config = previous_build / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav: [unclosed\n", encoding="utf-8")

    result = run_build(previous_build, "--skip-check", engine=engine)

    assert result.returncode == 1
    assert "build: mkdocs.yml:" in result.stderr and "malformed YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(previous_build.glob(".sitebuild-*.yml")), "the per-run config was left behind"


def test_checker_errors_stop_the_build(previous_build, engine):
    before = _digest(previous_build / "site" / "index.html")
    page = previous_build / "docs" / "claims" / "fact-1.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## The claim", "## Claim", 1), encoding="utf-8")

    result = run_build(previous_build, engine=engine)

    assert result.returncode == 1
    assert "DOC003" in result.stdout
    assert "nothing was replaced" in result.stderr
    assert _digest(previous_build / "site" / "index.html") == before


@pytest.mark.parametrize(
    "address",
    ["example.org/site/", "https://example.org/site", "https://exa mple.org/", "ftp://example.org/"],
)
def test_malformed_site_address_stops_the_build(previous_build, engine, address):
    before = (_digest(previous_build / "site" / "index.html"), _digest(previous_build / "dist" / ZIP))

    result = run_build(previous_build, "--skip-check", engine=engine, SITE_ADDRESS=address)

    assert result.returncode == 1
    assert f"SITE_ADDRESS {address!r} is not an absolute address ending in '/'" in result.stderr
    assert "help: give the published site's address" in result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(previous_build / "site" / "index.html"), _digest(previous_build / "dist" / ZIP)) == before


def test_the_home_page_offers_the_offline_edition(built):
    """The online home page links the zip, copied into the site, with its real size and date."""
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    zipped = built / "dist" / ZIP
    link = re.search(
        r'<a href="(downloads/[^"]+)" download>Download the offline edition</a> \(ZIP, ([\d,]+) KB, built', html
    )
    assert link, "no download link on the home page"
    assert (built / "site" / link.group(1)).read_bytes() == zipped.read_bytes()
    assert int(link.group(2).replace(",", "")) == round(zipped.stat().st_size / 1000)
    # conftest builds with SOURCE_DATE_EPOCH=1700000000: Nov. 14, 2023
    assert '<time datetime="2023-11-14">Nov. 14, 2023</time>' in html


def test_the_bundle_says_it_is_the_offline_edition(bundle_dir):
    html = (bundle_dir / "index.html").read_text(encoding="utf-8")
    assert "This is the offline edition, built" in html
    assert "Download the offline edition" not in html
    assert not (bundle_dir / "downloads").exists()
