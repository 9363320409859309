"""Small cases, input and verdict side by side: number exemptions, formats,
formulas, quotation matching, and the report formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checker.model import Diagnostic
from scripts.checker.numbers import FormulaError, evaluate, format_value
from scripts.checker.pages import parse_page
from scripts.checker.report import render_github, render_json, render_text
from scripts.checker.text import found_in


def numbers_in(tmp_path: Path, prose: str) -> list[str]:
    """The digits the checker would flag in one paragraph of prose."""
    (tmp_path / "p.md").write_text(prose + "\n", encoding="utf-8")
    page, diags = parse_page(tmp_path, "p.md", "p.md")
    assert diags == []
    return [n.text for u in page.units for n in u.numbers]


@pytest.mark.parametrize(
    "prose",
    [
        "The program began in 2008 and ended in the 2010s.",
        "On Aug. 31, 2012 and on June 17, 2011, and on 2014-11-20.",
        "In FY2012, FY 2011 and FY11.",
        "GAO-12-708 and OIG-12-66 and Form I-247.",
        "Executive Order 13768, Public Law 110-161, section 287(g), 8 U.S.C. § 1357.",
        "FACT 1 and FACTs 2 and 5; Level 1, Levels 1 and 2.",
        "Licensed CC BY 4.0.",
        'ICE said "166,000 immigrants" were removed.',
        "A figure: [166,000](../figures.md#x).",
        "See `value: 166000` in the registry.",
        "A link [to a page](https://example.org/2012/123456).",
    ],
)
def test_passes_exempt_numbers(tmp_path, prose):
    assert numbers_in(tmp_path, prose) == []


@pytest.mark.parametrize(
    "prose, flagged",
    [
        ("ICE removed 409,849 people.", ["409,849"]),
        ("About 74% had a conviction.", ["74"]),
        ("It cost $14.3 million in 2012.", ["14.3"]),
        ("There were 3 states and 2,012 people.", ["3", "2,012"]),
        ("On Aug. 31, 2012, 39 governors got letters.", ["39"]),
    ],
)
def test_fails_unregistered_numbers(tmp_path, prose, flagged):
    assert numbers_in(tmp_path, prose) == flagged


@pytest.mark.parametrize(
    "value, fmt, shown",
    [
        (166000, "integer", "166,000"),
        (2.25, "decimal:1", "2.3"),
        (74, "percent:0", "74%"),
        (36.746987, "percent:1", "36.7%"),
        (0.05, "percent:1", "0.1%"),
        (200000000, "usd", "$200,000,000"),
        (14300000, "usd-million:1", "$14.3 million"),
        (1500000000, "usd-billion:1", "$1.5 billion"),
    ],
)
def test_formats(value, fmt, shown):
    assert format_value(value, fmt) == shown


def test_formula_evaluates_and_refuses_code():
    assert evaluate("{a} / {b} * 100", {"a": 61000, "b": 166000}) == pytest.approx(36.746987, rel=1e-6)
    with pytest.raises(FormulaError):
        evaluate("__import__('os').system('true')", {})
    with pytest.raises(FormulaError):
        evaluate("{a} / {b}", {"a": 1, "b": 0})


@pytest.mark.parametrize(
    "quote, passage, found",
    [
        ("about 74 percent", "Of about 183,000 aliens, about 74 percent had", True),
        ("Sheriffs' Association", "The National Sheriffs’ Association", True),
        (
            "removed ... had a criminal conviction.",
            "removed under the program, about 74 percent had a criminal conviction",
            True,
        ),
        ("about 75 percent", "about 74 percent", False),
        ("conviction ... removed", "removed with a conviction", False),
    ],
)
def test_quotation_matching(quote, passage, found):
    assert found_in(quote, passage) is found


DIAGS = [Diagnostic("docs/a.md", 3, 5, "FIG008", "shows '37%', expected '36.7%'", "write [36.7%](...)")]


def test_text_report():
    assert render_text(DIAGS) == (
        "docs/a.md:3:5: FIG008 shows '37%', expected '36.7%'\n  help: write [36.7%](...)\nFound 1 problem."
    )


def test_github_report_escapes_properties_and_newlines():
    assert render_github(DIAGS) == (
        "::error file=docs/a.md,line=3,col=5,title=check (FIG008)::"
        "FIG008 shows '37%25', expected '36.7%25'%0Ahelp: write [36.7%25](...)"
    )


def test_json_report_links_each_code_to_its_page():
    assert '"docs": "docs/contributing/checks.md#fig008"' in render_json(DIAGS)


def test_warnings_fail_only_under_strict(tmp_path):
    from fixture_site import materialise, run_checker

    root = materialise("WRD001_1", tmp_path / "site")
    assert run_checker(root)[0] == 0
    assert run_checker(root, "--strict")[0] == 1


def _site_with_bare_gao_footnote(tmp_path, cited_whole: str = ""):
    import shutil

    from fixture_site import GOOD, regenerate

    root = tmp_path / "site"
    shutil.copytree(GOOD, root)
    page = root / "docs" / "claims" / "fact-1.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            ', [Highlights, "What GAO Found"](../sources.md#gao-12-708--highlights-what-gao-found).', ", the report."
        ),
        encoding="utf-8",
    )
    if cited_whole:
        registry = root / "docs" / "data" / "sources.yml"
        text = registry.read_text(encoding="utf-8")
        registry.write_text(
            text.replace("- id: gao-12-708\n", f"- id: gao-12-708\n  cited_whole: {cited_whole}\n", 1), encoding="utf-8"
        )
    regenerate(root)
    return root


def test_a_footnote_naming_no_passage_fails(tmp_path):
    from fixture_site import run_checker

    code, out, _ = run_checker(_site_with_bare_gao_footnote(tmp_path))
    assert code == 1 and "CIT008 footnote [^gao] names no stored passage of 'gao-12-708'" in out


def test_a_source_cited_whole_needs_no_passage_and_is_listed_with_its_reason(tmp_path):
    from fixture_site import run_checker

    root = _site_with_bare_gao_footnote(tmp_path, cited_whole="a whole report's findings, summarised")
    assert run_checker(root) == (0, "", "")
    sources = (root / "docs" / "sources.md").read_text(encoding="utf-8")
    assert "- [Secure Communities" in sources and ": a whole report's findings, summarised" in sources
