"""The offline bundle, opened from disk as a reader would: it renders,
navigates, searches, and no request leaves file://."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from support import SEARCH_INDEX
from trees import open_search

LOCAL = ("file://", "data:", "blob:", "about:")


def test_bundle_works_from_disk_without_network(recorded, bundle_dir, engine):
    rp = recorded()
    page = rp.page
    page.goto((bundle_dir / "index.html").as_uri())

    expect(page.get_by_role("heading", level=1)).to_contain_text("Secure Communities, Annotated")

    page.get_by_role("main").get_by_role("link", name="FACT 1: criminal aliens").first.click()
    expect(page).to_have_url((bundle_dir / "claims" / "fact-1.html").as_uri())
    expect(page.locator("h2#the-claim")).to_be_visible()
    page.wait_for_load_state("load")  # the theme binds its shortcuts once its script has run

    results = open_search(page, engine, "fingerprints")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(h.startswith("file://") or not h.startswith(("http:", "https:")) for h in hrefs), hrefs
    target = results.first.get_attribute("href").split("?")[0].split("#")[0]
    results.first.click()  # a reader follows the first result to the page it names
    expect(page).to_have_url(re.compile(re.escape(target)))
    expect(page.locator("article")).to_contain_text("fingerprints")

    leaving = [u for u in rp.requests if not u.startswith(LOCAL)]
    assert leaving == []
    index_js = SEARCH_INDEX[engine][0]
    assert any(u.endswith(index_js) for u in rp.requests), "search index never loaded"
