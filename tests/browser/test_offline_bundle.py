"""The offline bundle, opened from disk as a reader would: it renders,
navigates, searches, and no request leaves file://."""

from __future__ import annotations

from playwright.sync_api import expect

LOCAL = ("file://", "data:", "blob:", "about:")


def test_bundle_works_from_disk_without_network(recorded, bundle_dir):
    rp = recorded()
    page = rp.page
    page.goto((bundle_dir / "index.html").as_uri())

    expect(page.get_by_role("heading", level=1)).to_contain_text("Secure Communities, Annotated")

    page.get_by_role("link", name="FACT 1", exact=True).first.click()
    expect(page).to_have_url((bundle_dir / "claims" / "fact-1.html").as_uri())
    expect(page.locator("h2#the-claim")).to_be_visible()
    page.wait_for_load_state("load")  # Material binds its shortcuts once its script has run

    page.keyboard.press("s")
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_be_focused()
    search.press_sequentially("fingerprints")  # Material listens to key events
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result__link[href*='the-page.html']").first).to_be_attached()

    leaving = [u for u in rp.requests if not u.startswith(LOCAL)]
    assert leaving == []
    assert any(u.endswith("search_index.js") for u in rp.requests), "search index never loaded"
