"""The sources page as a reader uses it: a citation's link opens its passage,
with or without JavaScript; sources and figures are found through search;
and the search index is fetched only when the reader reaches for search."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from trees import Tree, open_search

PASSAGE_LINK = ".footnote a[href*='sources'][href*='--']"


def _first_passage_link(page, tree: Tree) -> str:
    page.goto(tree.pages["claims/fact-2/"], wait_until="load")
    return page.eval_on_selector(PASSAGE_LINK, "a => a.href")


def test_a_citation_opens_its_passage_and_only_that_one(recorded, tree: Tree):
    page = recorded(viewport={"width": 1280, "height": 800}).page
    href = _first_passage_link(page, tree)
    page.goto(href, wait_until="load")
    anchor = href.split("#", 1)[1]
    passage = page.locator(f"[id='{anchor}']")
    expect(passage).to_be_visible()
    expect(passage).to_be_in_viewport()
    assert passage.evaluate("el => el.closest('details.passages').open")
    states = page.eval_on_selector_all("details.passages", "ds => ds.map(d => d.open)")
    assert states.count(True) == 1 and len(states) > 100


def test_without_javascript_a_citation_still_shows_its_passage(recorded, tree: Tree):
    href = _first_passage_link(recorded().page, tree)
    page = recorded(java_script_enabled=False, viewport={"width": 390, "height": 844}).page
    page.goto(href, wait_until="load")
    passage = page.locator(f"[id='{href.split('#', 1)[1]}']")
    expect(passage).to_be_visible()
    expect(passage).to_be_in_viewport()


def test_a_passage_summary_opens_and_closes(recorded, tree: Tree):
    page = recorded().page
    page.goto(tree.pages["sources/"], wait_until="load")
    first = page.locator("details.passages").first
    assert not first.evaluate("d => d.open")
    first.locator("summary").click()
    expect(first.locator("blockquote").first).to_be_visible()


@pytest.mark.parametrize(
    ("term", "where"),
    [
        ("Donnellan", "sources/"),  # an author, on the sources page
        ("Clackamas", "sources/"),  # a court case's title
        ("victimization of Hispanics", "figures/"),  # what a figure counts
    ],
)
def test_sources_and_figures_are_found_by_search(recorded, online, term, where):
    page = recorded().page
    page.goto(online.pages["/"], wait_until="load")
    results = open_search(page, online.engine, term)
    expect(results.first).to_be_visible(timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{where}" in h for h in hrefs), hrefs


def _asks_for_index(requests: list[str]) -> bool:
    return any(u.split("?")[0].endswith(("/search/search_index.json", "/search.json")) for u in requests)


def test_the_search_index_waits_for_the_reader(recorded, online):
    rp = recorded()
    rp.page.goto(online.pages["claims/fact-1/"], wait_until="load")
    rp.page.wait_for_load_state("networkidle")
    assert not _asks_for_index(rp.requests), "the index was fetched before the reader searched"
    expect(open_search(rp.page, online.engine, "detainer").first).to_be_visible(timeout=15_000)
    assert _asks_for_index(rp.requests)
