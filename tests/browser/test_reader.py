"""What a reader does on a claim page: reads a citation without scrolling
(hover or keyboard focus), jumps to a footnote and back, switches palette,
searches online, and prints."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from trees import open_search

# The open footnote tooltip: the one holding a passage (a heading's
# "Permanent link" tooltip may be open beside it while focus moves).
TIP = ".md-tooltip2--active:has(blockquote)"


@pytest.fixture
def claim_page(recorded, tree):
    page = recorded(viewport={"width": 1280, "height": 800}).page
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    return page


def passage_of(page, ref) -> str:
    """The opening words of the first passage the footnote behind `ref` holds."""
    target = ref.get_attribute("href").removeprefix("#")
    return page.locator(f"[id='{target}'] blockquote p").first.inner_text()[:40]


def test_footnote_shows_its_passage_on_hover(claim_page):
    ref = claim_page.locator("a.footnote-ref").nth(3)
    ref.hover()
    target = ref.get_attribute("href").removeprefix("#")
    expect(claim_page.locator(TIP)).to_be_visible()
    expect(claim_page.locator(TIP)).to_contain_text(
        claim_page.locator(f"[id='{target}'] p").first.inner_text().split("\n")[0][:30]
    )
    # The card shows the evidence itself, and where it was read.
    expect(claim_page.locator(TIP).locator("blockquote")).to_contain_text(passage_of(claim_page, ref))
    expect(claim_page.locator(TIP).locator("a[href^='http']").first).to_be_attached()


def test_footnote_shows_on_keyboard_focus_and_escape_hides_it(claim_page):
    claim_page.locator("h2#the-claim").click()
    for _ in range(60):
        claim_page.keyboard.press("Tab")
        if claim_page.evaluate("document.activeElement.classList.contains('footnote-ref')"):
            break
    else:
        pytest.fail("Tab never reached a footnote reference")
    expect(claim_page.locator(TIP)).to_be_visible()
    focused = claim_page.locator("a.footnote-ref:focus")
    expect(claim_page.locator(TIP).locator("blockquote")).to_contain_text(passage_of(claim_page, focused))
    claim_page.keyboard.press("Escape")
    expect(claim_page.locator(TIP)).to_be_hidden()
    assert claim_page.evaluate("document.activeElement.classList.contains('footnote-ref')")


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_page(recorded, tree):
    page = recorded(viewport=PHONE, is_mobile=True, has_touch=True).page
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    return page


def test_a_tap_opens_the_card_in_place_and_escape_gives_focus_back(phone_page):
    page = phone_page
    ref = page.locator("a.footnote-ref").nth(5)
    ref.scroll_into_view_if_needed()
    before = (page.url, page.evaluate("scrollY"))
    ref.tap()
    card = page.get_by_role("dialog", name=re.compile("Source of citation"))
    expect(card).to_be_visible()
    expect(card.locator("blockquote")).to_contain_text(passage_of(page, ref))
    assert (page.url, page.evaluate("scrollY")) == before, "the tap jumped away from the text"
    expect(card.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")


def test_the_card_closes_with_its_button(phone_page):
    page = phone_page
    ref = page.locator("a.footnote-ref").nth(2)
    ref.scroll_into_view_if_needed()
    ref.tap()
    card = page.get_by_role("dialog", name=re.compile("Source of citation"))
    card.get_by_role("button", name="Close").tap()
    expect(card).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')") == ref.get_attribute("href")


SEPARATED = """() => [...document.querySelectorAll(".md-typeset sup[id^='fnref']")].filter(sup => {
    let prev = sup.previousSibling;
    while (prev && prev.nodeType === 3 && !prev.textContent.trim()) prev = prev.previousSibling;
    return prev && prev.nodeType === 1 && prev.matches("sup[id^='fnref']");
}).map(sup => getComputedStyle(sup, "::before").content)"""


@pytest.mark.parametrize("name", ["timeline/", "claims/fact-1/", "claims/fact-5/"])
def test_adjacent_citation_markers_never_run_together(recorded, tree, name):
    page = recorded().page
    page.goto(tree.pages[name], wait_until="load")
    separators = page.evaluate(SEPARATED)
    assert separators, "no adjacent markers to check on this page"
    assert set(separators) == {'","'}


def test_citation_markers_are_24px_targets(claim_page):
    sizes = claim_page.eval_on_selector_all(
        "a.footnote-ref", "as => as.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24


def test_footnote_back_link_returns_to_the_text(claim_page):
    ref = claim_page.locator("a.footnote-ref").first
    ref.click()
    note = ref.get_attribute("href")
    expect(claim_page).to_have_url(re.compile(re.escape(note) + "$"))
    back = claim_page.locator(f"[id='{note[1:]}'] a.footnote-backref").first
    expect(back).to_have_attribute("title", re.compile("Jump back"))
    home = back.get_attribute("href")
    back.click()
    expect(claim_page).to_have_url(re.compile(re.escape(home) + "$"))
    expect(claim_page.locator(f"[id='{home[1:]}']")).to_be_in_viewport()


def test_palette_toggle_switches_and_is_kept(recorded, tree):
    page = recorded().page
    page.goto(tree.pages["/"], wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(tree.pages["claims/fact-1/"], wait_until="load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_search_works_online_under_the_policy(recorded, online):
    rp = recorded()
    page = rp.page
    page.goto(online.pages["claims/fact-1/"], wait_until="load")
    results = open_search(page, online.engine, "fingerprints")
    expect(results.first).to_be_visible()
    assert [u for u in rp.requests if not online.is_local(u)] == []


# --- print -------------------------------------------------------------------


def pdf_text(page) -> str:
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


ADDRESS = "https://example.org/report"


def print_problems(page) -> list[str]:
    """What a printed claim page must hold and must not, checked in its PDF text.

    Claim pages cite through footnotes, so they hold no external link of
    their own: one is added to the first paragraph, as an editor might."""
    page.evaluate(
        """a => { const p = document.querySelector(".md-content__inner > p");
        p.insertAdjacentHTML("beforeend", ` See <a href="${a}">the report</a> and <a href="${a}">${a}</a>.`); }""",
        ADDRESS,
    )
    text = pdf_text(page)
    squeezed = text.replace(" ", "")
    problems = []
    for hidden in ("Table of contents", "Skip to content", "Back to top", "Switch to dark mode"):
        if hidden in text:
            problems.append(f"printed {hidden!r}")
    if f"the report <{ADDRESS}>".replace(" ", "") not in squeezed:
        problems.append("address not printed after the link text")
    if squeezed.count(ADDRESS) != 2:
        problems.append(f"address printed {squeezed.count(ADDRESS)} times, expected 2 (once per link)")
    notes = page.eval_on_selector_all(".footnote li", "ls => ls.map(l => l.innerText)")
    missing = [n[:40] for n in notes if "".join(n.replace("↩", "").split())[:30] not in squeezed]
    if not notes or missing:
        problems.append(f"footnotes missing from print: {missing[:3]}")
    if "Citethispage" not in squeezed:
        problems.append("no citation printed")
    addresses = page.eval_on_selector_all(
        ".footnote li", "ls => ls.map(l => (l.querySelector('a[href^=\"http\"]') || {}).href)"
    )
    unprinted = [a for a in addresses if not a or "".join(a.split())[:40] not in squeezed]
    if unprinted:
        problems.append(f"footnotes printed without their source's address: {len(unprinted)} of {len(addresses)}")
    return problems


def test_claim_page_prints_cleanly(recorded, online):
    page = recorded().page
    page.goto(online.pages["claims/fact-1/"], wait_until="load")
    assert print_problems(page) == []


def test_print_check_sees_missing_link_addresses(recorded, online):
    page = recorded().page
    page.goto(online.pages["claims/fact-1/"], wait_until="load")
    page.evaluate("document.querySelector('link[href$=\"extra.css\"]').remove()")
    assert "address not printed after the link text" in print_problems(page)
