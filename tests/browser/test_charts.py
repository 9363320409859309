"""Charts as a reader sees them: the picture loads (online and from disk),
says what it shows in words, and opens its data; the home page's numbers."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from trees import Tree

CHART_PAGES = ["claims/fact-1/", "claims/fact-3/", "claims/fact-4/"]


@pytest.mark.parametrize("name", CHART_PAGES)
def test_the_chart_loads_with_its_finding_and_its_data(recorded, tree: Tree, name):
    page = recorded(viewport={"width": 390, "height": 844}).page
    page.goto(tree.pages[name], wait_until="load")
    chart = page.locator("figure.chart").first
    chart.scroll_into_view_if_needed()
    image = chart.locator("img")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "the SVG did not load"
    assert image.evaluate("img => img.getBoundingClientRect().right <= innerWidth")
    assert len(image.get_attribute("alt")) > 40 and "%" in image.get_attribute("alt")
    caption = chart.locator("figcaption strong")
    assert "%" in caption.inner_text()
    data = page.locator("details.chart-data").first
    data.locator("summary").click()
    rows = data.locator("tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 2
    assert rows.first.locator("a[href*='figures']").count() == 1


def test_the_home_page_sets_ices_numbers_beside_the_record(recorded, tree: Tree):
    page = recorded().page
    page.goto(tree.pages["/"], wait_until="load")
    pairs = page.locator(".numbers-panel__pair")
    expect(pairs).to_have_count(2)
    first = pairs.first.inner_text()
    assert "166,000" in first and "Leaves out" in first and "183,000" in first
