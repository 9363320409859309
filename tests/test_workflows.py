"""The GitHub workflows do what the README says: the Pages build knows its
address, a tag gets a release with the offline bundle, and the link-rot
check runs on its own schedule, never in the required CI."""

from __future__ import annotations

import yaml
from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps it a string.
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_the_pages_build_passes_its_address_with_a_trailing_slash():
    build = workflow("ci.yml")["jobs"]["build"]
    pages = [s for s in steps(build) if s.get("uses", "").startswith("actions/configure-pages@")]
    assert len(pages) == 1 and pages[0]["id"] == "pages"
    (run,) = [s for s in steps(build) if s.get("run") == "scripts/build"]
    assert run["env"]["SITE_ADDRESS"] == "${{ steps.pages.outputs.base_url }}/"


def test_a_tag_gets_a_release_with_the_offline_bundle():
    ci = workflow("ci.yml")
    assert "v*" in ci["on"]["push"]["tags"]
    release = ci["jobs"]["release"]
    assert release["needs"] == "build" and release["permissions"] == {"contents": "write"}
    script = " ".join(s.get("run", "") for s in steps(release))
    assert "gh release create" in script and "secure-communities-annotated.zip" in script
    assert ci["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"


def test_the_link_check_is_scheduled_and_outside_the_required_ci():
    check = workflow("linkcheck.yml")
    assert set(check["on"]) == {"schedule", "workflow_dispatch"}
    assert check["on"]["schedule"][0]["cron"]
    runs = [s.get("run", "") for job in check["jobs"].values() for s in steps(job)]
    assert any(r.startswith("scripts/linkcheck ") for r in runs)
    ci_text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8") + (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "linkcheck" not in ci_text
