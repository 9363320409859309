"""The real docs/ check clean, and a mutation of one figure, one quotation and
one citation in a temporary copy is caught."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fixture_site import run_checker

ROOT = Path(__file__).resolve().parent.parent.parent
FIGURE_LINK = re.compile(r"\[([^\]]+)\]\(\.\./figures\.md#([a-z0-9-]+)\)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]: \[[^\]]*\]\(\.\./sources\.md#([a-z0-9-]+)\)", re.M)
# A quotation in prose (not in the claim blockquote, a table, or the passages
# indented under a footnote, which scripts/generate writes).
QUOTE = re.compile(r'^[^>|\n\-\[ ][^\n]*?"([A-Za-z][^"\n]*?(?:\s[^"\n]+?){3,})"', re.M)  # 4+ words


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    for part in ("docs", "reference"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def test_real_docs_check_clean():
    code, out, _ = run_checker(ROOT, "--strict")
    assert (code, out) == (0, "")


def _mutate(path: Path, pattern: re.Pattern, replace) -> str:
    text = path.read_text(encoding="utf-8")
    body = text.index("\n---\n", 4) + 5  # after the front matter
    match = pattern.search(text, body)
    assert match, f"nothing to mutate in {path}"
    path.write_text(text[: match.start()] + replace(match) + text[match.end() :], encoding="utf-8")
    return match.group(0)


@pytest.mark.parametrize("page", ["fact-1", "fact-2", "fact-3", "fact-4", "fact-5"])
def test_mutated_figure_is_caught(docs_copy, page):
    path = docs_copy / "docs" / "claims" / f"{page}.md"
    _mutate(path, FIGURE_LINK, lambda m: f"[{m.group(1)}0](../figures.md#{m.group(2)})")
    code, out, _ = run_checker(docs_copy)
    assert code == 1 and "FIG008" in out


@pytest.mark.parametrize("page", ["fact-1", "fact-2", "fact-3", "fact-4", "fact-5"])
def test_mutated_quotation_is_caught(docs_copy, page):
    path = docs_copy / "docs" / "claims" / f"{page}.md"
    _mutate(path, QUOTE, lambda m: m.group(0).replace(m.group(1), m.group(1)[:-3] + "xyz", 1))
    code, out, _ = run_checker(docs_copy)
    assert code == 1 and "QUO001" in out


@pytest.mark.parametrize("page", ["fact-1", "fact-2", "fact-3", "fact-4", "fact-5"])
def test_mutated_citation_is_caught(docs_copy, page):
    path = docs_copy / "docs" / "claims" / f"{page}.md"
    _mutate(path, FOOTNOTE_DEF, lambda m: m.group(0).replace(f"#{m.group(2)})", f"#{m.group(2)}-gone)"))
    code, out, _ = run_checker(docs_copy)
    assert code == 1 and "CIT004" in out
