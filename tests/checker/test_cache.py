"""The parse cache: a second run reads what it parsed before, and never hides a change."""

from __future__ import annotations

import shutil

from fixture_site import GOOD, run_checker


def _site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns(".cache"))
    return root


def test_a_second_run_uses_the_cache_and_says_the_same(tmp_path):
    root = _site(tmp_path)
    first = run_checker(root)
    entries = sorted((root / ".cache" / "checker").rglob("*"))
    assert first == (0, "", "") and [p for p in entries if p.is_file()]
    assert run_checker(root) == first


def test_a_page_changed_after_a_cached_run_is_read_again(tmp_path):
    root = _site(tmp_path)
    assert run_checker(root)[0] == 0
    page = root / "docs" / "claims" / "fact-1.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## The claim", "## Claim", 1), encoding="utf-8")
    code, out, _ = run_checker(root)
    assert code == 1 and "DOC003" in out


def test_a_corrupt_cache_entry_is_ignored(tmp_path):
    root = _site(tmp_path)
    run_checker(root)
    for entry in (root / ".cache" / "checker").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    assert run_checker(root) == (0, "", "")


def test_no_cache_writes_nothing(tmp_path):
    root = _site(tmp_path)
    assert run_checker(root, "--no-cache") == (0, "", "")
    assert not (root / ".cache").exists()


def test_a_registry_changed_after_a_cached_run_makes_the_generated_pages_stale(tmp_path):
    # The rendered pages are cached by every input the run read: a changed
    # passage must reach GEN001 (the sources page) and GEN002 (the footnotes).
    root = _site(tmp_path)
    assert run_checker(root) == (0, "", "")
    registry = root / "docs" / "data" / "sources.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("about 74 percent had", "about 74 percent of them had", 1), encoding="utf-8")
    code, out, _ = run_checker(root)
    assert code == 1 and "GEN001" in out and "GEN002" in out, out
