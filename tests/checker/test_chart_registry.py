"""Charts: the committed SVGs are what the generator draws from the registry,
byte for byte, and a changed figure makes its chart stale (CHT003)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fixture_site import run_checker

from scripts.checker.charts import chart_data, stored_data
from scripts.checker.load import load_project

ROOT = Path(__file__).resolve().parent.parent.parent
PROJECT = load_project(ROOT)


def test_every_claim_page_with_a_series_has_a_chart():
    pages = {c.page for c in PROJECT.charts}
    assert len({p for p in pages if p.startswith("claims/fact-")}) >= 3, pages


@pytest.mark.parametrize("chart", PROJECT.charts, ids=lambda c: c.id)
def test_the_committed_chart_is_what_the_generator_draws(chart):
    pytest.importorskip("matplotlib", reason="scripts/test installs requirements/charts.txt")
    from scripts.checker.draw_charts import draw_svg

    data = chart_data(chart, PROJECT)
    drawn = draw_svg(data)
    assert drawn == draw_svg(data), "the same data must give the same bytes"
    assert drawn == (ROOT / chart.svg).read_text(encoding="utf-8"), "run scripts/generate and commit the SVG"
    assert stored_data(drawn) == data


def test_a_changed_figure_makes_its_chart_stale(tmp_path):
    for part in ("docs", "reference"):
        shutil.copytree(ROOT / part, tmp_path / part)
    registry = tmp_path / "docs" / "data" / "figures.yml"
    text = registry.read_text(encoding="utf-8")
    # FACT 4's chart: 44% of the survey's respondents.
    changed, n = re.subn(r"(id: theodore-less-likely-all\n  value: )44\b", r"\g<1>45", text)
    assert n == 1
    registry.write_text(changed, encoding="utf-8")
    code, out, _ = run_checker(tmp_path, "--no-cache")
    assert code == 1
    assert "CHT003 docs/assets/charts/fact-4-less-likely-to-call.svg shows other data" in out, out
