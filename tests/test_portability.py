"""The site needs no hook to render, and two builds of one tree are identical."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml
from support import ROOT, copy_project, run_build


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_config_declares_no_hooks_and_only_builtin_plugins():
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        config = yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert "hooks" not in config
        plugins = [p if isinstance(p, str) else next(iter(p)) for p in config.get("plugins", [])]
        assert set(plugins) <= {"search", "offline"}


def test_claim_pages_hold_citations_and_figures_without_any_hook(built):
    for n in range(1, 6):
        source = (ROOT / "docs" / "claims" / f"fact-{n}.md").read_text(encoding="utf-8")
        html = (built / "site" / "claims" / f"fact-{n}" / "index.html").read_text(encoding="utf-8")
        defined = len(re.findall(r"^\[\^[^\]]+\]:", source, re.M))
        figure_links = len(re.findall(r"\]\(\.\./figures\.md#", source))
        assert len(re.findall(r'<li id="fn:', html)) == defined > 0
        assert len(re.findall(r'href="\.\./\.\./figures/#[a-z0-9-]+"', html)) == figure_links > 0


def test_two_builds_of_one_tree_are_byte_identical(built, engine, tmp_path):
    again = copy_project(tmp_path / "again")
    result = run_build(again, engine=engine)
    assert result.returncode == 0, result.stderr
    first, second = _tree(built / "site"), _tree(again / "site")
    # Name the files that differ: a diff of whole trees of bytes takes pytest minutes to render.
    assert (sorted(set(first) - set(second)), sorted(set(second) - set(first))) == ([], [])
    assert [name for name in first if first[name] != second[name]] == []
    assert (again / "dist" / "secure-communities-annotated.zip").read_bytes() == (
        built / "dist" / "secure-communities-annotated.zip"
    ).read_bytes()


def test_zip_timestamps_follow_source_date_epoch(built):
    # conftest builds with SOURCE_DATE_EPOCH=1700000000, i.e. 2023-11-14 22:13:20 UTC
    with zipfile.ZipFile(built / "dist" / "secure-communities-annotated.zip") as zf:
        stamps = {info.date_time for info in zf.infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}
